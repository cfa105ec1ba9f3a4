"""Readers on real inputs: the five seed articles, files written here in every supported encoding,
broken files, JSON Lines archives and HTML pages.  No mocks: every test reads real bytes from disk."""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from loaders.decode import ReadError, decode, decode_bytes, detect_legacy_encoding
from loaders.layout import Clutter, load_clutter, parse_date
from loaders.model import ReadProblem, SourceText
from loaders.readers import iter_jsonl, iter_sources, read_file

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"
CORPUS = Path("/work/shared/corpus/baomoi-2017.jsonl.gz")

VI_TITLE = "Bộ Nội vụ triển khai Nghị định về tổ chức chính quyền địa phương"
VI_BODY = [
    "Sáng ngày 24/3, tại trụ sở Bộ, Thứ trưởng Vũ Chiến Thắng chủ trì hội nghị của Ủy ban nhân dân.",
    "Đồng chí Trương Hòa Bình, Phó Thủ tướng Thường trực Chính phủ, yêu cầu thực hiện nghiêm túc.",
    "Quyết định số 123/QĐ-TTg được ban hành ngày 15 tháng 8 năm 2019, có hiệu lực từ ngày ký.",
]
VI_TEXT = "\n".join([VI_TITLE, *VI_BODY]) + "\n"

# The same sentence in the two legacy encodings that decode without error under any 8-bit code
# page (VNI writes marks after the vowel, TCVN3 puts letters on Latin-1 symbol positions).
VNI_SAMPLE = (
    "Boä Noäi vuï ñaõ ban haønh Nghò ñònh veà vieäc toå chöùc hoäi nghò cuûa Chính phuû.\n"
    "Thuû töôùng yeâu caàu caùc boä, ngaønh thöïc hieän nghieâm tuùc.\n"
)
TCVN3_SAMPLE = (
    "Bé Néi vô ®· ban hµnh NghÞ ®Þnh vÒ viÖc tæ chøc héi nghÞ cña ChÝnh phñ.\n"
    "Thñ t\xadíng yªu cÇu c¸c bé, ngµnh thùc hiÖn nghiªm tóc.\n"
)

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Encode like Windows does for code page 1258: precomposed letters where the code page has
    them, otherwise the base letter (with its circumflex/breve/horn) plus a combining tone mark."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tone = "".join(c for c in parts if c in _TONES)
        out.append((base + tone).encode("cp1258"))
    return b"".join(out)


def only_sources(items: list[SourceText | ReadProblem]) -> list[SourceText]:
    return [x for x in items if isinstance(x, SourceText)]


def only_problems(items: list[SourceText | ReadProblem]) -> list[ReadProblem]:
    return [x for x in items if isinstance(x, ReadProblem)]


# --------------------------------------------------------------------------- the five seeds


@pytest.fixture(scope="module")
def seeds() -> dict[str, SourceText]:
    items = list(iter_sources([SEEDS]))
    assert not only_problems(items)
    return {s.name[:3]: s for s in only_sources(items)}


def test_seeds_all_read_in_sorted_order() -> None:
    items = list(iter_sources([SEEDS]))
    assert [s.name for s in only_sources(items)] == sorted(p.name for p in SEEDS.glob("*.txt"))
    for s in only_sources(items):
        assert s.source_id == s.name
        assert s.path == str(SEEDS / s.name)
        assert s.content_hash == hashlib.sha256(s.text.encode("utf-8")).hexdigest()
        assert unicodedata.is_normalized("NFC", s.text)
        assert "\xa0" not in s.text and "\r" not in s.text
        assert all(line.strip() == line and line for line in s.text.split("\n"))


@pytest.mark.parametrize(
    "prefix, published",
    [("000", "2019-08-15"), ("001", "2019-11-02"), ("002", None), ("003", None), ("004", None)],
)
def test_seed_published_dates(seeds: dict[str, SourceText], prefix: str, published: str | None) -> None:
    assert seeds[prefix].published == published


def test_seed_000_plain_layout(seeds: dict[str, SourceText]) -> None:
    s = seeds["000"]
    title = "Khảo sát tình hình thực hiện Chỉ thị số 39-CT/TW tại Bộ Nội vụ"
    lines = s.text.split("\n")
    assert s.title == title
    assert lines[0] == title and lines[1] != title  # repeated title dropped
    assert lines[1].startswith("Chiều ngày 14/8, Đoàn khảo sát tình hình thực hiện Chỉ thị số 39-CT/TW")
    assert "15/08/2019" not in s.text
    assert s.author == "Thanh Tuấn"
    assert s.url == "www.moha.gov.vn"
    assert "Thanh Tuấn" not in s.text and "moha.gov.vn" not in s.text
    assert s.text.endswith("bảo vệ an toàn chính trị, xã hội./.")
    assert "Phát biểu tại buổi làm việc, Phó Thủ tướng Thường trực Trương Hòa Bình" in s.text


def test_seed_001_markdown_front_matter(seeds: dict[str, SourceText]) -> None:
    s = seeds["001"]
    assert s.title == "Gắn hoạt động hợp tác quốc tế với bảo vệ chính trị nội bộ"
    assert s.published == "2019-11-02"
    assert s.author == "Chu Thanh Vân (TTXVN/Vietnam+)"
    assert s.url == (
        "https://www.vietnamplus.vn/gan-hoat-dong-hop-tac-quoc-te-voi-bao-ve-chinh-tri-noi-bo/605168.vnp"
    )
    assert s.text.startswith(s.title + "\nHội nghị tổng kết 10 năm thực hiện Chỉ thị số 39-CT/TW")
    for gone in ("Published at", "Author:", "Original:", "**", "# ", "vietnamplus.vn"):
        assert gone not in s.text
    assert "Chỉ thị số 57-CT/TW ngày 8/8/1995 của Ban Bí thư Trung ương Đảng (khóa VII)" in s.text


def test_seed_002_web_clutter_removed(seeds: dict[str, SourceText]) -> None:
    s = seeds["002"]
    title = "Kế hoạch thực hiện Nghị quyết số 27-NQ/TW của Hội nghị Trung ương 6 khóa XIII của Ban Cán sự đảng Bộ Nội vụ"
    lines = s.text.split("\n")
    assert s.title == title and lines[0] == title and lines[1] != title
    for clutter in ("Xem với cỡ chữ", "Lượt xem", "Đọc bài viết", "Thay đổi tương phản", "Từ viết tắt", "in trang"):
        assert clutter not in s.text
    assert "T" not in lines and "•" not in s.text
    assert lines[1].startswith("Ngày 16/02, Ban Cán sự đảng Bộ Nội vụ ban hành Kế hoạch số 32-KH/BCSĐ")
    assert "7 nhiệm vụ và giải pháp" in lines
    # The paragraph broken after "Thứ bảy," is one line again.
    assert "Thứ bảy, tăng cường sự lãnh đạo của Đảng trong xây dựng" in s.text
    assert s.author == "Thanh Tuấn" and not s.text.endswith("Thanh Tuấn")
    assert s.text.endswith("có trọng tâm, trọng điểm và có lộ trình.")


def test_seed_003_no_title_source_line(seeds: dict[str, SourceText]) -> None:
    s = seeds["003"]
    assert s.title is None  # the first line is a sentence, not a headline
    assert s.text.startswith("Sáng ngày 24/3, tại trụ sở Bộ, Bộ Nội vụ tổ chức Hội nghị")
    assert s.url == "www.moha.gov.vn" and s.author is None
    assert "Nguồn:" not in s.text
    assert "Thứ trưởng Vũ Chiến Thắng chủ trì Hội nghị." in s.text.split("\n")


def test_seed_004_repeated_title(seeds: dict[str, SourceText]) -> None:
    s = seeds["004"]
    title = "Hợp tác quốc tế là hoạt động chung của Bộ, ngành"
    lines = s.text.split("\n")
    assert s.title == title and lines[0] == title
    assert lines[1].startswith("Chiều 8/8, Bộ trưởng Lê Thành Long")
    assert s.author is None and s.url is None
    assert s.text.endswith("để cùng hoàn thành nhiệm vụ được giao.")


# --------------------------------------------------------------------------- encodings


ENCODINGS = {
    "utf8.txt": VI_TEXT.encode("utf-8"),
    "utf8_bom.txt": VI_TEXT.encode("utf-8-sig"),
    "utf16le_bom.txt": b"\xff\xfe" + VI_TEXT.encode("utf-16-le"),
    "utf16be_bom.txt": b"\xfe\xff" + VI_TEXT.encode("utf-16-be"),
    "utf16le_nobom.txt": VI_TEXT.encode("utf-16-le"),
    "utf16be_nobom.txt": VI_TEXT.encode("utf-16-be"),
    "cp1258.txt": to_cp1258(VI_TEXT),
    "utf8_crlf_nfd.txt": unicodedata.normalize("NFD", VI_TEXT).replace("\n", "\r\n").encode("utf-8"),
}


def test_cp1258_fixture_really_uses_combining_marks() -> None:
    data = ENCODINGS["cp1258.txt"]
    assert b"\xf2" in data and b"\xec" in data  # combining dot below and acute
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_every_encoding_reads_the_same(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(ENCODINGS[name])
    s = read_file(path)
    assert s.text == "\n".join([VI_TITLE, *VI_BODY])
    assert s.title == VI_TITLE
    assert not any(unicodedata.combining(c) for c in s.text)
    if name.startswith("cp1258"):
        assert "decoded as cp1258" in s.warnings


def test_decode_normalises_controls_spaces_and_eth() -> None:
    raw = "Ðảng\x00 ủy\u00a0tỉnh\r\nline\x07 two\rthree\tend\u200b\ufeff".encode("utf-8")
    with pytest.raises(ReadError, match="binary"):
        decode_bytes(raw)  # a NUL byte in a non-UTF-16 file means binary
    text = decode_bytes(raw.replace(b"\x00", b""))
    assert text == "Đảng ủy tỉnh\nline two\nthree\tend"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty file"),
        (b" \r\n\t\n  ", "empty file"),
        ("\ufeff  \n".encode("utf-16"), "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file"),
        (bytes(range(1, 9)) * 200, "binary file"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 50, "binary file"),
        ("Bộ Nội vụ".encode()[:-1], "truncated UTF-8"),
        (b"\xff\xfe" + "Bộ Nội vụ".encode("utf-16-le")[:-1], "truncated UTF-16"),
        ("Le café de la République, l'élève à l'école, façade".encode("latin-1"), "undecodable"),
        ("Grüße aus München, schöne Straße, Äpfel und Öl".encode("cp1252"), "undecodable"),
        (VNI_SAMPLE.encode("latin-1"), "VNI"),
        (TCVN3_SAMPLE.encode("latin-1"), "TCVN3"),
        (VNI_SAMPLE.encode("utf-8"), "VNI"),  # VNI-font text pasted into a UTF-8 file
    ],
)
def test_decode_errors_are_clear(data: bytes, message: str) -> None:
    with pytest.raises(ReadError, match=message):
        decode(data)


def test_legacy_detection_ignores_real_vietnamese() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        assert detect_legacy_encoding(path.read_text(encoding="utf-8")) is None
    assert detect_legacy_encoding(VI_TEXT) is None


def test_a_stray_byte_in_utf8_is_replaced_with_a_warning() -> None:
    data = (VI_TEXT * 3).encode("utf-8").replace(b"24/3", b"24\xa03", 1)
    d = decode(data)
    assert d.encoding == "utf-8" and "\ufffd" in d.text and "replaced" in d.warnings[0]


# Vietnamese words, some of them with letters no Western code page has (ơ ư ă đ, tone marks that
# Windows-1258 must store as combining characters), so a cp1258 file is recognisably Vietnamese.
_WORD_LIST = (
    "Bộ Nội vụ Chính phủ Thủ tướng Quốc hội nghị định quyết Đảng ủy Ủy ban nhân dân tỉnh huyện "
    "xã việc được những người trưởng phó thứ hội nghị kiểm tra giám sát ngày tháng năm khóa "
    "tổ chức cán bộ công chức viên ban hành thực hiện chỉ thị Hòa Bình Nguyễn Trần Lê Phạm Vũ "
    "Đặng Bùi Đỗ Hồ Ngô Dương Lý hợp tác quốc tế pháp luật cải cách hành chính tư pháp số"
)
_WORDS = _WORD_LIST.split()
_MARKED = [w for w in _WORDS if any(c in w.lower() for c in "ơưăđạảãậặẹẻẽệịỉọỏõộợụủũựỳỷỹỵ")]
_SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", ": ", " - ", " (", ") ", " 39-CT/TW "]


@st.composite
def vietnamese_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=0, max_size=30))
    words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(_MARKED)))
    words = [w.upper() if draw(st.booleans()) and draw(st.booleans()) else w for w in words]
    seps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=len(words), max_size=len(words)))
    text = "".join(w + s for w, s in zip(words, seps, strict=True))
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=vietnamese_texts(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258"]),
)
def test_decode_round_trip_property(text: str, encoding: str) -> None:
    if encoding == "cp1258":
        data = to_cp1258(text)
    else:
        data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        # Without a BOM, UTF-16 is recognised by the NUL bytes of ASCII characters.
        assume(sum(c < "\u0100" for c in text) >= 0.3 * len(text))
    assert decode_bytes(data) == unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------- JSON Lines archives


def _write_gz_lines(path: Path, lines: list[str]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")


def test_gzipped_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    archive = tmp_path / "news.jsonl.gz"
    rec = {"id": "21395276", "title": VI_TITLE, "text": VI_TEXT}
    _write_gz_lines(
        archive,
        [
            json.dumps(rec, ensure_ascii=False),
            '{"id": "2", "title": "broken", "text": "unterminated',
            "",
            json.dumps({"id": 7, "title": "Không có thân bài"}, ensure_ascii=False),
            json.dumps(
                {"id": "3", "title": "Tin ngắn", "text": "Tin ngắn\nTin ngắn\nMột câu thôi.",
                 "url": "https://baomoi.com/a.epi", "published": "2017-02-06T10:00:00+07:00"},
                ensure_ascii=False,
            ),
            json.dumps(["not", "an", "object"]),
        ],
    )
    items = list(iter_sources([archive]))
    good = only_sources(items)
    bad = only_problems(items)
    assert [s.source_id for s in good] == ["news.jsonl.gz#21395276", "news.jsonl.gz#3"]
    assert [s.name for s in good] == ["21395276", "3"]
    first, second = good
    assert first.text == "\n".join([VI_TITLE, *VI_BODY])  # title kept once
    assert first.title == VI_TITLE and first.path == str(archive)
    assert second.text == "Tin ngắn\nMột câu thôi." and second.published == "2017-02-06"
    assert second.url == "https://baomoi.com/a.epi"
    assert [p.message.split(":")[0] for p in bad] == [
        "news.jsonl.gz line 2", "news.jsonl.gz line 4", "news.jsonl.gz line 6",
    ]
    assert "not valid JSON" in bad[0].message
    assert "no 'text'" in bad[1].message
    assert "expected a JSON object" in bad[2].message


def test_plain_jsonl_with_bom_and_title_not_in_text(tmp_path: Path) -> None:
    archive = tmp_path / "a.jsonl"
    line = json.dumps({"id": "x1", "title": "Tiêu đề riêng", "text": "Thân bài đầu tiên."}, ensure_ascii=False)
    archive.write_bytes(b"\xef\xbb\xbf" + line.encode("utf-8") + b"\n")
    (s,) = list(iter_jsonl(archive))
    assert isinstance(s, SourceText)
    assert s.text == "Tiêu đề riêng\nThân bài đầu tiên." and s.source_id == "a.jsonl#x1"


def test_truncated_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    archive = tmp_path / "cut.jsonl.gz"
    records = [json.dumps({"id": str(i), "title": f"Tin {i}", "text": f"Tin {i}\n" + VI_BODY[i % 3] * 40},
                          ensure_ascii=False) for i in range(300)]
    _write_gz_lines(archive, records)
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) * 2 // 3])
    items = list(iter_jsonl(archive))
    good, bad = only_sources(items), only_problems(items)
    assert 50 < len(good) < 300
    assert [s.name for s in good] == [str(i) for i in range(len(good))]
    assert len(bad) == 1 and "corrupt or truncated" in bad[0].message and items[-1] is bad[0]


def test_over_long_archive_line_is_skipped_not_loaded(tmp_path: Path) -> None:
    archive = tmp_path / "big.jsonl"
    big = json.dumps({"id": "big", "title": "Lớn", "text": "Lớn\n" + "Một câu dài. " * 20_000}, ensure_ascii=False)
    small = json.dumps({"id": "small", "title": "Nhỏ", "text": "Nhỏ\nMột câu."}, ensure_ascii=False)
    archive.write_text(big + "\n" + small + "\n", encoding="utf-8")
    items = list(iter_jsonl(archive, warn_bytes=1000, max_bytes=100_000))
    assert isinstance(items[0], ReadProblem) and "line 1: line is too large" in items[0].message
    assert isinstance(items[1], SourceText) and items[1].name == "small" and not items[1].warnings
    warned = list(iter_jsonl(archive, warn_bytes=1000, max_bytes=1_000_000))
    assert isinstance(warned[0], SourceText) and "large record" in warned[0].warnings[0]


def test_huge_single_line_stays_within_a_few_hundred_mb(tmp_path: Path) -> None:
    archive = tmp_path / "huge.jsonl"
    sentence = "Bộ Nội vụ đã ban hành Nghị định về việc tổ chức hội nghị của Chính phủ. "
    repeat = 100 * 1024 * 1024 // len(sentence.encode("utf-8"))
    with archive.open("w", encoding="utf-8") as f:
        f.write('{"id": "huge", "title": "Rất lớn", "text": "Rất lớn\\n')
        for _ in range(repeat // 1000):
            f.write(sentence * 1000)
        f.write('"}\n')
    assert archive.stat().st_size > 95 * 1024 * 1024
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from loaders.readers import iter_sources
        n = 0
        for item in iter_sources([{str(archive)!r}]):
            assert type(item).__name__ == "SourceText", item
            n += len(item.text)
            del item
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forked pytest parent
        hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
        print(n, hwm // 1024)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    chars, peak_mb = map(int, out.stdout.split())
    assert chars > 70_000_000
    # about 445 MB (text copies of one 100 MB record: raw bytes, the JSON string, NFC and
    # clean-up passes); bounded, never the whole archive
    assert peak_mb < 700, f"peak memory {peak_mb} MB"


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not mounted")
def test_real_corpus_first_records() -> None:
    items = list(itertools.islice(iter_sources([CORPUS]), 2000))
    good = only_sources(items)
    assert len(good) == 2000
    for s in good:
        assert s.source_id == f"baomoi-2017.jsonl.gz#{s.name}"
        lines = s.text.split("\n")
        assert s.title and lines[0] == s.title
        assert len(lines) == 1 or lines[1] != s.title


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Kế hoạch thực hiện Nghị quyết 27 | Cổng thông tin Bộ Nội vụ</title>
<meta property="article:published_time" content="2023-02-16T08:30:00+07:00">
<meta name="author" content="Thanh Tuấn">
<link rel="canonical" href="https://www.moha.gov.vn/tin-tuc/ke-hoach-27.html">
<style>body {{ color: red }} .x::after {{ content: "STYLE-TEXT" }}</style>
<script>var t = "SCRIPT-TEXT"; document.write("<p>SCRIPT-P</p>");</script>
</head><body>
<header><div class="logo">BỘ NỘI VỤ</div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin">NAV-TIN-TUC</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> › BREADCRUMB</div>
<div id="wrap">
<article>
 <h1>Kế hoạch thực hiện Nghị quyết số 27-NQ/TW</h1>
 <div class="tools">Xem với cỡ chữ <span>T</span> <span>T</span></div>
 <p>Ngày 16/02, Ban Cán sự đảng Bộ Nội vụ ban hành <b>Kế hoạch số 32-KH/BCSĐ</b> thực hiện
    Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Hội nghị Trung ương 6 khóa XIII.</p>
 <p>Mục đích&nbsp;nhằm nâng cao nhận thức của cấp ủy các cấp.<br>Dòng sau thẻ br c&#7911;a trang.</p>
 <ul><li>Thứ nhất, đẩy mạnh tuyên truyền.</li><li>Thứ hai, bảo đảm quyền làm chủ của Nhân dân.</li></ul>
 <form><input type="text" value="FORM-INPUT"><button>FORM-BUTTON</button></form>
 <div class="share-buttons">SHARE-FACEBOOK</div>
</article>
<aside><h3>ASIDE-TIN-LIEN-QUAN</h3><p>Một tin liên quan khác có khá nhiều chữ ở đây.</p></aside>
</div>
<footer>FOOTER-BAN-QUYEN Bộ Nội vụ.</footer>
<script>console.log("SCRIPT-END")</script>
</body></html>"""


def test_html_page_with_scripts_and_navigation(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    s = read_file(path)
    assert s.title == "Kế hoạch thực hiện Nghị quyết số 27-NQ/TW"
    assert s.published == "2023-02-16"
    assert s.author == "Thanh Tuấn"
    assert s.url == "https://www.moha.gov.vn/tin-tuc/ke-hoach-27.html"
    assert s.text.split("\n") == [
        "Kế hoạch thực hiện Nghị quyết số 27-NQ/TW",
        "Ngày 16/02, Ban Cán sự đảng Bộ Nội vụ ban hành Kế hoạch số 32-KH/BCSĐ thực hiện "
        "Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Hội nghị Trung ương 6 khóa XIII.",
        "Mục đích nhằm nâng cao nhận thức của cấp ủy các cấp.",
        "Dòng sau thẻ br của trang.",
        "Thứ nhất, đẩy mạnh tuyên truyền.",
        "Thứ hai, bảo đảm quyền làm chủ của Nhân dân.",
    ]


def test_html_without_article_uses_largest_block(tmp_path: Path) -> None:
    html = """<html><head><title>Hội nghị triển khai công tác năm 2022 - Bộ Nội vụ</title>
    <meta property="og:url" content="https://moha.gov.vn/a/123"></head><body>
    <div class="col-left"><p>Liên kết một</p><p>Liên kết hai</p></div>
    <div class="content"><time datetime="2022-03-24T09:00">24/03/2022</time>
      <p>Sáng ngày 24/3, tại trụ sở Bộ, Bộ Nội vụ tổ chức Hội nghị triển khai công tác năm 2022.</p>
      <p>Thứ trưởng Vũ Chiến Thắng chủ trì Hội nghị và phát biểu khai mạc.</p></div>
    <div class="footer"><p>Bản quyền thuộc về Bộ Nội vụ, mọi sao chép phải ghi nguồn.</p></div>
    </body></html>"""
    path = tmp_path / "page.htm"
    path.write_bytes(html.encode("utf-16"))
    s = read_file(path)
    assert s.title == "Hội nghị triển khai công tác năm 2022"
    assert s.published == "2022-03-24" and s.url == "https://moha.gov.vn/a/123"
    assert s.text.split("\n")[1:] == [
        "Sáng ngày 24/3, tại trụ sở Bộ, Bộ Nội vụ tổ chức Hội nghị triển khai công tác năm 2022.",
        "Thứ trưởng Vũ Chiến Thắng chủ trì Hội nghị và phát biểu khai mạc.",
    ]


def test_html_deep_nesting_does_not_crash(tmp_path: Path) -> None:
    depth = 10_000
    html = "<html><body>" + "<div>" * depth + "<p>Văn bản nằm rất sâu.</p>" + "</div>" * depth + "</body></html>"
    path = tmp_path / "deep.html"
    path.write_text(html, encoding="utf-8")
    s = read_file(path)
    assert s.text.endswith("Văn bản nằm rất sâu.")
    assert sys.getrecursionlimit() < depth  # the page is deeper than Python's limit (the tree is cut at 512)


def test_markdown_file_strips_markup(tmp_path: Path) -> None:
    md = textwrap.dedent(
        """\
        ---
        title: Thông cáo báo chí
        date: 15/08/2019
        author: Phòng Truyền thông
        url: https://example.gov.vn/tb
        ---
        ## Nội dung *chính*

        Bộ **Nội vụ** đã [ban hành](https://x.vn/y) Thông tư số 01/2021/TT-BNV.
        ![ảnh](a.png)
        > Trích dẫn _quan trọng_.
        """
    )
    path = tmp_path / "thong-cao.md"
    path.write_text(md, encoding="utf-8")
    s = read_file(path)
    assert (s.title, s.published, s.author, s.url) == (
        "Thông cáo báo chí", "2019-08-15", "Phòng Truyền thông", "https://example.gov.vn/tb"
    )
    assert s.text.split("\n") == [
        "Thông cáo báo chí",
        "Nội dung chính",
        "Bộ Nội vụ đã ban hành Thông tư số 01/2021/TT-BNV.",
        "Trích dẫn quan trọng.",
    ]


# --------------------------------------------------------------------------- folders and limits


def test_folder_mixing_good_and_bad_files(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    for seed in ("000_a5917a623b9311c9.txt", "001_ba33c05018878a3e.txt"):
        (root / seed).write_bytes((SEEDS / seed).read_bytes())
    (root / "sub" / "cp1258.txt").write_bytes(to_cp1258(VI_TEXT))
    (root / "sub" / "utf16.txt").write_bytes(VI_TEXT.encode("utf-16"))
    (root / "page.html").write_text(PAGE, encoding="utf-8")
    _write_gz_lines(
        root / "archive.jsonl.gz",
        [json.dumps({"id": "1", "title": "Một", "text": "Một\nCâu một."}, ensure_ascii=False), "{oops"],
    )
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 300)
    (root / "truncated.txt").write_bytes("Bộ Nội vụ".encode()[:-1])
    (root / "legacy.txt").write_bytes(TCVN3_SAMPLE.encode("latin-1"))
    (root / "notes.csv").write_text("a,b\n", encoding="utf-8")  # unsupported: skipped silently
    (root / ".hidden.txt").write_text("Ẩn", encoding="utf-8")  # hidden: skipped
    (root / ".git" / "HEAD.txt").write_text("ref", encoding="utf-8")  # hidden folder: skipped

    items = list(iter_sources([root]))
    good = [s.source_id for s in only_sources(items)]
    problems = {Path(p.path).name: p.message for p in only_problems(items)}
    assert good == [
        "000_a5917a623b9311c9.txt", "001_ba33c05018878a3e.txt", "archive.jsonl.gz#1",
        "page.html", "cp1258.txt", "utf16.txt",
    ]
    assert set(problems) == {"archive.jsonl.gz", "binary.txt", "empty.txt", "legacy.txt", "truncated.txt"}
    for name, message in problems.items():
        assert name in message
    assert "line 2" in problems["archive.jsonl.gz"]
    assert "binary file" in problems["binary.txt"]
    assert "empty file" in problems["empty.txt"]
    assert "TCVN3" in problems["legacy.txt"]
    assert "truncated UTF-8" in problems["truncated.txt"]


def test_explicit_paths_unsupported_missing_and_duplicates(tmp_path: Path) -> None:
    csv = tmp_path / "data.csv"
    csv.write_text("x", encoding="utf-8")
    good = tmp_path / "a.txt"
    good.write_text(VI_TEXT, encoding="utf-8")
    items = list(iter_sources([csv, tmp_path / "missing.txt", str(good), tmp_path]))
    assert isinstance(items[0], ReadProblem) and "data.csv: unsupported file type '.csv'" in items[0].message
    assert isinstance(items[1], ReadProblem) and "missing.txt: no such file" in items[1].message
    assert [type(x).__name__ for x in items[2:]] == ["SourceText"]  # a.txt read once


def test_size_limits(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(VI_TEXT * 200, encoding="utf-8")
    size = path.stat().st_size
    s = read_file(path, warn_bytes=size // 2, max_bytes=size * 2)
    assert any("large file" in w for w in s.warnings)
    with pytest.raises(ReadError, match="too large"):
        read_file(path, warn_bytes=size // 4, max_bytes=size // 2)
    (problem,) = list(iter_sources([path], max_bytes=size // 2))
    assert isinstance(problem, ReadProblem) and "big.txt: file is too large" in problem.message


# --------------------------------------------------------------------------- small pieces


def test_clutter_lexicon_is_data() -> None:
    clutter = load_clutter()
    for line in ("Xem với cỡ chữ", "Lượt xem : 2036", "T", "in trang", "Thay đổi tương phản"):
        assert clutter.matches(line), line
    for line in ("Trung ương", "Thứ nhất, đẩy mạnh tuyên truyền.", "Tổng Bí thư"):
        assert not clutter.matches(line), line
    custom = Clutter(["# a comment", "Quảng cáo", "re:trang \\d+/\\d+"])
    assert custom.matches("QUẢNG  CÁO") and custom.matches("Trang 2/10") and not custom.matches("# a comment")


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2019-11-02T12:43:55+00:00", "2019-11-02"),
        ("15/08/2019", "2019-08-15"),
        ("Thứ năm, 15/8/2019 10:30", "2019-08-15"),
        ("ngày 15 tháng 8 năm 2019", "2019-08-15"),
        ("Sat, 02 Nov 2019 12:43:55 +0000", "2019-11-02"),
        ("31/02/2019", None),
        ("hôm qua", None),
    ],
)
def test_parse_date(value: str, iso: str | None) -> None:
    assert parse_date(value) == iso


def test_read_file_on_a_path_that_is_not_a_file(tmp_path: Path) -> None:
    path = tmp_path / "folder.txt"
    path.mkdir()
    with pytest.raises(ReadError, match="cannot read"):
        read_file(path)
