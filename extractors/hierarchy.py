"""Where a body stands in the state hierarchy, and whether a letter is sent upward.

A province writing to a ministry, or a department writing to the province, asks; it
cannot assign (ANNOTATION.md §1: a recommendation sent upward is not a task). The levels
are language data (`metadata_levels.json`); a name no prefix opens has no level and
never makes a letter upward.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extractors.resources import json_data


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json_data("metadata_levels.json")
    return data


def _prefixes() -> list[tuple[str, int]]:
    return [(p, row["level"]) for row in _data()["levels"] for p in row["prefixes"]]


def level_of(name: str) -> int | None:
    """Return the level of the body a name opens with (0 is the highest), or None."""
    words = name.casefold().split()
    while words and words[0] in _data()["collective_words"]:
        words = words[1:]
    text = " ".join(words)
    if text.startswith(tuple(_data()["exceptions"])):
        return None
    return next((level for prefix, level in _prefixes() if _opens(text, prefix)), None)


def _opens(text: str, prefix: str) -> bool:
    return re.match(rf"{re.escape(prefix.strip())}(?!\w)", text) is not None


def issuer_level(issuer: str) -> int | None:
    """Return the level of the issuing body: the last body the header names."""
    text = " ".join(issuer.casefold().split())
    found = [(m.start(), level) for prefix, level in _prefixes()
             for m in re.finditer(rf"(?<!\w){re.escape(prefix.strip())}(?!\w)", text)]
    return max(found)[1] if found else None


UPWARD_KINDS = frozenset({"report", "proposal"})  # a báo cáo or tờ trình goes to the body that asked or decides


def addressed_upward(issuer: str | None, recipients: list[str], kind: str | None = None) -> bool:
    """Tell whether a document is sent upward: a report or proposal, or every addressee stands above its issuer."""
    if kind in UPWARD_KINDS:
        return True
    own = issuer_level(issuer) if issuer else None
    if own is None or not recipients:
        return False
    levels = [level_of(r) for r in recipients]
    return all(level is not None and level < own for level in levels)
