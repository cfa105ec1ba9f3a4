"""Load the extraction lexicons in data/lexicons/*.toml once, into ready-to-use structures.

The files are the single place where vocabularies live; this module only compiles them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from loaders.numbers import code_key
from loaders.registry import body_entries, countries, districts, law_titles, provinces, registry_units, repeated_names
from loaders.vntext import LEXICON_DIR, UPPER, fold, fold_words, old_tones


@lru_cache(maxsize=1)
def _abbreviation_re() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = _load("abbreviations.toml")["expand"]
    keys = sorted(table, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)"), table


def expand_abbreviations(name: str) -> str:
    """'UBND TP.HCM' -> 'Ủy ban nhân dân thành phố Hồ Chí Minh' (data/lexicons/abbreviations.toml):
    the long form two spellings of one body share, for ids, search and matching names."""
    pattern, table = _abbreviation_re()
    out = pattern.sub(lambda m: table[m.group(0)], name)
    out = re.sub(r"thành phố\s*(?=\S)", "thành phố ", out)   # "TP.Hà Nội" -> "thành phố Hà Nội"
    return " ".join(out.split())


def _load(name: str) -> dict[str, Any]:
    with open(LEXICON_DIR / name, "rb") as fh:
        return tomllib.load(fh)


def alternation(words: list[str], flags_ci: bool = False, tail: str = r"(?!\w)") -> str:
    """A regex alternation, longest first, matching whole words.

    With flags_ci the first letter keeps its case and the rest ignores it, so "Chính phủ"
    also matches "Chính Phủ" but not "chính phủ số".

    Built as a trie (words sharing a beginning share a branch), so that matching costs the length
    of a name, not the number of names: the registry's thousand units cost what ten did.
    Within the trie longer continuations are tried first and the tail is checked after the
    whole name, so the longest word that ends well wins, as with a longest-first alternation.
    """
    words = [old_tones(w) for w in words if w]
    if not flags_ci:
        return r"(?<!\w)(?:" + _trie_pattern(words) + ")" + tail
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:].lower())
    parts = [re.escape(first) + ("(?i:" + _trie_pattern(rest) + ")" if any(rest) else "")
             + ("?" if any(rest) and "" in rest else "")
             for first, rest in sorted(by_first.items())]
    return r"(?<!\w)(?:" + "|".join(parts) + ")" + tail


def _trie_pattern(words: list[str]) -> str:
    """A regex matching exactly ``words``, shaped as their trie (longest branches first)."""
    trie: dict[str, Any] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, Any]) -> str:
    """The pattern below one trie node; a run of single-child nodes is one literal."""
    branches = []
    for ch in sorted(k for k in node if k):
        literal, child = ch, node[ch]
        while len(child) == 1 and "" not in child:
            (nxt, child), = child.items()
            literal += nxt
        below = _emit(child) if any(k for k in child) else ""
        if below and "" in child:
            below = f"(?:{below})?"
        branches.append(re.escape(literal) + below)
    if not branches:
        return ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_CENTRAL_SHORT = ("TƯ", "T.Ư", "TW", "T.W")


def central_short(name: str) -> list[str]:
    """The name with its "Trung ương" as the press shortens it ("Quân ủy TƯ", "Bí thư T.Ư Đảng")."""
    return [name.replace(" Trung ương", " " + short) for short in _CENTRAL_SHORT] if " Trung ương" in name else []


def ministry_initials(name: str) -> str:
    """The capitals a ministry's name is abbreviated to ("Bộ Lao động - Thương binh và Xã hội" ->
    "LĐTBXH"): the first letter of each word after "Bộ" but "và", upper-cased."""
    return "".join(w[0].upper() for w in re.findall(r"\w+", name)[1:] if w != "và")


def spellings(name: str, heads: dict[str, str] | None = None) -> list[str]:
    """A name and the ways the press abbreviates its "và" ("Bộ Nông nghiệp & Phát triển nông thôn",
    "Kế hoạch&Đầu tư"), prints its "phòng, chống" ("phòng chống"), its "Trung ương" ("TƯ", "TW"), a
    closing "Quốc hội" ("Ủy ban Kinh tế của QH"), its initials' joins
    ("Bộ KH&CN" = "Bộ KHCN") and its head (``heads``: "Bệnh viện" -> "BV", "BV Bạch Mai"), so the
    data lists each name once."""
    out = [name]
    for head, short in (heads or {}).items():
        if name.startswith(head + " "):
            out.append(short + name[len(head):])
    if " và " in name:
        out += [name.replace(" và ", " & "), name.replace(" và ", "&")]
    if ", " in name:   # "Ủy ban Khoa học - Công nghệ & Môi trường", "UB Tài chính Ngân sách"
        out += [o.replace(", ", sep) for o in out for sep in (" - ", " ")]
    elif " - " in name:   # "Vụ Công chức, viên chức", "Vụ Công chức Viên chức"
        out += [o.replace(" - ", sep) for o in out for sep in (", ", " ", "-")]
    if "phòng, chống" in name:   # "Cục Cảnh sát phòng chống tội phạm ...", "phòng - chống"
        out += [o.replace("phòng, chống", sep) for o in out for sep in ("phòng chống", "phòng - chống", "phòng-chống")]
    out += [v for o in out for v in central_short(o)]   # "Đảng ủy Khối các cơ quan TƯ", "Ban Tuyên giáo TW"
    if name.endswith(" Việt Nam"):   # "Hội Nhà báo VN"
        out += [o[:-len("Việt Nam")] + "VN" for o in out if o.endswith(" Việt Nam")]
    if name.endswith(" Quốc hội") and name != "Quốc hội":   # "Ủy ban Kinh tế của QH"
        out += [o[:-len("Quốc hội")] + "QH" for o in out]
    # initials joined by "&" or "-" are also printed run together or with the other sign
    # ("Bộ KH&CN", "Bộ KH-CN", "Bộ KHCN")
    for o in list(out):
        if re.search(r"[A-ZĐ][&-][A-ZĐ]", o):
            out += [re.sub(r"(?<=[A-ZĐ])[&-](?=[A-ZĐ])", sep, o) for sep in ("", "&", "-")]
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class Body:
    name: str
    en: str
    kind: str
    parent: str | None = None
    code: str | None = None
    person_post: bool = False


@dataclass(frozen=True)
class Unit:
    head: str
    canonical_head: str
    parent: str           # "ministry" | "province" | ""
    bare_ok: bool = False
    lower_name: bool = False
    place_name: bool = False
    needs_parent: bool = False
    first_words: tuple[str, ...] = ()
    ministry_stem: bool = False
    not_in_title: bool = False   # the head ending a title ("Phó Chủ tịch Thường trực") is the title's word
    numbered: bool = False       # a number goes on the name ("Bệnh viện Nhi đồng 1", "Bệnh viện Quân y 175")
    needs_name: bool = False     # never named by its parent alone ("Phòng Cục X" is no unit)


@dataclass(frozen=True)
class Title:
    text: str
    title: str
    implied: str | None = None
    head: str | None = None
    not_before: tuple[str, ...] = ()    # words after it that make the implied body wrong
    leads: str | None = None            # the head of the units it leads: "CSGT" after it is "Cục CSGT"


@dataclass
class Lexicon:
    kinds: dict[str, dict[str, str]]
    type_codes: dict[str, str]          # code_key -> kind
    non_instrument_codes: set[str]
    kind_words: dict[str, str]          # folded word -> kind
    kind_word_re: re.Pattern[str]
    named_heads: list[str]
    named_head_re: re.Pattern[str]       # "Luật", "Bộ luật" ...: a named instrument's head, as printed
    named_re: re.Pattern[str]            # a law's, code's, ordinance's head in any case, and what follows it
    law_titles: dict[str, tuple[str, ...]]   # folded first two words -> the registry's law titles, folded, longest first
    lower_head_after_re: re.Pattern[str]  # "trong ", "theo " ... before a lower-case head: a law cited
    law_abbreviations: dict[str, str]    # "BLHS" -> "Bộ luật Hình sự"
    not_law_words: frozenset[str]        # "TNHH", "sư": after "Luật", no law's name
    law_abbreviation_re: re.Pattern[str]
    plenum: dict[str, Any]              # plenum resolutions: issuer, ordinal words
    issuer_codes: dict[str, str]        # code_key -> body or "@context:..."
    issuer_code_prefixes: dict[str, str]
    kind_by_issuer_prefix: dict[str, str]
    issuer_phrases: dict[str, str]
    bodies: dict[str, Body]             # canonical name -> Body
    body_alias: dict[str, str]          # fold(alias) -> canonical name
    body_re: re.Pattern[str]
    ministry_by_code: dict[str, str]
    ministry_stem_re: re.Pattern[str]
    ministry_by_initials: dict[str, str]   # "VHTTDL" -> "Bộ Văn hóa, Thể thao và Du lịch"
    units: list[Unit]
    unit_re: re.Pattern[str]
    unit_by_head: dict[str, Unit]       # fold(head) -> Unit
    country_re: re.Pattern[str]          # a foreign country after a body: "Bộ Quốc phòng Nga"
    country_before_re: re.Pattern[str]   # a country ending right before a name: "Tổng thống Mỹ Donald Trump"
    foreign_cue_re: re.Pattern[str]      # a word before that country that makes the name a person's
    foreign_title_at_re: re.Pattern[str]  # "Ngoại trưởng ", "Tổng thống " as printed: a foreign post starts here
    foreign_region_re: re.Pattern[str]   # "bang ", ending right before a region's name
    countries_folded: tuple[str, ...]
    place_word_re: re.Pattern[str]       # "tỉnh ", "huyện ", "TP " before a place name
    placeless_body_re: re.Pattern[str]   # "UBND tỉnh", "Tỉnh ủy": a local body with no place named
    local_unit_re: re.Pattern[str]       # "Sở ", "Phòng ": a unit every province or district has
    province_committees: dict[str, str]  # "Thành ủy" -> "city": a bare one is the article's city's
    province_committee_re: re.Pattern[str]
    district_committee_re: re.Pattern[str]   # "Huyện ủy": bare, the one district committee the article names
    province_word_end_re: re.Pattern[str]   # a name ending in a bare "tỉnh" or "thành phố" ("Trường Chính trị tỉnh")
    sub_units: frozenset[str]            # heads of units printed right before their owner unit
    one_per_body: frozenset[str]         # unit heads a body has one of ("Thanh tra của Bộ X" is that one)
    peer_heads: frozenset[str]           # "Bộ": never a unit of the body after a comma
    numbered_place_re: re.Pattern[str]   # "quận", "phường": a number after them is the place's name
    counted_words: frozenset[str]        # "năm", "bệnh nhân": after a number, it counts them, names nothing
    place_filler_re: re.Pattern[str]     # " khóa XIV đơn vị": between a place-named unit's head and its place
    any_place_word_re: re.Pattern[str]   # a place word anywhere in a name, in any case
    province_word_re: re.Pattern[str]    # "tỉnh", "thành phố", "TP." before a province or city
    not_own_place_after: frozenset[str]  # "tỉnh này", "tỉnh lộ": no bare place word of the article's province
    titles: dict[str, Title]            # fold(text) -> Title
    title_re: re.Pattern[str]
    honorific_re: re.Pattern[str]
    former_re: re.Pattern[str]          # "nguyên " right before a chain of posts (on Doc.lower)
    subject_post_cue_re: re.Pattern[str]   # "giữ chức " right before a chain: the sentence's subject's posts
    leaving_cue_re: re.Pattern[str]        # "thôi giữ chức " right before a chain: posts being left
    other_subject_re: re.Pattern[str]      # "ngài", "chúc mừng": another person comes in before the cue
    object_verb_re: re.Pattern[str]     # "tiếp " right before a chain: its first post is the object's
    on_behalf_re: re.Pattern[str]        # "thừa ủy quyền ": the next post is the one acted for
    rank_re: re.Pattern[str]
    other_speaker_re: re.Pattern[str]    # ", trung tướng Tuyến cho biết": another person, short-named, before a cue
    family_names: set[str]
    common_family_names: set[str]
    not_name_words: set[str]
    not_foreign_name_words: frozenset[str]   # a Latin-letter run holding one is a club, show or firm
    named_after_re: re.Pattern[str]          # "đường", "giải" ... right before a name: not a person
    family_names_of_bodies: frozenset[str]   # "Đoàn" + a province is a delegation, no person
    named_after_printed_re: re.Pattern[str]  # "Tổ chức" as printed right before a name: a body's
    named_after_qualified_re: re.Pattern[str]   # "bệnh viện tư nhân" ... right before a name: not a person
    name_words_unless_number: frozenset[str]   # "Năm": a third syllable, unless a number follows
    caption_verbs: frozenset[str]        # "chia sẻ": its first word run into a four-word name is cut
    age_bracket_re: re.Pattern[str]      # " (SN 1988", " (33 tuổi": after a name, a person's
    not_body_initials: frozenset[str]    # "HĐQT": initials after a title that name no body
    no_shared_body: frozenset[str]       # titles that never take the next post's body in a chain
    standalone_titles: frozenset[str]    # posts kept with no body ("Chủ tịch nước")
    place_committee: dict[str, str]      # "Chủ tịch" -> "UBND": "Chủ tịch TP X" is the city committee's
    places: set[str]                    # folded
    district_names: frozenset[str]      # folded; places only after their word, or before a person's name
    registry_unit_words: dict[str, tuple[tuple[str, ...], ...]]   # body -> its units' (and theirs') names, folded words
    registry_units_of: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]   # body -> (unit's name, folded words of a name)
    branch_heads: dict[str, int | None]  # folded name -> the year it names one unit from (Cục Thuế: 2025; "... khu vực": never)
    place_re: re.Pattern[str]
    province_re: re.Pattern[str]         # a province or centrally-run city, by any of its printed names
    province_of: dict[str, str]          # printed name (traditional tone placement) -> the registry's name
    city_provinces: frozenset[str]       # the registry's names of centrally-run cities ("thành phố", "TP")
    event_kinds: dict[str, str]         # folded cue -> kind
    event_re: re.Pattern[str]
    weak_event_cues: set[str]
    refers_before_re: re.Pattern[str]    # "gửi đến ": an event word after it names another event
    weak_noun_before_re: re.Pattern[str]  # "báo cáo ": a weak event word after it is a report's noun
    weak_body_noun_before_re: re.Pattern[str]  # "Tổ chức ": as printed, a weak event word after it names a body
    participant_re: re.Pattern[str]
    attendance_re: re.Pattern[str]       # of those, the cues that say who was there when printed before a name
    absent_before_re: re.Pattern[str]    # "theo chỉ đạo của": a few words (a title) before a name, spoken of
    addressed_before_re: re.Pattern[str]  # "báo cáo ": right before a name or its post, the addressee
    dead_before_re: re.Pattern[str]       # "cố ": right before a name or its post, one who has died
    review_re: re.Pattern[str]           # "tổng kết", "kiểm điểm": the year named after it is under review
    plan_re: re.Pattern[str]             # "chương trình giám sát", "dự toán": the year after it is a plan's
    reported_speech: tuple[str, ...]
    chair_cues: list[str]
    two_sided_kinds: frozenset[str]      # talks ...: leading a delegation there is no chairing
    two_sided_chair_cues: list[str]
    leads_delegation_re: re.Pattern[str]   # "dẫn đầu": the one who leads a delegation
    delegation_kinds: frozenset[str]       # events a delegation makes, whose leader chairs them
    delegating_re: re.Pattern[str]         # "giao": before a chair cue, the chair is handed to another
    co_chair_re: re.Pattern[str]         # "đồng chủ trì": everyone named before it chairs
    runs_sitting_re: re.Pattern[str]     # "điều hành" right after a name: that person chairs too
    runs_sitting_kinds: frozenset[str]   # the kinds of event where that holds (sittings)
    chair_lead_cues: list[str]
    organize_cues: list[str]
    day_part_re: re.Pattern[str]         # "sáng", "chiều qua (", "(ngày": a day part ending right before a bare date
    deadline_re: re.Pattern[str]         # "trước ngày ", "sinh ngày ": a date that dates no event
    at_event_re: re.Pattern[str]         # "tại " right before an undated event word: the article's event
    other_time_re: re.Pattern[str]       # "trước đó", "sắp tới": a sentence of another time
    other_time_opening_re: re.Pattern[str]   # "Tuần trước, ...": a later sentence of another time
    same_day_opening_re: re.Pattern[str]     # "Chiều cùng ngày, ...": a later sentence of another event
    earlier_before_date_re: re.Pattern[str]  # "Trước đó, tối " right before a date: an earlier happening
    at_another_event_re: re.Pattern[str]     # "tại", "trong" right before a later sentence's event word
    event_family: dict[str, int]             # kind -> its group of kinds one event is printed as
    planned_re: re.Pattern[str]          # "sẽ được tổ chức": an event its sentence speaks of as planned
    long_ago_re: re.Pattern[str]         # "cách đây 92 năm, ngày ...": a date long past, no event's
    to_press_re: re.Pattern[str]         # "trao đổi với PV": what a person told the press, not the event
    sidelines_re: re.Pattern[str]        # "bên lề": on the event's sidelines, so there
    press_kinds: frozenset[str]          # events that are the press's own (a press conference)
    long_kinds: frozenset[str]           # event kinds of more than a day ("session", "visit")
    lead_verb_res: list[tuple[str, re.Pattern[str]]]   # in order of precedence, each whole ("tiếp", not "tiếp thu")
    speech_verb_re: re.Pattern[str]      # "cho biết": a name before it reports the lead verb's act
    telling_re: re.Pattern[str]          # "nêu rõ", "cho biết": between an event word and a date, a told date
    host_verbs: frozenset[str]           # "tiếp": said of a host, who does not lead a guest's visit
    visit_kinds: frozenset[str]
    home_country: tuple[str, ...]        # "Việt Nam": a visit named for it is a guest's
    event_named_re: re.Pattern[str]          # a cue that opens an event's name (on Doc.lower)
    event_name_end_re: re.Pattern[str]       # where that name ends (on Doc.lower)
    name_commas: tuple[str, ...]             # "phòng, chống": a comma inside an event's or a unit's name
    comma_initials_place_re: re.Pattern[str]  # ", GPMB quận": a comma, initials and a place go on a unit's name
    event_name_dangling_re: re.Pattern[str]  # function words a cut name ends on ("Cuộc họp về việc")
    not_statement_year_re: re.Pattern[str]   # "đến năm " before a year: no date of the statement
    relation_cues: dict[str, str]       # folded cue -> type
    relation_re: re.Pattern[str]
    max_gap_before: int
    max_gap_before_succeeds: int
    max_gap_after: int
    # "thay thế Mẫu 04 tại Phụ lục IA của Nghị định X": a part of X is replaced or repealed, X amended
    part_re: re.Pattern[str]
    complying_re: re.Pattern[str]     # "thực hiện theo quy định của Luật ...": no IMPLEMENTS

    def province_in(self, name: str) -> str | None:
        """The registry's name of the first province or centrally-run city a name prints ("UBND
        tỉnh Khánh Hoà" -> "Khánh Hòa"), whichever tone placement it uses."""
        m = self.province_re.search(old_tones(name))
        return self.province_of[m.group(0)] if m else None

    def canonical_body(self, name: str) -> str | None:
        return self.body_alias.get(fold(old_tones(name)))


@lru_cache(maxsize=1)
def sole_posts() -> dict[str, frozenset[str]]:
    """Folded titles held by one person at a time in a body (titles.toml [sole]) -> the folded
    bodies where the title is a member's post instead."""
    sole = _load("titles.toml").get("sole", {})
    unknown = set(sole) - {"posts", "not_at"}
    if unknown:
        raise ValueError(f"{LEXICON_DIR / 'titles.toml'} [sole]: unknown keys {sorted(unknown)}")
    not_at = {fold(k): frozenset(fold(b) for b in v) for k, v in sole.get("not_at", {}).items()}
    return {fold(t): not_at.get(fold(t), frozenset()) for t in sole.get("posts", [])}


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    ins = _load("instruments.toml")
    bod = {"body": list(body_entries())}   # national bodies and the registry's units
    uni = _load("org_units.toml")
    tit = _load("titles.toml")
    nam = _load("names.toml")
    evt = _load("events.toml")
    rel = _load("relations.toml")

    bodies: dict[str, Body] = {}
    alias: dict[str, str] = {}
    body_words: list[str] = []   # every printed form of every body, for body_re
    for b in bod["body"]:
        body = Body(b["name"], b.get("en", ""), b.get("kind", "state"), b.get("parent"),
                    b.get("code"), b.get("person_post", False))
        bodies[body.name] = body
        for a in [b["name"], *b.get("aliases", [])]:
            for v in spellings(a, uni["head_abbreviations"]):
                alias[fold(old_tones(v))] = body.name
                body_words.append(v)
    short_heads = [{**u, "head": uni["head_abbreviations"][u["head"]], "canonical_head": u["head"]}
                   for u in uni["unit"] if u["head"] in uni["head_abbreviations"]]   # "BV" for "Bệnh viện"
    units = [Unit(u["head"], u.get("canonical_head", u["head"]), u.get("parent", ""),
                  u.get("bare_ok", False),
                  u.get("lower_name", False), u.get("place_name", False), u.get("needs_parent", False),
                  tuple(u.get("first_words", ())), u.get("ministry_stem", False), u.get("not_in_title", False),
                  u.get("numbered", False), u.get("needs_name", False))
             for u in [*uni["unit"], *short_heads]]
    titles: dict[str, Title] = {}
    title_forms: list[str] = []
    for t in tit["titles"]:
        title = Title(t["t"], t.get("title", t["t"]), t.get("implied"), t.get("head"),
                      tuple(t.get("not_before", ())), t.get("leads"))
        for form in (t["t"], *central_short(t["t"])):   # "Bí thư TƯ Đảng" is "Bí thư Trung ương Đảng"
            titles[fold(form)] = title
            title_forms.append(form)
    # every printed name of a province of the registry -> its name
    province_of = {n: p.name for p in provinces() for n in (p.name, *p.aliases)}
    # the provinces and the other places of names.toml
    place_names = [*nam["places"], *province_of]
    # after its word a province's later syllables are sometimes printed in lower case ("tỉnh Quảng
    # ngãi"); elsewhere that spelling is a word ("Hòa bình", peace), so only there
    misprinted = [n.split(" ", 1)[0] + " " + n.split(" ", 1)[1].lower()
                  for n in province_of if " " in n and not n.isupper()]
    after_word = "|".join(f"(?<={re.escape(w)} )" for w in uni["province_words"])
    after_district_word = "|".join(f"(?<={re.escape(w)} )" for w in uni["district_words"])
    district_names = [n for d in districts() for n in (d.name, *d.aliases) if not n.isdigit()]
    place_re = (f"{alternation(place_names)}|(?:{after_word}){alternation(misprinted)}"
                f"|(?:{after_district_word}){alternation(district_names)}")
    def not_before(words: list[str]) -> str:
        """whole, and not the first half of a longer word ("dự" but not "dự án")"""
        if not words:
            return r"(?!\w)"
        return r"(?!\w)(?!\s+(?:" + "|".join(map(re.escape, words)) + r")(?!\w))"

    def cue_re(cues: list[str]) -> re.Pattern[str]:
        """cues that are whole and not the first half of another word ("dự khuyết", "dự án")"""
        never = evt["participant_cue_not_before"]
        own = [c for c in cues if c in never]
        rest = [c for c in cues if c not in never]
        return re.compile("|".join([alternation(rest, tail=not_before(never["*"])),
                                    *(alternation([c], tail=not_before(never[c] + never["*"])) for c in own)]),
                          re.IGNORECASE)
    return Lexicon(
        kinds=ins["kinds"],
        type_codes={code_key(k): v for k, v in ins["type_codes"].items() if isinstance(v, str)},
        non_instrument_codes={code_key(c) for c in ins["type_codes"].get("non_instrument_codes", [])},
        kind_words={fold(k): v for k, v in ins["kind_words"].items()},
        kind_word_re=re.compile(alternation(list(ins["kind_words"]), flags_ci=True)),
        named_heads=ins["named"]["heads"],
        named_head_re=re.compile(r"(?<!\w)" + alternation(ins["named"]["heads"])),
        law_titles=_law_titles(),
        lower_head_after_re=re.compile(r"(?<!\w)" + alternation(ins["named"]["lower_head_after"],
                                                               tail=r"(?:\s+\d+)?\s+$")),
        named_re=re.compile(r"(?<!\w)(?P<head>(?i:" + "|".join(re.escape(h) for h in sorted(ins["named"]["heads"], key=len, reverse=True))
                            + r"))(?=(?P<rest>(?:\s+[^\s.;:!?()\"“”]+){0,24}))"),
        law_abbreviations=ins["named"]["abbreviations"],
        not_law_words=frozenset(ins["named"]["not_law_words"]),
        law_abbreviation_re=re.compile(alternation(list(ins["named"]["abbreviations"]))),
        plenum=ins["plenum"],
        issuer_codes={code_key(k): v for k, v in ins["issuer_codes"].items()},
        issuer_code_prefixes={code_key(k): v for k, v in ins["issuer_code_prefixes"].items()},
        kind_by_issuer_prefix={code_key(k): v for k, v in ins["kind_by_issuer_prefix"].items()},
        issuer_phrases=ins["issuer_phrases"],
        bodies=bodies,
        body_alias=alias,
        body_re=re.compile(alternation(body_words, flags_ci=True)),
        ministry_by_code={code_key(b.code): b.name for b in bodies.values() if b.code},
        ministry_stem_re=re.compile(alternation(
            [v[len("Bộ "):] for b in bod["body"] if b.get("kind") == "ministry" and b["name"].startswith("Bộ ")
             for a in [b["name"], *b.get("aliases", [])] if a.startswith("Bộ ") for v in spellings(a)],
            flags_ci=True)),
        ministry_by_initials={ministry_initials(b["name"]): b["name"] for b in bod["body"]
                              if b.get("kind") == "ministry" and b["name"].startswith("Bộ ")},
        units=units,
        unit_re=re.compile(alternation([u.head for u in units], flags_ci=True)),
        unit_by_head={fold(old_tones(u.head)): u for u in units},
        country_re=re.compile(r"\s+" + alternation(list(countries()))),
        country_before_re=re.compile("(?:" + alternation(list(countries())) + "|" + alternation(tit["foreign_region_words"])
                                     + rf"\s+[{UPPER}]\w+(?:\s+[{UPPER}]\w+)?)\s+$"),
        foreign_cue_re=re.compile(alternation(tit["foreign_cues"], tail=r"\s+$"), re.IGNORECASE),
        foreign_title_at_re=re.compile(alternation([c for c in tit["foreign_cues"] if c[:1].isupper()], tail=r"\s")),
        foreign_region_re=re.compile(alternation(tit["foreign_region_words"], tail=r"\s+$")),
        countries_folded=tuple(fold(old_tones(c)) for c in countries()),
        place_word_re=re.compile(alternation(uni["place_words"], tail=r"(?:\s+(?=\S)|(?<=\.)(?=\w))")),   # "TP.Hải Phòng" too
        placeless_body_re=re.compile(alternation(uni["placeless_bodies"], tail="")
                                     + r"(?: " + alternation(uni["place_words"], tail="") + ")?", re.IGNORECASE),
        local_unit_re=re.compile(alternation(uni["local_units"], tail=" ")),
        province_committees=dict(uni["province_committees"]),
        province_committee_re=re.compile(alternation(list(uni["province_committees"]))),
        district_committee_re=re.compile(alternation(uni["district_committees"])),
        province_word_end_re=re.compile(r"(?<=\s)" + alternation(uni["province_words"], tail="$")),
        sub_units=frozenset(uni["sub_units"]),
        counted_words=frozenset(uni["counted_words"]),
        one_per_body=frozenset(uni["one_per_body"]),
        peer_heads=frozenset(uni["peer_heads"]),
        numbered_place_re=re.compile(alternation(uni["numbered_place_words"]), re.IGNORECASE),
        place_filler_re=re.compile(r"(?:\s+" + alternation(uni["term_words"], tail=r"\s+[IVXL]+(?!\w)") + ")?"
                                   + r"(?:\s+" + alternation(uni["constituency_words"], tail=r"(?=\s)") + ")?"),
        any_place_word_re=re.compile(alternation(uni["place_words"]), re.IGNORECASE),
        province_word_re=re.compile(alternation(uni["province_words"], tail=r"\s*(?=\S)")),
        not_own_place_after=frozenset(uni["not_own_place_after"]),
        titles=titles,
        # titles are often typed in lower case mid-sentence ("phó chủ tịch UBND tỉnh ..."): the
        # pattern is lower case and runs on Doc.lower (a case-insensitive regex is much slower)
        title_re=re.compile(alternation([t.lower() for t in title_forms])),
        honorific_re=re.compile(alternation(tit["honorifics"])),
        object_verb_re=re.compile(alternation([c.lower() for c in tit["object_verbs"]], tail=r"\s+$")),
        on_behalf_re=re.compile(alternation([c.lower() for c in tit["on_behalf"]], tail=r"\s+$")),
        former_re=re.compile(alternation([c.lower() for c in tit["former_cues"]], tail=r"\s+$")),
        subject_post_cue_re=re.compile(r"(?<!\w)" + alternation([c.lower() for c in tit["subject_post_cues"] + tit["leaving_cues"]],
                                                               tail=r"\s+$")),
        leaving_cue_re=re.compile(r"(?<!\w)" + alternation([c.lower() for c in tit["leaving_cues"]], tail=r"\s+$")),
        other_subject_re=re.compile(r"(?<!\w)" + alternation([c.lower() for c in tit["other_subject_words"]])),
        rank_re=re.compile(alternation(tit["ranks"])),
        # an honorific or rank with a short name, ending a gap right before a speech cue
        other_speaker_re=re.compile(r"(?<!\w)(?i:" + alternation(sorted({h.lower() for h in tit["honorifics"] + tit["ranks"]}))
                                    + rf")\s+[{UPPER}][^\W\d_]*(?:\s+[{UPPER}][^\W\d_]*)?\s*$"),
        family_names=set(nam["family_names"]),
        common_family_names=set(nam["common_family_names"]),
        not_name_words=set(nam["not_name_words"]),
        not_foreign_name_words=frozenset(nam["not_foreign_name_words"]),
        named_after_re=re.compile(alternation(nam["named_after_words"], tail=r"\s+$")),
        family_names_of_bodies=frozenset(nam["family_names_of_bodies"]),
        named_after_printed_re=re.compile(alternation(nam["named_after_printed"], tail=r"\s+$")),
        named_after_qualified_re=re.compile(alternation(nam["named_after_qualified_words"], tail=r"\s+")
                                            + alternation(nam["named_after_qualifiers"], tail=r"\s+$")),
        name_words_unless_number=frozenset(nam["name_words_unless_number"]),
        caption_verbs=frozenset(nam["caption_verbs"]),
        age_bracket_re=re.compile(r"\s*\(\s*(?:" + alternation(nam["birth_cues"], tail=r"[\s.:]*\d")
                                  + r"|\d{1,3}\s*" + alternation(nam["age_words"]) + ")"),
        not_body_initials=frozenset(tit["not_body_initials"]),
        place_committee=tit["place_committee"],
        no_shared_body=frozenset(tit["no_shared_body"]),
        standalone_titles=frozenset(tit["standalone"]),
        places={fold(p) for p in place_names},
        district_names=frozenset(fold(n) for n in district_names),
        registry_unit_words=_unit_words(),
        registry_units_of=_units_of(),
        branch_heads={fold(f"{u.name} {w}".strip()): None if w else u.since
                      for u in registry_units() if u.branch_head and u.since for w in ["", *uni["region_words"]]},
        place_re=re.compile(place_re),
        province_re=re.compile(alternation(list(province_of))),
        province_of={old_tones(n): name for n, name in province_of.items()},
        city_provinces=frozenset(p.name for p in provinces() if p.kind == "city"),
        event_kinds={fold(k): v for k, v in evt["kinds"].items()},
        event_re=re.compile(alternation(list(evt["kinds"])), re.IGNORECASE),   # "Lễ Công bố" too
        weak_event_cues={fold(w) for w in evt["weak"]},
        refers_before_re=re.compile(alternation(evt["refers_before"], tail=r"\s+$")),
        weak_noun_before_re=re.compile(alternation(evt["weak_noun_before"], tail=r"\s+$")),
        weak_body_noun_before_re=re.compile(r"(?<!\w)" + alternation(evt["weak_body_noun_before"], tail=r"\s+$")),
        participant_re=cue_re(evt["participant_cues"]),
        attendance_re=cue_re(evt["attendance_cues"]),
        absent_before_re=re.compile(alternation(evt["absent_before"]), re.IGNORECASE),
        addressed_before_re=re.compile(r"(?<!\w)" + alternation(evt["addressed_before"], tail=r"\s+$")),
        dead_before_re=re.compile(alternation(evt["dead_before"], tail=r"\s+$"), re.IGNORECASE),
        review_re=re.compile(alternation(evt["review_cues"])),
        plan_re=re.compile(alternation(evt["plan_cues"])),
        reported_speech=tuple(evt["reported_speech"]),
        chair_cues=evt["chair"],
        two_sided_kinds=frozenset(evt["two_sided_kinds"]),
        two_sided_chair_cues=[c for c in evt["chair"] if c not in evt["leads_delegation"]],
        leads_delegation_re=re.compile(alternation(evt["leads_delegation"])),
        delegation_kinds=frozenset(evt["delegation_kinds"]),
        # as printed, in lower case, then the body handed the chair ("đã giao Thanh tra Chính phủ")
        delegating_re=re.compile(r"(?<!\w)" + alternation(evt["delegating"], tail=rf"\s+(?:cho\s+)?[{UPPER}]")),
        co_chair_re=re.compile(alternation(evt["co_chair"])),
        runs_sitting_re=re.compile(r"\s*" + alternation(evt["runs_sitting"])),
        runs_sitting_kinds=frozenset(evt["runs_sitting_kinds"]),
        chair_lead_cues=evt["chair_lead"],
        organize_cues=evt["organize"],
        day_part_re=re.compile(alternation(evt["day_parts"], tail="")
                               + r"(?:\s+nay\s*,)?\s+(?:\(?\s*ngày\s+)?\(?$", re.IGNORECASE),
        at_event_re=re.compile(r"(?<!\w)" + alternation(evt["at_event"], tail=r"\s+(?:buổi\s+|cuộc\s+)?$")),
        long_kinds=frozenset(evt["long_kinds"]),
        other_time_re=re.compile(r"(?<!\w)" + alternation(evt["other_time"])),
        other_time_opening_re=re.compile(alternation(evt["other_time_opening"])),
        same_day_opening_re=re.compile(alternation(evt["same_day_opening"])),
        earlier_before_date_re=re.compile(alternation(evt["earlier_before_date"], tail="")
                                          + r",?\s+(?:" + alternation(evt["day_parts"], tail="") + r"\s+){0,2}$"),
        at_another_event_re=re.compile(r"(?<!\w)" + alternation(evt["at_another_event"], tail=r"\s+(?:buổi\s+|cuộc\s+)?$")),
        event_family={kind: i for i, group in enumerate(evt["same_event_kinds"]) for kind in group},
        planned_re=re.compile(r"(?<!\w)" + alternation(evt["planned"])),
        long_ago_re=re.compile(r"(?<!\w)" + alternation(evt["long_ago"], tail=r"(?!\w)[^.;:!?]{0,30}$"), re.IGNORECASE),
        to_press_re=re.compile(r"(?<!\w)" + alternation(evt["to_press"])),
        sidelines_re=re.compile(r"(?<!\w)" + alternation(evt["sidelines"])),
        press_kinds=frozenset(evt["press_kinds"]),
        deadline_re=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(evt["deadline"] + evt["life_dates"], key=len, reverse=True))
                               + r")\s+$"),
        speech_verb_re=re.compile(r"(?<!\w)" + alternation(evt["speech_verbs"])),
        telling_re=re.compile(r"(?<!\w)" + alternation(evt["speech_verbs"] + evt["telling_verbs"])),
        lead_verb_res=[(v, re.compile("".join(f"(?<!{re.escape(w)})" for w in evt["lead_verb_not_after"].get(v, []))
                                      + rf" {re.escape(v)}" + not_before(evt["lead_verb_not_before"].get(v, [])) + r"(?!\w)"))
                       for v in evt["lead_verbs"]],
        host_verbs=frozenset(evt["host_verbs"]),
        visit_kinds=frozenset(evt["visit_kinds"]),
        home_country=tuple(evt["home_country"]),
        event_named_re=re.compile(alternation(evt["named_cues"])),
        name_commas=tuple(evt["name_commas"]),
        comma_initials_place_re=re.compile(rf",\s+[{UPPER}][{UPPER}&]{{1,5}}\s+" + alternation(uni["place_words"], tail=r"\s")),
        event_name_dangling_re=re.compile(r"(?:\s+(?:" + "|".join(map(re.escape, evt["name_dangling"]))
                                          + r"))+[\s,;:]*$"),
        event_name_end_re=re.compile(r"\s*[,.;:!?()“”\"]|\s+(?:\d{1,2}/\d{1,2}\b|\d{1,2}-\d{1,2}(?![\w/-])|"
                                     + alternation(evt["name_ends"]) + "|"
                                     + alternation(evt["name_ends_before_number"], tail=r"(?=\s+\d)") + ")"),
        not_statement_year_re=re.compile(alternation(evt["not_statement_year"], tail=r"\s+(?:năm\s+)?$"),
                                         re.IGNORECASE),
        relation_cues={fold(k): v for k, v in rel["cues"].items()},
        relation_re=re.compile(alternation(list(rel["cues"])), re.IGNORECASE),
        max_gap_before=rel["max_gap_before"],
        max_gap_before_succeeds=rel["max_gap_before_succeeds"],
        max_gap_after=rel["max_gap_after"],
        complying_re=re.compile(rf"\s+(?:{alternation(rel['complying'])})", re.IGNORECASE),
        part_re=re.compile(rf"\s*[:“\"]?\s*(?:(?:{alternation(rel['parts']['quantifiers'])})\s+)?"
                           rf"(?:(?:{alternation(rel['parts']['words'])})\s+(?:số\s+)?(?:\d|[IVXLC]+(?![\wÀ-ỹ])|[a-zđ](?![\wÀ-ỹ]))"
                           rf"|(?:{alternation(rel['parts']['phrases'])})(?![\wÀ-ỹ]))", re.IGNORECASE),
    )


def _unit_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each registry parent's units (names, aliases, former names) as folded words, for telling
    whether a unit an article prints is plausibly one of them."""
    parent_of = {u.name: u.parent for u in registry_units()}
    out: dict[str, list[tuple[str, ...]]] = {}
    for u in registry_units():
        owners: list[str] = []
        owner = u.parent
        while owner and owner not in owners and len(owners) < 5:   # a unit of a Tổng cục is its ministry's too
            owners.append(owner)
            owner = parent_of.get(owner, "")
        for name in (u.name, *u.aliases, *u.formerly):
            words = tuple(fold_words(name))
            for o in owners:
                out.setdefault(o, []).append(words)
    return {k: tuple(v) for k, v in out.items()}


def _law_titles() -> dict[str, tuple[str, ...]]:
    """The registry's law titles (folded) by their first two words, longest first: the few that
    may start at a "Luật X" of the text."""
    out: dict[str, list[str]] = {}
    for t in law_titles():
        folded = fold(t)
        out.setdefault(" ".join(folded.split()[:2]), []).append(folded)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _units_of() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Each registry parent's own units by every name they go by, as (canonical name, folded words):
    for reading a unit printed with initials ("Cục ATTP" of Bộ Y tế) as the one they stand for."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for u in registry_units():
        if u.repeated:
            continue
        for name in (u.name, *u.aliases):
            out.setdefault(u.parent, []).append((u.name, tuple(fold_words(name))))
    return {k: tuple(v) for k, v in out.items()}


def owner_unknown(name: str) -> bool:
    """A name many bodies share, so that on its own it names none: a registry unit marked repeated
    ("Vụ Tổ chức cán bộ"), a local body with no place ("UBND tỉnh"), or a unit every province or
    district has, named without its place ("Sở Giáo dục và Đào tạo", "Phòng Cảnh sát hình sự"); or
    a unit's head alone ("Bộ Tư lệnh", "Ban Chỉ đạo")."""
    lex = get_lexicon()
    name = name.strip()
    key = fold(old_tones(name))
    return key in repeated_names() or key in lex.unit_by_head or bool(lex.placeless_body_re.fullmatch(name)) \
        or (bool(lex.local_unit_re.match(name)) and not lex.any_place_word_re.search(name))
