"""Property tests of the number and date parsers: any spacing, dash or zero-padding of a
number normalises to one form, no text makes the parsers crash, and the trie-shaped lexicon
alternation matches exactly what a longest-first alternation does."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from loaders.dates import find_dates, resolve_year
from loaders.lexicon import alternation
from loaders.numbers import normalize_number
from loaders.vntext import old_tones, sentences

codes = st.sampled_from(["CT", "NQ", "KH", "KL", "QĐ", "HD", "TB"])
issuers = st.sampled_from(["TW", "BCSĐ", "TU", "ĐU", "BTCTW"])
spaces = st.sampled_from(["", " "])
dashes = st.sampled_from(["-", "–", "—"])


@given(st.integers(1, 9999), st.integers(0, 2), codes, issuers, spaces, spaces, dashes)
def test_party_numbers_normalise(n: int, zeros: int, code: str, issuer: str, s1: str, s2: str, dash: str) -> None:
    printed = f"{'0' * zeros}{n}{s1}{dash}{s2}{code}/{issuer}"
    assert normalize_number(printed) == f"{n}-{code}/{issuer}"
    assert normalize_number(normalize_number(printed)) == normalize_number(printed)


@given(st.integers(1, 9999), st.integers(1990, 2030), st.sampled_from(["NĐ-CP", "TT-BNV", "QĐ-TTg"]), spaces)
def test_state_numbers_normalise(n: int, year: int, tail: str, s: str) -> None:
    assert normalize_number(f"0{n}{s}/{year}/{tail.lower()}") == f"{n}/{year}/{tail}"


@given(st.integers(1, 28), st.integers(1, 12), st.integers(1990, 2030))
def test_dates_round_trip(d: int, m: int, y: int) -> None:
    for text in (f"ngày {d}/{m}/{y}", f"ngày {d:02d}-{m:02d}-{y}", f"ngày {d} tháng {m} năm {y}"):
        (found,) = find_dates(text)
        assert resolve_year(found, None) == (f"{y:04d}-{m:02d}-{d:02d}", True)


@given(st.text())
def test_parsers_never_crash_and_keep_length(text: str) -> None:
    find_dates(text)
    normalize_number(text)
    assert len(old_tones(text)) == len(text)
    for s in sentences(text):
        assert text[s.start:s.end] == s.text


def _longest_first(words: list[str], flags_ci: bool) -> re.Pattern[str]:
    """The plain alternation the trie replaces: longest word first, whole words."""
    parts = [re.escape(w[0]) + "(?i:" + re.escape(w[1:]) + ")" if flags_ci and len(w) > 1 else re.escape(w)
             for w in sorted(set(words), key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


_syllables = st.sampled_from(["Bộ", "Tài", "chính", "Cục", "Thuế", "thuế", "Tổng", "cục", "Hải", "quan", "Vụ",
                              "Ban", "Kinh", "tế", "Trung", "ương", "&", "-", "và", "B", "T"])
_names = st.lists(_syllables, min_size=1, max_size=4).map(" ".join)


@given(st.lists(_names, min_size=1, max_size=12), st.lists(_names, min_size=1, max_size=6), st.booleans())
def test_the_trie_alternation_matches_as_longest_first_does(words: list[str], text: list[str], ci: bool) -> None:
    prose = " x ".join(text + words[:3])
    trie = re.compile(alternation(words, flags_ci=ci))
    plain = _longest_first([old_tones(w) for w in words], ci)
    assert [m.span() for m in trie.finditer(prose)] == [m.span() for m in plain.finditer(prose)]
