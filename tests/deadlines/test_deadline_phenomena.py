"""Deadline phrases that unseen documents will hold, written for these tests and checked
against ANNOTATION.md §4 and corpus/NOTES.md 1.6, grouped by phenomenon."""

from __future__ import annotations

import datetime

import pytest
from deadline_helpers import dated_mentions

from extractors import dates
from extractors.deadlines import (
    choose_deadline,
    find_deadlines,
    parse_deadline_value,
    stated_event_dates,
)

D = datetime.date
DOC = D(2026, 3, 5)  # a Thursday in the first quarter


def chosen(sentence: str, doc: D | None = DOC) -> tuple[D | None, str | None, str | None]:
    found = choose_deadline(find_deadlines(sentence, doc))
    assert found is not None, sentence
    assert sentence[found.start:found.end] == found.text
    return found.date, found.recurrence, found.text


DUE = {
    # §4 first row: a day under a cue; no year: the next such day on or after the document date
    "day without year, 'chậm nhất'": ("Sở Tài chính báo cáo chậm nhất ngày 15/7.", D(2026, 7, 15), None),
    "an hour before the day": ("Gửi báo cáo về Sở trước 17 giờ ngày 10/3/2026.", D(2026, 3, 10), None),
    "an hour written 17h00, clause-initial": ("Trước 17h00 ngày 10/3/2026, các sở gửi báo cáo.", D(2026, 3, 10), None),
    "'hạn chót' label": ("Hạn chót: 20/7/2026.", D(2026, 7, 20), None),
    # periods end on their last day
    "month in words with its year": ("Tổ chức hội nghị trong tháng 9 năm 2026.", D(2026, 9, 30), None),
    "first half of the document's year": ("Hoàn thành trong 6 tháng đầu năm.", D(2026, 6, 30), None),
    "first half of a stated year": ("Hoàn thành trong 6 tháng đầu năm 2027.", D(2027, 6, 30), None),
    "end of a stated year": ("Đưa công trình vào sử dụng cuối năm 2026.", D(2026, 12, 31), None),
    "Roman quarter with year": ("Trình Ủy ban nhân dân tỉnh trong quý IV/2026.", D(2026, 12, 31), None),
    "'cuối tháng' alone: the document's month": ("Các xã hoàn thành rà soát cuối tháng.", D(2026, 3, 31), None),
    "'cuối quý' alone: the document's quarter": ("Báo cáo kết quả trước cuối quý.", D(2026, 3, 31), None),
    "a day of next year": ("Báo cáo trước 30/6 năm sau.", D(2027, 6, 30), None),
    "a day in words of next year": ("Trình trước ngày 15 tháng 01 năm tới.", D(2027, 1, 15), None),
    "the current week": ("Các xã báo cáo số liệu trong tuần này.", D(2026, 3, 8), None),
    "the next week": ("Các xã báo cáo số liệu trong tuần tới.", D(2026, 3, 15), None),
    "two years named after a count": ("Hoàn thành trong 2 năm 2026 - 2027.", D(2027, 12, 31), None),
    "a label with its own words before the colon": ("Hạn cuối nộp hồ sơ: ngày 15/6/2026.", D(2026, 6, 15), None),
    "a label 'Thời hạn nộp báo cáo:'": ("Thời hạn nộp báo cáo: trước ngày 10/6/2026.", D(2026, 6, 10), None),
    "'không muộn hơn'": ("Gửi ý kiến góp ý về Sở Tư pháp không muộn hơn ngày 30/5/2026.", D(2026, 5, 30), None),
    "'Đến ngày ... phải hoàn thành'": ("Đến ngày 30/6/2026 phải hoàn thành việc bàn giao.", D(2026, 6, 30), None),
    "a weekday between the hour and the day": ("Gửi về Văn phòng trước 16h00, thứ Năm, ngày 25/6/2026.", D(2026, 6, 25), None),
    "'Từ nay đến ngày ...'": ("Từ nay đến ngày 30/6/2026, các đơn vị tập trung rà soát.", D(2026, 6, 30), None),
    # 'vào' governs a period the work must fall in
    "'vào' a quarter": ("Tổ chức kiểm tra vào quý III/2026.", D(2026, 9, 30), None),
    "'vào năm' after a goal": ("Xây dựng khu du lịch trở thành khu không rác thải nhựa vào năm 2030.", D(2030, 12, 31), None),
    # counts run from the document date (§4 row 5)
    "days from receiving the letter": ("Báo cáo kết quả trong vòng 05 ngày kể từ ngày nhận được văn bản.", D(2026, 3, 10), None),
    "working days skip the weekend": ("Sở Nội vụ thẩm định trong thời hạn 10 ngày làm việc.", D(2026, 3, 19), None),
    "days from signing, then the subject": ("Trong 7 ngày kể từ ngày ký, các đơn vị báo cáo.", D(2026, 3, 12), None),
    "months from this decision": ("Hoàn thành trong vòng 03 tháng kể từ ngày ban hành Quyết định này.", D(2026, 6, 5), None),
    # recurrence with a day: the first such day after the document, and its RRULE (§4 row 6)
    "yearly day": ("Tổng hợp, báo cáo trước 15/12 hằng năm.", D(2026, 12, 15), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
    "monthly day": ("Các đơn vị báo cáo trước ngày 20 hằng tháng.", D(2026, 3, 20), "FREQ=MONTHLY;BYMONTHDAY=20"),
    # quarterly as NOTES 1.6 writes it (FREQ=MONTHLY;INTERVAL=3); the first date, the rule's DTSTART, fixes the month
    "a day of the last month of each quarter": ("Báo cáo trước ngày 25 của tháng cuối quý.", D(2026, 3, 25),
                                                "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=25"),
    "a day of the first month of the next quarter": ("Gửi báo cáo trước ngày 10 của tháng đầu quý sau.", D(2026, 4, 10),
                                                     "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=10"),
    "a weekday every week, with an hour": ("Các xã báo cáo trước 16 giờ thứ Sáu hằng tuần.", D(2026, 3, 6), "FREQ=WEEKLY;BYDAY=FR"),
    "'vào' a repeating weekday": ("Báo cáo Ủy ban nhân dân tỉnh vào thứ 2 hàng tuần.", D(2026, 3, 9), "FREQ=WEEKLY;BYDAY=MO"),
    "'vào' a repeating day of the month": ("Gửi số liệu vào ngày 20 hằng tháng.", D(2026, 3, 20), "FREQ=MONTHLY;BYMONTHDAY=20"),
    "a day of next month": ("Báo cáo kết quả tháng trước ngày 05 tháng sau.", D(2026, 4, 5), None),
    "a year and every year after it": ("Thực hiện trong năm 2026 và các năm tiếp theo.", D(2026, 12, 31), "FREQ=YEARLY"),
    # a forecast word does not undo a completion cue after it
    "'dự kiến hoàn thành'": ("Sở Xây dựng chủ trì, dự kiến hoàn thành trong quý II/2026.", D(2026, 6, 30), None),
    "'cập nhật ... trước ngày' is due": ("Cập nhật dữ liệu lên hệ thống trước ngày 15/3/2026.", D(2026, 3, 15), None),
}


@pytest.mark.parametrize(("sentence", "due", "rule"), DUE.values(), ids=DUE.keys())
def test_due_dates(sentence: str, due: D, rule: str | None) -> None:
    assert chosen(sentence)[:2] == (due, rule)


def test_the_next_15_7_when_this_years_has_passed() -> None:
    assert chosen("Báo cáo chậm nhất ngày 15/7.", D(2026, 8, 1))[0] == D(2027, 7, 15)


def test_a_quarterly_day_from_a_document_in_the_last_quarter() -> None:
    assert chosen("Báo cáo trước ngày 10 của tháng đầu quý sau.", D(2026, 11, 20))[0] == D(2027, 1, 10)


UNDATED = {
    # NOTES 1.6: a recurrence with no day has its rule but no date; "thường xuyên" is no period
    "quarterly, no day": ("Định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh.", "FREQ=MONTHLY;INTERVAL=3"),
    "half-yearly with a leading zero": ("Định kỳ 06 tháng, các đơn vị gửi báo cáo về Sở.", "FREQ=MONTHLY;INTERVAL=6"),
    "quarterly as 'N tháng/lần'": ("Tổ chức kiểm tra 3 tháng/lần tại các mỏ.", "FREQ=MONTHLY;INTERVAL=3"),
    "'trong ...' does not make the period a noun's": ("Các xã báo cáo kết quả thực hiện trong kỳ hằng tháng.", "FREQ=MONTHLY"),
    "weekly, no day": ("Định kỳ hằng tuần báo cáo Sở Nông nghiệp và Môi trường.", "FREQ=WEEKLY"),
    "daily, opening the clause": ("Hằng ngày, các xã báo cáo tình hình mưa lũ về Ban Chỉ huy.", "FREQ=DAILY"),
    "daily, closing the clause": ("Các xã báo cáo tình hình mưa lũ về Ban Chỉ huy trước 15 giờ hằng ngày.", "FREQ=DAILY"),
    "the finer of two periods": ("Định kỳ 6 tháng, hằng năm, Sở tổng hợp báo cáo.", "FREQ=MONTHLY;INTERVAL=6"),
    "as-of cut-off, then a yearly rhythm": ("Bản đồ lập 1 năm 1 lần, thời điểm lập, cập nhật đến hết ngày 31 tháng 12 hàng năm.",
                                            "FREQ=YEARLY"),
    "a count back from an event": ("Chậm nhất 10 ngày trước khi tổ chức hội nghị, gửi tài liệu.", None),
    "count from another event (a contract)": ("Thanh toán trong 30 ngày kể từ ngày ký hợp đồng.", None),
    "count from another event (a complete file)": ("Giải quyết trong 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.", None),
}


@pytest.mark.parametrize(("sentence", "rule"), UNDATED.values(), ids=UNDATED.keys())
def test_no_date(sentence: str, rule: str | None) -> None:
    assert chosen(sentence)[:2] == (None, rule)


@pytest.mark.parametrize("sentence", [
    "Thường xuyên kiểm tra, giám sát.",
    "Các đơn vị khẩn trương rà soát, báo cáo kịp thời.",
    "Sở Y tế chỉ đạo xử lý ngay.",
])
def test_urgency_alone_leaves_the_task_without_a_deadline(sentence: str) -> None:
    mentions = find_deadlines(sentence, DOC)
    assert mentions and {m.granularity for m in mentions} == {"urgency"}
    assert choose_deadline(mentions) is None  # ANNOTATION §4: urgency is not a date


def test_urgency_beside_a_date_gives_the_date() -> None:
    assert chosen("Khẩn trương rà soát, hoàn thành trước ngày 30/4/2026.")[:2] == (D(2026, 4, 30), None)


NOT_DEADLINES = {
    "a meeting expected (dự kiến)": "Thực hiện ý kiến chỉ đạo về việc làm việc với các đơn vị (dự kiến tổ chức trong tháng 6 năm 2026).",
    "data cut-off (tính đến hết ngày)": "Số liệu báo cáo tính đến hết ngày 30/6/2026.",
    "running total cut-off": "Giải ngân lũy kế đến hết quý II/2026 đạt 45%.",
    "a target, not a due date": "Phấn đấu thực hiện mục tiêu đạt phát thải ròng bằng 0 vào năm 2050.",
    "a horizon 'từ nay đến năm 2030 đạt'": "Từ nay đến năm 2030 tỷ lệ che phủ rừng đạt 60%.",
    "a national commitment": "Thực hiện NDC lĩnh vực lâm nghiệp, cam kết phát thải ròng bằng “0” vào năm 2050.",
    "a document number is no month": "Thực hiện Nghị định số 12/2026/NĐ-CP và Thông tư 21/2026 của Bộ.",
    "'năm trước' is last year, not a cue": "Số liệu báo cáo tính từ ngày 15/12 năm trước đến ngày 14/12 năm báo cáo.",
    "an event day after 'vào'": "Cuộc họp diễn ra vào ngày 20/3/2026 tại trụ sở.",
    "a monthly report's name": "Bổ sung một chuyên đề vào Báo cáo Giao ban hằng tháng.",
    "a weekly meeting's name": "Tổ chức giao ban hằng tuần.",
    "everyday life, not a schedule": "Tuyên truyền người dân giữ vệ sinh trong sinh hoạt hằng ngày của gia đình.",
    "a yearly budget": "Bố trí kinh phí trong dự toán ngân sách hằng năm.",
    "a yearly staff review": "Đưa nội dung này vào đánh giá, phân loại cán bộ hàng năm.",
    "a purpose 'và các năm tiếp theo' alone": "Đưa các hạng mục vào vận hành phục vụ mùa mưa 2026 và các năm tiếp theo.",
}


@pytest.mark.parametrize("sentence", NOT_DEADLINES.values(), ids=NOT_DEADLINES.keys())
def test_not_deadlines(sentence: str) -> None:
    assert dated_mentions(sentence, DOC) == []


def test_a_bare_year_after_truoc_narrates_even_without_a_document_date() -> None:
    assert find_deadlines("Nơi này trước 1975 là nghĩa địa.", None) == []
    assert chosen("Thời gian hoàn thành: 2027.", None)[0] == D(2027, 12, 31)


CELLS = {
    "a year and the years after": ("Năm 2026 và các năm tiếp theo", D(2026, 12, 31), "FREQ=YEARLY"),
    "a quarter list, the last counts": ("Quý IV/2026, 2027", D(2027, 12, 31), None),
    "a year range": ("2026 - 2030", D(2030, 12, 31), None),
    "a quarter as 'Q3/2026'": ("Q3/2026", D(2026, 9, 30), None),
    "month/year without 'tháng'": ("06/2026", D(2026, 6, 30), None),
    "a month range, the end counts": ("Tháng 9/2026 - 12/2026", D(2026, 12, 31), None),
}


@pytest.mark.parametrize(("cell", "due", "rule"), CELLS.values(), ids=CELLS.keys())
def test_plan_cells(cell: str, due: D, rule: str | None) -> None:
    mention = parse_deadline_value(cell, DOC)
    assert mention is not None and (mention.date, mention.recurrence) == (due, rule)


@pytest.mark.parametrize(("ref", "months", "day", "due"), [
    (D(2026, 3, 5), (3, 6, 9, 12), 25, D(2026, 3, 25)),
    (D(2026, 3, 25), (3, 6, 9, 12), 25, D(2026, 6, 25)),  # strictly after the reference
    (D(2026, 12, 1), (1, 4, 7, 10), 5, D(2027, 1, 5)),
    (D(2026, 1, 31), (2, 5, 8, 11), 31, D(2026, 5, 31)),  # February has no 31st
])
def test_next_day_in_months_after(ref: D, months: tuple[int, ...], day: int, due: D) -> None:
    assert dates.next_day_in_months_after(ref, months, day) == due


LAW = ("Căn cứ Luật Địa chất và khoáng sản số 54/2024/QH15 ngày 29/11/2024, có hiệu lực thi hành từ ngày "
       "01 tháng 7 năm 2025; Thông tư này có hiệu lực thi hành kể từ ngày 15/8/2025.")


def test_entry_into_force_dates_stated_in_a_document() -> None:
    assert stated_event_dates(LAW) == {"luật": D(2025, 7, 1), "thông tư": D(2025, 8, 15)}
    assert stated_event_dates("Quyết định này có hiệu lực kể từ ngày ký.") == {}


@pytest.mark.parametrize(("sentence", "due"), [
    ("Trong thời hạn 36 tháng kể từ ngày Luật có hiệu lực thi hành, tổ chức cấp đổi giấy phép.", D(2028, 7, 1)),
    ("Hoàn thành trong 6 tháng kể từ ngày Thông tư này có hiệu lực.", D(2026, 2, 15)),
    ("Hoàn thành trong 6 tháng kể từ ngày Nghị định có hiệu lực.", None),  # no date stated for it
])
def test_counts_from_a_stated_entry_into_force(sentence: str, due: D | None) -> None:
    found = choose_deadline(find_deadlines(sentence, None, stated_event_dates(LAW)))
    assert found is not None and found.date == due
