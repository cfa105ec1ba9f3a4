"""Stable, readable node ids and the text folding they rest on.

An id is what URLs, exports and a Neo4j store share, so it must not depend on how a
source happened to print a name: ``39- CT/TW``, ``39–CT/TW`` and ``039-CT/TW`` are all
``instrument/39-CT/TW``; "Đặng Hoàng Oanh" is ``person/đặng-hoàng-oanh`` whichever
tone-mark placement the article used.  A person's id keeps the tone marks, since they tell
people apart ("Nguyễn Thành Phong" and "Nguyễn Thanh Phong" are two); the id typed without them
still finds the one person it can mean (``graph.index.resolve``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from graph.schema import load_schema
from loaders.lexicon import expand_abbreviations
from loaders.vntext import drop_marks

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}   # huyền sắc ngã hỏi nặng
VOWELS = set("aăâeêioôơuưy")
MARKED_VOWELS = set("ăâêôơư")
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")
_WORD = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def _place_tone(word: str) -> str:
    """Put a syllable's tone mark on one vowel (traditional placement: hòa, thủy, Ủy)."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) != 1:
        return word
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    low = base.lower()
    start = 0
    if low.startswith(("qu", "gi")) and len(low) > 2 and low[2] in VOWELS:
        start = 2
    while start < len(low) and low[start] not in VOWELS:
        start += 1
    end = start
    while end < len(low) and low[end] in VOWELS:
        end += 1
    run = list(range(start, end))
    if not run:
        return word
    marked = [i for i in run if low[i] in MARKED_VOWELS]
    if marked:
        at = marked[-1]
    elif len(run) == 1:
        at = run[0]
    elif end < len(low):            # a final consonant: the last vowel ("hoàng")
        at = run[-1]
    elif len(run) == 3:             # "ngoài", "khuỷu"
        at = run[1]
    else:                           # "hòa", "thủy", "mía", "máy"
        at = run[0]
    out = base[: at + 1] + tones[0] + base[at + 1:]
    return unicodedata.normalize("NFC", out)


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """NFC, one tone-mark placement, Ð→Đ, single spaces: the form to compare with diacritics."""
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    text = _WORD.sub(lambda m: _place_tone(m.group(0)), text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=400_000)
def fold(text: str) -> str:
    """Case- and diacritic-free form (đ→d): the key for matching names typed any way."""
    text = text.replace("Đ", "D").replace("đ", "d").replace("\u00d0", "D").replace("\u00f0", "d")
    stripped = drop_marks(unicodedata.normalize("NFD", text))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def slug(text: str) -> str:
    """Folded text with runs of other characters as one dash: ``luat-vien-chuc``."""
    return _NON_ALNUM.sub("-", fold(text)).strip("-")


def short_hash(text: str, n: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def _canon_code(token: str) -> str:
    sch = load_schema()
    up = token.upper().replace("\u00d0", "Đ")
    if up in sch.code_exact:
        return sch.code_exact[up]
    folded = up.replace("Đ", "D")
    if folded in sch.code_folded:
        return sch.code_folded[folded]
    return up


@lru_cache(maxsize=100_000)
def norm_number(number: str) -> str:
    """``39- CT/TW`` → ``39-CT/TW``: no spaces, one dash, no leading zeros, known codes' case and Đ."""
    text = unicodedata.normalize("NFC", number).translate(DASHES)
    text = re.sub(r"^\s*(?:số|so|No\.?)\s*", "", text, flags=re.IGNORECASE)
    text = _SPACES.sub("", text).strip("-/.,;:")
    text = re.sub(r"^0+(?=\d)", "", text)
    text = re.sub(r"^(\d+)-((?:19|20)\d\d/)", r"\1/\2", text)   # "19-2017/NQ-CP" is 19/2017/NQ-CP
    parts = re.split(r"([-/])", text)
    return "".join(p if p in "-/" or not p or not p.isalpha() else _canon_code(p) for p in parts)


def leading_number(number: str) -> str | None:
    """The first number of a document number (``39`` of ``39-CT/TW``), zeros stripped."""
    m = re.match(r"\s*(?:số\s*)?0*(\d+)", unicodedata.normalize("NFC", number), re.IGNORECASE)
    return m.group(1) if m else None


def looks_numbered(key: str) -> bool:
    """A key is a document number when it starts with digits and has a code after them."""
    return bool(re.match(r"\s*(?:số\s*)?\d+\s*[-/\u2010-\u2015\u2212]", key, re.IGNORECASE))


_YEAR_WORD = re.compile(r"\bnăm\s+(?=(?:19|20)\d\d\b)", re.IGNORECASE)


def instrument_id(number: str | None = None, name: str | None = None) -> str:
    """``instrument/39-CT/TW``; an unnumbered one is the slug of its name, with "năm" before a
    year dropped ("Hiến pháp năm 2013" and "Hiến pháp 2013" are one node)."""
    if number and looks_numbered(number):
        return "instrument/" + norm_number(number)
    return "instrument/" + slug(_YEAR_WORD.sub("", normalize(name or number or "unnamed")))


def canonical_body(name: str) -> str:
    """The canonical name of a known body when ``name`` is one of its aliases; otherwise the
    name with its abbreviations spelled out (data/lexicons/abbreviations.toml), so that
    "UBND TP.HCM" and "UBND TPHCM" are one agency."""
    table, loose = _alias_table(), _loose_table()
    hit = table.get(fold(name)) or loose.get(body_key(name))
    if hit:
        return hit
    expanded = expand_abbreviations(normalize(name))
    return table.get(fold(expanded)) or loose.get(body_key(expanded)) or _misprinted(expanded) or expanded


# a known body's name long enough that one letter more, less or other is a misprint, not another
# body ("Cục Quảng lý Công sản" for "Cục Quản lý công sản"); compared with its tone marks (folded,
# "Thượng Hải" and "Thương mại" are one letter apart), after its first word, in a word of three
# letters or more ("Đại học ở Hà Nội" is no "Đại học Y Hà Nội")
MISPRINT_MIN = 14


def _marked(name: str) -> str:
    return normalize(name).lower()


@lru_cache(maxsize=1)
def _one_letter_off() -> dict[str, tuple[str, str] | None]:
    """Each known name (lower case, marks kept) and its spellings with one letter deleted -> the
    body and that name (None where two bodies share one: no guess)."""
    out: dict[str, tuple[str, str] | None] = {}
    for body in load_schema().bodies.values():
        for key in {_marked(n) for n in (body.name, *body.aliases)}:
            if len(key) < MISPRINT_MIN or " " not in key:
                continue
            for variant in {key, *(key[:i] + key[i + 1:] for i in range(key.index(" ") + 1, len(key)))}:
                seen = out.get(variant, (body.name, key))
                out[variant] = (body.name, key) if seen is not None and seen[0] == body.name else None
    return out


@lru_cache(maxsize=65536)
def _misprinted(name: str) -> str | None:
    """The known body ``name`` misprints by one letter, if exactly one."""
    key = _marked(name)
    if len(key) < MISPRINT_MIN or " " not in key or any(ch.isdigit() for ch in key):
        return None
    index = _one_letter_off()
    # the name itself or with a letter left out, or one letter of it too many or another
    found = {f for v in (key, *(key[:i] + key[i + 1:] for i in range(key.index(" ") + 1, len(key))))
             if (f := index.get(v))}
    if len({body for body, _ in found}) != 1:
        return None
    body, known = next(iter(found))
    printed, words = normalize(name).split(), known.split()
    if len(printed) == len(words) and any(
            a.lower() != b and (min(len(a), len(b)) < 3 or a.isupper()) for a, b in zip(printed, words, strict=True)):
        return None   # (the letter is in a word of three or more, not in initials: "ở" / "Y", "LHPN" / "LHTN")
    return body


_BODY_NOISE = re.compile(r"(?<!\w)(?:va|&)(?!\w)|[^\w ]+")


def body_key(name: str) -> str:
    """A body's name up to how its parts are joined: "Bộ Kế hoạch – Đầu tư", "Bộ Kế hoạch và Đầu
    tư" and "Sở Tài nguyên & Môi trường" lose their "và", "&" and dashes (one body, one id)."""
    return " ".join(_BODY_NOISE.sub(" ", fold(name)).split())


@lru_cache(maxsize=1)
def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for body in load_schema().bodies.values():
        table[fold(body.name)] = body.name
        for alias in body.aliases:
            table[fold(alias)] = body.name
    return table


@lru_cache(maxsize=1)
def _loose_table() -> dict[str, str]:
    """The known bodies by ``body_key``, where that key names one body only."""
    seen: dict[str, set[str]] = {}
    for key, name in _alias_table().items():
        seen.setdefault(body_key(key), set()).add(name)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def is_known_body(name: str) -> bool:
    return fold(name) in _alias_table() or body_key(name) in _loose_table()


def unit_head(name: str) -> str | None:
    """The repeating unit head a name starts with ("Vụ", "Cục", ...), longest first."""
    f = fold(name)
    for head in sorted(load_schema().unit_heads, key=len, reverse=True):
        h = fold(head)
        if f == h or f.startswith(h + " "):
            return head
    return None


def agency_id(name: str, parent: str | None = None) -> str:
    """``agency/bo-noi-vu``; a repeating unit with a parent is ``agency/<parent>/<unit>``."""
    name = canonical_body(name)
    if parent and needs_parent(name, parent):
        return f"agency/{slug(body_key(place_key(canonical_body(parent))))}/{slug(body_key(place_key(name)))}"
    return "agency/" + slug(body_key(place_key(name)))


_CENTRAL_CITIES = "Hà Nội|Hồ Chí Minh|Hải Phòng|Đà Nẵng|Cần Thơ"
_CITY_WORD = re.compile(rf"(?<=\S)\s+thành phố[\s.]*(?=(?:{_CENTRAL_CITIES})\b)", re.IGNORECASE)
_PROVINCE_WORD = re.compile(r"(?<=\S)\s+(?:tỉnh|Tỉnh(?!\s+(?:Ủy|Uỷ|ủy|uỷ|Đoàn|Hội)\b))\s+(?=(\w))")


def place_key(name: str) -> str:
    """The form of an agency name its id is made from: "tỉnh" before a province and "thành
    phố" before a centrally-run city dropped, so "Công an tỉnh Nghệ An" and "Công an Nghệ An",
    "UBND thành phố Hà Nội" and "UBND Hà Nội" are one node.  A provincial city keeps its
    "thành phố" ("Công an thành phố Thanh Hóa" is not the province's police); "Tỉnh ủy"
    (capitalised, then "ủy") is a body, not the word for province."""
    name = _CITY_WORD.sub(" ", normalize(name))
    return _PROVINCE_WORD.sub(lambda m: " " if m.group(1).isupper() else m.group(0), name)


def needs_parent(name: str, parent: str) -> bool:
    """Whether a unit's id must carry its parent to tell it from same-named units elsewhere."""
    if is_known_body(name) or unit_head(name) is None:
        return False
    return fold(canonical_body(parent)) not in fold(name)


_NON_WORD = re.compile(r"[\W_]+")


def marked_slug(text: str) -> str:
    """Lower case with one tone-mark placement, runs of other characters as one dash:
    ``nguyễn-thành-phong`` (``slug`` folds the marks away)."""
    return _NON_WORD.sub("-", normalize(text).lower()).strip("-")


# A syllable whose only vowel is "y" after a consonant is printed with "i" as often ("Sỹ"/"Sĩ",
# "Quý"/"Quí", "Kỳ"/"Kì", "Vy"/"Vi"): one name, one id.  "uy", "ay", "ây" are other vowels ("Huy").
_Y_SYLLABLE = re.compile(r"(?<![\w])(b|ch|c|đ|d|gh|gi|g|h|kh|k|l|m|ngh|ng|nh|n|ph|p|qu|r|s|th|tr|t|v|x)([yýỳỷỹỵ])(?![\w])")
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")


def person_id(name: str) -> str:
    """``person/đặng-hoàng-oanh``: tone marks kept, one placement ("Hòa" = "Hoà"), and a lone
    syllable-final "y" read as "i" ("Phạm Sỹ Quý" = "Phạm Sĩ Quí").

    >>> person_id("Phạm Sỹ Quý") == person_id("Phạm Sĩ Quý"), person_id("Nguyễn Văn Huy")
    (True, 'person/nguyễn-văn-huy')
    """
    slug_ = marked_slug(name)
    return "person/" + _Y_SYLLABLE.sub(lambda m: m.group(1) + m.group(2).translate(_Y_TO_I), slug_.replace("-", " ")
                                       ).replace(" ", "-")


def event_id(date: str, kind: str, source_id: str) -> str:
    return f"event/{date}/{slug(kind) or 'event'}-{short_hash(source_id, 6)}"


def source_node_id(source_id: str) -> str:
    return "source/" + short_hash(source_id, 12)


def node_type(node_id: str) -> str:
    """The schema type of an id: its prefix, capitalised (``instrument/...`` → Instrument)."""
    return node_id.split("/", 1)[0].capitalize()
