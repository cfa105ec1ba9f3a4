"""Ingest from the explorer through the CLI's one writer path: ``python -m graph build`` in a child.

Why a child process and not a call in the server:
- the CLI's build is the one locked read-modify-write (wait for the lock, load the file as it
  is now, merge, save atomically), so nothing a CLI build or another visitor saved is lost, and
  two ingests queue instead of interleaving;
- the per-source time limit needs the main thread of a process (loaders/limits.py);
- a hostile file that exhausts memory ends the child (its address space is limited), never the
  server, and the graph file keeps its last good version.
The child reports each source as a JSON line (``--events``); rows are per file given here.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from explorer.access import inside
from graph.ingest import estimate_bytes
from loaders.decode import file_name_text

ROOT = Path(__file__).resolve().parent.parent
Progress = Callable[[int, int, str], None]
_RANK = {"added": 5, "replaced": 4, "unchanged": 3, "failed": 2, "refused": 1}   # a file's row: its best source


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


def files_under(paths: Iterable[str | Path], roots: tuple[Path, ...] = ()) -> tuple[list[Path], list[FileReport]]:
    """Every file named or inside a named folder (hidden ones skipped, links to folders not
    followed), in a stable order, and a refusal for what cannot be listed.

    With ``roots``, a file whose real path (links followed) lies outside them is refused: an
    allowed folder must not lead out of itself.  Unsupported files are kept: the readers refuse
    them with a reason the report shows.
    """
    out: list[Path] = []
    refused: list[FileReport] = []
    for given in paths:
        p = Path(given)
        found: list[Path] = []
        if p.is_dir():
            for folder, dirs, names in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(folder) / n for n in sorted(names) if not n.startswith(".")]
        else:
            found.append(p)
        for f in found:
            if roots and not any(inside(f, r) for r in roots):
                refused.append(FileReport(file_name_text(f.name), "refused",
                                          message="links outside the allowed folders; not followed"))
            else:
                out.append(f)
    return out, refused


def ingest(graph_path: Path, files: list[Path], progress: Progress | None = None, *,
           memory_mb: int = 3072) -> tuple[list[FileReport], str]:
    """Ingest ``files`` into the graph file by ``graph build`` in a child process.

    Returns a row per file and, when the build itself failed (the graph could not be read or
    saved, the child ran out of memory), the reason; the graph file is then unchanged.
    """
    if not files:
        return [], ""
    files = [Path(os.path.abspath(f)) for f in files]       # the child runs in ROOT, not in our folder
    total = estimate_bytes([str(f) for f in files])
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as listing:
        json.dump([str(f) for f in files], listing)     # ASCII escapes carry any file name, even undecodable ones
    cmd = [sys.executable, "-m", "graph", "--graph", os.path.abspath(graph_path), "--backend", "networkx", "build",
           "--workers", "1", "--events", "--no-progress", "--paths-from", listing.name]
    rows: dict[str, list[dict[str, object]]] = {}
    done = 0
    finished = False            # the child's last line says it ran to its end
    # the child's messages go to a file, not a pipe: a pipe nobody reads fills at 64 kB and the
    # child would wait on it forever, holding the graph's lock
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as errors:
        try:
            with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=errors, text=True,
                                  encoding="utf-8", errors="replace",
                                  env={**os.environ, "PYTHONPATH": str(ROOT)}) as child:
                _limit_memory(child.pid, memory_mb)
                assert child.stdout is not None
                for line in child.stdout:
                    try:
                        event = json.loads(line)
                    except ValueError:
                        continue
                    if not isinstance(event, dict):
                        continue
                    if event.get("done"):
                        finished = True
                        continue
                    rows.setdefault(str(event.get("path", "")), []).append(event)
                    done += int(event.get("bytes") or 0)
                    if progress is not None:
                        progress(min(done, total), total, Path(str(event.get("path", ""))).name)
        finally:
            os.unlink(listing.name)
        errors.seek(0)
        err = errors.read()
    # without the child's last line the graph was not saved and its file is as it was
    problem = "" if finished and child.returncode in (0, 1) else _reason(child.returncode, err)
    # events name files as stored text (bytes that are not UTF-8 as U+FFFD): key ours alike
    return [_row(f, [] if problem else rows.get(file_name_text(str(f)), []), problem) for f in files], problem


def _limit_memory(pid: int, memory_mb: int) -> None:
    """Cap the child's address space (a bomb the readers do not catch ends the child only)."""
    limit = memory_mb * 2**20
    with contextlib.suppress(OSError, ValueError, AttributeError):      # not Linux, or the child already ended
        resource.prlimit(pid, resource.RLIMIT_AS, (limit, limit))


def _reason(code: int, stderr: str) -> str:
    """The build's own message (its last line), or what ended it."""
    lines = [ln for ln in stderr.strip().splitlines() if ln.strip()]
    if code < 0:
        return f"the ingest was stopped by signal {-code}" + (f": {lines[-1]}" if lines else "")
    if lines and ("MemoryError" in lines[-1] or "Cannot allocate memory" in lines[-1]):
        return "the ingest ran out of memory; the graph file is unchanged"
    return lines[-1].removeprefix("error: ") if lines else f"the ingest failed (exit status {code})"


def _row(f: Path, events: list[dict[str, object]], problem: str) -> FileReport:
    """One file's row from the events of its sources (an archive has many)."""
    name = file_name_text(f.name)
    if not events:
        return FileReport(name, "failed" if problem else "refused", message=problem or "nothing could be read")
    best = max(events, key=lambda e: _RANK.get(str(e.get("status")), 0))

    def total(key: str) -> int:
        return sum(int(str(e.get(key) or 0)) for e in events)

    messages = [str(e["message"]) for e in events if e.get("message") and e.get("status") in ("refused", "failed")]
    return FileReport(name, str(best.get("status")), sum(1 for e in events if e.get("source_id")),
                      total("instruments"), total("agencies"), total("people"), total("events"), total("relations"),
                      "; ".join(messages[:5]) + (" …" if len(messages) > 5 else ""))
