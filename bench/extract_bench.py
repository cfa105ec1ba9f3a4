"""Extraction throughput on the real corpus (one core): python -m bench.extract_bench [--limit N]

Prints MB of text per second, articles per second, and what was found.  A benchmark, not a
test: figures depend on the machine.  ``python -m bench`` reuses ``extract_one_core`` and
``extract_all_cores`` for its table.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing as mp
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from loaders.extract import extract
from loaders.model import ReadProblem, SourceText
from loaders.readers import iter_sources

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
CATEGORIES = ("documents", "agencies", "people", "events", "relations")


@dataclass
class ExtractStats:
    """Articles, UTF-8 bytes and seconds of one extraction run."""

    articles: int = 0
    problems: int = 0
    bytes: int = 0
    extract_s: float = 0.0      # time inside extract() (one core) or the pool's wall time (all cores)
    wall_s: float = 0.0         # including reading and decompressing the archive
    workers: int = 1
    found: Counter[str] = field(default_factory=Counter)

    @property
    def mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.extract_s if self.extract_s else 0.0

    @property
    def wall_mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.wall_s if self.wall_s else 0.0


def corpus_sources(path: str | Path, limit: int = 0) -> Iterator[SourceText | ReadProblem]:
    """The corpus streamed from disk (never held whole), the first ``limit`` items if given."""
    stream = iter_sources([path])
    return itertools.islice(stream, limit) if limit else stream


def extract_one_core(sources: Iterable[SourceText | ReadProblem],
                     tick: Callable[[int], object] | None = None) -> ExtractStats:
    """Extract every source in this process; ``tick(bytes)`` after each (for a progress bar)."""
    st = ExtractStats()
    t0 = time.perf_counter()
    for item in sources:
        if isinstance(item, ReadProblem):
            st.problems += 1
            continue
        t = time.perf_counter()
        ex = extract(item)
        st.extract_s += time.perf_counter() - t
        size = len(item.text.encode("utf-8", "surrogatepass"))
        st.bytes += size
        st.articles += 1
        for cat in CATEGORIES:
            st.found[cat] += len(getattr(ex, cat))
        if tick:
            tick(size)
    st.wall_s = time.perf_counter() - t0
    return st


def _extract_size(item: SourceText | ReadProblem) -> int:
    """Worker: extract and throw the result away (only the throughput is measured); -1 = unreadable."""
    if isinstance(item, ReadProblem):
        return -1
    extract(item)
    return len(item.text.encode("utf-8", "surrogatepass"))


def extract_all_cores(sources: Iterable[SourceText | ReadProblem], workers: int | None = None,
                      tick: Callable[[int], object] | None = None, chunksize: int = 16) -> ExtractStats:
    """Extract in a pool of processes fed from this one's stream (the ingest's shape, no merge)."""
    workers = workers or os.cpu_count() or 1
    st = ExtractStats(workers=workers)
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    t0 = time.perf_counter()
    with ctx.Pool(workers) as pool:
        for size in pool.imap(_extract_size, sources, chunksize=chunksize):
            if size < 0:
                st.problems += 1
                continue
            st.articles += 1
            st.bytes += size
            if tick:
                tick(size)
    st.wall_s = st.extract_s = time.perf_counter() - t0
    return st


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("path", nargs="?", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=0, help="stop after N articles (0 = all)")
    args = ap.parse_args(argv)
    st = extract_one_core(corpus_sources(args.path, args.limit))
    mb = st.bytes / 1e6
    print(f"articles            {st.articles}  (unreadable: {st.problems})")
    print(f"text                {mb:.1f} MB (UTF-8)")
    print(f"extraction          {st.extract_s:.1f} s  -> {st.mb_per_s:.2f} MB/s, "
          f"{st.articles / st.extract_s:.0f} articles/s (one core)")
    print(f"wall incl. reading  {st.wall_s:.1f} s  -> {st.wall_mb_per_s:.2f} MB/s")
    for cat, c in st.found.items():
        print(f"  {cat:<12} {c}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
