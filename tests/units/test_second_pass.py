"""Second pass on unit extents and roles (train-split errors), over sentences written for these tests."""

from __future__ import annotations

import pytest

from extractors.roles import assign_roles
from extractors.units import find_units


def texts(sentence: str) -> list[str]:
    return [u.text for u in find_units(sentence)]


def leads(sentence: str) -> tuple[list[str], list[str]]:
    roles = assign_roles(sentence)
    return [u.text for u in roles.lead], [u.text for u in roles.support]


EXTENTS = {
    # a qualifier ending at a level word takes the province after it
    "place after 'trên địa bàn tỉnh'": (
        "Đề nghị các doanh nghiệp trên địa bàn tỉnh Yên Bái báo cáo sản lượng.",
        ["các doanh nghiệp trên địa bàn tỉnh Yên Bái"]),
    "place after 'trên địa bàn tỉnh', two nouns": (
        "Yêu cầu các tổ chức, cá nhân hoạt động khoáng sản trên địa bàn tỉnh Cao Bằng nộp hồ sơ.",
        ["các tổ chức, cá nhân hoạt động khoáng sản trên địa bàn tỉnh Cao Bằng"]),
    "a level with no place stays as it is": (
        "Các hợp tác xã trên địa bàn tỉnh chủ động kê khai.", ["Các hợp tác xã trên địa bàn tỉnh"]),
    # "thuộc Thành phố" says whose body it is and belongs to the name
    "owner after an open name": (
        "Ban Quản lý dự án đầu tư xây dựng thuộc Thành phố đẩy nhanh thi công.",
        ["Ban Quản lý dự án đầu tư xây dựng thuộc Thành phố"]),
    "owner with a province": (
        "Giao Trung tâm Phát triển quỹ đất thuộc tỉnh Bắc Ninh lập phương án.",
        ["Trung tâm Phát triển quỹ đất thuộc tỉnh Bắc Ninh"]),
    "a gazetteer name does not take 'thuộc'": (
        "Sở Tài chính thuộc tỉnh bố trí vốn.", ["Sở Tài chính"]),
    # open words after a listed qualifier are the verb's
    "listed qualifier then a verb phrase": (
        "- Tổ chức, cá nhân hoạt động khai thác khoáng sản sử dụng nước phải xin phép.",
        ["Tổ chức, cá nhân hoạt động khai thác khoáng sản"]),
    "a head's name after 'thuộc Sở'": (
        "phối hợp với các lực lượng chức năng thuộc Sở Y tế, Công an tỉnh kiểm tra.",
        ["các lực lượng chức năng thuộc Sở Y tế", "Công an tỉnh"]),
    "a fixed lower-case phrase after 'và' goes on the name": (
        "Phòng Cảnh sát Giao thông và phòng cháy, chữa cháy; các đội trực thuộc kiểm tra.",
        ["Phòng Cảnh sát Giao thông và phòng cháy, chữa cháy"]),
    "a lower-case noun after 'và' still ends the name": (
        "Phòng Tổ chức cán bộ và phòng Kế hoạch rà soát.", ["Phòng Tổ chức cán bộ", "phòng"]),
    "'quản lý hạ tầng' opens an open name": (
        "Trung tâm quản lý hạ tầng kỹ thuật tỉnh bố trí lực lượng.", ["Trung tâm quản lý hạ tầng kỹ thuật tỉnh"]),
    "open qualifier then a listed one": (
        "phối hợp với các cơ sở giáo dục trên địa bàn rà soát.", ["các cơ sở giáo dục trên địa bàn"]),
    "'và các' goes on a collective": (
        "phối hợp với các bộ, ngành và các địa phương liên quan đánh giá.", ["các bộ, ngành và các địa phương liên quan"]),
    "'ban ngành' written without a comma": (
        "phối hợp với các sở, ban ngành và địa phương rà soát.", ["các sở, ban ngành và địa phương"]),
    "a verb that ends a collective": (
        "Các sở, ngành liên quan tuân thủ quy trình cấp phép.", ["Các sở, ngành liên quan"]),
    # one noun that is also a verb opening an item is the verb
    "'Tổ chức' opening an item is a verb": (
        "- Tổ chức trực ban theo địa bàn, phối hợp xử lý sự cố.", []),
    "'Tổ chức, cá nhân' opening an item is a collective": (
        "- Tổ chức, cá nhân có liên quan nộp báo cáo.", ["Tổ chức, cá nhân có liên quan"]),
}


@pytest.mark.parametrize(("sentence", "expected"), EXTENTS.values(), ids=EXTENTS.keys())
def test_unit_extent(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


ROLES = {
    # an item that opens with "Chỉ đạo Y ..." is done by the item's (inherited) subject; Y carries nothing
    "'Chỉ đạo' opening a dash item": ("- Chỉ đạo các nhà thầu khẩn trương thu dọn mặt bằng.", [], []),
    "'Chỉ đạo' opening a lettered item": (
        "c) Chỉ đạo Ban Quản lý các khu công nghiệp và các sở, ngành liên quan rà soát dự án.", [], []),
    "'Chỉ đạo' after a subject still reaches its object": (
        "Phó Thủ tướng chỉ đạo Bộ Tài chính khẩn trương trình đề án.", ["Bộ Tài chính"], []),
    # "X là đầu mối đôn đốc Y làm Z": X only follows up, Y does the work (corpus/NOTES.md, QD-2280 2.1.11.a)
    "focal point that follows up": (
        "Sở Công Thương là đầu mối đôn đốc Trung tâm Khuyến công, các doanh nghiệp liên quan thực hiện.",
        ["Trung tâm Khuyến công", "các doanh nghiệp liên quan"], []),
    "lead agency that is also the focal point": (
        "1. Sở Nội vụ là cơ quan chủ trì, đầu mối đôn đốc các cơ quan liên quan tổ chức thực hiện.", ["Sở Nội vụ"], []),
    "examples in brackets after a collective are not support": (
        "Sở Nội vụ phối hợp với các cơ sở đào tạo trên địa bàn (Trường Cao đẳng Y tế, Trường Trung cấp nghề) mở lớp.",
        ["Sở Nội vụ"], ["các cơ sở đào tạo trên địa bàn"]),
    "'Giao' opening an item still leads": ("- Giao Sở Nội vụ thẩm định đề án.", ["Sở Nội vụ"], []),
}


@pytest.mark.parametrize(("sentence", "lead", "support"), ROLES.values(), ids=ROLES.keys())
def test_roles(sentence: str, lead: list[str], support: list[str]) -> None:
    assert leads(sentence) == (lead, support)
