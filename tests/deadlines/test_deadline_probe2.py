"""Regressions from the probe of new documents (/tmp/probe2, compare_report.txt), grouped by issue.

Sentences written for these tests (not copied from the corpus); each group states the
document date its expected days are resolved against.
"""

from __future__ import annotations

import datetime

import pytest
from deadline_helpers import dated_mentions

from extractors.deadlines import choose_deadline, find_deadlines, is_continuous, stated_event_dates

D = datetime.date
DOC = D(2025, 6, 4)  # a Wednesday: 10 working days later is Wednesday 18/6/2025


def due(sentence: str, doc: D | None = DOC) -> tuple[D | None, str | None]:
    """The chosen deadline's date and text (None, None when the sentence has none)."""
    found = choose_deadline(find_deadlines(sentence, doc))
    if found is None:
        return None, None
    assert sentence[found.start:found.end] == found.text
    return found.date, found.text


# Issue 1: "kể từ ngày ký <X> này" counts from the document's own date, whatever X the document calls itself.
SELF_NAMED = {
    "Thông báo, working days": ("Sở Văn hóa gửi báo cáo trong thời hạn 10 ngày làm việc kể từ ngày ký Thông báo này.",
                                D(2025, 6, 18), "kể từ ngày ký Thông báo này"),
    "Công văn": ("Các huyện rà soát, gửi danh sách trong thời hạn 05 ngày làm việc kể từ ngày ký Công văn này.",
                 D(2025, 6, 11), "ký Công văn này"),
    "Kế hoạch, calendar days": ("Các xã xây dựng phương án trong 15 ngày kể từ ngày ký Kế hoạch này.",
                                D(2025, 6, 19), "ký Kế hoạch này"),
    "Chỉ thị": ("Thủ trưởng các sở tổ chức quán triệt trong vòng 07 ngày kể từ ngày ký Chỉ thị này.",
                D(2025, 6, 11), "ký Chỉ thị này"),
    "Kết luận": ("Sở Y tế báo cáo phương án trong thời hạn 20 ngày kể từ ngày ký Kết luận này.",
                 D(2025, 6, 24), "ký Kết luận này"),
    "Nghị quyết": ("Ủy ban nhân dân tỉnh ban hành kế hoạch trong 30 ngày kể từ ngày ký Nghị quyết này.",
                   D(2025, 7, 4), "ký Nghị quyết này"),
    "Hướng dẫn": ("Các trường gửi đăng ký trong thời hạn 10 ngày kể từ ngày ký Hướng dẫn này.",
                  D(2025, 6, 14), "ký Hướng dẫn này"),
    "Chương trình": ("Các đơn vị cụ thể hóa nhiệm vụ trong 02 tháng kể từ ngày ký Chương trình này.",
                     D(2025, 8, 4), "ký Chương trình này"),
    "Thông tư": ("Các cơ sở đăng ký lại trong 60 ngày kể từ ngày ký Thông tư này.", D(2025, 8, 3), "ký Thông tư này"),
    "lower-case văn bản": ("Phòng Tài chính phản hồi trong 03 ngày làm việc kể từ ngày ký văn bản này.",
                           D(2025, 6, 9), "ký văn bản này"),
    "ban hành": ("Các sở hoàn thành việc rà soát trong 30 ngày kể từ ngày ban hành Kế hoạch này.",
                 D(2025, 7, 4), "ban hành Kế hoạch này"),
    "ký ban hành": ("Các phòng tham mưu trong vòng 10 ngày kể từ ngày ký ban hành Thông báo này.",
                    D(2025, 6, 14), "ký ban hành Thông báo này"),
    "nhận được": ("Các xã có ý kiến bằng văn bản trong 05 ngày làm việc kể từ ngày nhận được Kế hoạch này.",
                  D(2025, 6, 11), "nhận được Kế hoạch này"),
    "the name alone": ("Hoàn thành trong 10 ngày kể từ ngày Công văn này được ký.", D(2025, 6, 14), "ngày Công văn này"),
}


@pytest.mark.parametrize(("sentence", "day", "tail"), SELF_NAMED.values(), ids=SELF_NAMED.keys())
def test_counts_from_signing_any_self_named_document(sentence: str, day: D, tail: str) -> None:
    when, text = due(sentence)
    assert when == day
    assert text is not None and text.endswith(tail)


STAY = {
    # counts from another event stay undated, as before
    "a contract is another event": "Bên mua thanh toán trong 30 ngày kể từ ngày ký hợp đồng.",
    "another document's signing": "Nhà thầu nộp bảo lãnh trong 10 ngày kể từ ngày ký Biên bản nghiệm thu.",
    "a self name without 'này' is some other document": "Hoàn thành trong 10 ngày kể từ ngày ký Kế hoạch thực hiện.",
}


@pytest.mark.parametrize("sentence", STAY.values(), ids=STAY.keys())
def test_counts_from_another_event_stay_undated(sentence: str) -> None:
    assert due(sentence)[0] is None


def test_an_entry_into_force_the_document_states_wins_over_its_own_name() -> None:
    text = "Thông tư này có hiệu lực thi hành từ ngày 20/7/2025."
    sentence = "Các doanh nghiệp kê khai lại trong 30 ngày kể từ ngày Thông tư này có hiệu lực."
    found = choose_deadline(find_deadlines(sentence, DOC, stated_event_dates(text)))
    assert found is not None and found.date == D(2025, 8, 19)
    assert due("Các doanh nghiệp kê khai lại trong 30 ngày kể từ ngày ký Thông tư này.")[0] == D(2025, 7, 4)


# Issue 2: "N tháng đầu/cuối năm" with no cue names the period a work is about; under a cue it is due.
PERIOD_OF_WORK = {
    "a forecast for the last quarter": "Trung tâm Dự báo chuẩn bị bản tin nhận định khí hậu 3 tháng cuối năm.",
    "a forecast with its year": "Sở Nông nghiệp lập báo cáo dự báo sản lượng lúa 3 tháng cuối năm 2025.",
    "a review of nine months": "Văn phòng tổng hợp kết quả sơ kết 9 tháng đầu năm để trình Thường trực.",
    "a review of six months": "Phòng Nội vụ tổng kết công tác cải cách hành chính 6 tháng đầu năm.",
    "the tasks of the last months": "Các đơn vị đề ra giải pháp cho nhiệm vụ những tháng cuối năm 2025.",
    "a meeting's agenda": "Hội nghị đánh giá 9 tháng đầu năm, triển khai nhiệm vụ 3 tháng cuối năm 2025, cụ thể như sau:",
}


@pytest.mark.parametrize("sentence", PERIOD_OF_WORK.values(), ids=PERIOD_OF_WORK.keys())
def test_months_of_the_year_without_a_cue_name_a_period(sentence: str) -> None:
    assert dated_mentions(sentence, DOC) == []


TIME_FRAME = {
    "six months, the frame of the action": ("Ủy ban nhân dân các phường hoàn thành việc số hóa hồ sơ trong 6 tháng cuối năm 2025.",
                                            D(2025, 12, 31), "trong 6 tháng cuối năm 2025"),
    "three last months under 'trong'": ("Sở Tài chính giải ngân hết số vốn còn lại trong 3 tháng cuối năm 2025.",
                                        D(2025, 12, 31), "trong 3 tháng cuối năm 2025"),
    "nine first months, the document's year": ("Các xã hoàn thành cắm mốc giới trong 9 tháng đầu năm.",
                                                D(2025, 9, 30), "trong 9 tháng đầu năm"),
    "three first months already past: next year's": ("Hoàn thành kiểm kê kho trong 3 tháng đầu năm.",
                                                     D(2026, 3, 31), "trong 3 tháng đầu năm"),
    "'những tháng cuối năm' under a cue": ("Tập trung hoàn thành các công trình trong những tháng cuối năm.",
                                          D(2025, 12, 31), "trong những tháng cuối năm"),
    "unchanged: 'cuối năm' alone": ("Sở Xây dựng đưa cầu vào sử dụng trước cuối năm.", D(2025, 12, 31), "cuối năm"),
    "unchanged: six first months of a stated year": ("Hoàn thành trong 6 tháng đầu năm 2026.", D(2026, 6, 30),
                                                     "trong 6 tháng đầu năm 2026"),
}


@pytest.mark.parametrize(("sentence", "day", "text"), TIME_FRAME.values(), ids=TIME_FRAME.keys())
def test_months_of_the_year_under_a_cue_are_due(sentence: str, day: D, text: str) -> None:
    assert due(sentence) == (day, text)


def test_a_count_of_months_that_is_no_part_of_a_year_names_nothing() -> None:
    assert due("Hoàn thành trong 13 tháng đầu năm.") == (None, None)


# Issue 3: a period in the title of a cited document ("... về việc ... trong 6 tháng cuối năm 2025,").
LETTER = D(2025, 8, 8)
CITED_TITLES = {
    "a half year in a cited letter's title": ("Thực hiện Công văn số 275/BNV-CQĐP ngày 20/7/2025 của Bộ Nội vụ về việc "
                                              "đẩy mạnh chuyển đổi số trong 6 tháng cuối năm 2025, Chủ tịch UBND tỉnh "
                                              "chỉ đạo như sau:"),
    "a quarter in a cited plan's title, date in words": ("Căn cứ Kế hoạch số 88/KH-UBND ngày 02 tháng 7 năm 2025 về việc "
                                                         "kiểm tra an toàn thực phẩm trong quý III/2025, yêu cầu các "
                                                         "đơn vị thực hiện:"),
    "a completion cue inside the title": ("Thực hiện Chỉ thị số 09/CT-UBND của UBND tỉnh về việc hoàn thành giải ngân "
                                          "vốn đầu tư công trước ngày 31/12/2025, Sở Tài chính đề nghị như sau:"),
    "a letter's subject line": "V/v triển khai kiểm tra hồ sơ đất đai trong quý IV/2025",
}


@pytest.mark.parametrize("sentence", CITED_TITLES.values(), ids=CITED_TITLES.keys())
def test_a_period_in_a_cited_title_is_no_deadline(sentence: str) -> None:
    assert [m for m in find_deadlines(sentence, LETTER) if m.granularity != "urgency"] == []


OWN_AFTER_CITATION = {
    "the letter's own deadline after the title's comma": (
        ("Thực hiện Công văn số 31/STC-NS ngày 01/8/2025 của Sở Tài chính về việc rà soát tài sản công, "
         "đề nghị các phòng báo cáo trước ngày 25/8/2025."), D(2025, 8, 25)),
    "'về việc' with no cited document is the task's topic": (
        "Các xã báo cáo về việc thu hồi đất trước ngày 30/9/2025.", D(2025, 9, 30)),
    "'về việc' after an unnumbered document": (
        "Phòng Tư pháp tham mưu văn bản về việc chấn chỉnh công tác chứng thực trong tháng 9/2025.", D(2025, 9, 30)),
}


@pytest.mark.parametrize(("sentence", "day"), OWN_AFTER_CITATION.values(), ids=OWN_AFTER_CITATION.keys())
def test_deadlines_outside_a_cited_title_stay(sentence: str, day: D) -> None:
    assert due(sentence, LETTER)[0] == day


# Issue 4: a task that says its work is continuous takes no deadline from its list intro.
@pytest.mark.parametrize(("text", "continuous"), [
    ("2. UBND các xã bố trí cán bộ trực tại Bộ phận Một cửa; thời gian thực hiện: thường xuyên.", True),
    ("- Thường xuyên kiểm tra việc niêm yết giá tại các chợ.", True),
    ("- Công an xã duy trì tuần tra thường xuyên ở khu dân cư.", True),
    ("- Khẩn trương rà soát, báo cáo số liệu.", False),  # urgency only: inherits the intro's deadline
    ("- Bố trí kinh phí từ nguồn chi thường xuyên của đơn vị.", False),  # recurrent spending
    ("- Trạm Y tế theo dõi các hộ không thường xuyên khám bệnh.", False),
    ("- Báo cáo kết quả trước ngày 15/9/2025.", False),
])
def test_is_continuous(text: str, continuous: bool) -> None:
    assert is_continuous(text) is continuous


LETTER_DOC = ("ỦY BAN NHÂN DÂN TỈNH AN HÒA\nSố: 215/UBND-KGVX\nAn Hòa, ngày 08 tháng 8 năm 2025\n"
              "Kính gửi: Các sở, ban, ngành tỉnh.\n"
              "{intro}\n"
              "1. Sở Giáo dục và Đào tạo rà soát mạng lưới trường lớp.\n"
              "2. Sở Y tế báo cáo kết quả trong thời hạn 10 ngày làm việc kể từ ngày ký Công văn này.\n")


@pytest.mark.parametrize(("intro", "deadlines"), [
    # the intro's period is the cited letter's title: nothing to inherit
    (("Thực hiện Công văn số 118/BGDĐT-KHTC ngày 25/7/2025 của Bộ Giáo dục và Đào tạo về việc chuẩn bị năm học "
      "trong 6 tháng cuối năm 2025, Ủy ban nhân dân tỉnh yêu cầu:"), [None, "2025-08-22"]),
    # the intro's own deadline still passes down to the item without one
    ("Ủy ban nhân dân tỉnh yêu cầu các sở hoàn thành trước ngày 31/8/2025 các nội dung sau:",
     ["2025-08-31", "2025-08-22"]),
])  # own document; 8/8/2025 is a Friday: 10 working days later is Friday 22/8
def test_items_under_a_cited_title_inherit_no_period(intro: str, deadlines: list[str | None]) -> None:
    from extractors.metadata import read_metadata
    from extractors.pipeline import analyze_document

    text = LETTER_DOC.format(intro=intro)
    items = [a for a in analyze_document(text, read_metadata(text)) if a.candidate.kind == "item"]
    assert [a.deadline.date.isoformat() if a.deadline and a.deadline.date else None for a in items] == deadlines
