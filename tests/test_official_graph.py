"""Official texts in the graph (issue 10, graph and app side), on the real fixtures of
tests/official: an official text and a news article naming the same instrument meet in one
node; the official text's number, date, issuer, title and signer win and the news value stays
visible as a conflict; signer, recipients, effective date and outline are kept; links cite the
article that states them; the document query, the CLI and the app's document page show it all.
Every check holds whether the official text is read from .txt, .docx or .pdf.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from graph import queries as q
from graph.cli import main as cli
from graph.document import document
from graph.ingest import build
from graph.schema import load_schema
from graph.store import NxStore

ROOT = Path(__file__).resolve().parent.parent
OFF = ROOT / "tests" / "official"
ND30 = "instrument/30/2020/NĐ-CP"
QD05 = "instrument/5/2007/QĐ-BNV"
QUY_CHE = "instrument/quy-che-chung-chi-dao-tao-boi-duong-can-bo-cong-chuc"
FORMATS = ("txt", "docx", "pdf")

# A news article on Nghị định 30/2020/NĐ-CP that gets its date wrong (06/3 instead of 05/3).
NEWS = """Bộ Nội vụ triển khai Nghị định về công tác văn thư

Ngày 10/4/2020, Bộ Nội vụ tổ chức hội nghị triển khai Nghị định số 30/2020/NĐ-CP ngày 06/3/2020 của Chính phủ về công tác văn thư.

Thứ trưởng Bộ Nội vụ Vũ Đăng Minh chủ trì hội nghị.
"""


def official_file(stem: str, fmt: str) -> Path:
    return OFF / ("texts" if fmt == "txt" else "fixtures") / f"{stem}.{fmt}"


def news_file(tmp: Path) -> Path:
    path = tmp / "news_nd30.txt"
    path.write_text(NEWS, encoding="utf-8")
    return path


def built(paths: list[Path]) -> NxStore:
    store = NxStore()
    summary = build(store, [str(p) for p in paths], workers=1, progress=False)
    assert not summary.failed, summary.failed
    return store


def instruments(g: nx.MultiDiGraph, number: str) -> list[str]:
    return [n for n, d in g.nodes(data=True) if d.get("type") == "Instrument" and d.get("number") == number]


@pytest.fixture(scope="module", params=FORMATS)
def nd30(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, NxStore]:
    """The decree from one format, then the news article that misdates it."""
    fmt = request.param
    tmp = tmp_path_factory.mktemp(f"nd30_{fmt}")
    return fmt, built([official_file("nd_30_2020_nd_cp", fmt), news_file(tmp)])


# -- merge ----------------------------------------------------------------------------------

def test_official_text_and_news_meet_in_one_node_and_the_official_date_wins(nd30: tuple[str, NxStore]) -> None:
    fmt, store = nd30
    g = store.graph
    assert instruments(g, "30/2020/NĐ-CP") == [ND30]
    d = g.nodes[ND30]
    assert len(d["sources"]) == 2
    assert d["issued"] == "2020-03-05"
    assert d["issuer"] == "Chính phủ"
    assert d["kind"] == "decree"
    assert d["subject"] == "Về công tác văn thư"
    assert d["signer"] == "Nguyễn Xuân Phúc"
    conflict = d["conflicts"]["issued"]
    assert [(c["value"], c["sources"], c["authority"]) for c in conflict] == [
        ("2020-03-05", [f"nd_30_2020_nd_cp.{fmt}"], 1), ("2020-03-06", ["news_nd30.txt"], 0)]
    assert set(d["conflicts"]) == {"issued"}     # the news title "về công tác văn thư" agrees


def test_the_official_value_wins_whatever_the_order_and_removing_the_text_gives_it_back(tmp_path: Path) -> None:
    news = news_file(tmp_path)
    store = built([news])
    assert store.graph.nodes[ND30]["issued"] == "2020-03-06"
    built_into = build(store, [str(official_file("nd_30_2020_nd_cp", "txt"))], workers=1, progress=False)
    assert built_into.added == 1
    d = store.graph.nodes[ND30]
    assert d["issued"] == "2020-03-05" and d["conflicts"]["issued"][0]["authority"] == 1
    store.remove_source("nd_30_2020_nd_cp.txt")
    d = store.graph.nodes[ND30]
    assert d["issued"] == "2020-03-06"
    assert "authority" not in d and not d["conflicts"]
    assert "signer" not in d and "outline" not in d


def test_many_news_sources_do_not_outvote_the_official_text(tmp_path: Path) -> None:
    paths = []
    for i in range(3):
        p = tmp_path / f"news_{i}.txt"
        p.write_text(NEWS.replace("Ngày 10/4/2020", f"Ngày {10 + i}/4/2020"), encoding="utf-8")
        paths.append(p)
    store = built([*paths, official_file("nd_30_2020_nd_cp", "txt")])
    d = store.graph.nodes[ND30]
    assert d["issued"] == "2020-03-05"
    assert sorted(d["conflicts"]["issued"][1]["sources"]) == ["news_0.txt", "news_1.txt", "news_2.txt"]


def test_signer_recipients_effective_date_and_outline_are_kept(nd30: tuple[str, NxStore]) -> None:
    _, store = nd30
    g = store.graph
    d = g.nodes[ND30]
    signed = g.edges["person/nguyễn-xuân-phúc", ND30, "SIGNED"]
    assert signed["title"] == "Thủ tướng" and signed["on_behalf"] == "Chính phủ" and signed["mode"] == "TM."
    assert "Nguyễn Xuân Phúc" in signed["evidence"][0]["sentence"]
    assert d["signature"]["post"] == "Thủ tướng"
    assert g.has_edge("person/nguyễn-xuân-phúc", "agency/chinh-phu", "HOLDS_POSITION:thu-tuong")
    assert len(d["recipients"]) == 20 and d["recipients"][0] == "Ban Bí thư Trung ương Đảng"
    assert g.has_edge(ND30, "agency/ban-bi-thu", "ADDRESSED_TO")
    assert not any("cac-bo" in v for _, v, k in g.out_edges(ND30, keys=True) if k == "ADDRESSED_TO")
    assert d["effective"] == "2020-03-05" and "kể từ ngày ký" in d["effective_text"]
    assert d["place"] == "Hà Nội"
    paths = [o["path"] for o in d["outline"]["items"]]
    assert paths[:3] == ["Chương I", "Điều 1", "Điều 2"]
    assert "Điều 3, khoản 2" in paths and "Điều 4, khoản 2, điểm a" in paths and "Điều 37" in paths
    art3 = next(o for o in d["outline"]["items"] if o["path"] == "Điều 3")
    assert art3["title"] == "Giải thích từ ngữ" and art3["text"].startswith("Điều 3.")


def test_links_stated_in_an_article_cite_it(nd30: tuple[str, NxStore]) -> None:
    _, store = nd30
    g = store.graph
    repeal = g.edges[ND30, "instrument/110/2004/NĐ-CP", "REPEALS"]
    official = [e for e in repeal["evidence"] if e["source_id"].startswith("nd_30")]
    assert official and official[0]["outline_path"] == "Điều 37" and official[0]["outline_of"] == ND30
    basis = g.edges[ND30, "instrument/luat-to-chuc-chinh-phu", "BASED_ON"]
    assert "outline_path" not in basis["evidence"][0]     # the preamble is no article


def test_the_official_text_is_a_named_source(nd30: tuple[str, NxStore]) -> None:
    fmt, store = nd30
    g = store.graph
    src = next(d for _, d in g.nodes(data=True) if d.get("type") == "Source" and d.get("official"))
    assert src["title"] == "Nghị định 30/2020/NĐ-CP"
    assert src["date"] == "2020-03-05" and src["name"] == f"nd_30_2020_nd_cp.{fmt}"


# -- ISSUES ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def qd05() -> NxStore:
    return built([official_file("qd_05_2007_qd_bnv", "pdf")])


def test_issues_is_in_the_schema_with_labels() -> None:
    et = load_schema().edges["ISSUES"]
    assert (et.en, et.vi) == ("issues", "ban hành kèm theo")
    assert et.lineage and et.lineage_reversed and et.sources == ("Instrument",) == et.targets
    for name in ("SIGNED", "ADDRESSED_TO"):
        assert load_schema().edges[name].vi


def test_a_decision_issues_its_regulation_and_lineage_follows(qd05: NxStore) -> None:
    g = qd05.graph
    edge = g.edges[QD05, QUY_CHE, "ISSUES"]
    assert edge["evidence"][0]["outline_path"] == "Điều 1"
    lin = q.lineage(g, QUY_CHE)
    roles = {i.node.id: (i.role, i.depth) for i in lin.items}
    assert roles[QD05] == ("ancestor", 1)
    assert roles["instrument/45/2003/NĐ-CP"] == ("ancestor", 2)    # the decision's basis
    order = [i.node.id for i in lin.items]
    assert order.index(QD05) < order.index(QUY_CHE)
    down = {i.node.id: i.role for i in q.lineage(g, QD05).items}
    assert down[QUY_CHE] == "descendant"
    assert [s.target.id for s in q.related(g, QD05, "ISSUES")] == [QUY_CHE]


def test_the_regulation_keeps_its_own_outline(qd05: NxStore) -> None:
    g = qd05.graph
    assert [o["path"] for o in g.nodes[QUY_CHE]["outline"]["items"]] == ["Điều 1", "Điều 1, khoản 1"]
    assert [o["path"] for o in g.nodes[QD05]["outline"]["items"]] == ["Điều 1", "Điều 2", "Điều 3"]
    doc = document(g, QUY_CHE)
    assert [r.id for r in doc.issued_by_text] == [QD05]
    assert all(not i.links for i in doc.outline)        # the decision's Điều 1 is not the regulation's
    decision = document(g, QD05)
    assert [s.type for s in decision.outline[0].links] == ["ISSUES"]


# -- document query and CLI ------------------------------------------------------------------

def test_document_query(nd30: tuple[str, NxStore]) -> None:
    fmt, store = nd30
    doc = document(store.graph, "30/2020/NĐ-CP")
    assert doc.official and doc.official_sources[0].label == "Nghị định 30/2020/NĐ-CP"
    fields = {f.name: f for f in doc.fields}
    assert fields["issued"].value == "2020-03-05" and fields["issued"].authoritative
    assert [(c.value, c.authoritative) for c in fields["issued"].claims] == [("2020-03-05", True), ("2020-03-06", False)]
    assert fields["issued"].claims[1].sources[0].label == "Bộ Nội vụ triển khai Nghị định về công tác văn thư"
    assert fields["issuer"].authoritative and len(fields["issuer"].claims[0].sources) == 2   # both agree
    assert [f.name for f in doc.conflicts] == ["issued"]
    assert doc.signature is not None and doc.signature.person is not None
    assert (doc.signature.name, doc.signature.post, doc.signature.modes) == ("Nguyễn Xuân Phúc", "Thủ tướng", ["TM."])
    assert [s.target.id for s in doc.bases] == ["instrument/luat-to-chuc-chinh-phu"]
    art37 = next(i for i in doc.outline if i.path == "Điều 37")
    assert sorted(s.target.id for s in art37.links) == ["instrument/110/2004/NĐ-CP", "instrument/9/2010/NĐ-CP"]
    assert art37.depth == 1 and next(i for i in doc.outline if i.path == "Chương VII").depth == 0
    assert next(i for i in doc.outline if i.path == "Điều 4, khoản 2, điểm a").depth == 3
    assert doc.status.state == "in force"
    assert doc.to_dict()["fields"][0]["name"] == "number"


def test_document_is_the_same_from_txt_docx_and_pdf(tmp_path: Path) -> None:
    def summary(fmt: str) -> tuple[object, ...]:
        store = built([official_file("nd_30_2020_nd_cp", fmt), news_file(tmp_path)])
        doc = document(store.graph, ND30)
        return ([(f.name, f.value, f.authoritative, f.conflict) for f in doc.fields],
                [(i.path, i.title, len(i.links)) for i in doc.outline],
                doc.signature.name if doc.signature else None, doc.recipients,
                sorted((s.type, s.target.id) for s in doc.links))
    txt = summary("txt")
    assert summary("docx") == txt
    assert summary("pdf") == txt


def test_cli_query_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "g.kg"
    assert cli(["--graph", str(graph), "build", "--workers", "1", str(official_file("nd_30_2020_nd_cp", "txt")),
                str(news_file(tmp_path))]) == 0
    capsys.readouterr()
    assert cli(["--graph", str(graph), "query", "document", "30/2020/NĐ-CP"]) == 0
    out = capsys.readouterr().out
    assert "★ issued: 2020-03-05" in out
    assert "CONFLICT issued: 2020-03-05 (official text) — other sources: 2020-03-06" in out
    assert "signed: TM. Chính phủ · Thủ tướng · Nguyễn Xuân Phúc" in out
    assert "stated in: Điều 37" in out and "Chương VII ĐIỀU KHOẢN THI HÀNH" in out
    assert cli(["--graph", str(graph), "query", "document", "Bộ Nội vụ"]) == 1   # not an instrument


# -- the app's document page ---------------------------------------------------------------

@pytest.fixture(scope="module")
def app_graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    tmp = tmp_path_factory.mktemp("app_official")
    store = built([*(official_file(s, "txt") for s in ("nd_30_2020_nd_cp", "qd_05_2007_qd_bnv", "ct_05_ct_tw")),
                   news_file(tmp)])
    path = store.save(tmp / "graph.kg")
    mp = pytest.MonkeyPatch()
    mp.setenv("KG_GRAPH", str(path))
    st.cache_resource.clear()
    st.cache_data.clear()
    yield path
    mp.undo()
    st.cache_resource.clear()
    st.cache_data.clear()


def run_app(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def page(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.title]
    parts += [e.value for e in at.header] + [b.label for b in at.button] + [e.value for e in at.info]
    parts += [e.value for e in at.warning] + [x.label for x in at.expander]
    return "\n".join(str(p) for p in parts)


def test_document_page_shows_header_signer_outline_and_the_conflict(app_graph: Path) -> None:
    at = run_app(view="document", id=ND30)
    text = page(at)
    assert at.title[0].value == "Nghị định 30/2020/NĐ-CP"
    assert "Văn bản gốc" in text and "theo văn bản gốc" in text
    assert "2020\\-03\\-05" in text or "2020-03-05" in text
    assert "tin bài ghi 2020-03-06" in text.replace("\\", "") and "văn bản gốc ghi 2020-03-05" in text.replace("\\", "")
    assert "TM. Chính phủ · Thủ tướng" in text.replace("\\", "")
    assert "Nguyễn Xuân Phúc" in text                         # the signer, a link to the person
    assert "kể từ ngày ký" in text
    assert "tại Điều 37" in text                              # the repeal cites its article
    labels = [x.label for x in at.expander]
    assert any(label.startswith("Chương VII") and "2 liên kết" in label for label in labels)
    assert any(label.startswith("Nơi nhận (20)") for label in labels)
    assert any("Nghị định 110/2004/NĐ-CP" in b.label and "Điều 37" in b.label for b in at.button)


def test_document_page_in_english_says_what_the_news_and_the_official_text_say(app_graph: Path) -> None:
    text = page(run_app(view="document", id=ND30, lang="en")).replace("\\", "")
    assert "news says 2020-03-06 (Bộ Nội vụ triển khai Nghị định về công tác văn thư); " \
           "the official text says 2020-03-05" in text
    assert "from the official text" in text and "Decree 30/2020/NĐ-CP" in text


def test_entity_page_links_to_the_document_and_shows_the_conflict(app_graph: Path) -> None:
    at = run_app(view="entity", id=ND30)
    text = page(at).replace("\\", "")
    assert "văn bản gốc ghi 2020-03-05" in text
    at.button(key="act_document").click().run()
    assert at.query_params["view"] == "document" and at.query_params["id"] == ND30
    assert at.title[0].value == "Nghị định 30/2020/NĐ-CP"
    news_only = run_app(view="entity", id="instrument/110/2004/NĐ-CP")
    assert not [b for b in news_only.button if b.key == "act_document"]


def test_document_page_of_a_regulation_and_of_a_party_directive(app_graph: Path) -> None:
    text = page(run_app(view="document", id=QUY_CHE))
    assert "Được ban hành kèm theo" in text and "Quyết định 5/2007/QĐ-BNV" in text
    assert "chưa có văn bản gốc" in text                       # it is no text of its own
    text = page(run_app(view="document", id="instrument/5-CT/TW")).replace("\\", "")
    assert "T/M Bộ Chính trị · Tổng Bí thư" in text and "Nguyễn Phú Trọng" in text
    assert "Chỉ thị 3-CT/TW" in text and "thay thế" in text


def test_document_page_asks_for_an_instrument(app_graph: Path) -> None:
    assert "Hãy chọn một văn bản" in page(run_app(view="document", id="person/nguyễn-xuân-phúc"))
    assert run_app(view="document").text_input, "a search box to pick one"


def test_lineage_page_draws_the_issuing_decision_first(app_graph: Path) -> None:
    at = run_app(view="lineage", id=QUY_CHE)
    dot = at.get("graphviz_chart")[0].proto.spec
    nodes = {line.split(" ")[0]: line for line in dot.splitlines() if line.startswith("n") and "label=" in line
             and "->" not in line}
    decision = next(k for k, v in nodes.items() if "5/2007/QĐ-BNV" in v)
    regulation = next(k for k, v in nodes.items() if "Quy chế" in v)
    assert f"{decision} -> {regulation} [label=\"ban hành kèm theo\"]" in dot


def test_lineage_evidence_cites_the_article_in_the_cli_and_the_app(app_graph: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["--graph", str(app_graph), "query", "lineage", "30/2020/NĐ-CP"]) == 0
    assert "source: Nghị định 30/2020/NĐ-CP, Điều 37 (nd_30_2020_nd_cp.txt" in capsys.readouterr().out
    captions = [c.value for c in run_app(view="lineage", id=ND30).caption]
    assert any("Điều 37" in c and "Nghị định 30/2020/NĐ-CP" in c for c in captions)
    timeline = q.timeline(NxStore.load(app_graph).graph, involving=ND30)
    assert any(r.label == "Nguyễn Xuân Phúc" for i in timeline if i.node.id == ND30 for r in i.links)


def test_two_official_copies_that_disagree_are_both_shown(tmp_path: Path) -> None:
    text = official_file("nd_30_2020_nd_cp", "txt").read_text(encoding="utf-8")
    bad = tmp_path / "nd_30_copy.txt"
    bad.write_text(text.replace("ngày 05 tháng 3 năm 2020", "ngày 15 tháng 3 năm 2020"), encoding="utf-8")
    store = built([official_file("nd_30_2020_nd_cp", "pdf"), official_file("nd_30_2020_nd_cp", "docx"), bad])
    d = store.graph.nodes[ND30]
    assert d["issued"] == "2020-03-05"           # two copies against one
    assert [(c["value"], c["authority"]) for c in d["conflicts"]["issued"]] == [("2020-03-05", 1), ("2020-03-15", 1)]
    graph = store.save(tmp_path / "g.kg")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_GRAPH", str(graph))
        st.cache_resource.clear()
        st.cache_data.clear()
        text = page(run_app(view="document", id=ND30, lang="en")).replace("\\", "")
    st.cache_resource.clear()
    st.cache_data.clear()
    assert "another copy of the official text says 2020-03-15 (Nghị định 30/2020/NĐ-CP)" in text


def test_authority_decides_every_header_field() -> None:
    from graph.merge import derive_node

    news = {"number": "39-CT/TW", "kind": "directive", "issued": "2009-12-08", "issuer": "Bộ Chính trị",
            "subject": "về hợp tác quốc tế", "signer": "Trương Tấn Sang"}
    official = {"number": "39-CT/TW", "kind": "directive", "issued": "2009-12-09", "issuer": "Ban Bí thư",
                "subject": "Về tăng cường hợp tác quốc tế trong lĩnh vực pháp luật", "signer": "Trương Tấn Sang",
                "effective": "2009-12-09"}
    claims = {"n1": news, "n2": news, "n3": {**news, "subject": "hợp tác quốc tế về pháp luật"}, "off": official}
    out = derive_node("Instrument", claims, authority={"off": 1})
    assert {k: out[k] for k in official} == official
    assert set(out["conflicts"]) == {"issued", "issuer", "subject"}
    assert out["conflicts"]["issuer"][1] == {"value": "Bộ Chính trị", "sources": ["n1", "n2", "n3"], "authority": 0}
    # without the official text the majority decides and a subject paraphrase is no conflict
    plain = derive_node("Instrument", {k: v for k, v in claims.items() if k != "off"})
    assert plain["issued"] == "2009-12-08" and plain["issuer"] == "Bộ Chính trị"
    assert set(plain["conflicts"]) == set()
