"""The giao-ban matrix and the completion rate, as the Government Office counts them."""

from __future__ import annotations

import datetime as dt

import pytest

from chidao.status import Matrix, categorize, due_between, matrix, occurrence, percent_vi

TODAY = dt.date(2025, 10, 20)


@pytest.mark.parametrize("status, deadline, done, expected", [
    ("done", dt.date(2025, 10, 15), dt.date(2025, 10, 15), "done_on_time"),  # on the day is on time
    ("done", dt.date(2025, 10, 15), dt.date(2025, 10, 10), "done_on_time"),
    ("done", dt.date(2025, 10, 15), dt.date(2025, 10, 16), "done_late"),
    ("done", None, dt.date(2025, 10, 1), "done_on_time"),
    ("open", dt.date(2025, 10, 20), None, "not_yet_due"),  # due today: not yet overdue
    ("open", dt.date(2025, 10, 19), None, "overdue"),
    ("open", None, None, "not_yet_due"),
])
def test_categorize(status, deadline, done, expected):
    assert categorize(status, deadline, done, TODAY) == expected


@pytest.mark.parametrize("done, due, sentence", [
    (70, 76, "đã hoàn thành 70/76 nhiệm vụ, đạt 92,1%"),
    (1, 3, "đã hoàn thành 1/3 nhiệm vụ, đạt 33,3%"),
    (5, 5, "đã hoàn thành 5/5 nhiệm vụ, đạt 100,0%"),
    (0, 0, "chưa có nhiệm vụ nào đến hạn"),
])
def test_the_giao_ban_sentence(done, due, sentence):
    assert Matrix(done_on_time=done, overdue=due - done, not_yet_due=9).sentence() == sentence


def test_rate_counts_only_tasks_already_due_and_leaves_rejected_out():
    def view(status, deadline, done=None, review="pending"):
        return {"status": status, "deadline": deadline, "done_date": done, "review_state": review}

    tasks = [view("done", "2025-10-01", "2025-09-30"), view("done", "2025-10-01", "2025-10-05"),
             view("open", "2025-10-02"), view("open", "2025-12-31"), view("open", None),
             view("open", "2025-10-02", review="rejected")]
    m = matrix(tasks, TODAY)
    assert (m.done_on_time, m.done_late, m.overdue, m.not_yet_due) == (1, 1, 1, 2)
    assert m.sentence() == "đã hoàn thành 2/3 nhiệm vụ, đạt 66,7%"


def test_percent_uses_a_decimal_comma():
    assert percent_vi(0.921052) == "92,1%"


MONTHLY_20 = "FREQ=MONTHLY;BYMONTHDAY=20"  # "báo cáo trước ngày 20 hằng tháng"


@pytest.mark.parametrize("status, deadline, recurrence, done, expected", [
    # open: judged against the occurrence due next, not the first one
    ("open", dt.date(2025, 3, 20), MONTHLY_20, None, "not_yet_due"),
    ("open", dt.date(2025, 3, 20), "FREQ=WEEKLY;BYDAY=FR", None, "not_yet_due"),
    ("open", dt.date(2024, 12, 15), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15", None, "not_yet_due"),
    # a series that ended before today is overdue while open
    ("open", dt.date(2025, 3, 20), MONTHLY_20 + ";COUNT=3", None, "overdue"),
    ("open", dt.date(2025, 3, 20), MONTHLY_20 + ";UNTIL=20250930", None, "overdue"),
    ("open", dt.date(2025, 3, 20), MONTHLY_20 + ";UNTIL=20251231", None, "not_yet_due"),
    # done: late only when done after the last occurrence
    ("done", dt.date(2025, 3, 20), MONTHLY_20, dt.date(2025, 10, 1), "done_on_time"),
    ("done", dt.date(2025, 3, 20), MONTHLY_20 + ";COUNT=3", dt.date(2025, 5, 20), "done_on_time"),
    ("done", dt.date(2025, 3, 20), MONTHLY_20 + ";COUNT=3", dt.date(2025, 5, 21), "done_late"),
    # a rule that cannot be read leaves the stored deadline in force
    ("open", dt.date(2025, 3, 20), "hằng tháng", None, "overdue"),
])
def test_a_recurring_task_is_judged_by_its_current_occurrence(status, deadline, recurrence, done, expected):
    assert categorize(status, deadline, done, TODAY, recurrence) == expected


@pytest.mark.parametrize("day, expected", [
    (dt.date(2025, 3, 1), dt.date(2025, 3, 20)),  # before the first occurrence: the first
    (dt.date(2025, 3, 20), dt.date(2025, 3, 20)),  # on the day: that one
    (dt.date(2025, 3, 21), dt.date(2025, 4, 20)),
    (dt.date(2025, 10, 20), dt.date(2025, 10, 20)),
    (dt.date(2025, 12, 21), dt.date(2026, 1, 20)),
])
def test_occurrence_rolls_the_deadline_forward(day, expected):
    assert occurrence(dt.date(2025, 3, 20), MONTHLY_20, day) == expected


def test_due_this_week_finds_the_occurrence_of_a_recurring_task():
    monday, sunday = dt.date(2025, 10, 20), dt.date(2025, 10, 26)
    tasks = [{"id": "a", "status": "open", "deadline": "2025-03-20", "recurrence": MONTHLY_20},
             {"id": "b", "status": "open", "deadline": "2025-03-27", "recurrence": "FREQ=MONTHLY"},  # 27/10: next week
             {"id": "c", "status": "open", "deadline": "2025-10-22", "recurrence": None},
             {"id": "d", "status": "open", "deadline": "2025-10-28", "recurrence": None},
             {"id": "e", "status": "done", "deadline": "2025-03-20", "recurrence": MONTHLY_20}]
    due = due_between(tasks, monday, sunday)
    assert [(t["id"], t["due_on"]) for t in due] == [("a", "2025-10-20"), ("c", "2025-10-22")]
