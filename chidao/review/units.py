"""Unit names a reviewer may pick: the unit gazetteer plus the units already in the store."""

from __future__ import annotations

from functools import cache

from chidao.review.vnsort import sorted_vi
from extractors.units import HeadRule, load_json

_SOURCE = "extractors/data/unit_heads.json"


@cache
def gazetteer_units() -> tuple[str, ...]:
    """Return the whole unit names the gazetteer knows, in Vietnamese order."""
    heads = [HeadRule.from_dict(h, _SOURCE) for h in load_json("unit_heads.json")["heads"]]
    names = load_json("unit_names.json")
    found: set[str] = set(names["bodies"])
    for rule in heads:
        if rule.bare:
            found.add(rule.head)
        if rule.names:
            found.update(f"{rule.head} {name}" for name in names[rule.names])
    return tuple(sorted_vi(list(found)))


def suggestions(store_units: list[str]) -> list[str]:
    """Return the gazetteer's names and the store's, each once, in Vietnamese order."""
    return sorted_vi(list({*gazetteer_units(), *(u.strip() for u in store_units if u.strip())}))
