"""Task cue lexicon: typed rules loaded from data, and the rule score of a candidate."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache
from typing import Any, Literal

from extractors.resources import json_data

Where = Literal["start", "any", "context"]
_WHERE = ("start", "any", "context")
START_WINDOW = 40  # characters after the marker and leading unit in which a 'start' cue counts


@dataclass(frozen=True, slots=True)
class CueRule:
    """One cue: a phrase, what it signals, how strongly, and where it must stand."""

    phrase: str
    kind: str
    weight: float
    where: Where

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CueRule:
        allowed = {f.name for f in fields(cls)}
        unknown = set(data) - allowed
        if unknown:
            raise ValueError(f"cue rule has unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}")
        if data.get("where") not in _WHERE:
            raise ValueError(f"cue rule {data.get('phrase')!r}: 'where' must be one of {_WHERE}")
        return cls(phrase=data["phrase"], kind=data["kind"], weight=float(data["weight"]), where=data["where"])

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compile(self.phrase)


@cache
def _compile(phrase: str) -> re.Pattern[str]:
    # Whole words only; a phrase that starts or ends with punctuation ("./.") is bounded by it.
    before = r"(?<!\w)" if phrase[0].isalnum() else ""
    after = r"(?!\w)" if phrase[-1].isalnum() else ""
    return re.compile(before + re.escape(phrase) + after, re.IGNORECASE)


@cache
def cue_rules() -> tuple[CueRule, ...]:
    return tuple(CueRule.from_dict(d) for d in json_data("cue_task.json")["cues"])


@dataclass(frozen=True, slots=True)
class CueHit:
    rule: CueRule
    start: int
    end: int


def find_cues(text: str, start_offset: int = 0, context: str = "") -> list[CueHit]:
    """Return the cues found in a candidate `text` (its body starts at `start_offset`) and its context."""
    hits = []
    for rule in cue_rules():
        haystack = context if rule.where == "context" else text
        for m in rule.pattern.finditer(haystack):
            if rule.where == "start" and not (start_offset <= m.start() <= start_offset + START_WINDOW):
                continue
            hits.append(CueHit(rule, m.start(), m.end()))
            if rule.where != "any":
                break
    return _drop_nested(hits)


def _drop_nested(hits: list[CueHit]) -> list[CueHit]:
    """Keep 'đã hoàn thành' and drop the 'đã' and 'hoàn thành' inside it."""
    kept = []
    for hit in hits:
        inside = any(
            other is not hit and other.rule.where == hit.rule.where and other.start <= hit.start
            and hit.end <= other.end and (other.end - other.start) > (hit.end - hit.start)
            for other in hits
        )
        if not inside:
            kept.append(hit)
    return kept


def rule_score(hits: list[CueHit]) -> float:
    """Sum the weights of the cues, each rule counted once."""
    seen: dict[tuple[str, str], float] = {}
    for hit in hits:
        seen[(hit.rule.phrase, hit.rule.where)] = hit.rule.weight
    return sum(seen.values())
