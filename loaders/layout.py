"""Title, date, byline and body from the text layouts we meet: plain, Markdown, saved web pages.

The same article reaches us in several shapes (see data/seeds): a plain text with the title,
a date line and a byline; a Markdown export with "Published at:"/"Author:"/"Original:" lines;
a web page saved as text with its navigation tools still in it.  Everything here works on
already-normalised text (loaders.decode.normalize_text) and only recognises whole lines, so a
sentence in the body is never cut.  Clutter phrases live in data/lexicons/clutter.txt so a
reader of Vietnamese sites can extend them without touching code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path

from loaders.vntext import one_space

__all__ = [
    "CLUTTER_PATH",
    "Layout",
    "Clutter",
    "date_line",
    "detect_layout",
    "load_clutter",
    "parse_date",
    "parse_markdown",
    "parse_plain",
]

CLUTTER_PATH = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "clutter.txt"


@dataclass(frozen=True)
class Layout:
    """What a layout parser found: metadata plus the body lines (title not included)."""

    title: str | None
    body: tuple[str, ...]
    published: str | None = None
    author: str | None = None
    url: str | None = None
    db_record: tuple[tuple[str, str], ...] = ()   # a legal database's table (loaders.legal_db)

    def text(self) -> str:
        """The SourceText.text: the title line, when there is one, then the body lines."""
        lines = [self.title, *self.body] if self.title else list(self.body)
        return "\n".join(lines)


# --------------------------------------------------------------------------- clutter


class Clutter:
    """Whole-line matcher for navigation clutter, built from the clutter lexicon."""

    def __init__(self, entries: Iterable[str]) -> None:
        phrases: set[str] = set()
        patterns: list[str] = []
        for raw in entries:
            entry = raw.strip()
            if not entry or entry.startswith("#"):
                continue
            if entry.startswith("re:"):
                patterns.append(f"(?:{entry[3:].strip()})")
            else:
                phrases.add(_fold(entry))
        self._phrases = frozenset(phrases)
        self._regex = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None

    def matches(self, line: str) -> bool:
        """True when the whole (bullet-stripped) line is clutter."""
        if len(line) > 80:
            return False
        if _fold(line) in self._phrases:
            return True
        return bool(self._regex and self._regex.fullmatch(line))


@lru_cache(maxsize=8)
def load_clutter(path: Path = CLUTTER_PATH) -> Clutter:
    """Read the clutter lexicon (cached); a missing file means no clutter filtering."""
    try:
        return Clutter(path.read_text(encoding="utf-8").splitlines())
    except FileNotFoundError:
        return Clutter(())


def _fold(s: str) -> str:
    return " ".join(s.split()).casefold()


# --------------------------------------------------------------------------- line cleaning

_BULLETS = "•·▪►●◦‣"


def clean_lines(text: str, clutter: Clutter) -> list[str]:
    """Split into lines; strip bullets and extra spaces; drop empty and clutter lines."""
    out: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip().lstrip(_BULLETS).strip()
        if not line:
            continue
        line = one_space(line)
        if clutter.matches(line):
            continue
        if out and out[-1].endswith(",") and line[:1].islower():
            out[-1] = f"{out[-1]} {line}"  # a sentence broken after a comma ("Thứ bảy,\ntăng ...")
            continue
        out.append(line)
    return out


# --------------------------------------------------------------------------- dates

_WEEKDAY = r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|cn)\s*[,-]?\s*)?"
_TIME = r"(?:\d{1,2}\s*[:hg]\s*\d{2}(?::\d{2})?\s*(?:am|pm|sa|ch)?\s*(?:\(?gmt\s*\+\s*7\)?)?)"
_DMY = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_DATE_LINE = re.compile(
    rf"{_WEEKDAY}(?:{_TIME}\s*[,|-]?\s*)?(?:ngày\s+)?{_DMY}(?:\s*[,|-]?\s*{_TIME})?",
    re.IGNORECASE,
)
_DATE_LINE_WORDS = re.compile(
    rf"{_WEEKDAY}(?:ngày\s+)?(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s*(?:năm|,)\s*(\d{{4}})"
    rf"(?:\s*[,|-]?\s*{_TIME})?",
    re.IGNORECASE,
)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


def _iso(y: str | int, m: str | int, d: str | int) -> str | None:
    try:
        day = date(int(y), int(m), int(d))
    except ValueError:
        return None
    return day.isoformat() if 1900 <= day.year <= 2100 else None


def date_line(line: str) -> str | None:
    """ISO date when the whole line is just a date ("15/08/2019", "Thứ năm, 15/8/2019 10:30")."""
    if len(line) > 60:
        return None
    s = line.strip()
    if m := _DATE_LINE.fullmatch(s):
        return _iso(m.group(3), m.group(2), m.group(1))
    if m := _DATE_LINE_WORDS.fullmatch(s):
        return _iso(m.group(3), m.group(2), m.group(1))
    if m := _ISO.fullmatch(s):
        return _iso(m.group(1), m.group(2), m.group(3))
    return None


def parse_date(value: str | None) -> str | None:
    """ISO date from a metadata value: ISO 8601, day-first numeric, Vietnamese words, RFC 2822."""
    if not value:
        return None
    s = value.strip().strip("*_` ")
    if m := _ISO.match(s):
        return _iso(m.group(1), m.group(2), m.group(3))
    if found := date_line(s):
        return found
    if m := re.search(_DMY, s):
        return _iso(m.group(3), m.group(2), m.group(1))
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


# --------------------------------------------------------------------------- bylines, sources

_SOURCE = re.compile(r"(?:nguồn(?:\s+tin)?|source|theo)\s*:\s*(.+)", re.IGNORECASE)
_THEO = re.compile(r"theo\s+(.+)", re.IGNORECASE)
_URLISH = re.compile(
    r"(?:https?://|www\.)\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|gov|edu|info)(?:/\S*)?",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[^\W\d_][^\W_]*(?:[.'][^\W\d_]*)*")


def _source(line: str) -> tuple[str | None, str | None] | None:
    """(url, source name) when the line is a source line ("Nguồn: www.moha.gov.vn", a bare URL)."""
    if len(line) > 200:
        return None
    if _URLISH.fullmatch(line):
        return line, None
    m = _SOURCE.fullmatch(line)
    if m is None and len(line) <= 60 and not line.endswith((".", ";", ":", ",")):
        m = _THEO.fullmatch(line)
        if m is not None and not m.group(1)[:1].isupper():
            m = None
    if m is None:
        return None
    value = m.group(1).strip()
    if _URLISH.fullmatch(value):
        return value, None
    return None, value


def _byline(line: str, *, strict: bool) -> bool:
    """A short author line ("Thanh Tuấn", "Minh Hà (TTXVN)").

    Loose when a source line follows it (its position says it is a byline); strict when it is
    simply the last line, then it must look like a name: 1-5 capitalised words.
    """
    if len(line) > 60 or not line[:1].isupper() or date_line(line):
        return False
    core = re.sub(r"\s*\([^)]*\)\s*$", "", line).strip()
    if not core or core.endswith((".", "!", "?", ";", ":", ",")):
        return False
    words = re.split(r"\s*[-–/&,]\s*|\s+", core)
    words = [w for w in words if w]
    if not strict:
        return 1 <= len(words) <= 8
    if not 1 <= len(words) <= 5:
        return False
    if len(words) == 1:
        return words[0].isupper() and 2 <= len(words[0]) <= 10
    return all(_NAME_WORD.fullmatch(w) and w[0].isupper() for w in words)


_SIGNED = re.compile(r"\((?:đã\s+ký|ký(?:\s+tên)?)[^)]*\)", re.IGNORECASE)


def _signature_line(line: str) -> bool:
    """An official text's signature block ("THỦ TƯỚNG", "(Đã ký)") above its last line: that
    line is the signer's name, part of the text, not a news byline."""
    letters = [c for c in line if c.isalpha()]
    return bool(_SIGNED.fullmatch(line.strip())) or (len(letters) >= 3 and not any(c.islower() for c in letters))


# --------------------------------------------------------------------------- plain layout


def _same(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 20:  # cheap exit: never fold (split) a huge body line
        return False
    return _fold(a).strip(" .:") == _fold(b).strip(" .:")


def _title_like(line: str) -> bool:
    return (
        3 <= len(line) <= 300
        and not line.endswith((".", ";", ":", ","))
        and not line[:1].islower()
        and date_line(line) is None
        and _source(line) is None
    )


def parse_plain(
    text: str,
    *,
    title: str | None = None,
    clutter: Clutter | None = None,
    detect_title: bool = True,
) -> Layout:
    """Plain or saved-web-page text: title line, optional date line, body, byline, source line.

    ``title`` is a title known from elsewhere (an archive record, a Markdown heading): leading
    copies of it are dropped instead of guessing a title from the first line.
    """
    lines = clean_lines(text, clutter or load_clutter())
    return _plain_from_lines(lines, title=title, detect_title=detect_title)


def _plain_from_lines(lines: list[str], *, title: str | None, detect_title: bool) -> Layout:
    published: str | None = None
    i = 0
    # A date may precede the title.
    while i < len(lines) and i < 2 and (d := date_line(lines[i])):
        published = published or d
        i += 1
    if title is None and detect_title and i < len(lines) and _title_like(lines[i]):
        title = lines[i]
        i += 1
    # Right after the title: the date line and a repeated title, in either order.
    for _ in range(4):
        if i >= len(lines):
            break
        if d := date_line(lines[i]):
            published = published or d
        elif not (title and _same(lines[i], title)):
            break
        i += 1
    start, end = i, len(lines)
    url = author = None
    if end > start and (src := _source(lines[end - 1])) is not None:
        url, author = src
        end -= 1
        if end > start and _byline(lines[end - 1], strict=False):
            author = lines[end - 1]
            end -= 1
    elif end > start + 1 and _byline(lines[end - 1], strict=True) and not _signature_line(lines[end - 2]):
        author = lines[end - 1]
        end -= 1
    return Layout(title, tuple(lines[start:end]), published, author, url)


# --------------------------------------------------------------------------- markdown layout

_MD_KEY = re.compile(
    r"(published(?:\s+at)?|date|ngày(?:\s+đăng|\s+xuất\s+bản)?|author|authors|tác\s+giả|"
    r"original|source|url|canonical|link|nguồn|title|tiêu\s+đề)\s*:\s*(.*)",
    re.IGNORECASE,
)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_EMPHASIS = [
    (re.compile(r"\*\*(.+?)\*\*"), r"\1"),
    (re.compile(r"__(.+?)__"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
]
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_MD_RULE = re.compile(r"(?:[-*_]\s*){3,}|`{3,}.*|~{3,}.*")
_MD_PREFIX = re.compile(r"(?:#{1,6}\s+|>\s?|[*+]\s+)+")


def detect_layout(text: str) -> str:
    """'markdown' when the text opens with a '# ' heading or Markdown front-matter lines."""
    seen = 0
    for line in text[:20_000].split("\n")[:60]:
        s = line.strip()
        if not s:
            continue
        if s.startswith("# ") or s == "---" and seen == 0:
            return "markdown"
        if re.match(r"(?:published at|author|original)\s*:\s*\S", s, re.IGNORECASE):
            return "markdown"
        seen += 1
        if seen >= 12:
            break
    return "plain"


def strip_markdown(line: str) -> str:
    """Plain text of one Markdown line: no heading/quote/list markers, links, emphasis, escapes."""
    s = line.strip()
    if _MD_RULE.fullmatch(s):
        return ""
    s = _MD_PREFIX.sub("", s, count=1) if s[:1] in "#>*+" else s
    if "[" in s:
        s = _MD_LINK.sub(lambda m: "" if m.group(0).startswith("!") else m.group(1), s)
    if "*" in s or "_" in s or "`" in s or "~" in s:
        for pattern, repl in _MD_EMPHASIS:
            s = pattern.sub(repl, s)
        s = s.replace("**", "").replace("__", "")
    if "\\" in s:
        s = _MD_ESCAPE.sub(r"\1", s)
    return s.strip()


def _md_value(value: str) -> tuple[str, str | None]:
    """(text, link target) of a front-matter value like '**x**' or '[Vietnam+](https://...)'."""
    target = None
    if m := _MD_LINK.search(value):
        target = m.group(2)
    text = strip_markdown(value).strip().strip("\"'")
    return text, target


def parse_markdown(text: str, *, clutter: Clutter | None = None) -> Layout:
    """Markdown export: '# Title', 'Published at: **…**', 'Author: **…**', 'Original: [x](url)'."""
    lines = text.split("\n")
    title = published = author = url = None
    i = 0
    n = len(lines)
    while i < n and not lines[i].strip():
        i += 1
    if i < n and lines[i].strip() == "---":  # YAML-style front matter
        j = i + 1
        while j < n and lines[j].strip() not in ("---", "..."):
            j += 1
        if j < n:
            header, i = lines[i + 1 : j], j + 1
            for line in header:
                title, published, author, url = _md_meta(line, title, published, author, url)
    # Heading and key lines at the top, in any order, until the first body line.
    while i < n:
        s = lines[i].strip()
        if not s:
            i += 1
            continue
        if title is None and re.match(r"#{1,2}\s+\S", s):
            title = strip_markdown(s)
            i += 1
            continue
        if _MD_KEY.fullmatch(s):
            title, published, author, url = _md_meta(s, title, published, author, url)
            i += 1
            continue
        break
    body_text = "\n".join(strip_markdown(line) for line in lines[i:])
    plain = parse_plain(body_text, title=title, clutter=clutter, detect_title=title is None)
    return Layout(
        plain.title,
        plain.body,
        published or plain.published,
        author or plain.author,
        url or plain.url,
    )


def _md_meta(
    line: str,
    title: str | None,
    published: str | None,
    author: str | None,
    url: str | None,
) -> tuple[str | None, str | None, str | None, str | None]:
    m = _MD_KEY.fullmatch(line.strip())
    if m is None:
        return title, published, author, url
    key = " ".join(m.group(1).lower().split())
    value, target = _md_value(m.group(2))
    if not value and not target:
        return title, published, author, url
    if key in ("title", "tiêu đề"):
        title = title or value
    elif key.startswith(("published", "date", "ngày")):
        published = published or parse_date(value)
    elif key in ("author", "authors", "tác giả"):
        author = author or value
    else:  # original, source, url, canonical, link, nguồn
        candidate = target or (value if _URLISH.fullmatch(value) else None)
        url = url or candidate
        if candidate is None and key == "nguồn":
            author = author or value
    return title, published, author, url

