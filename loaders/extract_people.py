"""People and their posts.

A post is a title with its body ("Thứ trưởng Bộ Nội vụ").  Posts come in chains joined by
commas ("Ủy viên Bộ Chính trị, Phó Thủ tướng Thường trực Chính phủ") and attach to a name
that follows the chain, to every name of a list after a colon, or, in apposition, to the name
just before the chain ("Lê Quý Vương, Thứ trưởng Bộ Công an, ...").  A capitalised name is
taken for a person only when a title, an honorific or a rank vouches for it somewhere in
the document, which keeps places and bodies out.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from loaders.context import Doc
from loaders.extract_agencies import (
    local_branch,
    name_start_in_run,
    named_body,
    parse_unit_at,
    person_starts_at,
)
from loaders.model import Evidence, Person, Position
from loaders.vntext import UPPER, ahead, fold, old_tones, spaces_at

_CAP_RUN = re.compile(rf"(?<![\w])[{UPPER}][^\W\d_]*(?:[ \t]+[{UPPER}][^\W\d_]*)+")


@dataclass(frozen=True)
class NameHit:
    start: int
    end: int
    name: str
    vouched: bool = False    # the words before it make it a person (a foreign name's cue)
    foreign: bool = False    # a name in Latin letters that opens with no Vietnamese family name


@dataclass
class Post:
    title: str
    agency: str | None
    end: int
    context_default: bool = False   # the agency came from the article's body, not the text
    former: bool = False            # the chain is introduced by "nguyên", "cố", "từng là"
    pending: str | None = None      # a bare "Tỉnh ủy" waiting for the province named later in the chain
    left: bool = False              # printed after "thôi giữ chức": held until now, former from now


@dataclass
class PersonAcc:
    name: str
    mentions: list[NameHit] = field(default_factory=list)
    posts: list[tuple[Post, Evidence]] = field(default_factory=list)
    confirmed: bool = False


def find_names(doc: Doc) -> list[NameHit]:
    """Capitalised runs that start with a family name and are not places."""
    out: list[NameHit] = []
    for m in _CAP_RUN.finditer(doc.shadow):
        for words in _runs_between_honorifics(doc, list(re.finditer(r"\S+", m.group(0)))):
            _name_in_run(doc, m, words, out)
    taken = {h.start for h in out}
    foreign_out: list[NameHit] = []
    for m in _FOREIGN_NAME.finditer(doc.shadow):
        start, end = m.start(), m.end()
        lead = doc.lex.country_re.match(" " + m.group(0))   # "Philippines Manny Pacquiao"
        if lead:
            start += lead.end()   # (the space added before the run stands for the one after the country)
        elif doc.lex.foreign_region_re.search(doc.shadow, max(0, start - 12), start):
            # "bang Arizona Jeff Flake", "bang New York Andrew Cuomo": the region, then a name of
            # two words, the run's last two
            run = _CAPITAL_RUN.match(doc.shadow, start)
            words = list(re.finditer(r"\S+", run.group(0))) if run else []
            if len(words) < 3:
                continue
            start, end = start + words[-2].start(), start + words[-1].end()
        while doc.shadow[start:end].rsplit(" ", 1)[-1] in doc.lex.not_name_words and " " in doc.shadow[start:end]:
            end = start + doc.shadow[start:end].rindex(" ")   # "HLV Darren Bazeley Trong buổi họp báo": the next sentence
        name = doc.shadow[start:end]
        if start in taken or " " not in name or name.split()[0] in doc.lex.family_names \
                or any(w in doc.lex.not_foreign_name_words for w in name.split()):
            continue
        before = doc.shadow[max(0, start - 40):start]
        country = doc.lex.country_before_re.search(before)
        lo = max(0, start - 40)
        # "bà Astrid Bant", "Tổng thống Donald Trump", "võ sĩ Jeff Horn"; "Tổng thống Mỹ Donald Trump",
        # "Bộ trưởng Nội vụ Pháp Gerard Collomb": a cue or a post before the country
        vouched = bool(_FOREIGN_CUE.search(before) or doc.lex.age_bracket_re.match(doc.shadow, end) or (country and (
            doc.lex.foreign_cue_re.search(before, 0, country.start())
            or doc.lex.title_re.search(doc.lower, lo, lo + country.start()))))
        cue = doc.lex.foreign_cue_re.search(before) if not vouched and not country else None
        if cue is not None:
            vouched = True
            first, *rest = name.split(" ")
            if len(rest) == 2 and doc.title_at(lo + cue.start()):
                # "Chủ tịch Alibaba Jack Ma": after a bare post, a company may come first (not after a
                # role: "võ sỹ Pierre Francois Flores")
                start += len(first) + 1
                name = doc.shadow[start:end]
        # "Thượng nghị sỹ John Boozman và Jerry Moran", "đánh bại Tim Bradley và Jessie Vargas" (the
        # first vouched by its cue): a foreign name listed right after a vouched one
        listed = foreign_out and re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", doc.shadow[foreign_out[-1].end:start])
        if (vouched or listed) and fold(name) not in doc.lex.places:
            foreign_out.append(NameHit(start, end, doc.text[start:end], vouched=True, foreign=True))
    return sorted(_misprinted_in_lower_case(doc, _cut_run_ons(out)) + foreign_out, key=lambda h: h.start)


def _apposed_owner(doc: Doc, chain_start: int, by_end: dict[int, NameHit]) -> NameHit | None:
    """The name a chain of posts stands in apposition to by a dash, printed right before it with
    no post of its own before it ("các ông Phạm Kiên - Chủ tịch ..."; not a list's item, "Bộ trưởng
    Công an Tô Lâm, Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng")."""
    window = doc.shadow[max(0, chain_start - 40):chain_start]
    sep = re.search(r"(\S)\s*(?:\s[-–]|[-–](?=\s))\s*$", window)
    owner = by_end.get(chain_start - len(window) + sep.start(1) + 1) if sep else None
    if owner is None or any(m.end() >= owner.start - 1 for m in doc.lex.title_re.finditer(
            doc.lower, max(0, owner.start - 60), owner.start)):
        return None
    return owner


def _named_as_a_person(doc: Doc, start: int) -> bool:
    """Whether an honorific or a post stands right before ``start`` ("bà Đoàn Hà Giang", "Phó
    Giám đốc Sở Y tế Đoàn Thái Bình")."""
    prev = re.search(r"(\S+)\s+$", doc.shadow[max(0, start - 20):start])
    if prev and doc.lex.honorific_re.fullmatch(prev.group(1)):
        return True
    # a post, and its body, run up to the name with no punctuation between (but a deputy's is his
    # delegation: "Đại biểu Quốc hội Đoàn Gia Lai")
    return any(not re.search(r"[,.;:()]", doc.shadow[m.end():start]) and not m.group(0).startswith("đại biểu")
               for m in doc.lex.title_re.finditer(doc.lower, max(0, start - 60), start))


def _misprinted_in_lower_case(doc: Doc, hits: list[NameHit]) -> list[NameHit]:
    """A name whose last syllable is misprinted in lower case ("Phó Bí thư Thành ủy Võ Công trí")
    where the article prints the whole name elsewhere ("Võ Công Trí"): that name."""
    whole = {fold(h.name): h.name for h in hits}
    out = []
    for h in hits:
        nxt = _NEXT_WORD.match(doc.shadow, h.end)
        name = whole.get(fold(f"{h.name} {nxt.group(1)}")) if nxt and nxt.group(1).islower() else None
        out.append(NameHit(h.start, nxt.end(), name, h.vouched, h.foreign) if nxt and name else h)
    return out


_NEXT_WORD = re.compile(r" ([^\W\d_]+)(?![\w-])")


def _cut_run_ons(hits: list[NameHit]) -> list[NameHit]:
    """A four-syllable name printed once whose first three syllables the article prints alone as a
    name elsewhere is that name with the next word run in ("Giám đốc Sở ... Vũ Xuân Sáng Nhà tôi không
    phải biệt phủ": a caption, then a heading; later "ông Vũ Xuân Sáng"); one whose last three
    the article prints alone is that name with the word before run in ("Bí thư Trung ương Đoàn Lê
    Quốc Phong", later "anh Lê Quốc Phong")."""
    printed = Counter(h.name for h in hits)
    out = []
    for h in hits:
        first3, _, last = h.name.rpartition(" ")
        first, _, last3 = h.name.partition(" ")
        if first3.count(" ") == 2 and printed[h.name] == 1 and printed[first3]:
            h = NameHit(h.start, h.end - len(last) - 1, first3, h.vouched, h.foreign)
        elif last3.count(" ") == 2 and printed[h.name] == 1 and printed[last3]:
            h = NameHit(h.start + len(first) + 1, h.end, last3, h.vouched, h.foreign)
        out.append(h)
    return out


def _ends_a_body(doc: Doc, start: int, end: int) -> bool:
    """Whether a body the lexicon knows is printed from before ``start`` to ``end``."""
    return any(b.start() < start and b.end() == end for b in doc.body_matches)


def _runs_between_honorifics(doc: Doc, words: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """A capitalised run cut at a capitalised honorific that opens a name ("... TP.HCM Nguyễn Thiện
    Nhân Ông Nguyễn Thiện Nhân sinh ..." holds two names)."""
    runs: list[list[re.Match[str]]] = [[]]
    for i, w in enumerate(words):
        if i and i + 1 < len(words) and doc.lex.honorific_re.fullmatch(w.group(0)) \
                and words[i + 1].group(0) in doc.lex.family_names:
            runs.append([])
            continue
        runs[-1].append(w)
    return [r for r in runs if r]


def _name_in_run(doc: Doc, m: re.Match[str], words: list[re.Match[str]], out: list[NameHit]) -> None:
    """The personal name a capitalised run (``words``, offsets from ``m``) holds, appended to ``out``."""
    first = name_start_in_run(doc, [w.group(0) for w in words]) if len(words) >= 5 else 0
    for i, w in enumerate(words):
        if i < first or w.group(0) not in doc.lex.family_names:
            continue
        start = m.start() + w.start()
        if not person_starts_at(doc, start) or doc.title_at(start):
            continue   # ("Phó Đội trưởng ..." is a title, not the person "Phó Đội")
        if i + 1 < len(words) and words[i + 1].group(0) in doc.lex.family_names and _ends_a_body(doc, start, start + len(w.group(0))):
            continue   # ("Bí thư Trung ương Đoàn Nguyễn Anh Tuấn": the Youth Union's, then the name)
        rest = words[i:i + 4]
        for k, r in enumerate(rest):
            if k >= 2 and (doc.title_at(m.start() + r.start()) or doc.lex.foreign_title_at_re.match(doc.shadow, m.start() + r.start())):
                rest = rest[:k]
                break   # ("Võ Công Trí Phó Bí thư ...", "Nguyễn Xuân Phúc Ngoại trưởng Hoa Kỳ": a title after the name)
            if k == 1 and k == len(rest) - 1 and (t := doc.title_at(m.start() + r.start())) and t.end() > m.start() + r.end():
                rest = rest[:k]
                break   # ("Ủy viên Đoàn Chủ tịch": the run's last word opens a title, "Chủ tịch", no name)
            if k >= 2 and len(r.group(0)) > 1 and r.group(0).isupper() and not rest[0].group(0).isupper():
                rest = rest[:k]
                break   # ("Chủ tịch Nguyễn Đức Chung DN có quyền ...": a heading's initials after the name)
            tail = doc.shadow[m.start() + r.end():m.start() + r.end() + 3]
            if k and r.group(0) in doc.lex.not_name_words and not (
                    k == 2 and r.group(0) in doc.lex.name_words_unless_number and not re.match(r"\s+\d", tail)) \
                    and not (k >= 2 and re.match(r"\s*\(", tail)):
                rest = rest[:k]
                break   # ("Hồ Văn Năm" is a name, "... Năm 2017" is not; "Hoàng Huy Được (Ba Vì)" is one)
        after = re.match(r" (\w+)", doc.shadow[m.start() + rest[-1].end():m.start() + rest[-1].end() + 12])
        if after and f"{rest[-1].group(0).lower()} {after.group(1)}" in doc.lex.caption_verbs and (
                len(rest) == 4 or (len(rest) == 3 and after.group(1)[:1].islower())):
            rest = rest[:-1]   # "Đào Minh Tú Chia sẻ", "Ảnh: VGP/Lê Sơn Phát biểu": a caption's verb run into the name
        if len(rest) == 4 and [r.group(0) for r in rest[:2]] == [r.group(0) for r in rest[2:]]:
            rest = rest[:2]   # "Dương Cương Dương Cương": a caption's name, then the text's
        if len(rest) < 2:
            break
        if len(words) - i > 4 and len(words) - i != 5:
            break
        end = m.start() + rest[-1].end()
        if re.match(r"[-‑][^\W\d_]", doc.shadow[end:end + 2]):
            break  # "Kim Jong-un": a foreign name cut at its hyphen
        name = doc.text[start:end]
        given = fold(name.split(" ", 1)[1])
        if fold(name) in doc.lex.places or (" " in given and given in doc.lex.countries_folded) or (
                name.split()[0] in doc.lex.family_names_of_bodies and not _named_as_a_person(doc, start)
                and (p := doc.lex.province_re.match(doc.shadow, start + len(name.split()[0]) + 1)) and p.end() == end):
            break   # ("Tạ Hy Lạp, Bộ trưởng Tài chính ...": "Tại Hy Lạp" misprinted; "Trần Đức" is a name;
            # "Đoàn Gia Lai" is the province's delegation)
        out.append(NameHit(start, end, name))
        break


# A foreign name (two or three capitalised words in Latin letters, Spanish or German accents
# included: "Nicolás Maduro"; Vietnamese names have their own rule) is vouched for by "ông"/"bà" or
# a country or region right before it: "bà Astrid Bant", "Tổng thống Mỹ Donald Trump", "người
# Philippines Manny Pacquiao", "Thượng nghị sĩ bang Arizona Jeff Flake"
_FOREIGN_NAME = re.compile(r"(?<![\w-])[A-Z][a-záéíóúñçãõäëïöü]+(?:[ ](?:[A-Z][a-z]*-)?[A-Z][a-záéíóúñçãõäëïöü]+){1,2}(?![\w-])")
_CAPITAL_RUN = re.compile(r"[A-Z][\w.-]*(?: [A-Z][\w.-]*){1,4}")
_FOREIGN_CUE = re.compile(r"(?<!\w)(?:[Ôô]ng|[Bb]à|[Nn]gài)\s+$")


_ACRONYM = re.compile(rf"[{UPPER}][{UPPER}0-9&]{{1,6}}(?= )")


def _full_name_at(doc: Doc, pos: int) -> bool:
    """A personal name of three or four syllables at pos ("Lê Mạnh Hùng", not "Bạch Mai")."""
    words = re.match(rf"(?:[{UPPER}]\w*(?: |$)){{3,4}}", doc.shadow[pos:pos + 40])
    return bool(words) and person_starts_at(doc, pos)


def parse_post(doc: Doc, pos: int) -> Post | None:
    """One title (with its body, when printed) at pos."""
    s = doc.shadow
    tm = doc.title_at(pos)
    if tm is None:
        return None
    title = doc.lex.titles.get(fold(tm.group(0)))
    if title is None or (title.head == "Đoàn" and s[max(0, pos - 4):pos] == "làm "):
        return None  # "... làm Trưởng đoàn" says who led a visit, not a post
    if title.head:
        again = re.match(rf"\s+(?={re.escape(title.head)}\s)", ahead(s, tm.end()))  # "Trưởng phòng Phòng ..."
        start = tm.end() + again.end() if again else tm.end() - len(title.head)
        # "Phó ban Kinh tế Trung ương chuyên trách": a known body is read whole, and no further
        known, known_end = _body_with_head(doc, start, title.head)
        if known and not re.match(rf"\s+[{UPPER}]", ahead(s, known_end)):
            return Post(title.title, known, known_end)
        hit = parse_unit_at(doc, start, head_ci=True, in_post=True)
        if hit is not None:
            if hit.parent:   # "Trưởng phòng Kế hoạch, Bệnh viện Bạch Mai": the unit's parent, for its agency
                doc.post_parents.setdefault(hit.name, hit.parent)
            return Post(title.title, hit.name, hit.end)
        unit = doc.lex.unit_by_head.get(fold(old_tones(title.head)))
        if unit is not None and unit.needs_name and s[tm.end():tm.end() + 1] == " ":
            # "Phó Trưởng phòng Cục Quản lý cạnh tranh": the head of an unnamed division of that body
            owner = doc.lex.body_re.match(s, tm.end() + 1)
            named = named_body(doc, owner) if owner is not None else None
            if named:
                return Post(title.title, named[0], named[1])
            owner_unit = parse_unit_at(doc, tm.end() + 1, in_post=True)
            if owner_unit is not None:
                return Post(title.title, owner_unit.name, owner_unit.end)
        return Post(title.title, _recent_body(doc, pos, title.head), tm.end())
    after = tm.end() + spaces_at(s, tm.end())
    if after > tm.end():
        b = doc.lex.body_re.match(s, after)
        entry = doc.lex.bodies.get(doc.lex.canonical_body(b.group(0)) or "") if b is not None else None
        if b is not None and entry is not None and entry.kind in ("unit", "front") and local_branch(doc, b.end()):
            b = None   # "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Nghệ An X": the province's committee, a unit
        u = parse_unit_at(doc, after, in_post=True) if b is None else None
        if u is None and b is None and s[after:after + 1].islower():
            # "Bí thư tỉnh ủy Yên Bái": a local body printed in lower case, with its place
            lower = parse_unit_at(doc, after, head_ci=True)
            u = lower if lower and doc.lex.place_re.search(doc.shadow, after, lower.end) else None
        if u is not None:
            if u.parent:
                doc.post_parents.setdefault(u.name, u.parent)
            return Post(title.title, u.name, u.end)
        named = named_body(doc, b) if b is not None else None
        if named and title.implied and title.implied.endswith(" " + named[0]):
            return Post(title.title, title.implied, named[1])   # "Tổng Thanh tra Chính phủ": the implied body, printed
        if named:
            name, end, _ = named
            country = re.match(r"\s+Việt Nam(?=\s)", s[end:end + 10])  # "Quốc hội Việt Nam X"
            of = re.match(r"\s+(?:của\s+|thuộc\s+|\(\s*|[-–]\s+)?", s[end:end + 8])
            sep = of.group(0) if of else ""
            parent = doc.lex.body_re.match(s, end + len(sep)) if of else None
            entry = doc.lex.bodies.get(name)   # (a foreign body, "Bộ Quốc phòng Nga", is none)
            if parent and entry and doc.lex.canonical_body(parent.group(0)) == entry.parent:
                close = re.match(r"\s*\)", ahead(s, parent.end())) if "(" in sep else None
                if "(" not in sep or close:
                    # "Ủy ban KH-CN-MT của Quốc hội X", "Vụ trưởng Vụ Chính quyền địa phương Bộ Nội vụ X":
                    # the registry unit's own parent, printed after it, is part of the post
                    return Post(title.title, name, parent.end() + (close.end() if close else 0))
            return Post(title.title, name, end + (country.end() if country else 0))
        stem = doc.lex.ministry_stem_re.match(s, after) if title.implied == "@context" else None
        ministry = doc.lex.canonical_body("Bộ " + stem.group(0)) if stem else None
        if stem and ministry:  # "Bộ trưởng Kế hoạch và Đầu tư Nguyễn Chí Dũng", "Bộ trưởng Quốc phòng Nga"
            country = doc.lex.country_re.match(s, stem.end())
            if country:
                return Post(title.title, f"{ministry} {doc.text[country.start():country.end()].strip()}", country.end())
            return Post(title.title, ministry, stem.end())
        bare = doc.lex.placeless_body_re.match(s, after)
        if bare and bare.group(0)[:1].isupper() and not doc.lex.place_re.match(s, bare.end() + 1) \
                and re.match(rf"\s*[,;.:]|\s+(?:kiêm|và)\s|\s+[{UPPER}]", ahead(s, bare.end())):
            # "Phó Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh Đồng Nai": the province comes later, or is
            # the article's ("Chủ tịch UBND TP Nguyễn Đức Chung"), or is not said (the body as
            # printed then, a node of its article)
            printed = doc.text[after:bare.end()]
            return Post(title.title, printed, bare.end(), pending=printed)
        word = doc.lex.province_word_re.match(s, after) if title.title in doc.lex.place_committee else None
        if word and _full_name_at(doc, word.end()):
            # "Chủ tịch TP Nguyễn Đức Chung": the city's committee, which one the article may say
            printed = f"{doc.lex.place_committee[title.title]} {doc.text[after:word.end()].strip()}"
            return Post(title.title, printed, word.end() - 1, pending=printed)
        acronym = _ACRONYM.match(s, after)
        if acronym and title.implied is None and _full_name_at(doc, acronym.end() + 1) \
                and acronym.group(0) not in doc.lex.not_body_initials \
                and not doc.lex.honorific_re.fullmatch(acronym.group(0)) and not doc.lex.rank_re.fullmatch(acronym.group(0)) \
                and not doc.lex.unit_re.match(s, after) and not doc.lex.place_re.match(s, after) \
                and not doc.lex.place_word_re.match(s, after):   # "Chủ tịch TP X" is the city's, not a body "TP"
            # "Tổng giám đốc ACV Lê Mạnh Hùng": a body known by its initials only, then its head;
            # "Phó Cục trưởng CSGT": a unit of the head the title leads
            printed = f"{title.leads} {acronym.group(0)}" if title.leads else acronym.group(0)
            return Post(title.title, printed, acronym.end())
    implied = title.implied
    rest = s[tm.end():tm.end() + 20].lstrip(" ")
    if any(rest.startswith(w) and not rest[len(w):len(w) + 1].isalnum() for w in title.not_before):
        # "Ủy viên Trung ương Đoàn": not the implied body, but "Ủy viên" of the body printed
        b = doc.lex.body_re.match(s, pos + len(title.title) + 1)
        known = doc.lex.canonical_body(b.group(0)) if b else None
        return Post(title.title, known, b.end() if b and known else tm.end())
    party = re.match(r"(?:\s+(?:Đảng|Cộng sản|Nhân dân))*", s[tm.end():tm.end() + 40])
    term = re.match(r"\s+khóa\s+(\d+)", s[tm.end():tm.end() + 16])
    if implied and term and int(term.group(1)) > 13:
        # "Ủy viên trung ương khóa 18": a term Vietnam's Party has not had (China's has)
        return Post(title.title, None, tm.end())
    if implied and party is not None and doc.lex.country_re.match(s, tm.end() + party.end()):
        # "Ủy viên Trung ương Đảng Cộng sản Trung Quốc", "Thống đốc Ngân hàng Trung ương Congo": the
        # implied body is Vietnam's, the post is not
        return Post(title.title, None, tm.end())
    if implied == "@context":
        # a bare "Bộ trưởng X" is the article's minister only when it names no other ministry
        body = doc.context_body if doc.ministries_named == 1 or doc.ministry_dominates else None
        if body and doc.ministries_named > 1:
            # "Đại diện cho Bộ Tài chính, Thứ trưởng Đỗ Hoàng Anh Tuấn", in an article about another
            # ministry: the one ministry the sentence names before the title, else none
            others = _ministries_in_sentence(doc, pos)
            if others - {body}:
                body = others.pop() if len(others) == 1 else None
        return Post(title.title, body, tm.end(), context_default=True)
    if implied and doc.lex.placeless_body_re.fullmatch(implied):
        # "Thành ủy viên": the city's Party committee, which one the chain or the article says
        return Post(title.title, implied, tm.end(), pending=implied)
    return Post(title.title, implied, tm.end())


def _ministries_in_sentence(doc: Doc, pos: int) -> set[str]:
    """The ministries the sentence at pos names before pos."""
    sent = doc.sentence_at(pos)
    names = {doc.lex.canonical_body(m.group(0)) for m in doc.body_matches if sent.start <= m.start() and m.end() <= pos}
    return {n for n in names if n and doc.lex.bodies[n].kind == "ministry"}


def _recent_body(doc: Doc, pos: int, head: str) -> str | None:
    """The known body a bare head-title means: the last one of that head named in this sentence
    or the one before ("Các Phó ban Kinh tế Trung ương gồm: ông A, Phó trưởng ban Thường trực")."""
    i = max(0, bisect.bisect_right(doc.starts, pos) - 1)
    lo = doc.sents[i - 1].start if i > 0 and doc.sents else 0
    last = None
    for h in re.finditer(rf"(?<!\w){re.escape(head.lower())}\s", doc.lower[lo:pos]):
        last = _body_with_head(doc, lo + h.start(), head)[0] or last
    return last


def _body_with_head(doc: Doc, at: int, head: str) -> tuple[str | None, int]:
    """The known body whose name starts at ``at`` with ``head`` printed in either case ("ban
    Kinh tế Trung ương" after "Phó"), and where it ends; (None, at) when none does."""
    m = doc.lex.body_re.match(head + doc.shadow[at + len(head):at + 160])
    known = doc.lex.canonical_body(m.group(0)) if m else None
    return (known, at + m.end()) if known and m else (None, at)


_PARTY_GROUP = "Ban Cán sự đảng"   # the Party group of a ministry or People's Committee, as the loaders name it
_APPOINTED = re.compile(
    r"(\S)\s+(?:được\s+|đã được\s+)?(?:bổ nhiệm|bầu|bầu giữ|điều động|phân công)?\s*"
    r"(?:giữ chức(?: vụ)?|làm|đảm nhiệm(?: chức)?(?: vụ)?|là|tái đắc cử)\s+$"
)
_CHAIN_GOES_ON = re.compile(r"\s*,?\s*(?:hiện\s+)?(?:làm|giữ chức(?: vụ)?|đảm nhiệm(?: chức)?(?: vụ)?)\s+$")
_JOIN = re.compile(r"\s*(?:,\s*(?:kiêm\s+)?|\s+kiêm\s+|\s+[-–]\s+)")   # "Phó Tổng thư ký - Phó Chủ nhiệm ..."


def parse_chain(doc: Doc, pos: int) -> tuple[list[Post], int]:
    """Posts joined by commas from pos; a bare party unit takes the chain's ministry."""
    posts: list[Post] = []
    p = pos
    while True:
        post = parse_post(doc, p)
        if post is None:
            break
        posts.append(post)
        p = post.end
        j = _JOIN.match(doc.shadow, p)
        if (not j or not doc.title_at(j.end())) and post.context_default and doc.shadow[p:p + 1] == " " \
                and doc.title_at(p + 1) and (nxt := parse_post(doc, p + 1)) and nxt.agency and not nxt.context_default:
            p += 1   # "Bộ trưởng Chủ nhiệm Văn phòng Chính phủ": the comma left out after a title with no body
            continue
        if not j or not doc.title_at(j.end()):
            break
        p = j.end()
    for x, nxt in zip(posts, posts[1:], strict=False):
        body = doc.lex.bodies.get(nxt.agency or "")
        if x.context_default and not nxt.context_default and body and body.kind in ("ministry", "state"):
            # "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ": the minister heading that body
            x.agency, x.context_default = nxt.agency, False
    for x, nxt in reversed(list(zip(posts, posts[1:], strict=False))):
        if x.agency is None and nxt.agency and not nxt.context_default \
                and not {x.title, nxt.title} & doc.lex.no_shared_body:
            x.agency = nxt.agency   # "Phó Chủ tịch, Tổng Thư ký Hội X": both are posts of Hội X
    ministry = next((x.agency for x in posts if x.agency in doc.lex.bodies
                     and doc.lex.bodies[x.agency].kind == "ministry" and not x.context_default), None)
    if ministry and ministry != doc.context_body:
        for x in posts:
            if x.context_default:
                x.agency = ministry
    # a bare "Ban cán sự đảng" read as the article's body's is the chain's ministry's, or its
    # People's Committee's ("Bí thư Ban cán sự đảng, Chủ tịch UBND tỉnh X")
    owner = ministry if ministry and ministry != doc.context_body else next(
        (x.agency for x in posts if x.agency and x.agency.startswith(("UBND ", "Ủy ban nhân dân "))), None)
    for x in posts:
        if owner and doc.context_body and x.agency and x.agency.startswith(_PARTY_GROUP) \
                and x.agency.endswith(" " + doc.context_body):
            x.agency = f"{_PARTY_GROUP} {owner}"
    city = _district_city(doc, posts)
    if city:   # "nguyên Bí thư Thành ủy, Chủ tịch HĐND TP Hội An": that city's, not the province's
        city_committees = [x for x in posts if doc.lex.province_committees.get(x.pending or "") == "city"]
        _fill_pending(doc, city_committees, city, check_kind=False)
    places = _provinces(doc, posts)
    _fill_pending(doc, posts, places[0] if places else doc.province_near(pos), check_kind=not places)
    for x in posts:
        if x.pending and x.agency == x.pending:
            x.agency = _named_in_sentence(doc, pos, x.pending) or x.agency
    # (a national body of another country: "Quân ủy Trung ương Trung Quốc", not "Bệnh viện Hữu nghị Việt Đức")
    if any(x.agency and (c := doc.lex.country_re.search(old_tones(x.agency))) and c.end() == len(x.agency)
           and doc.lex.canonical_body(x.agency[:c.start()]) in doc.lex.bodies for x in posts):
        for x in posts:   # "Ủy viên Bộ chính trị, Phó Chủ tịch Quân ủy Trung ương Trung Quốc": China's Politburo
            if x.agency in doc.lex.bodies:
                x.agency = None
    return posts, (posts[-1].end if posts else pos)


def _named_in_sentence(doc: Doc, pos: int, printed: str) -> str | None:
    """The one body its sentence prints with a name where a post prints it bare ("làm việc với UBND
    xã Chu Phan và ông X, Chủ tịch UBND xã": UBND xã Chu Phan)."""
    sent = doc.sentence_at(pos)
    found = set()
    for m in re.finditer(re.escape(printed) + rf"\s+(?=[{UPPER}])", doc.text[sent.start:sent.end]):
        hit = parse_unit_at(doc, sent.start + m.start())
        if hit is not None and hit.name != printed:
            found.add(hit.name)
    return found.pop() if len(found) == 1 else None


def _district_city(doc: Doc, posts: list[Post]) -> str | None:
    """A city below a province that a chain's body names ("HĐND TP Hội An" -> "Hội An"): the
    place of a bare "Thành ủy" or "UBND TP" in the same chain."""
    for x in posts:
        if not x.agency or x.agency == x.pending:
            continue
        word = doc.lex.province_word_re.search(old_tones(x.agency))
        place = x.agency[word.end():] if word else ""
        if place and fold(place) in doc.lex.district_names and fold(place) not in doc.lex.places:
            return place
    return None


def _provinces(doc: Doc, posts: list[Post]) -> list[str]:
    """The provinces the posts' bodies name ("UBND tỉnh Khánh Hòa" -> "Khánh Hòa"), in order, once
    each; a body still waiting for its place names none ("UBND TP." is no province ".")."""
    found = (doc.lex.province_in(x.agency) for x in posts if x.agency and x.agency != x.pending)
    return list(dict.fromkeys(p for p in found if p))


def _fill_pending(doc: Doc, posts: list[Post], place: str | None, check_kind: bool) -> None:
    """Put ``place`` after the bodies printed without their place ("Phó Bí thư Tỉnh ủy",
    "Tỉnh ủy viên") that are still waiting for one; with ``check_kind``, only where the body's
    place word fits ("UBND TP" in an article about tỉnh Đồng Nai is a provincial city's, not
    said which)."""
    if place is None:
        return
    for x in posts:
        if not x.pending or x.agency != x.pending or (check_kind and _wrong_kind(doc, x.pending, place)):
            continue
        head = x.pending.split(" tỉnh")[0].split(" thành phố")[0]
        short = doc.printed_short(place)   # ("Chủ tịch UBND TP" in an article that writes "TP.HCM")
        if short and head in doc.lex.province_committees:
            x.agency = f"{head} {short}"
        elif head in doc.lex.province_committees:
            x.agency = f"{head} {place}"
        else:
            x.agency = doc.with_place(x.pending, place)


def _wrong_kind(doc: Doc, body: str, province: str) -> bool:
    """Whether a body printed with a place word ("UBND TP", "UBND xã") cannot be the province's:
    a district's or commune's word, "TP" or "thành phố" before a province that is no centrally-run
    city, "tỉnh" before one that is."""
    word = doc.lex.province_word_re.search(body + " …")
    if word is None:   # "UBND xã", "UBND huyện": no province's at all; "UBND", "Tỉnh ủy": any
        return doc.lex.place_word_re.search(body + " …") is not None
    is_city = province in doc.lex.city_provinces
    return (word.group(0).strip().lower() != "tỉnh") != is_city


# The shapes in which a sentence dates itself: a full date, a month of a year, or a period of a
# year ("7 tháng đầu năm 2016", "cuối năm 2016", "Năm 2016, ..."); a bare "năm 2025" is too often
# a target, an anniversary or a span to date a post.
_Y = r"((?:19|20)\d\d)(?![\d/])"
_SELF_DATED = re.compile(
    rf"(?<![\d/])\d{{1,2}}[/.-]\d{{1,2}}[/.-]{_Y}"
    rf"|ngày \d{{1,2}} tháng \d{{1,2}} năm {_Y}"
    rf"|tháng \d{{1,2}}(?:[/.-]| năm ){_Y}"
    rf"|(?:đầu|cuối|giữa|trong|quý [IV\d]+|\d+ tháng(?: đầu| cuối)?) năm {_Y}"
    rf"|^\s*Năm {_Y}\s*,", re.IGNORECASE)


def statement_year(doc: Doc, ev: Evidence) -> str | None:
    """The one year a sentence gives as the date of what it states ("7 tháng đầu năm 2016", "ngày
    6/2/2017"); None when it gives none, several, a target or span ("đến tháng 6/2020", "từ
    năm ..."), or a year outside the source's own time (its date, else the latest full date it
    prints, and the year before)."""
    years = set()
    sentence = doc.shadow[ev.start:ev.end]
    for m in _SELF_DATED.finditer(sentence):
        before = re.sub(r"\s*ngày\s*$", "", sentence[max(0, m.start() - 30):m.start()])
        spans = re.search(r"\d\s*[-–]\s*$", before) or re.match(r"\s*[-–]\s*\d", sentence[m.end():])
        if doc.lex.not_statement_year_re.search(before) or spans:   # "(21/6/1925 - 21/6/2017)"
            continue
        years.add(next(g for g in m.groups() if g))
    if len(years) != 1:
        return None
    year = years.pop()
    # a sentence dated years before the source's own time is history or an anniversary ("ngày
    # 21/6/1925"), not the date of a post it names: no date rather than a wrong one
    ref = (doc.published or "")[:4] or doc.latest_year
    return year if ref is None or int(ref) - 1 <= int(year) <= int(ref) else None


def _former(doc: Doc, pos: int) -> int | None:
    """Where "nguyên", "cố", "từng là" starts when it stands right before the post at pos; a
    capitalised cue counts only at a sentence's start ("Nguyên Bộ trưởng ...", not "tỉnh Thái
    Nguyên")."""
    m = doc.lex.former_re.search(doc.lower, max(0, pos - 48), pos)
    if m is None:
        return None
    if doc.shadow[m.start()].isupper():
        prev = doc.shadow[max(0, m.start() - 30):m.start()].rstrip(" ")
        if prev and prev[-1] not in ".!?:;\n\"“(-–,":
            return None
    return m.start()


def _prefix_len(doc: Doc, pos: int) -> int:
    """Length of an honorific or rank (and spaces) at pos, 0 when none."""
    s = doc.shadow
    total = 0
    for _ in range(3):
        m = doc.lex.honorific_re.match(s, pos + total) or doc.lex.rank_re.match(s, pos + total)
        if not m:
            break
        nxt = re.match(r"[ ,]*", ahead(s, m.end()))
        total = m.end() - pos + (nxt.end() if nxt else 0)
    return total


def _listed_after(s: str, first: NameHit, by_start: dict[int, NameHit]) -> list[NameHit]:
    """Names that follow ``first`` in a list joined by commas and "và", each perhaps with a short
    bracket after it ("anh Nguyễn Thế Lương (1974), Nguyễn Anh Tuấn (SN 1976)")."""
    out: list[NameHit] = []
    hit = first
    while True:
        sep = re.match(r"(?:\s*\([^()]{1,30}\))?\s*(?:,\s*(?:và\s+)?|\s+và\s+)", ahead(s, hit.end))
        if not sep or hit.end + sep.end() not in by_start:
            return out
        hit = by_start[hit.end + sep.end()]
        out.append(hit)


# A post heading a list of its holders: "Các Phó ban Kinh tế Trung ương chuyên trách, gồm: ông A,
# ...; ông B ..." (a colon, or a few lower-case qualifiers and "gồm"); "X, Giám đốc ... đánh giá:"
# is no list head
_LIST_HEAD = re.compile(r"\s*:\s*|(?:\s+[a-zà-ỹđ]+){0,3}?\s*,?\s*(?:bao\s+)?gồm(?:\s+có)?\s*:?\s*")


def _list_items(doc: Doc, p: int, by_start: dict[int, NameHit]) -> list[NameHit]:
    """The holders listed after a post's colon: names joined by commas and "và", or, when the
    items carry their own appositions ("ông A, Ủy viên ...; ông B, ..."), the name opening each
    item after a semicolon or a "và".  Items that open with their own posts belong to the list only
    when its first item does too ("Ủy viên Bộ Chính trị: Phó Thủ tướng X; Thượng tướng Y, ..."); after
    a first item of bare names they start the next group ("nguyên Tổng Bí thư: A, B; Chủ tịch nước C")."""
    s = doc.shadow
    found = _item_holder(doc, p, by_start, True)
    if found is None:
        return []
    first, led = found
    sent_end = doc.sentence_at(p).end
    out = [first, *_listed_after(s, first, by_start)]
    base = out[-1].end
    comma = re.match(r",\s*", ahead(s, base))
    nxt = _item_holder(doc, base + comma.end(), by_start, led) if comma and led else None
    if nxt and nxt[0] not in out:
        # items of a post and a name joined by commas ("Ủy viên Trung ương Đảng: Tổng Giám đốc TTXVN
        # A, Tổng Giám đốc VOV B, ...; Phó Tổng Biên tập Báo Nhân dân C"): the list ends at the semicolon
        stop = s.find(";", base, sent_end)
        for m in re.finditer(r",\s*(?:và\s+)?|\s+và\s+", s[base:stop if stop >= 0 else sent_end]):
            item = _item_holder(doc, base + m.end(), by_start, led)
            if item is not None and item[0] not in out:
                out.append(item[0])
        return out
    if ";" not in s[first.end:sent_end]:
        return out
    for m in re.finditer(r";\s*(?:và\s+)?|\s+và\s+", s[first.end:sent_end]):
        item = _item_holder(doc, first.end + m.end(), by_start, led)
        if item is not None and item[0] not in out:
            out += [item[0], *_listed_after(s, item[0], by_start)]
    return out


def _item_holder(doc: Doc, q: int, by_start: dict[int, NameHit], posts_ok: bool) -> tuple[NameHit, bool] | None:
    """The name opening a list item at q, after its honorific or rank, or (``posts_ok``) after the
    item's own posts ("Ủy viên Bộ Chính trị: Phó Thủ tướng Thường trực Chính phủ Trương Hòa Bình;
    Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an; ..."); and whether it came after posts."""
    hit = by_start.get(q + _prefix_len(doc, q))
    if hit is not None:
        return hit, False
    if posts_ok and doc.title_at(q) is not None:
        posts, end = parse_chain(doc, q)
        gap = re.match(r"\s*", doc.shadow[end:end + 4])
        if posts and gap:
            q = end + gap.end()
            hit = by_start.get(q + _prefix_len(doc, q))
            if hit is not None:
                return hit, True
    return None


def find_people(doc: Doc, names: list[NameHit]) -> list[Person]:
    """People vouched for somewhere in the document, with every post the text gives them."""
    s = doc.shadow
    by_start = {n.start: n for n in names}
    by_end = {n.end: n for n in names}
    people: dict[str, PersonAcc] = {}
    owner_at: dict[int, NameHit] = {}   # end of a chain of posts -> the person it was given to

    def acc(hit: NameHit) -> PersonAcc:
        key = fold(hit.name)
        p = people.get(key)
        if p is None:
            p = people[key] = PersonAcc(hit.name)
        p.mentions.append(hit)
        return p

    for hit in names:
        if hit.vouched or doc.lex.age_bracket_re.match(s, hit.end) or _reads_as_a_person(doc, hit):
            acc(hit).confirmed = True   # ("Lê Kỳ Hùng (SN 1988, ...)", "Phan Thị Mơ lộng lẫy ...")
        before = s[max(0, hit.start - 30):hit.start]
        m = re.search(r"(\S+(?: \S+)?) +$", before)   # on the name's line ("kim cô\nPhó Thủ tướng": no)
        if m and (doc.lex.honorific_re.fullmatch(m.group(1)) or doc.lex.rank_re.fullmatch(m.group(1))
                  or doc.lex.honorific_re.fullmatch(m.group(1).split()[-1])
                  or doc.lex.rank_re.fullmatch(m.group(1).split()[-1])):
            acc(hit).confirmed = True
            # "(các) ông Nguyễn Văn A, Trần Văn B và Lê Văn C": the whole list is vouched for
            for follower in _listed_after(s, hit, by_start):
                if doc.title_at(follower.start):
                    break   # "bà Phạm Thu Hằng, Phó Vụ trưởng ...": a post, not the next name
                acc(follower).confirmed = True

    pos = 0
    while True:
        tm = doc.lex.title_re.search(doc.lower, pos)
        if tm is None:
            break
        posts, end = parse_chain(doc, tm.start())
        if not posts:
            pos = tm.end()
            continue
        if len(posts) > 1 and doc.lex.object_verb_re.search(doc.lower, max(0, tm.start() - 24), tm.start()):
            posts = posts[1:]   # "Tiếp Chủ tịch Tập đoàn P&G, Thủ tướng X": the first post is the guest's
        if doc.lex.on_behalf_re.search(doc.lower, max(0, tm.start() - 24), tm.start()):
            posts = posts[1:]   # "X, thừa ủy quyền Thủ tướng, trình bày": the Prime Minister's post, not X's
            if not posts:
                pos = max(end, tm.end())
                continue
        cue = _former(doc, tm.start())
        for post in posts:
            post.former = cue is not None
            if post.former and post.context_default:
                post.agency = None   # "Nguyên Bộ trưởng X": a former minister's ministry is not the article's
        lead_start = tm.start() if cue is None else cue   # "X, nguyên Bí thư ...": apposition before the cue
        ev = doc.evidence(tm.start())
        targets: list[NameHit] = []
        # "Giám đốc Sở Y tế, ông Lê Văn A"; "Cục trưởng Cục Quản lý giá (Bộ Tài chính) Nguyễn Anh Tuấn"
        lead = re.match(r"\s*,\s*(?=(?:ông|bà|đồng chí)\s)|\s*\([^()]{1,30}\)\s+|\s", ahead(s, end))
        gap = _prefix_len(doc, end + lead.end()) if lead else 0
        if lead and "," in lead.group(0) and not gap:
            lead = None
        if lead and "," in lead.group(0) and doc.lex.object_verb_re.search(doc.lower, max(0, tm.start() - 24), tm.start()):
            lead = None   # "Theo Quyết định của Bộ trưởng Bộ Tài chính, bà X sẽ đảm nhiệm ...": not X's post
        if lead and "," in lead.group(0):
            # "ông A, Bộ trưởng X, ông B, Tổng giám đốc Y": a name right before is the post's owner
            lo = max(0, lead_start - 40)
            owner = re.search(r"(\S)\s*,\s*$", s[lo:lead_start])
            if owner and lo + owner.start(1) + 1 in by_end:
                lead = None
        nxt = by_start.get(end + lead.end() + gap) if lead else None
        colon = _LIST_HEAD.match(s, end)
        before_owner = _apposed_owner(doc, lead_start, by_end) if nxt is not None and len(posts) > 1 else None
        if before_owner is not None:
            # "Phạm Kiên - Chủ tịch UBND thị xã Sông Cầu, Phó Chủ tịch Lương Công Tuấn": the posts
            # before the last are the name's before the chain, the last (a deputy of the same
            # body when it names none) the name's after it
            owner_acc = acc(before_owner)
            owner_acc.confirmed = True
            owner_acc.posts += [(post, ev) for post in posts[:-1]]
            posts = posts[-1:] if posts[-1].agency else [
                Post(posts[-1].title, posts[-2].agency, posts[-1].end, posts[-2].context_default, posts[-1].former)]
        if nxt is not None:
            targets = [nxt]
            # "nguyên Thủ tướng Võ Văn Kiệt, Phan Văn Khải, ...": the names listed after it are people
            # too (whether the post is theirs the text does not say, unless the title is plural:
            # "các Phó Thủ tướng Trương Hòa Bình, Phạm Bình Minh, ..." holds it for each)
            plural = doc.lower.endswith("các ", 0, lead_start)
            for follower in _listed_after(s, nxt, by_start):
                if doc.title_at(follower.start):
                    break
                acc(follower).confirmed = True
                if plural:
                    targets.append(follower)
        if not targets and colon:
            targets = _list_items(doc, colon.end(), by_start)
        if not targets and _holder_unread_after(doc, end):
            pos = max(end, tm.end())
            continue   # "X, Chủ tịch Hội Nhà báo Việt Nam Thuận Hữu, ...": the post is the pen name's, not X's
        if not targets:
            # apposition: "X, Thứ trưởng ...", "X - Thứ trưởng ...", "X (Thứ trưởng ...)";
            # appointment: "X giữ chức / được bổ nhiệm làm / được bầu làm Phó Chủ tịch ..."
            window = s[max(0, lead_start - 40):lead_start]
            sep = re.search(r"(\S)\s*(?:,|\s[-–]|[-–](?=\s)|\()\s*$", window) or _APPOINTED.search(window)
            if sep:
                prev_end = lead_start - len(window) + sep.start(1) + 1
                place = _PLACE_BRACKET.search(s, max(0, prev_end - 40), prev_end) if s[prev_end - 1] == ")" else None
                if prev_end not in by_end and place and place.start() in by_end:
                    prev_end = place.start()   # "Đại biểu Hoàng Quang Hàm (Phú Thọ) - Ủy viên ...": the name before its bracket
                if prev_end in by_end:
                    targets = [by_end[prev_end]]
                    lo = max(0, targets[0].start - 60)
                    agent = re.search(r"(\S)\s+được\s+(?:\S+\s+){0,3}$", s[lo:targets[0].start])
                    if agent and _APPOINTED.search(window):
                        # "James Comey được cựu Tổng thống Barack Obama bổ nhiệm làm giám đốc FBI": the
                        # one appointed is before "được", not the one who appointed him
                        appointee = by_end.get(lo + agent.start(1) + 1)
                        targets = [appointee] if appointee else []
            if not targets and s[lead_start:lead_start + 1].islower() and lead_start - 1 in by_end \
                    and s[lead_start - 1] == " " and not re.search(r"[^\W\d_][A-ZĐ]\w*$", by_end[lead_start - 1].name):
                # "ông Nguyễn Trường Sơn giám đốc Trung tâm ...": no comma (but "Nguyễn Văn TámPhó giám
                # đốc", a misprint, hides the title's first word)
                targets = [by_end[lead_start - 1]]
            again = _CHAIN_GOES_ON.search(window) if not targets else None
            if again and lead_start - len(window) + again.start() in owner_at:
                # "X, Ủy viên Bộ Chính trị, làm Trưởng ban ...": the post goes on X's chain
                targets = [owner_at[lead_start - len(window) + again.start()]]
        leaving = False
        if not targets:
            subject, leaving = _subject_of_cue(doc, tm.start(), end, names)
            targets = [subject] if subject else []
        if leaving:
            for post in posts:
                post.former = post.left = True
        if len(targets) == 1:
            owner_at[end] = targets[0]
        for t in targets:
            person_acc = acc(t)
            person_acc.confirmed = True
            for post in posts:
                person_acc.posts.append((post, ev))
        pos = max(end, tm.end())

    present = {key: set(p.mentions) for key, p in people.items()}   # (a set: a name said 10,000 times stays linear)
    for hit in names:   # later mentions of a person vouched for elsewhere
        key = fold(hit.name)
        if key in people and hit not in present[key]:
            people[key].mentions.append(hit)
            present[key].add(hit)

    out = []
    for pa in people.values():
        if not pa.confirmed or fold(pa.name) in doc.lex.places:
            continue
        if any(m.foreign for m in pa.mentions):
            # "ông Petr Mlsna, Thứ trưởng Bộ Nội vụ", "Gerard Collomb làm Bộ trưởng Nội vụ": a
            # foreigner's ministry is his country's, not Vietnam's of the same name
            pa.posts = [(p, ev) for p, ev in pa.posts if not _vietnamese_body(doc, p.agency)]
        person = Person(pa.name, evidence=[doc.evidence(m.start) for m in pa.mentions])
        seen: dict[tuple[str, str, bool], Position] = {}
        # a post the text says is being left is no longer held, whatever an apposition said of it
        # ("X, Bí thư Quận ủy Y, thôi giữ chức Bí thư Quận ủy Y")
        left = {(fold(p.title), fold(p.agency or "")) for p, _ in pa.posts if p.left}
        places = _provinces(doc, [p for p, _ in pa.posts])
        if len(places) == 1:   # "Phó Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh Đồng Nai ... giữ cương vị Tỉnh ủy viên"
            _fill_pending(doc, [p for p, _ in pa.posts], places[0], check_kind=True)
        for post, ev in pa.posts:
            k = (fold(post.title), fold(post.agency or ""), post.former)
            if k in seen:   # (a body guessed once and printed elsewhere in the article is printed)
                seen[k].body_inferred = seen[k].body_inferred and post.context_default
                continue
            if not post.former and k[:2] in left:
                continue
            seen[k] = Position(post.title, post.agency, ev, former=post.former, as_of=statement_year(doc, ev),
                               body_inferred=post.context_default)
            person.positions.append(seen[k])
        person.positions = _drop_subsumed(person.positions, doc.lex.standalone_titles)
        out.append(person)
    return out


# two or three capitalised syllables closed by punctuation or "và": a name the rules did not read
_PLACE_BRACKET = re.compile(r"\s*\([^()]{1,30}\)$")   # " (Phú Thọ)" after a deputy's name
_SHORT_NAME = re.compile(rf"[ \t]+([{UPPER}][^\W\d_]+)[ \t]+(?=[^\W\d_])")
_CAPITALISED_NAME = re.compile(rf"[ \t]+([{UPPER}][^\W\d_]+(?:[ \t]+[{UPPER}][^\W\d_]+){{1,2}})(?=\s*(?:[,;.:]|và\s|cùng\s))")


def _holder_unread_after(doc: Doc, end: int) -> bool:
    """Whether a chain of posts is followed by a name the rules did not read as one (a pen name,
    "Chủ tịch Hội Nhà báo Việt Nam Thuận Hữu"): two or three capitalised syllables that are no
    body, place or title."""
    m = _CAPITALISED_NAME.match(doc.shadow, end)
    if m is None:
        # "ĐB Lê Thanh Vân, Bộ trưởng Tân cho hay": a holder named by one syllable, then a verb of saying
        m = _SHORT_NAME.match(doc.shadow, end)
        if m is None or not doc.lex.participant_re.match(doc.shadow, m.end()):
            return False
    at = m.start(1)
    return not (doc.lex.body_re.match(doc.shadow, at) or doc.lex.unit_re.match(doc.shadow, at)
                or doc.lex.place_re.match(doc.shadow, at) or doc.lex.province_word_re.match(doc.shadow, at)
                or doc.title_at(at) or doc.lex.country_re.match(doc.shadow, at - 1)
                or m.group(1).split()[0] in doc.lex.not_name_words)


def _reads_as_a_person(doc: Doc, hit: NameHit) -> bool:
    """A full name of three or four syllables that opens with a frequent family name and stands
    on its own: not inside a capitalised run ("Trường THPT Nguyễn Văn Trỗi"), nor after a number
    ("số 12 Tôn Đức Thắng") or a word that names something after a person ("đường Nguyễn Văn
    Linh", "giải Trần Văn Ơn")."""
    words = hit.name.split()
    if len(words) < 3 or words[0] not in doc.lex.common_family_names \
            or any(w in doc.lex.not_foreign_name_words for w in words):   # ("Hồ Gươm Plaza")
        return False
    before = doc.shadow[max(0, hit.start - 30):hit.start]
    prev = re.search(r"(\S+)\s+$", before)
    if prev is not None:
        word = prev.group(1)
        if (word[:1].isupper() and word not in doc.lex.not_name_words) or word[-1:].isdigit():
            return False
    if re.search(r"[\w)]\s*[-–]\s*$", before) or (doc.shadow[hit.end:hit.end + 2] == ", "
                                                   and doc.lex.place_re.match(doc.shadow, hit.end + 2)):
        return False   # "Hoàng Minh Giám - Nguyễn Thái Sơn", "Lê Thị Hồng Gấm, Hoàng Sa, Calmette": streets
    # ("Bệnh viện tư nhân Hoàng Viết Thắng": an institution and its kind before the name)
    return not (doc.lex.named_after_re.search(doc.lower, max(0, hit.start - 30), hit.start)
                or doc.lex.named_after_printed_re.search(doc.shadow, max(0, hit.start - 30), hit.start)
                or doc.lex.named_after_qualified_re.search(doc.lower, max(0, hit.start - 50), hit.start))


def _vietnamese_body(doc: Doc, agency: str | None) -> bool:
    """A body of Vietnam's political system: a known body or registry unit, or a unit printed under
    one ("Vụ X (Bộ Nội vụ)")."""
    if not agency:
        return False
    return doc.lex.canonical_body(agency) in doc.lex.bodies or doc.post_parents.get(agency) in doc.lex.bodies


def _subject_of_cue(doc: Doc, chain_start: int, chain_end: int, names: list[NameHit]) -> tuple[NameHit | None, bool]:
    """The person a chain printed after "giữ chức", "bổ nhiệm làm", "thôi giữ chức" with no name
    beside it belongs to: the one person its sentence names before the cue, when it names nobody
    after the chain ("Chủ tịch A ký quyết định bổ nhiệm làm Giám đốc ... đối với ông B" is B's, not
    A's) and nobody else comes in between ("A chúc mừng Ngài B được bầu giữ chức ..."); and whether
    the cue says the post is being left."""
    window = doc.lower[max(0, chain_start - 40):chain_start]
    cue = doc.lex.subject_post_cue_re.search(window)
    if cue is None:
        return None, False
    cue_start = chain_start - len(window) + cue.start()
    sent = doc.sentence_at(chain_start)
    before = [n for n in names if sent.start <= n.start and n.end <= cue_start]
    if len({fold(n.name) for n in before}) != 1 or any(chain_end <= n.start < sent.end for n in names) \
            or doc.lex.other_subject_re.search(doc.lower, before[-1].end, cue_start):
        return None, False
    return before[-1], doc.lex.leaving_cue_re.search(window) is not None


def _drop_subsumed(positions: list[Position], standalone: frozenset[str]) -> list[Position]:
    """'Phó Thủ tướng' is dropped when 'Phó Thủ tướng Thường trực' of the same body is known;
    a post with no body at all is dropped (it says too little to link), unless it is an office in
    itself (``standalone``: "Chủ tịch nước")."""
    keep = []
    for p in positions:
        if p.agency is None and p.title not in standalone:
            continue
        t = fold(p.title)
        redundant = any(
            q is not p and (
                (fold(q.title).startswith(t + " ") and fold(q.agency or "") == fold(p.agency or ""))
                or (fold(q.title) == t and p.agency is None and q.agency is not None)
            )
            for q in positions
        )
        if not redundant:
            keep.append(p)
    return keep
