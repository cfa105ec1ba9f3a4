"""Command line: ``python -m graph build|remove|sources|query|ask|export|push ...``.

The graph file defaults to data/graph/graph.kg (``--graph`` or $GRAPH_FILE to change); a graph
file of an older version in the pickle format is read only with ``--trust-pickle``, then rewritten.
Every query prints text, or JSON with ``--json``; the functions behind them are those of
graph/queries.py that the app calls.

``--backend neo4j`` (or $GRAPH_BACKEND) runs every command on a Neo4j server instead of the
file: ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE`` or the ``--neo4j-*``
flags say which.  ``push --neo4j`` copies the graph file into Neo4j.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph import backend as q
from graph.export import FORMATS as EXPORT_FORMATS
from graph.export import export
from graph.render import render, to_jsonable
from graph.store import DEFAULT_PATH, GraphFileError, NxStore, locked
from graph.weigh import threshold


def _graph_path(args: argparse.Namespace) -> Path:
    return Path(args.graph or os.environ.get("GRAPH_FILE") or DEFAULT_PATH)


def _load(args: argparse.Namespace, path: Path) -> NxStore:
    """The graph file at ``path``; an old pickle only with --trust-pickle, then said to be rewritten."""
    store = NxStore.load(path, trust_pickle=getattr(args, "trust_pickle", False))
    if store.converted:
        print(f"converted the graph file: {store.converted}", file=sys.stderr)
    return store


BACKENDS = ("networkx", "neo4j")


def _backend(args: argparse.Namespace) -> str:
    backend = getattr(args, "backend", None) or os.environ.get("GRAPH_BACKEND") or "networkx"
    if backend not in BACKENDS:
        raise SystemExit(f"unknown backend {backend!r} (GRAPH_BACKEND): choose one of {', '.join(BACKENDS)}")
    return backend


def _neo4j(args: argparse.Namespace) -> Any:
    """The Neo4j store the --neo4j-* flags or the NEO4J_* variables name (exits with the reason if none)."""
    from graph.neo4j_store import Neo4jConfig, Neo4jError, Neo4jStore

    try:
        return Neo4jStore.connect(Neo4jConfig.from_env(
            getattr(args, "neo4j_uri", None), getattr(args, "neo4j_user", None),
            getattr(args, "neo4j_password", None), getattr(args, "neo4j_database", None)))
    except Neo4jError as e:
        raise SystemExit(str(e)) from None


def _open(args: argparse.Namespace) -> Any:
    """The store to read: the graph file, or the Neo4j server with --backend neo4j."""
    return _neo4j(args) if _backend(args) == "neo4j" else _load(args, _graph_path(args))


def _emit(args: argparse.Namespace, result: Any, lines: list[str] | None = None) -> None:
    if getattr(args, "json", False):
        print(json.dumps(to_jsonable(result), ensure_ascii=False, indent=1, default=str))
    else:
        print("\n".join(lines if lines is not None else render(result)))


def cmd_build(args: argparse.Namespace) -> int:
    from graph.ingest import build

    paths = list(args.paths) + _paths_from(args.paths_from)
    if not paths:
        print("build needs files or folders (PATH... or --paths-from FILE)", file=sys.stderr)
        return 2
    if _backend(args) == "neo4j":
        store = _neo4j(args)
        try:
            summary = build(store, paths, workers=args.workers, progress=args.progress)
            if summary.added or summary.replaced:
                store.save()            # weighs the facts over the whole server graph
        finally:
            store.close()
        for line in summary.lines():
            print(line)
        print(f"graph: Neo4j at {store.where} (each source committed as it was merged)")
        return 0 if not summary.failed or summary.sources > 0 else 1
    path = _graph_path(args)
    out = sys.stderr if args.events else sys.stdout      # with --events, stdout is JSON lines only
    on_source = _print_outcome if args.events else None
    with locked(path, on_wait=lambda: print(f"waiting: another build or ingest is writing {path}",
                                            file=sys.stderr, flush=True)):
        t0 = time.perf_counter()
        store = _load(args, path)
        load_s = time.perf_counter() - t0
        summary = build(store, paths, workers=args.workers, progress=args.progress, on_source=on_source)
        saved = bool(summary.added or summary.replaced or not path.exists())
        t1 = time.perf_counter()
        if saved:
            store.save(path)
        save_s = time.perf_counter() - t1
    for line in summary.lines():
        print(line, file=out)
    print(f"graph file: {path} ({f'saved in {save_s:.2f} s' if saved else 'unchanged'}; "
          f"loaded in {load_s:.2f} s)", file=out)
    if args.events:             # the last line: the build ran to its end and the graph file is as said
        print(json.dumps({"done": True, "saved": saved, "graph": str(path)}), flush=True)
    return 0 if not summary.failed or summary.sources > 0 else 1


def _paths_from(spec: str | None) -> list[str]:
    """The paths of a JSON list in file ``spec`` ('-': standard input); any name survives JSON."""
    if not spec:
        return []
    try:
        with open(0 if spec == "-" else spec, encoding="utf-8", closefd=spec != "-") as f:
            raw = f.read(64 * 2**20 + 1)      # a list of paths, not a stream without end
        if len(raw) > 64 * 2**20:
            raise ValueError("over 64 MB")
        paths = json.loads(raw)
    except (OSError, ValueError, RecursionError) as e:
        raise SystemExit(f"{spec}: --paths-from cannot be read ({e})") from None
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise SystemExit(f"{spec}: --paths-from needs a JSON list of paths")
    return paths


def _print_outcome(outcome: Any) -> None:
    print(json.dumps(dataclasses.asdict(outcome)), flush=True)     # ASCII escapes carry any file name


def cmd_remove(args: argparse.Namespace) -> int:
    if _backend(args) == "neo4j":
        store = _neo4j(args)
        try:
            status, removed = _remove_sources(store, args.sources)
            if removed:
                store.save()            # weighs the facts over the whole server graph
            return status
        finally:
            store.close()
    path = _graph_path(args)
    with locked(path):
        store = _load(args, path)
        status, removed = _remove_sources(store, args.sources)
        if removed:
            store.save(path)
    return status


def _remove_sources(store: Any, refs: list[str]) -> tuple[int, int]:
    """(exit status, how many removed) after removing each named source from ``store``."""
    status = removed = 0
    for ref in refs:
        sid = store.find_source(ref)
        if sid is None:
            print(f"not in the graph: {ref}", file=sys.stderr)
            status = 1
            continue
        ch = store.remove_source(sid)
        removed += 1
        print(f"removed {sid}: {ch.nodes_removed} nodes and {ch.edges_removed} edges only it stated")
    return status, removed


def cmd_sources(args: argparse.Namespace) -> int:
    store = _open(args)
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
    store = _open(args)
    local = store.to_networkx() if _backend(args) == "neo4j" else store
    for p in export(local.graph, args.format, Path(args.out), local.sources()):
        print(f"wrote {p}")
    if args.format == "neo4j-admin":
        print(f"to import: sh {Path(args.out) / 'import.sh'} on the Neo4j server (a new, empty database)")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from graph.ask import ask

    store = _open(args)
    ans = ask(store.graph, " ".join(args.question))
    if args.json:
        print(json.dumps(ans.to_dict(), ensure_ascii=False, indent=1, default=str))
    else:
        params = ", ".join(f"{k}={v}" for k, v in ans.params.items())
        print(f"[{ans.query}({params})]")
        print("\n".join(ans.text))
    return 0 if ans.error is None else 1


WEIGHED_QUERIES = ("node", "lineage", "related", "neighbourhood", "career", "holders", "agency")


def _min(args: argparse.Namespace) -> float | None:
    """The confidence under which a query hides facts: data/confidence.toml's threshold, unless
    ``--all`` (everything) or ``--min-confidence X``."""
    if getattr(args, "all", False):
        return None
    given = getattr(args, "min_confidence", None)
    return given if given is not None else threshold()


QUERIES: dict[str, Callable[[Any, argparse.Namespace], Any]] = {
    "search": lambda g, a: q.search(g, " ".join(a.text), types=a.type, limit=a.limit),
    "node": lambda g, a: q.node(g, a.ref, _min(a)),
    "document": lambda g, a: q.document(g, a.ref),
    "lineage": lambda g, a: q.lineage(g, a.ref, min_confidence=_min(a)),
    "disputed": lambda g, a: q.disputed(g, a.ref),
    "status": lambda g, a: q.status(g, a.ref),
    "related": lambda g, a: q.related(g, a.ref, a.edge_type, a.direction, _min(a)),
    "paths": lambda g, a: q.paths(g, a.a, a.b, k=a.k, max_hops=a.max_hops),
    "neighbourhood": lambda g, a: q.neighbourhood(g, a.ref, depth=a.depth, node_types=a.type,
                                                  edge_types=a.edge_type, date_from=a.date_from,
                                                  date_to=a.date_to, limit=a.limit, min_confidence=_min(a)),
    "timeline": lambda g, a: q.timeline(g, node_types=a.type or ("Event", "Instrument"), date_from=a.date_from,
                                        date_to=a.date_to, involving=a.involving, limit=a.limit),
    "career": lambda g, a: q.career(g, a.ref, _min(a)),
    "holders": lambda g, a: q.holders(g, a.ref, a.title, _min(a)),
    "agency": lambda g, a: q.agency(g, a.ref, _min(a)),
    "overview": lambda g, a: q.overview(g, top=a.top),
}


def cmd_query(args: argparse.Namespace) -> int:
    store = _open(args)
    try:
        result = QUERIES[args.query](store.graph, args)
    except q.NotFound as e:
        print(str(e), file=sys.stderr)
        return 1
    _emit(args, result)
    return 0


def _backend_options(p: argparse.ArgumentParser, default: Any) -> None:
    """--backend and the Neo4j connection flags (on the program and on each command)."""
    g = p.add_argument_group("backend")
    g.add_argument("--backend", choices=BACKENDS, default=default,
                   help="where the graph lives (default $GRAPH_BACKEND or networkx: the graph file)")
    g.add_argument("--neo4j-uri", default=default, help="Neo4j server (default $NEO4J_URI), e.g. neo4j://host:7687")
    g.add_argument("--neo4j-user", default=default, help="default $NEO4J_USER or neo4j")
    g.add_argument("--neo4j-password", default=default,
                   help="default $NEO4J_PASSWORD (prefer the variable: other users can see a command line)")
    g.add_argument("--neo4j-database", default=default, help="default $NEO4J_DATABASE or the server's default")


def cmd_push(args: argparse.Namespace) -> int:
    if not args.neo4j:
        print("push needs a target: python -m graph push --neo4j", file=sys.stderr)
        return 2
    path = _graph_path(args)
    if not path.exists():
        print(f"no graph file at {path}: build it first (python -m graph build PATH...)", file=sys.stderr)
        return 1
    target = _neo4j(args)
    source = _load(args, path)

    def progress(what: str, done: int, total: int) -> None:
        if args.progress:
            print(f"\r{what}: {done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        summary = target.push(source, mirror=not args.keep_extra, progress=progress)
    finally:
        target.close()
    if args.progress:
        print(file=sys.stderr)
    print(f"{path} -> Neo4j at {target.where}")
    for line in summary.lines()[: 1 if args.keep_extra else 2]:
        print(line)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m graph", description=__doc__, allow_abbrev=False,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--graph", help=f"graph file (default $GRAPH_FILE or {DEFAULT_PATH})")
    p.add_argument("--trust-pickle", action="store_true",
                   help="read a graph file of an older version in the pickle format (it can run code: only "
                        "a file you made yourself) and rewrite it in the data-only format")
    _backend_options(p, None)
    conn = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    _backend_options(conn, argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="ingest files, folders or .jsonl(.gz) archives into the graph", parents=[conn])
    b.add_argument("paths", nargs="*")
    b.add_argument("--paths-from", metavar="FILE",
                   help="also the paths of a JSON list in FILE ('-': standard input)")
    b.add_argument("--events", action="store_true",
                   help="print what became of each source as a JSON line, and last {\"done\": true, ...} "
                        "(the summary goes to stderr)")
    b.add_argument("--workers", type=int, default=None, help="extraction processes (default: all cores)")
    b.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: only on a terminal)")
    b.set_defaults(func=cmd_build)

    r = sub.add_parser("remove", help="remove a source and what only it said", parents=[conn])
    r.add_argument("sources", nargs="+", help="source id, path, file name or source/... node id")
    r.set_defaults(func=cmd_remove)

    s = sub.add_parser("sources", help="list ingested sources", parents=[conn])
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_sources)

    e = sub.add_parser("export", help="write GraphML, GEXF, node-link JSON, CSV tables or neo4j-admin import files",
                       parents=[conn])
    e.add_argument("--format", "-f", choices=list(EXPORT_FORMATS), required=True)
    e.add_argument("out", help="output file (for csv and neo4j-admin: a folder)")
    e.set_defaults(func=cmd_export)

    a = sub.add_parser("ask", help="ask a question in Vietnamese or English", parents=[conn])
    a.add_argument("question", nargs="+")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_ask)

    qp = sub.add_parser("query", help="run one query", parents=[conn])
    qs = qp.add_subparsers(dest="query", required=True)

    def add(name: str, help_: str) -> argparse.ArgumentParser:
        sp = qs.add_parser(name, help=help_, parents=[conn])
        sp.add_argument("--json", action="store_true", help="print the result as JSON")
        if name in WEIGHED_QUERIES:
            sp.add_argument("--all", action="store_true",
                            help="show every fact, also those weighed under the confidence threshold")
            sp.add_argument("--min-confidence", type=float, metavar="X",
                            help=f"hide facts weighed under X (default {threshold()}, data/confidence.toml)")
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
                        ("agency", "an agency's units, leaders, instruments and events"),
                        ("disputed", "what sources disagree about a node, side by side with their sentences")):
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

    pu = sub.add_parser("push", help="copy the graph file into Neo4j (pushing twice leaves one copy)",
                        parents=[conn])
    pu.add_argument("--neo4j", action="store_true", help="push to the Neo4j server of --neo4j-uri or $NEO4J_URI")
    pu.add_argument("--keep-extra", action="store_true",
                    help="keep nodes, links and sources the file does not hold (default: delete them, "
                         "so the database is an exact copy of the file)")
    pu.add_argument("--progress", action=argparse.BooleanOptionalAction, default=sys.stderr.isatty(),
                    help="show progress (default: on a terminal)")
    pu.set_defaults(func=cmd_push)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except GraphFileError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:        # the graph file's folder or lock cannot be used: a message, not a traceback
        print(f"error: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: the graph file was not changed", file=sys.stderr)
        return 130
