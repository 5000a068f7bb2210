"""A collective keeps the words that say which of its members are meant, as the gold does ("Ủy ban
nhân dân các xã, phường có cụm công nghiệp", "các đơn vị duy trì thoát nước"), and ends where the
task's verb begins. Sentences written for these tests in official style (failures found on new
documents, /tmp/probe3), grouped by phenomenon; each group holds cases that must stay as they are.
"""

from __future__ import annotations

import pytest

from extractors.roles import assign_roles
from extractors.units import find_units


def texts(sentence: str) -> list[str]:
    return [u.text for u in find_units(sentence)]


EXTENTS = {
    # mass organisations named in full, and a district level after a collective
    "mass organisations of a district": (
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các đoàn thể chính trị - xã hội huyện vận động hội viên hiến máu.",
        ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "các đoàn thể chính trị - xã hội huyện"]),
    "mass organisations written without spaces": (
        "Các đoàn thể chính trị-xã hội tỉnh phối hợp tuyên truyền.", ["Các đoàn thể chính trị-xã hội tỉnh"]),
    "a district and its name after a collective": (
        "Giao các phòng, ban chuyên môn huyện Mường Khương rà soát hồ sơ.", ["các phòng, ban chuyên môn huyện Mường Khương"]),
    "mass organisations with no qualifier stay as they are": ("Các đoàn thể tuyên truyền tới hội viên.", ["Các đoàn thể"]),
    # the kind of area a level names: "các xã miền núi", "các xã, phường ven biển"
    "highland communes": (
        "Sở Y tế phối hợp với UBND các xã vùng cao triển khai tiêm chủng.", ["Sở Y tế", "UBND các xã vùng cao"]),
    "coastal communes and wards": (
        "Đề nghị UBND các xã, phường ven biển chủ động sơ tán người dân.", ["UBND các xã, phường ven biển"]),
    "border communes": ("Ủy ban nhân dân các xã biên giới tăng cường tuần tra.", ["Ủy ban nhân dân các xã biên giới"]),
    "communes of a named district": ("UBND các xã huyện Si Ma Cai rà soát danh sách.", ["UBND các xã huyện Si Ma Cai"]),
    "levels with no area stay as they are": ("UBND các xã, phường thực hiện kê khai.", ["UBND các xã, phường"]),
    # "có" + a noun phrase says which members, up to the task's verb or the end of a table cell
    "communes that have a craft village": (
        "UBND các xã có làng nghề truyền thống lập danh sách hộ sản xuất.", ["UBND các xã có làng nghề truyền thống"]),
    "a table cell: wards that have a wholesale market": ("UBND các phường có chợ đầu mối", ["UBND các phường có chợ đầu mối"]),
    "localities that have protection forest": (
        "Các địa phương có rừng phòng hộ xây dựng phương án chữa cháy.", ["Các địa phương có rừng phòng hộ"]),
    "'có kế hoạch' + a plan's object, then the task's verb": (
        "3. Các trạm y tế có kế hoạch sửa chữa, nâng cấp trụ sở lập dự toán gửi Sở Y tế.",
        ["Các trạm y tế có kế hoạch sửa chữa, nâng cấp trụ sở", "Sở Y tế"]),
    "'có kế hoạch' before the task's verb is the verb": ("Các đơn vị có kế hoạch triển khai ngay.", ["Các đơn vị"]),
    "'có kế hoạch' closed by a link word is the verb": ("Các đơn vị có kế hoạch cụ thể để thực hiện.", ["Các đơn vị"]),
    "'có ý kiến' is the verb": ("Các phòng có ý kiến gửi Văn phòng Sở.", ["Các phòng", "Văn phòng Sở"]),
    "'có' + a number is a statement": ("Các xã có 12 thôn đặc biệt khó khăn.", ["Các xã"]),
    "'có' + a long phrase is a statement": ("Các xã có diện tích rừng tự nhiên lớn nhất tỉnh.", ["Các xã"]),
    # the trade of firms, kept at the end of a table cell too
    "tour operators in a table cell": ("Sở Công Thương; các doanh nghiệp lữ hành", ["Sở Công Thương", "các doanh nghiệp lữ hành"]),
    "lodging establishments in the area": (
        "Phối hợp với các cơ sở lưu trú trên địa bàn kiểm tra phòng cháy.", ["các cơ sở lưu trú trên địa bàn"]),
    "competent authorities": ("Phối hợp với các cơ quan có thẩm quyền xử lý vi phạm.", ["các cơ quan có thẩm quyền"]),
    # a clause a modal closes names which members: "Các cơ quan chủ trì có trách nhiệm ..."
    "lead agencies before a modal": (
        "1. Các đơn vị chủ trì có trách nhiệm gửi báo cáo về Sở Nội vụ.", ["Các đơn vị chủ trì", "Sở Nội vụ"]),
    "agencies assigned to lead, up to a modal": (
        "Hằng năm, các đơn vị được giao chủ trì nhiệm vụ tại Đề án này phải báo cáo kết quả.",
        ["các đơn vị được giao chủ trì nhiệm vụ tại Đề án này"]),
    "a lead agency written without 'các'": ("Cơ quan chủ trì có trách nhiệm tổng hợp ý kiến.", ["Cơ quan chủ trì"]),
    "'chủ trì' before its object is the verb": ("Các cơ quan chủ trì triển khai kế hoạch này.", ["Các cơ quan"]),
    "a new 'các' phrase ends the clause": ("Các sở chủ trì rà soát các thủ tục cần cắt giảm.", ["Các sở"]),
    "a label 'Đơn vị chủ trì:' names no collective": ("Đơn vị chủ trì: Phòng Kinh tế", ["Phòng Kinh tế"]),
    # a ward named after the two it merged: a dash inside the place name
    "merged ward with a dash": (
        "UBND phường Bắc Sơn - Hàm Rồng chủ trì tổ chức lễ hội.", ["UBND phường Bắc Sơn - Hàm Rồng"]),
    "police of a merged ward": ("Công an phường Đông Hải - Hải An bố trí lực lượng.", ["Công an phường Đông Hải - Hải An"]),
    "a cited plan after a ward is no place": ("UBND xã Tân Lập - Kế hoạch số 15/KH-UBND", ["UBND xã Tân Lập"]),
    "a period after a ward is no place": ("UBND xã Tân Lập - Quý II/2026", ["UBND xã Tân Lập"]),
    "a person after a ward is no place": ("UBND xã Tân Lập - ông Hoàng Văn Nam", ["UBND xã Tân Lập"]),
    # "và" before a body with a name of its own starts a new unit; an office of two councils stays one
    "department office and a named centre": (
        "Phối hợp với Văn phòng Sở và Trung tâm Công nghệ thông tin tỉnh cập nhật dữ liệu.",
        ["Văn phòng Sở", "Trung tâm Công nghệ thông tin tỉnh"]),
    "department office and inspectorate": ("Văn phòng Sở và Thanh tra Sở kiểm tra hồ sơ.", ["Văn phòng Sở", "Thanh tra Sở"]),
    "one office serving two councils of a commune": ("Văn phòng HĐND và UBND xã tổng hợp ý kiến.", ["Văn phòng HĐND và UBND xã"]),
    # the advisory bodies of a Party committee are one collective
    "advisory boards of a city committee": (
        "Các ban tham mưu, giúp việc Thành ủy chủ động nghiên cứu.", ["Các ban tham mưu, giúp việc Thành ủy"]),
    "dedicated advisory bodies of a provincial committee": (
        "Yêu cầu các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy nghiêm túc thực hiện.",
        ["các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy"]),
    "'tham mưu' alone is the verb": (
        "Các cơ quan tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch.", ["Các cơ quan", "Ủy ban nhân dân tỉnh"]),
    # a party named without "các" right after a request that opens the item
    "a firm requested at the item's start": (
        "3. Yêu cầu doanh nghiệp nộp bổ sung hồ sơ trước ngày 10/01/2026.", ["doanh nghiệp"]),
    "an investor requested at the item's start": ("Đề nghị chủ đầu tư hoàn thiện thủ tục đất đai.", ["chủ đầu tư"]),
    "a production facility requested": ("Yêu cầu cơ sở sản xuất dừng ngay việc xả thải.", ["cơ sở sản xuất"]),
    "a database after a request is no party": ("Yêu cầu cơ sở dữ liệu được cập nhật hằng tháng.", []),
    "infrastructure after a request is no party": ("Đề nghị cơ sở hạ tầng được nâng cấp đồng bộ.", []),
    "'tổ chức' after a request is the verb": ("Đề nghị tổ chức hội nghị tổng kết.", []),
    "a request mid-sentence refers back to the addressee": (
        "Sau khi được giao đất, đề nghị đơn vị sử dụng đúng mục đích.", []),
}


@pytest.mark.parametrize(("sentence", "expected"), EXTENTS.values(), ids=EXTENTS.keys())
def test_collective_keeps_its_qualifier(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


ROLES = {
    "lead agencies before a modal lead": (
        "1. Các đơn vị chủ trì có trách nhiệm gửi báo cáo về Sở Nội vụ.", ["Các đơn vị chủ trì"], []),
    "'chủ trì, phối hợp' keeps the role verb": (
        "Các cơ quan chủ trì, phối hợp với Sở Nội vụ rà soát hồ sơ.", ["Các cơ quan"], ["Sở Nội vụ"]),
    "coastal communes requested": (
        "Ông đề nghị Công an tỉnh và UBND các xã, phường ven biển chủ động phương án sơ tán.",
        ["Công an tỉnh", "UBND các xã, phường ven biển"], []),
    "highland communes support": (
        "Sở Giáo dục và Đào tạo phối hợp với UBND các xã miền núi sửa chữa điểm trường.",
        ["Sở Giáo dục và Đào tạo"], ["UBND các xã miền núi"]),
    "two supports joined by 'và'": (
        "- Phối hợp với Văn phòng Sở và Trung tâm Công nghệ thông tin tỉnh cập nhật dữ liệu.",
        [], ["Văn phòng Sở", "Trung tâm Công nghệ thông tin tỉnh"]),
    "advisory bodies requested": (
        "Ban Thường vụ Thành ủy yêu cầu các chi bộ, đảng bộ cơ sở, các ban tham mưu, giúp việc Thành ủy nghiêm túc thực hiện.",
        ["các chi bộ, đảng bộ cơ sở", "các ban tham mưu, giúp việc Thành ủy"], []),
    "a facility requested at the item's start leads": (
        "2. Yêu cầu cơ sở khắc phục ngay các tồn tại nêu trên.", ["cơ sở"], []),
}


@pytest.mark.parametrize(("sentence", "lead", "support"), ROLES.values(), ids=ROLES.keys())
def test_roles_of_qualified_collectives(sentence: str, lead: list[str], support: list[str]) -> None:
    roles = assign_roles(sentence)
    assert ([u.text for u in roles.lead], [u.text for u in roles.support]) == (lead, support)
