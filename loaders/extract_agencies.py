"""Agencies: national bodies from the lexicon ("Ban Bí thư", "Bộ Nội vụ") and patterned
units ("Vụ Hợp tác quốc tế", "Ban Cán sự đảng Bộ Nội vụ", "UBND tỉnh Quảng Nam") with the
body they belong to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.context import BEFORE_INSTRUMENT_RE, COMPOUNDS, STOP_WORDS, Doc, stops_at
from loaders.lexicon import Unit
from loaders.numbers import NUMBER_RE
from loaders.spans import Cover, Spans, starts_between
from loaders.vntext import UPPER, ahead, fold, fold_words, old_tones, spaces_at

_TOKEN = re.compile(r"\S+")
_TRAIL = ",;.:!?)”\"'…"


@dataclass
class AgencyHit:
    start: int
    end: int
    name: str
    parent: str | None


@dataclass
class Tok:
    start: int
    end: int
    word: str        # without trailing punctuation
    breaks: bool     # punctuation right after the word ends the phrase


def tokens(text: str, pos: int, limit: int = 16, commas: tuple[str, ...] = (),
           glue: re.Pattern[str] | None = None) -> list[Tok]:
    """The words from pos, each marked where punctuation after it ends the phrase; a comma inside
    one of ``commas`` (lower case: "phòng, chống", "phòng cháy, chữa cháy") does not, nor one that ``glue`` matches at
    ("Ban Bồi thường, GPMB quận Hoàng Mai": initials and a place go on the name)."""
    out = []
    for m in _TOKEN.finditer(text, pos):
        raw = m.group(0)
        if raw[0] in "(“\"":
            break
        word = raw.rstrip(_TRAIL)
        if not word:
            break
        comma = m.start() + len(word)   # (each phrase of ``commas`` is laid with its comma on this one)
        joined = raw.endswith(",") and (any(text[comma - c.index(","):comma - c.index(",") + len(c)].lower() == c
                                            for c in commas)
                                        or (glue is not None and glue.match(text, m.start() + len(word)) is not None))
        out.append(Tok(m.start(), m.start() + len(word), word, len(word) < len(raw) and not joined))
        if out[-1].breaks or len(out) >= limit or "\n" in text[m.end():m.end() + 1]:
            break
    return out


def person_starts_at(doc: Doc, pos: int) -> bool:
    """A capitalised run at pos that reads as a personal name (family name first, two to
    four syllables) and is not a known place.  A syllable in capitals is an abbreviation, not a
    name ("Nông Lâm TP HCM")."""
    if doc.lex.place_re.match(doc.shadow, pos):
        return False
    toks = tokens(doc.shadow, pos, 5)
    caps = 0
    for t in toks:
        if not t.word[:1].isupper() or (len(t.word) > 1 and t.word.isupper()):
            break
        caps += 1
        if t.breaks:
            break
    return caps >= 2 and toks[0].word in doc.lex.family_names


def _starts_other(doc: Doc, pos: int) -> bool:
    """Whether a new body, unit, title or person starts at pos (so a name must end before it)."""
    s = doc.shadow
    return bool(
        doc.lex.body_re.match(s, pos) or doc.lex.unit_re.match(s, pos)
        or doc.title_at(pos) or person_starts_at(doc, pos)
    )


# "Ảnh: ", "Nguồn: " right before, or with a photographer's name and a dash between
_CREDIT_BEFORE = re.compile(rf"(?:Ảnh|Nguồn|Video|Clip)\s*:\s*(?:[{UPPER}][^\W\d_]*\s+){{0,4}}[-–/]?\s*$")


def _byline(doc: Doc, m: re.Match[str]) -> bool:
    """A body in brackets after an author's name, the whole sentence a few words ("Thúy Hiền
    (TTXVN)", "PV (TTXVN)"): the byline of the article, not a mention."""
    s = doc.shadow
    if s[m.start() - 1:m.start()] != "(" or s[m.end():m.end() + 1] != ")":
        return False
    sent = doc.sentence_at(m.start())
    return len(s[sent.start:m.start()].split()) <= 4 and not s[m.end() + 1:sent.end].strip(" .")


def named_body(doc: Doc, m: re.Match[str]) -> tuple[str, int, bool] | None:
    """The body a match of ``lex.body_re`` names, its end, and whether it is foreign: a country
    right after it ("Bộ Quốc phòng Nga") makes it that country's body, never the Vietnamese one."""
    name = doc.lex.canonical_body(m.group(0))
    if not name:
        return None
    country = doc.lex.country_re.match(doc.shadow, m.end())
    if country:
        return f"{name} {doc.text[country.start():country.end()].strip()}", country.end(), True
    return name, m.end(), False


_NOT_VIETNAMESE = re.compile(r"[fjwzFJWZ]")   # letters no Vietnamese word spells


def ends_foreign(doc: Doc, name: str) -> bool:
    """A unit named for a country ("Cục Điều tra Liên bang Mỹ", "Cục Dự trữ Liên bang Mỹ Fed") or
    for something no Vietnamese word spells (f, j, w, z: "Vụ Formosa" is the Formosa case) belongs
    to no Vietnamese body.  A country word followed by a lower-case word is another word ("Cục Mỹ
    thuật")."""
    country = doc.lex.country_re.search(old_tones(name))   # (with its marks: "giáo dục" is no "Đức")
    if country is not None and country.end() == len(name):
        return True
    words = name.split()
    if len(words) > 1 and _NOT_VIETNAMESE.search(words[1]):
        return True
    return _country_then_capital(doc, words)


def _country_then_capital(doc: Doc, words: list[str]) -> bool:
    """A country word inside a name, followed by a capitalised word: "... Liên bang Mỹ Fed ..."."""
    for i in range(1, len(words) - 1):
        m = doc.lex.country_re.match(" " + " ".join(words[i:]))
        if m:
            after = (" " + " ".join(words[i:]))[m.end():].split()
            if after and after[0][:1].isupper():
                return True
    return False


def local_branch(doc: Doc, end: int) -> bool:
    """A place right after a registry unit ("Cục Quản lý thị trường tỉnh Lào Cai", "Kho bạc Nhà
    nước Hà Nội") makes it a local branch, which the unit rules name, not the national unit."""
    gap = len(doc.shadow[end:end + 3]) - len(doc.shadow[end:end + 3].lstrip(" "))
    if not gap:
        return False
    place = doc.lex.place_re.match(doc.shadow, end + gap)   # "Kho bạc Nhà nước Hà Nội", not "... Việt Nam"
    return doc.lex.province_word_re.match(doc.shadow, end + gap) is not None \
        or (place is not None and place.group(0) != "Việt Nam")


# ", quận Hai Bà Trưng": after a commune's name the address goes on, so the name was the commune's
# ("UBND phường Bùi Thị Xuân, quận Hai Bà Trưng"), not a person's
_ADDRESS_GOES_ON = re.compile(r"\s*,\s*(?:quận|huyện|thị xã|thành phố|TP\.?|tỉnh)\s")


def _place_after(doc: Doc, pos: int) -> tuple[str, int] | None:
    """'tỉnh Quảng Nam' / 'Hà Nội' / 'TP Hồ Chí Minh' at pos: the place as printed and its end."""
    s = doc.shadow
    m = doc.lex.place_word_re.match(s, pos)
    p = m.end() if m else pos
    pm = doc.lex.place_re.match(s, pos) or doc.lex.place_re.match(s, p)   # "TP.HCM" holds its word
    if pm:
        return doc.text[pos:pm.end()], pm.end()
    number = re.match(r"\d{1,2}(?![\d/.,-]\d)\b", ahead(s, p)) if m else None
    if number:   # "quận 2", "phường 5"
        return doc.text[pos:p + number.end()], p + number.end()
    toks = tokens(s, p, 8)
    caps: list[Tok] = []
    for t in toks:
        if not t.word[:1].isupper() or (t.word in doc.lex.not_name_words and (caps or s[max(0, t.start - 2):t.start].startswith("."))) \
                or (caps and (doc.lex.body_re.match(s, t.start) or _opens_unit(doc, t) or doc.title_at(t.start)
                              or (doc.lex.honorific_re.fullmatch(t.word) and person_starts_at(doc, t.end + 1)))):
            break   # ("UBND TP. Theo lãnh đạo ...": the next sentence; "Huyện ủy Tuy Phước" is a place; "... Ông X")
        caps.append(t)
        if t.breaks:
            break
    # a person may follow the place ("huyện Thạch Hà Nguyễn Văn Giang"): cut before the last
    # family name that leaves a two-to-four-syllable name
    cut = name_start_in_run(doc, [t.word for t in caps])
    if cut:
        caps = caps[:cut]
    elif person_starts_at(doc, p) and (3 if m is not None and m.group(0).strip() in ("xã", "phường") else 2) <= len(caps) <= 4 \
            and not (m is not None and _ADDRESS_GOES_ON.match(s, caps[-1].end)):
        # "Chủ tịch UBND TP Nguyễn Đức Chung", "Thành ủy Đinh La Thăng": a person, not a place; but
        # after "xã" two syllables are the commune ("UBND xã Thạch Ngọc")
        return None
    if not caps or (m is None and len(caps) > 3):
        return None
    if m is None and len(caps) == 1 and doc.lex.any_place_word_re.fullmatch(caps[0].word):
        return None   # ("Ban Đô thị HĐND TP, ...": the place word alone, no place)
    if m is not None and len(caps) == 1 and not caps[0].breaks and doc.lex.province_word_re.match(s, pos) \
            and re.match(r" [^\W\d_]", s[caps[0].end:caps[0].end + 2]) and s[caps[0].end + 1].islower() \
            and fold(caps[0].word) not in doc.lex.district_names and fold(caps[0].word) not in doc.lex.places:
        return None   # ("UBND TP. Liên quan đến ...": one capitalised word run into the next phrase, no city)
    return doc.text[pos:caps[-1].end], caps[-1].end


def _opens_unit(doc: Doc, t: Tok) -> bool:
    """Whether a unit's head starts at t and can open a unit there: not a head that is the whole word
    before punctuation ("xã Ninh Sở," is a commune's name, no Sở)."""
    u = doc.lex.unit_re.match(doc.shadow, t.start)
    return u is not None and not (t.breaks and u.end() == t.end)


def name_start_in_run(doc: Doc, words: list[str]) -> int:
    """Where a personal name starts inside a run of capitalised words that begins with a place
    ("Thạch Hà Nguyễn Văn Giang" -> 2, "Việt Nam Nguyễn Thị Kim Ngân" -> 2); 0 when none does.
    The name starts at a frequent family name and keeps two to four syllables."""
    cuts = [i for i, w in enumerate(words) if i >= 1 and w in doc.lex.common_family_names and 2 <= len(words) - i <= 4]
    # after a known place first ("Hải Dương | Nguyễn Đại Dân", not "Hải | Dương Nguyễn Đại Dân")
    placed = [i for i in cuts if fold(" ".join(words[:i])) in doc.lex.places]
    return (placed or cuts or [0])[0]


def _district_then_person(doc: Doc, toks: list[Tok]) -> bool:
    """Whether a capitalised run is a district without its word, then a person ("Bệnh viện Đa khoa
    | Vũ Quang | Nguyễn Văn Toại"): a district's name reads as a person's only when none follows."""
    words = []
    for t in toks:
        if not t.word[:1].isupper():
            break
        words.append(t.word)
        if t.breaks:
            break
    cut = name_start_in_run(doc, words)
    return cut >= 2 and fold(" ".join(words[:cut])) in doc.lex.district_names


def _parent_after(doc: Doc, pos: int, head: str = "", comma: bool = False,
                  comma_body: bool = True) -> tuple[str, int, bool] | None:
    """A parent printed right after a unit: 'Vụ X Bộ Y', 'Vụ X (Bộ Y)', 'Vụ X thuộc Bộ Y', or a
    provincial body ('Ban Tổ chức Tỉnh ủy Bình Định').  The flag says it is provincial.  Another
    unit is a parent after a word that says so ('Trung tâm X thuộc Trường Y', 'Phòng X của Sở Y')
    or, for a unit of lex.sub_units (``head``), printed right after it ('Phòng X Trường Y').  In a
    post (``comma``) a known body after a comma or dash is the parent too ('Phó Vụ trưởng Vụ Nghiên
    cứu, Ủy ban Kiểm tra Trung ương'; not with ``comma_body`` off: 'Bộ trưởng Bộ Lao động, Bộ Tài
    chính' lists two), and so is a unit for a Phòng ('Trưởng phòng X - Sở Y') and a local council or
    committee for any unit ('Trưởng ban Đô thị, HĐND TP Hà Nội'), unless a list goes on ('Vụ X, Bộ
    Y, Bộ Z')."""
    s = doc.shadow
    m = re.match(r"\s*(?:\(\s*|thuộc\s+|trực thuộc\s+|của\s+)?", ahead(s, pos))
    after_comma = re.match(r",\s*|\s+[-–]\s+", ahead(s, pos)) if comma else None   # ", Sở Y" or " - Sở Y"
    if after_comma and not (m and m.group(0).strip()):
        m = after_comma
    p = pos + (m.end() if m else 0)
    stated = bool(m and m.group(0).strip()) or head in doc.lex.sub_units
    b = doc.lex.body_re.match(s, p)
    name: str | None = None
    local = False
    named = named_body(doc, b) if b else None
    if named and m is after_comma and (not comma_body or named[2] or _list_goes_on(doc, named[1])):
        return None
    if named:
        name, end, _ = named
    elif b:
        return None
    else:
        u = doc.lex.unit_re.match(s, p)
        if u is None:
            return None
        unit = doc.lex.unit_by_head[fold(old_tones(u.group(0)))]
        if not (unit.place_name or unit.head == "Đảng ủy Khối" or stated):
            return None
        if m is after_comma and (_list_goes_on(doc, p) or not unit.place_name and (
                head not in doc.lex.sub_units or fold(unit.canonical_head) == fold(head))):
            return None   # after a comma a unit only for a Phòng, Khoa ("Phòng A, Phòng B" is a list), or
            # a local council or committee ("Trưởng ban Đô thị, HĐND TP Hà Nội")
        hit = parse_unit_at(doc, p) or _bare_province_committee(doc, p)
        if hit is None:
            return None
        name, end, local = hit.name, hit.end, unit.place_name or unit.head == "Đảng ủy Khối"
    if not name:
        return None
    if m and "(" in m.group(0):
        close = re.match(r"\s*\)", ahead(s, end))
        if not close:
            return None
        end += close.end()
    return name, end, local


def _bare_place_word(doc: Doc, pos: int, head: str, after: int) -> AgencyHit | None:
    """A unit named by its place with the place word alone, then a person or the end of a clause
    ("Phó Trưởng đoàn ĐB Quốc hội TP Ngọ Duy Hiểu", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh và ..."): the
    one province the sentence or else the article names, when it is of that kind."""
    word = doc.lex.province_word_re.match(doc.shadow, after)
    if word is None:
        return None
    end = after + len(word.group(0).rstrip())
    verb = re.match(r" ([^\W\d_]+)", doc.shadow[end:end + 12])
    if not (person_starts_at(doc, word.end()) or re.match(r"\s*(?:[,;.)]|và\s|cùng\s)", doc.shadow[end:end + 5])
            or (verb and verb.group(1).islower() and verb.group(1) not in doc.lex.not_own_place_after)):
        return None   # ("Phó Chủ tịch UBND tỉnh cho biết", "Phó Ban Pháp chế HĐND tỉnh đề nghị": a verb ends it)
    own = _own_province(doc, f"{head} {doc.text[after:end]}", pos)
    return AgencyHit(pos, end, own[0], None) if own else None


def _own_province(doc: Doc, name: str, pos: int) -> tuple[str, str] | None:
    """A unit's name that ends with a bare "tỉnh" or "thành phố" ("Trường Chính trị tỉnh"), with
    the one province its sentence or else the article names put after it, and that province's
    People's Committee; None when neither names one province, or one of the other kind."""
    word = doc.lex.province_word_end_re.search(name)
    province = doc.province_near(pos)
    if word is None or province is None or (word.group(0) == "tỉnh") == (province in doc.lex.city_provinces):
        return None
    return doc.with_place(name, province), doc.with_place(f"UBND {word.group(0)}", province)


def _bare_province_committee(doc: Doc, pos: int) -> AgencyHit | None:
    """A "Tỉnh ủy" or "Thành ủy" printed with no place at pos ("Ban Tổ chức Thành ủy"): the
    committee of the one province its sentence or else the article names, when it is of that kind;
    a bare "Huyện ủy" is the one district committee the article names with its place."""
    d = doc.lex.district_committee_re.match(doc.shadow, pos)
    if d is not None and not doc.lex.place_word_re.match(doc.shadow, d.end() + 1) \
            and not re.match(r" [A-ZĐ]", doc.shadow[d.end():d.end() + 2]):
        named = {m.group(0) for m in re.finditer(rf"{re.escape(d.group(0))} (?:(?:huyện|quận|thị xã) )?[{UPPER}]\w*(?: [{UPPER}]\w*)?",
                                                  doc.shadow)}
        return AgencyHit(pos, d.end(), named.pop(), None) if len(named) == 1 else None
    m = doc.lex.province_committee_re.match(doc.shadow, pos)
    province = doc.province_near(pos)
    if m is None or province is None or doc.lex.place_word_re.match(doc.shadow, m.end() + 1):
        return None
    if (doc.lex.province_committees[m.group(0)] == "city") != (province in doc.lex.city_provinces):
        return None
    return AgencyHit(pos, m.end(), f"{m.group(0)} {province}", None)


def _list_goes_on(doc: Doc, pos: int) -> bool:
    """Whether another body or unit follows at pos after a comma or "và" ("Vụ X, Bộ Y, Tổng cục Z")."""
    sep = re.match(r"\s*,\s*|\s+và\s+", ahead(doc.shadow, pos))
    return sep is not None and bool(doc.lex.body_re.match(doc.shadow, pos + sep.end())
                                    or doc.lex.unit_re.match(doc.shadow, pos + sep.end()))


def _place_in_name(doc: Doc, pos: int) -> int | None:
    """The end of a province or city printed at pos inside a unit's name, with or without its
    word ("Hải Phòng", "TP. Hồ Chí Minh", "Thành phố Hà Nội"); None when no known one starts there."""
    s = doc.shadow
    word = doc.lex.province_word_re.match(s, pos) if s[pos:pos + 1].isupper() else None
    p = word.end() if word else pos
    pm = doc.lex.place_re.match(s, p)
    return pm.end() if pm else None


def _split_place(doc: Doc, toks: list[Tok]) -> str | None:
    """The place at the end of a unit's name ('Phòng Tài chính huyện Thạch Thành' -> 'huyện Thạch Thành')."""
    for t in toks[1:]:
        if doc.lex.place_word_re.match(doc.shadow, t.start):
            return doc.text[t.start:toks[-1].end]
    return None


def _next_post_at(doc: Doc, pos: int) -> bool:
    """A title and the body it heads at pos ("Giám đốc Học viện ..."): another post, no name
    ("Văn phòng Thủ tướng Singapore" is named for a title)."""
    tm = doc.title_at(pos)
    if tm is None:
        return False
    at = tm.end() + 1
    return bool(doc.lex.body_re.match(doc.shadow, at) or doc.lex.unit_re.match(doc.shadow, at))


def _names_by_number(doc: Doc, end: int) -> bool:
    """Whether the number ending at ``end`` goes on a numbered unit's name: not a number's part
    ("3.5", "2/9") nor a count ("2 năm qua", "30 giường")."""
    if re.match(r"[.,/:-]\d", doc.shadow[end:end + 2]):
        return False
    nxt = re.match(r"\s+([^\W\d_]+(?:\s+[^\W\d_]+)?|%)", doc.shadow[end:end + 30])
    return nxt is None or not any(nxt.group(1) == w or nxt.group(1).startswith(w + " ") for w in doc.lex.counted_words)


def _unit_name(doc: Doc, unit: Unit, after: int) -> tuple[list[Tok], int] | None:
    """The words that name a unit after its head, by the unit's naming style."""
    toks = tokens(doc.shadow, after, 14, doc.lex.name_commas, doc.lex.comma_initials_place_re)
    if not toks:
        return None
    if unit.lower_name:
        out: list[Tok] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            lead = BEFORE_INSTRUMENT_RE.match(doc.shadow, t.start) if out else None
            if lead and doc.lex.kind_word_re.match(doc.shadow, lead.end()):
                # "Ban Chỉ đạo sơ kết | 5 năm thực hiện | Luật Hợp tác xã năm 2012"
                while i < len(toks) and toks[i].start < lead.end():
                    out.append(toks[i])
                    i += 1
                continue
            year = re.match(r"năm \d{4}(?!\d)", doc.shadow[t.start:t.start + 9])
            if year and any(doc.lex.kind_word_re.match(doc.shadow, x.start) for x in out):
                out.extend(toks[i:i + 2])   # the instrument's year: "Luật Hợp tác xã năm 2012"
                break
            ends = stops_at([x.word for x in toks], i) or (out and _starts_other(doc, t.start))
            # a document reference is part of the name: "Ban Chỉ đạo tổng kết Chỉ thị số 39-CT/TW"
            if ends and not doc.lex.kind_word_re.match(doc.shadow, t.start):
                break
            if not out and re.fullmatch(r"\d{2,3}", t.word) and not t.breaks:
                out.append(t)   # a committee named by its number ("Ban Chỉ đạo 389 tỉnh")
                i += 1
                continue
            if t.word[:1].isdigit():
                n = NUMBER_RE.match(doc.shadow, t.start)
                if not n or not out:
                    break
                out.append(Tok(t.start, n.end(), doc.shadow[t.start:n.end()], True))
                break
            if t.word in ("số", "Số") and out:
                out.append(t)
                i += 1
                continue
            out.append(t)
            if t.breaks:
                break
            i += 1
        return (out, out[-1].end) if out else ([], after)
    first = toks[0]
    if not first.word[:1].isupper() or (person_starts_at(doc, first.start) and not _district_then_person(doc, toks)):
        return None
    out = [first]
    words = [t.word for t in toks]
    i = 1
    stem = doc.lex.ministry_stem_re.match(doc.shadow, first.start)
    k = next((j for j, t in enumerate(toks) if stem and t.end == stem.end()), 0)
    if k and not any(t.breaks for t in toks[:k]):
        out, i = toks[:k + 1], k + 1   # "Phòng Tài nguyên - môi trường": a ministry's field, however joined
    while i < len(toks) and not out[-1].breaks and len(out) < 10 + 2 * sum(doc.shadow[x.end] == "," for x in out):
        t = toks[i]
        ends_place_word = any((w := doc.lex.place_word_re.match(doc.shadow, x.start)) and w.end() == t.start
                              for x in out[-2:]) and f"{out[-1].word} {t.word}".lower() not in COMPOUNDS
        # ("... tỉnh", "... thành phố" right before t; "xã hội" is no place)
        if t.word == "và":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt and nxt.word[:1].isupper() and not _starts_other(doc, nxt.start):
                out.extend([t, nxt])
                i += 2
                continue
            # a name in sentence case goes on after "và" in lower case ("Phòng Quản lý thi và kiểm
            # định chất lượng giáo dục"), unless a function word or a verb follows
            if nxt and nxt.word[:1].islower() and any(x.word[:1].islower() for x in out[1:]) \
                    and not stops_at(words, i + 1) and not nxt.breaks and not ends_place_word \
                    and not doc.lex.honorific_re.fullmatch(nxt.word):   # ("... và bà Lưu Thị Ánh Loan")
                out.extend([t, nxt])
                i += 2
                continue
            break
        place_word = doc.lex.place_word_re.match(doc.shadow, out[-1].start)
        after_place = place_word is not None
        if t.word in ("-", "–") and i + 1 < len(toks) and toks[i + 1].word[:1].isupper() \
                and not _starts_other(doc, toks[i + 1].start):
            out.extend([t, toks[i + 1]])   # "Phòng Kinh tế - Hạ tầng", not "... - Bí thư Thành ủy", "... – Bộ Công an"
            i += 2
            continue
        if ends_place_word and t.word[:1].islower() and not doc.lex.place_re.match(doc.shadow, t.start):
            break   # "Trường Chính trị tỉnh khai giảng": the place word ends the name, its place unsaid
        if after_place:
            pm = doc.lex.place_re.match(doc.shadow, t.start)
            if pm:  # "quận Hai Bà Trưng": the whole place
                out.extend(x for x in toks[i:] if x.end <= pm.end())
                break
            if re.fullmatch(r"\d{1,2}", t.word) and doc.lex.numbered_place_re.fullmatch(out[-1].word):
                out.append(t)   # "Phòng GD&ĐT quận 11": a place named by its number
                break
            if t.word in doc.lex.not_name_words:
                break   # ("Thanh tra TP Sau đó, ...": the next sentence, no place)
            if doc.lex.province_word_re.match(doc.shadow, out[-1].start) and person_starts_at(doc, t.start):
                break   # "Bệnh viện Phổi tỉnh Trương Hồng Lĩnh": the province unnamed (all are known), then a person
        elif t.word in doc.lex.not_name_words:
            break
        else:
            place = _place_in_name(doc, t.start)
            if place:  # "Cục Hải quan Hải Phòng", "Cục Thuế TP. Hồ Chí Minh": the place ends the name
                out.append(Tok(t.start, place, doc.shadow[t.start:place], True))
                return out, place
        if out[-1].word[:1].isupper() and t.word[:1].islower() and (any(
                doc.lex.place_word_re.match(doc.shadow, x.start) for x in out[1:]) or doc.shadow.endswith("Việt Nam", 0, out[-1].end)):
            break  # "Phòng GD&ĐT huyện Nghi Lộc xác nhận": the name ends with its place
        pair = f"{t.word} {toks[i + 1].word}".lower() if i + 1 < len(toks) else ""
        if t.word[:1].isupper() and pair in doc.lex.caption_verbs and pair not in COMPOUNDS:
            break   # ("Ủy ban Bảo vệ Chăm sóc trẻ em Việt Nam Phát biểu": a caption's verb run in; not "Ban Chỉ đạo")
        if t.word[:1].isupper():
            # a school is named for a person: "Trường THPT Chu Văn An", "Trường Đại học Tôn Đức Thắng"
            named_for = bool(unit.first_words) and " ".join(x.word for x in out) in unit.first_words \
                and person_starts_at(doc, t.start)
            district = _district_then_person(doc, toks[i:])   # "Bệnh viện Đa khoa Vũ Quang Nguyễn Văn Toại"
            if not after_place and not named_for and not district and _starts_other(doc, t.start) \
                    and not _opens_compound(toks, i):
                break   # (but "Viện Kỹ thuật Phòng không-Không quân": "Phòng không" is no unit)
        elif (unit.numbered or out[-1].word in ("số", "Số")) and re.fullmatch(r"\d{1,3}", t.word) \
                and _names_by_number(doc, t.end):
            pass   # "Bệnh viện Nhi đồng 1 TP.HCM", "Bệnh viện Quân y 175", "Phòng Cảnh sát PCCC số 6"
        elif (stops_at(words, i) and doc.shadow[out[-1].end] != ",") or not t.word[:1].isalpha():
            break   # (a comma kept inside the name, "Cục Thẩm định, đánh giá ...", holds its phrase)
        out.append(t)
        i += 1
    return out, out[-1].end


def _opens_compound(toks: list[Tok], i: int) -> bool:
    """Whether toks[i] and the next word (up to a hyphen) are one word of lexicon compounds."""
    if i + 1 >= len(toks) or toks[i].breaks:
        return False
    return f"{toks[i].word} {toks[i + 1].word.split('-')[0]}".lower() in COMPOUNDS


def _lower_name_with_parent(doc: Doc, head: str, pos: int, after: int) -> AgencyHit | None:
    """'Cục quản lý giá (Bộ Tài chính)': a name typed in lower case counts only when the
    ministry it belongs to is printed right after it."""
    toks = tokens(doc.shadow, after, 8, doc.lex.name_commas)
    out: list[Tok] = []
    for i, t in enumerate(toks):
        if not t.word[:1].islower() or t.word in STOP_WORDS or (i == 0 and t.word == "trưởng"):
            break
        out.append(t)
        if t.breaks:
            break
    for k in range(len(out), 0, -1):
        parent = _parent_after(doc, out[k - 1].end)
        if parent and not parent[2]:
            return AgencyHit(pos, parent[1], f"{head} {doc.text[out[0].start:out[k - 1].end]}", parent[0])
    return None


def _body_inside_head(doc: Doc, pos: int, head_end: int) -> AgencyHit | None:
    """A known body that starts inside a unit's head and runs past it ("Ban Thường vụ | Đảng ủy
    Công an Trung ương"): the unit is the head's first words of that body."""
    s = doc.shadow
    for gap in re.finditer(r" (?=\S)", s[pos:head_end]):
        b = doc.lex.body_re.match(s, pos + gap.end())
        named = named_body(doc, b) if b and b.end() > head_end else None
        if named and not named[2] and not local_branch(doc, named[1]):   # ("Ủy ban MTTQ Việt Nam tỉnh X")
            return AgencyHit(pos, named[1], f"{doc.text[pos:pos + gap.start()]} {named[0]}", named[0])
    return None


def parse_unit_at(doc: Doc, pos: int, head_ci: bool = False, in_post: bool = False) -> AgencyHit | None:
    """A patterned unit starting at pos (the head word must be there); ``in_post``: printed in a
    post, where a body after a comma is its parent.  A unit printed with initials that the registry
    knows under its owner is that unit ("Cục ATTP (Bộ Y tế)" is Cục An toàn thực phẩm)."""
    hit = _parse_unit_at(doc, pos, head_ci, in_post)
    hm = doc.lex.unit_re.match(doc.shadow, pos) if hit is not None else None
    if hit is None or hm is None:
        return hit
    ministry = _ministry_by_initials(doc, hit) if hm.group(0) == "Bộ" else None
    if ministry is not None:
        return ministry
    owner = hit.parent or doc.context_body
    known = registry_unit_by_initials(doc, doc.lex.unit_by_head[fold(old_tones(hm.group(0)))].canonical_head, hit.name, owner)
    if known is None:
        return hit
    body = doc.lex.bodies.get(known)
    return AgencyHit(hit.start, hit.end, known, body.parent if body else owner)


def _parse_unit_at(doc: Doc, pos: int, head_ci: bool = False, in_post: bool = False) -> AgencyHit | None:
    s = doc.shadow
    hm = doc.lex.unit_re.match(s, pos)
    if hm is None and head_ci:
        probe = s[pos:pos + 40]
        hm2 = doc.lex.unit_re.match(probe[:1].upper() + probe[1:])
        if hm2 is None:
            return None
        head_text, head_end = hm2.group(0), pos + hm2.end()
    elif hm is None:
        return None
    else:
        head_text, head_end = hm.group(0), hm.end()
    unit = doc.lex.unit_by_head[fold(old_tones(head_text))]
    head = unit.canonical_head
    inner = _body_inside_head(doc, pos, head_end)
    if inner is not None:
        return inner
    after = head_end + spaces_at(s, head_end)
    if unit.head[:1].islower() and unit.first_words and not any(s.startswith(w, after) for w in unit.first_words):
        return None   # "trường THCS X" is a school; "nghị trường Quốc hội" is not
    parent = _parent_after(doc, head_end)
    if parent and head not in doc.lex.one_per_body and re.match(r"\s+(?:trực\s+)?thuộc\s|\s+của\s", ahead(s, head_end)):
        return None   # "Bệnh viện trực thuộc Bộ Y tế": any of the ministry's hospitals (but "Thanh tra của Bộ X")
    if parent:
        return None if unit.needs_name else AgencyHit(pos, parent[1], f"{head} {parent[0]}", parent[0])
    if unit.needs_parent:
        return None
    bare_bo = re.match(r"\s+Bộ(?![\w])", ahead(s, head_end))
    if bare_bo and unit.parent == "ministry" and doc.context_body:
        return AgencyHit(pos, head_end + bare_bo.end(), f"{head} {doc.context_body}", doc.context_body)
    if unit.place_name:
        filler = doc.lex.place_filler_re.match(s, head_end)
        if filler and filler.end() > head_end:   # "Đoàn ĐBQH khóa XIV đơn vị tỉnh X": the delegation of X
            after = filler.end() + 1
        country = re.match(r"\s+(?:Việt Nam|VN)\s+", ahead(s, head_end))
        if country and _place_after(doc, head_end + country.end()):
            # "Ủy ban MTTQ Việt Nam TP Hà Nội": the country is part of the name, the place makes it local
            head, after = doc.text[pos:head_end + country.end() - 1], head_end + country.end()
        place = _place_after(doc, after)
        if not place:
            return _bare_place_word(doc, pos, head, after)
        return AgencyHit(pos, place[1], f"{head} {place[0]}", None)
    if unit.first_words and not any(s.startswith(w, after) for w in unit.first_words):
        return None
    if unit.ministry_stem:
        stem = doc.lex.ministry_stem_re.match(s, after)
        if stem is None:
            return None
        end = stem.end()
        name = f"{head} {doc.text[after:end]}"
        place = _place_after(doc, end + 1) if doc.lex.province_word_re.match(s, end + 1) \
            or doc.lex.place_re.match(s, end + 1) else None
        if place:
            return AgencyHit(pos, place[1], f"{name} {place[0]}", f"UBND {place[0]}")
        return AgencyHit(pos, end, name, None)
    # "Bí thư Đảng ủy Giám đốc Học viện ...", a comma left out: in a post, a title and its body after
    # the head are the next post, not the unit's name ("Văn phòng Thủ tướng Singapore", "Ban Giám đốc
    # Công an tỉnh" outside a post are named for a title)
    named = None if _next_post_at(doc, after) and _after_title(doc, pos) else _unit_name(doc, unit, after)
    if named is None and unit.parent == "ministry":
        lowered = _lower_name_with_parent(doc, head, pos, after)
        if lowered is not None:
            return lowered
    if named is None:
        if unit.bare_ok and doc.context_body and not re.match(r"\s+(?:một số|các|những)\b", ahead(s, head_end)):
            return AgencyHit(pos, head_end, f"{head} {doc.context_body}", doc.context_body)
        return None
    toks, end = named
    if not toks:
        return AgencyHit(pos, head_end, head, None)
    name = f"{head} {doc.text[toks[0].start:end]}"
    initials = _INITIALS_THEN_SPACE.match(s, end)
    at = initials.end() if initials else -1
    place = _place_after(doc, at) if at > 0 and (doc.lex.province_word_re.match(s, at) or doc.lex.place_re.match(s, at)) else None
    if place:
        # "Ban Quản lý An toàn thực phẩm (ATTP) TP.HCM": the name's initials, then its place
        name, end = f"{name} {place[0]}", place[1]
    if head == "Vụ" and _NOT_VIETNAMESE.search(toks[0].word):
        return None   # "vụ Formosa" is a case, not a department: no Vietnamese word spells f, j, w, z
    parent = _parent_after(doc, end, unit.canonical_head, comma=in_post and (
        unit.parent in ("ministry", "stated", "") or unit.canonical_head in doc.lex.sub_units),
        comma_body=unit.canonical_head not in doc.lex.peer_heads)
    if parent:
        if parent[2]:
            return AgencyHit(pos, parent[1], f"{name} {parent[0]}", parent[0])
        return AgencyHit(pos, parent[1], name, parent[0])
    own = _own_province(doc, name, pos)
    if own:   # "Trường Chính trị tỉnh" in an article about one province: that province's
        # (its People's Committee is its parent when it is a unit of the province, or its name ends
        # with that committee: "Văn phòng UBND TP" -> Văn phòng UBND TP HCM, of UBND TP HCM)
        return AgencyHit(pos, end, own[0], own[1] if unit.parent in ("province", "district") or own[0].endswith(" " + own[1]) else None)
    local_place = _split_place(doc, toks) if unit.parent in ("province", "district") else None
    if local_place:
        return AgencyHit(pos, end, name, f"UBND {local_place}")
    # a unit named for a country is foreign; one named for a province is a local branch
    # ("Cục Thuế TP. Hồ Chí Minh"): neither is a unit of the ministry the article is about
    local = any(_place_in_name(doc, x.start) for x in toks[1:]) if unit.parent == "ministry" else False
    default = doc.context_body if unit.parent == "ministry" and doc.ministries_named <= 1 \
        and not local and not ends_foreign(doc, name) and not _foreign_sentence(doc, pos) \
        and not branch_of_some_province(doc, name) and _may_be_unit_of(doc, head, name, doc.context_body) else None
    return AgencyHit(pos, end, name, default)


def branch_of_some_province(doc: Doc, name: str) -> bool:
    """Whether a bare name is a branch every province had when the text was written ("Cục Thuế"
    before 2025: Cục Thuế tỉnh X, of Tổng cục Thuế), not a unit of the ministry; an undated text
    counts as written before."""
    key = fold(name)
    if key not in doc.lex.branch_heads:
        return False
    since = doc.lex.branch_heads[key]      # None: a region word with no region ("... khu vực")
    year = (doc.published or "")[:4] or doc.latest_year
    return since is None or not (year and year.isdigit() and int(year) >= since)


# a ministry's initials as the press prints them: capitals joined by signs, spaces or "và"
# ("Bộ VH,TT&DL", "Bộ NN- PTNT", "Bộ GD và ĐT", "Bộ LĐ-TBXH")
_INITIAL_OR_JOIN = re.compile(rf"[{UPPER}]|\s*[,&.\-–]\s*|\s+và\s+|\s+")


def _ministry_by_initials(doc: Doc, hit: AgencyHit) -> AgencyHit | None:
    """The ministry whose initials a "Bộ" printed with capitals spells, however they are joined, also
    past where the unit's name stopped ("Bộ NN & PTNT") or with a word glued on ("Bộ GTVTLê Đình
    Thọ", "Bộ NN&PTNTđưa"); None when they spell none or go on to more capitals."""
    s = doc.shadow
    at = hit.start + len("Bộ ")
    letters, ends = "", []
    while at < hit.end + 12 and (m := _INITIAL_OR_JOIN.match(s, at)) is not None:
        if len(m.group(0)) == 1 and m.group(0).isupper():
            letters += m.group(0)
            ends.append(m.end())
        at = m.end()
    for n in range(len(letters), 1, -1):
        name = doc.lex.ministry_by_initials.get(letters[:n])
        glued = n < len(letters) and ends[n] == ends[n - 1] + 1
        if name and (not glued or s[ends[n]:ends[n] + 1].islower()):   # ("Bộ GTVTLê": a word glued on)
            return AgencyHit(hit.start, ends[n - 1], name, None)
    return None


def _initials_match(printed: list[str], words: tuple[str, ...]) -> bool:
    """Whether printed words (folded; an abbreviation in capitals kept as printed) spell ``words``,
    each abbreviation standing for as many of them as it has letters ("quản lý KCB" for "quản lý
    khám chữa bệnh")."""
    if not printed:
        return not words
    first, rest = printed[0], printed[1:]
    if len(first) > 1 and first.isupper() and first.isalpha():
        n = len(first)
        letters = fold(first)
        return len(words) >= n and "".join(w[0] for w in words[:n]) == letters and _initials_match(rest, words[n:])
    return bool(words) and fold(first) == words[0] and _initials_match(rest, words[1:])


def registry_unit_by_initials(doc: Doc, head: str, name: str, owner: str | None) -> str | None:
    """The one registry unit of ``owner`` that a unit printed with initials names ("Cục ATTP" ->
    Cục An toàn thực phẩm, "Cục Quản lý KCB" -> Cục Quản lý Khám, chữa bệnh); None unless exactly one."""
    printed = re.findall(r"\w+", name)
    head_words = tuple(fold_words(head))
    if not owner or not any(len(w) > 1 and w.isupper() and w.isalpha() for w in printed[len(head_words):]):
        return None
    if tuple(fold(w) for w in printed[:len(head_words)]) != head_words:
        return None
    found = {unit for unit, words in doc.lex.registry_units_of.get(owner, ())
             if words[:len(head_words)] == head_words and _initials_match(printed[len(head_words):], words[len(head_words):])}
    return found.pop() if len(found) == 1 else None


def _may_be_unit_of(doc: Doc, head: str, name: str, body: str | None) -> bool:
    """Whether a unit printed without its owner may be one of ``body``'s, by the registry: a unit
    of the body's with the same head whose other words contain the printed ones or are contained
    in them ("Vụ Công chức" of "Vụ Công chức - Viên chức", "Cục Văn thư lưu trữ" of "Cục Văn thư
    và Lưu trữ nhà nước", "Cục HHVN" of "Cục Hàng hải Việt Nam"; not "Văn phòng Phủ" nor "Văn
    phòng Ủy ban nhân dân tỉnh").  A body the registry lists no units for keeps the old guess (any
    unit is its)."""
    units = doc.lex.registry_unit_words.get(body or "")
    if not units:
        return True
    head_words = tuple(fold_words(head))
    printed = re.findall(r"\w+", name)
    words = [fold(w) for w in printed]
    if tuple(words[:len(head_words)]) != head_words:
        return False
    # an abbreviation stands for the initials of the words it shortens ("Cục HHVN": Hàng hải Việt Nam)
    acronyms = [fold(w) for w in printed[len(head_words):] if len(w) > 1 and w.isalpha() and w.isupper()]
    rest = set(words[len(head_words):]) - set(acronyms)
    for unit in units:
        if unit[:len(head_words)] != head_words:
            continue
        # a unit the registry names by its head alone ("Văn phòng") is printed with the body's name
        other = unit[len(head_words):] or tuple(fold_words(body or ""))
        initials = "".join(w[0] for w in other)
        if acronyms and all(a in initials for a in acronyms) and rest <= set(other):
            return True
        # a branch head's words are in every branch's name ("Cục Thuế" in "Cục Thuế tổng hợp")
        contains = set(other) <= rest and " ".join(unit) not in doc.lex.branch_heads
        if not acronyms and rest and (rest <= set(other) or contains):
            return True
    return False


_INITIALS_THEN_SPACE = re.compile(rf"\s*\([{UPPER}0-9&]{{2,10}}\)\s+")


def _foreign_sentence(doc: Doc, pos: int) -> bool:
    """Whether the sentence at pos names a foreign country ("Tổng thống Hàn Quốc ... Văn phòng An
    ninh Quốc gia"): a unit named there is not the article's ministry's by default."""
    sent = doc.sentence_at(pos)
    return any(m.group(0).strip() != "Việt Nam" for m in doc.lex.country_re.finditer(doc.shadow, sent.start, sent.end))


_PREV_WORD = re.compile(r"(\w+)\s+$")


def _inside_capitalised_name(doc: Doc, pos: int) -> bool:
    """A one-word head right after another capitalised word (not a sentence opener)."""
    window = doc.shadow[max(0, pos - 30):pos]
    m = _PREV_WORD.search(window)
    if not m or not m.group(1)[:1].isupper() or m.group(1) in doc.lex.not_name_words:
        return False
    return not _after_title(doc, pos)   # "Trưởng Phòng Đào tạo", "Thứ trưởng Bộ X": a post, then the unit


_COMMA_OR_DASH = re.compile(r",| [-–] ")


def _after_title(doc: Doc, pos: int) -> bool:
    """Whether a post title ends right before pos or on the head at pos ("Phó vụ trưởng Vụ X",
    "Trưởng Phòng X")."""
    return any(t.start() < pos and (t.end() > pos or not doc.lower[t.end():pos].strip())
               for t in doc.lex.title_re.finditer(doc.lower, max(0, pos - 30), pos + 12))


# "X mang tên Y": an institution named after someone; in the press, one abroad ("Học viện Quốc phòng
# mang tên Đại tướng Maximo Gómez" is Cuba's), not the registry's body of the same head
_NAMESAKE = re.compile(r"\s+mang tên\s")


def find_agencies_in(doc: Doc, start: int, end: int) -> list[AgencyHit]:
    """Every agency named between start and end, in text order; a unit and the parent body
    printed inside it ("Ban Cán sự đảng Bộ Nội vụ") are both returned."""
    s = doc.shadow
    hits: list[AgencyHit] = []
    whole = start == 0 and end >= len(s)
    body_matches = doc.body_matches if whole else list(doc.lex.body_re.finditer(s, start, end))
    for m in body_matches:
        named = named_body(doc, m)
        if not named:
            continue
        name, body_end, foreign = named
        if foreign:
            hits.append(AgencyHit(m.start(), body_end, name, None))
            continue
        body = doc.lex.bodies[name]
        if _NAMESAKE.match(s, body_end):
            continue   # "Học viện Quốc phòng mang tên “Đại tướng Maximo Gómez”": a namesake (Cuba's), not the registry's
        if body.kind in ("unit", "front") and local_branch(doc, m.end()):
            continue   # ("Ủy ban MTTQ Việt Nam TP Hà Nội" is the city's committee, which the unit rules name)
        if s[m.start() - 1:m.start()] == "/" or s[m.end():m.end() + 1] == "/" \
                or _CREDIT_BEFORE.search(s[max(0, m.start() - 40):m.start()]) or _byline(doc, m):
            continue  # a credit or byline ("Ảnh: Văn Điệp/TTXVN", "Ảnh: Thanh Liêm – TTXVN"), not a mention
        if body.person_post and (s[max(0, m.start() - 4):m.start()].endswith("Phó ") or person_starts_at(doc, m.end() + 1)
                                 or re.match(r" [A-Z][a-z]+ [A-Z]", s[m.end():m.end() + 40])):
            continue   # ("Chủ tịch nước Trần Đại Quang", "Chủ tịch nước Bounnhang Vorachith": a post)
        hits.append(AgencyHit(m.start(), m.end(), name, body.parent))
    # a body inside a unit's head ("Quốc hội" in "Đoàn Đại biểu Quốc hội") is not named on its own
    unit_matches = list(doc.lex.unit_re.finditer(s, start, end))
    heads = Spans((m.start(), m.end()) for m in unit_matches if " " in m.group(0))
    hits = [h for h in hits if not any(heads.spans[i] != (h.start, h.end) for i in heads.containing(h.start, h.end))]
    taken = Cover(start, end)   # (spans and indexes, not scans of earlier hits: linear in the matches)
    for h in hits:
        taken.add(h.start, h.end)
    by_start: dict[int, list[AgencyHit]] = {}
    for h in hits:
        by_start.setdefault(h.start, []).append(h)
    dropped: set[int] = set()   # ids of hits a later one takes in
    unit_starts = [m.start() for m in unit_matches]
    for m in unit_matches:
        if taken.covers(m.start()) or re.search(r"(?:các|những|mỗi)\s+$", s[max(0, m.start() - 8):m.start()]):
            continue
        if s[m.start() - 1:m.start()] in ("-", "/"):
            continue   # "522/QĐ-UBND": a code inside a document number
        if " " not in m.group(0) and _inside_capitalised_name(doc, m.start()):
            continue  # "Tây Ban Nha" is Spain, not a "Ban"
        if m.group(0) == "Bộ" and s.startswith(("Luật", "luật"), m.end() + 1):
            continue  # "Bộ Luật Hình sự" is a code of law
        title = doc.title_at(m.start())
        if title is not None and title.end() > m.end():
            continue  # "Bộ Trưởng", "Cục Trưởng": a title in capitals, not a unit
        if doc.lex.unit_by_head[fold(old_tones(m.group(0)))].not_in_title and (doc.lower.endswith("cơ quan ", 0, m.start()) or any(
                t.start() < m.start() < t.end() for t in doc.lex.title_re.finditer(doc.lower, max(0, m.start() - 30), m.end()))):
            continue  # "Phó Chủ tịch Thường trực UBND", "Cơ quan Thường trực của Ban Chỉ đạo": no standing body
        # (only a unit with a comma or dash after it can take a parent after it, in a post)
        in_post = bool(_COMMA_OR_DASH.search(s, m.end(), m.end() + 80)) and _after_title(doc, m.start())
        hit = parse_unit_at(doc, m.start(), in_post=in_post)
        if hit is None or _NAMESAKE.match(s, hit.end):
            continue   # ("Học viện Quân sự ... mang tên Đại tướng Khrulev": a namesake, abroad)
        # a unit may contain a body ("Ban Cán sự đảng Bộ Nội vụ"): both are kept; but a local
        # committee named after a national body ("Ủy ban MTTQ Việt Nam TP Hà Nội") does not name it
        if doc.lex.unit_by_head[fold(old_tones(m.group(0)))].place_name and not hit.parent:
            dropped.update(id(h) for p in range(hit.start + 1, hit.end) for h in by_start.get(p, ())
                           if h.end <= hit.end)
        new = [hit]
        if hit.parent and hit.name.endswith(" " + hit.parent) and hit.parent not in doc.lex.bodies:
            new.append(AgencyHit(hit.end - len(hit.parent), hit.end, hit.parent, None))
        elif hit.parent and hit.parent not in doc.lex.bodies:
            # "Phòng Đào tạo Trường Đại học Vinh": the unit printed as the parent is named too
            inner = next((h for i in starts_between(unit_starts, hit.start, hit.end)
                          for h in [parse_unit_at(doc, unit_starts[i])] if h and h.name == hit.parent), None)
            if inner:
                new.append(inner)
        for h in new:
            hits.append(h)
            by_start.setdefault(h.start, []).append(h)
        taken.add(hit.start, hit.end)
    hits = [h for h in hits if id(h) not in dropped]
    hits.sort(key=lambda h: h.start)
    return hits


def find_agencies(doc: Doc) -> list[AgencyHit]:
    return find_agencies_in(doc, 0, len(doc.shadow))
