"""Every unit_/role_ data file is NFC, duplicate-free and uses only known columns and keys."""

from __future__ import annotations

import json
import unicodedata
from importlib import resources

import pytest

from extractors.role_rules import RoleRule, cues
from extractors.units import HeadRule, UnitDataError, grammar

DATA = resources.files("extractors").joinpath("data")
FILES = sorted(p.name for p in DATA.iterdir() if p.name.startswith(("unit_", "role_")))
KEYS = {
    "unit_heads.json": {"_doc", "heads"},
    "unit_names.json": {"_doc", "sector", "party", "bodies"},
    "unit_stops.json": {"_doc", "stops", "keeps", "documents", "connectors", "modals", "links"},
    "unit_collectives.json": {
        "_doc", "nouns", "qualifiers", "having", "pairs", "relatives", "owners", "blocked", "addressed_after",
        "addressed_openers", "private", "verbal",
    },
    "unit_levels.json": {"_doc", "levels", "plurals", "titles"},
    "role_cues.json": {"_doc", "rules", "transparent", "instructing_titles"},
    "unit_actors.json": {"_doc", "actors"},
}
PLACE_KINDS, ERAS = {"province", "city"}, {"old", "new", "both"}


def test_every_file_is_known() -> None:
    assert set(FILES) == set(KEYS) | {"unit_places.tsv"}


@pytest.mark.parametrize("name", FILES)
def test_nfc(name: str) -> None:
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text), f"{name} is not NFC"


@pytest.mark.parametrize("name", [n for n in FILES if n.endswith(".json")])
def test_json_keys_and_duplicates(name: str) -> None:
    data = json.loads(DATA.joinpath(name).read_text(encoding="utf-8"))
    assert set(data) == KEYS[name]
    for field, values in data.items():
        if isinstance(values, list):
            flat = [json.dumps(v, ensure_ascii=False, sort_keys=True) for v in values]
            assert len(flat) == len(set(flat)), f"{name}:{field} has duplicates"


def test_places_columns() -> None:
    rows = [r.split("\t") for r in DATA.joinpath("unit_places.tsv").read_text(encoding="utf-8").splitlines()
            if r and not r.startswith("#")]
    assert all(len(r) == 3 and r[1] in PLACE_KINDS and r[2] in ERAS for r in rows)
    assert len({r[0] for r in rows}) == len(rows)
    assert sum(r[2] != "new" for r in rows) == 63 and sum(r[2] != "old" for r in rows) == 34


def test_heads_unique_and_loadable() -> None:
    heads = json.loads(DATA.joinpath("unit_heads.json").read_text(encoding="utf-8"))["heads"]
    names = [alias for h in heads for alias in (h["head"], *h.get("aliases", []))]
    assert len(names) == len(set(names))
    assert grammar() is grammar() and cues() is cues()


def test_every_names_group_of_a_head_exists() -> None:
    heads = json.loads(DATA.joinpath("unit_heads.json").read_text(encoding="utf-8"))["heads"]
    assert {h["names"] for h in heads if "names" in h} <= set(grammar().names)


def test_private_nouns_are_collective_nouns() -> None:
    coll = json.loads(DATA.joinpath("unit_collectives.json").read_text(encoding="utf-8"))
    assert set(coll["private"]) <= set(coll["nouns"]) and set(coll["verbal"]) <= set(coll["nouns"])


def test_modals_and_links_are_stop_words() -> None:
    stops = json.loads(DATA.joinpath("unit_stops.json").read_text(encoding="utf-8"))
    assert set(stops["modals"]) <= set(stops["stops"]) and set(stops["links"]) <= set(stops["stops"])


def test_having_phrases_are_stop_phrases() -> None:
    """A listed "có" phrase is a verb as a rule (a stop) that may still qualify a collective."""
    coll = json.loads(DATA.joinpath("unit_collectives.json").read_text(encoding="utf-8"))
    stops = json.loads(DATA.joinpath("unit_stops.json").read_text(encoding="utf-8"))
    assert set(coll["having"]) <= set(stops["stops"]) and all(p.startswith("có ") for p in coll["having"])


def test_unknown_keys_are_rejected_with_the_allowed_ones() -> None:
    with pytest.raises(UnitDataError, match="allowed keys") as err:
        HeadRule.from_dict({"head": "Sở", "name": "sector"}, "unit_heads.json")
    assert err.value.code == "E311" and "unit_heads.json" in str(err.value)
    with pytest.raises(UnitDataError, match="bad role"):
        RoleRule.from_dict({"cue": "giao", "role": "boss", "direction": "forward"}, "role_cues.json")
