"""Measure the explorer: start-up on a saved graph and the time to switch views.

    .venv/bin/python scripts/measure_app.py [--runs 3]

Builds the seeds graph into a temporary file (so the measured starts load a saved graph,
as every start after the first does), then for each run starts ``streamlit run app.py`` and
times, in Debian's chromium: process start → overview drawn; then each view reached from
the sidebar → its content drawn.  Also times the script alone with AppTest per view.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_e2e_browser import CHROMIUM, CHROMIUM_ARGS, _free_port, network_frame  # noqa: E402

# view (sidebar label in Vietnamese) → something its page shows once drawn
VIEWS = [
    ("Thực thể", "heading", "Chỉ thị 39-CT/TW"),
    ("Mạng liên kết", "network", ""),
    ("Phả hệ văn bản", "text", "Chỉ thị 57-CT/TW · 1995-08-08 · tiền nhiệm"),
    ("Dòng thời gian", "text", "Chỉ thị 39-CT/TW · 2009-12-09 · directive"),
    ("Cơ quan", "info", ""),
    ("Tổng quan", "heading", "Đồ thị văn bản chính sách"),
]


def build(graph: Path) -> None:
    from explorer.ingest import files_under, ingest

    ingest(graph, files_under([ROOT / "data" / "seeds"])[0])


def one_run(graph: Path) -> dict[str, float]:
    from playwright.sync_api import expect, sync_playwright

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "KG_GRAPH": str(graph)}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 950})
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless",
                                 "true", "--server.port", str(port), "--server.address", "127.0.0.1"],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                        break
                except OSError:
                    time.sleep(0.05)
            out = {"server up": time.perf_counter() - t0}
            page.goto(f"{url}/?id=instrument/39-CT/TW")
            expect(page.get_by_role("heading", name="Đồ thị văn bản chính sách").first).to_be_visible(timeout=30_000)
            expect(page.get_by_text("Trương Hòa Bình · 6")).to_be_visible()
            out["start → overview drawn"] = time.perf_counter() - t0
            sidebar = page.locator("[data-testid='stSidebar']")
            for label, kind, content in VIEWS:
                start = time.perf_counter()
                sidebar.get_by_text(label, exact=True).click()
                if kind == "network":
                    network_frame(page, timeout=20)
                elif kind == "heading":
                    expect(page.get_by_role("heading", name=content).first).to_be_visible()
                elif kind == "info":
                    expect(page.get_by_text("Hãy chọn một cơ quan.")).to_be_visible()
                else:
                    expect(page.get_by_text(content)).to_be_visible()
                out[f"switch → {label}"] = time.perf_counter() - start
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            browser.close()
    return out


def apptest_times(graph: Path) -> dict[str, float]:
    """Script time per view (no browser): what a rerun costs the server."""
    os.environ["KG_GRAPH"] = str(graph)
    from streamlit.testing.v1 import AppTest

    out: dict[str, float] = {}
    AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()   # warm caches, as a running server has
    for view in ("overview", "entity", "network", "lineage", "path", "timeline", "career", "agency", "ask"):
        params = {"view": view, "id": "instrument/39-CT/TW", "a": "person/dang-hoang-oanh", "b": "instrument/39-CT/TW",
                  "q": "Chỉ thị 39 kế thừa chỉ thị nào"}
        if view == "career":
            params["id"] = "person/dang-hoang-oanh"
        if view == "agency":
            params["id"] = "agency/bo-noi-vu"
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params.update(params)
        start = time.perf_counter()
        at.run()
        out[f"script {view}"] = time.perf_counter() - start
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        graph = Path(tmp) / "graph.kg"
        build(graph)
        runs = [one_run(graph) for _ in range(args.runs)]
        print(f"browser, {args.runs} runs (median / max, seconds):")
        for key in runs[0]:
            values = [r[key] for r in runs]
            print(f"  {key:32s} {statistics.median(values):6.2f} / {max(values):6.2f}")
        print("AppTest, warm server (seconds):")
        for key, value in apptest_times(graph).items():
            print(f"  {key:32s} {value:6.2f}")


if __name__ == "__main__":
    main()
