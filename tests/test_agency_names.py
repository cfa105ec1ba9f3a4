"""Agency names printed with different abbreviations resolve to one graph node."""

from __future__ import annotations

import pytest

from graph.ids import agency_id


@pytest.mark.parametrize("variants", [
    ["UBND TP Hà Nội", "UBND TP.Hà Nội", "UBND thành phố Hà Nội", "Ủy ban nhân dân TP. Hà Nội"],
    ["UBND TP.HCM", "UBND TPHCM", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "UBND TP Hồ Chí Minh"],
    ["Bộ GD-ĐT", "Bộ GD&ĐT", "Bộ Giáo dục và Đào tạo"],
])
def test_variants_share_one_id(variants: list[str]) -> None:
    assert len({agency_id(v) for v in variants}) == 1


def test_different_places_stay_apart() -> None:
    assert agency_id("UBND tỉnh Hà Giang") != agency_id("UBND TP Hà Nội")


@pytest.mark.parametrize("variants", [
    ["Công an tỉnh Nghệ An", "Công an Nghệ An"],
    ["UBND thành phố Hà Nội", "UBND Hà Nội", "Ủy ban nhân dân TP Hà Nội"],
    ["Thành ủy TP.HCM", "Thành ủy Hồ Chí Minh"],
    ["Công an tỉnh Hà Tĩnh", "Công an Hà Tĩnh"],
])
def test_province_and_central_city_words_do_not_split_an_agency(variants: list[str]) -> None:
    assert len({agency_id(v) for v in variants}) == 1


def test_provincial_cities_districts_and_party_committees_stay_apart() -> None:
    assert agency_id("Công an thành phố Thanh Hóa") != agency_id("Công an tỉnh Thanh Hóa")
    assert agency_id("Công an huyện Tĩnh Gia") == "agency/cong-an-huyen-tinh-gia"
    assert agency_id("Ban Tổ chức Tỉnh ủy Nghệ An") == "agency/ban-to-chuc-tinh-uy-nghe-an"
    assert agency_id("Sở Y tế", "UBND thành phố Hà Nội") == agency_id("Sở Y tế", "UBND Hà Nội")
