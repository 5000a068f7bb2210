"""Decide which units of one task text lead, which support, and who assigns.

Cue rules come from `role_cues.json`: each has a direction and a scope, like medspaCy's
context rules ("phối hợp với" looks forward up to 3 tokens for the units that coordinate).
Units are grouped into lists (role_groups.py), so a cue reaches the whole list it names. A unit at the start of an item with no cue of its own is the
item's subject and leads ("1. Sở Công Thương chủ động ..."). Units merely mentioned
(a report recipient, a document's author) and the assigner are neither lead nor support.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from extractors.role_groups import Group, group_units, title_len, token_range
from extractors.role_rules import ROLES, RoleRule, cues, instructing_titles, person_heads, transparent
from extractors.units import Token, UnitMention, find_units, tokenize

__all__ = ["RoleRule", "Roles", "assign_roles"]

_ORDINALS = r"(?:nhất|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)"
# An item's own marker: "1.", "a)", "(3).", "- ", "Điều 3.", "Thứ hai,", "Sáu là,".
_MARKER = re.compile(
    r"^\s*(?:(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]|\(\d+\)\.?|[-+•–*]|Điều\s+\d+\s*[.:]"
    rf"|Thứ\s+{_ORDINALS}\s*,?|{_ORDINALS}\s+là\s*[,:]?)\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Roles:
    """Lead and support units of one task, in text order, and who assigned it."""

    lead: list[UnitMention] = field(default_factory=list)
    support: list[UnitMention] = field(default_factory=list)
    assigner: str | None = None


def _skip(toks: Sequence[Token], k: int) -> int:
    """Return how many tokens at k are a title or a transparent word (0 when neither)."""
    m = transparent().match(toks, k)
    return m[0] if m else title_len(toks, k)


def _gap(toks: Sequence[Token], k: int, end: int, names_too: bool, limit: int) -> int:
    """Count the tokens in [k, end) that are not titles (nor, for an assigner, name words),
    stopping once the count passes `limit` (a cue's scope: the rest cannot matter)."""
    count = 0
    while k < end and count <= limit:
        step = _skip(toks, k)
        if step == 0:
            step, count = 1, count + (0 if names_too and toks[k].cap and toks[k].word else 1)
        k += step
    return count


def _apply(rule: RoleRule, i: int, j: int, toks: Sequence[Token], groups: list[Group]) -> Group | None:
    """Give `rule.role` to the nearest group in the rule's direction, if within its scope."""
    starts_unit = any(g.i == j for g in groups)  # "Giao Ban Xây dựng Đảng": a unit, not "giao ban"
    if not starts_unit and any(_words_follow(toks, j, w) for w in rule.not_followed_by):
        return None
    if rule.not_before_number and j < len(toks) and toks[j].text[0].isdigit():
        return None
    if rule.needs_addressee and not _addressed(toks, j, groups):
        return None
    if rule.direction == "forward":
        ahead = [g for g in groups if g.i >= j]
        target = ahead[0] if ahead and _gap(toks, j, ahead[0].i, False, rule.scope) <= rule.scope else None
    else:
        behind = [g for g in groups if g.j <= i]
        names = rule.role == "assigner"
        target = behind[-1] if behind and _gap(toks, behind[-1].j, i, names, rule.scope) <= rule.scope else None
        if target is not None and rule.role in ("lead", "mention") and "support" in target.roles and not target.soft:
            return None  # "phối hợp với các cơ quan khẩn trương / quản lý ...": the verb is the subject's
    if target is not None:
        target.roles.add(rule.role)
        target.soft = target.soft or rule.lead_when_alone
        target.forward = target.forward or rule.direction == "forward"
    return target


def _addressed(toks: Sequence[Token], j: int, groups: list[Group]) -> bool:
    """Tell whether a ":" or a unit group follows token j within 3 tokens."""
    if j < len(toks) and toks[j].text == ":":
        return True
    ahead = [g for g in groups if g.i >= j]
    return bool(ahead) and _gap(toks, j, ahead[0].i, False, 3) <= 3


def _words_follow(toks: Sequence[Token], j: int, phrase: str) -> bool:
    words = phrase.split()
    return [t.key for t in toks[j : j + len(words)]] == words


def _assigner_text(text: str, toks: Sequence[Token], group: Group, cue_at: int) -> str:
    """Return the assigner as written: titles before its last unit through the words before the cue."""
    last = group.members[-1]
    k, _ = token_range(toks, last)
    while k > 0 and (n := next((n for n in range(4, 0, -1) if k >= n and title_len(toks, k - n) == n), 0)):
        k -= n
    end = cue_at
    while end > k + 1 and _transparent_before(toks, end):
        end -= _transparent_before(toks, end)  # "Phó Thủ tướng cũng yêu cầu": not "... cũng"
    return " ".join(text[toks[k].start : toks[end - 1].end].split())


def _opening(text: str, toks: Sequence[Token]) -> int:
    """Return the index of the token that opens the item, after its list marker and titles."""
    marker = _MARKER.match(text)
    k = next((n for n, t in enumerate(toks) if t.start >= (marker.end() if marker else 0)), len(toks))
    while (n := title_len(toks, k)) > 0:
        k += n
    return k


def _subject(text: str, toks: Sequence[Token], groups: list[Group]) -> Group | None:
    """Return the group that opens the item (after its list marker and titles), if any."""
    k = _opening(text, toks)
    return groups[0] if groups and groups[0].i == k else None


def assign_roles(text: str, units: list[UnitMention] | None = None) -> Roles:
    """Split the units of one task text into lead and support, and find the assigner.

    Args:
        text: one task (a sentence or enumerated item).
        units: the units of `text` from `find_units`; found here when None.
    Returns:
        `Roles` with units in text order, each text once (lead wins over support).
    """
    units = find_units(text) if units is None else units
    toks = tokenize(text)
    groups = group_units(text, toks, units)
    inside = {k for u in units for k in range(*token_range(toks, u))}
    assigner, k, opening = None, 0, _opening(text, toks)
    while k < len(toks):
        m = cues().match(toks, k) if k not in inside else None
        if m is None:
            k += 1
            continue
        for rule in m[1]:
            rule = _in_context(rule, k, k == opening, toks, groups)
            target = _apply(rule, k, k + m[0], toks, groups)
            if target is not None and rule.role == "assigner" and assigner is None:
                assigner = _assigner_text(text, toks, target, k)
        k += m[0]
    opener = _subject(text, toks, groups)
    if opener is not None and not opener.roles:
        opener.roles.add("lead")
    _through_semicolons(toks, groups, opener)
    if not any("lead" in g.roles for g in groups):
        _lead_when_alone(toks, groups)
    return _collect(groups, assigner)


def _in_context(rule: RoleRule, k: int, opens: bool, toks: Sequence[Token], groups: list[Group]) -> RoleRule:
    """Return the rule with the role it takes where it stands: opening the item, after a unit subject
    or after a unit only mentioned (see role_cues.json `_doc`)."""
    if opens and rule.at_opening:
        return replace(rule, role=rule.at_opening)
    if rule.unit_subject and _after_unit_subject(toks, k, groups):
        return replace(rule, role=rule.unit_subject)
    if rule.after_mention and _after_mentioned(toks, k, groups):
        return replace(rule, role=rule.after_mention)
    return rule


def _after_unit_subject(toks: Sequence[Token], k: int, groups: list[Group]) -> bool:
    """Tell whether a unit, not a person, is the subject right before token k: "Bộ Công an chỉ đạo ...",
    "Ủy ban nhân dân tỉnh, chỉ đạo ..." (but "Phó Thủ tướng chỉ đạo", "Chủ tịch UBND tỉnh chỉ đạo")."""
    before = [g for g in groups if g.j <= k]
    if not before or _gap(toks, before[-1].j, k, False, 1) > 1 or not all(t.text == "," or t.word for t in toks[before[-1].j : k]):
        return False
    group = before[-1]
    title = next((n for n in range(1, 5) if group.i >= n and title_len(toks, group.i - n) == n), 0)
    if title and len(group.members) == 1 and not group.members[0].collective:
        # "Chủ tịch UBND tỉnh chỉ đạo Sở ...": an instruction reported; "Giám đốc Sở X chỉ đạo ...": X's task
        opening = instructing_titles().match(toks, group.i - title)
        if opening is not None and opening[0] == title:
            return False
    return group.members[0].head not in person_heads()


def _after_mentioned(toks: Sequence[Token], k: int, groups: list[Group]) -> bool:
    """Tell whether the nearest group before token k, with only words between, is only mentioned."""
    before = [g for g in groups if g.j <= k]
    return bool(before) and before[-1].roles == {"mention"} and all(t.word for t in toks[before[-1].j : k])


def _through_semicolons(toks: Sequence[Token], groups: list[Group], opener: Group | None) -> None:
    """Give a cue's role to the groups its target's list goes on with after ";" ("đề nghị A; B; C"),
    and the opening subject's to the subjects listed after it ("A; B; C có trách nhiệm: ...")."""
    for before, after in zip(groups, groups[1:]):
        if (before.forward or before is opener) and not after.roles and _semicolon_joined(toks, before.j, after.i):
            after.roles, after.forward = {r for r in before.roles if r in ("lead", "support")}, True


def _semicolon_joined(toks: Sequence[Token], k: int, end: int) -> bool:
    between = [t.key for t in toks[k:end]]
    return ";" in between and all(w in (";", ",", "và") for w in between)


def _lead_when_alone(toks: Sequence[Token], groups: list[Group]) -> None:
    """With no lead found, a soft support leads; else a clause's unnamed-role subject does."""
    soft = [g for g in groups if g.soft and "lead" not in g.roles]
    for group in soft:
        group.roles = {"lead"}
    if soft:
        return
    subject = next((g for g in groups if not g.roles and _opens_clause(toks, g)), None)
    if subject is not None:
        subject.roles.add("lead")


def _opens_clause(toks: Sequence[Token], group: Group) -> bool:
    """Tell whether a group starts a clause (after ".", ",", ";" or the start) and a verb follows it."""
    k = group.i
    while k > 0 and _transparent_before(toks, k):
        k -= _transparent_before(toks, k)
    opens = k == 0 or toks[k - 1].text in (".", ",", ";", ":")
    follows = group.j < len(toks) and toks[group.j].word and not toks[group.j].cap
    return opens and follows


def _transparent_before(toks: Sequence[Token], k: int) -> int:
    for n in (1, 2, 3):
        if k - n >= 0 and (m := transparent().match(toks, k - n)) and m[0] == n:
            return n
    return 0


def _collect(groups: list[Group], assigner: str | None) -> Roles:
    lead: dict[str, UnitMention] = {}
    support: dict[str, UnitMention] = {}
    for group in groups:
        role = next((r for r in ROLES if r in group.roles), None)
        target = lead if role == "lead" else support if role == "support" else None
        if target is None:
            continue
        for unit in group.members:
            target.setdefault(unit.text, unit)
    for name in lead:
        support.pop(name, None)
    return Roles(lead=list(lead.values()), support=list(support.values()), assigner=assigner)
