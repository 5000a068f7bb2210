"""iCalendar (RFC 5545): one VTODO per task, DUE on its deadline, RRULE when it recurs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from icalendar import Calendar, Todo, vRecur

PRODID = "-//chidao//chidao task export//VI"
_STATUS = {"open": "NEEDS-ACTION", "done": "COMPLETED"}


def to_ics(tasks: list[dict[str, Any]], now: dt.datetime | None = None) -> bytes:
    stamp = now or dt.datetime.now(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    for task in tasks:
        calendar.add_component(_todo(task, stamp))
    return calendar.to_ical()


def _todo(task: dict[str, Any], stamp: dt.datetime) -> Todo:
    todo = Todo()
    # The version in the UID's sequence lets a calendar replace an older copy of the task.
    todo.add("uid", f"{task['id']}@chidao")
    todo.add("sequence", int(task.get("version") or 1) - 1)
    todo.add("dtstamp", stamp)
    todo.add("summary", _summary(task["text"]))
    todo.add("description", description(task))
    todo.add("status", _STATUS.get(task.get("status") or "open", "NEEDS-ACTION"))
    if task.get("deadline"):
        due = dt.date.fromisoformat(task["deadline"])
        if task.get("recurrence"):
            # An RRULE needs a DTSTART on its first instance, and DUE must be later than
            # DTSTART and of the same type: each instance runs from the start to the end of
            # its day (floating local time, as the document's deadline has no time zone).
            todo.add("dtstart", dt.datetime.combine(due, dt.time(0, 0)))
            todo.add("due", dt.datetime.combine(due, dt.time(23, 59, 59)))
            todo.add("rrule", vRecur.from_ical(task["recurrence"]))
        else:
            todo.add("due", due)
    if task.get("status") == "done" and task.get("done_date"):
        done = dt.date.fromisoformat(task["done_date"])
        todo.add("completed", dt.datetime.combine(done, dt.time(0, 0), dt.UTC))
    if task.get("document_number") or task.get("source"):
        todo.add("categories", [task.get("document_number") or task["source"]])
    return todo


def description(task: dict[str, Any]) -> str:
    """Return the VTODO description: the task, its units, deadline phrase and source."""
    lines = [task["text"], ""]
    lines.append("Chủ trì: " + (", ".join(task.get("lead_units") or []) or "(chưa xác định)"))
    if task.get("support_units"):
        lines.append("Phối hợp: " + ", ".join(task["support_units"]))
    if task.get("deadline_text"):
        lines.append("Thời hạn: " + task["deadline_text"])
    source = task.get("document_number") or task.get("source")
    if source:
        lines.append("Văn bản: " + str(source))
    return "\n".join(lines)


def _summary(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
