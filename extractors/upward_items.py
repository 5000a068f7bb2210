"""A request inside a document sent to a body above its issuer: "Đề nghị UBND tỉnh quan tâm hỗ trợ ..."
in a district's notice asks; it cannot assign (ANNOTATION.md §1). `metadata.addressed_upward`
judges a whole letter; this judges one item, by the same levels (`hierarchy`)."""

from __future__ import annotations

import re
from functools import cache

from extractors.hierarchy import issuer_level, level_of
from extractors.resources import json_data


@cache
def _request_opening() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in json_data("metadata_levels.json")["upward_requests"])
    return re.compile(rf"^\W*(?:[\w.]{{1,6}}[.)]\s+)?(?:{words})(?!\w)", re.IGNORECASE)


def asks_upward(body: str, own_lead: list[str], issuer: str | None) -> bool:
    """Tell whether an item opening with a request names only bodies above the issuer as its lead."""
    if not own_lead or not issuer or _request_opening().match(body) is None:
        return False
    own = issuer_level(issuer)
    levels = [level_of(unit) for unit in own_lead]
    return own is not None and all(level is not None and level < own for level in levels)
