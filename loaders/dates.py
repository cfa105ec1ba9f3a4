"""Vietnamese dates: day before month, always (shared/domain/conventions.md §7)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# ngày 15/8/2019, 15-8-2019, 15.8.2019, 15/8 ; ngày 15 tháng 8 năm 2019
_NUMERIC = r"(?P<d>\d{1,2})\s?[/.-]\s?(?P<m>\d{1,2})(?:\s?[/.-]\s?(?P<y>(?:19|20)\d\d))?"
_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*(?:năm|,)\s*(?P<y2>(?:19|20)\d\d))?"
DATE_RE = re.compile(rf"(?<![\w/.-])(?:{_WORDS}|{_NUMERIC})(?![\w/'’]|[.-]\d)")   # not a clock time "15.05’"
# "Từ ngày 27 đến ngày 30-6-2017", "ngày 27-30/6": a range; the event starts on its first day.
RANGE_RE = re.compile(
    r"(?<![\w/])(?P<d1>\d{1,2})\s*(?:đến|và|-|–)\s*(?:ngày\s+)?(?P<d2>\d{1,2})\s?[/.-]\s?(?P<m>\d{1,2})"
    r"(?:\s?[/.-]\s?(?P<y>(?:19|20)\d\d))?(?![\w/])"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None
    end_day: int | None = None     # the last day of a range ("Từ ngày 5 đến ngày 7/7/2017")

    def iso(self, fallback_year: int | None = None) -> str:
        """YYYY-MM-DD, or --MM-DD when no year is known."""
        y = self.year or fallback_year
        return f"{y:04d}-{self.month:02d}-{self.day:02d}" if y else f"--{self.month:02d}-{self.day:02d}"


def find_dates(text: str) -> list[DateMention]:
    """Every valid day/month(/year) in the text, with spans; a range gives its first day."""
    out = []
    ranges = []
    for r in RANGE_RE.finditer(text):
        d1, d2, mo = int(r.group("d1")), int(r.group("d2")), int(r.group("m"))
        if 1 <= d1 < d2 <= 31 and 1 <= mo <= 12:
            out.append(DateMention(r.start(), r.end(), d1, mo, int(r.group("y")) if r.group("y") else None, d2))
            ranges.append((r.start(), r.end()))
    for m in DATE_RE.finditer(text):
        if any(a <= m.start() < b for a, b in ranges):
            continue
        d = int(m.group("d") or m.group("d2"))
        mo = int(m.group("m") or m.group("m2"))
        y_s = m.group("y") or m.group("y2")
        y = int(y_s) if y_s else None
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        try:
            date(y or 2000, mo, d)
        except ValueError:
            continue
        out.append(DateMention(m.start(), m.end(), d, mo, y))
    return sorted(out, key=lambda x: x.start)


def resolve_year(mention: DateMention, published: str | None) -> tuple[str, bool]:
    """The ISO date of a mention and whether its year is given by the text or the article.

    A day and month with no year take the article's year; when that would put a reported
    event after the article (an article of 3 January reporting "28/12"), the year before.
    """
    if mention.year:
        return mention.iso(), True
    if published and re.match(r"\d{4}-\d\d-\d\d", published):
        py, pm, pd = (int(x) for x in published[:10].split("-"))
        y = py - 1 if (mention.month, mention.day) > (pm, pd) and pm <= 2 and mention.month >= 11 else py
        return mention.iso(y), True
    return mention.iso(), False
