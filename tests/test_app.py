"""Every view of the explorer on the bundled seeds, through Streamlit's AppTest.

The app is built from data/seeds into a temporary graph file (``KG_GRAPH``) on its first run,
as a user's first start would; later tests reuse that saved graph.  Assertions are on real
content: numbers, names and sentences the seeds contain.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
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


PASSWORD = "editor-pw"


@pytest.fixture()
def graph_copy(graph_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the saved graph, so adding files does not change what the other tests see;
    editing is set up (a password) and folders may be ingested below tmp_path/allowed."""
    copy = tmp_path / "graph" / "graph.kg"
    copy.parent.mkdir()
    shutil.copy(graph_file, copy)
    monkeypatch.setenv("KG_GRAPH", str(copy))
    monkeypatch.setenv("KG_EDITOR_PASSWORD", PASSWORD)
    monkeypatch.setenv("KG_INGEST_ROOTS", str(tmp_path / "allowed"))
    st.cache_resource.clear()
    st.cache_data.clear()
    yield copy
    st.cache_resource.clear()
    st.cache_data.clear()


def editor(graph: Path, password: str = PASSWORD) -> AppTest:
    """The add view after signing in through the sidebar, as an editor does."""
    at = run(graph, view="add")
    at.sidebar.text_input(key="editor_password").input(password)
    at.sidebar.button(key="sign_in").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def report_rows(at: AppTest) -> dict[str, dict]:
    return {r["file"]: r for r in at.dataframe[0].value.to_dict("records")}


NEW_TEXT = ("Bộ Nội vụ ban hành Kế hoạch số 99-KH/BNV\n\nNgày 10/3/2023, Bộ Nội vụ ban hành Kế hoạch số "
            "99-KH/BNV thực hiện Chỉ thị số 39-CT/TW của Ban Bí thư.\n")


def test_upload_documents_reports_each_file(graph_copy: Path) -> None:
    at = editor(graph_copy)
    at.file_uploader[0].set_value([("plan.txt", NEW_TEXT.encode("utf-8"), "text/plain"),
                                   ("scan.doc", b"\xd0\xcf\x11\xe0", "application/msword")])
    at.main.button[0].click().run()
    assert not at.exception
    rows = report_rows(at)
    assert rows["plan.txt"]["status"] == "added" and rows["plan.txt"]["instruments"] >= 1
    assert rows["scan.doc"]["status"] == "refused" and "unsupported" in rows["scan.doc"]["message"]
    kept = sorted(p.name for p in (graph_copy.parent / "uploads").rglob("*") if p.is_file())
    assert kept == ["plan.txt"], "evidence keeps pointing at a real file; the refused upload is deleted"
    at = run(graph_copy, view="lineage", id="instrument/99-KH/BNV")
    assert "Chỉ thị 39-CT/TW" in texts(at)


def test_add_folder_reports_each_file(graph_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "allowed" / "incoming"
    folder.mkdir(parents=True)
    (folder / "new.txt").write_text(NEW_TEXT, encoding="utf-8")
    seed = ROOT / "data" / "seeds" / "000_a5917a623b9311c9.txt"
    (folder / seed.name).write_bytes(seed.read_bytes())   # already in the graph
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "scan.bin").write_bytes(b"\x00\x01\x02")
    at = editor(graph_copy)
    at.text_input(key="folder").input(str(folder))
    at.main.button[0].click().run()
    assert not at.exception
    rows = report_rows(at)
    assert rows["new.txt"]["status"] == "added" and rows["new.txt"]["instruments"] >= 1
    assert rows[seed.name]["status"] == "unchanged"
    assert rows["empty.txt"]["status"] == "refused" and "empty" in rows["empty.txt"]["message"]
    assert rows["scan.bin"]["status"] == "refused" and "unsupported" in rows["scan.bin"]["message"]
    assert "1" in at.success[0].value
    at = run(graph_copy, view="entity", id="instrument/99-KH/BNV")
    assert at.title[0].value.endswith("99-KH/BNV")


@contextlib.contextmanager
def serving(graph: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app on ``graph`` (a graph made for one test), with fresh caches before and after."""
    monkeypatch.setenv("KG_GRAPH", str(graph))
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        yield graph
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()


def test_the_explorer_is_read_only_unless_an_administrator_sets_up_editing(graph_file: Path) -> None:
    at = run(graph_file, view="add")
    assert "add" not in at.sidebar.radio(key="w_view").options
    assert not at.file_uploader and not any(ti.key == "folder" for ti in at.text_input)


def test_adding_needs_the_editor_password(graph_copy: Path) -> None:
    at = run(graph_copy, view="add")
    assert not at.file_uploader and "đăng nhập" in texts(at).lower()
    wrong = editor(graph_copy, "guess")
    assert any("Sai mật khẩu" in e.value for e in wrong.error) and not wrong.file_uploader
    right = editor(graph_copy)
    assert right.file_uploader and not right.error


def test_folders_only_below_the_allowed_roots_and_links_out_are_not_followed(graph_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "private" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Mật khẩu máy chủ: hunter2. Bộ Nội vụ ban hành Kế hoạch số 98-KH/BNV.", encoding="utf-8")
    allowed = tmp_path / "allowed" / "docs"
    allowed.mkdir(parents=True)
    (allowed / "new.txt").write_text(NEW_TEXT, encoding="utf-8")
    os.symlink(secret, allowed / "link.txt")
    os.symlink(secret.parent, allowed / "linked-folder")
    at = editor(graph_copy)
    at.text_input(key="folder").input(str(secret.parent))
    at.main.button[0].click().run()
    assert report_rows(at)["private"]["status"] == "refused"
    at.text_input(key="folder").input(str(allowed))
    at.main.button[0].click().run()
    rows = report_rows(at)
    assert rows["new.txt"]["status"] == "added"
    assert rows["link.txt"]["status"] == "refused" and "outside the allowed folders" in rows["link.txt"]["message"]
    assert "secret.txt" not in rows
    from graph.store import NxStore

    saved = NxStore.load(graph_copy)
    assert "instrument/98-KH/BNV" not in saved.graph
    assert not any("hunter2" in str(d) for _, d in saved.graph.nodes(data=True))


def test_two_uploads_of_one_name_keep_both(graph_copy: Path) -> None:
    at = editor(graph_copy)
    at.file_uploader[0].set_value([("report.txt", NEW_TEXT.encode("utf-8"), "text/plain")])
    at.main.button[0].click().run()
    other = NEW_TEXT.replace("99-KH/BNV", "97-KH/BNV")
    at.file_uploader[0].set_value([("report.txt", other.encode("utf-8"), "text/plain")])
    at.main.button[0].click().run()
    assert report_rows(at)["report.txt"]["status"] == "added"
    from graph.store import NxStore

    g = NxStore.load(graph_copy).graph
    assert {"instrument/99-KH/BNV", "instrument/97-KH/BNV"} <= set(g)


def test_a_cli_build_during_an_app_session_loses_nothing(graph_copy: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    at = editor(graph_copy)                          # the app has loaded the graph
    cli_file = tmp_path / "cli" / "cli.txt"
    cli_file.parent.mkdir()
    cli_file.write_text(NEW_TEXT.replace("99-KH/BNV", "96-KH/BNV"), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "graph", "--graph", str(graph_copy), "build", str(cli_file)],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    at.file_uploader[0].set_value([("plan.txt", NEW_TEXT.encode("utf-8"), "text/plain")])
    at.main.button[0].click().run()
    from graph.store import NxStore

    g = NxStore.load(graph_copy).graph
    assert {"instrument/96-KH/BNV", "instrument/99-KH/BNV"} <= set(g), "the CLI's source survives the app's save"
    assert "96-KH/BNV" in texts(run(graph_copy, view="entity", id="instrument/96-KH/BNV"))


def test_a_failed_save_is_said_and_the_app_keeps_what_was_saved(graph_copy: Path) -> None:
    import resource
    import signal

    at = editor(graph_copy)
    at.file_uploader[0].set_value([("earlier.txt", NEW_TEXT.replace("99-KH", "94-KH").encode(), "text/plain")])
    at.main.button[0].click().run()
    earlier = next((graph_copy.parent / "uploads").rglob("earlier.txt"))
    before = graph_copy.read_bytes()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)       # inherited by the ingest's child
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) - 1, hard))   # no room for a new graph file
    try:
        at.file_uploader[0].set_value([("plan.txt", NEW_TEXT.encode("utf-8"), "text/plain"),
                                       ("earlier.txt", earlier.read_bytes(), "text/plain")])
        at.main.button[0].click().run()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert not at.exception
    assert any("the graph was not saved" in e.value.lower() or "không lưu được" in e.value.lower() for e in at.error)
    assert report_rows(at)["plan.txt"]["status"] == "failed"
    assert graph_copy.read_bytes() == before
    assert earlier.exists(), "an upload the graph holds is never deleted"
    at = run(graph_copy, view="entity", id="instrument/99-KH/BNV")
    assert not at.title, "the app shows no fact that was never saved"


def test_a_graph_file_that_would_run_code_is_refused_with_a_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "ran"
    with serving(code_running_graph_file(tmp_path / "graph.kg", marker), monkeypatch):
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert any("graph.kg" in e.value and "chạy mã" in e.value for e in at.error)
        assert not marker.exists(), "nothing in the file ran"


HOSTILE_NAME = "Đề án ![x](http://evil.example/i.png) [bấm vào đây](http://phish.example) <b>x</b>"


def test_text_from_documents_and_the_url_is_inert_in_every_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from graph_fixtures import ev, source

    from graph.store import NxStore
    from loaders.model import Extraction, Instrument

    text = f"{HOSTILE_NAME} được Bộ Nội vụ ban hành."
    src = source("h.txt", text, published="2020-01-02", title="[tiêu đề](http://phish.example)")
    src = dataclasses.replace(src, url="https://news.example/a)\n# Heading [x](javascript:alert(1))")
    store = NxStore()
    store.add_extraction(Extraction(source=src, documents=[
        Instrument(number=None, key=HOSTILE_NAME, name=HOSTILE_NAME, kind="scheme", evidence=[ev(text, text)])]))
    graph = store.save(tmp_path / "graph.kg")
    node = next(n for n, d in store.graph.nodes(data=True) if d.get("type") == "Instrument")
    with serving(graph, monkeypatch):
        at = run(graph, view="entity", id=node)
        shown = texts(at)
        assert at.title[0].value.startswith("Đề án !\\[x\\]"), at.title[0].value      # brackets escaped
        assert "](http://phish.example)" not in shown.replace("\\]", "")              # no live link
        caption = next(c.value for c in at.caption if "news.example" in c.value)
        assert "\n" not in caption and "](javascript" not in caption and "%0A" in caption
        assert "<b>" not in shown
        nowhere = run(graph, view="entity", id="[bấm](http://phish.example)")
        assert "\\[bấm\\]" in texts(nowhere)
        asked = run(graph, view="ask", q="who is `x` [y](http://phish.example)")
        # the question is shown as code, in a fence longer than the backticks it holds (no link, no markup)
        assert "`` node(x='`x` [y](http://phish.example)') ``" in texts(asked)
        assert "`` python -m graph ask 'who is `x` [y](http://phish.example)' ``" in texts(asked)


def test_two_ingests_at_once_queue_and_keep_everything(graph_copy: Path, tmp_path: Path) -> None:
    import threading

    from explorer.ingest import ingest
    from graph.store import NxStore, busy, locked

    files = []
    for i in range(4):
        f = tmp_path / f"in{i}" / "same-name.txt"
        f.parent.mkdir()
        f.write_text(NEW_TEXT.replace("99-KH/BNV", f"9{i}-KH/BNV"), encoding="utf-8")
        files.append(f)
    results: list[tuple] = []
    with locked(graph_copy):                        # someone else is writing: both wait their turn
        assert busy(graph_copy)
        threads = [threading.Thread(target=lambda f=f: results.append(ingest(graph_copy, [f]))) for f in files]
        for th in threads:
            th.start()
    for th in threads:
        th.join(120)
    assert not busy(graph_copy)
    assert all(not problem and rows[0].status == "added" for rows, problem in results), results
    g = NxStore.load(graph_copy).graph
    assert {f"instrument/9{i}-KH/BNV" for i in range(4)} <= set(g)


def test_upload_names_that_name_no_file_or_are_too_long_are_handled_one_by_one(graph_copy: Path) -> None:
    at = editor(graph_copy)
    long_name = "ả" * 100 + ".txt"                       # 300 bytes: an ordinary long Vietnamese title
    at.file_uploader[0].set_value([("..", b"x", "text/plain"), ("a\0b.txt", NEW_TEXT.encode(), "text/plain"),
                                   (long_name, NEW_TEXT.replace("99-KH", "95-KH").encode(), "text/plain")])
    at.main.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    rows = report_rows(at)
    assert rows[".."]["status"] == "refused"
    assert rows["ab.txt"]["status"] == "added"
    stored = next(r for name, r in rows.items() if name.startswith("ả"))
    assert stored["status"] == "added" and len(stored["file"].encode()) <= 200 and stored["file"].endswith(".txt")
    assert not list((graph_copy.parent / "uploads").rglob(".part-*"))


def test_a_shared_link_with_values_out_of_range_still_opens(graph_file: Path) -> None:
    for params in ({"view": "network", "id": "agency/bo-noi-vu", "depth": "99"},
                   {"view": "network", "id": "agency/bo-noi-vu", "depth": "0"},
                   {"view": "timeline", "years": "1900-1901"}, {"view": "timeline", "years": "2030-1990"}):
        run(graph_file, **params)


def test_the_document_view_keeps_document_text_inert(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from graph_fixtures import source

    from graph.store import NxStore
    from loaders.extract import extract

    text = ("CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 30/2020/NĐ-CP\nHà Nội, ngày 5 tháng 3 năm 2020\nNGHỊ ĐỊNH\nVề công tác văn thư\n"
            "Điều 1. Phạm vi\nNghị định này quy định về công tác văn thư.\n")
    src = dataclasses.replace(source("nd.txt", text, title="**B** [L](https://evil.example/x)"), path="nd.txt")
    store = NxStore()
    store.add_extraction(extract(src))
    node = "instrument/30/2020/NĐ-CP"
    assert node in store.graph
    store.graph.nodes[node]["label"] = "Nghị định 30/2020/NĐ-CP ![I](https://evil.example/i.png) [L](https://evil.example/x)"
    with serving(store.save(tmp_path / "graph.kg"), monkeypatch) as graph:
        shown = texts(run(graph, view="document", id=node))
        assert "](https://evil.example" not in shown.replace("\\]", "")


def test_the_app_s_ingest_takes_relative_paths_and_any_file_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from explorer.ingest import ingest
    from graph.store import NxStore

    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(NEW_TEXT, encoding="utf-8")
    odd = tmp_path / "docs" / os.fsdecode(b"Quy\xff.txt")          # bytes that are not UTF-8
    odd.write_text(NEW_TEXT.replace("99-KH", "93-KH"), encoding="utf-8")
    rows, problem = ingest(Path("rel.kg"), [Path("docs/a.txt"), odd])
    assert not problem and [r.status for r in rows] == ["added", "added"]
    assert len(NxStore.load(tmp_path / "rel.kg").manifest) == 2 and not (ROOT / "rel.kg").exists()


def test_an_upload_whose_suffix_is_most_of_its_long_name_is_stored(graph_copy: Path) -> None:
    at = editor(graph_copy)
    at.file_uploader[0].set_value([("a." + "ả" * 100, NEW_TEXT.encode(), "text/plain")])
    at.main.button[0].click().run()
    assert not at.exception
    (row,) = report_rows(at).values()
    assert len(row["file"].encode()) <= 200 and row["status"] == "refused" and "unsupported" in row["message"]
