"""The giao-ban figures: the government's status matrix and the completion rate.

Per the Government Office's task-tracking rules (QĐ 42/2014, QĐ 23/2018) every task is
done on time, done late, not yet due, or overdue, and the completion rate counts only the
tasks already due: done (on time or late, including done early) over done plus overdue.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

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
               today: dt.date) -> str:
    """Return the matrix category of one task (a deadline is met on its own day)."""
    if status == "done":
        if deadline is None or done_date is None or done_date <= deadline:
            return "done_on_time"
        return "done_late"
    if deadline is not None and today > deadline:
        return "overdue"
    return "not_yet_due"  # open tasks with no deadline are never overdue


def matrix(tasks: list[dict[str, Any]], today: dt.date) -> Matrix:
    """Return the matrix over task views; rejected tasks are not tasks and are left out."""
    counts = Counter(
        categorize(t["status"], _date(t.get("deadline")), _date(t.get("done_date")), today)
        for t in tasks if t.get("review_state") != "rejected"
    )
    return Matrix(**{name: counts.get(name, 0) for name in CATEGORIES})


def percent_vi(ratio: float, decimals: int = 1) -> str:
    """Format a ratio the Vietnamese way: a decimal comma, "92,1%"."""
    return f"{ratio * 100:.{decimals}f}".replace(".", ",") + "%"


def due_between(tasks: list[dict[str, Any]], start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Return the open tasks whose deadline falls in [start, end]."""
    return [t for t in tasks if t["status"] == "open" and t.get("deadline")
            and t.get("review_state") != "rejected"
            and start <= dt.date.fromisoformat(t["deadline"]) <= end]


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
