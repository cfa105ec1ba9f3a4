"""Graph benchmark on the real corpus (not a test): python -m bench.graph_bench [--reuse] [--limit N]

Prints ingest time and MB/s (all cores), peak memory, graph size, save and load time of the
saved graph (load measured in a fresh process), and p50/p95 latency of search, lineage,
neighbourhood (depth 2) and path queries over random targets.  Figures depend on the machine.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from graph import queries as q
from graph.index import index_of
from graph.ingest import build
from graph.store import NxStore

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
ROOT = Path(__file__).resolve().parent.parent


def peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def timed(fn: Callable[[], object], runs: list[float]) -> None:
    t = time.perf_counter()
    fn()
    runs.append((time.perf_counter() - t) * 1000)


def pct(runs: list[float], p: float) -> float:
    s = sorted(runs)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def cold_load_seconds(path: Path) -> float:
    code = ("import time,sys; t=time.perf_counter(); from graph.store import NxStore; "
            "s=NxStore.load(sys.argv[1]); print(time.perf_counter()-t, s.graph.number_of_nodes())")
    out = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("path", nargs="?", default=str(CORPUS))
    ap.add_argument("--graph", default=None, help="graph file (default: a temporary file)")
    ap.add_argument("--reuse", action="store_true", help="skip ingest: query an existing --graph")
    ap.add_argument("--limit", type=int, default=0, help="ingest only the first N articles")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--samples", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    graph_path = Path(args.graph or Path(tempfile.mkdtemp()) / "graph.pickle")
    print(f"machine: {os.cpu_count()} cores; corpus {args.path}")

    if not args.reuse:
        store = NxStore(path=graph_path)
        sources = None
        if args.limit:
            from loaders.readers import iter_sources

            sources = itertools.islice(iter_sources([args.path]), args.limit)
        summary = build(store, [args.path], workers=args.workers, progress=None, sources=sources)
        print(f"ingest: {summary.sources} articles, {summary.bytes / 1e6:.1f} MB in {summary.seconds:.1f} s "
              f"= {summary.mb_per_s:.2f} MB/s ({args.workers or os.cpu_count()} workers); "
              f"failed {len(summary.failed)}")
        t = time.perf_counter()
        store.save(graph_path)
        print(f"save: {time.perf_counter() - t:.2f} s, file {graph_path.stat().st_size / 1e6:.1f} MB ({graph_path})")
        own, kids = peak_mb()
        print(f"peak memory: parent {own:.0f} MB, largest worker {kids:.0f} MB")
        del store

    print(f"load (fresh process): {cold_load_seconds(graph_path):.2f} s")
    t = time.perf_counter()
    store = NxStore.load(graph_path)
    g = store.graph
    print(f"load (here): {time.perf_counter() - t:.2f} s")
    o = q.overview(g, top=3)
    print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; nodes {o.nodes_by_type}")
    print(f"edges {o.edges_by_type}")
    t = time.perf_counter()
    index_of(g)
    print(f"search index build (first search only): {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    q.paths(g, "Bộ Nội vụ", "Chính phủ")
    print(f"path view build (first path only): {time.perf_counter() - t:.2f} s")

    rng = random.Random(args.seed)
    by_type: dict[str, list[str]] = {}
    for n, d in g.nodes(data=True):
        by_type.setdefault(d["type"], []).append(n)
    content = [n for t in ("Instrument", "Agency", "Person", "Event") for n in by_type.get(t, [])]
    insts = by_type.get("Instrument", [])
    linked = [n for n in insts if any(True for _ in itertools.islice(
        (e for e in itertools.chain(g.in_edges(n, data=True), g.out_edges(n, data=True))
         if e[2]["type"] in ("SUCCEEDS", "IMPLEMENTS", "AMENDS", "REPEALS", "BASED_ON", "REPLACES", "GUIDES")), 1))]
    names = [g.nodes[n].get("label", n) for n in rng.sample(content, min(args.samples, len(content)))]
    fixed = ["Directive 39", "Ministry of Home Affairs", "Bộ Nội vụ", "Nguyễn", "chinh phu", "Resolution 27",
             "Thủ tướng", "Ha Noi", "Bo Tai chinh", "Nghị quyết"]
    runs: dict[str, list[float]] = {"search": [], "lineage": [], "neighbourhood d2": [], "paths k=3": []}
    for text in names + fixed:
        timed(lambda text=text: q.search(g, text), runs["search"])
    for n in rng.sample(insts, min(args.samples, len(insts))) + linked[: args.samples]:
        timed(lambda n=n: q.lineage(g, n), runs["lineage"])
    for n in rng.sample(content, min(args.samples, len(content))):
        timed(lambda n=n: q.neighbourhood(g, n, depth=2), runs["neighbourhood d2"])
    # pairs inside the largest connected part (random pairs of a news graph are mostly unconnected)
    from graph.queries import _undirected

    giant = sorted(max(nx.connected_components(_undirected(g)), key=len))
    print(f"largest connected part: {len(giant)} of {len(content)} content nodes")
    pairs = [(rng.choice(giant), rng.choice(giant)) for _ in range(min(args.samples, 200))]
    for a, b in pairs:
        timed(lambda a=a, b=b: q.paths(g, a, b, k=3), runs["paths k=3"])
    found = sum(1 for a, b in pairs if q.paths(g, a, b, k=1))
    print(f"pairs with a path of at most 6 links: {found} of {len(pairs)}")
    print("latency (ms)        n     p50     p95     max")
    for name, r in runs.items():
        print(f"  {name:<16} {len(r):4d} {statistics.median(r):7.2f} {pct(r, 95):7.2f} {max(r):7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
