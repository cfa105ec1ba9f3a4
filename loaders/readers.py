"""Files and folders to SourceText objects: the only entry point the rest of the project needs.

``iter_sources`` walks what it is given and yields one ``SourceText`` per article, or a
``ReadProblem`` for each file (or archive line) that cannot be read.  A bad input is reported and
skipped, never fatal to the batch, because a real ingest always contains a few broken files.
JSON Lines archives are streamed line by line so that a corpus of any size reads in constant
memory.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import json
import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, Literal, cast, overload

from loaders.decode import (
    ReadError,
    decode,
    decode_bytes,
    detect_legacy_encoding,
    file_name_text,
    normalize_text,
)
from loaders.html_text import parse_html
from loaders.layout import Layout, detect_layout, parse_date, parse_markdown, parse_plain
from loaders.legal_db import split_page
from loaders.limits import MAX_BYTES, MB, time_limited
from loaders.model import PendingRead, ReadProblem, SourceText

__all__ = [
    "MAX_BYTES",
    "MAX_LINE_BYTES",
    "WARN_BYTES",
    "ReadError",
    "ReadProblem",
    "SUPPORTED_SUFFIXES",
    "SourceText",
    "decode_bytes",
    "iter_jsonl",
    "iter_sources",
    "read_file",
    "source_from_record",
    "source_from_text",
    "walk",
]

WARN_BYTES = 50 * MB  # a file (or archive line) above this is read, with a warning
MAX_LINE_BYTES = MAX_BYTES

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
ARCHIVE_SUFFIXES = (".jsonl", ".jsonl.gz")
OFFICE_SUFFIXES = (".docx", ".pdf")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + ARCHIVE_SUFFIXES + OFFICE_SUFFIXES

_CHUNK = 1 * MB


# --------------------------------------------------------------------------- building SourceText


def _content_hash(text: str) -> str:
    """sha256 of the UTF-8 text, hashed in slices so a huge text is not encoded all at once."""
    h = hashlib.sha256()
    for i in range(0, len(text), _CHUNK):
        h.update(text[i : i + _CHUNK].encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _source(
    layout: Layout,
    *,
    source_id: str,
    name: str,
    path: str,
    warnings: Iterable[str] = (),
    published: str | None = None,
    author: str | None = None,
    url: str | None = None,
) -> SourceText:
    text = layout.text()
    if not text.strip():
        raise ReadError("no text left after removing metadata and page clutter")
    return SourceText(
        source_id=file_name_text(source_id),
        name=file_name_text(name),
        path=file_name_text(path),
        text=text,
        title=layout.title,
        published=published or layout.published,
        author=author or layout.author,
        url=url or layout.url,
        content_hash=_content_hash(text),
        warnings=tuple(warnings),
        db_record=layout.db_record,
    )


def _layout_for(text: str, kind: str) -> Layout:
    """The layout of a text; a legal database's page keeps only the official text and its table."""
    if kind == "html":
        html = parse_html(text)
        page = split_page(html.text())
        return Layout(None, page.lines, db_record=page.record) if page else html
    if (page := split_page(text)) is not None:
        return Layout(None, page.lines, db_record=page.record)
    if kind == "markdown" or (kind == "auto" and detect_layout(text) == "markdown"):
        return parse_markdown(text)
    return parse_plain(text)


def source_from_text(
    text: str,
    *,
    name: str,
    path: str | None = None,
    kind: str = "auto",
    warnings: Iterable[str] = (),
) -> SourceText:
    """A SourceText from already-decoded text; ``kind`` is 'auto', 'plain', 'markdown' or 'html'."""
    layout = _layout_for(normalize_text(text), kind)
    return _source(layout, source_id=name, name=name, path=path or name, warnings=warnings)


def source_from_record(
    record: Any, *, archive: str, path: str, line_no: int, warnings: Iterable[str] = ()
) -> SourceText:
    """A SourceText from one archive object ``{"id", "title", "text", "url"?, "published"?}``.

    The archive's ``text`` already starts with the title; the title is kept once.
    """
    where = f"{archive} line {line_no}"
    if not isinstance(record, dict):
        raise ReadError(f"{where}: expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise ReadError(f"{where}: no 'text' field" if text is None else f"{where}: 'text' is not a string")
    notes = list(warnings)
    raw_id = record.get("id")
    if isinstance(raw_id, (str, int)) and str(raw_id).strip():
        rec_id = str(raw_id).strip()
    else:
        rec_id = f"line{line_no}"
        notes.append(f"{where}: no usable 'id'; using {rec_id!r}")
    title = record.get("title")
    title = " ".join(normalize_text(title).split()) if isinstance(title, str) else None
    published = None
    if record.get("published"):
        published = parse_date(str(record["published"]))
        if published is None:
            notes.append(f"{where}: unreadable 'published' value {record['published']!r}")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    author = record.get("author") if isinstance(record.get("author"), str) else None
    if not text.strip():
        raise ReadError(f"{where}: empty 'text'")
    if legacy := detect_legacy_encoding(text):
        raise ReadError(f"{where}: the text is in the legacy {legacy} encoding; convert it to Unicode first")
    layout = parse_plain(normalize_text(text), title=title or None)
    try:
        return _source(
            layout,
            source_id=f"{archive}#{rec_id}",
            name=rec_id,
            path=path,
            warnings=notes,
            published=published,
            author=author or None,
            url=url or None,
        )
    except ReadError as e:
        raise ReadError(f"{where}: {e}") from None


# --------------------------------------------------------------------------- single files


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in ARCHIVE_SUFFIXES[::-1]:  # longest first
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def _size_warnings(path: Path, size: int, warn_bytes: int, max_bytes: int) -> list[str]:
    if size > max_bytes:
        raise ReadError(
            f"file is too large: {size / MB:.1f} MB, over the {max_bytes / MB:.0f} MB limit; refused"
        )
    if size > warn_bytes:
        return [f"{path.name}: large file ({size / MB:.1f} MB, over {warn_bytes / MB:.0f} MB)"]
    return []


def read_file(
    path: str | Path, *, warn_bytes: int = WARN_BYTES, max_bytes: int = MAX_BYTES
) -> SourceText:
    """Read one .txt/.md/.html file; raise ReadError (message without the file name) if impossible."""
    p = Path(path)
    suffix = _suffix(p)
    if suffix not in TEXT_SUFFIXES:
        raise ReadError(f"unsupported file type {suffix or '(no extension)'!r}")
    try:
        size = p.stat().st_size
        notes = _size_warnings(p, size, warn_bytes, max_bytes)
        data = p.read_bytes()
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from None
    decoded = decode(data)
    del data
    notes.extend(decoded.warnings)
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        notes.append(f"decoded as {decoded.encoding}")
    kind = "html" if suffix in (".html", ".htm") else "markdown" if suffix in (".md", ".markdown") else "auto"
    layout = _layout_for(decoded.text, kind)
    return _source(layout, source_id=p.name, name=p.name, path=str(p), warnings=notes)


# --------------------------------------------------------------------------- archives


def _open_archive(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return cast(BinaryIO, gzip.open(path, "rb"))
    return open(path, "rb")  # noqa: SIM115 - closed by the caller's with-block


def _read_line(stream: BinaryIO, limit: int) -> tuple[bytes | None, int]:
    """Next line (None at the end) and its length; a line over ``limit`` is skipped, not kept."""
    line = stream.readline(limit + 1)
    if not line:
        return None, 0
    if len(line) <= limit or line.endswith(b"\n"):
        return line, len(line)
    size = len(line)
    del line
    while True:  # drain the rest of the over-long line in bounded chunks
        chunk = stream.readline(_CHUNK)
        size += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return b"", size


def iter_jsonl(
    path: str | Path, *, warn_bytes: int = WARN_BYTES, max_bytes: int = MAX_LINE_BYTES
) -> Iterator[SourceText | ReadProblem]:
    """Stream a .jsonl or .jsonl.gz archive: one SourceText per line, a ReadProblem per bad line."""
    p = Path(path)
    archive = p.name
    line_no = 0
    seen: set[str] = set()
    try:
        with _open_archive(p) as stream:
            while True:
                line, size = _read_line(stream, max_bytes)
                if line is None:
                    break
                line_no += 1
                where = f"{archive} line {line_no}"
                if size > max_bytes:
                    yield ReadProblem(
                        str(p),
                        f"{where}: line is too large ({size / MB:.1f} MB, over the "
                        f"{max_bytes / MB:.0f} MB limit); skipped",
                    )
                    continue
                if not line.strip():
                    continue
                notes = [f"{where}: large record ({size / MB:.1f} MB)"] if size > warn_bytes else []
                # Decode, then drop the bytes before parsing, so at most two copies of a huge
                # line are alive at once.
                try:
                    decoded = line.decode("utf-8-sig" if line_no == 1 else "utf-8")
                except UnicodeDecodeError as e:
                    yield ReadProblem(str(p), f"{where}: not valid UTF-8 (byte {e.start})")
                    continue
                del line
                try:
                    record = json.loads(decoded)
                except json.JSONDecodeError as e:
                    yield ReadProblem(str(p), f"{where}: not valid JSON ({e.msg} at column {e.colno})")
                    continue
                except RecursionError:
                    yield ReadProblem(str(p), f"{where}: JSON nested too deeply; skipped")
                    continue
                except ValueError as e:     # an integer of thousands of digits
                    yield ReadProblem(str(p), f"{where}: unreadable JSON ({str(e)[:120]}); skipped")
                    continue
                del decoded
                try:
                    src = source_from_record(
                        record, archive=archive, path=str(p), line_no=line_no, warnings=notes
                    )
                except ReadError as e:
                    yield ReadProblem(str(p), str(e))
                    continue
                except Exception as e:  # noqa: BLE001 - one bad line must never stop the archive
                    yield ReadProblem(str(p), f"{where}: unexpected error {type(e).__name__}: {e}")
                    continue
                del record
                if src.source_id in seen:
                    dup = f"{src.source_id}@{line_no}"
                    note = f"{where}: duplicate id; source_id {dup!r}"
                    src = replace(src, source_id=dup, warnings=(*src.warnings, note))
                seen.add(src.source_id)
                yield src
    except FileNotFoundError:
        yield ReadProblem(str(p), f"{archive}: no such file")
    except PermissionError as e:
        yield ReadProblem(str(p), f"{archive}: cannot read: {e.strerror}")
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as e:
        yield ReadProblem(
            str(p),
            f"{archive} line {line_no + 1}: archive is corrupt or truncated ({e}); "
            "stopped reading this archive",
        )


# --------------------------------------------------------------------------- batches


def walk(folder: Path) -> tuple[list[Path], list[ReadProblem]]:
    """Supported files under ``folder``, recursively, sorted, skipping hidden names and symlinked
    dirs (so a link loop is never entered); an entry that cannot be examined (a link loop, a name
    too long) is a problem of its own, and the walk goes on."""
    found: list[Path] = []
    problems: list[ReadProblem] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError as e:
            problems.append(ReadProblem(str(current), f"{current.name}: cannot list the folder ({e.strerror or e})"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif _suffix(Path(entry.name)) in SUPPORTED_SUFFIXES and entry.is_file():
                    found.append(Path(entry.path))
            except OSError as e:
                problems.append(ReadProblem(entry.path, f"{entry.name}: cannot be read ({_why(e)})"))
    return sorted(found, key=lambda f: f.relative_to(folder).parts), problems


def _why(e: OSError) -> str:
    """An OS error in words a user acts on."""
    if e.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if e.errno == errno.ENAMETOOLONG:
        return "its path is too long for the file system"
    return e.strerror or str(e)


def _regular(p: Path) -> str | None:
    """Why ``p`` cannot be read as a file (None when it can): FIFOs and devices would block or never end."""
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        return "no such file or directory"
    except OSError as e:
        return f"cannot be read ({_why(e)})"
    except ValueError:          # a NUL or a character no file system name can hold
        return "its name cannot name a file (a NUL or a stray character); refused"
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    return "is not a regular file (a FIFO, device or socket); refused"


def read_pending(item: PendingRead) -> SourceText | ReadProblem:
    """Read a file ``iter_sources(defer_office=True)`` left for later, under the per-source time
    limit; a reader that runs over it or fails is a ReadProblem like any other."""
    from loaders.office_readers import iter_office_sources  # python-docx/pypdf only when needed

    try:
        return time_limited(lambda it: next(iter(iter_office_sources([it.path]))), item)
    except Exception as e:  # noqa: BLE001 - the limit, or a reader's own failure
        return ReadProblem(item.path, f"{Path(item.path).name}: reading failed: {type(e).__name__}: {e}")


def _read_one(path: Path, warn_bytes: int, max_bytes: int, defer_office: bool = False
              ) -> Iterator[SourceText | ReadProblem | PendingRead]:
    if _suffix(path) in OFFICE_SUFFIXES and defer_office:
        yield PendingRead(str(path))
        return
    if _suffix(path) in OFFICE_SUFFIXES:
        from loaders.office_readers import iter_office_sources  # python-docx/pypdf only when needed
        yield from iter_office_sources([path])
        return
    if _suffix(path) in ARCHIVE_SUFFIXES:
        yield from iter_jsonl(path, warn_bytes=warn_bytes, max_bytes=max_bytes)
        return
    try:
        yield read_file(path, warn_bytes=warn_bytes, max_bytes=max_bytes)
    except ReadError as e:
        yield ReadProblem(str(path), f"{path.name}: {e}")
    except Exception as e:  # noqa: BLE001 - one bad file must never stop the batch
        yield ReadProblem(str(path), f"{path.name}: unexpected error {type(e).__name__}: {e}")


@overload
def iter_sources(paths: Iterable[str | Path], *, warn_bytes: int = ..., max_bytes: int = ...,
                 defer_office: Literal[False] = ...) -> Iterator[SourceText | ReadProblem]: ...


@overload
def iter_sources(paths: Iterable[str | Path], *, warn_bytes: int = ..., max_bytes: int = ...,
                 defer_office: bool) -> Iterator[SourceText | ReadProblem | PendingRead]: ...


def iter_sources(
    paths: Iterable[str | Path], *, warn_bytes: int = WARN_BYTES, max_bytes: int = MAX_BYTES,
    defer_office: bool = False,
) -> Iterator[SourceText | ReadProblem | PendingRead]:
    """Every article in the given files and folders, in order; problems are yielded, not raised.

    Folders are walked recursively in sorted order, skipping hidden files and folders and files
    of unsupported types; a file named explicitly with an unsupported type is a ReadProblem.
    A file reached twice (named and inside a named folder) is read once.  With ``defer_office``
    a .docx or .pdf comes as a PendingRead, for ``read_pending`` under the time limit.
    """
    done: set[str] = set()
    for given in paths:
        p = Path(given)
        if (why := _regular(p)) is not None:
            yield ReadProblem(str(p), f"{p.name or p}: {why}")
            continue
        if p.is_dir():
            files, problems = walk(p)
            yield from problems
        else:
            if _suffix(p) not in SUPPORTED_SUFFIXES:
                yield ReadProblem(
                    str(p),
                    f"{p.name}: unsupported file type {_suffix(p) or '(no extension)'!r}; "
                    f"supported: {', '.join(SUPPORTED_SUFFIXES)}",
                )
                continue
            files = [p]
        for f in files:
            key = os.path.realpath(f)
            if key in done:
                continue
            done.add(key)
            if f is not p and (why := _regular(f)) is not None:      # a link in a folder to a FIFO or device
                yield ReadProblem(str(f), f"{f.name}: {why}")
                continue
            yield from _read_one(f, warn_bytes, max_bytes, defer_office)
