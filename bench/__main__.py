"""The whole pipeline on the real corpus, one table: python -m bench [CORPUS] [--limit N]

Stages (a progress bar each, on stderr): extraction on one core, extraction on all cores
(a process pool, results thrown away), the end-to-end ingest into a fresh graph (read,
extract on all cores, merge, save) with peak memory of the parent and its workers, loading
the saved graph in a fresh process, and p50/p95 latency of every query type on it.  The
table (stdout) compares the figures with the targets of issue 9.  Figures depend on the
machine and on what else runs on it; nothing is asserted.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.extract_bench import CORPUS, ExtractStats, corpus_sources, extract_all_cores, extract_one_core
from bench.graph_bench import ROOT, cold_load, ingest, nodes_by_type, pct, query_workload, run_queries
from bench.rss import RssMonitor
from graph.store import NxStore

TARGET_INGEST_S = 120.0
TARGET_PEAK_MB = 2048.0
TARGET_LOAD_S = 3.0
TARGET_P95_MS = 50.0


@contextmanager
def bar(enabled: bool, desc: str, total: int | None, unit: str) -> Iterator[Any]:
    """A tqdm bar (or nothing) whose ``update`` the stages call."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    with tqdm(total=total, desc=desc, unit=unit, unit_scale=unit == "B", unit_divisor=1000,
              dynamic_ncols=True, file=sys.stderr, mininterval=0.5) as b:
        yield b


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             timeout=5).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=5).stdout.strip()
        return out + ("+dirty" if dirty else "") if out else "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def _check(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _extract_row(label: str, st: ExtractStats, wall: bool) -> list[str]:
    rate = st.wall_mb_per_s if wall else st.mb_per_s
    note = (f"{st.articles} articles, {st.bytes / 1e6:.1f} MB in {st.extract_s:.1f} s"
            + ("" if wall else f"; {st.wall_mb_per_s:.2f} MB/s with reading"))
    return [label, f"{rate:.2f} MB/s", note, ""]


def render(rows: list[list[str]]) -> str:
    """A Markdown table, padded so it also reads well in a terminal."""
    head = ["figure", "value", "details", "target"]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]

    def line(r: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"

    return "\n".join([line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("path", nargs="?", default=str(CORPUS), help="corpus (default: the shared 2017 archive)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles, in every stage (quick run)")
    ap.add_argument("--extract-limit", type=int, default=10000,
                    help="articles for the two extraction-only stages (default 10000; 0 = all)")
    ap.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    ap.add_argument("--samples", type=int, default=300, help="random targets per query type")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--graph", default=None, help="keep the built graph here (default: a temporary file)")
    ap.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help="progress bars (default: on a terminal)")
    args = ap.parse_args(argv)
    if not Path(args.path).is_file():
        print(f"python -m bench: {args.path}: no such corpus file (give the path of a .jsonl.gz archive)", file=sys.stderr)
        return 2
    show = sys.stderr.isatty() if args.progress is None else args.progress
    workers = args.workers or os.cpu_count() or 1
    n_extract = min(x for x in (args.limit, args.extract_limit) if x) if (args.limit or args.extract_limit) else 0
    tmp = None if args.graph else Path(tempfile.mkdtemp(prefix="bench-"))
    graph_path = Path(args.graph) if args.graph else tmp / "graph.kg"  # type: ignore[operator]
    if args.graph and graph_path.exists():
        graph_path.unlink()          # a fresh build, not an incremental one
    rows: list[list[str]] = []
    try:
        # 1-2. extraction only, on the same sample
        with bar(show, "extract, 1 core", n_extract or None, "art") as b:
            one = extract_one_core(corpus_sources(args.path, n_extract), tick=b and (lambda _s: b.update(1)))
        with bar(show, f"extract, {workers} processes", n_extract or None, "art") as b:
            many = extract_all_cores(corpus_sources(args.path, n_extract), workers,
                                     tick=b and (lambda _s: b.update(1)))
        rows.append(_extract_row("extraction, one core", one, wall=False))
        rows.append(_extract_row(f"extraction, all cores ({workers} processes)", many, wall=True))
        gc.collect()

        # 3. end-to-end ingest (build shows its own bar) and save
        with RssMonitor() as mon:
            summary, save_s, store = ingest(args.path, graph_path, limit=args.limit, workers=workers,
                                            progress=show)
        del store
        gc.collect()
        total_s = summary.seconds + save_s
        rows.append(["ingest end to end", f"{total_s:.1f} s",
                     f"{summary.sources} articles, {summary.bytes / 1e6:.1f} MB, {summary.mb_per_s:.2f} MB/s; "
                     f"read+extract+merge {summary.seconds:.1f} s, save {save_s:.1f} s; "
                     f"{len(summary.failed)} failed", f"< {TARGET_INGEST_S:.0f} s {_check(total_s < TARGET_INGEST_S)}"])
        p = mon.peaks
        rows.append(["peak memory (ingest + save)", f"{p.total_mb:.0f} MB",
                     f"parent and workers at once (PSS); parent peak {p.parent_mb:.0f} MB, largest of "
                     f"{p.workers_seen} workers {p.worker_mb:.0f} MB (RSS)",
                     f"< {TARGET_PEAK_MB:.0f} MB {_check(p.total_mb < TARGET_PEAK_MB)}"])
        size_mb = graph_path.stat().st_size / 1e6
        rows.append(["graph file", f"{size_mb:.1f} MB", f"{graph_path.name}, saved in {save_s:.2f} s", ""])

        # 4. load in a fresh process (imports included), three times
        with bar(show, "load (fresh process)", 3, "run") as b:
            loads = []
            for _ in range(3):
                loads.append(cold_load(graph_path))
                if b:
                    b.update(1)
        load_s = statistics.median(x["seconds"] for x in loads)
        rows.append(["load in a fresh process", f"{load_s:.2f} s",
                     f"median of 3 ({', '.join(format(x['seconds'], '.2f') for x in loads)}); "
                     f"peak RSS {max(x['rss_mb'] for x in loads):.0f} MB",
                     f"< {TARGET_LOAD_S:.0f} s {_check(load_s < TARGET_LOAD_S)}"])

        # 5. graph contents and queries
        g = NxStore.load(graph_path).graph
        nodes, edges = nodes_by_type(g)
        rows.append(["graph", f"{g.number_of_nodes()} nodes", f"{g.number_of_edges()} edges", ""])
        rows += [[f"  nodes {t}", str(c), "", ""] for t, c in nodes.items()]
        rows += [[f"  edges {t}", str(c), "", ""] for t, c in edges.items()]
        workload, notes = query_workload(g, args.samples, args.seed)
        rows += [[k, v, "once per graph, before the first such query", ""] for k, v in notes.items() if "first" in k]
        with bar(show, "queries", sum(len(v) for v in workload.values()), "q") as b:
            runs = run_queries(workload, tick=b and (lambda n: b.update(n)))
        for name, r in runs.items():
            p95 = pct(r, 95)
            rows.append([f"query {name}", f"p95 {p95:.2f} ms",
                         f"p50 {statistics.median(r):.2f} ms, max {max(r):.1f} ms, n={len(r)}",
                         f"p95 < {TARGET_P95_MS:.0f} ms {_check(p95 < TARGET_P95_MS)}"])
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f"python -m bench {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    print(f"{os.cpu_count()} cores, corpus {Path(args.path).name}"
          + (f" (first {args.limit} articles)" if args.limit else "")
          + f", commit {_commit()}, {time.strftime('%Y-%m-%d %H:%M')}")
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
