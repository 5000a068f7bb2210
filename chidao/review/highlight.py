"""Cut a document's text into segments, each marked with what it is part of.

The page shows the task span, its units and its deadline phrase in the source text; each
segment carries its start offset so the browser can turn a selection back into offsets.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # task, other, lead, support, deadline


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    text: str
    kinds: tuple[str, ...]


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Return the text as consecutive segments; a segment's kinds are the marks covering it."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for a, b in itertools.pairwise(cuts):
        kinds = tuple(sorted({m.kind for m in marks if m.start <= a and b <= m.end}))
        out.append(Segment(a, text[a:b], kinds))
    return out


def find_phrase(text: str, phrase: str | None, start: int, end: int) -> Mark | None:
    """Return where `phrase` is in the span [start, end), else its nearest mention before it."""
    if not phrase:
        return None
    at = text.find(phrase, start, end)
    if at < 0:
        at = text.rfind(phrase, 0, start)  # inherited from a list intro or heading above
    if at < 0:
        at = text.casefold().find(phrase.casefold(), start, end)
    return Mark(at, at + len(phrase), "") if at >= 0 else None


def task_marks(text: str, start: int, end: int, lead: list[str], support: list[str],
               deadline_text: str | None, others: list[tuple[int, int]]) -> list[Mark]:
    """Return the marks of one task shown in its document, with the other tasks dimmed."""
    marks = [Mark(s, e, "other") for s, e in others if (s, e) != (start, end)]
    marks.append(Mark(start, end, "task"))
    for kind, phrases in (("lead", lead), ("support", support), ("deadline", [deadline_text])):
        for phrase in phrases:
            found = find_phrase(text, phrase, start, end)
            if found:
                marks.append(Mark(found.start, found.end, kind))
    return marks
