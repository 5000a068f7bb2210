"""The record every deadline module passes around: one phrase and the last day it allows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DeadlineMention:
    """One deadline phrase: where it is, what it says and the last day it allows."""

    start: int
    end: int
    text: str
    date: datetime.date | None
    granularity: str
    recurrence: str | None
    cue: str | None


def is_free(taken: list[DeadlineMention], start: int, end: int) -> bool:
    """Tell whether [start, end) overlaps none of the mentions already found."""
    return all(end <= m.start or start >= m.end for m in taken)
