"""Parse an official text's own header, bases, links, signer and outline.

An instrument held as a file (decree, decision, plan, directive, conclusion) is the most reliable
source the graph can have about itself: its header states the issuing body, number, place and
date; its "Căn cứ" lines name its legal bases; its articles say what it repeals, replaces or
amends and when it takes effect; its signature block names who signed and for whom.  The layout
is fixed (State texts: Nghị định 30/2020/NĐ-CP; Party texts: Hướng dẫn 36-HD/VPTW), so this
module reads it by position and cue words rather than by guessing from prose.

Cue words, signer prefixes, kinds by heading and body names live in
``data/lexicons/official.toml`` so a domain expert can correct them without touching code.

Entry points: ``is_official_text``, ``parse_official``, ``official_to_extraction``.
"""

from __future__ import annotations

import bisect
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from loaders.lexicon import expand_abbreviations, get_lexicon
from loaders.model import Agency, Event, Evidence, Extraction, Instrument, Person, Position, Relation, SourceText
from loaders.numbers import normalize_number
from loaders.registry import body_entries, law_titles
from loaders.vntext import old_tones

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "official.toml"


# --------------------------------------------------------------------------- data


@dataclass
class Citation:
    """An instrument named in the text (a basis, a link target, an attached text)."""

    key: str
    number: str | None
    name: str | None
    kind: str
    issued: str | None = None
    issuer: str | None = None
    subject: str | None = None
    evidence: Evidence | None = None


@dataclass
class Link:
    """A relation from this text to another instrument, with the article that states it."""

    type: str
    target: Citation
    article: str | None
    evidence: Evidence


@dataclass
class StatedLink:
    """A relation the text states between two instruments it cites ("Nghị định số 29/2025/NĐ-CP
    ... được sửa đổi, bổ sung bởi Nghị định số 166/2025/NĐ-CP": 166 amends 29)."""

    type: str
    source: Citation
    target: Citation
    article: str | None
    evidence: Evidence


@dataclass
class Signer:
    """The signature block: who signed, in which post, for whom, and how (TM./KT./...)."""

    name: str | None
    post: str | None
    on_behalf: str | None
    for_post: str | None
    modes: list[str]
    lines: list[str]
    evidence: Evidence | None = None


@dataclass
class OutlineNode:
    """One Phần/Chương/Mục/Điều/khoản/điểm (or roman heading / numbered item) with its span."""

    level: str
    label: str
    title: str | None
    path: str
    part_of: str
    start: int
    end: int


@dataclass
class OfficialText:
    """Everything parsed from one official text; the main instrument is authoritative."""

    source_id: str
    key: str
    number: str | None
    kind: str
    kind_heading: str | None
    title: str | None
    issuer: str | None
    issuer_parent: str | None
    header_body: str | None
    authority: str | None
    party: bool
    place: str | None
    issued: str | None
    bases: list[Citation] = field(default_factory=list)
    proposer: str | None = None
    proposer_body: str | None = None
    links: list[Link] = field(default_factory=list)
    stated: list[StatedLink] = field(default_factory=list)
    effective: str | None = None
    effective_text: str | None = None
    attached: list[Citation] = field(default_factory=list)
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)
    outline: list[OutlineNode] = field(default_factory=list)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    authoritative: bool = True
    db_record: dict[str, str] = field(default_factory=dict)   # a legal database's table, as printed
    # (field, the table's value, the text's value) where the two disagree
    db_disagreements: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class OfficialInstrument(Instrument):
    """An Instrument with what only the text itself can say; ``authoritative`` marks the text's own."""

    authoritative: bool = False
    effective: str | None = None
    place: str | None = None
    signer: str | None = None


@dataclass
class OfficialExtraction(Extraction):
    """An Extraction that also carries the parsed OfficialText (signer, bases, outline ...)."""

    official: OfficialText | None = None
    authoritative: bool = True


# --------------------------------------------------------------------------- lexicon


def _fold(s: str) -> str:
    """Compare form: NFC, one tone-mark placement (hòa = hoà), case-folded, spaces collapsed."""
    s = unicodedata.normalize("NFC", s).casefold()
    s = _TONE_RE.sub(lambda m: _TONE_MAP[m.group(0)], s)
    return " ".join(s.split())


_TONE_MAP = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
# only at the end of a syllable: "hoạch" keeps its mark where it is
_TONE_RE = re.compile("(?:" + "|".join(_TONE_MAP) + r")(?![a-zà-ỹđ])")


@dataclass(frozen=True)
class _Lex:
    raw: dict[str, Any]
    kinds: dict[str, str]
    cites: list[tuple[str, str]]
    type_codes: dict[str, str]
    bodies: dict[str, str]
    posts: list[str]
    prefixes: list[tuple[str, str]]
    cite_re: re.Pattern[str]


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> _Lex:
    """Read official.toml once; build the folded lookup tables the parser needs."""
    with open(path or LEXICON_PATH, "rb") as fh:
        raw = tomllib.load(fh)
    raw["cues"].update(raw["cues"].get("more", {}))
    kinds = {_fold(k): v for k, v in raw["kinds"].items()}
    cites = sorted(raw["cites"].items(), key=lambda kv: -len(kv[0]))
    bodies = {_fold(k): v for k, v in raw["bodies"].items()}
    posts = sorted(raw["posts"]["names"], key=len, reverse=True)
    prefixes = sorted(raw["signer"]["prefixes"].items(), key=lambda kv: -len(kv[0]))
    words = "|".join(re.escape(w) for w, _ in cites)
    cite_re = re.compile(rf"(?<![\wÀ-ỹ])(?:{words})(?![\wÀ-ỹ])", re.IGNORECASE)
    return _Lex(raw, kinds, cites, dict(raw["type_codes"]), bodies, posts, prefixes, cite_re)


# --------------------------------------------------------------------------- lines


@dataclass
class _Line:
    text: str
    start: int
    end: int
    offsets: list[int] | None = field(default=None, repr=False, compare=False)  # see _map_offset


_SEP_RE = re.compile(r"^[\s_\-–—=*.·•|]+$")
_NEW_UNIT_RE = re.compile(
    r"^(?:Điều\s+\d|Chương\s+[IVXLC\d]|Mục\s+[IVXLC\d]|Phần\s+|\d{1,2}\.\s|\d{1,2}\.\d|[a-zđ]\)\s|"
    r"[IVXLC]+\.\s|[-+•*]\s|Căn cứ|Theo đề nghị|Xét đề nghị|Thực hiện|Nơi nhận|Số\s*:|\[|\(|"
    r"TM\.|T/M|KT\.|K/T|Q\.|TL\.|TUQ\.|T\.M\.)"
)


def _upperish(s: str) -> bool:
    """No lower-case letter (Vietnamese capitals interleave with small letters in Unicode ranges)."""
    return not any(ch.islower() for ch in s)


def _is_sep(s: str) -> bool:
    return bool(_SEP_RE.match(s))


def _is_name(s: str) -> bool:
    """A personal name: two to five words, each a capital followed by small letters."""
    words = s.strip().split()
    return 2 <= len(words) <= 5 and all(
        w[0].isupper() and w.isalpha() and (len(w) == 1 or w[1:].islower()) for w in words
    )


@lru_cache(maxsize=1)
def _mottos() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The state's and the Party's mottos, folded (read for every line of a text)."""
    header = load_lexicon().raw["header"]
    return tuple(_fold(m) for m in header["motto"]), tuple(_fold(m) for m in header["party_motto"])


@lru_cache(maxsize=1)
def _wrapped_starts() -> frozenset[str]:
    """Folded word-starts of upper-case names (bodies, posts) that are not whole names themselves:
    a header or signature line ending on one ("ỦY BAN NHÂN") was wrapped by the copy."""
    lex = load_lexicon()
    names = {*lex.bodies, *(_fold(p) for p in lex.posts), *(_fold(n) for n in lex.raw["header"]["wrapped_names"])}
    starts = {" ".join(n.split()[:k]) for n in names for k in range(1, len(n.split()))}
    return frozenset(starts - names)


def _wrapped(prev: str) -> bool:
    """Whether an upper-case line stops inside a name (after its signer prefix: "TM. ỦY BAN")."""
    f = _fold(prev)
    for prefix, _ in load_lexicon().prefixes:
        if f.startswith(_fold(prefix)):
            f = f[len(prefix) :].strip()
            break
    return f in _wrapped_starts()


# A line ending inside a provision reference ("Căn cứ khoản 25" / "Điều 5 Luật ..."): the next line
# goes on with it even when it opens like an article.
_PROVISION_OPEN = re.compile(r"(?:\b(?:khoản|điểm|tại|của|theo|và)(?:\s+[\w.]+)?|Căn cứ)$")


def unwrap_prose(lines: list[str]) -> list[str]:
    """Physical lines a copy wrapped at a fixed width ("Căn cứ Nghị định số" / "118/2025/NĐ-CP
    ngày ..."), joined back into paragraphs; upper-case lines (header, title, signature) and empty
    lines stay as they are, so each parser still sees the layout.  Same rule as the joins of
    ``_logical_lines``, for texts read as a whole (a legal database's page)."""
    lex = load_lexicon()
    skip = {_fold(s) for s in lex.raw["signer"]["skip"]["lines"]}
    out: list[str] = []
    for raw in lines:
        s = raw.strip()
        upper = _upperish(s) and not re.match(r"^[\d(]", s)    # "90/2025/QH15;" goes on the line above
        if out and s and out[-1] and _opens(out[-1]) and not upper \
                and (not _NEW_UNIT_RE.match(s) or _PROVISION_OPEN.search(out[-1])) \
                and not _is_sep(s) and _fold(s) not in skip and not _is_name(s):
            out[-1] = f"{out[-1]} {s}"
            continue
        out.append(s)
    return out


def _logical_lines(text: str) -> list[_Line]:
    """Join the physical lines a PDF wraps back into paragraphs, keeping source offsets.

    A line continues the one above when that one has no closing punctuation, is not a heading
    or an upper-case line, and this one does not open a new unit (article, clause, item, cue).
    """
    lex = load_lexicon()
    skip = {_fold(s) for s in lex.raw["signer"]["skip"]["lines"]}
    out: list[_Line] = []
    pos = 0
    prev_open = prev_blank = False
    upper = False   # out[-1] has no lower-case letter (lines joined to it share its case)
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        s = raw.strip()
        if not s:
            prev_open, prev_blank = False, True
            continue
        lead = start + (len(raw) - len(raw.lstrip()))
        s_upper = _upperish(s)
        if out and not prev_blank and s_upper and upper and _wrapped(out[-1].text):
            out[-1] = _Line(f"{out[-1].text} {s}", out[-1].start, start + len(raw.rstrip()))
            continue
        prev_blank = False
        if out and prev_open:
            p = out[-1].text
            joins = (
                (not _NEW_UNIT_RE.match(s) or bool(_PROVISION_OPEN.search(p[-200:])))
                and not _is_sep(s)
                and _fold(s) not in skip
                and upper == s_upper
                and not (_is_name(s) and len(s.split()) <= 5 and upper)
            )
            if joins:
                out[-1] = _Line(f"{p} {s}", out[-1].start, start + len(raw.rstrip()))
                prev_open = _opens(out[-1].text, upper)
                continue
        out.append(_Line(s, lead, start + len(raw.rstrip())))
        upper = s_upper
        prev_open = _opens(s, s_upper) and not _is_sep(s) and _fold(s) not in skip
    return out


_HEADING_RE = re.compile(r"^(?:Điều\s+\d+[a-z]?\s*[.:]|Chương\s+[IVXLC\d]+|Mục\s+[IVXLC\d]+|Phần\s+\S+)")


def _opens(s: str, upper: bool | None = None) -> bool:
    """Whether a line may be continued by the next physical line.

    Only the line's start, end and case matter, so a long joined paragraph costs no more than
    a short one (``upper``: its case, when the caller knows it)."""
    if s.endswith((".", ";", ":", "!", "?", "./.", ")")):
        return False
    f = _fold(s[:120])
    if any(f.startswith(m) for mottos in _mottos() for m in mottos):
        return False
    if _place_date(s) or re.match(r"^Số\s*:?\s*\d", s):
        return False
    if _HEADING_RE.match(s) and len(s) < 60:
        return False  # a bare heading; an article line holding its text may wrap
    # headers, headings, signer lines: upper-case wraps are joined by their own parsers
    return not (_upperish(s) if upper is None else upper)


def _ev(src: str, line: _Line, a: int = 0, b: int | None = None) -> Evidence:
    """Evidence for a part of a logical line, offsets mapped back into the source text."""
    text = line.text[a:b]
    start = _map_offset(src, line, a)
    end = _map_offset(src, line, len(line.text) if b is None else b)
    return Evidence(start=start, end=max(start, end), text=text.strip())


def _map_offset(src: str, line: _Line, k: int) -> int:
    """Offset in the source of character k of a logical line (joined with single spaces).

    The table of every character's offset is built once per line: a preamble joined from a
    thousand physical lines is asked for many offsets, and walking it each time is quadratic."""
    if line.offsets is None:
        offs: list[int] = []
        i, j, n = line.start, 0, len(line.text)
        while j < n and i < line.end:
            offs.append(i)
            if line.text[j] == " " and src[i] in " \n\t":
                while i < line.end and src[i] in " \n\t":
                    i += 1
            else:
                i += 1
            j += 1
        offs.append(i)
        line.offsets = offs
    offs = line.offsets
    return offs[k] if k < len(offs) else offs[-1]


# --------------------------------------------------------------------------- names


def canon_body(text: str) -> str:
    """Upper-case header text -> canonical body name (lexicon first, then a casing rule)."""
    lex = load_lexicon()
    t = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;:.")
    if _fold(t) in lex.bodies:
        return lex.bodies[_fold(t)]
    if not _upperish(t):
        return t
    rule = lex.raw["bodies_rule"]
    words = t.lower().split()
    if not words:
        return t
    words[0] = words[0][:1].upper() + words[0][1:]
    caps_next = {_fold(w) for w in rule["capitalise_next"]}
    places = {_fold(w) for w in rule["place_designators"]}
    i = 0
    while i < len(words):
        two = _fold(" ".join(words[i : i + 2]))
        one = _fold(words[i])
        if two in places or one in places:
            n = 2 if two in places else 1
            for j in range(i + n, len(words)):
                words[j] = words[j][:1].upper() + words[j][1:]
            break
        if i == 0 and two in caps_next and i + 2 < len(words):
            words[i + 2] = words[i + 2][:1].upper() + words[i + 2][1:]
        elif i == 0 and one in caps_next and i + 1 < len(words):
            words[i + 1] = words[i + 1][:1].upper() + words[i + 1][1:]
        i += 1
    return " ".join(words)


def canon_post(text: str) -> str:
    """Upper-case post ("PHÓ CHỦ TỊCH") -> its usual writing ("Phó Chủ tịch")."""
    lex = load_lexicon()
    t = re.sub(r",(?=\S)", ", ", " ".join(text.split())).strip(" ,;:.")
    for p in lex.posts:
        if _fold(p) == _fold(t):
            return p
    for p in lex.posts:
        if _fold(t).startswith(_fold(p) + " "):
            return f"{p} {canon_body(t[len(p) :].strip())}"
    return t if not _upperish(t) else t[:1] + t[1:].lower()


def _starts_post(line: str) -> bool:
    """Whether an upper-case signature line opens a post ("PHÓ THỦ TƯỚNG") rather than going on
    with the one above."""
    f = _fold(line)
    return any(f == _fold(p) or f.startswith(_fold(p) + " ") for p in load_lexicon().posts) or f.startswith("phó ")


def post_and_unit(post: str) -> tuple[str, str | None]:
    """A signer's post split into the post and the unit it names: "Trưởng ban Nghiệp vụ thuế" ->
    ("Trưởng ban", "Ban Nghiệp vụ thuế"); "Vụ trưởng Vụ Pháp chế" -> ("Vụ trưởng", "Vụ Pháp
    chế"); a bare post ("Phó Chủ tịch") -> (post, None)."""
    lex = load_lexicon()
    f = _fold(post)
    heads = lex.raw["posts"]["unit_heads"]
    for p in lex.posts:
        if not f.startswith(_fold(p) + " "):
            continue
        rest = post[len(p) :].strip()
        head = heads.get(p)
        if head:
            unit = rest if _fold(rest).startswith(_fold(head) + " ") else f"{head} {rest}"
            return p, unit[:1].upper() + unit[1:]
        if rest[:1].isupper() and p not in lex.raw["posts"]["keep_as_body"]:
            return p, rest
        return post, None
    return post, None


def body_of(phrase: str) -> str:
    """ "Bộ trưởng Bộ Nội vụ" -> "Bộ Nội vụ"; "Thủ tướng Chính phủ" stays; expands UBND/HĐND."""
    lex = load_lexicon()
    p = " ".join(phrase.split()).strip(" ,;:.")
    for short, full in lex.raw["bodies_rule"]["short"].items():
        p = re.sub(rf"(?<![\wÀ-ỹ]){re.escape(short)}(?![\wÀ-ỹ])", full, p)
    p = re.sub(r"\s+(?:khóa|khoá)\s+[IVXLC]+$", "", p)
    for keep in lex.raw["posts"]["keep_as_body"]:
        if _fold(p).startswith(_fold(keep)):
            return canon_body(p) if _upperish(p) else p
    for post in lex.posts:
        if _fold(p).startswith(_fold(post) + " "):
            rest = p[len(post) :].strip()
            if rest and rest[0].isupper():
                return canon_body(rest) if _upperish(rest) else rest
    return canon_body(p) if _upperish(p) else p


# --------------------------------------------------------------------------- numbers, dates, citations

_NUM_RE = re.compile(
    r"(?P<num>\d{1,5}[a-zđ]?(?:\s*[-–—]\s*[A-ZĐ][A-Za-zĐđ]*\s*/\s*[A-ZĐ][A-Za-zĐđ0-9]*"
    r"(?:\s*[-–]\s*[A-ZĐ][A-Za-zĐđ0-9]*)*"
    r"|(?:\s*/\s*\d{4})?\s*/\s*[A-ZĐ][A-Za-zĐđ0-9]*(?:\s*[-–]\s*[A-ZĐ][A-Za-zĐđ0-9]*)*))"
)
_DATE_WORDS_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_DATE_NUM_RE = re.compile(r"ngày\s+(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})", re.IGNORECASE)
_YEAR_RE = re.compile(r"năm\s+(\d{4})\b", re.IGNORECASE)
_PLACE_DATE_RE = re.compile(
    r"^(?P<place>[A-ZÀ-ỸĐ][^,\d]{1,40}?),?\s*ngày\s+(?P<d>\d{1,2})\s*(?:tháng\s*|[/\-.]\s*)(?P<m>\d{1,2})"
    r"\s*(?:năm\s*|[/\-.]\s*)(?P<y>\d{4})",
    re.IGNORECASE,
)
def _place_date(s: str) -> re.Match[str] | None:
    """The "Hà Nội, ngày 20 tháng 11 năm 2025" line of a header: a place of capitalised words
    before the date, so that a body sentence ("Thông tư này có hiệu lực từ ngày ...") is not one."""
    m = _PLACE_DATE_RE.match(s[:120])
    if not m:
        return None
    words = [w for w in re.split(r"[\s\-–]+", m.group("place").strip()) if w]
    small = load_lexicon().raw["header"]["place_small_words"]
    if not words or len(words) > 6 or any(not w[0].isupper() and w.lower() not in small for w in words):
        return None
    return m


def norm_number(num: str) -> str:
    """Number as a key: no spaces, one kind of dash."""
    return re.sub(r"\s+", "", num).replace("–", "-").replace("—", "-")


def _iso(d: str, m: str, y: str) -> str | None:
    di, mi, yi = int(d), int(m), int(y)
    if 1 <= di <= 31 and 1 <= mi <= 12 and 1900 <= yi <= 2100:
        return f"{yi:04d}-{mi:02d}-{di:02d}"
    return None


def _date_at(s: str) -> tuple[str | None, int]:
    """A date at the start of s ("ngày 19 tháng 6 năm 2015", ", ngày 14-5-2011", "năm 2017")."""
    m = re.match(r"^\s*,?\s*(?:ban hành\s+)?", s)
    k = m.end() if m else 0
    for rx in (_DATE_WORDS_RE, _DATE_NUM_RE):
        dm = rx.match(s, k)
        if dm:
            return _iso(dm.group(1), dm.group(2), dm.group(3)), dm.end()
    ym = _YEAR_RE.match(s, k)
    if ym:
        return ym.group(1), ym.end()
    return None, 0


@lru_cache(maxsize=1)
def _posts_alternation() -> str:
    return "|".join(re.escape(p) for p in load_lexicon().posts)


@lru_cache(maxsize=1)
def _joined_bodies() -> tuple[str, ...]:
    """Folded names of known bodies holding "và" or a comma ("Bộ Giáo dục và Đào tạo", "Bộ Văn
    hóa, Thể thao và Du lịch"): an issuer is not cut inside them."""
    names = {_fold(n) for b in body_entries() for n in [b["name"], *b.get("aliases", [])] if " và " in n or "," in n}
    return tuple(sorted(names, key=len, reverse=True))


def _known_body_end(tail: str, at: int) -> int:
    """End of a known body with "và" or a comma starting at ``at`` (after a post: "Bộ trưởng Bộ
    Khoa học và Công nghệ"), or 0."""
    starts = [at]
    if m := re.match(rf"(?:{_posts_alternation()})\s+", tail[at:]):
        starts.append(at + m.end())
    for a in starts:
        head = _fold(tail[a : a + 80])
        for name in _joined_bodies():
            if head.startswith(name) and not head[len(name) : len(name) + 1].isalnum():
                return a + len(name)
    return 0


def _national_body_end(tail: str, at: int) -> int:
    """End of the longest national body printed at ``at`` or after a post there ("Bộ trưởng Bộ
    Ngoại giao hướng dẫn ..."), or 0: a subject word inside its name ("giao") does not cut it."""
    starts = [at]
    if m := re.match(rf"(?:{_posts_alternation()})\s+", tail[at:]):
        starts.append(at + m.end())
    by_first = _national_names_by_first_word()
    for a in starts:
        for folded in by_first.get(_fold(tail[a:].split(" ", 1)[0]), ()):
            end = a + len(folded)   # folding keeps the length of a name printed with single spaces
            if _fold(tail[a:end]) == folded and not tail[end : end + 1].isalnum():
                return end
    return 0


@lru_cache(maxsize=1)
def _national_names_by_first_word() -> dict[str, tuple[str, ...]]:
    """The folded names of ``_national_bodies`` by their first word, longest first."""
    out: dict[str, list[str]] = {}
    for folded in _national_bodies():
        out.setdefault(folded.split(" ", 1)[0], []).append(folded)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _kind_from_number(num: str) -> str | None:
    lex = load_lexicon()
    n = norm_number(num)
    m = re.match(r"^\d+[a-zđ]?-(?P<code>[A-Za-zĐđ]+)/", n)  # Party: 05-CT/TW
    if not m:
        m = re.match(r"^\d+[a-zđ]?(?:/\d{4})?/(?P<code>[A-Za-zĐđ]+)-", n)  # State: 30/2020/NĐ-CP
    if m:
        return lex.type_codes.get(m.group("code"))
    if re.match(r"^\d+/\d{4}/(?:QH|UBTVQH)\d*$", n):
        return "law" if "UBTV" not in n else "ordinance"
    return None


_LOCAL_COUNCIL_RE = re.compile(r"(?:Ủy ban nhân dân|Hội đồng nhân dân|UBND|HĐND)\s+(?:tỉnh|thành phố)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)+")


@lru_cache(maxsize=1)
def _subject_word_re() -> re.Pattern[str]:
    """A space before a subject-start word (official.toml subject_starts), any case."""
    words = "|".join(re.escape(w) for w in load_lexicon().raw["cues"]["more"]["subject_starts"])
    return re.compile(rf"\s(?=(?:{words})(?![\wÀ-ỹ]))", re.IGNORECASE)


def _capital_subject_at(issuer: str) -> int:
    """Where a subject printed with a capital runs on from a known body ("Chính phủ Quy định chi
    tiết ...", "Ủy ban nhân dân thành phố Đà Nẵng Sửa đổi ..."), or len(issuer).  Only after a whole
    known body: "Giao" in "Bộ Giao thông vận tải" starts no subject."""
    for m in _subject_word_re().finditer(issuer):
        before = issuer[: m.start()].strip()
        if issuer[m.end()].isupper() and (_fold(before) in _national_bodies() or _LOCAL_COUNCIL_RE.fullmatch(before)):
            return m.start()
    return len(issuer)


def _subject_start(s: str) -> int:
    """Where the subject of a citation begins in s (after its issuer), or len(s)."""
    lex = load_lexicon()
    best = len(s)
    for w in lex.raw["cues"]["more"]["subject_starts"]:
        m = re.search(rf"(?<![\wÀ-ỹ]){re.escape(w)}(?![\wÀ-ỹ])", s)
        if m and m.start() < best and m.start() > 0:
            best = m.start()
    return best


# an amending law's name: "Luật sửa đổi, bổ sung một số điều của <title> (và <title>)"
_AMENDING_LAW_RE = re.compile(r"Luật\s+sửa\s+đổi,?\s+bổ\s+sung(?:\s+một\s+số\s+điều)?(?:\s+của)?\s+", re.IGNORECASE)


_TITLE_LIST_RE = re.compile(r",?\s+và\s+|,\s*")   # between the titles an amending law names


def _title_at(seg: str, at: int) -> int | None:
    """The end of the longest law title of the registry (data/registry/laws.toml) printed at ``at``."""
    key = " ".join(_fold(seg[at : at + 40]).split()[:2])
    for t, folded in _titles_by_two_words().get(key, ()):
        end = at + len(t)
        if _fold(seg[at:end]) == folded and not (end < len(seg) and (seg[end].isalnum())):
            return end
    return None


@lru_cache(maxsize=1)
def _titles_by_two_words() -> dict[str, tuple[tuple[str, str], ...]]:
    """The registry's law titles by their first two folded words, longest first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for t in sorted(law_titles(), key=len, reverse=True):
        out.setdefault(" ".join(_fold(t).split()[:2]), []).append((t, _fold(t)))
    return {k: tuple(v) for k, v in out.items()}


def _law_titles(seg: str) -> tuple[bool, list[tuple[int, int]]]:
    """The registry titles (data/registry/laws.toml) a law's name printed at the start of seg is
    read by: one title ("Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt
    Nam", past its "của"), or for an amending law every title it amends ("Luật sửa đổi, bổ sung một
    số điều của Luật Chứng khoán, Luật Kế toán, ... và Luật Quản lý thuế"); (amending?, spans)."""
    amending = _AMENDING_LAW_RE.match(seg)
    spans: list[tuple[int, int]] = []
    at = amending.end() if amending else 0
    while (end := _title_at(seg, at)) is not None:
        spans.append((at, end))
        more = _TITLE_LIST_RE.match(seg, end) if amending else None
        if not more:
            break
        at = more.end()
    return amending is not None, spans


def _law_name_end(seg: str) -> int | None:
    """Where a law's name printed at the start of seg ends, read whole by the registry's titles."""
    spans = _law_titles(seg)[1]
    return spans[-1][1] if spans else None


def _amended_by_name(cit: Citation) -> list[Citation]:
    """The laws an amending law's name says it amends: registry titles only."""
    name = cit.name or ""
    amending, spans = _law_titles(name)
    if cit.kind != "law" or not amending:
        return []
    return [Citation(key=name[a:b], number=None, name=name[a:b], kind="law", issuer=cit.issuer, evidence=cit.evidence)
            for a, b in spans]


def parse_citation(seg: str) -> tuple[Citation, int] | None:
    """Parse one citation at the start of seg; return it and where its head (number/name/date/issuer) ends."""
    lex = load_lexicon()
    m = lex.cite_re.match(seg)
    if not m:
        return None
    word = m.group(0)
    kind = next(v for k, v in lex.cites if _fold(k) == _fold(word))
    rest = seg[m.end() :]
    number = None
    name = None
    k = m.end()
    nm = re.match(r"^\s*(?:số\s*:?\s*)?", rest, re.IGNORECASE)
    after = rest[nm.end() :] if nm else rest
    num_m = _NUM_RE.match(after)
    if num_m and (nm and "số" in nm.group(0).lower() or "/" in num_m.group("num")):
        number = " ".join(num_m.group("num").split())
        k = m.end() + (nm.end() if nm else 0) + num_m.end()
    else:
        cw = lex.cite_re.pattern
        stop = re.search(
            rf"\s(?:ngày|năm\s+\d{{4}}|số\s*:?\s*\d|do\b|được\b|đã\b)|[;:(]|\.(?:\s|$)|,\s+(?={cw})"
            rf"|\s+của\s+(?!{cw})|$",
            rest,
        )
        stop_at = stop.start() if stop else len(rest)
        if kind in ("law", "ordinance") and (whole := _law_name_end(seg)) is not None and whole - m.end() > stop_at:
            stop_at = whole - m.end()   # a registry title the stop words would cut
        name = (word + rest[:stop_at]).strip()
        k = m.end() + stop_at
        # "Luật Lưu trữ số 01/2011/QH13": a named law with its number
        tail = seg[k:]
        nm2 = re.match(r"^\s*số\s*:?\s*", tail, re.IGNORECASE)
        if nm2:
            num2 = _NUM_RE.match(tail, nm2.end())
            if num2:
                number = " ".join(num2.group("num").split())
                k += num2.end()
    issued, dk = _date_at(seg[k:])
    k += dk
    if name and issued and len(issued) == 4 and kind == "constitution":
        name = f"{name} năm {issued}"
    issuer = None
    im = re.match(r"^\s*,?\s*(?:của|do)\s+", seg[k:])
    if im:
        tail = seg[k + im.end() :]
        cut = _subject_start(tail)
        # "của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ": a post the holder doubles with another
        doubled = re.match(rf"^(?:(?:{_posts_alternation()})\s*,\s*)+", tail)
        skip = doubled.end() if doubled else 0
        semi = re.search(r"[;,(]|\s+(?:và|được|đã|nay)\s+", tail[skip:])
        if semi and skip + semi.start() < cut:
            cut = skip + semi.start()
        cut = max(cut, _known_body_end(tail, skip), _national_body_end(tail, skip))
        raw_issuer = tail[skip:cut].strip(" ,;.")
        raw_issuer = raw_issuer[: _capital_subject_at(raw_issuer)].strip(" ,;.")
        if raw_issuer and len(raw_issuer.split()) <= 12:
            issuer = body_of(raw_issuer)
            k += im.end() + cut
    subject = seg[k:].strip(" ,;.") or None
    if number:
        coded = _kind_from_number(number)
        if coded and not (coded in ("law", "ordinance") and kind == "resolution") and not (
                kind == "other" and not re.search(r"/\d{4}/", number)):
            # "Nghị quyết số 197/2025/QH15" is the Assembly's resolution; "công văn số 5106/CT-CS"
            # a letter of Cục Thuế, its code the issuer's and not Chỉ thị's
            kind = coded
        if kind == "law" and not issued and (year := re.search(r"/(\d{4})/QH\d*$", norm_number(number))):
            issued = year.group(1)      # "Luật ... số 72/2025/QH15": the law of 2025
        if name and _fold(name) == _fold(word):
            name = None
    if issuer is None:
        issuer = lex.raw["default_issuer"].get(kind)
    key = norm_number(number) if number else (name or word)
    return Citation(key=key, number=number, name=name, kind=kind, issued=issued, issuer=issuer, subject=subject), k


# a kind word in lower case is a verb ("quy định chi tiết") unless a number follows it: "số 12/...",
# or the number itself ("bãi bỏ quyết định 12/2020/QĐ-UBND", "quy định 08-QĐ/TW")
_NUMBERED_AFTER = re.compile(r"\s+(?:số\s*:?\s*\d|\d{1,5}[a-zđ]?(?:\s*/\s*\d{4})?\s*[/-]\s*[A-ZĐ])")


def _self_ref(seg: str) -> bool:
    """ "Nghị định này", "Quyết định này": the text itself, not another instrument."""
    return bool(re.match(r"^[\wÀ-ỹ]+(?:\s+[\wÀ-ỹ]+)?\s+này\b", seg))


# How far a citation's head, issuer and subject are read past its kind word: a sentence of a
# thousand citations is not re-read to its end for each of them.
_CITATION_WINDOW = 800


def find_citations(s: str) -> list[tuple[int, int, Citation, bool]]:
    """All citations in a sentence: (start, head end, citation, nested?).

    A citation is nested when it only describes the one before it ("... sửa đổi, bổ sung một số
    điều của Nghị định số ..."): the gap between them ends with a nesting word.
    """
    lex = load_lexicon()
    nesting = sorted(lex.raw["cues"]["more"]["nesting"], key=len, reverse=True)
    out: list[tuple[int, int, Citation, bool]] = []
    prev_end = 0
    for m in lex.cite_re.finditer(s):
        if out and m.start() < out[-1][1]:
            continue
        seg = s[m.start() : m.start() + _CITATION_WINDOW]
        if _self_ref(seg):
            continue
        if m.group(0)[0].islower() and not _NUMBERED_AFTER.match(s, m.end()):
            continue  # "quy định chi tiết", "hướng dẫn thi hành": a verb, not an instrument's kind
        parsed = parse_citation(seg)
        if not parsed:
            continue
        cit, head = parsed
        if not cit.number and not cit.issued:
            continue  # a bare word ("quy định", "kế hoạch") is not a citation
        gap = _fold(s[prev_end : m.start()])
        nested = bool(out) and any(gap.endswith(_fold(w)) for w in nesting)
        out.append((m.start(), m.start() + head, cit, nested))
        prev_end = m.start() + head
    cues = [c["cue"] for c in lex.raw["cues"]["links"]] + ["có hiệu lực"]
    for k, (_, head, cit, _) in enumerate(out):
        stop = out[k + 1][0] if k + 1 < len(out) else len(s)
        tail = s[head:stop]
        for cue in cues:
            cm = re.search(rf"(?<![\wÀ-ỹ]){re.escape(cue)}(?![\wÀ-ỹ])", tail)
            if cm and k + 1 >= len(out):
                tail = tail[: cm.start()]
        tail = re.sub(r"\s+(?:và|hoặc)\s*$", "", tail.strip(" ,;."))
        if re.match(r"^(?:và|được|đã|nay|hoặc)\s", tail.strip()):
            tail = ""  # what follows the issuer is the sentence going on, not a subject
        cit.subject = tail.strip(" ,;.") or None
    return out


def _split_bases(body: str) -> list[tuple[int, str]]:
    """Split a "Căn cứ" line into one segment per cited instrument, with offsets."""
    lex = load_lexicon()
    parts: list[tuple[int, str]] = []
    pos = 0
    for chunk in re.split(r"(;)", body):
        if chunk == ";":
            pos += 1
            continue
        sub_start = 0
        for m in re.finditer(r"\s+và\s+(?=" + lex.cite_re.pattern[len("(?<![\\wÀ-ỹ])") :] + ")", chunk, re.IGNORECASE):
            before = chunk[sub_start : m.start()]
            last_cua = before.lower().rfind(" của ")
            nested = False
            whole = _law_name_end(chunk[sub_start:].lstrip())
            if whole is not None and whole > len(before.lstrip()):
                continue    # "Luật sửa đổi, bổ sung ... của Luật A và Luật B": one amending law's name
            if last_cua >= 0:
                after_cua = before[last_cua + 5 :]
                if lex.cite_re.match(after_cua) and not (
                    _date_at(after_cua.split(" ", 1)[-1])[0] or re.search(r"\d", after_cua)
                ):
                    nested = True
            if not nested and before.strip():
                parts.append((pos + sub_start, before))
                sub_start = m.end()
        if chunk[sub_start:].strip():
            parts.append((pos + sub_start, chunk[sub_start:]))
        pos += len(chunk)
    return parts


# --------------------------------------------------------------------------- detection


def _header_scan(lines: list[_Line]) -> tuple[int, bool, bool, bool, int]:
    """(kind heading index or -1, motto seen, number seen, place-date seen, party motto seen)."""
    lex = load_lexicon()
    motto, party = _mottos()
    has_motto = has_num = has_date = False
    has_party = 0
    for i, ln in enumerate(lines[:40]):
        f = _fold(ln.text)
        if any(m in f for m in motto):
            has_motto = True
        if any(m in f for m in party):
            has_party = 1
        if re.match(r"^số\s*:?\s*\d", f) or (
                re.fullmatch(r"số\s*:?", f) and i + 1 < len(lines) and lines[i + 1].text[:1].isdigit()):
            has_num = True      # "Số:" / "5664/CT-CS": the copy put the number on the next line
        if _place_date(ln.text):
            has_date = True
        if f in lex.kinds and (has_motto or has_party or has_num or has_date):
            return i, has_motto, has_num, has_date, has_party
    return -1, has_motto, has_num, has_date, has_party


_NUMBER_LINE = re.compile(r"(?m)^\s*(?:SỐ|Số|số|So|so)\s*:?\s*\d")


def _may_be_official(head: str) -> bool:
    """Cheap test first: a header needs a motto, the Party line or a "Số: ..." line, and
    most news articles have none of them (this keeps extraction of news fast)."""
    flat = _fold(head)
    return any(m in flat for mottos in _mottos() for m in mottos) or _NUMBER_LINE.search(head) is not None


def is_official_text(text: str) -> bool:
    """True for an instrument's own text (header with motto/number/date and a kind heading)."""
    if not _may_be_official(text[:3000]):
        return False
    lines = _logical_lines(_split_header_text(text[:6000]))
    idx, motto, num, date, party = _header_scan(lines)
    score = int(motto or bool(party)) + int(num) + int(date) + int(idx >= 0)
    return score >= 3


def _split_header_text(text: str) -> str:
    """Break header lines a copy merged ("BỘ NỘI VỤ | CỘNG HÒA ...") before their cells' parts."""
    lex = load_lexicon()
    marks = list(lex.raw["header"]["motto"]) + list(lex.raw["header"]["party_motto"])
    head, tail = text[:3000], text[3000:]
    head = head.replace("|", "\n")
    for m in marks:
        head = re.sub(rf"(?<=\S)[ \t]+({re.escape(m)})", r"\n\1", head, flags=re.IGNORECASE)
    head = re.sub(r"(?<=\S)[ \t]+(Số\s*:?\s*\d)", r"\n\1", head)
    head = re.sub(r"([_*\-]{3,})[ \t]+(?=\S)", r"\1\n", head)
    return head + tail


# --------------------------------------------------------------------------- parsing


def parse_official(source: SourceText) -> OfficialText:
    """Parse a SourceText holding an official text into an OfficialText."""
    lex = load_lexicon()
    text = source.text
    lines = _logical_lines(text)
    kidx, _, _, _, _ = _header_scan(lines)
    ot = OfficialText(
        source_id=source.source_id,
        key="",
        number=None,
        kind="other",
        kind_heading=None,
        title=None,
        issuer=None,
        issuer_parent=None,
        header_body=None,
        authority=None,
        party=False,
        place=None,
        issued=None,
    )
    if kidx >= 0:
        _parse_header(ot, text, lines[:kidx])
        ot.kind_heading = lines[kidx].text
        ot.kind = lex.kinds.get(_fold(lines[kidx].text), "other")
        ot.evidence["kind"] = _ev(text, lines[kidx])
        i = _parse_title(ot, text, lines, kidx + 1)
    else:
        # a letter or dispatch: no kind heading; its subject ("V/v ...") sits under the number
        i = _letter_header_end(lines)
        _parse_header(ot, text, lines[:i])
        if ot.title is None:
            i = _parse_title(ot, text, lines, i)
    if ot.number:
        code_kind = _kind_from_number(ot.number)
        if code_kind and code_kind != ot.kind and ot.kind != "other":
            ot.warnings.append(f"heading says {ot.kind}, number code says {code_kind}")
    ot.key = norm_number(ot.number) if ot.number else (ot.title or source.source_id)
    sign_at, attach_at = _find_tail(lines, i)
    body_end = sign_at if sign_at >= 0 else (attach_at if attach_at >= 0 else len(lines))
    i = _parse_preamble(ot, text, lines, i, body_end)
    _parse_body(ot, text, lines, i, body_end)
    if sign_at >= 0:
        _parse_signature(ot, text, lines, sign_at, attach_at if attach_at >= 0 else len(lines))
    if ot.party:
        _resolve_party_issuer(ot)
    _outline(ot, text, lines, i, body_end, ot.key)
    if attach_at >= 0:
        _parse_attached_section(ot, text, lines, attach_at)
    for ln in lines[body_end:]:    # an annex's "Căn cứ pháp lý" column states links between acts too
        if found := _passive_links(ln.text):
            _add_stated(ot, found, None, Evidence(ln.start, ln.end, ln.text))
    _finish_effective(ot)
    _complete_local_issuers(ot)
    if source.db_record:
        _apply_db_record(ot, dict(source.db_record))
    return ot


def _complete_local_issuers(ot: OfficialText) -> None:
    """A cited decision of "Ủy ban nhân dân tỉnh" with no name, or numbered "-UBND" with no issuer,
    in a province's own text, is that province's: "Quyết định số 1740/QĐ-UBND ... của Chủ tịch
    UBND tỉnh" in a decision of Ủy ban nhân dân tỉnh Hà Tĩnh."""
    own = ot.issuer or ""
    place = re.match(r"^((?:Ủy ban nhân dân|Hội đồng nhân dân) (?:tỉnh|thành phố))\s+\S", own)
    if not place:
        return
    head = _fold(place.group(1))
    for c in [*ot.bases, *(lk.target for lk in ot.links), *ot.attached,
              *(x for st in ot.stated for x in (st.source, st.target))]:
        code = re.search(r"-(UBND|HĐND)\b", c.number or "")
        if (c.issuer and _fold(c.issuer) == head) or (
                c.issuer is None and code and _fold(load_lexicon().raw["bodies_rule"]["short"][code.group(1)]) in head):
            c.issuer = own


def _apply_db_record(ot: OfficialText, record: dict[str, str]) -> None:
    """A legal database's table fills what the text's own header does not give (a page the site
    printed without its header, a letter without a kind heading); where both give a value and
    they disagree, the text's own value stays and the disagreement is kept as a warning."""
    lex = load_lexicon()
    ot.db_record = record
    number = record.get("number")
    if number and not ot.number:
        ot.number = number
        ot.key = norm_number(number)
    elif number and ot.number and norm_number(number) != norm_number(ot.number):
        _disagree(ot, "number", number, ot.number)
    kind = lex.kinds.get(_fold(record.get("kind", "")))
    if kind and ot.kind_heading is None:
        ot.kind = kind
    elif kind and kind != ot.kind:
        _disagree(ot, "kind", record["kind"], ot.kind_heading or ot.kind)
    issued = None
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", record.get("issued", "")):
        issued = _iso(m.group(1), m.group(2), m.group(3))
    if issued and not ot.issued:
        ot.issued = issued
    elif issued and ot.issued != issued:
        _disagree(ot, "issued", issued, ot.issued or "")
    issuer = record.get("issuer")
    if issuer and not ot.issuer:
        ot.issuer = ot.header_body = _issuer_of_label(issuer, ot.number or "")
    elif issuer and ot.issuer and not _same_issuer(_issuer_of_label(issuer, ot.number or ""), ot):
        _disagree(ot, "issuer", issuer, ot.issuer)
    signer = record.get("signer")
    if signer and (ot.signer is None or not ot.signer.name):
        ot.signer = Signer(name=signer, post=ot.signer.post if ot.signer else None, on_behalf=None,
                           for_post=None, modes=[], lines=[])
    elif signer and ot.signer and _fold(signer) != _fold(ot.signer.name or ""):
        _disagree(ot, "signer", signer, ot.signer.name or "")


def _same_issuer(db_issuer: str, ot: OfficialText) -> bool:
    """Whether the table's "Nơi ban hành" is the text's issuer or the body above it: the database
    files a Cục's letter under its ministry ("Bộ Tài chính" for Cục Thuế) or the reverse."""
    f = _fold(db_issuer)
    return any(f == _fold(x) or f in _fold(x) or _fold(x) in f
               for x in (ot.issuer, ot.issuer_parent, ot.header_body) if x)


def _disagree(ot: OfficialText, name: str, db_value: str, text_value: str) -> None:
    ot.db_disagreements.append((name, db_value, text_value))
    ot.warnings.append(f"the database's table gives the {name} {db_value}, the text {text_value}")


def _issuer_of_label(label: str, number: str) -> str:
    """The table's "Nơi ban hành" as a body: a province or city names its People's Committee or
    Council by the number's code ("Tỉnh Bắc Ninh" + QĐ-UBND -> Ủy ban nhân dân tỉnh Bắc Ninh)."""
    place = re.match(r"^(Tỉnh|Thành phố)\s+(\S.*)$", label)
    if not place:
        return label
    for code, head in load_lexicon().raw["bodies_rule"]["short"].items():
        if re.search(rf"-{re.escape(code)}\b", number):
            return f"{head} {place.group(1).lower()} {place.group(2)}"
    return label


def _without_split_motto(header: list[_Line], mottos: list[str]) -> list[_Line]:
    """The header lines without a motto a copy printed over two or three lines ("CỘNG HÒA XÃ
    HỘI" / "CHỦ NGHĨA VIỆT NAM"); its pieces would otherwise read as the issuing body's name."""
    out: list[_Line] = []
    i = 0
    while i < len(header):
        joined = ""
        for j in range(i, min(i + 3, len(header))):
            joined = f"{joined} {_fold(header[j].text)}".strip()
            if j > i and joined in mottos:
                i = j + 1
                break
            if not any(m.startswith(joined) for m in mottos):
                out.append(header[i])
                i += 1
                break
        else:
            out.append(header[i])
            i += 1
    return out


def _letter_header_end(lines: list[_Line]) -> int:
    """Where a text without a kind heading starts: after its place-and-date line, or, when none is
    printed near the top, after its block of upper-case names, number and subject; then after the
    "Kính gửi" lines that address it."""
    k = next((j + 1 for j, ln in enumerate(lines[:40]) if _place_date(ln.text)), None)
    if k is None:
        mottos = _mottos()
        k = 0
        while k < min(len(lines), 40):
            s = lines[k].text
            f = _fold(s[:120])
            if not (_upperish(s) or _is_sep(s) or re.match(r"^(?:Số\s*:?\s*(?:\d|$)|V/v|v/v|V/V)", s)
                    or (k > 0 and re.fullmatch(r"Số\s*:?", lines[k - 1].text) and s[:1].isdigit())
                    or any(f.startswith(m) for ms in mottos for m in ms)):
                break
            k += 1
    if k < len(lines) and re.match(r"^Kính\s+gửi", lines[k].text):
        k += 1
        while k < len(lines) and re.match(r"^[-+•]\s", lines[k].text):
            k += 1
    return k


def _parse_header(ot: OfficialText, text: str, header: list[_Line]) -> None:
    lex = load_lexicon()
    motto, party = (list(m) for m in _mottos())
    conts = [_fold(c) for c in lex.raw["header"]["continuation_prefixes"]]
    names: list[_Line] = []
    pending_number = pending_code = in_subject = False
    for ln in _without_split_motto(header, motto):
        s = ln.text.strip()
        f = _fold(s)
        if _is_sep(s) or not s:
            continue
        if pending_code and ot.number and re.fullmatch(r"[A-ZĐ][A-Za-zĐđ0-9]*(?:[-–][A-ZĐ][A-Za-zĐđ0-9]*)*", s):
            ot.number += s     # "Số: 3783/QĐ-" / "UBND": the copy wrapped the number
            pending_code = False
            continue
        pending_code = False
        if re.match(r"^(?:V/v|v/v|V/V|Về)\b", s) and (ot.number or pending_number):
            in_subject = True  # a letter's subject under its number, until the place and date
            subject = re.sub(r"^(?:V/v|v/v|V/V)\s*", "", s)
            ot.title = f"{ot.title} {subject}" if ot.title else subject
            ot.evidence["title"] = _ev(text, ln)
            continue
        if any(f == m or f.startswith(m) for m in motto):
            continue
        if any(f == p for p in party):
            ot.party = True
            continue
        nm = re.match(r"^Số\s*:?\s*(?P<rest>.*)$", s)
        if nm:
            rest = nm.group("rest").strip()
            num = _NUM_RE.match(rest)
            if num:
                ot.number = " ".join(num.group("num").split())
                ot.evidence["number"] = _ev(text, ln, nm.start("rest"), nm.start("rest") + num.end())
                pending_code = rest[num.end() :].strip() in ("-", "–")
                if pending_code:
                    ot.number += "-"
            else:
                pending_number = True
            continue
        if pending_number:
            num = _NUM_RE.match(s)
            if num:
                ot.number = " ".join(num.group("num").split())
                ot.evidence["number"] = _ev(text, ln, 0, num.end())
                pending_number = False
                continue
        pd = _place_date(s)
        if pd:
            ot.place = pd.group("place").strip()
            ot.issued = _iso(pd.group("d"), pd.group("m"), pd.group("y"))
            ot.evidence["date"] = _ev(text, ln, pd.start(), pd.end())
            in_subject = False
            continue
        if re.match(r"^Kính\s+gửi", s):
            in_subject = False  # the addressees, not the subject
            continue
        if in_subject:
            ot.title = f"{ot.title} {s}"
            continue
        if _upperish(s) and any(c.isalpha() for c in s) and not re.search(r"\d/", s):
            if names and any(f.startswith(c + " ") or f == c for c in conts):
                prev = names[-1]
                names[-1] = _Line(f"{prev.text} {s}", prev.start, ln.end)
            else:
                names.append(ln)
    if names:
        body = names[-1]
        ot.header_body = canon_body(body.text)
        ot.evidence["issuer"] = _ev(text, body)
        if len(names) >= 2:
            ot.issuer_parent = canon_body(names[-2].text)
        elif ot.party:
            ot.issuer_parent = lex.bodies.get(_fold(lex.raw["header"]["party_motto"][0]))
    ot.issuer = ot.header_body


def _parse_title(ot: OfficialText, text: str, lines: list[_Line], i: int) -> int:
    """The trích yếu under the kind heading (and a Party text's "CỦA BỘ CHÍNH TRỊ")."""
    lex = load_lexicon()
    stops = [_fold(c) for c in lex.raw["cues"]["basis"] + lex.raw["cues"]["proposer"] + lex.raw["cues"]["enact"]]
    title: list[_Line] = []
    while i < len(lines):
        s = lines[i].text
        f = _fold(s)
        if _is_sep(s):
            i += 1
            if title:
                break
            continue
        m = re.match(r"^(?:CỦA|của)\s+(?P<b>.+)$", s)
        if not title and m and _upperish(m.group("b")):
            ot.issuer = canon_body(m.group("b"))
            ot.evidence["issuer_heading"] = _ev(text, lines[i])
            i += 1
            continue
        if any(f.startswith(c) for c in stops) or _HEADING_RE.match(s) or re.match(r"^[IVXLC]+\.\s", s):
            break
        open_end = bool(title) and _fold(title[-1].text.split()[-1]) in {
            _fold(w) for w in lex.raw["header"]["open_words"]}
        if title and _upperish(s) and _is_authority(s) and not open_end:
            break
        first_ok = _upperish(s) or re.match(r"^(?:Về|về|V/v|v/v)\b", s)
        if not title and not first_ok:
            break
        if title and not _upperish(s) and not _upperish(title[-1].text):
            break
        if title and not _upperish(s) and _upperish(title[-1].text):
            break
        if s.endswith((";", ":")) and not _upperish(s):
            break
        title.append(lines[i])
        i += 1
    if title:
        ot.title = " ".join(t.text for t in title)
        ot.evidence["title"] = Evidence(title[0].start, title[-1].end, ot.title)
    return i


def _is_authority(s: str) -> bool:
    """An upper-case line naming who enacts: "BỘ TRƯỞNG BỘ NỘI VỤ", "ỦY BAN NHÂN DÂN TỈNH ..."."""
    lex = load_lexicon()
    f = _fold(s)
    if f in lex.bodies:
        return True
    if any(f.startswith(_fold(p) + " ") or f == _fold(p) for p in lex.posts):
        return True
    return bool(re.match(r"^(ủy ban|hội đồng|chính phủ|thủ tướng|bộ |ban (?!hành\b)|chủ tịch)", f))


def _find_tail(lines: list[_Line], i: int) -> tuple[int, int]:
    """Index where the signature block (or Nơi nhận) starts, and where an attached text starts."""
    lex = load_lexicon()
    prefixes = [p for p, _ in lex.prefixes]
    rec = [_fold(r) for r in lex.raw["cues"]["recipients"]]
    sign = -1
    attach = -1
    for j in range(i, len(lines)):
        s = lines[j].text
        f = _fold(s)
        starts_prefix = any(s.startswith(p) and _upperish(s[len(p) :]) for p in prefixes)
        is_rec = any(f.startswith(r) for r in rec)
        post_then_name = (
            _upperish(s)
            and _is_authority(s)
            and len(s) < 60
            and any(_is_name(lines[k].text) for k in range(j + 1, min(j + 4, len(lines))))
        )
        if sign < 0 and (starts_prefix or is_rec or post_then_name):
            sign = j
            continue
        if sign >= 0 and _fold(s) in lex.kinds and j + 1 < len(lines) and _upperish(s):
            nxt = " ".join(x.text for x in lines[j + 1 : j + 4])
            if re.search(r"kèm theo", nxt, re.IGNORECASE):
                attach = j
                break
    return sign, attach


def _parse_preamble(ot: OfficialText, text: str, lines: list[_Line], i: int, end: int) -> int:
    """Authority line, "Căn cứ" bases, proposer; stop at the enacting word or the first article."""
    lex = load_lexicon()
    basis = sorted(lex.raw["cues"]["basis"], key=len, reverse=True)
    proposer = lex.raw["cues"]["proposer"]
    enact = [_fold(e) for e in lex.raw["cues"]["enact"]]
    while i < end:
        ln = lines[i]
        s = ln.text
        lead = len(s) - len(s.lstrip("-–+• "))
        body = s[lead:]
        f = _fold(body)
        if f in enact or any(f.startswith(e) for e in enact):
            return i + 1
        if _HEADING_RE.match(s) or re.match(r"^[IVXLC]+\.\s", s):
            return i
        cue = next((c for c in basis if f.startswith(_fold(c))), None)
        if cue:
            _add_bases(ot, text, ln, lead + len(cue))
            i += 1
            continue
        pc = next((c for c in proposer if f.startswith(_fold(c))), None)
        if pc:
            who = s[lead + len(pc) :].strip()
            # "Theo đề nghị của Giám đốc Sở Ngoại vụ tại Văn bản số 1605/TTr-SNgV ...; ý kiến ...": the body
            who = re.split(r"\s+tại\s+(?:các\s+)?(?:tờ trình|văn bản|công văn|báo cáo)\b|;|[,.]?\s*$", who,
                           flags=re.IGNORECASE)[0].strip(" ,;.")
            ot.proposer = who
            ot.proposer_body = body_of(who)
            ot.evidence["proposer"] = _ev(text, ln, lead)
            i += 1
            continue
        conts = [_fold(c) for c in lex.raw["header"]["continuation_prefixes"]]
        if ot.authority and _upperish(s) and not ot.bases and any(f == c or f.startswith(c + " ") for c in conts):
            more = canon_body(s)    # "CHỦ TỊCH ỦY BAN NHÂN DÂN" / "TỈNH HÀ TĨNH": the place goes on the post
            ot.authority = f"{ot.authority} {more[:1].lower()}{more[1:]}"
            i += 1
            continue
        if _upperish(s) and _is_authority(s) and not ot.bases:
            is_post = any(_fold(s).startswith(_fold(p)) for p in lex.posts)
            ot.authority = canon_post(s) if is_post else canon_body(s)
            ot.evidence["authority"] = _ev(text, ln)
            i += 1
            continue
        if re.match(r"^Thực hiện\b", s):
            _implements(ot, text, ln, 0)
            i += 1
            continue
        if ot.bases or ot.proposer:
            # the closing line ("Chính phủ ban hành Nghị định ...") ends the preamble
            i += 1
            if re.search(r"ban hành|xây dựng|như sau|quyết định", s, re.IGNORECASE):
                return i
            continue
        return i
    return i


# a provision's label is a number, a roman numeral or one letter: "Chương trình ...", "Điều lệ Đảng"
# and "Mục tiêu ..." are names of acts, not provisions of one
_PROVISION_RE = re.compile(
    r"\s*(?:(?:quy định\s+)?(?:tại|theo)\s+)?(?:(?:điểm|khoản|Điều|tiểu mục|mục|Mục|Chương|Phụ lục)\s+"
    r"(?:\d+[a-zđ]?\d*(?:\.\d+)*|[IVXLC]+[A-Z]?(?:\.\d+)*|[a-zđ]\d?)(?![\wÀ-ỹ])\.?"
    r"(?:\s*(?:,|và)\s*|\s+))+(?:(?:của|tại)\s+)?")
# "Căn cứ các Nghị định của Chính phủ: số 63/2010/NĐ-CP ...; số 48/2013/NĐ-CP ...": one kind for a list
_LISTED_KIND_RE = re.compile(r"\s*các\s+(?P<kind>[A-ZĐ][^:;]{2,30}?)(?:\s+của\s+(?P<issuer>[^:;]{2,40}))?\s*:\s*(?=số\s)")


def _add_bases(ot: OfficialText, text: str, ln: _Line, rest_at: int, article: str | None = None) -> None:
    """The instruments one "Căn cứ" line names from ``rest_at`` on, as bases of the text.

    "Căn cứ Luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15": the text rests
    on both, and the line states that 87 amends 64.  The provision cited first ("Căn cứ điểm a
    khoản 3 Điều 30 Nghị định số ...") is part of the act cited."""
    provision = _PROVISION_RE.match(ln.text, rest_at)
    if provision:
        rest_at = provision.end()
    head = ""
    listed = _LISTED_KIND_RE.match(ln.text, rest_at)
    if listed and load_lexicon().cite_re.fullmatch(listed.group("kind")):
        head = listed.group("kind") + " "
        rest_at = listed.end()
    segments = _split_bases(ln.text[rest_at:])
    keys = {b.key for b in ot.bases}
    stated = {(x.type, x.source.key, x.target.key) for x in ot.stated}
    if head:    # "số 48/2013/NĐ-CP ngày 14/5/2013 và số 92/2017/NĐ-CP ...": each of the line's kind
        segments = [(off + m.start(), m.group(0)) for off, seg in segments
                    for m in re.finditer(r"(?:(?<=^)|(?<=\svà\s)).*?(?=\svà\s+số\s|$)", seg) if m.group(0).strip()]
    for off, seg in segments:
        if provision := _PROVISION_RE.match(seg):   # "; điểm a khoản 3 Điều 1 Nghị định số ..."
            off, seg = off + provision.end(), seg[provision.end() :]
        seg_l = len(seg) - len(seg.lstrip())
        seg = seg.strip()
        if head and re.match(r"số\s", seg):
            seg = head + seg
        word = load_lexicon().cite_re.match(seg)
        if word and word.group(0)[0].islower() and not _NUMBERED_AFTER.match(seg, word.end()):
            continue    # "Căn cứ quy định nêu trên": the letter's reasoning, not an instrument
        parsed = parse_citation(seg) if seg else None
        if not parsed:
            continue
        a = rest_at + off + seg_l
        cit = parsed[0]
        if head:
            seg = seg[len(head) :] if seg.startswith(head) else seg
            if cit.issuer is None and listed and listed.group("issuer"):
                cit.issuer = body_of(listed.group("issuer"))
        if cit.key in keys:
            continue
        cit.evidence = _ev(text, ln, a, a + len(seg))
        ot.bases.append(cit)
        keys.add(cit.key)
        passive = _passive_links(seg)
        _add_stated(ot, passive, article, _ev(text, ln, a, a + len(seg)), stated)
        for _, src, _, _, _ in passive:
            if src.key not in keys:
                src.evidence = src.evidence or _ev(text, ln, a, a + len(seg))
                ot.bases.append(src)
                keys.add(src.key)
        amended = _amended_by_name(cit)
        if amended and not any(st.type == "AMENDS" and st.source.key == cit.key for st in ot.stated):
            # the laws its name says it amends, as the text cites them if it does ("... số 64/2025/QH15")
            named = {_name_key(b.name): b for b in ot.bases if b.name}
            _add_stated(ot, [("AMENDS", cit, named.get(_name_key(base.name or ""), base), 0, 0)
                             for base in amended], article, cit.evidence, stated)
    # a list of amending acts the segments split ("... được sửa đổi, bổ sung theo Luật số 64/2020/QH14,
    # ... và Luật số 90/2025/QH15"): the links the whole line states (no base is added by this)
    if len(segments) > 1:
        _add_stated(ot, [p for p in _passive_links(ln.text[rest_at:]) if p[1].key in keys and p[2].key in keys],
                    article, _ev(text, ln, rest_at), stated)


def _implements(ot: OfficialText, text: str, ln: _Line, a: int) -> None:
    """A "Thực hiện <instrument>" clause: this text implements the top-level instruments it names
    (the first right after the cue: "thực hiện các chương trình ... được sửa đổi bởi Thông tư số
    75/2024/TT-BTC" names a programme, not an instrument the text carries out)."""
    for k, (start, head, cit, nested) in enumerate(find_citations(ln.text[a:])):
        if k == 0 and start > 40:
            return
        if nested or not cit.number:
            continue
        cit.evidence = _ev(text, ln, a + start, a + head)
        ot.links.append(Link("IMPLEMENTS", cit, None, _ev(text, ln, a)))


def _speaks_of_itself(fs: str, cues: list[str], article: str | None, lines: list[_Line], lo: int) -> bool:
    """Whether an effect sentence is about the text ("Quyết định này có hiệu lực ...", an article
    "Hiệu lực thi hành"), not about an act it cites ("Luật ... số 48/2024/QH15 (có hiệu lực từ
    ngày 01/7/2025)")."""
    at = min(fs.find(_fold(c)) for c in cues if _fold(c) in fs)
    before = fs[:at]
    if re.search(r"(?<![\wÀ-ỹ])này(?![\wÀ-ỹ])", before) or not re.sub(r"[-–•+0-9.)\s]", "", before):
        return True
    if article:
        heading = next((ln.text for ln in lines[lo:] if ln.text.startswith(article)), "")
        return "hiệu lực" in _fold(heading)
    return False


def _article_heading(line: _Line) -> str | None:
    """ "Điều 3" for a line that opens article 3."""
    m = re.match(r"^Điều\s+(\d+[a-z]?)", line.text)
    return f"Điều {m.group(1)}" if m else None


def _parse_body(ot: OfficialText, text: str, lines: list[_Line], i: int, end: int) -> None:
    """Links (repeal/replace/amend), effective date and attached texts stated in the articles."""
    lex = load_lexicon()
    cues = sorted(lex.raw["cues"]["links"], key=lambda c: -len(c["cue"]))
    eff = sorted(lex.raw["cues"]["effective"], key=len, reverse=True)
    attached = sorted(lex.raw["cues"]["more"]["attached"], key=len, reverse=True)
    if ot.title:
        tline = _Line(ot.title, ot.evidence["title"].start, ot.evidence["title"].end)
        for w in sorted(lex.raw["cues"]["more"]["implements"], key=len, reverse=True):
            m = re.search(rf"(?<![\wÀ-ỹ]){re.escape(w)}\s+", ot.title, re.IGNORECASE)
            if m:
                _implements(ot, text, tline, m.end())
                break
        _links_in(ot, text, tline, cues, None, title=True)
    basis = sorted(lex.raw["cues"]["basis"], key=len, reverse=True)
    article: str | None = None      # the article the line stands in
    linked = {(lk.type, lk.target.key) for lk in ot.links}
    for j in range(i, end):
        ln = lines[j]
        article = _article_heading(ln) or article
        if ot.kind_heading is None:     # a letter states its bases in its body ("Căn cứ khoản 2 Điều 15 Luật ...")
            lead = len(ln.text) - len(ln.text.lstrip("-–+• "))
            cue = next((c for c in basis if _fold(ln.text[lead:]).startswith(_fold(c))), None)
            if cue:
                _add_bases(ot, text, ln, lead + len(cue), article)
        for sm in re.finditer(r"[^.]+(?:\.(?!\d)|$)", ln.text):
            sent = sm.group(0)
            a = sm.start()
            fs = _fold(sent)
            if ot.effective_text is None and any(_fold(e) in fs for e in eff) and _speaks_of_itself(fs, eff, article, lines, i):
                ot.effective_text = sent.strip()
                ot.evidence["effective"] = _ev(text, ln, a + len(sent) - len(sent.lstrip()), a + len(sent))
            for w in attached:
                am = re.search(rf"{re.escape(w)}\s+[\wÀ-ỹ]+(?:\s+[\wÀ-ỹ]+)?\s+này\s+", sent, re.IGNORECASE)
                if am:
                    seg = sent[am.end() :].strip(" .;")
                    parsed = parse_citation(seg)
                    if parsed:
                        cit = parsed[0]
                        cit.name = seg
                        cit.key = seg
                        cit.number = None
                        cit.issued = ot.issued
                        cit.issuer = ot.issuer
                        cit.subject = None
                        cit.evidence = _ev(text, ln, a + am.end(), a + am.end() + len(seg))
                        if all(_fold(c.key) != _fold(cit.key) for c in ot.attached):
                            ot.attached.append(cit)
                    break
            _links_in(ot, text, _Line(sent, 0, 0), cues, article, base=(ln, a), linked=linked)


# Kinds only a law (or the Constitution) amends, replaces or repeals.
_ONLY_BY_LAW = frozenset({"law", "constitution"})


def rank_allows(typ: str, source_kind: str | None, target_kind: str | None) -> bool:
    """Whether a link of this type may run between texts of these kinds ("Nghị định ... sửa đổi
    Luật ..." is a misreading: a decree amends no law)."""
    rank = load_lexicon().raw["rank"]    # official.toml [rank]
    a, b = rank.get(source_kind or ""), rank.get(target_kind or "")
    if a is None or b is None:
        return True
    if typ == "GUIDES":
        return a > b
    if typ in ("AMENDS", "REPLACES", "REPEALS"):
        return a <= b
    return True


class _Spans:
    """Non-overlapping spans taken by cues, kept sorted: whether a position is inside one, and
    whether one starts in a range, in log time (a preamble may hold thousands of cues)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def covers(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]

    def starts_in(self, lo: int, hi: int) -> bool:
        k = bisect.bisect_left(self.starts, lo)
        return k < len(self.starts) and self.starts[k] < hi

    def add(self, a: int, b: int) -> None:
        k = bisect.bisect_left(self.starts, a)
        self.starts.insert(k, a)
        self.ends.insert(k, b)


def _passive_links(s: str) -> list[tuple[str, Citation, Citation, int, int]]:
    """(type, source, target, cue start, cue end) of each link a sentence states between two of
    its citations: in the passive, "<target> được sửa đổi, bổ sung tại ... <source> (và
    <source>)"; in a citation's description, "<source> ... quy định chi tiết ... <target>"."""
    lex = load_lexicon()
    fs = s.lower()
    cits = find_citations(s)
    out: list[tuple[str, Citation, Citation, int, int]] = []
    if len(cits) < 2:
        return out
    starts = [x[0] for x in cits]
    heads = [x[1] for x in cits]
    free = [k for k, x in enumerate(cits) if not x[3]]      # citations not nested in another's description
    free_heads = [cits[k][1] for k in free]
    passive_at = [p.start() for p in re.finditer(r"(?<![\wÀ-ỹ])(?:được|bị)\s", fs)]
    upper = _upperish(s)
    taken = _Spans()
    for c in sorted(lex.raw["cues"]["passive"], key=lambda c: -len(c["cue"])):
        for m in re.finditer(rf"(?<![\wÀ-ỹ]){re.escape(c['cue'])}(?![\wÀ-ỹ])", fs):
            if taken.covers(m.start()):
                continue
            taken.add(m.start(), m.end())
            nb = bisect.bisect_right(heads, m.start())     # citations before the cue: cits[:nb]
            if not nb:
                continue
            first_after = bisect.bisect_left(starts, m.end())
            target = cits[nb - 1][2]
            if (target.kind in _ONLY_BY_LAW and nb > 1 and first_after < len(cits)
                    and cits[first_after][2].kind not in _ONLY_BY_LAW):
                # "Nghị định số 163/2016 ... quy định chi tiết ... Luật Ngân sách nhà nước được sửa đổi,
                # bổ sung bởi Nghị định số 149/2025": a decree amends the decree, never the law
                target = cits[nb - 2][2]
            prev = m.end()
            for start, head, cit, _ in cits[first_after:]:
                gap = s[prev:start]
                if ";" in gap or len(gap) > 160 or (prev > m.end() and not re.search(r"(?:,|\bvà)\s*$", gap.split("(")[0] + " ")):
                    break
                k = bisect.bisect_left(passive_at, head)
                if prev > m.end() and k < len(passive_at) and passive_at[k] < head + 60 and not re.search(r"[,;]", s[head : passive_at[k]]):
                    break   # "... bởi B và C được sửa đổi bởi D": C opens a clause of its own
                out.append((c["type"], cit, target, m.start(), m.end()))
                prev = head
    for c in sorted(lex.raw["cues"]["between"], key=lambda c: -len(c["cue"])):
        for m in re.finditer(rf"(?<![\wÀ-ỹ]){re.escape(c['cue'])}(?![\wÀ-ỹ])", fs):
            if taken.covers(m.start()) or re.search(r"(?:được|bị)\s+$", fs[max(0, m.start() - 8) : m.start()]):
                continue
            taken.add(m.start(), m.end())
            # the act the cue is said of: the one just before it ("Nghị định 20/2024 sửa đổi ... Nghị
            # định 126/2020 ... quy định chi tiết ... Luật Quản lý thuế": 126/2020 guides the law), or,
            # for a cue joined by "và" to an earlier one, the last act not nested in another's
            # description ("Quyết định số 08/2023 sửa đổi ... ban hành kèm theo Quyết định số 55/2014
            # ... và bãi bỏ một phần Quyết định số 24/2019": 08/2023 repeals a part of 24/2019)
            nf = bisect.bisect_right(free_heads, m.start())
            nb = bisect.bisect_right(heads, m.start())
            first_after = bisect.bisect_left(starts, m.end())
            if not nb or first_after >= len(cits):
                continue
            coordinated = re.search(r"\bvà\s+$", fs[max(0, m.start() - 8) : m.start()]) is not None
            before = cits[free[nf - 1]] if nf and coordinated else cits[nb - 1]
            after = cits[first_after]
            between = s[before[1] : m.start()]
            gap = s[m.end() : after[0]]
            nesting_gap = after[3]    # "... một số điều của Quy định ... ban hành kèm theo": the act itself
            if ";" in between + gap or len(between) > 200 or len(gap) > (240 if nesting_gap else 120):
                continue
            if between.rstrip().endswith("(") and ")" in between:
                continue    # "(thay thế ...)" after another act's closed parenthesis describes that one
            if not upper and any(w[0].isupper() for w in lex.cite_re.findall(gap)):
                continue    # the cue's object is an act named in between ("hướng dẫn thi hành Luật X và Nghị định Y")
            if taken.starts_in(m.end(), after[0]):
                continue    # another cue stands before the second citation: it is that cue's
            if re.match(r"^[\s,]*(?:bổ sung\s+)?(?:bởi|tại)\b", gap):
                out.append((c["type"], after[2], before[2], m.start(), m.end()))  # passive without "được"
            else:
                out.append((c["type"], before[2], after[2], m.start(), m.end()))
    return out


def _add_stated(ot: OfficialText, found: list[tuple[str, Citation, Citation, int, int]],
                article: str | None, ev: Evidence, known: set[tuple[str, str, str]] | None = None) -> None:
    """Add the links between cited acts a sentence states; ``known``: the (type, source, target)
    of ``ot.stated`` when the caller keeps it (a preamble of thousands of acts)."""
    if known is None:
        known = {(x.type, x.source.key, x.target.key) for x in ot.stated}
    for typ, src, tgt, _, _ in found:
        if src.key != tgt.key and rank_allows(typ, src.kind, tgt.kind) and (typ, src.key, tgt.key) not in known:
            known.add((typ, src.key, tgt.key))
            ot.stated.append(StatedLink(typ, src, tgt, article, ev))


def _links_in(
    ot: OfficialText,
    text: str,
    ln: _Line,
    cues: list[dict[str, str]],
    article: str | None,
    title: bool = False,
    base: tuple[_Line, int] | None = None,
    linked: set[tuple[str, str]] | None = None,
) -> None:
    """The links a sentence states from this text (``ot.links``) and between the acts it cites
    (``ot.stated``); ``linked``: the (type, target) of ``ot.links``, when the caller keeps it."""
    if linked is None:
        linked = {(lk.type, lk.target.key) for lk in ot.links}
    s = ln.text
    fs = s.lower()
    cits = find_citations(s)
    passive = _passive_links(s)
    if passive:
        ev = _ev(text, base[0], base[1], base[1] + len(s)) if base else Evidence(ln.start, ln.end, s)
        _add_stated(ot, passive, article, ev)
    taken: list[tuple[int, int]] = [(a, b) for *_, a, b in passive]
    phrase = sorted(load_lexicon().raw["cues"]["more"]["phrase_words"], key=len, reverse=True)
    for c in cues:
        cue = c["cue"]
        for m in re.finditer(rf"(?<![\wÀ-ỹ]){re.escape(cue)}(?![\wÀ-ỹ])", fs):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            if re.search(r"(?:được|bị)\s+$", fs[max(0, m.start() - 8) : m.start()]):
                continue    # passive: what the cited text underwent, not what this text does
            if fs[max(0, m.start() - 3) : m.start()].rstrip().endswith("(") and not _bracket_of_itself(ot, s, m.start()):
                continue    # "Nghị định ... (thay thế Nghị định số 54/2018)": said of what stands before it
            after_cue = fs[m.end() :].lstrip(" :“\"")
            typ = c["type"]
            if c["where"] == "after" and typ in ("REPLACES", "REPEALS") and any(
                    re.match(rf"{re.escape(w)}(?![\wÀ-ỹ])", after_cue) for w in phrase):
                continue    # "thay thế cụm từ ...": words of a text replaced, an amendment
            if c["where"] == "after" and typ in ("REPLACES", "REPEALS") and get_lexicon().part_re.match(s, m.end()):
                typ = "AMENDS"  # "bãi bỏ Điều 5 của Quyết định ...": a part of it (relations.toml [parts])
            if c["where"] == "before":
                targets = [x for x in cits if x[0] < m.start() and not x[3]]
            else:
                before = [x for x in cits if x[0] < m.start()]
                self_before = re.search(r"\bnày\s*(?:đã\s+được\s+|được\s+)?$", s[max(0, m.start() - 25) : m.start()])
                if before and not self_before and not title:
                    continue  # the cue describes a cited instrument, not this text
                if title and m.start() > 0 and before:
                    continue
                after = [x for x in cits if x[0] > m.start()]
                targets = []
                for x in after:
                    if targets and x[3]:
                        continue
                    targets.append(x)
                    nxt = s[x[1] :]
                    if not re.match(r"^[^;]*?\s(?:và|,)\s+(?=[A-ZĐ])", nxt[:200]):
                        break
            for start, head, cit, _ in targets:
                if (typ, cit.key) in linked:
                    continue
                linked.add((typ, cit.key))
                if base:
                    bl, ba = base
                    cit.evidence = _ev(text, bl, ba + start, ba + head)
                    evid = _ev(text, bl, ba, ba + len(s))
                else:
                    cit.evidence = Evidence(ln.start, ln.end, s)
                    evid = Evidence(ln.start, ln.end, s)
                ot.links.append(Link(typ, cit, article, evid))


def _bracket_of_itself(ot: OfficialText, s: str, at: int) -> bool:
    """Whether the bracket opening before ``at`` follows the text naming itself ("Quyết định này có
    hiệu lực ... (thay thế Quyết định số ...)"): its own kind word and "này" in the same clause."""
    own = re.search(r"(?<![\wÀ-ỹ])([\wÀ-ỹ]+(?:\s[\wÀ-ỹ]+)?)\s+này(?![\wÀ-ỹ])[^()]{0,120}\(\s*$", s[max(0, at - 200) : at])
    return own is not None and any(_fold(w) == _fold(own.group(1)) and k == ot.kind for w, k in load_lexicon().cites)


def _parse_signature(ot: OfficialText, text: str, lines: list[_Line], a: int, b: int) -> None:
    """Signer (name, post, on whose behalf, TM./KT./...) and the Nơi nhận list."""
    lex = load_lexicon()
    rec = [_fold(r) for r in lex.raw["cues"]["recipients"]]
    skip_rec = [_fold(r) for r in lex.raw["cues"]["recipient_skip"]]
    skip = {_fold(s) for s in lex.raw["signer"]["skip"]["lines"]}
    prefixes = lex.prefixes
    sign_lines: list[_Line] = []
    in_rec = False
    for j in range(a, b):
        ln = lines[j]
        s = ln.text
        f = _fold(s)
        hit = next((r for r in rec if f.startswith(r)), None)
        if hit:
            in_rec = True
            rest = s[len(hit) :].strip(" :")
            if rest:
                _add_recipients(ot, rest, skip_rec)
            continue
        is_prefix = any(s.startswith(p) for p, _ in prefixes)
        if in_rec and (
            s.startswith(("-", "+", "•")) or (not is_prefix and not _upperish(s) and not _is_name(s) and f not in skip)
        ):
            _add_recipients(ot, s, skip_rec)
            continue
        in_rec = False
        if f in skip:
            continue
        sign_lines.append(ln)
    modes: list[str] = []
    on_behalf = for_post = post = name = post_line = wrapped_prefix = None
    used: list[str] = []
    for ln in sign_lines:
        s = ln.text.strip()
        if name is None and _is_name(s) and not _upperish(s):
            name = s
            used.append(s)
            break
        if not _upperish(s):
            continue
        used.append(s)
        pre = next(((p, meaning) for p, meaning in prefixes if s.startswith(p)), None)
        if pre:
            p, meaning = pre
            modes.append(p)
            what = s[len(p) :].strip()
            if meaning == "on_behalf":
                on_behalf = canon_body(what)
            else:
                for_post = canon_post(what)
            post_line, wrapped_prefix = what, meaning
        elif post_line is not None and (post_line.endswith(",") or not _starts_post(s)):
            # a post or body the copy wrapped ("TRƯỞNG BAN CHÍNH SÁCH," / "THUẾ QUỐC TẾ")
            post_line = f"{post_line} {s}"
            if wrapped_prefix == "on_behalf":
                on_behalf = canon_body(post_line)
            elif wrapped_prefix:
                for_post = canon_post(post_line)
            else:
                post = canon_post(post_line)
        else:
            post_line, wrapped_prefix = s, None
            post = canon_post(s)
    if not (modes or post or name):
        return
    if on_behalf and ot.issuer and _fold(ot.issuer).startswith(_fold(on_behalf)) and on_behalf != ot.issuer:
        on_behalf = ot.issuer
    if post is None and for_post and modes[-1:] != ["KT."]:
        post = for_post
    ev = None
    if sign_lines:
        first = next((x for x in sign_lines if x.text.strip() in used), sign_lines[0])
        last = next((x for x in reversed(sign_lines) if x.text.strip() in used), sign_lines[-1])
        ev = Evidence(first.start, last.end, text[first.start : last.end])
    ot.signer = Signer(
        name=name, post=post, on_behalf=on_behalf, for_post=for_post, modes=modes, lines=used, evidence=ev
    )


def _add_recipients(ot: OfficialText, s: str, skip: list[str]) -> None:
    item = re.sub(r"^[-+•]\s*", "", s).strip().rstrip(";,.").strip()
    if item.endswith("./"):
        item = item[:-2]
    if not item or any(_fold(item).startswith(k) for k in skip):
        return
    ot.recipients.append(item)


def _resolve_party_issuer(ot: OfficialText) -> None:
    """A Party text's header names the Central Committee; the heading or T/M line names the issuer."""
    lex = load_lexicon()
    collectives = [_fold(c) for c in lex.raw["bodies_rule"]["party_collective"]]
    if ot.issuer and ot.issuer != ot.header_body:
        return
    if ot.signer and ot.signer.on_behalf and any(_fold(ot.signer.on_behalf).startswith(c) for c in collectives):
        ot.issuer = ot.signer.on_behalf


def _parse_attached_section(ot: OfficialText, text: str, lines: list[_Line], at: int) -> None:
    """An attached text after the signature (QUY CHẾ ... (ban hành kèm theo ...)): its outline."""
    lex = load_lexicon()
    kind = lex.kinds.get(_fold(lines[at].text), "other")
    j = at + 1
    title: list[str] = []
    while j < len(lines) and _upperish(lines[j].text) and not _is_sep(lines[j].text):
        title.append(lines[j].text)
        j += 1
    name = f"{lines[at].text.title()} {canon_body(' '.join(title)).lower()}".strip() if title else lines[at].text
    key = None
    for c in ot.attached:
        if _fold(c.name or "").endswith(_fold(" ".join(title))) or _fold(c.kind) == _fold(kind):
            key = c.key
            break
    if key is None:
        cit = Citation(
            key=name,
            number=None,
            name=name,
            kind=kind,
            issued=ot.issued,
            issuer=ot.issuer,
            evidence=_ev(text, lines[at]),
        )
        ot.attached.append(cit)
        key = name
    while j < len(lines) and (lines[j].text.startswith("(") or _is_sep(lines[j].text)):
        j += 1
    _outline(ot, text, lines, j, len(lines), key)


def _outline(ot: OfficialText, text: str, lines: list[_Line], i: int, end: int, part_of: str) -> None:
    """Phần/Chương/Mục/Điều/khoản/điểm (or I./1./a) in article-less texts), each with its span."""
    lex = load_lexicon()
    levels = [(lv["level"], lv["name"], re.compile(lv["pattern"])) for lv in lex.raw["outline"]["levels"]]
    rank = {"part": 0, "chapter": 1, "section": 2, "article": 3, "heading": 3, "clause": 4, "point": 5}
    stack: list[OutlineNode] = []
    nodes: list[OutlineNode] = []
    has_articles = any(re.match(r"^Điều\s+\d", lines[j].text) for j in range(i, end))
    for j in range(i, end):
        ln = lines[j]
        for level, word, rx in levels:
            m = rx.match(ln.text)
            if not m:
                continue
            if level == "heading" and has_articles:
                continue
            if level in ("clause", "point") and not stack:
                break
            if level == "point" and not any(n.level in ("clause", "article", "heading") for n in stack):
                break
            label = m.group("label")
            r = rank[level]
            while stack and rank[stack[-1].level] >= r:
                stack.pop()
            title = ln.text[m.end() :].strip(" .:") or None
            if (
                level in ("part", "chapter", "section")
                and title is None
                and j + 1 < end
                and _upperish(lines[j + 1].text)
            ):
                title = lines[j + 1].text
            path = _path(stack, level, word, label, has_articles)
            node = OutlineNode(
                level=level,
                label=label,
                title=title if level not in ("clause", "point") else None,
                path=path,
                part_of=part_of,
                start=ln.start,
                end=ln.end,
            )
            stack.append(node)
            nodes.append(node)
            break
    # a node runs to the start of the next node of the same or a higher level
    for k, node in enumerate(nodes):
        stop = lines[end - 1].end if end > i else node.end
        for nxt in nodes[k + 1 :]:
            if rank[nxt.level] <= rank[node.level]:
                stop = nxt.start
                break
        node.end = max(node.end, stop)
    ot.outline.extend(nodes)


def _path(stack: list[OutlineNode], level: str, word: str, label: str, legal: bool) -> str:
    """ "Điều 3, khoản 2, điểm a" for legal texts; "I.1.a" style for plans and Party texts."""
    if legal or level in ("part", "chapter", "section", "article"):
        own = f"{word} {label}"
        if level in ("clause", "point"):
            anchor = [n for n in stack if n.level in ("article", "clause")]
            return ", ".join(
                [n.path.split(", ")[-1] if n.level == "clause" else n.path for n in anchor][:1]
                + [f"khoản {n.label}" for n in anchor if n.level == "clause"]
                + [own]
            )
        return own
    parents = [n.label for n in stack if n.level in ("heading", "clause")]
    return ".".join(parents + [label])


def _finish_effective(ot: OfficialText) -> None:
    lex = load_lexicon()
    if not ot.effective_text:
        return
    f = _fold(ot.effective_text)
    if any(_fold(p) in f for p in lex.raw["cues"]["more"]["effective_signing"]) and not re.search(
        r"sau\s+\d+\s+ngày", f
    ):
        ot.effective = ot.issued
        return
    m = re.search(r"(?:kể\s+)?từ\s+(ngày\s+.*)", ot.effective_text, re.IGNORECASE)
    if m:
        d, _ = _date_at(m.group(1))
        if d and len(d) == 10:
            ot.effective = d


# --------------------------------------------------------------------------- extraction


def official_to_extraction(ot: OfficialText, source: SourceText) -> OfficialExtraction:
    """The contract's documents/agencies/people/relations for one official text.

    The main instrument is an ``OfficialInstrument`` with ``authoritative=True``: for its number,
    date, issuer, title and signer the text itself is the source to trust over news.
    """
    ex = OfficialExtraction(source=source, official=ot, context_body=ot.issuer)
    main = OfficialInstrument(
        number=ot.number,
        key=ot.key,
        name=None if ot.number else ot.title,
        kind=ot.kind,
        issued=ot.issued,
        issuer=ot.issuer,
        subject=ot.title,
        authoritative=True,
        effective=ot.effective,
        place=ot.place,
        signer=ot.signer.name if ot.signer else None,
        evidence=[e for k, e in ot.evidence.items() if k in ("number", "date", "title", "issuer")],
    )
    ex.documents.append(main)
    by_key: dict[str, OfficialInstrument] = {main.key: main}

    def add_doc(c: Citation) -> None:
        d = by_key.get(c.key)
        if d is not None:   # named again: a later mention may give the date or issuer
            if d is not main:
                d.issued = d.issued or c.issued
                d.issuer = d.issuer or c.issuer
            return
        doc = OfficialInstrument(number=c.number, key=c.key, name=c.name, kind=c.kind, issued=c.issued,
                                 issuer=c.issuer, subject=c.subject, evidence=[c.evidence] if c.evidence else [])
        ex.documents.append(doc)
        by_key[c.key] = doc

    for c in ot.bases:
        add_doc(c)
        ex.relations.append(Relation("BASED_ON", ot.key, c.key, c.evidence))
    for lk in ot.links:
        add_doc(lk.target)
        ex.relations.append(Relation(lk.type, ot.key, lk.target.key, lk.evidence))
    for c in ot.attached:
        add_doc(c)
        ex.relations.append(Relation("ISSUES", ot.key, c.key, c.evidence))
    for st in ot.stated:
        add_doc(st.source)
        add_doc(st.target)
        ex.relations.append(Relation(st.type, st.source.key, st.target.key, st.evidence))

    agencies: dict[str, Agency] = {}

    def add_agency(name: str | None, parent: str | None = None, ev: Evidence | None = None) -> None:
        if not name:
            return
        ag = agencies.setdefault(name, Agency(name=name, parent=parent))
        if parent and not ag.parent:
            ag.parent = parent
        if ev:
            ag.evidence.append(ev)

    if ot.issuer and ot.header_body and ot.issuer != ot.header_body:
        add_agency(ot.header_body, ot.issuer_parent, ot.evidence.get("issuer"))
        add_agency(ot.issuer, ot.header_body if ot.party else None, ot.evidence.get("issuer_heading"))
    else:
        add_agency(ot.issuer, ot.issuer_parent, ot.evidence.get("issuer"))
    if ot.issuer_parent:
        add_agency(ot.issuer_parent)
    lex = load_lexicon()
    if ot.proposer_body:
        units = [*lex.raw["posts"]["issuer_units"], *lex.raw["posts"]["province_units"]]
        sub = any(re.match(rf"^{re.escape(u)}\b", ot.proposer_body) for u in units)
        owner = _province_committee(ot) or ot.issuer
        add_agency(ot.proposer_body, owner if sub else None, ot.evidence.get("proposer"))
    defaults = lex.raw["default_issuer"]
    folded_text: str | None = None
    for c in [*ot.bases, *(lk.target for lk in ot.links)]:
        if c.issuer is not None and c.issuer == defaults.get(c.kind):
            # an issuer only the kind implies ("Luật ..." -> Quốc hội) is a body of the text only
            # where the text prints it
            folded_text = folded_text if folded_text is not None else _fold(source.text)
            if _fold(c.issuer) not in folded_text:
                continue
        add_agency(c.issuer)

    if ot.signer and ot.signer.name:
        lex = load_lexicon()
        post = ot.signer.post
        agency = ot.signer.on_behalf or ot.issuer
        unit = None
        if post:
            post, unit = post_and_unit(post)
        if unit is None and ot.signer.for_post and "KT." in ot.signer.modes:
            unit = post_and_unit(ot.signer.for_post)[1]    # KT. TRƯỞNG BAN X / PHÓ TRƯỞNG BAN: a deputy of Ban X
        if unit:
            agency = unit
            add_agency(unit, ot.issuer)
        if post and post in lex.raw["signer"]["agency_of_post"]:
            agency = lex.raw["signer"]["agency_of_post"][post] or None
        ex.people.append(
            Person(
                name=ot.signer.name,
                positions=[Position(title=post, agency=agency, evidence=ot.signer.evidence)] if post else [],
                evidence=[ot.signer.evidence] if ot.signer.evidence else [],
            )
        )
    ex.people.extend(_recipient_people(ot, {_fold(p.name) for p in ex.people}))
    ex.events.extend(_passing_session(ot, source))
    ex.agencies.extend(agencies.values())
    return ex


def _passing_session(ot: OfficialText, source: SourceText) -> list[Event]:
    """The council session that passed a resolution, dated by its closing line ("Nghị quyết này đã
    được Hội đồng nhân dân thành phố Hà Nội khóa XVI, kỳ họp thứ 28 thông qua ngày 27 tháng 11
    năm 2025"): an event about the resolution, organised by the council."""
    cues = load_lexicon().raw["cues"]["more"]
    session = "|".join(re.escape(w) for w in cues["session"])
    passed = "|".join(re.escape(w) for w in cues["passed"])
    # the text's own closing line ("Nghị quyết này đã được ... thông qua"): a session a text only
    # cites ("tại kỳ họp thứ 9 thông qua ngày ...") passed another act
    m = re.search(rf"\bnày\s+(?:đã\s+)?được\s+[^.;]{{0,160}}?(?P<name>(?:{session})\s+(?:thứ\s+[\wÀ-ỹ]+|chuyên đề(?:\s+lần\s+thứ\s+\w+)?|bất thường(?:\s+lần\s+thứ\s+\w+)?))"
                  rf"[^.;]{{0,40}}?\s+(?:{passed})\s+(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})\s+năm\s+(?P<y>\d{{4}})",
                  source.text)
    if not m or not ot.issuer or (date := _iso(m.group("d"), m.group("m"), m.group("y"))) is None:
        return []
    name = f"{m.group('name')[:1].upper()}{m.group('name')[1:]} {ot.issuer}"
    text = source.text
    a = max(text.rfind("\n", 0, m.start()) + 1, text.rfind(". ", 0, m.start()) + 2)   # the sentence's start
    return [Event(date=date, kind="session", name=name, about=[ot.key], organizer=ot.issuer,
                  evidence=[Evidence(a, m.end(), text[a : m.end()])])]


def _recipient_people(ot: OfficialText, known: set[str]) -> list[Person]:
    """People the "Nơi nhận" names by an abbreviated post ("Phó CTr. Đặng Ngọc Minh (để bc)": a
    deputy director of the issuing Cục; "PTTg Trần Hồng Hà": a Deputy Prime Minister)."""
    lex = load_lexicon()
    table = lex.raw["recipient_posts"]
    issuer = ot.issuer or ""
    out: list[Person] = []
    abbrs = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    for item in ot.recipients:
        m = re.match(rf"^(?P<abbr>{abbrs})\.?\s+(?P<name>[^(;,]+?)\s*(?:\(|$)", item)
        if not m or not _is_name(m.group("name").strip()):
            continue
        name = m.group("name").strip()
        posts = table[m.group("abbr")]
        post = posts.get("") or next((p for head, p in posts.items() if head and issuer.startswith(head)), None)
        if post is None or _fold(name) in known:
            continue
        known.add(_fold(name))
        agency = lex.raw["signer"]["agency_of_post"].get(post) or issuer or None
        out.append(Person(name=name, positions=[Position(title=post, agency=agency)]))
    return out


def extract_official(source: SourceText) -> OfficialExtraction:
    """parse_official then official_to_extraction: the one call a pipeline hook needs."""
    return official_to_extraction(parse_official(source), source)


@lru_cache(maxsize=1)
def _national_bodies() -> dict[str, str]:
    """Folded name -> name of every national body of the bodies vocabulary (ministries first)."""
    return {_fold(n): b["name"] for b in body_entries() if b.get("kind") != "unit"
            for n in [b["name"], *b.get("aliases", [])]}


def listed_bodies(source: SourceText) -> list[Agency]:
    """The bodies of a list printed after one head word: "các Bộ: Tài chính, Công an, Tư pháp" is
    Bộ Tài chính, Bộ Công an and Bộ Tư pháp; an item that is a body's whole name stays itself."""
    heads = load_lexicon().raw["posts"]["listed_heads"]
    known = _national_bodies()
    pattern = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    out: list[Agency] = []
    for m in re.finditer(rf"(?<![\wÀ-ỹ])({pattern})\s*:\s*([^;:.()\n]+)", source.text):
        word = heads[m.group(1)]
        at = m.start(2)
        for item in re.split(r",|\svà\s", m.group(2)):
            name = item.strip()
            start = source.text.find(name, at)
            at = start + len(name) if start >= 0 else at
            words = name.split()
            body = None
            for k in range(len(words), 0, -1):     # the last item runs on into the sentence
                part = " ".join(words[:k])
                body = known.get(_fold(f"{word} {part}")) or known.get(_fold(part))
                if body:
                    name = part
                    break
            if body is None:
                break       # the list ends where its items stop being bodies
            out.append(Agency(body, None, [Evidence(start, start + len(name), name)] if start >= 0 else []))
    return out


def listed_units(source: SourceText, place: str | None) -> list[Agency]:
    """The units a list names after one unit word: "Văn phòng: Tỉnh ủy, Đoàn ĐBQH&HĐND, UBND tỉnh"
    in a text of tỉnh Vĩnh Long is Văn phòng Tỉnh ủy (of Tỉnh ủy Vĩnh Long), Văn phòng Đoàn ĐBQH&HĐND
    and Văn phòng UBND tỉnh (of the province's committee); the bodies named are kept too."""
    posts = load_lexicon().raw["posts"]
    lex = get_lexicon()
    known = _national_bodies()
    designator, town = _split_place(place) if place else (None, None)
    committee_word = posts["bare_place_committees"].get(designator or "")
    pattern = "|".join(re.escape(h) for h in sorted(posts["listed_units"], key=len, reverse=True))
    out: list[Agency] = []
    for m in re.finditer(rf"(?<![\wÀ-ỹ])({pattern})\s*:\s*([^;:.()\n]+)", source.text):
        at = m.start(2)
        for item in re.split(r",|\svà\s", m.group(2)):
            name = item.strip()
            start = source.text.find(name, at)
            at = start + len(name) if start >= 0 else at
            ev = [Evidence(m.start(), start + len(name), source.text[m.start() : start + len(name)])] if start >= 0 else []
            body: str | None = known.get(_fold(name))
            if body is None and lex.placeless_body_re.fullmatch(name):
                body = name
            if body is None and re.match(r"Đoàn\s+(?:ĐBQH|đại biểu Quốc hội)", name, re.IGNORECASE):
                out.append(Agency(f"{m.group(1)} {name}", None, ev))   # the delegation's office: no parent printed
                continue
            if body is None:
                break       # the list ends where its items stop being bodies
            if committee_word and town and body == committee_word:
                body = f"{committee_word} {town}"
            elif place:
                body = _long_form(body, place)
            out.append(Agency(body, None, ev))
            out.append(Agency(f"{m.group(1)} {name}", body, ev))
    return out


def branch_bodies(source: SourceText) -> list[Agency]:
    """Local branches of national bodies named by their head and place ("Thuế tỉnh Bắc Ninh",
    "Công an thành phố Hà Nội", "Kho bạc Nhà nước khu vực I"; official.toml branch_parents), which
    the article rules do not know as bodies: the 2025 structure names them so."""
    heads = load_lexicon().raw["posts"]["branch_parents"]
    pattern = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    lex = get_lexicon()
    old = old_tones(source.text)     # the registry's provinces are matched in the old tone placement
    out: list[Agency] = []
    seen: set[str] = set()
    for m in re.finditer(rf"(?<![\wÀ-ỹ])(?P<head>{pattern})\s+(?P<where>tỉnh|thành phố|khu vực)\s+", source.text):
        if m.group("where") == "khu vực":
            place = re.compile(r"[IVXLC]+\b|\d{1,2}\b").match(source.text, m.end())
        else:
            place = lex.province_re.match(old, m.end())   # a province of the registry, whole
        if place is None:
            continue
        end = place.end()
        before = source.text[max(0, m.start() - 30) : m.start()].split()
        if before and before[-1] in load_lexicon().raw["posts"]["branch_inside"]:
            continue    # "Cục Thuế tỉnh Hà Tĩnh", "Chi cục Thuế khu vực": a unit of another name
        name = source.text[m.start() : end]
        if _fold(name) not in seen:
            seen.add(_fold(name))
            out.append(Agency(name, heads[m.group("head")], [Evidence(m.start(), end, name)]))
    return out


def _upper_word(word: str) -> bool:
    """An upper-case Vietnamese word with a tone or vowel mark ("CHÍNH"), not an acronym ("HĐND")."""
    return len(word) >= 3 and word.isupper() and any(
        unicodedata.combining(c) for c in unicodedata.normalize("NFD", word.replace("Đ", "D")))


def _province_committee(ot: OfficialText) -> str | None:
    """The Ủy ban nhân dân of the province or city whose Ủy ban or Hội đồng issued the text."""
    m = re.match(r"^(?:Ủy ban nhân dân|Hội đồng nhân dân|UBND|HĐND)\s+((?:tỉnh|thành phố)\s+\S.*)$", ot.issuer or "")
    return f"Ủy ban nhân dân {m.group(1)}" if m else None


def _own_place(ot: OfficialText | None) -> str | None:
    """The province or city whose council or committee issued the text ("tỉnh Hà Tĩnh")."""
    committee = _province_committee(ot) if ot else None
    return committee[len("Ủy ban nhân dân ") :] if committee else None


def _split_place(place: str) -> tuple[str, str]:
    """ "tỉnh Hà Tĩnh" -> ("tỉnh", "Hà Tĩnh"); "thành phố Hà Nội" -> ("thành phố", "Hà Nội")."""
    designator = "thành phố" if place.startswith("thành phố") else place.split(" ", 1)[0]
    return designator, place[len(designator) :].strip()


def _long_form(name: str, place: str | None) -> str:
    """A body's name with its abbreviations written out (abbreviations.toml), to match the parse's
    names: "HĐND TP Hà Nội" -> "Hội đồng nhân dân thành phố Hà Nội"; in a text of tỉnh Hà Tĩnh,
    "UBND tỉnh", "Văn phòng UBND tỉnh" and a bare "Ủy ban nhân dân" are its own."""
    short = load_lexicon().raw["bodies_rule"]["short"]
    heads = (short["UBND"], short["HĐND"])
    long = expand_abbreviations(name)
    if place:
        designator = _split_place(place)[0]
        if long in heads:
            long = f"{long} {place}"
        elif any(_fold(long).endswith(_fold(f"{h} {designator}")) for h in heads):
            long = f"{long[: -len(designator)]}{place}"
    return long


def _merge_agencies(official: OfficialExtraction, news: list[Agency]) -> None:
    """The article rules' bodies beside the parse's: a name cut at a line end is cut there, a body
    both give keeps the parse's name and the news parent it lacks, and in a province's text its
    own units printed bare get its Ủy ban nhân dân as parent and lose the repeated place
    ("Sở Tài chính tỉnh An Giang" beside "Sở Tài chính" in a decision of that province)."""
    ot = official.official
    committee = _province_committee(ot) if ot else None
    place = _own_place(ot)

    def forms(name: str) -> list[str]:
        """The folded names a body answers to in this text: as printed, written out, and without
        the text's own place ("Văn phòng UBND tỉnh Hà Tĩnh" is its "Văn phòng Ủy ban nhân dân tỉnh")."""
        long = _long_form(name, place)
        out = [name, long]
        if place:
            out += [long[: -len(tail)].strip() for tail in (place, _split_place(place)[1])
                    if _fold(long).endswith(" " + _fold(tail))]
        return [_fold(f) for f in out]

    by_name: dict[str, Agency] = {}
    for a in official.agencies:
        for f in forms(a.name):
            by_name.setdefault(f, a)
    text = official.source.text
    for a in news:
        name = a.name.split("\n")[0].strip()
        if re.search(r"(?:Ủy ban nhân dân|Hội đồng nhân dân|UBND|HĐND)$", name) and (
                cont := re.search(rf"{re.escape(name)}[ \t]*\n\s*(tỉnh|thành phố)(?=[\s,;.])", text)):
            name = f"{name} {cont.group(1)}"    # "Chánh Văn phòng Ủy ban nhân dân" / "thành phố, ...": the copy wrapped it
        if any(_upper_word(w) for w in name.split()[1:]):
            continue    # read off an upper-case header or signature line ("Ban CHÍNH SÁCH"): the parse's
        parent = a.parent.split("\n")[0].strip() if a.parent else None
        if place and _fold(name).endswith(" " + _fold(place)) and _fold(name[: -len(place)]) in by_name:
            name = name[: -len(place)].strip()
        if place and place.startswith("thành phố"):
            # "Ủy ban nhân dân Thành phố" in a text of Hà Nội: the city itself, its name left out
            name = re.sub(r"\s(?:Thành|TP)$", " " + place, name)
            parent = re.sub(r"\s(?:Thành|TP)$", " " + place, parent) if parent else None
        if parent:  # "UBND tỉnh Đồng Nai": the committee the parse named, or written out
            known_parent = next((by_name[k] for k in forms(parent) if k in by_name), None)
            parent = _long_form(known_parent.name if known_parent else parent, place)
        keys = forms(name)
        found = next((by_name[k] for k in keys if k in by_name), None)
        if found is not None:     # the same body ("HĐND tỉnh Vĩnh Long" is the Hội đồng nhân dân the parse named)
            found.parent = found.parent or parent
            continue
        agency = Agency(name=name, parent=parent, evidence=a.evidence)
        for k in keys:
            by_name.setdefault(k, agency)
        official.agencies.append(agency)
    posts = load_lexicon().raw["posts"]
    for a in official.agencies:
        for head, owner in posts["branch_parents"].items():
            if a.parent is None and re.match(rf"^{re.escape(head)}\s+(?:tỉnh|thành phố|Thành phố|TP\.?|khu vực)\s", a.name):
                a.parent = owner
    if committee:
        council = re.sub(r"^Ủy ban nhân dân", "Hội đồng nhân dân", committee)
        for a in official.agencies:
            if a.parent is None and any(re.match(rf"^{re.escape(u)}\b", a.name) for u in posts["province_units"]):
                a.parent = committee
            elif a.parent is None and a.name in posts["council_units"]:
                a.parent = council


def merge_news(official: OfficialExtraction, news: Extraction) -> OfficialExtraction:
    """Add what the article extractor found in the body (other instruments, people, events) to
    an official text's extraction; on any overlap the official parse wins (it is authoritative)."""
    by_key: dict[str, Instrument] = {}      # the parse's acts by their key
    for d in official.documents:
        by_key.setdefault(_ref_key(d.key), d)
    by_name = {_name_key(d.name): d.key for d in official.documents if d.number and d.name}
    renamed: dict[str, str] = {}
    whole = [_name_key(d.key) for d in official.documents if not d.number]
    for d in news.documents:
        if d.number is None and _cut_short(d.key, whole):
            continue    # a name the article rules cut short of one the parse read whole
        if d.number is None and d.name and _name_key(d.name) in by_name:
            renamed[_ref_key(d.key)] = by_name[_name_key(d.name)]   # "Luật Quản lý thuế" is the "... số 38/2019/QH14"
            continue
        if d.number is None and any(_upper_word(w) for w in (d.name or d.key).split()):
            continue    # read off an upper-case title or heading ("PHÁP LỆNH SỬA ĐỔI"): the parse's
        known = by_key.get(_ref_key(d.key))
        if known is None:
            official.documents.append(d)
        elif not getattr(known, "authoritative", False):   # a cited act: the news reading fills its gaps
            known.issued = known.issued or d.issued
            known.issuer = known.issuer or d.issuer
    _merge_agencies(official, news.agencies + listed_bodies(official.source)
                    + listed_units(official.source, _own_place(official.official)) + branch_bodies(official.source))
    people = {_fold(p.name) for p in official.people}
    official.people.extend(p for p in news.people if _fold(p.name) not in people)
    own = [(e.date, ev.start, ev.end) for e in official.events for ev in e.evidence]
    cues = load_lexicon().raw["cues"]
    preamble = tuple(_fold(c) for c in (*cues["basis"], *cues["proposer"], *cues["considering"]))
    official.events.extend(
        e for e in news.events
        # the session the parse dated, read again from the same sentence, is one event
        if not any(e.date == d and ev.start < b and a < ev.end for d, a, b in own for ev in e.evidence)
        # a "Xét Tờ trình số ... ngày ..." or "Căn cứ ..." line dates a document, not a meeting
        and not (e.evidence and _fold(e.evidence[0].text).lstrip("-–+• ").startswith(preamble)))
    # The official parse owns the text's bases and the links it states: the article rules' BASED_ON
    # inside an official text are its "Căn cứ" lines chained one to the next (A -> B -> C), and a
    # link between two instruments the parse already relates is the parse's to give.
    spelling: dict[str, str] = {}       # each act as the parse (or else the article) first spells it
    for d in official.documents:
        spelling.setdefault(_ref_key(d.key), d.key)

    def spelled(ref: str) -> str:
        return renamed.get(_ref_key(ref)) or spelling.get(_ref_key(ref), ref)

    for r in news.relations:
        r.source, r.target = spelled(r.source), spelled(r.target)
    pairs = {frozenset((_ref_key(r.source), _ref_key(r.target))) for r in official.relations}
    kinds = {_ref_key(d.key): d.kind for d in official.documents}
    official.relations.extend(
        r for r in news.relations
        if r.type != "BASED_ON" and frozenset((_ref_key(r.source), _ref_key(r.target))) not in pairs
        and not _cut_short(r.source, whole) and not _cut_short(r.target, whole)
        and rank_allows(r.type, kinds.get(_ref_key(r.source)), kinds.get(_ref_key(r.target))))
    return official


def _cut_short(ref: str, whole: list[str]) -> bool:
    """Whether a name is the start of one of ``whole`` (name keys) and no law's title itself:
    "Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú" is cut, "Luật Đầu tư" beside "Luật Đầu tư công" is
    another law (a number is never cut)."""
    if ref[:1].isdigit():
        return False
    k = _name_key(ref)
    return any(n.startswith(k + " ") for n in whole) and _title_at(ref, 0) != len(re.sub(
        r"\s+(?:năm\s+)?\d{4}$", "", ref.strip()))


def _name_key(name: str) -> str:
    """A law's name without the year or "(sửa đổi)" a mention adds to it."""
    return _fold(re.sub(r"\s+(?:năm\s+\d{4}|\(sửa đổi\))$", "", name.strip()))


def _ref_key(ref: str) -> str:
    """One key for an instrument however the two parsers print it ("07/2022/QH15", "7/2022/QH15";
    "Luật Ban hành văn bản quy phạm pháp luật năm 2025" and the name without its year)."""
    return normalize_number(ref).casefold() if ref[:1].isdigit() else _name_key(ref)
