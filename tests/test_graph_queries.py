"""Every query on the bundled seeds, read by the real readers and extractor."""

from __future__ import annotations

import networkx as nx
import pytest
from graph_fixtures import all_fixtures, ev, seed_store, source

from graph import queries as q
from graph.store import NxStore
from loaders.model import Extraction, Instrument, Relation


@pytest.fixture(scope="module")
def g() -> nx.MultiDiGraph:
    return seed_store().graph


# -- search -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Directive 39", "instrument/39-CT/TW"),
        ("Chỉ thị 39", "instrument/39-CT/TW"),
        ("chi thi so 39", "instrument/39-CT/TW"),
        ("39- CT/TW", "instrument/39-CT/TW"),
        ("Resolution 27", "instrument/27-NQ/TW"),
        ("Nghị quyết 27-NQ/TW", "instrument/27-NQ/TW"),
        ("27-NQ/TW", "instrument/27-NQ/TW"),
        ("Plan 32", "instrument/32-KH/BCSĐ"),
        ("Ministry of Home Affairs", "agency/bo-noi-vu"),
        ("Bộ Nội vụ", "agency/bo-noi-vu"),
        ("bo noi vu", "agency/bo-noi-vu"),
        ("Ministry of Justice", "agency/bo-tu-phap"),
        ("Secretariat", "agency/ban-bi-thu"),
        ("Dang Hoang Oanh", "person/đặng-hoàng-oanh"),
        ("Đặng Hoàng Oanh", "person/đặng-hoàng-oanh"),
        ("Trương Hoà Bình", "person/trương-hòa-bình"),
        ("Luật Viên chức", "instrument/luat-vien-chuc"),
        ("instrument/57-CT/TW", "instrument/57-CT/TW"),
    ],
)
def test_search_finds_the_node_first(g: nx.MultiDiGraph, text: str, expected: str) -> None:
    hits = q.search(g, text)
    assert hits, text
    assert hits[0].id == expected, [h.id for h in hits[:3]]


def test_search_is_ranked_and_typed(g: nx.MultiDiGraph) -> None:
    hits = q.search(g, "Vụ Hợp tác quốc tế", limit=5)
    ids = [h.id for h in hits]
    assert {"agency/bo-noi-vu/vu-hop-tac-quoc-te", "agency/bo-tu-phap/vu-hop-tac-quoc-te"} <= set(ids)
    assert hits == sorted(hits, key=lambda h: -h.score)
    assert all(h.type == "Person" for h in q.search(g, "Tuấn", types=["Person"]))
    assert q.search(g, "") == []
    assert q.search(g, "zzzz qqqq") == []


def test_search_by_prefix(g: nx.MultiDiGraph) -> None:
    assert q.search(g, "Dang Hoang Oa")[0].id == "person/đặng-hoàng-oanh"


# -- lineage and status -------------------------------------------------------------------------

def test_lineage_of_directive_39_has_57_before_it(g: nx.MultiDiGraph) -> None:
    lin = q.lineage(g, "Directive 39")
    ids = [i.node.id for i in lin.items]
    assert ids.index("instrument/57-CT/TW") < ids.index("instrument/39-CT/TW")
    step = next(s for s in lin.steps if s.target.id == "instrument/57-CT/TW")
    assert step.type == "SUCCEEDS" and step.source.id == "instrument/39-CT/TW"
    assert step.evidence and "57-CT/TW" in step.evidence[0]["sentence"]
    assert step.evidence[0]["source_id"] == "001_ba33c05018878a3e.txt"
    assert step.evidence[0]["title"]


def test_lineage_of_27_shows_the_plan_implementing_it(g: nx.MultiDiGraph) -> None:
    lin = q.lineage(g, "27-NQ/TW")
    roles = {i.node.id: i.role for i in lin.items}
    assert roles["instrument/32-KH/BCSĐ"] == "descendant"
    assert any(s.type == "IMPLEMENTS" and s.source.id == "instrument/32-KH/BCSĐ" for s in lin.steps)
    ids = [i.node.id for i in lin.items]
    assert ids.index("instrument/27-NQ/TW") < ids.index("instrument/32-KH/BCSĐ")


def test_status_is_derived_from_links(g: nx.MultiDiGraph) -> None:
    assert q.status(g, "57-CT/TW").state == "succeeded"
    assert q.status(g, "57-CT/TW").because[0].source.id == "instrument/39-CT/TW"
    assert q.status(g, "39-CT/TW").state == "in force"
    assert q.lineage(g, "57-CT/TW").status.state == "succeeded"


def test_status_order_and_lineage_in_date_order() -> None:
    text = "A. B. C. D."
    src = source("lin.txt", text, published="2020-01-01")
    docs = [Instrument(number=n, key=n, kind="decree", issued=d) for n, d in
            [("1/2001/NĐ-CP", "2001"), ("2/2005/NĐ-CP", "2005"), ("3/2010/NĐ-CP", "2010"), ("4/2012/NĐ-CP", "2012")]]
    rels = [Relation("AMENDS", "2/2005/NĐ-CP", "1/2001/NĐ-CP", ev(text, "A.")),
            Relation("REPLACES", "3/2010/NĐ-CP", "2/2005/NĐ-CP", ev(text, "B.")),
            Relation("REPEALS", "4/2012/NĐ-CP", "1/2001/NĐ-CP", ev(text, "C.")),
            Relation("BASED_ON", "4/2012/NĐ-CP", "3/2010/NĐ-CP", ev(text, "D."))]
    store = NxStore()
    store.add_extraction(Extraction(source=src, documents=docs, relations=rels))
    g = store.graph
    assert q.status(g, "1/2001/NĐ-CP").state == "repealed"       # repealed beats amended
    assert q.status(g, "2/2005/NĐ-CP").state == "replaced"
    assert q.status(g, "3/2010/NĐ-CP").state == "in force"      # BASED_ON says nothing of force
    lin = q.lineage(g, "2/2005/NĐ-CP")
    assert [i.node.id for i in lin.items] == [
        "instrument/1/2001/NĐ-CP", "instrument/2/2005/NĐ-CP", "instrument/3/2010/NĐ-CP", "instrument/4/2012/NĐ-CP"]
    with pytest.raises(q.NotFound):
        q.lineage(g, "99-XX/YY")


def test_related(g: nx.MultiDiGraph) -> None:
    steps = q.related(g, "27-NQ/TW", "IMPLEMENTS", "in")
    assert [s.source.id for s in steps][:1] == ["instrument/32-KH/BCSĐ"]
    assert q.related(g, "Directive 39", "SUCCEEDS")[0].target.id == "instrument/57-CT/TW"


# -- people and agencies --------------------------------------------------------------------------

def test_career_of_dang_hoang_oanh_in_date_order(g: nx.MultiDiGraph) -> None:
    c = q.career(g, "Dang Hoang Oanh")
    posts = [(p.title, p.agency.id if p.agency else None) for p in c.posts]
    assert posts.index(("Vụ trưởng", "agency/bo-tu-phap/vu-hop-tac-quoc-te")) < posts.index(
        ("Thứ trưởng", "agency/bo-tu-phap"))
    first, second = c.posts[0], c.posts[-1]
    assert first.as_of is not None and first.as_of.startswith("2016")
    assert second.as_of == "2019-11-02"
    assert first.evidence[0]["source_id"] == "004_1a24aa6fded6f36b.txt"
    assert second.evidence[0]["source_id"] == "001_ba33c05018878a3e.txt"
    assert c.events


def test_holders_and_agency_profile(g: nx.MultiDiGraph) -> None:
    deputies = {p.person.id for p in q.holders(g, "Bộ Nội vụ", "Thứ trưởng")}
    assert {"person/trần-anh-tuấn", "person/trần-thị-hà", "person/vũ-chiến-thắng"} <= deputies
    prof = q.agency(g, "Ministry of Home Affairs")
    units = {u.id for u in prof.units}
    assert "agency/bo-noi-vu/vu-hop-tac-quoc-te" in units
    assert "agency/bo-tu-phap/vu-hop-tac-quoc-te" not in units
    assert any(p.title == "Bộ trưởng" for p in prof.leaders)
    assert {i.id for i in prof.instruments} >= {"instrument/1439/QĐ-BNV"}
    assert prof.events and all(e.node.type == "Event" for e in prof.events)
    assert q.agency(g, "agency/bo-tu-phap/vu-hop-tac-quoc-te").parent.id == "agency/bo-tu-phap"  # type: ignore[union-attr]


# -- paths, neighbourhoods, time --------------------------------------------------------------------

def test_paths_are_explained_hop_by_hop(g: nx.MultiDiGraph) -> None:
    ps = q.paths(g, "Dang Hoang Oanh", "Trương Hòa Bình", k=3)
    assert ps
    assert len(ps[0].hops) == len(ps[0].nodes) - 1
    assert [len(p.hops) for p in ps] == sorted(len(p.hops) for p in ps)
    for p in ps:
        assert p.nodes[0].id == "person/đặng-hoàng-oanh" and p.nodes[-1].id == "person/trương-hòa-bình"
        for (a, b), hop in zip(zip(p.nodes, p.nodes[1:], strict=False), p.hops, strict=True):
            assert {hop.source.id, hop.target.id} == {a.id, b.id}
            assert hop.type != "MENTIONS"
    assert len({tuple(n.id for n in p.nodes) for p in ps}) == len(ps)


def test_neighbourhood_filters(g: nx.MultiDiGraph) -> None:
    sg = q.neighbourhood(g, "Bộ Nội vụ", depth=1)
    types = {n.type for n in sg.nodes}
    assert "Source" not in types and {"Person", "Agency"} <= types
    assert all(e.type != "MENTIONS" for e in sg.edges)
    people = q.neighbourhood(g, "Bộ Nội vụ", depth=1, node_types=["Person"])
    assert all(n.type == "Person" for n in people.nodes[1:])
    held = q.neighbourhood(g, "Bộ Nội vụ", depth=1, edge_types=["HOLDS_POSITION"])
    assert {e.type for e in held.edges} == {"HOLDS_POSITION"}
    deep = q.neighbourhood(g, "Bộ Nội vụ", depth=2)
    assert len(deep.nodes) > len(sg.nodes)
    only_2022 = q.neighbourhood(g, "Bộ Nội vụ", depth=1, node_types=["Event"], date_from="2022-01-01",
                                date_to="2022-12-31")
    assert only_2022.nodes[1:] and all(n.date and n.date.startswith("2022") for n in only_2022.nodes[1:])
    small = q.neighbourhood(g, "Bộ Nội vụ", depth=2, limit=5)
    assert small.truncated and len(small.nodes) == 5
    a_source = next(n for n, d in g.nodes(data=True) if d["type"] == "Source")
    assert any(e.type == "MENTIONS" for e in q.neighbourhood(g, a_source).edges)


def test_timeline(g: nx.MultiDiGraph) -> None:
    items = q.timeline(g)
    dated = [i.date for i in items if i.date[:4].isdigit()]
    assert dated == sorted(dated)
    assert items[0].node.id == "instrument/3/1999/NĐ-CP" or items[0].date <= "1999-01-28"
    in_2021 = q.timeline(g, date_from="2021", date_to="2021-12-31")
    assert in_2021 and all(i.date.startswith("2021") for i in in_2021)
    events_only = q.timeline(g, node_types=["Event"], involving="Trương Hòa Bình")
    assert events_only and all(i.node.type == "Event" for i in events_only)


def test_overview(g: nx.MultiDiGraph) -> None:
    o = q.overview(g, top=3)
    assert o.nodes_by_type["Source"] == 5 == o.sources
    assert set(o.nodes_by_type) == {"Instrument", "Agency", "Person", "Event", "Source"}
    assert o.top_instruments[0][0].id == "instrument/39-CT/TW"
    assert o.top_agencies[0][0].id == "agency/bo-noi-vu"
    assert len(o.top_people) == 3


def test_node_detail_and_json(g: nx.MultiDiGraph) -> None:
    d = q.node(g, "Directive 39")
    assert d.node.id == "instrument/39-CT/TW"
    assert d.attrs["issued"] == "2009-12-09"
    assert {s.id for s in d.sources} and all(s.type == "Source" for s in d.sources)
    assert "claims" not in d.attrs and "ledger" not in d.attrs
    import json

    json.dumps(d.to_dict(), ensure_ascii=False)
    json.dumps(q.lineage(g, "39-CT/TW").to_dict(), ensure_ascii=False)
    json.dumps(q.overview(g).to_dict(), ensure_ascii=False)


def test_queries_on_fixture_graph_too() -> None:
    store = NxStore()
    for ex in all_fixtures():
        store.add_extraction(ex)
    g = store.graph
    assert q.career(g, "Trương Hòa Bình").posts[0].title == "Phó Thủ tướng Thường trực"
    # Lê Thành Long (Bộ Tư pháp) and Vũ Chiến Thắng (Bộ Nội vụ) share nothing in these texts
    assert q.paths(g, "Lê Thành Long", "Vũ Chiến Thắng") == []
    assert len(q.paths(g, "Lê Thành Long", "Đặng Hoàng Oanh", k=5)) >= 2
