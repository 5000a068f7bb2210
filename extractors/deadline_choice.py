"""Choose a task's deadline among the mentions its text holds."""

from __future__ import annotations

import dataclasses

from extractors.deadline_mention import DeadlineMention
from extractors.deadline_scan import RANGE_LINK

# The finer the period, the more it says about the due day: a day beats a month beats a year.
_PRECISION = {"day": 0, "relative": 0, "week": 1, "month": 2, "quarter": 3, "half": 4, "year": 5}
_UNDATED_WHEN = ("event", "vague")  # phrases that say when without a date ("trước Tết", "đầu năm 2026")


def _range_end(chosen: DeadlineMention, cued: list[DeadlineMention]) -> DeadlineMention:
    """"từ ngày X đến ngày Y" is due at Y: follow the range links after the chosen mention."""
    for later in cued[cued.index(chosen) + 1:]:
        if RANGE_LINK.match(later.text) and later.text[:1] in "đĐtT-–" and later.start - chosen.end < 3:
            chosen = later
    return chosen


def choose_deadline(mentions: list[DeadlineMention]) -> DeadlineMention | None:
    """Pick the task's due date among a sentence's mentions.

    A dated, cue-bearing mention wins over an undated one; among dated ones the most
    precise counts, then the first (a second date in a sentence is mostly another unit's
    step; "trong giai đoạn 2021-2025" is mostly scope), except that a "từ X đến Y" range is
    due at its end Y. With no date, an occasion or a vague part of a year wins over a bare
    period, which lends it its recurrence (NOTES 1.6: the phrase is kept, the date is null).
    Urgency words are never the deadline (ANNOTATION §4: *khẩn trương, kịp thời, ngay, sớm*
    give null), so a task that only says "khẩn trương" has none of its own and inherits its
    list intro's.
    """
    timed = [m for m in mentions if m.granularity != "urgency"]
    dated = [m for m in timed if m.date is not None]
    cued = [m for m in dated if m.cue is not None] or dated
    if cued:
        chosen = _range_end(min(cued, key=lambda m: _PRECISION.get(m.granularity, len(_PRECISION))), cued)
    elif timed:  # "Hằng năm, ... trước mùa mưa": the occasion says when, the period how often
        chosen = next((m for m in timed if m.granularity in _UNDATED_WHEN), timed[0])
    else:
        return None
    repeats = next((m.recurrence for m in timed if m.date is None and m.recurrence), None)
    if chosen.recurrence is None and repeats:
        # "Hàng năm, tiến hành rà soát ... Đến năm 2015, hoàn thành": a yearly task due by 2015
        chosen = dataclasses.replace(chosen, recurrence=repeats)
    return chosen
