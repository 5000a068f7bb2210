"""The deadline data files: NFC, no duplicates, only known keys, and every rule compiles."""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from importlib import resources

import pytest

from chidao.errors import ExtractionError
from extractors import deadline_rules, deadlines

FILES = sorted(deadlines.DATA_FILES)
KEYS = {"deadline_forms.jsonl": "name", "deadline_macros.jsonl": "name", "deadline_variants.jsonl": "text"}


def lines(name: str) -> list[str]:
    path = resources.files("extractors").joinpath("data", name)
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_deadline_data_file_is_registered() -> None:
    on_disk = {p.name for p in resources.files("extractors").joinpath("data").iterdir()
               if p.name.startswith("deadline_") and p.name.endswith(".jsonl")}
    assert on_disk == set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_nfc_known_keys_no_duplicates(name: str) -> None:
    allowed = {f.name for f in dataclasses.fields(deadlines.DATA_FILES[name])}
    seen = set()
    for line in lines(name):
        assert unicodedata.is_normalized("NFC", line), line
        record = json.loads(line)
        assert set(record) <= allowed, (name, set(record) - allowed)
        key = record[KEYS.get(name, "phrase")].casefold()
        assert key not in seen, (name, key)
        seen.add(key)
    assert deadlines.load_rules(name)


def test_forms_name_known_resolvers_and_granularities() -> None:
    for form in deadlines.load_rules("deadline_forms.jsonl"):
        assert form.granularity in deadlines.GRANULARITIES
        assert form.resolve in {"dmy", "dm", "day_of_month", "my", "m", "qy", "q", "half", "y",
                                "month_rel", "quarter_rel", "year_rel", "relative",
                                "quarter_month_day", "day_next_month", "dm_rel", "week_rel", "weekday",
                                "months_of_year", "m_rel", "q_rel", "undated"}


def test_recurrence_rules_are_rfc5545() -> None:
    for rule in deadlines.load_rules("deadline_recurrence.jsonl"):
        assert re.fullmatch(r"FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;INTERVAL=\d+)?", rule.rrule)
        assert rule.granularity in deadlines.GRANULARITIES


def test_cue_limits_name_granularities() -> None:
    for cue in deadlines.load_rules("deadline_cues.jsonl"):
        assert set(cue.only or ()) <= set(deadlines.GRANULARITIES)


def test_cue_requirements_compile() -> None:
    for cue in deadlines.load_rules("deadline_cues.jsonl"):
        if cue.requires_after:
            re.compile(cue.requires_after)


def test_urgency_exceptions_compile() -> None:
    for rule in deadlines.load_rules("deadline_urgency.jsonl"):
        for pattern in (rule.not_after, rule.not_before):
            if pattern:
                re.compile(pattern)


def test_blocker_rules_compile_and_keep_a_clause_end() -> None:
    for rule in deadlines.load_rules("deadline_blockers.jsonl"):
        if rule.after:
            re.compile(rule.after)
        assert rule.breaks and rule.window > 0, rule.phrase  # a blocker with no end would reach the whole text


def test_self_names_are_capitalized_document_kinds() -> None:
    anchors = {a.phrase.casefold() for a in deadlines.load_rules("deadline_anchors.jsonl")}
    for rule in deadlines.load_rules("deadline_self_names.jsonl"):
        assert rule.phrase[:1].isupper() and not rule.phrase.casefold().endswith("này"), rule.phrase
        assert f"{rule.phrase} này".casefold() not in anchors  # built from the name, not listed twice


def test_grammar_compiles() -> None:
    assert deadlines.grammar().forms


def test_unknown_keys_are_rejected_with_the_allowed_ones() -> None:
    with pytest.raises(ExtractionError) as error:
        deadlines.rule_from_dict(deadline_rules.CueRule, {"phrase": "trước", "scope": 3}, "deadline_cues.jsonl:1")
    assert "scope" in str(error.value) and "phrase" in str(error.value)
    assert error.value.code == "E301"


def test_missing_keys_are_rejected() -> None:
    with pytest.raises(ExtractionError):
        deadlines.rule_from_dict(deadline_rules.RecurrenceRule, {"phrase": "hằng tuần"}, "deadline_recurrence.jsonl:1")
