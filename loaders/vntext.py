"""Vietnamese text helpers: folding for comparison, tone-mark placement, sentences.

Everything here keeps character offsets: functions that rewrite text return a string of
the same length, so spans found in the rewritten text point into the original.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# The language data the loaders read (the text core reads its sentence-ending credits there too).
LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicons"

# Upper-case Latin letters with Vietnamese diacritics, for regex classes ([A-Z] misses Đ, Ấ ...).
UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper())
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_DASH_RE = re.compile(f"[{DASHES}]")


# the combining marks Vietnamese (and Latin) letters decompose to (U+034F, a joiner, is not a mark)
_LATIN_MARKS = re.compile("[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _unless_mark(m: re.Match[str]) -> str:
    return "" if unicodedata.combining(m.group(0)) else m.group(0)


def drop_marks(decomposed: str) -> str:
    """An NFD text without its combining marks: Vietnamese ones by one regex, then any other
    non-ASCII character looked up one by one (quotes, dashes, other scripts)."""
    out = _LATIN_MARKS.sub("", decomposed)
    return out if out.isascii() else _NON_ASCII.sub(_unless_mark, out)


_BLANK_RUN = re.compile(r"[ \t]+")    # the only blanks decode.normalize_text leaves in a line


def one_space(line: str) -> str:
    """The line with each run of blanks one space (what keeps ``ahead``'s window exact)."""
    return _BLANK_RUN.sub(" ", line) if "  " in line or "\t" in line else line


def strip_diacritics(s: str) -> str:
    """'Bộ Nội vụ' -> 'Bo Noi vu'; Đ/đ have no decomposition, so map them by hand."""
    s = s.replace("Đ", "D").replace("đ", "d").replace("Ð", "D")
    return drop_marks(unicodedata.normalize("NFD", s))


def ascii_letters(text: str) -> str:
    """``strip_diacritics`` for a whole article, in C: the decomposed marks, and anything else not
    ASCII, are dropped by the codec (ten times faster than a character at a time)."""
    nfd = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return nfd.encode("ascii", "ignore").decode("ascii")


def fold_once(s: str) -> str:
    """``fold`` without its cache: for text folded once (a page's lines), which would only push
    the names out of the cache."""
    s = _DASH_RE.sub("-", strip_diacritics(unicodedata.normalize("NFC", s))).casefold()
    return re.sub(r"\s+", " ", s).strip()


@lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """A comparison key: no diacritics, lower case, one kind of dash, single spaces.  Cached: the
    same names and words are folded many times over an article and across a corpus."""
    return fold_once(s)


def fold_words(s: str) -> list[str]:
    """The folded words of a name, punctuation left out ("Vụ Công chức - Viên chức" -> vu, cong,
    chuc, vien, chuc): for comparing names word by word."""
    return re.findall(r"\w+", fold(s))


# Syllables whose tone sits on the second vowel in the "new" placement (hoà, thuỷ, khoẻ)
# are rewritten to the traditional one (hòa, thủy, khỏe).  Same length, so offsets hold.
_NEW_STYLE = re.compile(r"(?<![qQ])([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![\w])")


def _move_tone(m: re.Match[str]) -> str:
    first, second = m.group(1), m.group(2)
    nfd = unicodedata.normalize("NFD", second)
    base, marks = nfd[0], "".join(ch for ch in nfd[1:] if ch in _TONES)
    moved = unicodedata.normalize("NFC", first + marks)
    return moved + base


def old_tones(text: str) -> str:
    """Put tone marks where the traditional spelling has them: 'Uỷ ban hoà' -> 'Ủy ban hòa'."""
    return _NEW_STYLE.sub(_move_tone, text)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


# A sentence ends at . ! ? … followed by space and a capital or an opening quote, or at a
# line break.  Abbreviations that end in a dot (TS., GS., TP.) do not end a sentence.
_END = re.compile(rf"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[{UPPER}0-9])")
_ABBREV = re.compile(r"(?:\b(?:TS|GS|PGS|ThS|TSKH|TP|Th\.S|KTS|BS|KS|LS|St|Mr|Ms|Dr|Q|TM|KT|TL|TUQ|v\.v|Tp|Nxb|tr|Sđd|[^\W\d_])\.)$")
# ... but a single letter that is a word: "châu Á." (Asia) ends its sentence
_ONE_LETTER_WORD = re.compile(r"(?:[cC]hâu|Nam|Đông|Tây|Trung) Á\.$")


with open(LEXICON_DIR / "name_ends.toml", "rb") as _fh:
    _CREDIT_WORDS = tomllib.load(_fh)["credit_words"]
# a photo credit, then the next sentence's capital: the credit ends a sentence
_CREDIT = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(_CREDIT_WORDS, key=len, reverse=True))
                     + rf")\s*:\s*(?:[{UPPER}0-9][{UPPER}0-9.&/-]+|\w+(?:\.\w+)*\.(?:vn|com|net|org))(?=\s+[{UPPER}])")


def sentences(text: str) -> list[Sentence]:
    """Split into sentences with their spans; lines always split."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        seg_start = 0
        ends = [(m.start(), m.end()) for m in _END.finditer(line)]
        if ":" in line:
            ends = sorted(ends + [(m.end(), m.end()) for m in _CREDIT.finditer(line)])
        for start, end in ends:
            if start < seg_start or (_ABBREV.search(line, seg_start, start)
                                     and not _ONE_LETTER_WORD.search(line, seg_start, start)):
                continue
            _add(out, line, line_start, seg_start, start)
            seg_start = end
        _add(out, line, line_start, seg_start, len(line))
    return out


# A "sentence" longer than this is cut at a space: real sentences are far shorter, and every
# step that scans a sentence per match would otherwise grow with the square of its length.
MAX_SENTENCE = 1500


def _add(out: list[Sentence], line: str, line_start: int, a: int, b: int) -> None:
    seg = line[a:b]
    stripped = seg.strip()
    if not stripped:
        return
    lead = len(seg) - len(seg.lstrip())
    s = line_start + a + lead
    pos, n = 0, len(stripped)     # (offsets into it: slicing off the rest at each cut copied a
    while n - pos > MAX_SENTENCE:  # 64 MB line 40,000 times)
        found = stripped.rfind(" ", pos + MAX_SENTENCE // 2, pos + MAX_SENTENCE)
        cut = found - pos if found >= 0 else MAX_SENTENCE
        out.append(Sentence(s, s + cut, stripped[pos:pos + cut]))
        nxt = pos + cut
        while nxt < n and stripped[nxt].isspace():
            nxt += 1
        s += nxt - pos
        pos = nxt
    if pos < n:
        out.append(Sentence(s, s + n - pos, stripped[pos:]))


def is_cap(word: str) -> bool:
    """A capitalised word: first letter upper case (Vietnamese letters included)."""
    return bool(word) and word[0].isupper()


# How far a rule reads past a position.  A rule that matched on ``text[pos:]`` copied the rest of
# the document at every match, so one long line cost the square of its length.  The rules look a
# few words and brackets ahead, and every run of blanks is one space by then (decode.normalize_text
# makes each blank a space; ``one_space``, which every reader's line cleaning calls, collapses the
# runs), so no match reaches the end of the window.
LOOKAHEAD = 400


def ahead(text: str, pos: int) -> str:
    """The text just after ``pos``, for a pattern anchored there (offsets relative to ``pos``)."""
    return text[pos:pos + LOOKAHEAD]


_SPACES = re.compile(" *")


def spaces_at(text: str, pos: int) -> int:
    """How many spaces ``text`` has from ``pos`` on."""
    m = _SPACES.match(text, pos)
    return m.end() - pos if m else 0
