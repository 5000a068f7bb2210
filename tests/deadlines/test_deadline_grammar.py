"""Deadline grammar over Vietnamese sentences written for these tests, grouped by phenomenon."""

from __future__ import annotations

import datetime

import pytest

from extractors.deadlines import choose_deadline, find_deadlines, parse_deadline_value

D = datetime.date
DOC = D(2023, 3, 10)  # a Friday


def only(text: str, doc: D | None = DOC):
    found = [m for m in find_deadlines(text, doc) if m.granularity != "urgency"]
    assert len(found) == 1, found
    return found[0]


DAY = [
    ("Vụ Tổ chức cán bộ hoàn thành trước ngày 30/6/2023.", "trước ngày 30/6/2023"),
    ("Báo cáo kết quả chậm nhất ngày 30/6/2023.", "chậm nhất ngày 30/6/2023"),
    ("Gửi Sở Nội vụ chậm nhất là ngày 30-6-2023 để tổng hợp.", "chậm nhất là ngày 30-6-2023"),
    ("Dự thảo phải hoàn thành ngày 30.6.2023.", "hoàn thành ngày 30.6.2023"),
    ("Các đơn vị hoàn thành trước 30/6/2023.", "trước 30/6/2023"),
    ("Việc rà soát phải xong trước ngày 30/06/2023.", "trước ngày 30/06/2023"),
    ("Trình Ủy ban nhân dân tỉnh trước ngày 30 tháng 6 năm 2023.", "trước ngày 30 tháng 6 năm 2023"),
    ("Thời hạn: trước ngày 30 tháng 06 năm 2023.", "trước ngày 30 tháng 06 năm 2023"),
    ("Sở Tài chính hoàn thành chậm nhất đến ngày 30 tháng 6 năm 2023.", "chậm nhất đến ngày 30 tháng 6 năm 2023"),
    ("gửi báo cáo trước 15h00 ngày 30/6/2023.", "trước 15h00 ngày 30/6/2023"),
]


@pytest.mark.parametrize(("sentence", "phrase"), DAY)
def test_full_dates_under_a_cue(sentence: str, phrase: str) -> None:
    mention = only(sentence)
    assert (mention.text, mention.date, mention.granularity) == (phrase, D(2023, 6, 30), "day")
    assert sentence[mention.start:mention.end] == phrase


NOISE = [
    "hoàn thành trước ngày\n30/6/2023",
    "hoàn thành trước ngày  30 / 6 / 2023",
    "hoàn thành trước\nngày 30 tháng 6\nnăm 2023",
    "hoàn thành trước ngày 30 tháng 06, năm 2023",
    "HOÀN THÀNH TRƯỚC NGÀY 30/6/2023",
    "hoàn thành trƣớc ngày 30/6/2023",  # a broken PDF font: ư printed as U+01A3
]


@pytest.mark.parametrize("sentence", NOISE)
def test_pdf_noise_is_tolerated(sentence: str) -> None:
    assert only(sentence).date == D(2023, 6, 30)


PERIODS = [
    ("Ban hành kế hoạch trong tháng 03/2023.", D(2023, 3, 31), "month"),
    ("Hoàn thành việc rà soát trong tháng 3 này.", D(2023, 3, 31), "month"),
    ("Tổ chức hội nghị trong tháng 3/2023.", D(2023, 3, 31), "month"),
    ("Tổ chức hội nghị trong tháng 3 năm 2023.", D(2023, 3, 31), "month"),
    ("Nộp hồ sơ trong tháng này.", D(2023, 3, 31), "month"),
    ("Trình Chính phủ trong tháng 8.", D(2023, 8, 31), "month"),
    ("Trình Chính phủ trong tháng 2.", D(2024, 2, 29), "month"),  # February 2023 has passed
    ("Hoàn thành trong quý II/2023.", D(2023, 6, 30), "quarter"),
    ("trình Thủ tướng Chính phủ trong quý II năm 2023.", D(2023, 6, 30), "quarter"),
    ("Sửa đổi quy chế, xong trong quý 2/2023.", D(2023, 6, 30), "quarter"),
    ("Báo cáo Bộ trưởng trong quý III.", D(2023, 9, 30), "quarter"),
    ("Báo cáo Bộ trưởng trong quý I.", D(2023, 3, 31), "quarter"),
    ("Thực hiện xong trong quý III, IV/2023.", D(2023, 12, 31), "quarter"),
    ("Hoàn thành trong 6 tháng đầu năm 2023.", D(2023, 6, 30), "half"),
    ("Hoàn thành trong 6 tháng cuối năm.", D(2023, 12, 31), "half"),
    ("Hoàn thành trong năm 2023.", D(2023, 12, 31), "year"),
    ("Đưa vào sử dụng chậm nhất cuối năm 2023.", D(2023, 12, 31), "year"),
    ("Hoàn thành trước cuối năm.", D(2023, 12, 31), "year"),
    ("Thời gian hoàn thành: 2024.", D(2024, 12, 31), "year"),
    ("Hoàn thành trong giai đoạn 2026-2030.", D(2030, 12, 31), "year"),
    ("Báo cáo kết quả trước 15/12.", D(2023, 12, 15), "day"),
    ("Báo cáo kết quả trước ngày 05/02.", D(2024, 2, 5), "day"),  # 5/2/2023 has passed
]


@pytest.mark.parametrize(("sentence", "due", "granularity"), PERIODS)
def test_periods_end_on_their_last_day(sentence: str, due: D, granularity: str) -> None:
    mention = only(sentence)
    assert (mention.date, mention.granularity) == (due, granularity)


RELATIVE = [
    ("Sở Tư pháp thẩm định trong 10 ngày kể từ ngày ký.", D(2023, 3, 20), "trong 10 ngày kể từ ngày ký"),
    ("Gửi ý kiến trong thời hạn 10 ngày làm việc.", D(2023, 3, 24), "trong thời hạn 10 ngày làm việc"),
    ("Phản hồi trong vòng 05 ngày.", D(2023, 3, 15), "trong vòng 05 ngày"),
    ("Nộp báo cáo sau 30 ngày kể từ ngày ban hành.", D(2023, 4, 9), "sau 30 ngày kể từ ngày ban hành"),
    ("Gửi ý kiến trong thời hạn 03 ngày làm việc kể từ ngày nhận được văn bản.", D(2023, 3, 15),
     "trong thời hạn 03 ngày làm việc kể từ ngày nhận được văn bản"),
    ("Hoàn thành trong 02 tháng kể từ ngày 15/3/2023.", D(2023, 5, 15), "trong 02 tháng kể từ ngày 15/3/2023"),
]


@pytest.mark.parametrize(("sentence", "due", "phrase"), RELATIVE)
def test_counts_run_from_the_document_date(sentence: str, due: D, phrase: str) -> None:
    mention = only(sentence)
    assert (mention.text, mention.date, mention.granularity) == (phrase, due, "relative")
    stated_start = "15/3/2023" in sentence  # counted from a stated day, not the document's
    assert only(sentence, None).date == (due if stated_start else None)


def test_a_count_from_an_unstated_event_has_no_date() -> None:
    mention = only("Cấp đổi giấy phép trong thời hạn 12 tháng kể từ ngày Luật có hiệu lực thi hành.")
    assert (mention.date, mention.granularity) == (None, "relative")


RECURRING = [
    ("Các đơn vị báo cáo trước ngày 20 hằng tháng.", D(2023, 3, 20), "FREQ=MONTHLY;BYMONTHDAY=20"),
    ("Các đơn vị báo cáo trước ngày 20 hàng tháng.", D(2023, 3, 20), "FREQ=MONTHLY;BYMONTHDAY=20"),
    ("Định kỳ ngày 05 hằng tháng gửi số liệu.", D(2023, 4, 5), "FREQ=MONTHLY;BYMONTHDAY=5"),
    ("Tổng hợp, báo cáo trước ngày 15/12 hằng năm.", D(2023, 12, 15), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
    ("Lập báo cáo trước ngày 31 tháng 01 hàng năm.", D(2024, 1, 31), "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=31"),
]


@pytest.mark.parametrize(("sentence", "due", "rule"), RECURRING)
def test_recurring_days(sentence: str, due: D, rule: str) -> None:
    mention = only(sentence)
    assert (mention.date, mention.recurrence, mention.granularity) == (due, rule, "day")


def test_the_first_monthly_day_is_after_the_document_date() -> None:
    assert only("báo cáo trước ngày 10 hằng tháng").date == D(2023, 4, 10)


BARE_RECURRENCE = [
    ("Định kỳ hằng quý, Sở Công Thương báo cáo tiến độ.", "FREQ=MONTHLY;INTERVAL=3", "quarter"),
    ("Định kỳ 6 tháng, các đơn vị gửi báo cáo.", "FREQ=MONTHLY;INTERVAL=6", "half"),
    ("Hằng năm, Sở Tài chính tổng hợp dự toán.", "FREQ=YEARLY", "year"),
    ("Các phòng tổng hợp, báo cáo Giám đốc Sở hàng tháng.", "FREQ=MONTHLY", "month"),
]


@pytest.mark.parametrize(("sentence", "rule", "granularity"), BARE_RECURRENCE)
def test_recurrence_without_a_day_has_no_date(sentence: str, rule: str, granularity: str) -> None:
    mention = only(sentence)
    assert (mention.date, mention.recurrence, mention.granularity) == (None, rule, granularity)


URGENCY = [
    ("Đề nghị các đơn vị khẩn trương triển khai.", "khẩn trương"),
    ("Báo cáo kịp thời những khó khăn, vướng mắc.", "kịp thời"),
    ("Sở Y tế chỉ đạo xử lý ngay các điểm nóng.", "ngay"),
    ("Đề nghị Bộ Xây dựng sớm ban hành hướng dẫn.", "sớm"),
    ("Thường xuyên kiểm tra, đôn đốc việc thực hiện.", "Thường xuyên"),
]


@pytest.mark.parametrize(("sentence", "word"), URGENCY)
def test_urgency_is_never_a_date(sentence: str, word: str) -> None:
    mentions = find_deadlines(sentence, DOC)
    assert [(m.text, m.date, m.granularity) for m in mentions] == [(word, None, "urgency")]


NOT_URGENCY = [
    "Bố trí kinh phí chi thường xuyên cho nhiệm vụ.",
    "Xây dựng hệ thống cảnh báo sớm lũ quét.",
    "Ngay cả các xã vùng cao cũng đã hoàn thành.",
    "Nhiều đơn vị chưa kịp thời báo cáo.",
]


@pytest.mark.parametrize("sentence", NOT_URGENCY)
def test_words_that_only_look_urgent(sentence: str) -> None:
    assert find_deadlines(sentence, DOC) == []


NOT_DEADLINES = [
    "Thực hiện Nghị định số 180/2026/NĐ-CP ngày 21/5/2026 của Chính phủ.",
    "Căn cứ Quyết định số 1074/QĐ-BXD ngày 29/6/2026 của Bộ Xây dựng.",
    "theo Kế hoạch số 134/KH-UBND ngày 26/3/2026 của Ủy ban nhân dân tỉnh",
    "Ngày 19 tháng 6 năm 2026, Ủy ban nhân dân tỉnh tổ chức cuộc họp.",
    "Số liệu tính từ ngày 01/01/2023 đến ngày 28/02/2023.",
    "Cuộc họp bắt đầu vào lúc 14 giờ 00, ngày 25/6/2026 tại phòng họp số 2.",
    "Kết quả tuyển sinh năm học 2023 đạt kế hoạch.",
    "Luật Bảo vệ môi trường năm 2020 quy định như sau.",
    "Kế hoạch đầu tư công trung hạn giai đoạn 2021-2025.",
    "Quy hoạch thoát nước đến năm 2030, tầm nhìn đến năm 2050.",
    "Sau 16 năm, dự án mới được khởi công.",
    "Chủ đầu tư nộp hồ sơ ít nhất trước 30 ngày.",
]


@pytest.mark.parametrize("sentence", NOT_DEADLINES)
def test_references_events_and_scopes_are_not_deadlines(sentence: str) -> None:
    assert find_deadlines(sentence, D(2026, 7, 1)) == []


def test_a_deadline_already_past_is_an_event() -> None:
    text = "Bộ đã yêu cầu ban hành hướng dẫn trước ngày 05/02/2026, nhưng đến nay chưa có."
    assert find_deadlines(text, D(2026, 5, 20)) == []
    assert only(text, D(2026, 1, 10)).date == D(2026, 2, 5)


def test_without_a_document_date_partial_phrases_stay_open() -> None:
    assert only("Hoàn thành trong quý III.", None).date is None
    assert only("Hoàn thành trong quý III/2023.", None).date == D(2023, 9, 30)


def test_offsets_point_into_the_text() -> None:
    text = "1. Giao Sở Xây dựng chủ trì, hoàn thành trước ngày 30/6/2023; báo cáo trong quý III/2023."
    for mention in find_deadlines(text, DOC):
        assert text[mention.start:mention.end] == mention.text


CHOICE = [
    ("Thời gian thực hiện: từ ngày 01/4/2023 đến ngày 31/12/2023.", D(2023, 12, 31)),
    ("Khẩn trương triển khai, hoàn thành trước ngày 30/6/2023.", D(2023, 6, 30)),
    ("Gửi ý kiến trong thời hạn 03 ngày làm việc để Sở tổng hợp, báo cáo trước ngày 30/3/2023.", D(2023, 3, 15)),
    ("Triển khai các dự án trong giai đoạn 2021-2025, hoàn thành trước ngày 30/4/2023.", D(2023, 4, 30)),
]


@pytest.mark.parametrize(("sentence", "due"), CHOICE)
def test_choose_the_due_date(sentence: str, due: D) -> None:
    chosen = choose_deadline(find_deadlines(sentence, DOC))
    assert chosen is not None and chosen.date == due


def test_urgency_is_never_the_deadline() -> None:
    mentions = find_deadlines("Đề nghị khẩn trương báo cáo.", DOC)
    assert [m.granularity for m in mentions] == ["urgency"]  # found, for the spaCy span group
    assert choose_deadline(mentions) is None  # but no deadline: the task may inherit its intro's
    assert choose_deadline([]) is None


CELLS = [
    ("Quý II/2026", D(2026, 6, 30), "quarter", None),
    ("Tháng 8/2026", D(2026, 8, 31), "month", None),
    ("Năm 2026", D(2026, 12, 31), "year", None),
    ("2026", D(2026, 12, 31), "year", None),
    ("30/6/2026", D(2026, 6, 30), "day", None),
    ("Trước 15/9", D(2026, 9, 15), "day", None),
    ("Trước ngày \n15/10/2026", D(2026, 10, 15), "day", None),
    ("Quý III, IV/2026, 2027", D(2027, 12, 31), "year", None),
    ("2026 - 2030", D(2030, 12, 31), "year", None),
    ("Hằng năm", None, "year", "FREQ=YEARLY"),
    ("Thường xuyên", None, "urgency", None),
]


@pytest.mark.parametrize(("cell", "due", "granularity", "rule"), CELLS)
def test_plan_table_cells(cell: str, due: D | None, granularity: str, rule: str | None) -> None:
    mention = parse_deadline_value(cell, D(2026, 6, 10))
    assert mention is not None
    assert (mention.date, mention.granularity, mention.recurrence) == (due, granularity, rule)
    assert mention.text == cell.strip()


@pytest.mark.parametrize("cell", ["", "Theo tiến độ dự án", "Sở Tài chính", "10 ngày"])
def test_cells_without_a_deadline(cell: str) -> None:
    assert parse_deadline_value(cell, D(2026, 6, 10)) is None
