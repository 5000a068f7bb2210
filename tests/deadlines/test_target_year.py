"""A target year with a completion verb, and a recurring task with a final date (sentences written for these tests)."""

from __future__ import annotations

import datetime

import pytest

from extractors.deadlines import choose_deadline, find_deadlines

D = datetime.date
DOC = D(2023, 3, 10)

TARGET_YEAR = {
    "clause-initial target year": ("Đến năm 2025, hoàn thành việc số hóa hồ sơ đất đai.", D(2025, 12, 31)),
    "target year with 'phải'": ("Các dự án đến năm 2026 phải hoàn thành giải phóng mặt bằng.", D(2026, 12, 31)),
    "target year, 'cơ bản hoàn thành'": ("Đến năm 2024, cơ bản hoàn thành sắp xếp trụ sở.", D(2024, 12, 31)),
}


@pytest.mark.parametrize(("sentence", "due"), TARGET_YEAR.values(), ids=TARGET_YEAR.keys())
def test_target_year_with_completion_is_due(sentence: str, due: D) -> None:
    chosen = choose_deadline(find_deadlines(sentence, DOC))
    assert chosen is not None and chosen.date == due


HORIZONS = {
    "a target figure": "Phấn đấu đến năm 2030 tỷ lệ đô thị hóa đạt 45%.",
    "a plan's horizon": "Xây dựng quy hoạch đến năm 2040, tầm nhìn đến năm 2050.",
}


@pytest.mark.parametrize("sentence", HORIZONS.values(), ids=HORIZONS.keys())
def test_horizons_are_not_deadlines(sentence: str) -> None:
    assert [m for m in find_deadlines(sentence, DOC) if m.date is not None] == []


def test_a_day_under_two_cues_keeps_the_outer_cue() -> None:
    chosen = choose_deadline(find_deadlines("Sở Nội vụ báo cáo chậm nhất đến ngày 15/4/2023.", DOC))
    assert chosen is not None and (chosen.date, chosen.cue) == (D(2023, 4, 15), "chậm nhất")


RECURRING_WITH_END = {
    "yearly review due by a year": (
        "Hằng năm, rà soát danh mục dự án. Đến năm 2025, hoàn thành việc hỗ trợ.", D(2025, 12, 31), "FREQ=YEARLY"),
    "quarterly report until a day": (
        "Định kỳ hằng quý báo cáo kết quả, hoàn thành trước ngày 31/12/2023.", D(2023, 12, 31), "FREQ=MONTHLY;INTERVAL=3"),
}


@pytest.mark.parametrize(("sentence", "due", "rule"), RECURRING_WITH_END.values(), ids=RECURRING_WITH_END.keys())
def test_a_recurring_task_keeps_its_rule_and_final_date(sentence: str, due: D, rule: str) -> None:
    chosen = choose_deadline(find_deadlines(sentence, DOC))
    assert chosen is not None and (chosen.date, chosen.recurrence) == (due, rule)
