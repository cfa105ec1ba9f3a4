"""python -m loaders extract PATH... [--format jsonl|table]

Prints one report per input file (shared/eval/CONTRACT.md); problems go to stderr naming
the file, and the other files still come out.  A source that takes longer than the per-source
limit ($GRAPH_EXTRACT_TIMEOUT, loaders/limits.py) is reported and skipped.  Exit status 1 when any file failed.
"""

from __future__ import annotations

import argparse
import sys

from loaders.extract import extract
from loaders.limits import time_limited
from loaders.model import PendingRead, ReadProblem
from loaders.readers import iter_sources, read_pending
from loaders.report import to_jsonl, to_table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m loaders", description=__doc__.splitlines()[0] if __doc__ else None)
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract instruments, agencies, people, events and links")
    ex.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .jsonl[.gz] ...)")
    ex.add_argument("--format", choices=["jsonl", "table"], default="jsonl")
    args = ap.parse_args(argv)

    failed = 0
    for item in iter_sources(args.paths, defer_office=True):
        if isinstance(item, PendingRead):       # Word and PDF are read under the time limit too
            item = read_pending(item)
        if isinstance(item, ReadProblem):
            print(f"{item.path}: {item.message}", file=sys.stderr)
            failed += 1
            continue
        for w in item.warnings:
            print(f"{item.path}: warning: {w}", file=sys.stderr)
        try:
            result = time_limited(extract, item)
        except Exception as exc:  # one bad document never stops the batch
            print(f"{item.path}: extraction failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(to_jsonl(result) if args.format == "jsonl" else to_table(result), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
