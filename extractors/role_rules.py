"""The role cue rules of role_cues.json as typed records, and the word lists roles.py reads.

A rule has a direction and a scope, like medspaCy's context rules: "phối hợp với" looks
forward up to 3 tokens for the units that coordinate.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from extractors.unit_grammar import PhraseTable, UnitDataError, check_keys, load_json, tokenize

ROLES = ("assigner", "mention", "lead", "support")  # precedence, strongest first


@dataclass(frozen=True, slots=True)
class RoleRule:
    """A cue with a direction and a scope (see role_cues.json `_doc`)."""

    cue: str
    role: str
    direction: str
    scope: int = 0
    not_followed_by: tuple[str, ...] = ()
    needs_addressee: bool = False
    lead_when_alone: bool = False
    not_before_number: bool = False
    at_opening: str | None = None  # the role instead when the cue opens the item ("- Chỉ đạo Y ...")
    unit_subject: str | None = None  # the role instead after a unit subject ("Bộ Công an chỉ đạo Y ...")
    after_mention: str | None = None  # the role instead right after a unit only mentioned ("đôn đốc Y phối hợp với Z")

    @classmethod
    def from_dict(cls, raw: dict[str, Any], source: str) -> RoleRule:
        """Build a rule, rejecting unknown keys, roles and directions."""
        check_keys(raw, {f.name for f in fields(cls)}, source)
        instead = (raw.get(name, "lead") for name in ("at_opening", "unit_subject", "after_mention"))
        bad_opening = any(role not in ROLES for role in instead)
        if raw.get("role") not in ROLES or raw.get("direction") not in ("forward", "backward") or bad_opening:
            raise UnitDataError(source, f"cue {raw.get('cue')!r}: bad role or direction", f"role in {ROLES}")
        tupled: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()}
        return cls(**tupled)


@cache
def transparent() -> PhraseTable:
    """Adverbs and clause openers that do not count in a cue's scope ("cũng", "đồng thời")."""
    return PhraseTable((w, w) for w in load_json("role_cues.json")["transparent"])


@cache
def cues() -> PhraseTable:
    """Load the cue rules of role_cues.json, indexed by cue phrase (once per process)."""
    src = "extractors/data/role_cues.json"
    rules = [RoleRule.from_dict(r, src) for r in load_json("role_cues.json")["rules"]]
    by_cue: dict[str, list[RoleRule]] = {}
    for rule in rules:
        by_cue.setdefault(rule.cue, []).append(rule)
    return PhraseTable(by_cue.items())


@cache
def list_words() -> frozenset[str]:
    """Keys of the words an elliptical head may contain: "các", ",", head, level and collective noun words."""
    heads = load_json("unit_heads.json")["heads"]
    phrases = [p for h in heads for p in (h["head"], *h.get("aliases", []))]
    phrases += [lv["level"] for lv in load_json("unit_levels.json")["levels"]]
    phrases += load_json("unit_collectives.json")["nouns"]  # "các Sở, ngành: Công Thương, Xây dựng"
    return frozenset({"các", ","} | {t.key for p in phrases for t in tokenize(p)})


@cache
def instructing_titles() -> PhraseTable:
    """Titles whose holder's "chỉ đạo" goes to the unit after it (see role_cues.json)."""
    return PhraseTable((w, w) for w in load_json("role_cues.json")["instructing_titles"])


@cache
def person_heads() -> frozenset[str]:
    """Heads that name a person, not a body ("Thủ tướng Chính phủ"): their instructions go to others."""
    return frozenset(h["head"] for h in load_json("unit_heads.json")["heads"] if h.get("person"))
