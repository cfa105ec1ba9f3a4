"""Build the graph from files and folders: read, extract on all cores, merge in this process.

Why this shape: extraction is the costly, independent step, so it runs in a process pool
over a bounded stream of sources (archives are never loaded whole); merging touches the
one shared graph, so it stays in the parent.  A file that fails to read or extract is
reported and skipped.  Unchanged sources (same id and content hash as in the manifest)
are skipped before extraction, so a re-ingest costs little more than reading.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import multiprocessing as mp
import os
import signal
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from graph.copies import text_simhash
from graph.store import NxStore, gc_paused
from loaders.decode import file_name_text
from loaders.limits import time_limited
from loaders.model import Extraction, PendingRead, ReadProblem, SourceText
from loaders.office_readers import source_id_of

Extractor = Callable[[SourceText], Extraction]


@dataclass
class BuildSummary:
    """What a build did, printed at the end and returned to callers."""

    sources: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    bytes: int = 0
    seconds: float = 0.0
    nodes: int = 0
    edges: int = 0

    @property
    def mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds else 0.0

    def lines(self) -> list[str]:
        out = [
            f"sources: {self.sources} (added {self.added}, replaced {self.replaced}, "
            f"unchanged {self.unchanged}, failed {len(self.failed)})",
            f"read {self.bytes / 1e6:.1f} MB in {self.seconds:.1f} s ({self.mb_per_s:.2f} MB/s)",
            f"graph: {self.nodes} nodes, {self.edges} edges",
        ]
        out += [f"  failed: {file_name_text(path)}: {file_name_text(msg)}" for path, msg in self.failed[:50]]
        if len(self.failed) > 50:
            out.append(f"  ... and {len(self.failed) - 50} more failures")
        return out


@dataclass(frozen=True)
class Outcome:
    """What became of one source (or one file that gave none): a row of the app's report."""

    path: str
    source_id: str
    status: str                 # added, replaced, unchanged, refused (unreadable), failed (extraction, merge)
    message: str = ""
    instruments: int = 0
    agencies: int = 0
    people: int = 0
    events: int = 0
    relations: int = 0
    bytes: int = 0


def _default_extractor() -> Extractor:
    from loaders.extract import extract

    return extract


def _iter_sources(paths: list[str]) -> Iterator[SourceText | ReadProblem | PendingRead]:
    from loaders.readers import iter_sources

    return iter_sources(paths, defer_office=True)


def estimate_bytes(paths: Iterable[str]) -> int:
    """Text bytes to expect, for the progress bar: file sizes, a gzip's stored original size.

    Walks folders as the readers do (no symbolic-link loops followed); what cannot be examined
    counts nothing here and is reported by the readers.
    """
    from loaders.readers import walk

    total = 0
    for given in paths:
        p = Path(given)
        try:
            files = walk(p)[0] if p.is_dir() else [p]
        except OSError:
            continue
        total += sum(_original_size(f) for f in files)
    return total


def _original_size(f: Path) -> int:
    try:
        size = f.stat().st_size
        if f.name.endswith(".gz") and size >= 18:
            with open(f, "rb") as fh:
                fh.seek(-4, os.SEEK_END)
                isize = int(struct.unpack("<I", fh.read(4))[0])
            # ISIZE is the size modulo 2**32: add the wraps a large archive implies
            while isize < size:
                isize += 2**32
            return isize
        return size
    except (OSError, ValueError):   # ValueError: a name with NUL or a lone surrogate
        return 0


# -- worker side --------------------------------------------------------------------------

_EXTRACT: Extractor | None = None


def _extract_limited(item: SourceText) -> Extraction:
    """Extract one source under the per-source time limit (loaders/limits.py)."""
    assert _EXTRACT is not None
    return time_limited(_EXTRACT, item)


def _init_worker(extractor: Extractor | None) -> None:
    global _EXTRACT
    _EXTRACT = extractor or _default_extractor()


def _init_pool_worker(extractor: Extractor | None) -> None:
    gc.enable()          # a forked worker inherits the parent's paused collector
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the parent's to handle
    _init_worker(extractor)


def _work(item: Any) -> tuple[str, Any, int]:
    """Extract one source in a worker; every failure comes back as a message, never raised."""
    read_here = isinstance(item, PendingRead)
    if isinstance(item, PendingRead):      # a Word or PDF file: read here, under the time limit
        from loaders.readers import read_pending

        known, item = item.known_hash, read_pending(item)
        if isinstance(item, SourceText) and item.content_hash == known:     # unchanged: no extraction
            return ("unchanged", (item.source_id, item.path), len(item.text.encode("utf-8", "surrogatepass")))
    if isinstance(item, ReadProblem):
        return ("problem", (item.path, item.message), 0)
    if isinstance(item, tuple):            # ("unchanged", source_id, size, path)
        return ("unchanged", (item[1], item[3]), item[2])
    size = len(item.text.encode("utf-8", "surrogatepass"))
    item = replace(item, simhash=text_simhash(item.text))    # here, not in the parent that merges
    try:                                   # "read": its id is given in the parent, which knows the graph
        return ("read" if read_here else "ok", _extract_limited(item), size)
    except Exception as e:  # noqa: BLE001 - one bad file must not stop the batch
        return ("error", (item.path + (f" [{item.source_id}]" if item.source_id != item.name else ""),
                          f"extraction failed: {type(e).__name__}: {e}", item.path, item.source_id), size)


# -- parent side --------------------------------------------------------------------------

def source_ids(store: Any) -> Callable[[SourceText], SourceText]:
    """A function giving each source an id no other text holds.

    A reader names a source by its file (``report.docx``, ``corpus.jsonl.gz#123``).  The same
    text under that name (found by its hash, whatever its path: a copy, a moved file) keeps the
    id it was first given.  Other text whose id belongs to a file elsewhere (two ``report.docx``
    in different folders, an upload named like a team source, a file written where an older one
    was moved away from) gets the id plus a digest of its real path (``report.docx@1a2b3c4d``):
    the same file always gets the same id, a rebuild keeps both, and nothing is replaced except
    by a newer version of the text at the same path.
    """
    claimed: dict[str, tuple[str, str]] = {}     # id -> (real path, content hash) in this batch

    @functools.lru_cache(maxsize=4096)
    def real(path: str) -> str:
        try:
            return os.path.realpath(path)
        except (OSError, ValueError):
            return path

    def own(src: SourceText) -> SourceText:
        base = src.source_id
        mine = real(src.path)
        holder = claimed.get(base)
        if holder is None and (entry := store.entry(base)) is not None:
            holder = (real(entry.path), entry.content_hash)
        if holder is not None and holder[0] == mine:        # its own file, maybe edited: replaced
            return src
        same_text = [sid for sid in store.sources_with_hash(src.content_hash)
                     if sid == base or sid.startswith(base + "@")]
        if same_text:
            return src if base in same_text else replace(src, source_id=min(same_text))
        if holder is not None and holder[1] != src.content_hash:
            digest = hashlib.sha256(mine.encode("utf-8", "surrogatepass")).hexdigest()[:8]
            src = replace(src, source_id=f"{base}@{digest}")
        claimed.setdefault(src.source_id, (mine, src.content_hash))
        return src

    return own


def _progress(total: int, enabled: bool | None) -> Any:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total or None, unit="B", unit_scale=True, unit_divisor=1000,
                desc="ingest", dynamic_ncols=True, file=sys.stderr, mininterval=0.5)


def build(store: NxStore, paths: list[str], *, workers: int | None = None,
          progress: bool | None = None, extractor: Extractor | None = None,
          chunksize: int = 16, sources: Iterable[SourceText | ReadProblem] | None = None,
          on_source: Callable[[Outcome], None] | None = None) -> BuildSummary:
    """Ingest ``paths`` into ``store`` (not saved here); returns counts, failures and timings.

    ``workers`` defaults to the number of cores; 1 runs everything in this process.
    ``progress`` shows a tqdm bar (files, MB, rate, time left) and defaults to "on a TTY".
    ``on_source`` hears what became of each source and each unreadable file, in order.
    """
    start = time.perf_counter()
    summary = BuildSummary()
    workers = workers or os.cpu_count() or 1
    stream = sources if sources is not None else _iter_sources(paths)
    bar = _progress(estimate_bytes(paths) if sources is None else 0, progress)
    window = threading.Semaphore(max(64, workers * chunksize * 64))   # bounds read-ahead
    stop = threading.Event()

    own_id = source_ids(store)

    def feed() -> Iterator[Any]:
        for item in stream:
            window.acquire()
            if stop.is_set():
                return
            if isinstance(item, SourceText):
                item = own_id(item)
            elif isinstance(item, PendingRead):     # read in a worker: say what its name held, if current
                entry = store.entry(source_id_of(Path(item.path)))
                if entry is not None and store.is_unchanged(entry.source_id, entry.content_hash) \
                        and os.path.realpath(entry.path) == os.path.realpath(item.path):
                    item = replace(item, known_hash=entry.content_hash)
            if isinstance(item, SourceText) and store.is_unchanged(item.source_id, item.content_hash):
                yield ("unchanged", item.source_id, len(item.text.encode("utf-8", "surrogatepass")), item.path)
            else:
                yield item

    def handle(kind: str, value: Any, size: int) -> None:
        window.release()
        summary.bytes += size
        outcome: Outcome
        if kind == "problem":
            summary.failed.append(value)
            outcome = Outcome(value[0], "", "refused", value[1])
        elif kind == "error":
            summary.sources += 1
            summary.failed.append(value[:2])
            outcome = Outcome(value[2], value[3], "failed", value[1])
        elif kind == "unchanged":
            summary.sources += 1
            summary.unchanged += 1
            outcome = Outcome(value[1], value[0], "unchanged")
        else:
            summary.sources += 1
            if kind == "read":
                value = replace(value, source=own_id(value.source))
            src = value.source
            try:
                change = store.add_extraction(value)
            except Exception as e:  # noqa: BLE001 - the store rolls the source back
                message = f"merge failed: {type(e).__name__}: {e}"
                summary.failed.append((src.path, message))
                outcome = Outcome(src.path, src.source_id, "failed", message)
            else:
                if change.status == "added":
                    summary.added += 1
                elif change.status == "replaced":
                    summary.replaced += 1
                else:
                    summary.unchanged += 1
                outcome = Outcome(src.path, src.source_id, change.status, "; ".join(src.warnings),
                                  len(value.documents), len(value.agencies), len(value.people),
                                  len(value.events), len(value.relations))
        if on_source is not None:       # paths as stored text, as SourceText keeps them
            on_source(replace(outcome, bytes=size, path=file_name_text(outcome.path)))
        if bar is not None:
            bar.update(size)
            bar.set_postfix(files=summary.sources, failed=len(summary.failed), refresh=False)

    # the graph grows by millions of acyclic objects: no cycle hunting while it does
    with gc_paused():
        try:
            if workers <= 1:
                _init_worker(extractor)
                for item in feed():
                    handle(*_work(item))
            else:
                ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
                with ctx.Pool(workers, initializer=_init_pool_worker, initargs=(extractor,)) as pool:
                    for result in pool.imap(_work, feed(), chunksize=chunksize):
                        handle(*result)
        finally:
            stop.set()
            for _ in range(workers * chunksize * 128):   # wake a feeder blocked on the window
                window.release()
            if bar is not None:
                bar.close()
    summary.seconds = time.perf_counter() - start
    summary.nodes = store.graph.number_of_nodes()
    summary.edges = store.graph.number_of_edges()
    return summary
