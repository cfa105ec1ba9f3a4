"""Command line: ``python -m graph build|remove|sources|query|ask|export ...``.

The graph file defaults to data/graph/graph.pickle (``--graph`` or $GRAPH_FILE to change).
Every query prints text, or JSON with ``--json``; the functions behind them are those of
graph/queries.py that the app calls.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph import queries as q
from graph.document import document
from graph.render import render, to_jsonable
from graph.store import DEFAULT_PATH, NxStore, locked


def _graph_path(args: argparse.Namespace) -> Path:
    return Path(args.graph or os.environ.get("GRAPH_FILE") or DEFAULT_PATH)


def _emit(args: argparse.Namespace, result: Any, lines: list[str] | None = None) -> None:
    if getattr(args, "json", False):
        print(json.dumps(to_jsonable(result), ensure_ascii=False, indent=1, default=str))
    else:
        print("\n".join(lines if lines is not None else render(result)))


def cmd_build(args: argparse.Namespace) -> int:
    from graph.ingest import build

    path = _graph_path(args)
    with locked(path):
        t0 = time.perf_counter()
        store = NxStore.load(path)
        load_s = time.perf_counter() - t0
        summary = build(store, args.paths, workers=args.workers, progress=args.progress)
        saved = bool(summary.added or summary.replaced or not path.exists())
        t1 = time.perf_counter()
        if saved:
            store.save(path)
        save_s = time.perf_counter() - t1
    for line in summary.lines():
        print(line)
    print(f"graph file: {path} ({f'saved in {save_s:.2f} s' if saved else 'unchanged'}; "
          f"loaded in {load_s:.2f} s)")
    return 0 if not summary.failed or summary.sources > 0 else 1


def cmd_remove(args: argparse.Namespace) -> int:
    path = _graph_path(args)
    status = 0
    with locked(path):
        store = NxStore.load(path)
        removed = 0
        for ref in args.sources:
            sid = store.find_source(ref)
            if sid is None:
                print(f"not in the graph: {ref}", file=sys.stderr)
                status = 1
                continue
            ch = store.remove_source(sid)
            removed += 1
            print(f"removed {sid}: {ch.nodes_removed} nodes and {ch.edges_removed} edges only it stated")
        if removed:
            store.save(path)
    return status


def cmd_sources(args: argparse.Namespace) -> int:
    store = NxStore.load(_graph_path(args))
    rows = sorted(store.sources().values(), key=lambda e: e.source_id)
    if args.json:
        print(json.dumps([{"source_id": e.source_id, "path": e.path, "content_hash": e.content_hash,
                           "nodes": len(e.nodes), "edges": len(e.edges)} for e in rows], ensure_ascii=False))
    else:
        for e in rows:
            print(f"{e.source_id}\t{e.content_hash[:12]}\t{len(e.nodes)} nodes\t{len(e.edges)} edges\t{e.path}")
        print(f"{len(rows)} sources")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from graph.export import export

    store = NxStore.load(_graph_path(args))
    for p in export(store.graph, args.format, Path(args.out)):
        print(f"wrote {p}")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from graph.ask import ask

    store = NxStore.load(_graph_path(args))
    ans = ask(store.graph, " ".join(args.question))
    if args.json:
        print(json.dumps(ans.to_dict(), ensure_ascii=False, indent=1, default=str))
    else:
        params = ", ".join(f"{k}={v}" for k, v in ans.params.items())
        print(f"[{ans.query}({params})]")
        print("\n".join(ans.text))
    return 0 if ans.error is None else 1


QUERIES: dict[str, Callable[[Any, argparse.Namespace], Any]] = {
    "search": lambda g, a: q.search(g, " ".join(a.text), types=a.type, limit=a.limit),
    "node": lambda g, a: q.node(g, a.ref),
    "document": lambda g, a: document(g, a.ref),
    "lineage": lambda g, a: q.lineage(g, a.ref),
    "status": lambda g, a: q.status(g, a.ref),
    "related": lambda g, a: q.related(g, a.ref, a.edge_type, a.direction),
    "paths": lambda g, a: q.paths(g, a.a, a.b, k=a.k, max_hops=a.max_hops),
    "neighbourhood": lambda g, a: q.neighbourhood(g, a.ref, depth=a.depth, node_types=a.type,
                                                  edge_types=a.edge_type, date_from=a.date_from,
                                                  date_to=a.date_to, limit=a.limit),
    "timeline": lambda g, a: q.timeline(g, node_types=a.type or ("Event", "Instrument"), date_from=a.date_from,
                                        date_to=a.date_to, involving=a.involving, limit=a.limit),
    "career": lambda g, a: q.career(g, a.ref),
    "holders": lambda g, a: q.holders(g, a.ref, a.title),
    "agency": lambda g, a: q.agency(g, a.ref),
    "overview": lambda g, a: q.overview(g, top=a.top),
}


def cmd_query(args: argparse.Namespace) -> int:
    store = NxStore.load(_graph_path(args))
    try:
        result = QUERIES[args.query](store.graph, args)
    except q.NotFound as e:
        print(str(e), file=sys.stderr)
        return 1
    _emit(args, result)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m graph", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--graph", help=f"graph file (default $GRAPH_FILE or {DEFAULT_PATH})")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="ingest files, folders or .jsonl(.gz) archives into the graph")
    b.add_argument("paths", nargs="+")
    b.add_argument("--workers", type=int, default=None, help="extraction processes (default: all cores)")
    b.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: only on a terminal)")
    b.set_defaults(func=cmd_build)

    r = sub.add_parser("remove", help="remove a source and what only it said")
    r.add_argument("sources", nargs="+", help="source id, path, file name or source/... node id")
    r.set_defaults(func=cmd_remove)

    s = sub.add_parser("sources", help="list ingested sources")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_sources)

    e = sub.add_parser("export", help="write GraphML, GEXF, node-link JSON or CSV tables")
    e.add_argument("--format", "-f", choices=["graphml", "gexf", "json", "csv"], required=True)
    e.add_argument("out", help="output file (for csv: a folder)")
    e.set_defaults(func=cmd_export)

    a = sub.add_parser("ask", help="ask a question in Vietnamese or English")
    a.add_argument("question", nargs="+")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_ask)

    qp = sub.add_parser("query", help="run one query")
    qs = qp.add_subparsers(dest="query", required=True)

    def add(name: str, help_: str) -> argparse.ArgumentParser:
        sp = qs.add_parser(name, help=help_)
        sp.add_argument("--json", action="store_true", help="print the result as JSON")
        return sp

    sp = add("search", "find nodes by name, number or alias")
    sp.add_argument("text", nargs="+")
    sp.add_argument("--type", action="append", help="node type (repeatable)")
    sp.add_argument("--limit", type=int, default=10)
    for name, help_ in (("node", "one node with its links"),
                        ("document", "an instrument's header (with each value's source and authority), "
                                     "conflicts, signer, links by article, outline"),
                        ("lineage", "an instrument's ancestors and descendants"),
                        ("status", "an instrument's status"), ("career", "a person's posts in date order"),
                        ("agency", "an agency's units, leaders, instruments and events")):
        add(name, help_).add_argument("ref")
    sp = add("related", "links of one type from or into a node")
    sp.add_argument("ref")
    sp.add_argument("edge_type")
    sp.add_argument("--direction", choices=["out", "in"], default="out")
    sp = add("paths", "shortest paths between two entities")
    sp.add_argument("a")
    sp.add_argument("b")
    sp.add_argument("-k", type=int, default=3)
    sp.add_argument("--max-hops", type=int, default=6)
    sp = add("neighbourhood", "nodes within N links")
    sp.add_argument("ref")
    sp.add_argument("--depth", type=int, default=1)
    sp.add_argument("--type", action="append", help="node type to keep (repeatable)")
    sp.add_argument("--edge-type", action="append", help="edge type to follow (repeatable)")
    sp.add_argument("--from", dest="date_from")
    sp.add_argument("--to", dest="date_to")
    sp.add_argument("--limit", type=int, default=300)
    sp = add("timeline", "dated events and instruments")
    sp.add_argument("--involving")
    sp.add_argument("--type", action="append")
    sp.add_argument("--from", dest="date_from")
    sp.add_argument("--to", dest="date_to")
    sp.add_argument("--limit", type=int, default=200)
    sp = add("holders", "who holds posts at an agency")
    sp.add_argument("ref")
    sp.add_argument("--title")
    sp = add("overview", "counts and most-linked nodes")
    sp.add_argument("--top", type=int, default=10)
    qp.set_defaults(func=cmd_query)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("interrupted: the graph file was not changed", file=sys.stderr)
        return 130
