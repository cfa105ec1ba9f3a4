"""Every view of the explorer on the bundled seeds, through Streamlit's AppTest.

The app is built from data/seeds into a temporary graph file (``KG_GRAPH``) on its first run,
as a user's first start would; later tests reuse that saved graph.  Assertions are on real
content: numbers, names and sentences the seeds contain.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from graph_fixtures import code_running_graph_file
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 60


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("graph") / "graph.kg"
    mp = pytest.MonkeyPatch()
    mp.setenv("KG_GRAPH", str(path))
    st.cache_resource.clear()
    st.cache_data.clear()
    yield path
    mp.undo()
    st.cache_resource.clear()
    st.cache_data.clear()


def run(graph_file: Path, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """All text the page shows (markdown, captions, titles, buttons, metrics), one string."""
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.title]
    parts += [e.value for e in at.header] + [e.value for e in at.subheader] + [b.label for b in at.button]
    parts += [e.value for e in at.info] + [e.value for e in at.warning] + [e.value for e in at.code]
    parts += [f"{m.label}={m.value}" for m in at.metric] + [x.label for x in at.expander]
    return "\n".join(str(p) for p in parts)


def test_first_start_builds_the_graph_from_the_seeds(graph_file: Path) -> None:
    assert not graph_file.exists()
    at = run(graph_file)
    assert graph_file.exists(), "the first start saves the graph it built"
    metrics = {m.label: int(m.value) for m in at.metric}
    assert metrics["Bài nguồn"] == 5
    assert metrics["Văn bản"] >= 10 and metrics["Cá nhân"] >= 10


def test_overview_lists_most_linked_and_latest_events(graph_file: Path) -> None:
    at = run(graph_file)
    page = texts(at)
    assert "Chỉ thị 39-CT/TW" in page           # most-linked instrument
    assert "Bộ Nội vụ" in page                  # most-linked agency
    assert "Trương Hòa Bình" in page            # most-linked person
    assert "2022-03-24" in page                 # a latest event
    assert "1995–2022" in page                  # date span
    at.button(key="ov_top_instruments_0").click().run()
    assert at.query_params["view"] == "entity"
    assert at.query_params["id"] == "instrument/39-CT/TW"


def test_search_directive_39_opens_its_entity_page(graph_file: Path) -> None:
    at = run(graph_file)
    at.sidebar.text_input(key="search").input("Directive 39").run()
    labels = [b.label for b in at.sidebar.button]
    assert labels and labels[0].startswith("Chỉ thị 39-CT/TW")
    at.sidebar.button(key="hit_0").click().run()
    assert dict(at.query_params) == {"view": "entity", "id": "instrument/39-CT/TW"}
    page = texts(at)
    assert at.title[0].value == "Chỉ thị 39-CT/TW"
    assert "Ban Bí thư" in page                 # issuer
    assert "2009-12-09" in page                 # issued
    assert "hợp tác quốc tế trong lĩnh vực pháp luật" in page   # subject
    assert "Chỉ thị 57-CT/TW" in page           # linked predecessor
    assert "kế thừa" in page                    # the link's type, with its evidence sentence
    assert "Gắn hoạt động hợp tác quốc tế với bảo vệ chính trị nội bộ" in page   # source article


def test_search_without_diacritics(graph_file: Path) -> None:
    at = run(graph_file)
    at.sidebar.text_input(key="search").input("dang hoang oanh").run()
    assert at.sidebar.button[0].label.startswith("Đặng Hoàng Oanh")


def test_lineage_of_directive_39_shows_57_with_evidence(graph_file: Path) -> None:
    at = run(graph_file, view="lineage", id="instrument/39-CT/TW")
    page = texts(at)
    assert "57-CT/TW" in page
    assert "1995-08-08" in page and "2009-12-09" in page
    assert "kế thừa, phát triển những kết quả đã đạt được trong Chỉ thị số 57-CT/TW" in page
    dot = at.get("graphviz_chart")[0].proto.spec
    assert "Chỉ thị 57-CT/TW" in dot and "Chỉ thị 39-CT/TW" in dot
    assert dot.index("57-CT/TW") < dot.index("39-CT/TW")   # oldest first


def test_lineage_asks_for_an_instrument(graph_file: Path) -> None:
    at = run(graph_file, view="lineage", id="person/đặng-hoàng-oanh", lang="en")
    assert "Pick an instrument" in texts(at)


def test_network_view_draws_the_neighbourhood(graph_file: Path) -> None:
    at = run(graph_file, view="network", id="instrument/39-CT/TW", depth="2")
    assert at.slider(key="w_depth").value == 2
    page = texts(at)
    assert "nút" in page and "liên kết" in page
    components = at.get("component_instance")
    assert components, "the network component is on the page"
    html = json.loads(components[0].proto.json_args)["html"]
    assert "vis.Network" in html and "Chỉ thị 57-CT/TW" in html
    assert "cdnjs" not in html and "jsdelivr" not in html


def test_network_filters_are_in_the_url(graph_file: Path) -> None:
    at = run(graph_file, view="network", id="instrument/39-CT/TW", types="Instrument")
    assert at.multiselect(key="w_types").value == ["Instrument"]
    html = json.loads(at.get("component_instance")[0].proto.json_args)["html"]
    assert "\"instrument/57-CT/TW\"" in html and "\"agency/" not in html   # no Agency node drawn
    at.slider(key="w_depth").set_value(2).run()
    assert at.query_params["depth"] == "2"


def test_path_between_a_person_and_an_instrument(graph_file: Path) -> None:
    at = run(graph_file, view="path", a="person/đặng-hoàng-oanh", b="instrument/39-CT/TW")
    page = texts(at)
    assert "Đường 1: 2 bước" in page
    assert "Đặng Hoàng Oanh" in page and "Chỉ thị 39-CT/TW" in page


def test_timeline_chart_and_items(graph_file: Path) -> None:
    at = run(graph_file, view="timeline")
    assert at.get("vega_lite_chart"), "the timeline is a chart"
    page = texts(at)
    assert "Chỉ thị 39-CT/TW · 2009-12-09" in page
    assert "2019-11-02" in page


def test_timeline_year_filter(graph_file: Path) -> None:
    at = run(graph_file, view="timeline", years="2009-2010")
    page = texts(at)
    assert "Chỉ thị 39-CT/TW · 2009-12-09" in page
    assert "2022-03-24" not in page


@pytest.mark.parametrize("pid", ["person/đặng-hoàng-oanh", "person/dang-hoang-oanh"])
def test_career_of_dang_hoang_oanh(graph_file: Path, pid: str) -> None:
    at = run(graph_file, view="career", id=pid)   # a link typed without tone marks finds her too
    page = texts(at)
    assert "Vụ trưởng" in page and "Thứ trưởng" in page
    assert "Bộ Tư pháp" in page
    assert "2019-11-02" in page


def test_agency_page_units_and_leaders(graph_file: Path) -> None:
    at = run(graph_file, view="agency", id="agency/bo-noi-vu")
    page = texts(at)
    assert "Vụ Hợp tác quốc tế" in page         # a unit
    assert "Vũ Chiến Thắng" in page             # a leader
    assert "Thứ trưởng" in page


@pytest.mark.parametrize(("question", "query", "expected"), [
    ("what implements 27-NQ/TW", "related(", "Kế hoạch 32-KH/BCSĐ"),
    ("Chỉ thị 39 kế thừa chỉ thị nào", "related(", "Chỉ thị 57-CT/TW"),
    ("chi thi 39 ke thua chi thi nao", "related(", "Chỉ thị 57-CT/TW"),
    ("who is Thứ trưởng Bộ Nội vụ", "holders(", "Vũ Chiến Thắng"),
    ("career of Dang Hoang Oanh", "career(", "Thứ trưởng"),
])
def test_ask_answers_with_the_query_it_ran(graph_file: Path, question: str, query: str, expected: str) -> None:
    at = run(graph_file, view="ask", q=question)
    page = texts(at)
    assert query in page, page
    assert expected in page


def test_ask_example_button_fills_the_question(graph_file: Path) -> None:
    at = run(graph_file, view="ask")
    at.button(key="ex_what implements 27-NQ/TW").click().run()
    assert at.text_input(key="w_q").value == "what implements 27-NQ/TW"
    assert at.query_params["q"] == "what implements 27-NQ/TW"
    assert "Kế hoạch 32-KH/BCSĐ" in texts(at)


def test_english_labels(graph_file: Path) -> None:
    at = run(graph_file, lang="en")
    assert at.title[0].value == "Policy document graph"
    assert "Directive 39-CT/TW" in texts(at)
    at = run(graph_file, lang="en", view="entity", id="instrument/39-CT/TW")
    assert at.title[0].value == "Directive 39-CT/TW"


def test_language_switch_goes_to_the_url(graph_file: Path) -> None:
    at = run(graph_file)
    at.segmented_control(key="w_lang").set_value("en").run()
    assert at.query_params["lang"] == "en"
    assert at.title[0].value == "Policy document graph"


def test_unknown_entity_says_so(graph_file: Path) -> None:
    at = run(graph_file, view="entity", id="instrument/does-not-exist")
    assert "instrument/does-not-exist" in texts(at)


@pytest.fixture()
def graph_copy(graph_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the saved graph, so adding files does not change what the other tests see."""
    copy = tmp_path / "graph" / "graph.kg"
    copy.parent.mkdir()
    shutil.copy(graph_file, copy)
    monkeypatch.setenv("KG_GRAPH", str(copy))
    st.cache_resource.clear()
    st.cache_data.clear()
    yield copy
    st.cache_resource.clear()
    st.cache_data.clear()


NEW_TEXT = ("Bộ Nội vụ ban hành Kế hoạch số 99-KH/BNV\n\nNgày 10/3/2023, Bộ Nội vụ ban hành Kế hoạch số "
            "99-KH/BNV thực hiện Chỉ thị số 39-CT/TW của Ban Bí thư.\n")


def test_upload_documents_reports_each_file(graph_copy: Path) -> None:
    at = run(graph_copy, view="add")
    at.file_uploader[0].set_value([("plan.txt", NEW_TEXT.encode("utf-8"), "text/plain"),
                                   ("scan.doc", b"\xd0\xcf\x11\xe0", "application/msword")])
    at.button[0].click().run()
    assert not at.exception
    rows = {r["file"]: r for r in at.dataframe[0].value.to_dict("records")}
    assert rows["plan.txt"]["status"] == "added" and rows["plan.txt"]["instruments"] >= 1
    assert rows["scan.doc"]["status"] == "refused" and "unsupported" in rows["scan.doc"]["message"]
    assert (graph_copy.parent / "uploads" / "plan.txt").exists(), "evidence keeps pointing at a real file"
    at = run(graph_copy, view="lineage", id="instrument/99-KH/BNV")
    assert "Chỉ thị 39-CT/TW" in texts(at)


def test_add_folder_reports_each_file(graph_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "new.txt").write_text(NEW_TEXT, encoding="utf-8")
    seed = ROOT / "data" / "seeds" / "000_a5917a623b9311c9.txt"
    (folder / seed.name).write_bytes(seed.read_bytes())   # already in the graph
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "scan.bin").write_bytes(b"\x00\x01\x02")
    at = run(graph_copy, view="add")
    at.text_input(key="folder").input(str(folder))
    at.button[0].click().run()
    assert not at.exception
    rows = {r["file"]: r for r in at.dataframe[0].value.to_dict("records")}
    assert rows["new.txt"]["status"] == "added" and rows["new.txt"]["instruments"] >= 1
    assert rows[seed.name]["status"] == "unchanged"
    assert rows["empty.txt"]["status"] == "refused" and "empty" in rows["empty.txt"]["message"]
    assert rows["scan.bin"]["status"] == "refused" and "unsupported" in rows["scan.bin"]["message"]
    assert "1" in at.success[0].value
    at = run(graph_copy, view="entity", id="instrument/99-KH/BNV")
    assert at.title[0].value.endswith("99-KH/BNV")


def test_a_graph_file_that_would_run_code_is_refused_with_a_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "ran"
    bad = code_running_graph_file(tmp_path / "graph.kg", marker)
    monkeypatch.setenv("KG_GRAPH", str(bad))
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert any("graph.kg" in e.value and "chạy mã" in e.value for e in at.error)
        assert not marker.exists(), "nothing in the file ran"
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()
