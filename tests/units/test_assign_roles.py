"""assign_roles over sentences written for these tests, grouped by phenomenon."""

from __future__ import annotations

import pytest

from extractors.roles import assign_roles


def split(sentence: str) -> tuple[list[str], list[str], str | None]:
    roles = assign_roles(sentence)
    return [u.text for u in roles.lead], [u.text for u in roles.support], roles.assigner


LEAD_SUPPORT = [
    ("Sở Công Thương chủ trì, phối hợp với Sở Tài chính tham mưu xử lý.", ["Sở Công Thương"], ["Sở Tài chính"]),
    ("Giao Sở Y tế chủ trì, phối hợp với Công an tỉnh và các cơ quan liên quan kiểm tra.",
     ["Sở Y tế"], ["Công an tỉnh", "các cơ quan liên quan"]),
    ("Giao cho Ban Quản lý Khu kinh tế tỉnh rà soát quỹ đất.", ["Ban Quản lý Khu kinh tế tỉnh"], []),
    ("Đề nghị Sở Nội vụ khẩn trương hoàn thiện đề án.", ["Sở Nội vụ"], []),
    ("Yêu cầu các sở, ban, ngành nghiêm túc thực hiện.", ["các sở, ban, ngành"], []),
    ("Sở Tài chính có trách nhiệm bố trí kinh phí.", ["Sở Tài chính"], []),
    ("Các doanh nghiệp cần kê khai đầy đủ sản lượng.", ["Các doanh nghiệp"], []),
    ("Sở Xây dựng phối hợp với Sở Công Thương kiểm tra.", ["Sở Xây dựng"], ["Sở Công Thương"]),
    ("Giao các Sở: Công Thương, Tài chính phối hợp thực hiện.", ["Sở Công Thương", "Sở Tài chính"], []),
    ("Chủ trì, phối hợp: Sở Tư pháp, Sở Nội vụ.", [], ["Sở Tư pháp", "Sở Nội vụ"]),
    # decided: "cùng với Y" makes Y a support unit; it works alongside the lead
    ("Giao Sở Công Thương cùng với Sở Khoa học và Công nghệ đánh giá.", ["Sở Công Thương"], ["Sở Khoa học và Công nghệ"]),
]

SUBJECT_OF_ITEM = [
    ("1. Sở Công Thương chủ động rà soát danh mục dự án.", ["Sở Công Thương"], []),
    ("Sở Xây dựng: hướng dẫn thủ tục cấp phép xây dựng.", ["Sở Xây dựng"], []),
    ("b) Ủy ban nhân dân các xã, phường bố trí mặt bằng tái định cư.", ["Ủy ban nhân dân các xã, phường"], []),
    ("Thứ hai, Thủ trưởng các đơn vị trực thuộc rà soát hồ sơ.", ["các đơn vị trực thuộc"], []),
    ("- Giám đốc Sở Giao thông vận tải chỉ đạo phân luồng.", ["Sở Giao thông vận tải"], []),
]

MENTIONED_NOT_LEAD = [
    ("Rà soát theo Quyết định của Ủy ban nhân dân tỉnh.", [], []),
    ("Tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2026.", [], []),
    ("Giao Sở Tài chính tham mưu cho UBND tỉnh bố trí vốn.", ["Sở Tài chính"], []),
    ("Sở Nông nghiệp và Môi trường hoàn thiện hồ sơ, trình Bộ Nông nghiệp và Môi trường thẩm định.",
     ["Sở Nông nghiệp và Môi trường"], []),
    ("Hoàn thiện hồ sơ theo đề nghị của Sở Công Thương.", [], []),
    ("Gửi Văn phòng Ủy ban nhân dân tỉnh trước ngày 20 hằng tháng.", [], []),
]

ASSIGNER_NOT_LEAD = [
    ("Chủ tịch Ủy ban nhân dân tỉnh giao: Sở Tư pháp chủ trì thẩm định.", ["Sở Tư pháp"], [], "Chủ tịch Ủy ban nhân dân tỉnh"),
    ("Ủy ban nhân dân tỉnh yêu cầu Công an tỉnh tăng cường kiểm tra.", ["Công an tỉnh"], [], "Ủy ban nhân dân tỉnh"),
    ("Thủ tướng Chính phủ chỉ đạo Bộ Công Thương khẩn trương xây dựng phương án.", ["Bộ Công Thương"], [], "Thủ tướng Chính phủ"),
    ("Phó Thủ tướng Trần Văn An yêu cầu Bộ Y tế kiểm tra.", ["Bộ Y tế"], [], "Phó Thủ tướng Trần Văn An"),
]


@pytest.mark.parametrize(("sentence", "lead", "support"), LEAD_SUPPORT + SUBJECT_OF_ITEM + MENTIONED_NOT_LEAD)
def test_lead_and_support(sentence: str, lead: list[str], support: list[str]) -> None:
    assert split(sentence)[:2] == (lead, support)


@pytest.mark.parametrize(("sentence", "lead", "support", "assigner"), ASSIGNER_NOT_LEAD)
def test_assigner_is_not_a_lead(sentence: str, lead: list[str], support: list[str], assigner: str) -> None:
    assert split(sentence) == (lead, support, assigner)


def test_same_unit_once_and_lead_wins() -> None:
    roles = assign_roles("Giao Sở Tài chính chủ trì; phối hợp với Sở Tài chính và Sở Xây dựng.")
    assert [u.text for u in roles.lead] == ["Sở Tài chính"]
    assert [u.text for u in roles.support] == ["Sở Xây dựng"]


def test_units_passed_in_are_used() -> None:
    assert assign_roles("Giao Sở Tài chính chủ trì.", units=[]) == assign_roles("Không có đơn vị.")
