"""One bad entry never stops a batch and costs what its size says (issue 14, items 2 and 5):
link loops, over-long paths, FIFOs, JSON lines nested deep or with huge numbers, .docx zip
bombs, PDFs of thousands of pages, a source slower than the time limit, and files that share a
name.  Every case goes through the real CLIs on real files made here."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

from graph.store import NxStore

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("Bộ Nội vụ tổ chức hội nghị.\n\nNgày 15/8/2019, Thứ trưởng Bộ Nội vụ Trần Anh Tuấn chủ trì hội nghị "
        "triển khai Chỉ thị số 39-CT/TW ngày 9/12/2009 của Ban Bí thư.\n")
# the child's peak from /proc (VmHWM counts since exec; ru_maxrss would count the forking test process)
PEAK = "import runpy, sys; sys.argv = sys.argv[1:]; " \
       "exec('try:\\n runpy.run_module(sys.argv[0], run_name=\"__main__\")\\nexcept SystemExit as e:\\n code = e.code\\n" \
       "else:\\n code = 0'); " \
       "hwm = [ln for ln in open('/proc/self/status') if ln.startswith('VmHWM')][0]; " \
       "print('PEAK_MB', int(hwm.split()[1]) // 1024, file=sys.stderr); sys.exit(code)"


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m args`` in a child, printing its peak memory on stderr (PEAK_MB n)."""
    return subprocess.run([sys.executable, "-c", PEAK, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def peak_mb(r: subprocess.CompletedProcess[str]) -> int:
    return int(r.stderr.rsplit("PEAK_MB", 1)[1].split()[0])


def both(tmp_path: Path, *paths: Path, env: dict[str, str] | None = None
         ) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str], NxStore]:
    """`loaders extract` and `graph build` over ``paths``; the graph they built."""
    extracted = run("loaders", "extract", *map(str, paths), env=env)
    graph = tmp_path / "graph.kg"
    built = run("graph", "--graph", str(graph), "build", *map(str, paths), env=env)
    assert built.returncode == 0, built.stderr
    return extracted, built, NxStore.load(graph)


def refused_beside_a_good_file(tmp_path: Path, bad: Path, message: str, env: dict[str, str] | None = None
                               ) -> list[subprocess.CompletedProcess[str]]:
    """Both CLIs over ``bad`` and a good file: ``message`` (a regex) in each output, the good one kept."""
    extracted, built, store = both(tmp_path, bad, good_file(tmp_path / "d"), env=env)
    for r in (extracted, built):
        assert re.search(message, r.stdout + r.stderr), r.stdout + r.stderr
    assert [e.name for e in store.manifest.values()] == ["good.txt"]
    return [extracted, built]


def good_file(folder: Path, name: str = "good.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(TEXT, encoding="utf-8")
    return p


def test_a_link_loop_and_an_over_long_path_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    good_file(folder)
    os.symlink(folder / "b.txt", folder / "a.txt")
    os.symlink(folder / "a.txt", folder / "b.txt")
    os.symlink(folder, folder / "again")                  # a folder linking to itself is not entered
    too_long = tmp_path / ("x" * 300 + ".txt")
    extracted, built, store = both(tmp_path, folder, too_long)
    for r in (extracted, built):
        out = r.stdout + r.stderr
        assert "a.txt: cannot be read (a loop of symbolic links)" in out
        assert "path is too long" in out or "File name too long" in out
        assert "Traceback" not in r.stderr
    assert extracted.stdout.count('"file": "good.txt"') == 1          # read once, not through the link
    assert [e.name for e in store.manifest.values()] == ["good.txt"]


def test_a_fifo_named_directly_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    refused_beside_a_good_file(tmp_path, fifo, r"pipe\.txt: is not a regular file \(a FIFO, device or socket\); refused")


def test_json_lines_too_deep_or_with_huge_numbers_are_skipped_one_by_one(tmp_path: Path) -> None:
    archive = tmp_path / "a.jsonl"
    lines = ['{"id": "deep", "text": "x", "n": ' + "[" * 5000 + "]" * 5000 + "}",
             '{"id": "big", "text": "x", "n": ' + "9" * 5000 + "}",
             json.dumps({"id": "ok", "text": TEXT}, ensure_ascii=False)]
    archive.write_text("\n".join(lines) + "\n", encoding="utf-8")
    extracted, built, store = both(tmp_path, archive)
    for r in (extracted, built):
        out = r.stdout + r.stderr
        assert "a.jsonl line 1: JSON nested too deeply; skipped" in out
        assert "a.jsonl line 2: unreadable JSON" in out
    assert [e.name for e in store.manifest.values()] == ["ok"]


def docx_bomb(path: Path, mb: int) -> Path:
    """A .docx whose document.xml unpacks to ``mb`` MB (a few hundred kB on disk)."""
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
            b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(head)
            block = "Bộ Nội vụ ban hành Kế hoạch số 98-KH/BNV. ".encode() * (2**20 // 48)
            for _ in range(mb):
                f.write(block)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    from loaders.office_readers import read_docx

    small = read_docx(docx_bomb(tmp_path / "small.docx", 1))      # a real Word package: read when small
    assert "98-KH/BNV" in small.text
    bomb = docx_bomb(tmp_path / "bomb.docx", 1024)           # 1 GB of XML in a few MB
    assert bomb.stat().st_size < 8 * 2**20
    for r in refused_beside_a_good_file(tmp_path, bomb, r"bomb\.docx: unpacks to 1\d{3} MB, over the 32 MB limit"):
        assert peak_mb(r) < 400


def test_a_pdf_of_too_many_pages_is_refused_before_its_text_is_read(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3001):
        writer.add_blank_page(100, 100)
    buf = io.BytesIO()
    writer.write(buf)
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(buf.getvalue())
    refused_beside_a_good_file(tmp_path, pdf, r"long\.pdf: has 3001 pages, over the limit of 3000")


def test_loaders_extract_has_the_same_time_limit_as_graph_build(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    good_file(folder)
    # one line of one post and name 60,000 times (1.9 MB): linear now, but still about 6 s of matching
    (folder / "posts.txt").write_text("Tin\n\n" + "Thứ trưởng Bộ Nội vụ Trần Văn B " * 60000, encoding="utf-8")
    r = run("loaders", "extract", str(folder), env={"GRAPH_EXTRACT_TIMEOUT": "1"}, timeout=60)
    assert r.returncode == 1
    assert "posts.txt: extraction failed: ExtractionTimeout: took longer than 1 s" in r.stderr
    assert '"file": "good.txt"' in r.stdout


def test_files_of_one_name_in_different_folders_are_different_sources(tmp_path: Path) -> None:
    a, b = tmp_path / "2017" / "report.txt", tmp_path / "2018" / "report.txt"
    good_file(a.parent, a.name)
    b.parent.mkdir()
    b.write_text(TEXT.replace("Trần Anh Tuấn", "Nguyễn Trọng Thừa"), encoding="utf-8")
    graph = tmp_path / "graph.kg"
    steps = [([a.parent], [a]), ([b.parent], [a, b]), ([tmp_path], [a, b]), ([b], [a, b]), ([a], [a, b])]
    for args, held in steps:                    # apart, together, each again: nothing replaced, nothing flips
        r = run("graph", "--graph", str(graph), "build", *map(str, args))
        assert r.returncode == 0, r.stderr
        store = NxStore.load(graph)
        assert sorted(os.path.realpath(e.path) for e in store.manifest.values()) == [str(p) for p in held]
        assert "replaced 0" in r.stdout
    assert store.manifest["report.txt"].path == str(a) and len(store.manifest) == 2
    assert [sid for sid in store.manifest if sid != "report.txt"][0].startswith("report.txt@")
    assert {"person/trần-anh-tuấn", "person/nguyễn-trọng-thừa"} <= set(store.graph)


def test_a_moved_file_keeps_its_source(tmp_path: Path) -> None:
    old = good_file(tmp_path / "old")
    graph = tmp_path / "graph.kg"
    assert run("graph", "--graph", str(graph), "build", str(old)).returncode == 0
    new = tmp_path / "new" / "good.txt"
    new.parent.mkdir()
    old.rename(new)
    r = run("graph", "--graph", str(graph), "build", str(new))
    assert r.returncode == 0 and "unchanged 1" in r.stdout
    assert list(NxStore.load(graph).manifest) == ["good.txt"]


def test_other_text_never_takes_over_a_source_whose_file_has_gone(tmp_path: Path) -> None:
    team = good_file(tmp_path / "team", "report.txt")
    graph = tmp_path / "graph.kg"
    assert run("graph", "--graph", str(graph), "build", str(team)).returncode == 0
    team.unlink()
    other = tmp_path / "upload" / "report.txt"
    other.parent.mkdir()
    other.write_text(TEXT.replace("Trần Anh Tuấn", "Nguyễn Trọng Thừa"), encoding="utf-8")
    r = run("graph", "--graph", str(graph), "build", str(other))
    assert r.returncode == 0 and "replaced 0" in r.stdout
    store = NxStore.load(graph)
    assert len(store.manifest) == 2 and "person/trần-anh-tuấn" in store.graph


def test_a_moved_file_keeps_its_digest_id_and_counts_once(tmp_path: Path) -> None:
    a, b = good_file(tmp_path / "A", "report.txt"), tmp_path / "B" / "report.txt"
    b.parent.mkdir()
    b.write_text(TEXT.replace("Trần Anh Tuấn", "Nguyễn Trọng Thừa"), encoding="utf-8")
    graph = tmp_path / "graph.kg"
    assert run("graph", "--graph", str(graph), "build", str(a), str(b)).returncode == 0
    ids = set(NxStore.load(graph).manifest)
    moved = tmp_path / "B2" / "report.txt"
    moved.parent.mkdir()
    b.rename(moved)
    for _ in range(2):                          # moved, then built again after A is gone too
        r = run("graph", "--graph", str(graph), "build", str(moved))
        assert r.returncode == 0 and "unchanged 1" in r.stdout, r.stdout
        assert set(NxStore.load(graph).manifest) == ids
        a.unlink(missing_ok=True)


def _pdf(path: Path, objs: dict[int, bytes], wrong_from: int | None = None) -> Path:
    """A PDF of these objects; with ``wrong_from``, the xref points a few bytes off for those objects."""
    out = bytearray(b"%PDF-1.4\n")
    offs: dict[int, int] = {}
    for n in sorted(objs):
        offs[n] = len(out)
        out += f"{n} 0 obj\n".encode() + objs[n] + b"\nendobj\n"
    xref, top = len(out), max(objs)
    out += f"xref\n0 {top + 1}\n".encode() + b"0000000000 65535 f \n"
    for n in range(1, top + 1):
        off = offs.get(n, 0) + (3 if wrong_from is not None and n >= wrong_from else 0)
        out += (f"{off:010d} 00000 n \n" if n in offs else "0000000000 65535 f \n").encode()
    out += f"trailer\n<< /Size {top + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def slow_pdf(path: Path, pages: int, mb: int) -> Path:
    """A few kB on disk; every page shares one content stream of ``mb`` MB that pypdf parses anew."""
    unit = b"BT /F1 12 Tf 72 720 Td (Chi thi so 39-CT/TW) Tj ET\n"
    stream = zlib.compress(unit * (mb * 2**20 // len(unit)), 9)
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: f"<< /Type /Pages /Kids [{' '.join(f'{10 + i} 0 R' for i in range(pages))}] /Count {pages} >>".encode(),
            3: FONT, 4: f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream"}
    for i in range(pages):
        objs[10 + i] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                        b"/Contents 4 0 R >>")
    return _pdf(path, objs)


def noisy_pdf(path: Path, n: int) -> Path:
    """A readable one-page PDF whose xref is off for ``n`` objects: pypdf warns once for each."""
    text = b"BT /F1 12 Tf 72 720 Td (Chi thi so 39-CT/TW) Tj ET"
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
               b"/Contents 5 0 R /Annots [" + b" ".join(f"{10 + i} 0 R".encode() for i in range(n)) + b"] >>",
            4: FONT, 5: f"<< /Length {len(text)} >>\nstream\n".encode() + text + b"\nendstream"}
    for i in range(n):
        objs[10 + i] = b"<< /Type /Annot /Subtype /Text /Rect [0 0 1 1] >>"
    return _pdf(path, objs, wrong_from=10)


def test_reading_is_inside_the_time_limit_too(tmp_path: Path) -> None:
    slow = slow_pdf(tmp_path / "slow.pdf", 40, 2)          # about 2 minutes of pypdf, in 10 kB
    assert slow.stat().st_size < 50_000
    t = time.monotonic()
    refused_beside_a_good_file(tmp_path, slow, r"slow\.pdf: reading failed: ExtractionTimeout: took longer than 2 s",
                               env={"GRAPH_EXTRACT_TIMEOUT": "2"})
    assert time.monotonic() - t < 60


def test_an_app_ingest_of_a_file_with_endless_warnings_finishes(tmp_path: Path) -> None:
    import threading

    from explorer.ingest import ingest
    from graph.store import busy

    noisy = noisy_pdf(tmp_path / "noisy.pdf", 3000)          # about 100 kB of pypdf warnings on stderr
    graph = tmp_path / "graph.kg"
    result: list = []
    worker = threading.Thread(target=lambda: result.append(ingest(graph, [noisy, good_file(tmp_path / "d")])))
    worker.start()
    worker.join(120)
    assert not worker.is_alive(), "the ingest hung (a child blocked on a full pipe holds the lock)"
    rows, problem = result[0]
    assert not problem and [r.status for r in rows] == ["added", "added"] and not busy(graph)


def test_a_file_whose_name_is_not_utf8_is_read_like_any_other(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / os.fsdecode(b"b\xe1o.txt")).write_text(TEXT, encoding="utf-8")     # a Latin-1 name from an old share
    extracted, built, store = both(tmp_path, folder)
    assert extracted.returncode == 0 and '"file": "b\ufffdo.txt"' in extracted.stdout
    assert [e.name for e in store.manifest.values()] == ["b\ufffdo.txt"] and "failed 0" in built.stdout


def test_an_unchanged_word_file_is_not_extracted_again(tmp_path: Path) -> None:
    # 1 MB of text: read in 0.1 s, extracted in about 10 s; a rebuild under a 3 s limit only reads it
    plan = docx_bomb(tmp_path / "plan.docx", 1)
    graph = tmp_path / "graph.kg"
    first = run("graph", "--graph", str(graph), "build", str(plan))
    assert first.returncode == 0 and "added 1" in first.stdout
    again = run("graph", "--graph", str(graph), "build", str(plan), env={"GRAPH_EXTRACT_TIMEOUT": "3"})
    assert again.returncode == 0 and "unchanged 1" in again.stdout and "failed 0" in again.stdout, again.stdout


def test_an_edited_file_replaces_its_own_facts_even_when_its_new_text_is_another_file_s(tmp_path: Path) -> None:
    a, b = good_file(tmp_path / "p1", "a.txt"), tmp_path / "p2" / "a.txt"
    b.parent.mkdir()
    other = TEXT.replace("Trần Anh Tuấn", "Nguyễn Trọng Thừa")
    b.write_text(other, encoding="utf-8")
    graph = tmp_path / "graph.kg"
    assert run("graph", "--graph", str(graph), "build", str(a.parent), str(b.parent)).returncode == 0
    a.write_text(other, encoding="utf-8")       # p1/a.txt now says what p2/a.txt says
    r = run("graph", "--graph", str(graph), "build", str(a.parent))
    assert r.returncode == 0 and "replaced 1" in r.stdout, r.stdout
    assert "person/trần-anh-tuấn" not in NxStore.load(graph).graph
