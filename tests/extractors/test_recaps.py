"""extractors.recaps: closing recaps give way to the directives they repeat (corpus/NOTES.md §1.1–1.2)."""

from __future__ import annotations

import pytest

from extractors.recaps import is_recap, recaps_to_drop


@pytest.mark.parametrize(("text", "recap"), [
    ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.", True),
    ("Các sở, ngành có trách nhiệm tổ chức thực hiện Hướng dẫn này.", True),
    ("Thủ trưởng các sở, ban, ngành tổ chức triển khai thực hiện nghiêm túc các nội dung nêu trên.", True),
    ("Các đơn vị được giao nhiệm vụ trong Kế hoạch khẩn trương tổ chức triển khai thực hiện đúng tiến độ.", True),
    ("Các nhiệm vụ cần làm ngay trong năm 2026 được xác định tại Phụ lục 1 kèm theo.", True),
    ("Trên đây là Kế hoạch triển khai Chỉ thị số 13/CT-TTg của Bộ.", True),
    ("Văn phòng UBND tỉnh theo dõi, đôn đốc các đơn vị thực hiện Kết luận này.", False),  # a task: monitoring
    ("Giao Sở Tài chính bố trí kinh phí thực hiện trước ngày 30/6/2026.", False),
    ("Yêu cầu các phòng, đơn vị trực thuộc Sở nghiêm túc triển khai thực hiện.", True),
    ("Đề nghị các cơ quan, đơn vị nghiêm túc thực hiện; trong quá trình thực hiện nếu có khó khăn, "
     "vướng mắc kịp thời phản ánh về Sở Xây dựng để tổng hợp.", True),
    ("4. Trong quá trình thực hiện, nếu phát sinh vướng mắc, các đơn vị báo cáo Ủy ban nhân dân tỉnh.", True),
    ("Sở Y tế nghiêm túc thực hiện chế độ báo cáo định kỳ về công tác an toàn thực phẩm.", False),  # an object
    ("(Có các Mẫu báo cáo số 01, 02 kèm theo)", True),  # points to what is attached
    ("1.2. Thực hiện chế độ báo cáo định kỳ " + "về sản lượng khai thác, trữ lượng còn lại của từng mỏ, " * 6
     + "nghiêm túc thực hiện.", False),  # a long item that ends one of its clauses so
    ("9. Giám đốc Sở Công Thương yêu cầu Trưởng các phòng chuyên môn, Chi cục Quản lý thị trường và các "
     "tổ chức, cá nhân kinh doanh xăng dầu trên địa bàn tỉnh nghiêm túc thực hiện. Trong quá trình thực hiện, "
     "nếu có khó khăn, vướng mắc, các đơn vị kịp thời báo cáo Sở Công Thương (qua Phòng Quản lý thương mại) "
     "để xem xét, hướng dẫn giải quyết theo thẩm quyền.", True),  # a closing and its escalation: long, still a recap
    ("Sở Y tế kiểm tra an toàn thực phẩm tại các bếp ăn tập thể. Các đơn vị nghiêm túc thực hiện.",
     False),  # a task before the closing sentence
    ("3. Các phòng, ban, đoàn thể huyện căn cứ chức năng, nhiệm vụ tổ chức triển khai thực hiện Kế hoạch này.",
     True),  # an execution clause without "có trách nhiệm"
    ("Giao Phòng Y tế chủ trì tổ chức thực hiện Kế hoạch này; định kỳ báo cáo Ủy ban nhân dân huyện trước "
     "ngày 15/12 hằng năm.", False),  # the plan's lead, with a reporting duty of its own
    ("Thanh tra huyện phối hợp kiểm tra, giám sát định kỳ trong quá trình triển khai thực hiện Kế hoạch này.",
     False),  # the plan is when, not what: the task is to inspect
])  # own sentences in the shape of the corpus's closings
def test_is_recap(text: str, recap: bool) -> None:
    assert is_recap(text) is recap


def test_recaps_go_when_something_else_is_assigned() -> None:
    texts = ["Giao Sở Tài chính bố trí kinh phí.", "Giám đốc các sở chịu trách nhiệm thi hành Quyết định này."]
    assert recaps_to_drop(texts) == {1}


def test_an_execution_clause_alone_stays() -> None:  # NOTES §1.2: then it is the one thing to track
    assert recaps_to_drop(["Bộ trưởng Bộ Nội vụ chịu trách nhiệm thi hành Quyết định này."]) == set()


@pytest.mark.parametrize(("body", "field"), [
    ("Quy mô dự án: Đầu tư xây dựng kết cấu hạ tầng khu công nghiệp với diện tích 76 ha.", True),
    ("Lãnh đạo phụ trách: Phó giám đốc Sở.", True),
    ("Sở Tài chính: bố trí kinh phí thực hiện.", False),  # a unit's label heads its task
    ("Giao Sở Xây dựng: rà soát quy hoạch.", False),  # a cue in the label
    ("Rà soát, hoàn thiện hồ sơ trước ngày 30/6/2026.", False),
])  # own
def test_record_fields(body: str, field: bool) -> None:
    from extractors.classifier import is_field

    assert is_field(body) is field


def test_a_decision_with_nothing_else_keeps_its_execution_clause(run_extract) -> None:  # noqa: ANN001  own
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 12/QĐ-TTg\nHà Nội, ngày 5 tháng 3 năm 2026\nQUYẾT ĐỊNH\n"
            "Về việc phê chuẩn kết quả bầu cử\n"
            "Điều 1. Phê chuẩn kết quả bầu ông Nguyễn Văn A giữ chức Chủ tịch Ủy ban nhân dân tỉnh.\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
            "Điều 3. Bộ trưởng Bộ Nội vụ, Ủy ban nhân dân tỉnh và ông Nguyễn Văn A chịu trách nhiệm thi hành "
            "Quyết định này./.")
    tasks = run_extract(text).tasks
    assert [t.text.startswith("Điều 3.") for t in tasks] == [True]

