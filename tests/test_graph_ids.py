"""Id normalisation and Vietnamese text folding: one node per real thing, whatever the spelling."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.ids import (
    agency_id,
    canonical_body,
    event_id,
    fold,
    instrument_id,
    leading_number,
    norm_number,
    normalize,
    person_id,
    slug,
    source_node_id,
)
from graph.schema import load_schema


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("39-CT/TW", "39-CT/TW"),
        ("39- CT/TW", "39-CT/TW"),
        ("39 - CT/TW", "39-CT/TW"),
        ("39–CT/TW", "39-CT/TW"),
        ("39—CT / TW", "39-CT/TW"),
        ("039-CT/TW", "39-CT/TW"),
        ("số 39-CT/TW", "39-CT/TW"),
        ("04-KH/TW", "4-KH/TW"),
        ("32-KH/BCSĐ", "32-KH/BCSĐ"),
        ("32-KH/BCSD", "32-KH/BCSĐ"),
        ("03/1999/NĐ-CP", "3/1999/NĐ-CP"),
        ("03/1999/ND-CP", "3/1999/NĐ-CP"),
        ("12/2019/qd-ttg", "12/2019/QĐ-TTg"),
        ("18-CTr/TU", "18-CTr/TU"),
        ("45/2019/QH14", "45/2019/QH14"),
        ("05-HD/BTCTW", "5-HD/BTCTW"),
        ("39-ct/tw", "39-CT/TW"),
    ],
)
def test_norm_number(printed: str, expected: str) -> None:
    assert norm_number(printed) == expected
    assert instrument_id(printed) == f"instrument/{expected}"


def test_unnumbered_instruments_are_slugs_of_their_name() -> None:
    assert instrument_id(None, "Luật Viên chức") == "instrument/luat-vien-chuc"
    assert instrument_id(None, "Luật  viên chức") == "instrument/luat-vien-chuc"
    assert instrument_id(None, "Hiến pháp năm 2013") == "instrument/hien-phap-2013"
    assert instrument_id(None, "Hiến pháp 2013") == instrument_id(None, "Hiến pháp Năm 2013")
    assert instrument_id(None, "Luật Biển Việt Nam 2012") == "instrument/luat-bien-viet-nam-2012"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Hòa", "Hoà"), ("thủy", "thuỷ"), ("Ủy ban", "Uỷ ban"), ("khỏe", "khoẻ"), ("Thúy", "Thuý"), ("hóa", "hoá")],
)
def test_one_tone_mark_placement(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)
    assert fold(a) == fold(b)


@pytest.mark.parametrize("word", ["hoàng", "ngoài", "người", "quý", "già", "gì", "Nguyễn", "khuỷu", "trưởng"])
def test_normalize_keeps_correct_spellings(word: str) -> None:
    assert normalize(word) == unicodedata.normalize("NFC", word)


def test_fold_strips_diacritics_and_d_stroke() -> None:
    assert fold("Đặng Hoàng Oanh") == "dang hoang oanh"
    assert fold("Ðặng") == "dang"           # U+00D0 typed for Đ
    assert fold("BỘ  NỘI VỤ") == "bo noi vu"


def test_person_ids_keep_tone_marks_in_one_placement() -> None:
    assert person_id("Trương Hòa Bình") == person_id("Trương Hoà Bình") == "person/trương-hòa-bình"
    assert person_id("Đặng Hoàng Oanh") == person_id("ĐẶNG HOÀNG OANH") == "person/đặng-hoàng-oanh"
    # names that differ only in their marks are two people
    assert person_id("Nguyễn Thành Phong") != person_id("Nguyễn Thanh Phong")


def test_agency_ids() -> None:
    assert agency_id("Bộ Nội vụ") == "agency/bo-noi-vu"
    assert agency_id("Vụ Hợp tác quốc tế", "Bộ Tư pháp") == "agency/bo-tu-phap/vu-hop-tac-quoc-te"
    assert agency_id("Vụ Hợp tác quốc tế", "Bộ Nội vụ") == "agency/bo-noi-vu/vu-hop-tac-quoc-te"
    # a unit whose name already says its parent does not repeat it
    assert agency_id("Ban Cán sự đảng Bộ Nội vụ", "Bộ Nội vụ") == "agency/ban-can-su-dang-bo-noi-vu"
    # aliases of a known body are one node; national bodies never take a parent
    assert agency_id("Ban Bí thư Trung ương Đảng") == agency_id("Ban Bí thư") == "agency/ban-bi-thu"
    assert agency_id("Ủy ban Thường vụ Quốc hội", "Quốc hội") == "agency/uy-ban-thuong-vu-quoc-hoi"


def test_event_and_source_ids_are_stable() -> None:
    assert event_id("2019-08-14", "survey working session", "000.txt") == event_id(
        "2019-08-14", "survey working session", "000.txt")
    assert event_id("2019-08-14", "Survey", "a").startswith("event/2019-08-14/survey-")
    sid = source_node_id("000_a5917a623b9311c9.txt")
    assert sid.startswith("source/") and len(sid) == len("source/") + 12


# -- properties -------------------------------------------------------------------------------

codes = st.sampled_from(["CT/TW", "NQ/TW", "KH/BCSĐ", "KL/TW", "QĐ/TW", "HD/BTCTW", "CTr/TU"])
dashes = st.sampled_from(["-", " - ", "- ", " -", "–", "—", "‑"])


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=3), dashes, codes)
def test_party_numbers_normalise_to_one_form(n: int, zeros: int, dash: str, code: str) -> None:
    printed = "0" * zeros + str(n) + dash + code
    assert norm_number(printed) == f"{n}-{code}"
    assert leading_number(printed) == str(n)


@given(st.text(alphabet=st.sampled_from(list("0123456789-/ –CTNQKHĐDcdtwQHBV")), min_size=1, max_size=20))
def test_norm_number_is_idempotent(text: str) -> None:
    once = norm_number(text)
    assert norm_number(once) == once


vi_letters = st.sampled_from(list("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợ"
                                  "uùúủũụưừứửữựyỳýỷỹỵđ bcdghklmnpqrstvx"))


@given(st.text(alphabet=vi_letters, max_size=30))
def test_fold_is_ascii_and_idempotent(text: str) -> None:
    f = fold(text)
    assert f.isascii()
    assert fold(f) == f
    assert fold(normalize(text)) == f


@given(st.text(alphabet=vi_letters, max_size=30))
def test_normalize_is_idempotent(text: str) -> None:
    n = normalize(text)
    assert normalize(n) == n


@given(st.text(max_size=40))
def test_slug_is_url_safe(text: str) -> None:
    s = slug(text)
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in s)
    assert not s.startswith("-") and not s.endswith("-")


@pytest.mark.parametrize(("printed", "body"), [
    ("Cục Quảng lý Công sản", "Cục Quản lý công sản"),             # a letter too many
    ("Viện Hàn lân Khoa học và Công nghệ Việt Nam", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam"),   # another
    ("Ban Dân nguyuện", "Ban Dân nguyện"),
    ("Bộ G iao thông Vận tải", "Bộ Giao thông vận tải"),           # a space run in
])
def test_a_known_bodys_name_misprinted_by_one_letter_is_that_body(printed: str, body: str) -> None:
    assert canonical_body(printed) == body


@pytest.mark.parametrize("printed", [
    "Trường Đại học Thượng Hải",     # one letter from "Thương mại" only with the marks folded away
    "Trường Đại học ở Hà Nội",       # a one-letter word is another word, not a misprint of "Y"
    "Hội LHPN VN",                   # initials one letter apart are other initials
    "Ban Quản lý cảng",              # not "Ban Quản lý Lăng"
])
def test_another_name_one_letter_from_a_known_body_stays_itself(printed: str) -> None:
    assert canonical_body(printed) not in load_schema().bodies
