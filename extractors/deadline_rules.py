"""Typed records for the deadline grammar's data files, and their loader.

One record per line of `extractors/data/deadline_*.jsonl` (see `deadline_README.md` there);
`rule_from_dict` rejects unknown keys and names the allowed ones, so a typo in a data file
fails loudly at load time instead of silently matching nothing.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar

from chidao.errors import ExtractionError

# "event": an occasion the text does not date ("trước Tết Nguyên đán"); "vague": a part of a year
# with no last day ("đầu năm 2026"). Both keep their phrase with no date (NOTES 1.6).
GRANULARITIES = ("day", "week", "month", "quarter", "half", "year", "relative", "event", "vague", "urgency")


@dataclass(frozen=True, slots=True)
class MacroRule:
    name: str
    pattern: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class FormRule:
    name: str
    pattern: str
    granularity: str
    resolve: str
    words: dict[str, Any] | None = None
    excluded_cues: tuple[str, ...] = ()  # cues that never govern it ("trước 1975" narrates, "Thời hạn: 2026" is due)
    requires_recurrence: str | None = None  # the RRULE that must follow ("20" only in "20 hằng tháng")
    clause_recurrence: str | None = None  # an RRULE stated elsewhere in its clause that it takes, with its day
    cues: tuple[str, ...] | None = None  # the only cues that may govern it ("trước Tết", never "trong mùa mưa")
    always_cued: bool = False  # needs a cue even in a table cell (a bare count, an occasion in a task's words)
    note: str = ""


@dataclass(frozen=True, slots=True)
class CueRule:
    phrase: str
    only: tuple[str, ...] | None = None  # the granularities it may govern; None: all
    only_recurring: tuple[str, ...] = ()  # more it may govern when they repeat ("vào ngày 20 hằng tháng")
    requires_from: bool = False  # a count it governs must say "kể từ ..." ("sau 30 ngày kể từ")
    requires_after: str | None = None  # a regex the words after the expression must match
    not_after: str | None = None  # a regex the words before the cue must not end with ("năm trước")
    label: bool = False  # may head a label: "Thời hạn nộp báo cáo: ngày 15/6/2026"
    lead_in: str | None = None  # first words that license it but stay out of the text ("phấn đấu" đến)
    note: str = ""


@dataclass(frozen=True, slots=True)
class PhraseRule:
    phrase: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class AnchorRule:
    """What "kể từ ngày ..." may name to mean the document's own date."""

    phrase: str
    must_end: bool = False  # "ký" alone or before "và": the document; "ký hợp đồng" is another event
    before_name: bool = False  # may precede the name the document gives itself: "ký Thông báo này"
    note: str = ""


@dataclass(frozen=True, slots=True)
class RecurrenceRule:
    phrase: str
    rrule: str
    granularity: str
    standalone: bool = False  # a mention even mid-clause ("định kỳ hằng quý")
    attached_only: bool = False  # only after a time it extends ("năm 2026 và các năm tiếp theo")
    note: str = ""


@dataclass(frozen=True, slots=True)
class UrgencyRule:
    phrase: str
    not_after: str | None = None
    not_before: str | None = None
    continuous: bool = False  # the work never ends ("thường xuyên"): it takes no deadline from its list intro
    note: str = ""


@dataclass(frozen=True, slots=True)
class VariantRule:
    text: str
    variants: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class BlockerRule:
    """Words before a cue that make the time it governs something other than a due date."""

    phrase: str
    kind: str  # "forecast" (dự kiến), "as_of" (số liệu tính đến hết ngày ...)
    cues: tuple[str, ...] | None = None  # the cues it blocks; None: every cue
    window: int = 40  # how many characters before the cue the phrase may stand
    after: str | None = None  # a regex the words before the phrase must end with (a cited document's number)
    breaks: str = ".;:\n"  # characters that end the phrase's reach (a cited title ends at its comma)
    through_cues: bool = False  # reaches past other cues: a cited title blocks whatever it says
    note: str = ""


@dataclass(frozen=True, slots=True)
class NounFrameRule:
    """Words after which a bare "hằng năm" qualifies a noun, not the action."""

    phrase: str
    kind: str  # "preposition" (vào, trong: anywhere earlier in the clause) or "noun" (right before)
    note: str = ""


R = TypeVar("R")
DATA_FILES: dict[str, type] = {
    "deadline_macros.jsonl": MacroRule, "deadline_forms.jsonl": FormRule,
    "deadline_cues.jsonl": CueRule, "deadline_fillers.jsonl": PhraseRule,
    "deadline_anchors.jsonl": AnchorRule, "deadline_recurrence.jsonl": RecurrenceRule,
    "deadline_urgency.jsonl": UrgencyRule, "deadline_variants.jsonl": VariantRule,
    "deadline_blockers.jsonl": BlockerRule, "deadline_noun_frames.jsonl": NounFrameRule,
    "deadline_events.jsonl": PhraseRule, "deadline_self_names.jsonl": PhraseRule,
    "deadline_occasions.jsonl": PhraseRule,
}


def rule_from_dict(cls: type[R], data: dict[str, Any], where: str) -> R:
    """Build a rule record, rejecting unknown or missing keys with an error naming the line."""
    allowed = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ExtractionError(where, f"unknown keys {unknown}", f"allowed keys: {sorted(allowed)}")
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    try:
        return cls(**values)
    except TypeError as exc:
        raise ExtractionError(where, f"bad rule: {exc}", "give every required key") from exc


def load_rules(name: str) -> list[Any]:
    """Load one `extractors/data/deadline_*.jsonl` file as typed rule records."""
    path = resources.files("extractors").joinpath("data").joinpath(name)
    rules: list[Any] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            where = f"extractors/data/{name}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ExtractionError(where, f"not JSON: {exc}", "one JSON object a line") from exc
            rules.append(rule_from_dict(DATA_FILES[name], data, where))
    return rules
