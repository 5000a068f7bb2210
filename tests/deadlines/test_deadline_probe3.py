"""Regressions from the third probe of new documents (/tmp/probe3, compare_report.txt), grouped by issue.

Sentences written for these tests (not copied from the corpus or the probe); expected days are
resolved against DOC unless a case names its own document date.
"""

from __future__ import annotations

import datetime

import pytest
from dateutil.rrule import rrulestr
from deadline_helpers import dated_mentions

from extractors.deadlines import choose_deadline, find_deadlines, parse_deadline_value

D = datetime.date
DOC = D(2025, 10, 6)  # a Monday in the fourth quarter


def due(sentence: str, doc: D | None = DOC) -> tuple[D | None, str | None, str | None]:
    """The chosen deadline's date, text and recurrence ((None, None, None) when the sentence has none)."""
    found = choose_deadline(find_deadlines(sentence, doc))
    if found is None:
        return None, None, None
    assert sentence[found.start:found.end] == found.text
    return found.date, found.text, found.recurrence


# Issue 1: "phấn đấu đến ngày X ..." is the day the work must be done by; a year after it stays a horizon.
STRIVE_BY = {
    "a day, then the work": ("Các chủ đầu tư đẩy nhanh tiến độ, phấn đấu đến ngày 31/12/2025 giải ngân 100% kế hoạch vốn.",
                             D(2025, 12, 31), "đến ngày 31/12/2025"),
    "a day in words": ("Công an tỉnh phấn đấu đến ngày 30 tháng 11 năm 2025 cấp xong căn cước cho người dân.",
                       D(2025, 11, 30), "đến ngày 30 tháng 11 năm 2025"),
    "a month": ("Ngành y tế phấn đấu đến tháng 12/2025 có 95% người dân được lập hồ sơ sức khỏe điện tử.",
                D(2025, 12, 31), "đến tháng 12/2025"),
    "a quarter": ("Sở Xây dựng phấn đấu đến quý I/2026 đưa bến xe mới vào khai thác.", D(2026, 3, 31), "đến quý I/2026"),
    "unchanged: 'đến hết năm'": ("Phấn đấu đến hết năm 2025 giải ngân toàn bộ vốn được giao.", D(2025, 12, 31),
                                 "đến hết năm 2025"),
    "unchanged: 'đến cuối năm'": ("Các xã phấn đấu đến cuối năm 2025 hoàn tất chỉnh lý hồ sơ địa chính.", D(2025, 12, 31),
                                  "đến cuối năm 2025"),
    "unchanged: a year with a completion verb": ("Phấn đấu đến năm 2026 hoàn thành xóa nhà tạm, nhà dột nát.",
                                                 D(2026, 12, 31), "đến năm 2026"),
    "unchanged: 'phấn đấu hoàn thành trước ngày'": ("Nhà thầu tăng ca, phấn đấu hoàn thành trước ngày 30/4/2026.",
                                                    D(2026, 4, 30), "trước ngày 30/4/2026"),
}


@pytest.mark.parametrize(("sentence", "day", "text"), STRIVE_BY.values(), ids=STRIVE_BY.keys())
def test_strive_by_a_day_is_due(sentence: str, day: D, text: str) -> None:
    assert due(sentence)[:2] == (day, text)


STRIVE_TARGETS = {
    "a year is a plan horizon": "Phấn đấu đến năm 2030 tỷ lệ đô thị hóa toàn tỉnh đạt 50%.",
    "'vào năm' after 'phấn đấu' is a target": "Tỉnh phấn đấu đạt tốc độ tăng trưởng kinh tế 8% vào năm 2026.",
    "'đến ngày' without 'phấn đấu' or a completion verb": "Đến ngày 31/12/2025, giải ngân vốn đầu tư công đạt 95% kế hoạch.",
}


@pytest.mark.parametrize("sentence", STRIVE_TARGETS.values(), ids=STRIVE_TARGETS.keys())
def test_strive_targets_stay_without_a_deadline(sentence: str) -> None:
    assert dated_mentions(sentence, DOC) == []


# Issue 2: a period and a day stated apart in one clause, in either order, repeat on that day.
YEARLY_DAY = "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=10"
DAY_WITH_PERIOD = {
    "period, then the day in brackets": ("Các phòng tổng hợp; định kỳ hằng năm (trước ngày 10/12) báo cáo Giám đốc Sở.",
                                         D(2025, 12, 10), YEARLY_DAY),
    "period opens the sentence": ("Hằng năm, Sở Tài chính tổng hợp dự toán, báo cáo trước ngày 20/01.",
                                  D(2026, 1, 20), "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=20"),
    "day, then the period in brackets": ("Các xã gửi báo cáo thống kê trước ngày 10/12 (hằng năm).", D(2025, 12, 10), YEARLY_DAY),
    "day in words, then the period after a comma": ("Nộp báo cáo trước ngày 05 tháng 01, định kỳ hằng năm.",
                                                    D(2026, 1, 5), "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=5"),
    "monthly period, then the day in brackets": ("Định kỳ hằng tháng (trước ngày 25), các đơn vị gửi số liệu về Sở.",
                                                 D(2025, 10, 25), "FREQ=MONTHLY;BYMONTHDAY=25"),
    "monthly period opens the sentence": ("Hằng tháng, các trạm y tế báo cáo số ca bệnh trước ngày 05.",
                                          D(2025, 11, 5), "FREQ=MONTHLY;BYMONTHDAY=5"),
    "unchanged: the period right after the day": ("Báo cáo kết quả phòng cháy rừng trước ngày 15/12 hằng năm.",
                                                  D(2025, 12, 15), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
}


@pytest.mark.parametrize(("sentence", "day", "rule"), DAY_WITH_PERIOD.values(), ids=DAY_WITH_PERIOD.keys())
def test_a_period_and_its_day_in_one_clause_repeat_on_that_day(sentence: str, day: D, rule: str) -> None:
    when, _, recurrence = due(sentence)
    assert (when, recurrence) == (day, rule)


def test_a_yearly_day_stated_apart_starts_after_the_document() -> None:
    sentence = "Định kỳ hằng năm (trước ngày 10/12), các phòng báo cáo Giám đốc Sở."
    assert due(sentence, D(2025, 12, 10))[::2] == (D(2026, 12, 10), YEARLY_DAY)


DAY_WITHOUT_ITS_PERIOD = {
    # (sentence, date, recurrence): the bare period is lent as before, never with the day
    "the period in another clause": ("Hằng năm, Sở tổ chức hội nghị tổng kết; các xã báo cáo trước ngày 15/11.",
                                     D(2025, 11, 15), "FREQ=YEARLY"),
    "a yearly budget is a noun's": ("Bố trí kinh phí từ ngân sách hằng năm, các xã báo cáo trước ngày 15/11.",
                                    D(2025, 11, 15), None),
    "a quarterly period and a yearly day": ("Định kỳ hằng quý, các phòng báo cáo trước ngày 15/12.",
                                            D(2025, 12, 15), "FREQ=MONTHLY;INTERVAL=3"),
    "a full date is one day": ("Định kỳ hằng năm kiểm tra, báo cáo kết quả trước ngày 15/12/2025.",
                               D(2025, 12, 15), "FREQ=YEARLY"),
    "a number that is no day": ("Hằng tháng, các xã hoàn thành 20 hồ sơ cấp giấy chứng nhận.", None, "FREQ=MONTHLY"),
}


@pytest.mark.parametrize(("sentence", "day", "rule"), DAY_WITHOUT_ITS_PERIOD.values(), ids=DAY_WITHOUT_ITS_PERIOD.keys())
def test_a_day_without_its_period_stays_as_it_was(sentence: str, day: D | None, rule: str | None) -> None:
    when, _, recurrence = due(sentence)
    assert (when, recurrence) == (day, rule)


# Issue 3: quarterly days are written as NOTES 1.6 writes quarterly rules (FREQ=MONTHLY;INTERVAL=3).
QUARTERLY = {
    "the last month of each quarter": ("Định kỳ hằng quý, trước ngày 20 của tháng cuối quý, các phòng báo cáo.",
                                       D(2025, 12, 20), "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=20"),
    "the first month of the next quarter": ("Gửi báo cáo quý trước ngày 05 của tháng đầu quý sau.",
                                            D(2026, 1, 5), "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5"),
    "unchanged: a quarterly period with no day": ("Định kỳ hằng quý, Sở báo cáo Ủy ban nhân dân tỉnh.",
                                                  None, "FREQ=MONTHLY;INTERVAL=3"),
}


@pytest.mark.parametrize(("sentence", "day", "rule"), QUARTERLY.values(), ids=QUARTERLY.keys())
def test_quarterly_days(sentence: str, day: D | None, rule: str) -> None:
    when, _, recurrence = due(sentence)
    assert (when, recurrence) == (day, rule)


def test_a_quarterly_rule_from_its_first_date_falls_in_the_right_months() -> None:
    when, _, rule = due("Trước ngày 20 của tháng cuối quý, các phòng báo cáo.")
    assert when is not None and rule is not None
    start = datetime.datetime.combine(when, datetime.time())
    assert [d.date() for d in rrulestr(rule, dtstart=start)[:4]] == [
        D(2025, 12, 20), D(2026, 3, 20), D(2026, 6, 20), D(2026, 9, 20)]


# Issue 4: an occasion or a vague part of a year keeps its phrase with no date (NOTES 1.6).
UNDATED = {
    "a holiday": ("Các trường chi trả học bổng cho học sinh trước Tết Nguyên đán.", "trước Tết Nguyên đán", None),
    "a school event after 'trước khi'": ("Hoàn thành sửa chữa phòng học trước khi khai giảng năm học mới.",
                                         "trước khi khai giảng năm học mới", None),
    "an event after 'trước ngày', up to 'để'": ("Gửi hồ sơ về Sở trước ngày khai giảng để thẩm định.",
                                               "trước ngày khai giảng", None),
    "a season with its year": ("Các phường nạo vét cống trước mùa mưa bão năm 2026, bảo đảm tiêu thoát nước.",
                               "trước mùa mưa bão năm 2026", None),
    "a season every year": ("Hằng năm, trước mùa mưa, các xã kiểm tra hệ thống đê điều.", "trước mùa mưa", "FREQ=YEARLY"),
    "a start of works, up to 'theo'": ("Nhà đầu tư nộp tiền ký quỹ trước khi bắt đầu thi công theo quy định.",
                                       "trước khi bắt đầu thi công", None),
    "a congress": ("Ban Tổ chức hoàn thiện phương án nhân sự trước Đại hội Đảng bộ tỉnh.",
                   "trước Đại hội Đảng bộ tỉnh", None),
    "the start of a year": ("Các trường gửi dự toán chi tiết về Sở vào đầu năm 2026.", "vào đầu năm 2026", None),
    "the middle of a year": ("Các xã bố trí mặt bằng xây dựng, hoàn thành giữa năm 2026.", "hoàn thành giữa năm 2026", None),
    "the middle of next year": ("Sở Tư pháp trình đề án trước giữa năm sau.", "trước giữa năm sau", None),
}


@pytest.mark.parametrize(("sentence", "text", "rule"), UNDATED.values(), ids=UNDATED.keys())
def test_undated_occasions_keep_their_phrase(sentence: str, text: str, rule: str | None) -> None:
    assert due(sentence) == (None, text, rule)


def test_a_date_beside_an_occasion_wins() -> None:
    sentence = "Chi trả trước Tết Nguyên đán, chậm nhất ngày 15/01/2026."
    assert due(sentence)[:2] == (D(2026, 1, 15), "chậm nhất ngày 15/01/2026")


NO_OCCASION = {
    "a season as a duration (NOTES 1.6)": "Các đội xung kích trực trong mùa mưa bão.",
    "a trigger (NOTES 1.6)": "Các xã chủ động sơ tán dân khi có mưa lớn kéo dài.",
    "a condition of ongoing work (as the gold)": "Nước thải phải được xử lý đạt quy chuẩn trước khi xả ra môi trường.",
    "another condition of ongoing work": "Khoáng sản phải được cân, đo trước khi vận chuyển ra khỏi mỏ.",
    "a holiday with no 'trước'": "Tổ chức đón Tết Nguyên đán vui tươi, an toàn, tiết kiệm.",
    "the start of a stretch": "Từ đầu năm 2025 đến nay, toàn tỉnh giải ngân được 60% kế hoạch.",
    "the start of a year with no cue": "Kết quả thực hiện năm 2024 và đầu năm 2025 được đánh giá cao.",
    "a school year": "Hoàn thành tuyển sinh vào đầu năm học mới.",
    "unchanged: six months of a year without a cue": "Sơ kết công tác cải cách hành chính 6 tháng đầu năm 2026.",
}


@pytest.mark.parametrize("sentence", NO_OCCASION.values(), ids=NO_OCCASION.keys())
def test_occasion_words_that_are_no_deadline(sentence: str) -> None:
    assert dated_mentions(sentence, DOC) == []


@pytest.mark.parametrize("cell", ["Tổ chức Tết trồng cây", "Bắt đầu thi công", "Thực hiện", "Mùa mưa"])
def test_occasions_need_a_cue_even_in_a_cell(cell: str) -> None:
    assert parse_deadline_value(cell, DOC) is None


@pytest.mark.parametrize("cell", ["Đầu năm 2026", "Giữa năm 2026", "Trước Tết Nguyên đán"])
def test_a_vague_or_occasion_cell_keeps_its_words(cell: str) -> None:
    mention = parse_deadline_value(cell, DOC)
    assert mention is not None and (mention.date, mention.text) == (None, cell)


LETTER = ("ỦY BAN NHÂN DÂN TỈNH AN HÒA\nSố: 318/UBND-KGVX\nAn Hòa, ngày 06 tháng 10 năm 2025\n"
          "Kính gửi: Các sở, ban, ngành tỉnh.\n"
          "Ủy ban nhân dân tỉnh yêu cầu các sở hoàn thành trước ngày 31/12/2025 các nội dung sau:\n"
          "1. Sở Giáo dục và Đào tạo chi trả học bổng cho học sinh trước Tết Nguyên đán.\n"
          "2. Sở Y tế rà soát danh sách các trạm y tế xuống cấp.\n")


def test_an_item_with_its_own_occasion_does_not_take_the_intro_date() -> None:
    from extractors.metadata import read_metadata
    from extractors.pipeline import analyze_document

    items = [a for a in analyze_document(LETTER, read_metadata(LETTER)) if a.candidate.kind == "item"]
    got = [(a.deadline.date, a.deadline.text) if a.deadline else None for a in items]
    assert got == [(None, "trước Tết Nguyên đán"), (D(2025, 12, 31), "trước ngày 31/12/2025")]


# Issue 5: "năm nay / năm tới / năm sau" after a month or a quarter is part of the phrase and names its year.
RELATIVE_YEAR = {
    "this year's month": ("Cập nhật cơ sở dữ liệu ngành trong tháng 11 năm nay.", D(2025, 11, 30), "trong tháng 11 năm nay"),
    "next year's month": ("Tổ chức tập huấn cho giáo viên trong tháng 3 năm tới.", D(2026, 3, 31), "trong tháng 3 năm tới"),
    "next year's month after 'trước'": ("Trình phê duyệt đề án trước tháng 02 năm sau.", D(2026, 2, 28), "trước tháng 02 năm sau"),
    "next year's fourth quarter, not this year's": ("Hoàn thành dự án trong quý IV năm sau.", D(2026, 12, 31),
                                                    "trong quý IV năm sau"),
    "next year's first quarter": ("Đưa trường vào sử dụng trong quý I năm tới.", D(2026, 3, 31), "trong quý I năm tới"),
    "unchanged: a month alone": ("Cập nhật cơ sở dữ liệu ngành trong tháng 11.", D(2025, 11, 30), "trong tháng 11"),
    "unchanged: a month already past is next year's": ("Trình Chính phủ trong tháng 2.", D(2026, 2, 28), "trong tháng 2"),
}


@pytest.mark.parametrize(("sentence", "day", "text"), RELATIVE_YEAR.values(), ids=RELATIVE_YEAR.keys())
def test_a_month_or_quarter_of_a_named_year(sentence: str, day: D, text: str) -> None:
    assert due(sentence)[:2] == (day, text)


def test_this_years_month_already_past_is_no_deadline() -> None:
    assert dated_mentions("Cập nhật cơ sở dữ liệu ngành trong tháng 9 năm nay.", DOC) == []


def test_without_a_document_date_the_phrase_stays_whole_and_open() -> None:
    assert due("Cập nhật cơ sở dữ liệu ngành trong tháng 11 năm nay.", None)[:2] == (None, "trong tháng 11 năm nay")
