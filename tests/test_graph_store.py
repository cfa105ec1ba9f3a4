"""Merging, provenance and durable storage, on hand-made extractions (independent of the extractor)."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import networkx as nx
import pytest
from graph_fixtures import (
    all_fixtures,
    code_running_graph_file,
    directive_39_review,
    directive_39_survey,
    ev,
    justice_units,
    plan_32,
    source,
)

from graph.index import resolve
from graph.merge import derive_node, facts_from_extraction
from graph.store import NxStore
from loaders.extract import extract
from loaders.model import Extraction, Instrument, Relation, SourceText


def fresh(*exs: Extraction) -> NxStore:
    store = NxStore()
    for ex in exs:
        store.add_extraction(ex)
    return store


def snapshot(store: NxStore) -> tuple[dict, dict]:
    g = store.graph
    nodes = {n: {k: v for k, v in d.items()} for n, d in g.nodes(data=True)}
    edges = {(u, v, k): dict(d) for u, v, k, d in g.edges(keys=True, data=True)}
    return nodes, edges


def test_facts_from_several_sources_merge_on_one_node() -> None:
    g = fresh(directive_39_survey(), directive_39_review()).graph
    d39 = g.nodes["instrument/39-CT/TW"]
    assert d39["issued"] == "2009-12-09"                     # from the survey article
    assert g.has_edge("instrument/39-CT/TW", "instrument/57-CT/TW", "SUCCEEDS")   # from the review
    assert sorted(d39["sources"]) == ["000_fixture.txt", "001_fixture.txt"]
    assert "39- CT/TW" in d39["aliases"]
    # the two spellings of Trương Hòa Bình are one person
    assert "person/trương-hòa-bình" in g
    assert [n for n in g if n.startswith("person/trương")] == ["person/trương-hòa-bình"]
    # the issuer "Ban Bí thư Trung ương Đảng" is the Secretariat: one node, evidence from both
    issued_by = g.edges["instrument/39-CT/TW", "agency/ban-bi-thu", "ISSUED_BY"]
    assert {e["source_id"] for e in issued_by["evidence"]} == {"000_fixture.txt", "001_fixture.txt"}


def test_every_edge_has_evidence_with_span_and_date() -> None:
    store = fresh(*all_fixtures())
    g = store.graph
    texts = {ex.source.source_id: ex.source.text for ex in all_fixtures()}
    for u, v, d in g.edges(data=True):
        assert d["sources"], (u, v, d["type"])
        for e in d["evidence"]:
            assert set(e) >= {"source_id", "sentence", "start", "end", "date"}
            if e["sentence"] is not None:
                assert texts[e["source_id"]][e["start"]:e["end"]] == e["sentence"]


def test_same_unit_of_two_ministries_stays_two_nodes() -> None:
    from graph_fixtures import home_affairs_units

    g = fresh(home_affairs_units(), justice_units()).graph
    assert "agency/bo-noi-vu/vu-hop-tac-quoc-te" in g
    assert "agency/bo-tu-phap/vu-hop-tac-quoc-te" in g
    assert g.has_edge("agency/bo-tu-phap/vu-hop-tac-quoc-te", "agency/bo-tu-phap", "PART_OF")


def test_conflicting_values_are_kept_with_their_sources() -> None:
    other = directive_39_review()
    other.documents[0].issued = "2010-01-05"
    g = fresh(directive_39_survey(), other).graph
    d = g.nodes["instrument/39-CT/TW"]
    assert d["issued"] in ("2009-12-09", "2010-01-05")
    values = {c["value"]: c["sources"] for c in d["conflicts"]["issued"]}
    assert values == {"2009-12-09": ["000_fixture.txt"], "2010-01-05": ["001_fixture.txt"]}


def test_coarser_dates_agree_with_precise_ones() -> None:
    attrs = derive_node("Instrument", {"a": {"issued": "2009"}, "b": {"issued": "2009-12-09"}, "c": {"issued": "2009-12"}})
    assert attrs["issued"] == "2009-12-09"
    assert attrs["conflicts"] == {}


def test_reingest_unchanged_changes_nothing() -> None:
    store = fresh(*all_fixtures())
    before = snapshot(store)
    rev = store.graph.graph["revision"]
    for ex in all_fixtures():
        assert store.add_extraction(ex).status == "unchanged"
    assert snapshot(store) == before
    assert store.graph.graph["revision"] == rev


def test_changed_source_replaces_its_facts() -> None:
    store = fresh(directive_39_survey(), directive_39_review())
    changed = directive_39_review()
    text = changed.source.text + "\nChỉ thị 39 bãi bỏ Quyết định 1/QĐ-TW."
    changed = dataclasses.replace(changed, source=source("001_fixture.txt", text, published="2019-11-02"))
    changed.documents = changed.documents[:1]          # 57-CT/TW no longer mentioned
    changed.relations = [Relation("REPEALS", "39-CT/TW", "1/QĐ-TW", ev(text, "Chỉ thị 39 bãi bỏ Quyết định 1/QĐ-TW."))]
    assert store.add_extraction(changed).status == "replaced"
    g = store.graph
    assert not g.has_edge("instrument/39-CT/TW", "instrument/57-CT/TW", "SUCCEEDS")
    assert "instrument/57-CT/TW" not in g            # only the old version mentioned it
    assert g.has_edge("instrument/39-CT/TW", "instrument/1/QĐ-TW", "REPEALS")
    assert len(store.manifest) == 2


def test_remove_takes_back_only_what_the_source_alone_said() -> None:
    survey, review = directive_39_survey(), directive_39_review()
    store = fresh(survey)
    only_survey = snapshot(store)
    store.add_extraction(review)
    ch = store.remove_source(review.source.source_id)
    assert ch.status == "removed" and ch.nodes_removed > 0
    assert snapshot(store)[0].keys() == only_survey[0].keys()
    assert snapshot(store)[1].keys() == only_survey[1].keys()
    d39 = store.graph.nodes["instrument/39-CT/TW"]
    assert d39["sources"] == ["000_fixture.txt"]
    assert d39["issued"] == "2009-12-09"
    assert store.remove_source("no-such-source").status == "unknown"


def test_remove_everything_leaves_an_empty_graph() -> None:
    store = fresh(*all_fixtures())
    for sid in list(store.manifest):
        store.remove_source(sid)
    assert store.graph.number_of_nodes() == 0
    assert store.graph.number_of_edges() == 0


def test_add_remove_add_is_the_same_graph() -> None:
    store = fresh(*all_fixtures())
    before = snapshot(store)
    store.remove_source("001_fixture.txt")
    store.add_extraction(directive_39_review())
    nodes, edges = snapshot(store)
    assert nodes.keys() == before[0].keys() and edges.keys() == before[1].keys()
    for n in nodes:
        for f in ("label", "issued", "kind", "number", "name"):
            assert nodes[n].get(f) == before[0][n].get(f), (n, f)


def test_bare_reference_resolves_to_the_numbered_instrument_in_the_graph() -> None:
    store = fresh(directive_39_survey())
    text = "Tiếp tục thực hiện Chỉ thị 39 của Ban Bí thư."
    ex = Extraction(source=source("x.txt", text, published="2020-01-01"),
                    documents=[Instrument(number=None, key="Chỉ thị 39", name="Chỉ thị 39", kind="directive",
                                          evidence=[ev(text, text)])])
    facts = facts_from_extraction(ex, store.lookup_bare)
    assert "instrument/39-CT/TW" in facts.nodes
    # without the graph it stays an unnumbered node of its own
    assert "instrument/chi-thi-39" in facts_from_extraction(ex).nodes


def test_posts_have_as_of_dates_from_the_source() -> None:
    g = fresh(directive_39_review(), justice_units()).graph
    deputy = g.edges["person/đặng-hoàng-oanh", "agency/bo-tu-phap", "HOLDS_POSITION:thu-truong"]
    assert deputy["title"] == "Thứ trưởng" and deputy["as_of"] == "2019-11-02"
    head = g.edges["person/đặng-hoàng-oanh", "agency/bo-tu-phap/vu-hop-tac-quoc-te", "HOLDS_POSITION:vu-truong"]
    assert head["as_of"] == "2016"          # no article date: the year the sentence states


def test_a_failing_merge_rolls_the_source_back() -> None:
    store = fresh(directive_39_survey())
    before = snapshot(store)
    facts = facts_from_extraction(plan_32())
    facts.edges[("instrument/32-KH/BCSĐ", "nowhere", "BROKEN")] = None  # type: ignore[assignment]
    with pytest.raises(AttributeError):
        store.add_facts(facts)
    assert snapshot(store)[0].keys() == before[0].keys()
    assert snapshot(store)[1].keys() == before[1].keys()
    assert "002_fixture.txt" not in store.manifest


@pytest.mark.parametrize("name", ["graph.kg", "graph.json.gz", "graph.json"])
def test_save_and_load_round_trip(tmp_path: Path, name: str) -> None:
    store = fresh(*all_fixtures())
    path = store.save(tmp_path / name)
    loaded = NxStore.load(path)
    assert snapshot(loaded)[0].keys() == snapshot(store)[0].keys()
    assert snapshot(loaded)[1].keys() == snapshot(store)[1].keys()
    assert loaded.manifest.keys() == store.manifest.keys()
    # and the loaded store keeps working: unchanged sources are skipped, removal works
    assert loaded.add_extraction(plan_32()).status == "unchanged"
    assert loaded.remove_source("002_fixture.txt").status == "removed"
    assert not list(tmp_path.glob(".*tmp*"))


def test_missing_graph_file_is_an_empty_store(tmp_path: Path) -> None:
    store = NxStore.load(tmp_path / "none.kg")
    assert store.graph.number_of_nodes() == 0 and not store.manifest


def test_a_file_of_another_kind_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "g.kg"
    p.write_bytes(pickle.dumps({"format": "something else"}))
    with pytest.raises(ValueError):
        NxStore.load(p, trust_pickle=True)


def test_a_graph_file_of_the_old_ids_is_refused_with_what_to_do(tmp_path: Path) -> None:
    p = tmp_path / "old.pickle"
    p.write_bytes(pickle.dumps({"format": "vn-policy-kg/1", "graph": nx.MultiDiGraph(), "manifest": {}}))
    with pytest.raises(ValueError, match=r"old\.pickle: a graph file of format vn-policy-kg/1 .*tone marks.*remove it, then build it again"):
        NxStore.load(p, trust_pickle=True)


def test_people_whose_names_differ_in_tone_marks_are_two_nodes_found_by_either_id() -> None:
    store = NxStore()
    store.add_extraction(extract(SourceText(source_id="a.txt", name="a.txt", path="a.txt",
                                            text="Ông Nguyễn Thành Phong, Chủ tịch UBND TP.HCM cho biết.")))
    store.add_extraction(extract(SourceText(source_id="b.txt", name="b.txt", path="b.txt",
                                            text="Ông Nguyễn Thanh Phong, Cục trưởng Cục An toàn thực phẩm cho biết.")))
    g = store.graph
    assert {"person/nguyễn-thành-phong", "person/nguyễn-thanh-phong"} <= set(g)
    assert resolve(g, "person/nguyễn-thành-phong") == "person/nguyễn-thành-phong"
    assert resolve(g, "person/nguyen-thanh-phong") is None    # typed without marks, it could mean either
    store.add_extraction(extract(SourceText(source_id="c.txt", name="c.txt", path="c.txt",
                                            text="Ông Đặng Hoàng Oanh, Thứ trưởng Bộ Tư pháp cho biết.")))
    assert resolve(store.graph, "person/dang-hoang-oanh") == "person/đặng-hoàng-oanh"


def test_a_graph_file_that_would_run_code_is_refused_and_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    p = code_running_graph_file(tmp_path / "graph.pickle", marker, graph=fresh(*all_fixtures()).graph)
    with pytest.raises(ValueError, match=r"graph\.pickle: a graph file in the old pickle format, which can run "
                                         r"code .*--trust-pickle"):
        NxStore.load(p)
    assert not marker.exists()
    # even when the user vouches for it, the unpickler allows only the graph's own classes
    with pytest.raises(ValueError, match=r"graph\.pickle: not a safe graph file .*pathlib"):
        NxStore.load(p, trust_pickle=True)
    assert not marker.exists()


def test_a_graph_file_may_not_walk_from_an_allowed_class_to_its_globals(tmp_path: Path) -> None:
    # protocol 4 names are dotted paths: 'NodeView.__init__.__globals__' must not resolve
    p = tmp_path / "graph.pickle"

    def unicode(text: str) -> bytes:
        return pickle.SHORT_BINUNICODE + bytes([len(text)]) + text.encode()

    p.write_bytes(pickle.PROTO + b"\x04" + unicode("networkx.classes.reportviews")
                  + unicode("NodeView.__init__.__globals__") + pickle.STACK_GLOBAL + pickle.STOP)
    assert isinstance(pickle.loads(p.read_bytes()), dict)     # plain pickle would hand out the globals
    with pytest.raises(ValueError, match="not a safe graph file"):
        NxStore.load(p, trust_pickle=True)
