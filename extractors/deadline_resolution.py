"""Resolve one time expression against the document's date: the last day it allows.

Partial dates take the next such day on or after the document date ("trước 15/12"),
periods their last day (month, quarter, half-year, year, week), counts run from the
document date or from the day after "kể từ" ("trong 10 ngày làm việc kể từ ngày ký").
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from extractors import dates
from extractors.deadline_events import EventDates, event_start
from extractors.deadline_grammar import grammar
from extractors.deadline_recurrence import monthly_on, quarterly_on, weekly_on, yearly_on
from extractors.deadline_rules import FormRule, RecurrenceRule

AFTER_COUNT = re.compile(r"\s*,?\s*(?:kể\s+)?từ\s+(?:ngày\s*)?", re.IGNORECASE)
_AROUND_EVENT = re.compile(r"\s*(?:trước|sau)\s+(?:khi|ngày|thời\s+điểm)(?!\w)", re.IGNORECASE)
_QUARTER = re.compile(r"IV|I{1,3}|[1-4]", re.I)
_ANCHOR_END = re.compile(r"\s*(?:[,.;:)]|$|(?:và|để|các|cơ\s+quan|đơn\s+vị)(?!\w))", re.I)  # "kể từ ngày ký, ..."

# (date or None, RRULE or None, whether the numbers name a real time)
Resolved = tuple[datetime.date | None, str | None, bool]


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression matched by a form, with its recurrence suffix if any."""

    start: int
    end: int
    form: FormRule
    match: re.Match[str]
    recurrence: RecurrenceRule | None


def _last_number(text: str) -> int:
    return int(re.findall(r"\d+", text)[-1])


def _last_quarter(text: str) -> int:
    return dates.roman_to_int(_QUARTER.findall(text)[-1])


def _word(found: Found, group: str) -> Any:
    """Look up a captured word ("tới", "đầu", "tháng") in the form's `words` table."""
    if group not in found.match.re.groupindex or not found.match[group]:
        return 0
    return (found.form.words or {})[grammar().canon(found.match[group])]


def _is_yearly(found: Found) -> bool:
    return found.recurrence is not None and found.recurrence.rrule == "FREQ=YEARLY"


def _resolve_day(found: Found, ref: datetime.date | None) -> Resolved:
    """Resolve day-level forms; the bool says whether the numbers name a real day."""
    g, rec = found.match, found.recurrence
    if found.form.resolve == "weekday":
        weekday = 6 if g["sun"] else int(_word(found, "wd"))
        when = ref + datetime.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1) if ref else None
        return when, weekly_on(weekday), True
    day = int(g["d"])
    if found.form.resolve == "dmy":
        when = dates.make_date(int(g["y"]), int(g["m"]), day)
        return when, None, when is not None
    if found.form.resolve == "day_of_month":
        ok = 1 <= day <= 31
        when = dates.next_month_day_after(ref, day) if ref and ok else None
        return when, monthly_on(rec.rrule, day) if rec else None, ok
    if found.form.resolve == "quarter_month_day":
        return _resolve_quarter_month_day(found, day, ref)
    if found.form.resolve == "day_next_month":  # "ngày 05 tháng sau"
        nxt = dates.add_months(ref.replace(day=1), 1) if ref else None
        when = dates.make_date(nxt.year, nxt.month, day) if nxt else None
        return when, None, 1 <= day <= 31
    month = int(g["m"])
    if dates.make_date(2000, month, day) is None:  # 2000 is a leap year: 29/2 is a real day
        return None, None, False
    if found.form.resolve == "dm_rel":  # "30/6 năm sau"
        when = dates.make_date(ref.year + int(_word(found, "rel")), month, day) if ref else None
        return when, None, True
    if _is_yearly(found):
        nxt = ref + datetime.timedelta(days=1) if ref else None  # a recurrence starts after the document
        return (dates.next_day_on_or_after(nxt, month, day) if nxt else None), yearly_on(month, day), True
    return (dates.next_day_on_or_after(ref, month, day) if ref else None), None, True


def _resolve_quarter_month_day(found: Found, day: int, ref: datetime.date | None) -> Resolved:
    """"ngày 25 của tháng cuối quý": the first such day after the document, every quarter."""
    which = int(_word(found, "which"))  # 1: first month of the quarter, 3: last
    months = tuple(which + 3 * q for q in range(4))
    if not 1 <= day <= 31:
        return None, None, False
    rule = quarterly_on(day)
    if ref is None:
        return None, rule, True
    if _word(found, "rel"):  # "của quý sau": the quarter after the document's
        index = dates.quarter_of(ref) % 4
        return dates.make_date(ref.year + (dates.quarter_of(ref) == 4), months[index], day), rule, True
    return dates.next_day_in_months_after(ref, months, day), rule, True


def _resolve_period(found: Found, ref: datetime.date | None) -> Resolved:
    """Resolve month, quarter, half-year and year forms to the period's last day."""
    g, kind = found.match, found.form.resolve
    year = int(g["y"]) if "y" in g.re.groupindex and g["y"] else None
    if kind in ("m_rel", "q_rel") and ref:  # "tháng 11 năm nay", "quý I năm sau": the year the words name
        year = ref.year + int(_word(found, "rel"))
    rule = None
    end: Callable[[int], datetime.date]
    if kind in ("my", "m", "m_rel"):
        month = _last_number(g["m"])
        if not 1 <= month <= 12:
            return None, None, False
        rule = yearly_on(month) if _is_yearly(found) else None
        end = lambda y: dates.end_of_month(y, month)
    elif kind in ("qy", "q", "q_rel"):
        quarter = _last_quarter(g["q"])
        end = lambda y: dates.end_of_quarter(y, quarter)
    elif kind == "half":
        half = int(_word(found, "which"))
        end = lambda y: dates.end_of_half(y, half)
    elif kind == "months_of_year":
        months = _months_of_year(found)
        if months is None:
            return None, None, False
        end = lambda y: dates.end_of_month(y, months)
    elif kind == "y":
        return dates.end_of_year(year) if year else None, None, True
    else:
        return _resolve_relative_period(found, ref), None, True
    if year:
        return end(year), rule, True
    return (dates.period_end_on_or_after(ref, end) if ref else None), rule, True


def _months_of_year(found: Found) -> int | None:
    """The last month of "N tháng đầu năm" (N) or "N tháng cuối năm" (12); None for no real count."""
    if int(_word(found, "which")) == 2:
        return 12
    count = found.match["n"]
    months = int(count) if count.isdigit() else int(_word(found, "n"))
    return months if 1 <= months <= 12 else None


def _resolve_relative_period(found: Found, ref: datetime.date | None) -> datetime.date | None:
    """Resolve "tuần này", "tháng này", "quý tới", "năm nay", "cuối năm" against the document date."""
    if ref is None:
        return None
    step = int(_word(found, "rel"))
    if found.form.resolve == "week_rel":  # the week's last day, Sunday
        return ref + datetime.timedelta(days=6 - ref.weekday() + 7 * step)
    if found.form.resolve == "month_rel":
        first = dates.add_months(ref.replace(day=1), step)
        return dates.end_of_month(first.year, first.month)
    if found.form.resolve == "quarter_rel":
        index = dates.quarter_of(ref) - 1 + step
        return dates.end_of_quarter(ref.year + index // 4, index % 4 + 1)
    return dates.end_of_year(ref.year + step)


def count_from(text: str, pos: int, ref: datetime.date | None,
               events: EventDates | None = None) -> tuple[datetime.date | None, int, bool]:
    """Read "kể từ ngày ký / ngày 15/7/2026 / ngày Luật có hiệu lực" after a count.

    Returns (the day counting starts from, the end of the phrase, whether it was understood).
    """
    lead = AFTER_COUNT.match(text, pos)
    if not lead or not re.search(r"từ", lead[0], re.I):
        return ref, pos, True
    stated = dates.match_vn_date(text, lead.end())
    if stated:
        return stated[0], stated[1], stated[0] is not None
    # An entry into force the document dates ("kể từ ngày Thông tư này có hiệu lực") comes
    # before "Thông tư này" as the document's own name: the two dates differ.
    event = event_start(text, lead.end(), events) if events else None
    if event:
        return event[0], event[1], True  # "kể từ ngày Luật có hiệu lực", the date stated elsewhere
    anchor_end = _own_date_anchor(text, lead.end())
    if anchor_end is not None:
        return ref, anchor_end, True
    return None, pos, False  # counted from an event whose date the text does not give


def _own_date_anchor(text: str, pos: int) -> int | None:
    """Return where "ký / ký Thông báo này / kết thúc cuộc họp" at `pos` ends, if it names the document's own date."""
    g = grammar()
    anchor = g.anchors.match(text, pos)
    if anchor is None:
        return None
    if anchor["own"] or not g.anchor_rules[g.canon(anchor[0])].must_end or _ANCHOR_END.match(text, anchor.end()):
        return anchor.end()
    return None  # "ký hợp đồng": another event


def _resolve_relative(found: Found, text: str, ref: datetime.date | None,
                      events: EventDates | None) -> tuple[datetime.date | None, int]:
    """Resolve "10 ngày (làm việc) kể từ ...": the start day plus the count.

    "10 ngày trước khi tổ chức hội nghị" counts back from an event the text does not date.
    """
    if _AROUND_EVENT.match(text, found.end):
        return None, found.end
    start, end, _ = count_from(text, found.end, ref, events)
    if start is None:
        return None, end
    count, unit = int(found.match["n"]), str(_word(found, "unit"))
    if unit == "working_days":
        return dates.add_working_days(start, count), end
    if unit in ("days", "weeks"):
        return start + datetime.timedelta(days=count * (7 if unit == "weeks" else 1)), end
    return dates.add_months(start, count * (12 if unit == "years" else 1)), end


def resolve(found: Found, text: str, ref: datetime.date | None,
            events: EventDates | None = None) -> tuple[datetime.date | None, str | None, int] | None:
    """Return (date, rrule, end) for a found expression, or None when it names no real time."""
    kind = found.form.resolve
    if kind == "relative":
        when, end = _resolve_relative(found, text, ref, events)
        return when, None, end
    if kind == "undated":  # an occasion ("trước Tết Nguyên đán") or a vague part of a year ("đầu năm 2026")
        return None, None, found.end
    if kind in ("dmy", "dm", "dm_rel", "day_of_month", "quarter_month_day", "day_next_month", "weekday"):
        when, rule, ok = _resolve_day(found, ref)
    else:
        when, rule, ok = _resolve_period(found, ref)
    return (when, rule, found.end) if ok else None
