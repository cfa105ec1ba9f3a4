"""The indexes that keep extraction linear (loaders/spans.py) and the look-ahead window: their
examples run, and they answer as the scans they replaced did."""

from __future__ import annotations

import doctest
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import loaders.html_text
import loaders.spans
from loaders.extract import extract
from loaders.readers import source_from_text
from loaders.spans import Cover, Spans, starts_between
from loaders.vntext import MAX_SENTENCE, drop_marks, sentences

_spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1])), max_size=30)


def test_examples_in_docstrings_run() -> None:
    for module in (loaders.spans, loaders.html_text):
        result = doctest.testmod(module)
        assert result.failed == 0
    assert doctest.testmod(loaders.spans).attempted >= 2


@given(_spans, st.integers(0, 80), st.integers(0, 20))
def test_spans_answer_as_a_scan_does(spans: list[tuple[int, int]], a: int, width: int) -> None:
    b = a + width
    index = Spans(spans)
    assert index.containing(a, b) == [i for i, (x, y) in enumerate(spans) if x <= a and b <= y]
    assert index.overlapping(a, b) == [i for i, (x, y) in enumerate(spans) if x < b and y > a]
    assert index.starting_in(a, b) == [i for i, (x, _) in enumerate(spans) if a <= x < b]
    starts = sorted(x for x, _ in spans)
    assert [starts[i] for i in starts_between(starts, a, b)] == [x for x in starts if a < x < b]


@given(_spans, st.integers(0, 40), st.integers(0, 40))
def test_cover_answers_as_a_scan_does(spans: list[tuple[int, int]], lo: int, width: int) -> None:
    hi = lo + width
    cover = Cover(lo, hi)
    for a, b in spans:
        cover.add(a, b)
    for p in range(lo, hi):
        assert cover.covers(p) == any(a <= p < b for a, b in spans)


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x2100), max_size=40))
def test_drop_marks_drops_exactly_the_combining_marks(text: str) -> None:
    decomposed = unicodedata.normalize("NFD", text)
    assert drop_marks(decomposed) == "".join(c for c in decomposed if not unicodedata.combining(c))


def test_a_sentence_without_an_end_is_cut_in_pieces_that_cover_it() -> None:
    line = "Thứ trưởng Bộ Nội vụ Trần Văn B " * 2000
    parts = sentences(line)
    assert all(len(p.text) <= MAX_SENTENCE for p in parts)
    assert " ".join(p.text for p in parts) == line.strip()
    assert all(line[p.start:p.end] == p.text for p in parts)


@pytest.mark.parametrize("blank", ["\u205f", "\u1680", "\u3000", "\u2009", "\u00a0 \t"])
def test_a_long_run_of_any_blank_reads_as_one_space(blank: str) -> None:
    """The rules look a bounded window ahead (vntext.ahead); the readers make every run of
    blanks one space, so no run can push a match past the window's end."""
    text = "Ông Nguyễn Văn An, Thứ trưởng Bộ Nội vụ, phát biểu tại hội nghị."
    plain = extract(source_from_text(text, name="a.txt"))
    wide = extract(source_from_text(text.replace(" ", blank * 500), name="a.txt"))
    assert plain.people and wide.people == plain.people and wide.agencies == plain.agencies
