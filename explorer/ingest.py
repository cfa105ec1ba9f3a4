"""Ingest files one at a time so the app can show progress and a report per file.

Why not one ``graph.ingest.build`` call over everything: its summary is per batch and its
progress bar is tqdm on a terminal.  Calling it once per file (in this process, with an
extractor that keeps what it found) gives the app a progress step and a row per file while
reading, extraction, merging and the unchanged-file shortcut all stay in ``graph.ingest``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.ingest import build
from graph.store import NxStore
from loaders.model import Extraction, SourceText

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class FileReport:
    """One row of the ingest report: what a file added to the graph, or why it was refused."""

    file: str
    status: str             # added, replaced, unchanged, refused, failed
    sources: int = 0        # texts read from the file (an archive holds many)
    instruments: int = 0
    agencies: int = 0
    people: int = 0
    events: int = 0
    relations: int = 0
    message: str = ""


def files_under(paths: Iterable[str | Path]) -> list[Path]:
    """Every file named or inside a named folder, hidden ones skipped, in a stable order.

    Unsupported files are kept: the readers refuse them with a reason the report shows.
    """
    out: list[Path] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file()
                              and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


def ingest_file(store: NxStore, path: Path, extract: Callable[[SourceText], Extraction]) -> FileReport:
    """Read, extract and merge one file into ``store`` (not saved) and report what it held."""
    found: list[Extraction] = []

    def keep(source: SourceText) -> Extraction:
        ex = extract(source)
        found.append(ex)
        return ex

    if not path.exists():
        return FileReport(path.name, "refused", message="no such file or folder")
    summary = build(store, [str(path)], workers=1, progress=False, extractor=keep)
    message = "; ".join(msg for _, msg in summary.failed)
    if summary.added:
        status = "added"
    elif summary.replaced:
        status = "replaced"
    elif summary.unchanged:
        status = "unchanged"
    else:
        status = "failed" if found or "extraction failed" in message else "refused"
    return FileReport(
        path.name, status, summary.sources,
        instruments=sum(len(e.documents) for e in found),
        agencies=sum(len(e.agencies) for e in found),
        people=sum(len(e.people) for e in found),
        events=sum(len(e.events) for e in found),
        relations=sum(len(e.relations) for e in found),
        message=message,
    )


def ingest(store: NxStore, paths: Iterable[str | Path], progress: Progress | None = None) -> list[FileReport]:
    """Ingest every file under ``paths`` into ``store`` and save it once at the end."""
    from loaders.extract import extract

    files = files_under(paths)
    reports: list[FileReport] = []
    for i, path in enumerate(files):
        if progress is not None:
            progress(i, len(files), path.name)
        reports.append(ingest_file(store, path, extract))
    if any(r.status in ("added", "replaced") for r in reports):
        store.save()
    if progress is not None:
        progress(len(files), len(files), "")
    return reports
