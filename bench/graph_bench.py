"""Graph benchmark on the real corpus (not a test): python -m bench.graph_bench [--reuse] [--limit N]

Prints ingest time and MB/s (all cores), peak memory, graph size, save and load time of the
saved graph (load measured in a fresh process), and p50/p95 latency of every query type
(search, node, lineage, neighbourhood depth 2, paths, career, agency, timeline) over random
targets plus the biggest hubs.  Figures depend on the machine.  ``python -m bench`` reuses
these functions for its one-table summary.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

import networkx as nx

from graph import queries as q
from graph.index import index_of
from graph.ingest import BuildSummary, build
from graph.store import NxStore
from loaders.model import ReadProblem, SourceText

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
ROOT = Path(__file__).resolve().parent.parent
LINEAGE_TYPES = ("SUCCEEDS", "IMPLEMENTS", "AMENDS", "REPEALS", "BASED_ON", "REPLACES", "GUIDES")
HUBS = 10   # the most linked nodes of each type are always among the targets


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


_COLD_LOAD = ("import json,resource,sys,time; t=time.perf_counter(); from graph.store import NxStore; "
              "s=NxStore.load(sys.argv[1]); dt=time.perf_counter()-t; "
              "print(json.dumps({'seconds': dt, 'nodes': s.graph.number_of_nodes(), "
              "'rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}))")


def cold_load(path: Path) -> dict[str, float]:
    """Load the graph in a fresh interpreter: seconds (imports included), nodes and peak RSS in MB."""
    out = subprocess.run([sys.executable, "-c", _COLD_LOAD, str(path)], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def cold_load_seconds(path: Path) -> float:
    return cold_load(path)["seconds"]


def ingest(path: str, graph_path: Path, *, limit: int = 0, workers: int | None = None,
           progress: bool | None = None) -> tuple[BuildSummary, float, NxStore]:
    """Build a fresh graph from ``path`` on all cores and save it: (summary, save seconds, store)."""
    store = NxStore(path=graph_path)
    sources: Iterable[SourceText | ReadProblem] | None = None
    if limit:
        from loaders.readers import iter_sources

        sources = itertools.islice(iter_sources([path]), limit)
    summary = build(store, [path], workers=workers, progress=progress, sources=sources)
    t = time.perf_counter()
    store.save(graph_path)
    return summary, time.perf_counter() - t, store


def nodes_by_type(g: nx.MultiDiGraph) -> tuple[dict[str, int], dict[str, int]]:
    nodes = Counter(d.get("type", "?") for _, d in g.nodes(data=True))
    edges = Counter(d.get("type", "?") for _, _, d in g.edges(data=True))
    return dict(nodes.most_common()), dict(edges.most_common())


Workload = dict[str, list[Callable[[], object]]]


def query_workload(g: nx.MultiDiGraph, samples: int = 300, seed: int = 7) -> tuple[Workload, dict[str, str]]:
    """Calls to time per query type (random targets plus the biggest hubs), and notes on them.

    Warm-up work a query does once per graph (the search index, the path view) is done here
    and reported in the notes, so the latencies are those of a running app.
    """
    rng = random.Random(seed)
    by_type: dict[str, list[str]] = {}
    for n, d in g.nodes(data=True):
        by_type.setdefault(d["type"], []).append(n)
    degree: Counter[str] = Counter()
    for u, v, d in g.edges(data=True):
        if d["type"] != "MENTIONS":
            degree[u] += 1
            degree[v] += 1

    def pick(t: str, k: int = samples) -> list[str]:
        pool = by_type.get(t, [])
        hubs = sorted(pool, key=lambda n: (-degree[n], n))[:HUBS]
        return hubs + rng.sample(pool, min(k, len(pool)))

    content = [n for t in q.CONTENT_TYPES for n in by_type.get(t, [])]
    hubs = sorted(content, key=lambda n: (-degree[n], n))[:HUBS]
    insts = by_type.get("Instrument", [])
    linked = [n for n in insts if any(d["type"] in LINEAGE_TYPES for _, _, d in
                                      itertools.chain(g.in_edges(n, data=True), g.out_edges(n, data=True)))]
    notes: dict[str, str] = {}
    t = time.perf_counter()
    index_of(g)
    notes["search index (first search)"] = f"{time.perf_counter() - t:.2f} s"
    t = time.perf_counter()
    ug = q._undirected(g)
    notes["path view (first path query)"] = f"{time.perf_counter() - t:.2f} s"

    w: Workload = {name: [] for name in ("search", "node", "lineage", "neighbourhood d2", "paths k=3",
                                         "career", "agency", "timeline")}
    names = [g.nodes[n].get("label", n) for n in rng.sample(content, min(samples, len(content)))]
    fixed = ["Directive 39", "Ministry of Home Affairs", "Bộ Nội vụ", "Nguyễn", "chinh phu", "Resolution 27",
             "Thủ tướng", "Ha Noi", "Bo Tai chinh", "Nghị quyết"]
    w["search"] = [partial(q.search, g, s) for s in names + fixed]
    w["node"] = [partial(q.node, g, n) for n in hubs + rng.sample(content, min(samples, len(content)))]
    w["lineage"] = [partial(q.lineage, g, n) for n in pick("Instrument") + linked[:samples]]
    w["neighbourhood d2"] = [partial(q.neighbourhood, g, n, depth=2) for n in hubs + rng.sample(content, min(samples, len(content)))]
    if ug.number_of_nodes():
        # pairs inside the largest connected part (random pairs of a news graph are mostly unconnected)
        parts = [sorted(c) for c in nx.connected_components(ug)]
        giant = max(parts, key=len)
        pairs = [(rng.choice(giant), rng.choice(giant)) for _ in range(min(samples, 200))]
        pairs += [(a, b) for a, b in itertools.pairwise(hubs) if a in ug and b in ug]
        w["paths k=3"] = [partial(q.paths, g, a, b, k=3) for a, b in pairs]
        notes["largest connected part"] = f"{len(giant)} of {len(content)} content nodes"
    w["career"] = [partial(q.career, g, n) for n in pick("Person")]
    w["agency"] = [partial(q.agency, g, n) for n in pick("Agency")]
    ranges = [(None, None), ("2016", "2017"), ("2017-01", "2017-06"), ("2015-01-01", "2015-12-31"), (None, "2010")]
    w["timeline"] = [partial(q.timeline, g, date_from=a, date_to=b) for a, b in ranges for _ in range(4)]
    w["timeline"] += [partial(q.timeline, g, involving=n) for n in hubs + rng.sample(content, min(samples // 2, len(content)))]
    return {k: v for k, v in w.items() if v}, notes


def run_queries(workload: Workload, tick: Callable[[int], object] | None = None) -> dict[str, list[float]]:
    """Milliseconds of each call, per query type."""
    runs: dict[str, list[float]] = {}
    for name, calls in workload.items():
        r = runs.setdefault(name, [])
        for fn in calls:
            timed(fn, r)
            if tick:
                tick(1)
    return runs


def latency_lines(runs: dict[str, list[float]]) -> list[str]:
    out = ["latency (ms)        n     p50     p95     max"]
    for name, r in runs.items():
        out.append(f"  {name:<16} {len(r):4d} {statistics.median(r):7.2f} {pct(r, 95):7.2f} {max(r):7.1f}")
    return out


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
    graph_path = Path(args.graph or Path(tempfile.mkdtemp()) / "graph.kg")
    print(f"machine: {os.cpu_count()} cores; corpus {args.path}")

    if not args.reuse:
        summary, save_s, store = ingest(args.path, graph_path, limit=args.limit, workers=args.workers,
                                        progress=None)
        print(f"ingest: {summary.sources} articles, {summary.bytes / 1e6:.1f} MB in {summary.seconds:.1f} s "
              f"= {summary.mb_per_s:.2f} MB/s ({args.workers or os.cpu_count()} workers); "
              f"failed {len(summary.failed)}")
        print(f"save: {save_s:.2f} s, file {graph_path.stat().st_size / 1e6:.1f} MB ({graph_path})")
        own, kids = peak_mb()
        print(f"peak memory: parent {own:.0f} MB, largest worker {kids:.0f} MB")
        del store

    print(f"load (fresh process): {cold_load_seconds(graph_path):.2f} s")
    t = time.perf_counter()
    g = NxStore.load(graph_path).graph
    print(f"load (here): {time.perf_counter() - t:.2f} s")
    nodes, edges = nodes_by_type(g)
    print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; nodes {nodes}")
    print(f"edges {edges}")
    workload, notes = query_workload(g, args.samples, args.seed)
    for k, v in notes.items():
        print(f"{k}: {v}")
    print("\n".join(latency_lines(run_queries(workload))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
