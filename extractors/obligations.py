"""An obligation placed on the unit that opens a candidate: "Các bộ, ngành phải ...".

Such a sentence states who must do what whatever document it stands in, so it is a task by
its form (`pipeline._task_by_form`); the words are in `data/cue_obligations.json`.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.candidate import Candidate
from extractors.resources import json_data
from extractors.unit_grammar import UnitMention


@cache
def _after_subject() -> re.Pattern[str]:
    data = json_data("cue_obligations.json")
    between = "|".join(re.escape(w) for w in data["between"])
    obligations = "|".join(re.escape(w) for w in sorted(data["obligations"], key=len, reverse=True))
    return re.compile(rf"[ \t]+(?:(?:{between})[ \t]+)?(?:{obligations})(?!\w)", re.IGNORECASE)


def obliges_its_subject(text: str, cand: Candidate, lead: list[UnitMention], window: int) -> bool:
    """Tell whether a lead unit opening the candidate (within `window` characters of its body)
    is followed by an obligation word. Unit offsets are relative to `cand.start`."""
    opening = cand.body_start - cand.start + window
    pattern = _after_subject()
    return any(u.start <= opening and pattern.match(text, cand.start + u.end) for u in lead)
