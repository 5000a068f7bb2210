"""The giao-ban matrix and the completion rate, as the Government Office counts them."""

from __future__ import annotations

import datetime as dt

import pytest

from chidao.status import Matrix, categorize, matrix, percent_vi

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
