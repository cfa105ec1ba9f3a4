"""Readers for Word (.docx) and PDF files holding official texts.

Policy staff keep decrees, decisions and plans as Word or PDF files.  These readers turn such a
file into the same ``SourceText`` the plain-text readers produce, so the parser and the graph
never care where a text came from.  Two things matter more than speed:

* reading order: the header of a real file is a two-column table (issuing body on the left,
  national motto, number, place and date on the right); we emit the left cell's lines, then the
  right cell's, so the header reads as its ``.txt`` copy from the national database does;
* a clear, per-file message when a file cannot give text (a scan without a text layer, a
  password, a damaged file, a document holding only pictures), so a batch can go on.

PDF text comes from pypdf: both pypdf and pdfplumber read the Vietnamese of the fixtures (DejaVu,
embedded) letter for letter, but pdfplumber orders text by position and so interleaves the two
header cells line by line ("CHÍNH PHỦ CỘNG HÒA XÃ HỘI ..."), while pypdf follows the content
stream, which Word, LibreOffice and reportlab write cell by cell: left cell, then right cell
(the comparison is in tests/official/README.md).
"""

from __future__ import annotations

import hashlib
import io
import os
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from loaders.decode import file_name_text
from loaders.limits import MAX_BYTES, ExtractionTimeout
from loaders.model import ReadProblem, SourceText

OFFICE_SUFFIXES = (".docx", ".pdf")

# Limits checked before parsing, so a crafted file costs what its size says (a zip bomb in a
# .docx expands to gigabytes; a PDF of 99,000 empty pages takes minutes before any text).
MAX_DOCX_EXPANDED = 32 * 2**20        # all parts of a .docx unpacked; real ones: a few MB (XML parses at ~27x)
MAX_PDF_PAGES = 3000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class OfficeReadError(Exception):
    """A Word or PDF file that gives no usable text; the message names the file and the cause."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{Path(self.path).name}: {reason}")

    def to_problem(self) -> ReadProblem:
        """The batch-friendly form the other readers yield."""
        return ReadProblem(path=self.path, message=str(self))


def _clean(text: str) -> str:
    """NFC, no soft hyphens or zero-width marks, trailing spaces gone, at most one blank line."""
    text = unicodedata.normalize("NFC", text)
    for ch in ("\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"):
        text = text.replace(ch, "")
    text = text.replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


def source_id_of(path: Path) -> str:
    """The id a Word or PDF file's source gets (the build looks it up before the file is read)."""
    return file_name_text(path.name)


def _source(path: Path, text: str, warnings: list[str]) -> SourceText:
    return SourceText(
        source_id=source_id_of(path),
        name=file_name_text(path.name),
        path=file_name_text(str(path)),
        text=text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        warnings=tuple(warnings),
    )


# --------------------------------------------------------------------------- .docx


def _is_encrypted_ole(data: bytes) -> bool:
    """Office puts a password-protected .docx in an OLE container with an EncryptedPackage."""
    return data[:8] == _OLE_MAGIC and "EncryptedPackage".encode("utf-16-le") in data


def _cell_lines(cell: Any) -> list[str]:
    """Lines of a table cell in order, nested tables included."""
    lines: list[str] = []
    for child in cell._tc.iterchildren():
        if child.tag == _W + "p":
            lines.extend(_paragraph_text(child).split("\n"))
        elif child.tag == _W + "tbl":
            lines.extend(_table_lines(child, cell._parent))
    return lines


def _paragraph_text(p_el: Any) -> str:
    """Text of a paragraph element, with tabs and line breaks as the reader sees them."""
    parts: list[str] = []
    for node in p_el.iter():
        tag = node.tag
        if tag == _W + "t" and node.text:
            parts.append(node.text)
        elif tag == _W + "tab":
            parts.append(" ")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
    return "".join(parts)


def _table_lines(tbl_el: Any, parent: Any) -> list[str]:
    """A table read row by row, each row cell by cell (left cell's lines, then the right's).

    Merged cells repeat in python-docx's grid; each distinct cell is read once.
    """
    from docx.table import Table

    table = Table(tbl_el, parent)
    lines: list[str] = []
    seen: set[int] = set()
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            lines.extend(_cell_lines(cell))
            lines.append("")
    return lines


def _read_limited(p: Path) -> bytes:
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise OfficeReadError(p, f"is too large ({size / 2**20:.0f} MB, over the {MAX_BYTES / 2**20:.0f} MB "
                                     "limit); refused")
        return p.read_bytes()
    except OSError as exc:
        raise OfficeReadError(p, f"cannot be opened ({exc.strerror or exc})") from exc


def _check_expansion(p: Path, data: bytes) -> None:
    """Refuse a .docx whose parts unpack to more than MAX_DOCX_EXPANDED, before unpacking any.

    The sizes a zip declares are what Python's zipfile unpacks at most (a part that lies is cut
    there and fails its checksum), so the declared sizes bound the work.
    """
    try:
        declared = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise OfficeReadError(p, f"is not a valid .docx ({exc})") from exc
    if declared > MAX_DOCX_EXPANDED:
        raise OfficeReadError(p, f"unpacks to {declared / 2**20:.0f} MB, over the {MAX_DOCX_EXPANDED / 2**20:.0f} MB "
                                 "limit of a .docx (a compression bomb?); refused")


def read_docx(path: str | os.PathLike[str]) -> SourceText:
    """Read a .docx into a SourceText, tables in reading order; raise OfficeReadError if unusable."""
    p = Path(path)
    data = _read_limited(p)
    if _is_encrypted_ole(data):
        raise OfficeReadError(p, "is password-protected (encrypted Word file); save an unprotected copy")
    if data[:8] == _OLE_MAGIC:
        raise OfficeReadError(p, "is an old binary Word file (.doc) renamed .docx; save it as .docx")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise OfficeReadError(p, "is not a valid .docx (corrupt or not a Word file)")
    _check_expansion(p, data)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except ExtractionTimeout:
        raise
    except Exception as exc:  # python-docx raises many kinds on damaged packages
        raise OfficeReadError(p, f"is a damaged .docx ({type(exc).__name__}: {exc})") from exc

    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == _W + "p":
            lines.extend(_paragraph_text(child).split("\n"))
        elif child.tag == _W + "tbl":
            lines.extend(_table_lines(child, document))
            lines.append("")
    text = _clean("\n".join(lines))
    if not text:
        images = sum(1 for name in zipfile.ZipFile(io.BytesIO(data)).namelist() if name.startswith("word/media/"))
        if images:
            raise OfficeReadError(
                p, f"holds only images ({images} picture(s)) and no text; a scanned text needs OCR first"
            )
        raise OfficeReadError(p, "contains no text")
    return _source(p, text, [])


# --------------------------------------------------------------------------- .pdf


def _pdf_text_pypdf(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() or "" for page in reader.pages]


def read_pdf(path: str | os.PathLike[str]) -> SourceText:
    """Read a PDF's text layer into a SourceText; raise OfficeReadError for scans, passwords, damage."""
    p = Path(path)
    data = _read_limited(p)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise OfficeReadError(p, "is not a PDF (no %PDF header; corrupt or wrong extension)")
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            # A PDF with only an owner password opens with the empty user password.
            raise OfficeReadError(p, "is password-protected; an unprotected copy is needed")
        root: Any = reader.trailer["/Root"]
        declared = root["/Pages"].get("/Count", 0)      # read before the page tree is walked
        _check_pages(p, declared if isinstance(declared, int) else 0)
        page_count = len(reader.pages)
        _check_pages(p, page_count)
        if reader.is_encrypted:
            data = _decrypted_copy(reader)
        if page_count == 0:
            raise OfficeReadError(p, "is a damaged PDF (no pages could be read)")
    except (OfficeReadError, ExtractionTimeout):
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise OfficeReadError(p, f"is a damaged PDF ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # pypdf may raise other errors on broken streams
        raise OfficeReadError(p, f"is a damaged PDF ({type(exc).__name__}: {exc})") from exc
    try:
        pages = _pdf_text_pypdf(data)
    except ExtractionTimeout:
        raise
    except Exception as exc:
        raise OfficeReadError(p, f"is a damaged PDF ({type(exc).__name__}: {exc})") from exc
    text = _clean("\n\n".join(pages))
    if not text:
        raise OfficeReadError(
            p,
            f"has no text layer ({page_count} page(s), probably a scan); run OCR first, "
            "this reader does not guess text from images",
        )
    warnings: list[str] = []
    empty = [str(i + 1) for i, page in enumerate(pages) if not page.strip()]
    if empty:
        warnings.append(f"pages without text (scanned?): {', '.join(empty)}")
    return _source(p, text, warnings)


def _check_pages(p: Path, pages: int) -> None:
    if pages > MAX_PDF_PAGES:
        raise OfficeReadError(p, f"has {pages} pages, over the limit of {MAX_PDF_PAGES}; split it and add the parts")


def _decrypted_copy(reader: Any) -> bytes:
    """Bytes of a PDF re-written without its (owner-only) encryption, for the text pass."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --------------------------------------------------------------------------- batch


def read_office(path: str | os.PathLike[str]) -> SourceText:
    """Dispatch on the suffix: .docx or .pdf."""
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        return read_docx(path)
    if suffix == ".pdf":
        return read_pdf(path)
    raise OfficeReadError(path, f"has an unsupported suffix {suffix!r} for the office readers")


def iter_office_sources(paths: Iterable[str | os.PathLike[str]]) -> Iterator[SourceText | ReadProblem]:
    """Yield a SourceText per readable .docx/.pdf and a ReadProblem per unreadable one; never stop."""
    for path in paths:
        try:
            yield read_office(path)
        except OfficeReadError as exc:
            yield exc.to_problem()
