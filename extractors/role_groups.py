"""Group the units of one task text into lists a role cue reaches as a whole.

Units are grouped when only commas, "và", "hoặc" or titles stand between them; an elliptical
list keeps its head ("các Sở: Công Thương, Tài chính"), and its items may be separated by ";".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors.role_rules import list_words
from extractors.units import Token, UnitMention, grammar, tokenize

_CONNECTORS = frozenset({",", "và", "hoặc"})


@dataclass(slots=True)
class Group:
    """Units joined by commas, "và" or titles, over tokens [i, j)."""

    i: int
    j: int
    members: list[UnitMention]
    roles: set[str] = field(default_factory=set)
    soft: bool = False  # its support comes from a lead_when_alone rule
    forward: bool = False  # its role came from a cue before it


def token_range(toks: Sequence[Token], unit: UnitMention) -> tuple[int, int]:
    """Return the tokens [i, j) a unit covers; units start and end on token edges."""
    i = bisect_left(toks, unit.start, key=lambda t: t.start)
    return i, bisect_left(toks, unit.end, lo=i, key=lambda t: t.end) + 1


def title_len(toks: Sequence[Token], k: int) -> int:
    """Return how many tokens at k are a title ("Giám đốc", "Phó Chủ tịch"), 0 when none."""
    m = grammar().titles.match(toks, k)
    return m[0] if m else 0


def is_title_only(text: str) -> bool:
    """Tell whether `text` is a title and nothing else: what may stand before a unit that is a subject
    ("Thủ trưởng các cơ quan, đơn vị chỉ đạo ..."); False for an empty text."""
    toks = tokenize(text)
    return bool(toks) and title_len(toks, 0) == len(toks)


def group_units(text: str, toks: Sequence[Token], units: Sequence[UnitMention]) -> list[Group]:
    """Join units that only commas, "và" and titles separate; keep an elliptical head with its list."""
    groups: list[Group] = []
    for unit in units:
        i, j = token_range(toks, unit)
        completed = unit.text != " ".join(text[unit.start : unit.end].split())  # an item of an elliptical list
        if completed and i > 0 and (toks[i - 1].text == ":" or toks[i - 1].key in list_words()):
            i = _list_head(toks, i - 1 if toks[i - 1].text == ":" else i, groups[-1].j if groups else 0)
        if groups and (_joined(toks, groups[-1].j, i) or (completed and _semicolon_list(toks, groups[-1].j, i))):
            groups[-1].j, groups[-1].members = j, [*groups[-1].members, unit]
        else:
            groups.append(Group(i, j, [unit]))
    return groups


def _list_head(toks: Sequence[Token], colon: int, floor: int) -> int:
    """Return where an elliptical list's head begins ("các Sở:", "các Sở, ngành:", "UBND các phường"),
    at most 7 tokens back."""
    words = list_words()
    k = colon
    while k > max(floor, colon - 7) and toks[k - 1].key in words:
        k -= 1
    while k < colon and toks[k].text == ",":
        k += 1  # "Sáu là, các Sở: ...": the comma before the head is not in it
    return k


def _semicolon_list(toks: Sequence[Token], k: int, end: int) -> bool:
    """Tell whether only ";" stands in [k, end): the items of one elliptical list ("các Sở: Tài chính; Xây dựng")."""
    return end == k + 1 and toks[k].text == ";"


def _joined(toks: Sequence[Token], k: int, end: int) -> bool:
    while k < end:
        step = 1 if toks[k].key in _CONNECTORS else title_len(toks, k)
        if step == 0:
            return False
        k += step
    return True
