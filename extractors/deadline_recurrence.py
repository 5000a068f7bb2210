"""Recurrence: RFC 5545 rules for repeating deadlines, and recurrence phrases that stand alone.

A recurrence attached to a day ("trước ngày 20 hằng tháng") is resolved with its day in
`deadline_resolution`; this module builds those rules and finds the bare ones ("Định kỳ
hằng quý, ...", "Hằng năm, ..."), which carry a rule but no date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.deadline_grammar import grammar
from extractors.deadline_mention import DeadlineMention, is_free
from extractors.deadline_rules import RecurrenceRule

_NOUN_FRAME_REACH = 60  # how far back a "vào ..." noun phrase may open before "hằng năm"
_CLAUSE_BREAK = re.compile(r"[.;:\n]")
_SHARED_CLAUSE_ENDS = ".;\n"  # what ends the clause a day and its period share ("Hằng năm: trước 15/12" is one)


_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def weekly_on(weekday: int) -> str:
    """Rule of a weekday, Monday 0 ("thứ Sáu hằng tuần" → FREQ=WEEKLY;BYDAY=FR)."""
    return f"FREQ=WEEKLY;BYDAY={_BYDAY[weekday]}"


def monthly_on(base: str, day: int) -> str:
    """Rule of a monthly day ("ngày 20 hằng tháng" → FREQ=MONTHLY;BYMONTHDAY=20)."""
    return f"{base};BYMONTHDAY={day}"


def yearly_on(month: int, day: int | None = None) -> str:
    """Rule of a yearly day or month ("15/12 hằng năm" → FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15)."""
    return f"FREQ=YEARLY;BYMONTH={month}" + (f";BYMONTHDAY={day}" if day else "")


def quarterly_on(day: int) -> str:
    """Rule of a day in one month of every quarter ("ngày 25 của tháng cuối quý").

    Written like the corpus's other quarterly rules (NOTES 1.6: FREQ=MONTHLY;INTERVAL=3), so
    FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=25; which month of the quarter follows from the first
    date, the rule's DTSTART.
    """
    return f"FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY={day}"


def _at_clause_edge(text: str, start: int, end: int) -> bool:
    """A bare "hằng năm" counts when it opens a sentence or item, or closes a clause."""
    before = text[:start].rstrip()
    after = text[end:].lstrip(" \t")
    return text[start].isupper() or not before or before[-1] in ".;:" or not after or after[0] in ".;\n"


def _qualifies_a_noun(text: str, start: int) -> bool:
    """Tell whether a clause-final "hằng năm" belongs to a noun phrase, not to the action.

    "bổ sung chuyên đề vào Báo cáo Giao ban hằng tháng", "phân loại cán bộ hàng năm":
    inside a "vào ..." phrase, or right after a noun such as "ngân sách", the
    period names a kind of thing (a monthly report, a yearly budget), not a repeating task.
    """
    g = grammar()
    window = text[max(0, start - _NOUN_FRAME_REACH):start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end():] if breaks else window
    return bool(g.noun_prepositions.search(clause) or g.noun_heads.search(clause))


def counts_alone(text: str, match: re.Match[str], rule: RecurrenceRule, need_edge: bool = True) -> bool:
    """Tell whether a recurrence phrase not attached to a time repeats the action.

    With `need_edge` (running text) one that is not `standalone` counts only at a clause edge
    and when it does not qualify a noun ("ngân sách hằng năm").
    """
    if rule.attached_only:
        return False
    if not need_edge or rule.standalone:
        return True
    return _at_clause_edge(text, match.start(), match.end()) and not _qualifies_a_noun(text, match.start())


def clause_recurrence(text: str, start: int, end: int, rrule: str) -> RecurrenceRule | None:
    """Return a recurrence with this RRULE that repeats the action in the clause of [start, end).

    "định kỳ hằng năm (trước ngày 10/12) báo cáo", "Hằng năm, ... báo cáo trước ngày 15/12": the day
    and its period are stated apart but belong together, like "trước ngày 15/12 hằng năm".
    """
    g = grammar()
    opened = max(text.rfind(char, 0, start) for char in _SHARED_CLAUSE_ENDS) + 1
    closed = min((i for i in (text.find(char, end) for char in _SHARED_CLAUSE_ENDS) if i >= 0), default=len(text))
    for match in g.recurrence_any.finditer(text, opened, closed):
        rule = g.recurrences[g.canon(match[0])]
        outside = match.end() <= start or match.start() >= end
        if outside and rule.rrule == rrule and counts_alone(text, match, rule):
            return rule
    return None


def recurrence_mentions(text: str, taken: list[DeadlineMention], need_edge: bool) -> Iterator[DeadlineMention]:
    """Yield recurrence phrases outside the spans already taken.

    With `need_edge` (running text, not a table cell) a phrase that is not `standalone`
    counts only at a clause edge and when it does not qualify a noun.
    """
    g = grammar()
    for match in g.recurrence_any.finditer(text):
        rule = g.recurrences[g.canon(match[0])]
        if is_free(taken, match.start(), match.end()) and counts_alone(text, match, rule, need_edge):
            yield DeadlineMention(match.start(), match.end(), match[0], None, rule.granularity, rule.rrule, rule.phrase)
