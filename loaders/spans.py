"""Questions about spans of a text asked once per match, answered without scanning every earlier
span: whether a position lies in a span already taken, and which spans lie around a span.

Why: a rule that compares each new match with all earlier ones costs the square of the matches,
and a hostile file of one sentence repeated 20,000 times then takes minutes.  Names and bodies are
short, so a span's neighbours are found in a window of the longest span's length.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Cover:
    """Positions of ``start``..``end`` covered by the spans added so far (one byte a position).

    >>> c = Cover(0, 20); c.add(3, 7)
    >>> [p for p in range(10) if c.covers(p)]
    [3, 4, 5, 6]
    """

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self._on = bytearray(max(0, end - start))

    def add(self, a: int, b: int) -> None:
        a, b = max(a, self.start), min(b, self.end)
        if a < b:
            self._on[a - self.start:b - self.start] = b"\x01" * (b - a)

    def covers(self, pos: int) -> bool:
        return self.start <= pos < self.end and self._on[pos - self.start] == 1


class Spans:
    """A fixed list of (start, end) spans, asked which of them contain, overlap or start in a
    span.  Answers are indices into the list, in its order.

    >>> s = Spans([(20, 30), (0, 10), (4, 6)])
    >>> s.containing(4, 6), s.overlapping(8, 22), s.starting_in(0, 5)
    ([1, 2], [0, 1], [1, 2])
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = list(spans)
        self._order = sorted(range(len(self.spans)), key=lambda i: self.spans[i][0])
        self._starts = [self.spans[i][0] for i in self._order]
        self._longest = max((b - a for a, b in self.spans), default=0)

    def starting_in(self, lo: int, hi: int) -> list[int]:
        """The spans that start at lo or after and before hi."""
        return sorted(self._order[bisect.bisect_left(self._starts, lo):bisect.bisect_left(self._starts, hi)])

    def containing(self, a: int, b: int) -> list[int]:
        """The spans (x, y) with x <= a and b <= y."""
        return [i for i in self.starting_in(a - self._longest, a + 1) if self.spans[i][1] >= b]

    def overlapping(self, a: int, b: int) -> list[int]:
        """The spans (x, y) with x < b and y > a."""
        return [i for i in self.starting_in(a - self._longest, b) if self.spans[i][1] > a]


def starts_between(starts: list[int], a: int, b: int) -> range:
    """Indices i of a sorted list with a < starts[i] < b."""
    return range(bisect.bisect_right(starts, a), bisect.bisect_left(starts, b))
