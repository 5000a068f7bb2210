"""Items of a list whose intro directs ("Chủ tịch UBND tỉnh kết luận như sau:"): tasks by their form.

The words are in `data/structure_directive_intros.json`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extractors.candidate import Candidate
from extractors.resources import json_data


@cache
def _data() -> dict[str, Any]:
    return json_data("structure_directive_intros.json")


@cache
def _intro() -> re.Pattern[str]:
    data = _data()
    verbs = "|".join(re.escape(v) for v in data["verbs"])
    endings = "|".join(re.escape(e) for e in sorted(data["endings"], key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{verbs})(?!\w)[^:]{{0,{data['reach']}}}(?<!\w)(?:{endings})\s*:\s*$",
                      re.IGNORECASE)


def min_cues() -> float:
    return float(_data()["min_cues"])


def under_directive_intro(text: str, cand: Candidate) -> bool:
    """Tell whether a list item's nearest intro directs its items (and the item is no intro itself)."""
    if cand.kind != "item" or not cand.inherit or text[cand.start:cand.end].rstrip().endswith(":"):
        return False
    start, end = cand.inherit[0]
    return _intro().search(" ".join(text[start:end].split())) is not None
