"""What the deadline tests ask of the grammar, written once."""

from __future__ import annotations

import datetime

from extractors.deadlines import DeadlineMention, find_deadlines


def dated_mentions(sentence: str, doc: datetime.date) -> list[DeadlineMention]:
    """The deadline mentions of a sentence, less bare urgency words ("khẩn trương")."""
    return [m for m in find_deadlines(sentence, doc) if m.granularity != "urgency"]
