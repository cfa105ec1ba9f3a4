"""The CLI end to end on the seeds, in real processes: build, query, ask, export, remove, rebuild."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from graph_fixtures import SEEDS

from graph.ingest import build
from graph.store import NxStore
from loaders.model import Extraction, SourceText

ROOT = Path(__file__).resolve().parent.parent


def run(graph: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "graph", "--graph", str(graph), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    if ok:
        assert proc.returncode == 0, proc.stderr + proc.stdout
    return proc


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    graph = tmp_path_factory.mktemp("cli") / "graph.kg"
    out = run(graph, "build", str(SEEDS), "--workers", "2").stdout
    assert "added 5" in out and "failed 0" in out
    return graph


def test_lineage_directive_39(built: Path) -> None:
    out = run(built, "query", "lineage", "Directive 39").stdout
    assert out.index("57-CT/TW") < out.index("→ 2009-12-09")
    assert "SUCCEEDS" in out and "001_ba33c05018878a3e.txt" in out


def test_lineage_27_shows_the_plan(built: Path) -> None:
    out = run(built, "query", "lineage", "27-NQ/TW").stdout
    assert "32-KH/BCSĐ" in out and "IMPLEMENTS" in out
    assert out.index("Nghị quyết 27-NQ/TW  (self") < out.index("Kế hoạch 32-KH/BCSĐ  (descendant")


def test_career_dang_hoang_oanh(built: Path) -> None:
    out = run(built, "query", "career", "Dang Hoang Oanh").stdout
    assert out.index("Vụ trưởng") < out.index("Thứ trưởng")
    assert "004_1a24aa6fded6f36b.txt" in out and "001_ba33c05018878a3e.txt" in out


@pytest.mark.parametrize(
    "args",
    [
        ["search", "Ministry", "of", "Home", "Affairs"],
        ["node", "39-CT/TW"],
        ["status", "57-CT/TW"],
        ["related", "27-NQ/TW", "IMPLEMENTS", "--direction", "in"],
        ["paths", "Dang Hoang Oanh", "Trương Hòa Bình"],
        ["neighbourhood", "Bộ Nội vụ", "--depth", "2", "--type", "Person", "--type", "Agency"],
        ["timeline", "--from", "2021", "--to", "2021-12-31"],
        ["agency", "Bộ Nội vụ"],
        ["holders", "Bộ Nội vụ", "--title", "Thứ trưởng"],
        ["overview"],
    ],
)
def test_every_query_prints_text_and_json(built: Path, args: list[str]) -> None:
    assert run(built, "query", *args).stdout.strip()
    data = json.loads(run(built, "query", *args, "--json").stdout)
    assert data


def test_unknown_entity_is_an_error_not_a_crash(built: Path) -> None:
    proc = run(built, "query", "lineage", "zzzz-nothing", ok=False)
    assert proc.returncode == 1 and "nothing in the graph matches" in proc.stderr


def test_ask(built: Path) -> None:
    out = run(built, "ask", "what implements 27-NQ/TW").stdout
    assert out.startswith("[related(") and "32-KH/BCSĐ" in out
    data = json.loads(run(built, "ask", "Chỉ thị 39 kế thừa chỉ thị nào", "--json").stdout)
    assert data["query"] == "related" and data["params"]["x"] == "instrument/39-CT/TW"
    assert data["result"][0]["target"]["id"] == "instrument/57-CT/TW"


def test_exports_read_back(built: Path, tmp_path: Path) -> None:
    g_nodes = json.loads(run(built, "query", "overview", "--json").stdout)["nodes_by_type"]
    total = sum(g_nodes.values())
    run(built, "export", "--format", "graphml", str(tmp_path / "g.graphml"))
    gm = nx.read_graphml(tmp_path / "g.graphml")
    assert gm.number_of_nodes() == total
    assert gm.nodes["instrument/39-CT/TW"]["label_en"] == "Directive 39-CT/TW"
    assert any(d.get("type") == "SUCCEEDS" for _, _, d in gm.edges(data=True))
    run(built, "export", "--format", "gexf", str(tmp_path / "g.gexf"))
    gx = nx.read_gexf(tmp_path / "g.gexf")
    assert gx.number_of_nodes() == total
    run(built, "export", "--format", "json", str(tmp_path / "g.json"))
    gj = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text(encoding="utf-8")), edges="links")
    assert gj.number_of_nodes() == total
    ev = next(d for _, _, d in gj.edges(data=True) if d["type"] == "SUCCEEDS")["evidence"]
    assert ev[0]["source_id"] == "001_ba33c05018878a3e.txt"
    run(built, "export", "--format", "csv", str(tmp_path / "csv"))
    nodes_csv = (tmp_path / "csv" / "nodes.csv").read_text(encoding="utf-8").splitlines()
    edges_csv = (tmp_path / "csv" / "edges.csv").read_text(encoding="utf-8").splitlines()
    assert len(nodes_csv) == total + 1 and nodes_csv[0].startswith("id,type,label")
    assert len(edges_csv) > 1 and edges_csv[0].startswith("source,target,key,type")


def test_rebuild_remove_and_change(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    graph = tmp_path / "graph.kg"
    run(graph, "build", str(folder), "--workers", "1")
    mtime = graph.stat().st_mtime_ns
    out = run(graph, "build", str(folder)).stdout
    assert "unchanged 5" in out and "added 0" in out
    assert graph.stat().st_mtime_ns == mtime            # nothing changed, nothing written
    # remove the article that alone says 39 succeeds 57
    out = run(graph, "remove", "001_ba33c05018878a3e.txt").stdout
    assert "removed 001_ba33c05018878a3e.txt" in out
    assert "57-CT/TW" not in run(graph, "query", "lineage", "Directive 39").stdout
    assert run(graph, "remove", "nope.txt", ok=False).returncode == 1
    sources = json.loads(run(graph, "sources", "--json").stdout)
    assert len(sources) == 4
    # a changed file replaces its facts
    seed = folder / "002_d676d9c956425aa9.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("32-KH/BCSĐ", "33-KH/BCSĐ"), encoding="utf-8")
    out = run(graph, "build", str(folder)).stdout
    assert "replaced 1" in out and "added 1" in out        # 001 comes back, 002 changed
    lineage = run(graph, "query", "lineage", "27-NQ/TW").stdout
    assert "33-KH/BCSĐ" in lineage and "32-KH/BCSĐ" not in lineage


def test_bad_input_is_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    (folder / "broken.txt").write_bytes(b"\x00\xff\xfe" * 1000)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "bad.jsonl").write_text('{"id": 1, "text": "Chỉ thị 39"}\nnot json\n', encoding="utf-8")
    graph = tmp_path / "graph.kg"
    out = run(graph, "build", str(folder), str(tmp_path / "missing.txt")).stdout
    assert "added 6" in out and "failed 4" in out
    for name in ("broken.txt", "empty.txt", "bad.jsonl line 2", "missing.txt"):
        assert "failed: " in out and name in out, name
    assert "57-CT/TW" in run(graph, "query", "lineage", "Directive 39").stdout


def _explode(source: SourceText) -> Extraction:
    if source.name.startswith("001"):
        raise RuntimeError("extractor bug")
    from loaders.extract import extract

    return extract(source)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_extraction_skips_that_file_only(workers: int) -> None:
    store = NxStore()
    summary = build(store, [str(SEEDS)], workers=workers, progress=False, extractor=_explode)
    assert summary.added == 4 and len(summary.failed) == 1
    assert "001_ba33c05018878a3e.txt" in summary.failed[0][0]
    assert "extractor bug" in summary.failed[0][1]
    assert "001_ba33c05018878a3e.txt" not in store.manifest
    assert "instrument/39-CT/TW" in store.graph
