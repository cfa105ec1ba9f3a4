"""The explorer in a real headless Chromium (Debian's package, driven by Playwright).

Starts ``streamlit run app.py`` on a free loopback port over a graph built from the seeds
(plus one hostile node), then: searches "Directive 39", opens its page, the lineage and the
network; checks that the network canvas is drawn, that physics stops, that a rerun keeps the
layout, that clicking a node opens its page, that document text never runs as script, and
that no request leaves the machine.  Screenshots go to tests/artifacts/screenshots/ (git-ignored);
with UPDATE_SCREENSHOTS=1 they replace the README's ones in docs/screenshots/.

Chromium is installed by ``scripts/install_browser.sh`` (``./dev.sh test`` runs it): when it
is missing this test fails, it does not skip.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Frame, Page, Position, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / ("docs/screenshots" if os.environ.get("UPDATE_SCREENSHOTS") else "tests/artifacts/screenshots")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE_LABEL = "<img src=x onerror=alert(1)>"
HOSTILE_ID = "person/hostile"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
expect.set_options(timeout=15_000)   # a busy CI machine; the timings printed below are the real figures


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _build_graph(path: Path) -> None:
    """The seeds, plus a person whose name and post are markup, linked to Bộ Nội vụ."""
    from explorer.ingest import files_under, ingest
    from graph.store import NxStore

    ingest(path, files_under([ROOT / "data" / "seeds"])[0])
    store = NxStore.load(path)
    g = store.graph
    evidence = [{"source_id": "000_a5917a623b9311c9.txt", "sentence": "<img src=y onerror=alert(3)> <script>alert(4)</script>",
                 "start": 0, "end": 10, "date": "2019-08-15"}]
    g.add_node(HOSTILE_ID, type="Person", name=HOSTILE_LABEL, label=HOSTILE_LABEL, label_en=HOSTILE_LABEL,
               aliases=["<script>alert(5)</script>"], evidence=evidence, sources=[])
    g.add_edge(HOSTILE_ID, "agency/bo-noi-vu", key="HOLDS_POSITION:x", type="HOLDS_POSITION",
               title="<script>alert(2)</script>", evidence=evidence, as_of="2019-08-15", last_seen="2019-08-15",
               sources=["000_a5917a623b9311c9.txt"])     # a fact no source states is weighed 0 and hidden
    g.graph["revision"] += 1
    store.save()


@contextlib.contextmanager
def serving(graph: Path, **env: str) -> Iterator[str]:
    """``streamlit run app.py`` on a free loopback port over ``graph``; its URL."""
    port = _free_port()
    log = open(graph.parent / "streamlit.log", "wb")   # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, "KG_GRAPH": str(graph), **env}, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((graph.parent / "streamlit.log").read_text(errors="replace"))
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    graph = tmp_path_factory.mktemp("e2e") / "graph.kg"
    _build_graph(graph)
    with serving(graph) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install_browser.sh (./dev.sh test does) "
                    "to install Debian's chromium; Playwright's own browser download does not work offline")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watch:
    """Every request, websocket and dialog a page makes, from any of its frames."""

    def __init__(self, page: Page) -> None:
        self.urls: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: self.urls.append(r.url))
        page.on("websocket", lambda ws: self.urls.append(ws.url))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def remote(self) -> list[str]:
        return [u for u in self.urls if urlsplit(u).scheme not in ("data", "blob", "about")
                and urlsplit(u).hostname not in LOCAL_HOSTS]


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 950}, locale="vi-VN")
    pg = context.new_page()
    yield pg
    context.close()


def network_frame(page: Page, timeout: float = 20, more_than: int = 0) -> Frame:
    """The frame holding the vis-network page (with more than ``more_than`` nodes), once settled."""
    deadline = time.monotonic() + timeout
    ready = "(n) => document.body && document.body.dataset.stabilized === '1' && kgNetwork.body.nodeIndices.length > n"
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if frame.evaluate(ready, more_than):
                    return frame
            except Exception:  # noqa: BLE001 - frames come and go while Streamlit reruns
                pass
        page.wait_for_timeout(100)
    raise AssertionError("the network never finished stabilising")


def node_position(frame: Frame, node_id: str) -> Position:
    """A node's centre relative to the canvas, after centring the view on it."""
    frame.evaluate("(id) => kgNetwork.focus(id, {scale: 1.2, animation: false})", node_id)
    pos = frame.evaluate("(id) => kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id])", node_id)
    return {"x": float(pos["x"]), "y": float(pos["y"])}


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name))


CANVAS_INK = """() => {
  const c = document.querySelector('#kg-network canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) ink++; }
  return {width: c.width, height: c.height, ink: ink};
}"""


def test_search_lineage_network_click_offline(server: str, page: Page) -> None:
    watch = Watch(page)
    timings: dict[str, float] = {}

    page.goto(server)
    expect(page.get_by_role("heading", name="Đồ thị văn bản chính sách").first).to_be_visible(timeout=30_000)
    shot(page, "overview.png")

    # search "Directive 39" and open its page
    search = page.locator("[data-testid='stSidebar']").get_by_label("Tìm kiếm")
    search.fill("Directive 39")
    search.press("Enter")
    hit = page.get_by_role("button", name="Chỉ thị 39-CT/TW · Văn bản", exact=True)
    hit.click()
    start = time.perf_counter()
    expect(page.get_by_role("heading", name="Chỉ thị 39-CT/TW")).to_be_visible()
    timings["entity"] = time.perf_counter() - start
    expect(page.get_by_text("hợp tác quốc tế trong lĩnh vực pháp luật").first).to_be_visible()
    assert "view=entity" in page.url and "id=instrument%2F39-CT%2FTW" in page.url
    shot(page, "entity.png")

    # the lineage: 57-CT/TW before 39-CT/TW, with the sentence that says so
    page.get_by_role("button", name="Phả hệ").click()
    start = time.perf_counter()
    expect(page.get_by_text("Chỉ thị 57-CT/TW · 1995-08-08 · tiền nhiệm")).to_be_visible()
    timings["lineage"] = time.perf_counter() - start
    expect(page.locator("[data-testid='stGraphVizChart'] svg")).to_be_visible()
    expect(page.get_by_text("kế thừa, phát triển những kết quả").first).to_be_visible()
    shot(page, "lineage.png")

    # the network of the same instrument, from the sidebar
    page.locator("[data-testid='stSidebar']").get_by_text("Mạng liên kết").click()
    start = time.perf_counter()
    frame = network_frame(page)
    timings["network (settled)"] = time.perf_counter() - start
    canvas = frame.evaluate(CANVAS_INK)
    assert canvas["width"] > 300 and canvas["height"] > 300, canvas
    assert canvas["ink"] > 2000, f"the canvas looks blank: {canvas}"
    assert frame.evaluate("kgNetwork.physics.physicsEnabled === false"), "physics must stop after settling"
    before = frame.evaluate("kgNetwork.getPositions()")
    page.wait_for_timeout(700)
    assert frame.evaluate("kgNetwork.getPositions()") == before, "nodes still moving"

    # depth 2: a new, larger drawing, in the URL too
    page.get_by_role("slider").first.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"depth=2"))
    frame = network_frame(page, more_than=len(before))
    before = frame.evaluate("kgNetwork.getPositions()")
    shot(page, "network.png")

    # a rerun that leaves the view as it is keeps the drawn page (no new layout)
    frame.evaluate("window.kgMarker = 1")
    search.fill("Bộ Nội vụ")
    search.press("Enter")
    expect(page.get_by_role("button", name="Bộ Nội vụ · Cơ quan", exact=True)).to_be_visible()
    assert frame.evaluate("window.kgMarker") == 1
    assert frame.evaluate("kgNetwork.getPositions()") == before

    # clicking a node opens its entity page
    # Playwright scrolls the canvas into view and waits for it to be still before clicking.
    frame.locator("#kg-network canvas").click(position=node_position(frame, "instrument/57-CT/TW"))
    start = time.perf_counter()
    expect(page.get_by_role("heading", name="Chỉ thị 57-CT/TW")).to_be_visible()
    timings["click → entity"] = time.perf_counter() - start
    assert "id=instrument%2F57-CT%2FTW" in page.url and "view=entity" in page.url

    for name, seconds in timings.items():
        print(f"browser timing: {name}: {seconds:.2f} s")
    assert not watch.dialogs
    assert not watch.remote(), f"requests left the machine: {watch.remote()}"
    assert any(urlsplit(u).scheme == "ws" for u in watch.urls), "the page talked to the app"


# Recorded in every frame from its first script on: the network's inner frame is sandboxed
# without allow-modals, so an alert there would never reach Playwright's dialog event.
RECORD_ALERTS = "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"


def alerts(page: Page) -> list[str]:
    found: list[str] = []
    for frame in page.frames:
        with contextlib.suppress(Exception):   # a frame detached meanwhile
            found += frame.evaluate("window.__alerts || []")
    return found


def test_hostile_text_runs_nothing(server: str, page: Page) -> None:
    watch = Watch(page)
    page.context.add_init_script(RECORD_ALERTS)
    page.goto(f"{server}/?view=network&id=agency/bo-noi-vu&lang=en")
    frame = network_frame(page)
    # the recorder works in the network frame: a real alert there is caught ...
    frame.evaluate("alert('control')")
    assert alerts(page) == ["control"]
    frame.evaluate("window.__alerts = []")
    # ... and hovering the hostile node shows its markup as text, running nothing
    frame.locator("#kg-network canvas").hover(position=node_position(frame, HOSTILE_ID))
    tooltip = frame.locator(".vis-tooltip")
    expect(tooltip).to_contain_text(HOSTILE_LABEL)
    assert frame.evaluate("document.querySelectorAll('img, script:not([src])').length") == 2, \
        "only the page's own two scripts, no element made from document text"
    assert alerts(page) == [], "hovering ran document text"
    shot(page, "hostile-network.png")
    page.goto(f"{server}/?view=entity&id={HOSTILE_ID}&lang=en")
    expect(page.get_by_role("heading", name=HOSTILE_LABEL)).to_be_visible()
    expect(page.get_by_text("<script>alert(2)</script>").first).to_be_visible()
    page.goto(f"{server}/?view=agency&id=agency/bo-noi-vu&lang=en")
    expect(page.get_by_role("button", name=HOSTILE_LABEL + " · <script>alert(2)</script> (2019-08-15)")).to_be_visible()
    page.wait_for_timeout(500)
    assert alerts(page) == [] and watch.dialogs == [], f"document text ran: {alerts(page)} {watch.dialogs}"
    assert page.locator("img[src='x'], img[src='y']").count() == 0
    assert not watch.remote(), f"requests left the machine: {watch.remote()}"


def test_a_visitor_cannot_ingest_or_read_server_files(server: str, page: Page) -> None:
    """This server sets no editor password: no view adds documents, whatever the URL says."""
    page.goto(f"{server}/?view=add&folder=/etc")
    expect(page.get_by_role("heading", name="Đồ thị văn bản chính sách").first).to_be_visible(timeout=30_000)
    sidebar = page.locator("[data-testid='stSidebar']")
    expect(sidebar.get_by_text("Tổng quan").first).to_be_visible()
    assert sidebar.get_by_text("Thêm tài liệu").count() == 0
    assert page.locator("[data-testid='stFileUploader']").count() == 0
    assert page.get_by_label("Hoặc đường dẫn thư mục trên máy chủ").count() == 0


PLAN = ("Bộ Nội vụ ban hành Kế hoạch số {n}-KH/BNV\n\nNgày 10/3/2023, Bộ Nội vụ ban hành Kế hoạch số "
        "{n}-KH/BNV thực hiện Chỉ thị số 39-CT/TW của Ban Bí thư.\n")


SLOW = 60_000      # ms: an ingest runs `graph build` in a child; a loaded CI machine takes its time


def _upload_as_editor(page: Page, url: str, name: str, text: str) -> None:
    page.goto(f"{url}/?view=add")
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("Biên tập viên").click(timeout=SLOW)
    sidebar.get_by_label("Mật khẩu").fill("e2e-editor", timeout=SLOW)
    sidebar.get_by_role("button", name="Đăng nhập").click(timeout=SLOW)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": name, "mimeType": "text/plain", "buffer": text.encode("utf-8")}], timeout=SLOW)
    expect(page.get_by_text(name).first).to_be_visible(timeout=SLOW)
    page.get_by_role("button", name="Nạp vào đồ thị").click(timeout=SLOW)
    expect(page.get_by_text("Xong:").first).to_be_visible(timeout=SLOW)


def test_two_editors_upload_one_file_name_and_a_cli_build_between_loses_nothing(
        browser: Browser, tmp_path: Path) -> None:
    from explorer.ingest import files_under, ingest
    from graph.store import NxStore

    graph = tmp_path / "graph.kg"
    ingest(graph, files_under([ROOT / "data" / "seeds"])[0])
    with serving(graph, KG_EDITOR_PASSWORD="e2e-editor") as url:
        first, second = (browser.new_context(locale="vi-VN").new_page() for _ in range(2))
        _upload_as_editor(first, url, "report.txt", PLAN.format(n=91))
        cli_file = tmp_path / "cli" / "cli.txt"
        cli_file.parent.mkdir()
        cli_file.write_text(PLAN.format(n=92), encoding="utf-8")
        r = subprocess.run([sys.executable, "-m", "graph", "--graph", str(graph), "build", str(cli_file)],
                           cwd=ROOT, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        _upload_as_editor(second, url, "report.txt", PLAN.format(n=93))
        second.goto(f"{url}/?view=entity&id=instrument/92-KH/BNV")
        expect(second.get_by_role("heading", name="Kế hoạch 92-KH/BNV")).to_be_visible(timeout=SLOW)
    g = NxStore.load(graph).graph
    assert {f"instrument/9{i}-KH/BNV" for i in (1, 2, 3)} <= set(g), "each upload and the CLI's file are kept"
