"""Pages of a legal database: the official text cut out of the site, and the site's metadata table.

A legal database (thuvienphapluat.vn and the many copies of its pages) prints an official text
between the site's own lines: a copyright notice and "Đang tải văn bản..." above, a curated
table (Số hiệu, Loại văn bản, Nơi ban hành, Người ký, Ngày ban hành, Ngày hiệu lực, Tình
trạng), sometimes the site's own summary, then the text in table cells separated by "|" lines,
then a line repeating the title, an English translation, "Văn bản liên quan" and login notices.
Read as an article, the site's lines become facts (its summary names the text's links a second
time, its footer names other texts).  This module keeps only the text, from its header to its
signature, and returns the table beside it: the database's record is a second source for the
header, which the official-text parser uses to fill gaps and to report disagreements.

The words live in ``data/lexicons/legal_db.toml``.  Entry point: ``split_page``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from loaders.official import load_lexicon, unwrap_prose
from loaders.vntext import fold_once as fold  # page lines are folded once each
from loaders.vntext import one_space

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "legal_db.toml"

# How many lines from the top a page's marks, table and header may sit (a page's clutter above the
# text is some 30 lines; its own summary may add a hundred).
_HEAD_LINES = 400


@dataclass(frozen=True)
class PageWords:
    """The lexicon, folded once."""

    marks: tuple[str, ...]          # lower case, with tone marks: searched in raw text
    top_ends: tuple[str, ...]
    bottom_starts: tuple[str, ...]
    layout_only: frozenset[str]
    labels: dict[str, str]          # folded label -> field
    printed_labels: tuple[tuple[str, str], ...]   # (label as printed, field)
    placeholders: frozenset[str]    # folded


@lru_cache(maxsize=1)
def load_words(path: Path = LEXICON_PATH) -> PageWords:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    page, table = raw["page"], raw["table"]
    return PageWords(
        marks=tuple(m.lower() for m in page["marks"]),
        top_ends=tuple(fold(m) for m in page["top_ends"]),
        bottom_starts=tuple(fold(m) for m in page["bottom_starts"]),
        layout_only=frozenset(page["layout_only"]),
        labels={fold(k): v for k, v in table["labels"].items()},
        printed_labels=tuple(table["labels"].items()),
        placeholders=frozenset(fold(v) for v in table["placeholders"]),
    )


@dataclass(frozen=True)
class Page:
    """A legal-database page split: the official text's lines and the site's table, if printed."""

    lines: tuple[str, ...]
    record: tuple[tuple[str, str], ...]   # (field, value) as the table prints them, placeholders left out


def is_page(text: str) -> bool:
    """True when the text carries a legal database's marks near its top, or is laid out as its
    pages are without them: cell borders ("|" lines) around a header with the national or Party
    motto (a cheap test: every news article of an archive passes through it)."""
    head = text[:6000].lower()
    words = load_words()
    if any(m in head for m in words.marks):
        # the site's name alone is no page (a news article may cite the database): its loading
        # line, its table or a text's motto must be there too
        flat = fold(head)
        return any(t in flat for t in words.top_ends) or any(
            fold(m.group(1)) in words.labels for m in re.finditer(r"(?m)^\W*([^\n:|*]{3,30}?)\s*:\W*$", head)) or (
            _has_motto(head))
    if "\n|\n" not in head and not head.startswith("|\n"):
        return False
    return _has_motto(head)


@lru_cache(maxsize=1)
def _mottos() -> tuple[str, ...]:
    """The state's motto line and the Party's, folded (official.toml [header])."""
    header = load_lexicon().raw["header"]
    return fold(header["motto"][0]), *(fold(m) for m in header["party_motto"])


def _has_motto(head: str) -> bool:
    """Whether a text's motto is printed, over cell marks and line breaks ("CỘNG HÒA XÃ HỘI" /
    "CHỦ NGHĨA VIỆT NAM")."""
    flat = fold(" ".join(head.replace("*", "").split()))
    return any(m in flat for m in _mottos())


def _plain(line: str) -> str:
    """A line without the Markdown emphasis and heading marks the site puts on its cells, and
    with each run of blanks one space, as layout.clean_lines leaves the lines of other texts."""
    return one_space(re.sub(r"^#+\s+", "", line.replace("*", "").strip()))


_LABEL = re.compile(r"^(.{3,30}?)\s*:$")


def _read_table(lines: list[str], i: int, words: PageWords) -> tuple[list[tuple[str, str]], int]:
    """The table's (field, value) pairs from line ``i`` on, and the index after its last value.

    Labels and values sit on their own lines, between "|" lines; a label may be split over two
    lines ("**" then "Ngày hiệu lực:**")."""
    record: list[tuple[str, str]] = []
    end = i
    field: str | None = None
    j = i
    while j < len(lines) and j < i + 120:
        s = _plain(lines[j])
        j += 1
        if not s or s in words.layout_only:
            continue
        m = _LABEL.match(s)
        if m and fold(m.group(1)) in words.labels:
            field = words.labels[fold(m.group(1))]
            continue
        if field is None:
            break
        if fold(s) not in words.placeholders:
            record.append((field, s))
        field = None
        end = j
    return record, end


def _header_start(lines: list[str], i: int) -> int:
    """Where the text's header begins at or after line ``i``: the issuing body's lines above the
    motto ("CỘNG HÒA XÃ HỘI ...", "ĐẢNG CỘNG SẢN VIỆT NAM").  A site's summary printed between
    the table and the text is skipped; without a motto the text starts at ``i``."""
    for k in range(i, min(len(lines), i + _HEAD_LINES)):
        f = fold(_plain(lines[k]))
        if f.startswith(("cong hoa xa", "dang cong san viet nam")) or f in ("cong", "cong hoa") and k + 1 < len(lines) \
                and fold(_plain(lines[k + 1])).startswith(("hoa xa hoi", "xa hoi")):
            start = k
            while start > i:
                s = _plain(lines[start - 1])
                if s and s != "|" and not re.fullmatch(r"[-_=.]{3,}", s) and s != s.upper():
                    break
                start -= 1
            return start
    return i


def _title_line(line: str, number: str | None) -> bool:
    """The site's line repeating the kind, number and title under the text ("Công văn 5348/CT-CS
    năm 2025 hướng dẫn ... do Cục Thuế ban hành"): a kind word, the number, more words.  The text's
    own sentences that name its number ("Ban hành kèm theo Quyết định số 12/QĐ-UBND ...") are not."""
    if not number:
        return False
    s = _plain(line)
    m = re.match(r"^(?P<kind>[^\d|:]{2,40}?)\s" + re.escape(number) + r"\s+\S", s)
    if m is None:
        return False
    kind = m.group("kind").strip()
    # the English translation's title repeats it the same way ("Circular No. 110/2025/TT-BTC dated ...")
    return load_lexicon().cite_re.fullmatch(kind) is not None or re.fullmatch(r"[A-Z][A-Za-z ]{2,40} No\.", kind) is not None


def split_page(text: str) -> Page | None:
    """The official text and the table of a legal-database page; None for any other text."""
    if not is_page(text):
        return None
    words = load_words()
    lines = text.split("\n")
    start = 0
    for k, line in enumerate(lines[:_HEAD_LINES]):
        if any(m in fold(line) for m in words.top_ends):
            start = k + 1
            break
    record: list[tuple[str, str]] = []
    for k in range(start, min(len(lines), start + 40)):
        m = _LABEL.match(_plain(lines[k]))
        if m and fold(m.group(1)) in words.labels:
            record, start = _read_table(lines, k, words)
            break
    start = _header_start(lines, start)
    number = dict(record).get("number") or _printed_number(lines[start : start + 40])
    end = len(lines)
    for k in range(start + 5, len(lines)):
        f = fold(lines[k])
        if any(b in f for b in words.bottom_starts) or _title_line(lines[k], number):
            end = k
            break
    body: list[str] = []
    for ln in lines[start:end]:
        s = _plain(ln)
        if s in words.layout_only:     # a cell border: a break between cells, kept as one empty line
            s = ""
        if s or (body and body[-1]):
            body.append(s)
    if not any(body) and record:
        # the page shows its table only (the text is for subscribers): the table is the text
        label = {field: name for name, field in load_words().printed_labels}
        body = [f"{label[field]}: {value}" for field, value in record]
    return Page(lines=tuple(unwrap_prose(body)), record=tuple(record))


def _printed_number(lines: list[str]) -> str | None:
    """The number a header prints on its "Số: ..." line."""
    for line in lines:
        if m := re.match(r"^\s*Số\s*:\s*(\S+)", _plain(line)):
            return m.group(1)
    return None
