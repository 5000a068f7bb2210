"""Vietnamese deadline grammar: find the phrases that set a task's due date and resolve them.

The phrases live in `extractors/data/deadline_*.jsonl` (see `deadline_README.md` there).
The work is split by kind: `deadline_rules` (typed data records), `deadline_grammar`
(compiled phrases), `deadline_resolution` (a phrase against the document date),
`deadline_recurrence` (RRULEs and bare recurrences), `deadline_urgency`, `deadline_events`
(entry-into-force dates stated once in a document), `deadline_scan`
(cue-governed time expressions) and `deadline_choice` (the task's one deadline). This
module is the entry point the pipeline and the spaCy components call.
"""

from __future__ import annotations

import dataclasses
import datetime

from extractors.deadline_choice import choose_deadline
from extractors.deadline_events import EventDates, stated_event_dates
from extractors.deadline_grammar import grammar
from extractors.deadline_mention import DeadlineMention
from extractors.deadline_rules import DATA_FILES, GRANULARITIES, load_rules, rule_from_dict
from extractors.deadline_scan import scan
from extractors.deadline_urgency import is_continuous

__all__ = ["DATA_FILES", "GRANULARITIES", "DeadlineMention", "EventDates", "choose_deadline", "find_deadlines",
           "grammar", "is_continuous", "load_rules", "parse_deadline_value", "rule_from_dict", "stated_event_dates"]


def find_deadlines(text: str, doc_date: datetime.date | None,
                   events: EventDates | None = None) -> list[DeadlineMention]:
    """Find the deadline phrases of a text, in order.

    Args:
        text: NFC text (a sentence, an item or a whole document); offsets point into it.
        doc_date: the document's date, the reference for partial and relative phrases.
        events: entry-into-force dates the whole document states (`stated_event_dates`),
            for counts "kể từ ngày Luật có hiệu lực thi hành" in a part of it.

    Returns:
        Mentions governed by a deadline cue, recurrences and urgency words. Dates before
        `doc_date` are left out: they report what happened, not what is due.
    """
    return scan(text, doc_date, strict=True, events=events)


def parse_deadline_value(cell: str, doc_date: datetime.date | None) -> DeadlineMention | None:
    """Read a plan table's deadline cell ("Quý II/2026", "Trước 15/9", "Hằng năm", "Thường xuyên").

    The cell is the deadline, so no cue is needed; when it lists several periods
    ("Quý III, IV/2026, 2027") the latest counts. The mention spans the whole stripped cell.
    """
    mentions = scan(cell, doc_date, strict=False)
    dated = [m for m in mentions if m.date is not None and m.granularity != "urgency"]
    if dated:
        chosen: DeadlineMention | None = max(dated, key=lambda m: m.date or datetime.date.min)
    else:  # a deadline column that says "Thường xuyên" keeps it as its text
        chosen = choose_deadline(mentions) or (mentions[0] if mentions else None)
    if chosen is None:
        return None
    start = len(cell) - len(cell.lstrip())
    end = len(cell.rstrip())
    return dataclasses.replace(chosen, start=start, end=end, text=cell[start:end])
