"""Extraction throughput on the real corpus (one core): python -m bench.extract_bench [--limit N]

Prints MB of text per second, articles per second, and what was found.  A benchmark, not a
test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from loaders.extract import extract
from loaders.model import ReadProblem
from loaders.readers import iter_sources

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("path", nargs="?", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=0, help="stop after N articles (0 = all)")
    args = ap.parse_args(argv)
    counts: Counter[str] = Counter()
    chars = n = problems = 0
    extract_s = 0.0
    t0 = time.perf_counter()
    for item in iter_sources([args.path]):
        if isinstance(item, ReadProblem):
            problems += 1
            continue
        t = time.perf_counter()
        ex = extract(item)
        extract_s += time.perf_counter() - t
        chars += len(item.text.encode("utf-8"))
        n += 1
        for cat in ("documents", "agencies", "people", "events", "relations"):
            counts[cat] += len(getattr(ex, cat))
        if args.limit and n >= args.limit:
            break
    wall = time.perf_counter() - t0
    mb = chars / 1e6
    print(f"articles            {n}  (unreadable: {problems})")
    print(f"text                {mb:.1f} MB (UTF-8)")
    print(f"extraction          {extract_s:.1f} s  -> {mb / extract_s:.2f} MB/s, {n / extract_s:.0f} articles/s (one core)")
    print(f"wall incl. reading  {wall:.1f} s  -> {mb / wall:.2f} MB/s")
    for cat, c in counts.items():
        print(f"  {cat:<12} {c}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
