"""Build the .docx and .pdf fixtures (and the bad-input files) from the typed .txt texts.

Run from the repository root:  .venv/bin/python tests/official/make_fixtures.py
Needs python-docx, reportlab, pypdf, pillow and msoffcrypto-tool (dev only; the generated files
are committed, so the tests do not need this script's extra packages) and a DejaVu font
(Debian: fonts-dejavu-core).

Layout follows real files: the header is a borderless two-column table (issuing body, number on
the left; motto, place and date on the right); the signature block is a two-column table with
"Nơi nhận" on the left and the signer on the right.  The .txt files keep the order a copy from
the national database has: blocks separated by blank lines, the first two blocks being the
header's left and right cells.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "texts"
OUT = HERE / "fixtures"
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]

_NAME_RE = re.compile(r"^(?:[A-ZÀ-ỸĐ][a-zà-ỹđ]+)(?: [A-ZÀ-ỸĐ][a-zà-ỹđ]+){1,4}$")


def _font(name: str) -> Path:
    for d in FONT_DIRS:
        if (d / name).exists():
            return d / name
    raise SystemExit(f"font {name} not found: apt-get install fonts-dejavu-core")


def blocks_of(text: str) -> list[list[str]]:
    """Blank-line separated blocks of non-empty lines."""
    out: list[list[str]] = []
    for raw in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.rstrip() for ln in raw.split("\n") if ln.strip()]
        if lines:
            out.append(lines)
    return out


def _is_signer_block(block: list[str]) -> bool:
    first, last = block[0], block[-1]
    return (
        2 <= len(block) <= 5
        and first.upper() == first
        and any(c.isalpha() for c in first)
        and bool(_NAME_RE.match(last))
    )


def layout(text: str) -> tuple[list[str], list[str], list[tuple[str, list[str], list[str]]]]:
    """Header cells and the rest as a list of ('para', lines, []) or ('sign', left, right)."""
    blocks = blocks_of(text)
    left, right, rest = blocks[0], blocks[1], blocks[2:]
    items: list[tuple[str, list[str], list[str]]] = []
    i = 0
    while i < len(rest):
        block = rest[i]
        if block[0].startswith("Nơi nhận") and i + 1 < len(rest) and _is_signer_block(rest[i + 1]):
            items.append(("sign", block, rest[i + 1]))
            i += 2
            continue
        if _is_signer_block(block):
            items.append(("sign", [], block))
        else:
            items.append(("para", block, []))
        i += 1
    return left, right, items


# --------------------------------------------------------------------------- docx


def _no_borders(table: object) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl = table._tbl  # type: ignore[attr-defined]
    pr = tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    pr.append(borders)


def _fill_cell(cell: object, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0] if lines else ""  # type: ignore[attr-defined]
    for line in lines[1:]:
        cell.add_paragraph(line)  # type: ignore[attr-defined]


def make_docx(text: str, dest: Path) -> None:
    import docx
    from docx.shared import Pt

    left, right, items = layout(text)
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"  # type: ignore[attr-defined]
    style.font.size = Pt(13)  # type: ignore[attr-defined]
    header = document.add_table(rows=1, cols=2)
    _no_borders(header)
    _fill_cell(header.rows[0].cells[0], left)
    _fill_cell(header.rows[0].cells[1], right)
    for kind, a, b in items:
        if kind == "para":
            for line in a:
                document.add_paragraph(line)
        else:
            table = document.add_table(rows=1, cols=2)
            _no_borders(table)
            _fill_cell(table.rows[0].cells[0], a)
            _fill_cell(table.rows[0].cells[1], b)
    buf = io.BytesIO()
    document.save(buf)
    dest.write_bytes(_stable_zip(buf.getvalue()))


def _stable_zip(data: bytes) -> bytes:
    """Re-pack with fixed timestamps so regenerating gives identical bytes (clean diffs)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(
                    rb"<dcterms:(created|modified)([^>]*)>[^<]*<", rb"<dcterms:\1\2>2024-01-01T00:00:00Z<", body
                )
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, body)
    return out.getvalue()


# --------------------------------------------------------------------------- pdf


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(_font("DejaVuSans.ttf"))))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(_font("DejaVuSans-Bold.ttf"))))


def make_pdf(text: str, dest: Path) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    _register_fonts()
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=10.5, leading=14, spaceAfter=3)
    center = ParagraphStyle("center", parent=body, alignment=1)
    left, right, items = layout(text)

    def cell(lines: list[str]) -> list[Paragraph]:
        return [Paragraph(escape(line), center) for line in lines]

    def two(a: list[str], b: list[str]) -> Table:
        t = Table([[cell(a), cell(b)]], colWidths=[7.2 * cm, 9.3 * cm])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return t

    flow: list[object] = [two(left, right)]
    for kind, a, b in items:
        if kind == "para":
            flow.extend(Paragraph(escape(line), body) for line in a)
        else:
            flow.append(two(a, b))
    doc = SimpleDocTemplate(
        str(dest),
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=dest.stem,
        author="tests/official/make_fixtures.py",
        creator="reportlab",
        invariant=1,
    )
    doc.build(flow)  # type: ignore[arg-type]


def make_scan_pdf(text: str, dest: Path) -> None:
    """An image-only PDF: the first lines rendered to a picture, no text layer (a 'scan')."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font = ImageFont.truetype(str(_font("DejaVuSans.ttf")), 22)
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    y = 80
    for line in text.splitlines()[:40]:
        draw.text((90, y), line[:80], font=font, fill=0)
        y += 36
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    c = canvas.Canvas(str(dest), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()


# --------------------------------------------------------------------------- bad input


def make_bad_inputs(good_docx: Path, good_pdf: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    # password-protected PDF (user password needed to open)
    writer = PdfWriter()
    for page in PdfReader(str(good_pdf)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu", algorithm="AES-128")
    with open(OUT / "bad_password.pdf", "wb") as fh:
        writer.write(fh)
    # corrupt PDF: a PDF header followed by garbage
    (OUT / "bad_corrupt.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")
    # corrupt .docx: a zip cut in half (no central directory)
    data = good_docx.read_bytes()
    (OUT / "bad_corrupt.docx").write_bytes(data[: len(data) // 2])
    # password-protected .docx (Office's Agile encryption, an OLE container)
    import msoffcrypto.format.ooxml

    with open(good_docx, "rb") as src, open(OUT / "bad_password.docx", "wb") as dst:
        msoffcrypto.format.ooxml.OOXMLFile(src).encrypt("mat-khau", dst)
    # a .docx holding only pictures (a scan pasted into Word)
    import docx
    from PIL import Image, ImageDraw

    img = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(img).rectangle((20, 20, 580, 180), outline=0, width=4)
    png = io.BytesIO()
    img.save(png, format="PNG")
    png.seek(0)
    document = docx.Document()
    document.add_picture(png)
    buf = io.BytesIO()
    document.save(buf)
    (OUT / "bad_images_only.docx").write_bytes(_stable_zip(buf.getvalue()))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for txt in sorted(TEXTS.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        make_docx(text, OUT / f"{txt.stem}.docx")
        make_pdf(text, OUT / f"{txt.stem}.pdf")
        print("built", txt.stem)
    nd = TEXTS / "nd_30_2020_nd_cp.txt"
    make_scan_pdf(nd.read_text(encoding="utf-8"), OUT / "scan_nd_30_2020_nd_cp.pdf")
    make_bad_inputs(OUT / "nd_30_2020_nd_cp.docx", OUT / "nd_30_2020_nd_cp.pdf")
    print("built bad inputs")


if __name__ == "__main__":
    main()
