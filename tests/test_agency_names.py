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
