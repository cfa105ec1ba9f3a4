"""The indexes that keep extraction linear (loaders/spans.py), the look-ahead window and the HTML
depth limit: their examples run, and they answer as the scans they replaced did."""

from __future__ import annotations

import doctest
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import loaders.html_text
import loaders.spans
from loaders.extract import extract
from loaders.html_text import MAX_DEPTH, limit_depth, parse_html
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


def _nested(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "<p>Văn bản nằm rất sâu.</p>" + "</div>" * depth + "</body></html>"


def test_a_page_within_the_depth_limit_is_read_as_written() -> None:
    page = _nested(MAX_DEPTH - 2) + "<ul><li>một<li>hai</ul><p>a<p>b"
    assert limit_depth(page) is page


def test_a_page_nested_deeper_keeps_its_text_and_is_cut_to_the_limit() -> None:
    page = _nested(100_000)
    cut = limit_depth(page)
    assert cut.count("<div>") == cut.count("</div>") == MAX_DEPTH - 2   # (html and body are two)
    assert parse_html(page).body[-1] == "Văn bản nằm rất sâu."


@pytest.mark.parametrize("opening", ["<div/>", '<div title="<">', "<DIV class='a>b'>", "<div><!-- <p> -->",
                                     "<div data-x=</div>>"])
def test_no_way_of_writing_a_tag_slips_past_the_limit(opening: str) -> None:
    page = "<html><body>" + opening * 5_000 + "<p>Văn bản nằm rất sâu.</p></body></html>"
    assert len(LexborHTMLParser(page).css("div")) == 5_000           # what the limit is for
    assert len(LexborHTMLParser(limit_depth(page)).css("div")) == MAX_DEPTH - 2
    assert parse_html(page).body[-1] == "Văn bản nằm rất sâu."


def test_tags_in_comments_scripts_and_foreign_content_are_not_counted() -> None:
    inert = "<!-- " + "<div>" * 100 + " --><script>var s = '" + "<div>" * 100 + "';</script>"
    page = _nested(MAX_DEPTH - 3).replace("<p>", inert + "<svg>" + "<g/>" * 100 + "</svg><p>")
    assert limit_depth(page) is page


def test_what_is_cut_keeps_its_lines_apart_and_drops_what_the_reader_drops() -> None:
    deep = ("<div>Dòng thứ nhất.</div><div>Dòng thứ hai.</div><script>var lo = 1;</script>"
            "<nav><div>Trang chủ</div></nav><div>Dòng thứ ba.</div>")
    page = "<html><body><article><h1>Tiêu đề</h1>" + "<div>" * 600 + deep + "</div>" * 600 + "</article></body></html>"
    assert parse_html(page).body[-3:] == ("Dòng thứ nhất.", "Dòng thứ hai.", "Dòng thứ ba.")
    assert "var lo" not in limit_depth(page) and "Trang chủ" not in limit_depth(page)


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
