"""The giao-ban figures: the government's status matrix and the completion rate.

Per the Government Office's task-tracking rules (QĐ 42/2014, QĐ 23/2018) every task is
done on time, done late, not yet due, or overdue, and the completion rate counts only the
tasks already due: done (on time or late, including done early) over done plus overdue.

A recurring task ("báo cáo trước ngày 20 hằng tháng") is judged against its current
occurrence, found with its RRULE from the stored deadline (the first occurrence, as the
iCalendar feed's DTSTART): open, it is overdue only once its series has ended; done, it
was done late only if done after its last occurrence. One status for the whole series
cannot say whether a past month's report was sent, so a missed occurrence is not counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from dateutil.rrule import rrule, rrulestr

CATEGORIES = ("done_on_time", "done_late", "not_yet_due", "overdue")
LABELS = {
    "done_on_time": "Đã hoàn thành đúng hạn",
    "done_late": "Đã hoàn thành quá hạn",
    "not_yet_due": "Chưa đến hạn",
    "overdue": "Quá hạn chưa hoàn thành",
}


@dataclass(frozen=True, slots=True)
class Matrix:
    done_on_time: int = 0
    done_late: int = 0
    not_yet_due: int = 0
    overdue: int = 0

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    @property
    def due(self) -> int:
        """Tasks already due: every done task and every overdue one."""
        return self.done + self.overdue

    @property
    def rate(self) -> float | None:
        return self.done / self.due if self.due else None

    def sentence(self) -> str:
        """Return the giao-ban sentence, e.g. "đã hoàn thành 70/76 nhiệm vụ, đạt 92,1%"."""
        if self.rate is None:
            return "chưa có nhiệm vụ nào đến hạn"
        return f"đã hoàn thành {self.done}/{self.due} nhiệm vụ, đạt {percent_vi(self.rate)}"


def categorize(status: str, deadline: dt.date | None, done_date: dt.date | None,
               today: dt.date, recurrence: str | None = None) -> str:
    """Return the matrix category of one task (a deadline is met on its own day)."""
    if status == "done":
        due = occurrence(deadline, recurrence, done_date) if done_date else deadline
        if due is None or done_date is None or done_date <= due:
            return "done_on_time"
        return "done_late"
    due = occurrence(deadline, recurrence, today)
    if due is not None and today > due:
        return "overdue"
    return "not_yet_due"  # open tasks with no deadline are never overdue


def occurrence(deadline: dt.date | None, recurrence: str | None, day: dt.date) -> dt.date | None:
    """Return the occurrence due on or after `day`, or the last one if the series ended before it.

    Without a recurrence (or with one that cannot be read) the deadline is the only occurrence.
    """
    if deadline is None or not recurrence or day <= deadline:
        return deadline
    rule = _rule(recurrence, deadline)
    if rule is None:
        return deadline
    start = dt.datetime.combine(day, dt.time())
    found = rule.after(start, inc=True) or rule.before(start)
    return found.date() if found else deadline


def _rule(recurrence: str, first: dt.date) -> rrule | None:
    try:
        parsed = rrulestr(recurrence, dtstart=dt.datetime.combine(first, dt.time()))
    except (ValueError, TypeError):  # not an RRULE, or an UNTIL in UTC against a floating start
        return None
    return parsed if isinstance(parsed, rrule) else None


def matrix(tasks: list[dict[str, Any]], today: dt.date) -> Matrix:
    """Return the matrix over task views; rejected tasks are not tasks and are left out."""
    counts = Counter(
        categorize(t["status"], _date(t.get("deadline")), _date(t.get("done_date")), today,
                   t.get("recurrence"))
        for t in tasks if t.get("review_state") != "rejected"
    )
    return Matrix(**{name: counts.get(name, 0) for name in CATEGORIES})


def percent_vi(ratio: float, decimals: int = 1) -> str:
    """Format a ratio the Vietnamese way: a decimal comma, "92,1%"."""
    return f"{ratio * 100:.{decimals}f}".replace(".", ",") + "%"


def due_between(tasks: list[dict[str, Any]], start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Return the open tasks with an occurrence in [start, end], each with that day as `due_on`."""
    due = []
    for task in tasks:
        if task["status"] != "open" or task.get("review_state") == "rejected":
            continue
        day = occurrence(_date(task.get("deadline")), task.get("recurrence"), start)
        if day is not None and start <= day <= end:
            due.append({**task, "due_on": day.isoformat()})
    return due


def by_unit(tasks: list[dict[str, Any]]) -> dict[str, Counter[str]]:
    """Return, per unit, how many tasks it leads ("chủ trì") and supports ("phối hợp")."""
    table: dict[str, Counter[str]] = {}
    for task in tasks:
        if task.get("review_state") == "rejected":
            continue
        for role, key in (("chủ trì", "lead_units"), ("phối hợp", "support_units")):
            for unit in task.get(key) or []:
                table.setdefault(unit, Counter())[role] += 1
    return table


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
