"""Body items that restate a row of the document's own task table (corpus/NOTES.md §1.5).

Plans often list their tasks twice: item by item in the body, then row by row in an
appendix table that adds the lead, the support and the deadline. One record per task
(ANNOTATION.md §2) keeps the table's copy. A body item restates a row when it contains
nearly all of the row's word pairs and the row is a good part of the item (a smaller
part will do when both name the same leads); an item that only shares a topic with a row
("Chuyển đổi các ngành kinh tế ..." over a row about one project) keeps its own record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
ROW_SHARE = 0.8  # share of the row's word pairs found in the item
ITEM_SHARE = 0.4  # share of the item's word pairs that are the row's
SAME_LEAD_ITEM_SHARE = 0.2  # enough when the item and the row name the same leads


def word_pairs(text: str) -> set[tuple[str, str]]:
    """Return the set of adjacent word pairs of a text, lower-cased."""
    words = _WORD.findall(text.lower())
    return set(zip(words, words[1:]))


@dataclass(frozen=True, slots=True)
class Said:
    """A task's words and who leads it, as compared across copies."""

    text: str
    leads: frozenset[str]


def restates(item: Said, row: Said) -> bool:
    """Tell whether a body item restates a table row."""
    item_pairs, row_pairs = word_pairs(item.text), word_pairs(row.text)
    if not item_pairs or not row_pairs:
        return False
    shared = len(item_pairs & row_pairs)
    enough = SAME_LEAD_ITEM_SHARE if item.leads and item.leads == row.leads else ITEM_SHARE
    return shared / len(row_pairs) >= ROW_SHARE and shared / len(item_pairs) >= enough


def restatements(bodies: Sequence[Said], rows: Sequence[Said]) -> set[int]:
    """Return the indexes of the bodies that restate one of the rows."""
    return {i for i, body in enumerate(bodies) if any(restates(body, r) for r in rows)}
