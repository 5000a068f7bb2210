"""Dates of events a document states once and counts from elsewhere: a law's entry into force.

"trong thời hạn 36 tháng kể từ ngày Luật có hiệu lực thi hành" resolves only when the
document says when the law takes effect ("Căn cứ Luật ... có hiệu lực thi hành từ ngày
01 tháng 7 năm 2025"), usually in its preamble, far from the task. The caller reads the
whole document once with `stated_event_dates` and passes the result to `find_deadlines`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from functools import cache

from extractors import dates
from extractors.deadline_grammar import grammar, phrase_pattern
from extractors.deadline_rules import load_rules

EventDates = Mapping[str, datetime.date]  # instrument kind, canonical lower case ("luật") → the day it takes effect
_NAME_WORDS = 40  # how many words an instrument's name may run before "có hiệu lực"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a statement of entry into force, a reference to one after "kể từ ngày")."""
    kinds = sorted((r.phrase for r in load_rules("deadline_events.jsonl")), key=len, reverse=True)
    kind = "|".join(phrase_pattern(k, []) for k in kinds)
    takes_effect = r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?"
    stated = re.compile(rf"(?<!\w)(?P<kind>{kind})(?!\w)(?:\s+[^\s.;]+){{0,{_NAME_WORDS}}}?\s*,?\s+{takes_effect}"
                        r"\s*(?:kể\s+)?từ\s+(?:ngày\s*)?")
    cited = re.compile(rf"(?P<kind>{kind})(?!\w)(?:\s+[^\s.;,]+){{0,12}}?\s+{takes_effect}(?!\w)")
    return stated, cited


def stated_event_dates(text: str) -> dict[str, datetime.date]:
    """Return, for each kind of legal instrument, the first entry-into-force date the text states."""
    stated, _ = _patterns()
    canon = grammar().canon
    found: dict[str, datetime.date] = {}
    for match in stated.finditer(text):
        day = dates.match_vn_date(text, match.end())
        kind = canon(match["kind"])
        if day and day[0] and kind not in found:
            found[kind] = day[0]
    return found


def event_start(text: str, pos: int, events: EventDates) -> tuple[datetime.date, int] | None:
    """Read "Luật có hiệu lực thi hành" at `pos` (after "kể từ ngày"): (its date, end) if known."""
    _, cited = _patterns()
    match = cited.match(text, pos)
    if not match:
        return None
    when = events.get(grammar().canon(match["kind"]))
    return (when, match.end()) if when else None
