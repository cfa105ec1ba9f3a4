"""What every extraction step shares about one document: its text, sentences and lexicon."""

from __future__ import annotations

import bisect
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from loaders.lexicon import LEXICON_DIR, Lexicon, alternation
from loaders.model import Evidence
from loaders.vntext import Sentence, fold, old_tones, sentences

# Where a name read from prose ends (data/lexicons/name_ends.toml).
with open(LEXICON_DIR / "name_ends.toml", "rb") as _fh:
    _NAME_ENDS = tomllib.load(_fh)
STOP_WORDS = frozenset(_NAME_ENDS["words"])
STOP_PHRASES = frozenset(_NAME_ENDS["phrases"])
COMPOUNDS = frozenset(_NAME_ENDS["compounds"])
NAME_CLOSERS = tuple(tuple(c.split()) for c in _NAME_ENDS["closers"])
# "5 năm thực hiện " before an instrument's kind word, inside a name in lower case
BEFORE_INSTRUMENT_RE = re.compile(r"(?:\d{1,3} năm )?" + alternation(_NAME_ENDS["before_instrument"], tail=" ")
                                  + r"|\d{1,3} năm (?=\w)")


_FULL_DATE_YEAR = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]((?:19|20)\d\d)\b")


def stops_at(words: list[str], i: int) -> bool:
    """Whether the name being read ends before words[i]."""
    w = words[i].rstrip(",;.")
    if i and f"{words[i - 1]} {w}".lower() in COMPOUNDS:
        return False   # "Văn phòng Đăng ký ...": the word completes the one before
    if i + 1 < len(words) and f"{w} {words[i + 1].rstrip(',;.')}".lower() in COMPOUNDS:
        return False   # "Trung tâm Y tế dự phòng": the word opens a compound
    if w in STOP_WORDS:
        return True
    if i + 1 < len(words) and f"{w} {words[i + 1].rstrip(',;.')}" in STOP_PHRASES:
        # "Hội Vật liệu xây dựng Việt Nam": a phrase before a name's closing words is the name's
        after = tuple(x.rstrip(",;.") for x in words[i + 2:i + 4])
        return not any(after[:len(c)] == c for c in NAME_CLOSERS)
    return False




# a province's printed form that abbreviates it: "TP.HCM", "TT-Huế", "BR-VT" (not "Sài Gòn")
_ABBREVIATED = re.compile(r"TP|[A-ZĐ]{2}|-")


@dataclass
class Doc:
    """One document being extracted: original text, a same-length shadow with traditional
    tone placement (what all patterns run on), sentences, and the article's own body."""

    text: str
    lex: Lexicon
    published: str | None = None
    shadow: str = ""
    sents: list[Sentence] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    context_body: str | None = None
    body_matches: list[re.Match[str]] = field(default_factory=list)
    lower: str = ""             # shadow in lower case, same length (for case-blind patterns)
    ministries_named: int = 0   # how many ministries the text names
    ministry_dominates: bool = False   # the context ministry is named three times as often as any other
    post_parents: dict[str, str] = field(default_factory=dict)   # unit named in a post -> the parent printed there

    def __post_init__(self) -> None:
        self.shadow = old_tones(self.text)
        lowered = self.shadow.lower()
        self.lower = lowered if len(lowered) == len(self.shadow) else self.shadow
        self.body_matches = list(self.lex.body_re.finditer(self.shadow))  # scanned once, used twice
        self.sents = sentences(self.shadow)
        self.starts = [s.start for s in self.sents]
        self.context_body = self._context_body()

    @cached_property
    def latest_year(self) -> str | None:
        """The latest year of a full date in the text ("6/2/2017"): an undated article was written
        then or after, so a year beyond it is a plan and one well before it is history.  A date
        that ends a span or a deadline ("từ ngày 1/1/2017 đến 20/10/2020") is a plan's, not one
        the article has seen."""
        years = []
        for m in _FULL_DATE_YEAR.finditer(self.shadow):
            before = re.sub(r"\s*ngày\s+$", " ", self.shadow[max(0, m.start() - 24):m.start()])
            if not self.lex.deadline_re.search(before):
                years.append(m.group(1))
        return max(years, default=None)

    @cached_property
    def sole_province(self) -> str | None:
        """The one province or centrally-run city the text names, if it names only one, or the one
        it is about, named at least three times and three times as often as any other: where a
        post's body is printed without its place ("Phó Bí thư Tỉnh ủy X"), that place."""
        counts = Counter(self.lex.province_of[m.group(0)] for m in self._province_matches(0, len(self.shadow)))
        ranked = counts.most_common(2)
        if len(ranked) == 1 or (ranked and ranked[0][1] >= 3 and ranked[0][1] >= 3 * ranked[1][1]):
            return ranked[0][0]
        return None

    def province_near(self, pos: int) -> str | None:
        """The one province the sentence at pos names ("Về phía tỉnh Nghệ An, Phó Bí thư Tỉnh ủy
        ..."), else the one the text names; None when neither names exactly one."""
        sent = self.sentence_at(pos)
        return self._one_province(sent.start, sent.end) or self.sole_province

    def printed_short(self, province: str) -> str | None:
        """How the text abbreviates a province, if it does ("TP.HCM", "TT-Huế"): a body filled with
        that place is written the way the article writes it."""
        return self._abbreviations.get(province)

    @cached_property
    def _abbreviations(self) -> dict[str, str]:
        """Province -> its first abbreviation in the text (one scan, not one per body filled)."""
        out: dict[str, str] = {}
        for m in self.lex.province_re.finditer(self.shadow):
            province = self.lex.province_of[m.group(0)]
            if province not in out and fold(province) not in fold(m.group(0)) and _ABBREVIATED.search(m.group(0)):
                out[province] = m.group(0)   # (an old name, "Sài Gòn", is no abbreviation: "Thành ủy Hồ Chí Minh")
        return out

    def with_place(self, name: str, province: str) -> str:
        """A body printed with a bare place word given its province, written as the article writes
        that city when it abbreviates it ("UBND TP" -> "UBND TP.HCM" or "UBND TPHCM"; else "UBND TP
        Hồ Chí Minh", "Sở Y tế tỉnh Nghệ An")."""
        short = self.printed_short(province)
        if short and short[:2].upper() == "TP" and re.search(r"\s(?:TP\.?|[Tt]hành phố)$", name):
            return re.sub(r"\s+(?:TP\.?|[Tt]hành phố)$", "", name) + " " + short
        return f"{name} {province}"

    def _one_province(self, start: int, end: int) -> str | None:
        named = {self.lex.province_of[m.group(0)] for m in self._province_matches(start, end)}
        return named.pop() if len(named) == 1 else None

    def _province_matches(self, start: int, end: int) -> list[re.Match[str]]:
        """The provinces named between start and end, not those inside a person's name ("Trương
        Hòa Bình" names no Hòa Bình)."""
        out = []
        for m in self.lex.province_re.finditer(self.shadow, start, end):
            prev = re.search(r"(\S+)\s+$", self.shadow[max(0, m.start() - 12):m.start()])
            if prev is None or prev.group(1) not in self.lex.family_names:
                out.append(m)
        return out

    def title_at(self, pos: int) -> re.Match[str] | None:
        """A post title starting at pos, whatever its case."""
        return self.lex.title_re.match(self.lower, pos)

    def sentence_at(self, pos: int) -> Sentence:
        i = max(0, bisect.bisect_right(self.starts, pos) - 1)
        return self.sents[i] if self.sents else Sentence(0, len(self.text), self.text)

    def evidence(self, pos: int) -> Evidence:
        s = self.sentence_at(pos)
        return Evidence(s.start, s.end, self.text[s.start:s.end])

    def _context_body(self) -> str | None:
        """The ministry the article is about: the one it names most often (first on ties);
        failing that, the most named province-level body."""
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for m in self.body_matches:
            name = self.lex.canonical_body(m.group(0))
            if name and self.lex.bodies[name].kind == "ministry":
                counts[name] += 1
                first.setdefault(name, m.start())
        if not counts:
            return None
        self.ministries_named = len(counts)
        ranked = sorted(counts, key=lambda n: (-counts[n], first[n]))
        # the article is plainly about one ministry: named three times and three times as often as any other
        self.ministry_dominates = counts[ranked[0]] >= 3 and (len(ranked) == 1 or counts[ranked[0]] >= 3 * counts[ranked[1]])
        if len(ranked) > 1 and counts[ranked[0]] < 2 * counts[ranked[1]] and counts[ranked[0]] > 1:
            return None   # several ministries, none dominant: "Bộ trưởng X" alone says nothing
        return ranked[0]
