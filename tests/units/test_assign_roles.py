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
    ("Giám đốc Sở Giáo dục và Đào tạo chỉ đạo các trường học tăng cường phòng dịch.",
     ["Sở Giáo dục và Đào tạo"], []),  # own: a department head directs: his Sở's task (NOTES 1.4)
    ("Chủ tịch UBND các huyện chỉ đạo UBND các xã rà soát hộ nghèo.",
     ["UBND các huyện"], []),  # own: a title heading several bodies: theirs
    ("Phòng Nội vụ chủ trì, tham mưu UBND huyện văn bản đề nghị Sở Nội vụ bổ sung biên chế.",
     ["Phòng Nội vụ"], []),  # own: the unit a drafted letter will ask is no lead of this task
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


# Phenomena fixed against the train split; sentences written for these tests.
NAME_EXTENTS = [
    ("7. Ban Chính sách, chiến lược Trung ương chủ trì theo dõi việc thực hiện.", ["Ban Chính sách, chiến lược Trung ương"], []),
    ("4. Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương xây dựng kế hoạch.",
     ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"], []),
    ("3. Phòng Kế hoạch - Tổng hợp tổng hợp, báo cáo Lãnh đạo Sở.", ["Phòng Kế hoạch - Tổng hợp"], []),
    ("- Ủy ban nhân dân xã, phường phối hợp với Sở Y tế rà soát danh sách.", ["Ủy ban nhân dân xã, phường"], ["Sở Y tế"]),
    ("Điều 3. Hội đồng nhân dân, Ủy ban nhân dân tỉnh Lào Cai chịu trách nhiệm thi hành Quyết định này.",
     ["Hội đồng nhân dân tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai"], []),
    ("- Sở Công Thương phối hợp với Phòng Cảnh sát kinh tế (Công an tỉnh) kiểm tra thị trường.",
     ["Sở Công Thương"], ["Phòng Cảnh sát kinh tế (Công an tỉnh)"]),
    ("- Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh bàn giao mặt bằng.",
     ["Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh"], []),
    ("Giao Ban Xây dựng Đảng Đảng ủy hướng dẫn các chi bộ.", ["Ban Xây dựng Đảng Đảng ủy"], []),
]

COLLECTIVES = [
    ("3. Vườn quốc gia Bạch Mã, các Công ty Lâm nghiệp chủ động rà soát ranh giới rừng.",
     ["Vườn quốc gia Bạch Mã", "các Công ty Lâm nghiệp"], []),
    ("- Tổ chức, cá nhân khai thác khoáng sản phải lập bản đồ hiện trạng mỏ.", ["Tổ chức, cá nhân khai thác khoáng sản"], []),
    ("(3). Các đơn vị duy trì cây xanh xây dựng kế hoạch ứng trực mùa mưa bão.", ["Các đơn vị duy trì cây xanh"], []),
    ("Các ngành, các bộ, địa phương chịu trách nhiệm bố trí vốn đối ứng.", ["Các ngành, các bộ, địa phương"], []),
    ("7. Các Bộ, ngành liên quan khác tăng cường công tác quản lý.", ["Các Bộ, ngành liên quan khác"], []),
    ("- Tổ chức trực ban và phối hợp với lực lượng chức năng bảo vệ hiện trường.", [], ["lực lượng chức năng"]),
    ("- Sở Xây dựng phối hợp với Công an tỉnh, Công ty Điện lực, chính quyền địa phương phân luồng giao thông.",
     ["Sở Xây dựng"], ["Công an tỉnh", "Công ty Điện lực", "chính quyền địa phương"]),
]

SUBJECTS_AND_CUES = [
    # "A phối hợp (chặt chẽ) với B": A leads, B supports
    ("- Sở Tài chính phối hợp chặt chẽ với Kho bạc Nhà nước tỉnh giải ngân vốn.", ["Sở Tài chính"], ["Kho bạc Nhà nước tỉnh"]),
    # a lone "phối hợp" subject leads; beside a "chủ trì" it supports
    ("2. Cục Thủy lợi phối hợp thực hiện các nhiệm vụ về nước sạch nông thôn.", ["Cục Thủy lợi"], []),
    ("Sở Y tế chủ trì, Sở Tài chính phối hợp.", ["Sở Y tế"], ["Sở Tài chính"]),
    # an adverb after the support list belongs to the lead
    ("Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan khẩn trương hoàn thiện đề án.",
     ["Sở Nội vụ"], ["các cơ quan liên quan"]),
    # a cue reaches every list joined by ";"
    ("Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành; Công an tỉnh; Ủy ban nhân dân các xã, phường treo cờ.",
     ["các sở, ban, ngành", "Công an tỉnh", "Ủy ban nhân dân các xã, phường"], []),
    # subjects listed with ";" share the predicate after the last one
    ("Sở Xây dựng; Sở Tài chính; Sở Nội vụ theo chức năng, nhiệm vụ có trách nhiệm:",
     ["Sở Xây dựng", "Sở Tài chính", "Sở Nội vụ"], []),
    ("Công ty Thoát nước An Hòa; Công ty cổ phần Môi trường đô thị An Bình có trách nhiệm:",
     ["Công ty Thoát nước An Hòa", "Công ty cổ phần Môi trường đô thị An Bình"], []),
    # enumerators "Sáu là,", "Điều 3.", "(3)." open the item before its subject
    ("Sáu là, các Sở: Tài chính, Xây dựng có ý kiến bằng văn bản.", ["Sở Tài chính", "Sở Xây dựng"], []),
    # a clause subject when no cue names a lead
    ("Định kỳ 6 tháng, Sở Nội vụ tổ chức sơ kết, báo cáo Ủy ban nhân dân tỉnh.", ["Sở Nội vụ"], []),
    ("Theo đó, Bộ Tài chính, Bộ Xây dựng phối hợp để làm rõ lộ trình.", ["Bộ Tài chính", "Bộ Xây dựng"], []),
    # mentions, not leads
    ("- Hoàn thành các công trình theo chỉ đạo Ủy ban nhân dân tỉnh; tập trung: nạo vét kênh.", [], []),
    ("- Đường dây nóng: Trung tâm Điều hành đô thị: 0214.3820.111.", [], []),
    ("- Nạo vét hệ thống kênh trên địa bàn các phường, xã: Cam Đường, Bắc Lệnh.", [], []),
]

ASSIGNERS_AFTER_ADVERBS = [
    ("Phó Thủ tướng cũng yêu cầu Bộ Y tế tăng cường kiểm tra an toàn thực phẩm.", ["Bộ Y tế"], [], "Phó Thủ tướng"),
    ("Thủ tướng yêu cầu hoàn thiện các văn bản pháp lý.", [], [], "Thủ tướng"),
]


@pytest.mark.parametrize(("sentence", "lead", "support"), NAME_EXTENTS + COLLECTIVES + SUBJECTS_AND_CUES)
def test_train_phenomena(sentence: str, lead: list[str], support: list[str]) -> None:
    assert split(sentence)[:2] == (lead, support)


@pytest.mark.parametrize(("sentence", "lead", "support", "assigner"), ASSIGNERS_AFTER_ADVERBS)
def test_assigner_after_an_adverb(sentence: str, lead: list[str], support: list[str], assigner: str) -> None:
    assert split(sentence) == (lead, support, assigner)
