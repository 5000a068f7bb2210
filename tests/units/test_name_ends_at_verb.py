"""A lower-case verb after an open name ends it; the same word capitalized belongs to the name."""

from __future__ import annotations

import pytest

from extractors.units import find_units


@pytest.mark.parametrize(("sentence", "units", "source"), [
    ("Trung tâm Phục vụ hành chính công tổng hợp số liệu hồ sơ trễ hạn.", ["Trung tâm Phục vụ hành chính công"],
     "own: found by `make demo` on examples/"),
    ("Phòng Tổng hợp chủ trì xây dựng báo cáo.", ["Phòng Tổng hợp"], "own"),
    ("Phòng Kế hoạch - Tổng hợp tổng hợp, báo cáo Lãnh đạo Sở.", ["Phòng Kế hoạch - Tổng hợp"], "own"),
    ("Công ty cổ phần dịch vụ tổng hợp Sài Gòn chủ trì.", ["Công ty cổ phần dịch vụ tổng hợp Sài Gòn"], "own"),
    ("Cục Đường cao tốc chủ trì, phối hợp với các địa phương tháo gỡ vướng mắc về mỏ vật liệu.",
     ["Cục Đường cao tốc", "các địa phương"], "own: a collective's qualifier ends at the task's verb"),
    ("Đề nghị UBND các tỉnh Nghệ An, Hà Tĩnh quan tâm chỉ đạo giải phóng mặt bằng.",
     ["UBND tỉnh Nghệ An", "UBND tỉnh Hà Tĩnh"], "own: an elliptical list ends at the verb"),
    ("Các ban quản lý dự án huy động thêm nhân lực, thiết bị.", ["Các ban quản lý dự án"], "own"),
])
def test_name_ends_at_verb(sentence: str, units: list[str], source: str) -> None:
    assert [u.text for u in find_units(sentence)] == units


@pytest.mark.parametrize(("sentence", "units"), [
    ("Ban Quản lý các Khu công nghiệp tỉnh báo cáo tình hình thu hút đầu tư.", ["Ban Quản lý các Khu công nghiệp tỉnh"]),
    ("UBND các xã, phường báo cáo kết quả.", ["UBND các xã, phường"]),
])
def test_cac_inside_a_name(sentence: str, units: list[str]) -> None:  # own sentences
    assert [u.text for u in find_units(sentence)] == units
