"""Vietnamese deadline grammar: find the phrases that set a task's due date and resolve them.

The phrases live in `extractors/data/deadline_*.jsonl` (see `deadline_README.md` there); this
module compiles them and applies one rule: a time expression is a deadline only when a cue
(trước, chậm nhất, hoàn thành, trong, thời hạn ...) governs it, so document references
("Nghị định số 180/2026/NĐ-CP ngày 21/5/2026"), past events and meeting times stay out.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from chidao.errors import ExtractionError
from extractors import dates

GRANULARITIES = ("day", "month", "quarter", "half", "year", "relative", "urgency")
_CUE_WINDOW = 60  # a cue and its fillers sit within this many characters before the date
_EDGE = 30  # context read around an urgency word or a relative count
_RANGE_LINK = re.compile(r"\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s*)?", re.IGNORECASE)
_RANGE_START = re.compile(r"(?<!\w)từ\s+(?:ngày\s*)?$", re.IGNORECASE)
_AFTER_COUNT = re.compile(r"\s*,?\s*(?:kể\s+)?từ\s+(?:ngày\s*)?", re.IGNORECASE)
_PRECISION = {"day": 0, "relative": 0, "month": 1, "quarter": 2, "half": 3, "year": 4}
_MACRO = re.compile(r"\{([A-Z][A-Z0-9]*)\}")


@dataclass(frozen=True, slots=True)
class DeadlineMention:
    """One deadline phrase: where it is, what it says and the last day it allows."""

    start: int
    end: int
    text: str
    date: datetime.date | None
    granularity: str
    recurrence: str | None
    cue: str | None


# ---- typed rule records (one per data-file line) -------------------------------------------

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
    requires_recurrence: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class CueRule:
    phrase: str
    only: tuple[str, ...] | None = None  # the granularities it may govern; None: all
    requires_from: bool = False  # a count it governs must say "kể từ ..." ("sau 30 ngày kể từ")
    requires_after: str | None = None  # a regex the words after the expression must match
    note: str = ""


@dataclass(frozen=True, slots=True)
class PhraseRule:
    phrase: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class RecurrenceRule:
    phrase: str
    rrule: str
    granularity: str
    standalone: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class UrgencyRule:
    phrase: str
    not_after: str | None = None
    not_before: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class VariantRule:
    text: str
    variants: tuple[str, ...]
    note: str = ""


R = TypeVar("R")
DATA_FILES: dict[str, type] = {
    "deadline_macros.jsonl": MacroRule, "deadline_forms.jsonl": FormRule,
    "deadline_cues.jsonl": CueRule, "deadline_fillers.jsonl": PhraseRule,
    "deadline_anchors.jsonl": PhraseRule, "deadline_recurrence.jsonl": RecurrenceRule,
    "deadline_urgency.jsonl": UrgencyRule, "deadline_variants.jsonl": VariantRule,
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
    path = resources.files("extractors").joinpath("data", name)
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


# ---- the compiled grammar --------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Grammar:
    forms: tuple[tuple[FormRule, re.Pattern[str]], ...]
    cues: re.Pattern[str]
    cue_rules: dict[str, CueRule]
    filler_tail: re.Pattern[str]
    recurrence_after: re.Pattern[str]
    recurrence_any: re.Pattern[str]
    recurrences: dict[str, RecurrenceRule]
    anchors: re.Pattern[str]
    urgency: tuple[tuple[UrgencyRule, re.Pattern[str]], ...]
    canon: Callable[[str], str]


def _phrase_pattern(phrase: str, variants: list[VariantRule]) -> str:
    """Regex for a phrase: any whitespace between words, known spelling variants allowed."""
    words = []
    for word in phrase.split():
        pattern = re.escape(word)
        for rule in variants:
            if rule.text in word:
                options = "|".join(re.escape(v) for v in (rule.text, *rule.variants))
                pattern = pattern.replace(re.escape(rule.text), f"(?:{options})")
        words.append(pattern)
    return r"\s+".join(words)


def _alternation(phrases: list[str], variants: list[VariantRule]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)  # longest first: "trước ngày" before "trước"
    return "|".join(_phrase_pattern(p, variants) for p in ordered)


def _expand(pattern: str, macros: dict[str, str], where: str) -> str:
    def one(found: re.Match[str]) -> str:
        if found[1] not in macros:
            raise ExtractionError(where, f"unknown macro {{{found[1]}}}", "define it in deadline_macros.jsonl")
        return macros[found[1]]

    return _MACRO.sub(one, pattern)


@cache
def grammar() -> Grammar:
    """Compile the data files once per process."""
    variants: list[VariantRule] = load_rules("deadline_variants.jsonl")
    macros = {m.name: m.pattern for m in load_rules("deadline_macros.jsonl")}
    forms = tuple((f, re.compile(_expand(f.pattern, macros, f"deadline_forms.jsonl:{f.name}"), re.I))
                  for f in load_rules("deadline_forms.jsonl"))
    cue_rules: list[CueRule] = load_rules("deadline_cues.jsonl")
    fillers = [r.phrase for r in load_rules("deadline_fillers.jsonl")]
    recs: list[RecurrenceRule] = load_rules("deadline_recurrence.jsonl")
    anchors = [r.phrase for r in load_rules("deadline_anchors.jsonl")]
    undo = [(v, rule.text.lower()) for rule in variants for v in rule.variants]

    def canon(text: str) -> str:
        text = " ".join(text.lower().split())
        for variant, written in undo:
            text = text.replace(variant.lower(), written)
        return text

    rec_alt = _alternation([r.phrase for r in recs], variants)
    return Grammar(
        forms=forms,
        cues=re.compile(rf"(?<!\w)(?:{_alternation([c.phrase for c in cue_rules], variants)})(?!\w)", re.I),
        cue_rules={canon(c.phrase): c for c in cue_rules},
        filler_tail=re.compile(rf"(?:[\s:,\-–(]*(?:(?:{_alternation(fillers, variants)})(?!\w)|{macros['TIME_OF_DAY']}))*[\s:,\-–(]*", re.I),
        recurrence_after=re.compile(rf"[\s,]*(?:của\s+)?(?P<rec>{rec_alt})(?!\w)", re.I),
        recurrence_any=re.compile(rf"(?<!\w)(?:{rec_alt})(?!\w)", re.I),
        recurrences={canon(r.phrase): r for r in recs},
        anchors=re.compile(rf"(?:{_alternation(anchors, variants)})(?!\w)", re.I),
        urgency=tuple((u, re.compile(rf"(?<!\w){_phrase_pattern(u.phrase, variants)}(?!\w)", re.I))
                      for u in load_rules("deadline_urgency.jsonl")),
        canon=canon,
    )

# ---- resolving one time expression ------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Found:
    """A time expression matched by a form, with its recurrence suffix if any."""

    start: int
    end: int
    form: FormRule
    match: re.Match[str]
    recurrence: RecurrenceRule | None


_QUARTER = re.compile(r"IV|I{1,3}|[1-4]", re.I)


def _last_number(text: str) -> int:
    return int(re.findall(r"\d+", text)[-1])


def _last_quarter(text: str) -> int:
    return dates.roman_to_int(_QUARTER.findall(text)[-1])


def _word(found: _Found, group: str) -> Any:
    """Look up a captured word ("tới", "đầu", "tháng") in the form's `words` table."""
    table = found.form.words or {}
    text = found.match[group]
    return table[grammar().canon(text)] if text else 0


def _valid_month(month: int) -> bool:
    return 1 <= month <= 12


def _resolve_day(found: _Found, ref: datetime.date | None) -> tuple[datetime.date | None, str | None, bool]:
    """Resolve day-level forms; the bool says whether the numbers name a real day."""
    g, rec = found.match, found.recurrence
    day = int(g["d"])
    if found.form.resolve == "dmy":
        when = dates.make_date(int(g["y"]), int(g["m"]), day)
        return when, None, when is not None
    if found.form.resolve == "day_of_month":
        ok = 1 <= day <= 31
        when = dates.next_month_day_after(ref, day) if ref and ok else None
        return when, f"{rec.rrule};BYMONTHDAY={day}" if rec else None, ok
    month = int(g["m"])
    if dates.make_date(2000, month, day) is None:  # 2000 is a leap year: 29/2 is a real day
        return None, None, False
    if rec and rec.rrule == "FREQ=YEARLY":
        rule = f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}"
        nxt = ref + datetime.timedelta(days=1) if ref else None  # a recurrence starts after the document
        return (dates.next_day_on_or_after(nxt, month, day) if nxt else None), rule, True
    return (dates.next_day_on_or_after(ref, month, day) if ref else None), None, True


def _resolve_period(found: _Found, ref: datetime.date | None) -> tuple[datetime.date | None, str | None, bool]:
    """Resolve month, quarter, half-year and year forms to the period's last day."""
    g, kind = found.match, found.form.resolve
    year = int(g["y"]) if "y" in g.re.groupindex and g["y"] else None
    if kind in ("my", "m"):
        month = _last_number(g["m"])
        if not _valid_month(month):
            return None, None, False
        rule = f"FREQ=YEARLY;BYMONTH={month}" if found.recurrence and found.recurrence.rrule == "FREQ=YEARLY" else None
        end: Callable[[int], datetime.date] = lambda y: dates.end_of_month(y, month)
    elif kind in ("qy", "q"):
        quarter = _last_quarter(g["q"])
        end, rule = (lambda y: dates.end_of_quarter(y, quarter)), None
    elif kind == "half":
        half = int(_word(found, "which"))
        end, rule = (lambda y: dates.end_of_half(y, half)), None
    elif kind == "y":
        return dates.end_of_year(year) if year else None, None, True
    else:
        return _resolve_relative_period(found, ref), None, True
    if year:
        return end(year), rule, True
    return (dates.period_end_on_or_after(ref, end) if ref else None), rule, True


def _resolve_relative_period(found: _Found, ref: datetime.date | None) -> datetime.date | None:
    """Resolve "tháng này", "quý tới", "năm nay", "cuối năm" against the document date."""
    if ref is None:
        return None
    step = int(_word(found, "rel")) if "rel" in found.match.re.groupindex else 0
    if found.form.resolve == "month_rel":
        first = dates.add_months(ref.replace(day=1), step)
        return dates.end_of_month(first.year, first.month)
    if found.form.resolve == "quarter_rel":
        index = dates.quarter_of(ref) - 1 + step
        return dates.end_of_quarter(ref.year + index // 4, index % 4 + 1)
    return dates.end_of_year(ref.year + step)


def _count_from(text: str, pos: int, ref: datetime.date | None) -> tuple[datetime.date | None, int, bool]:
    """Read "kể từ ngày ký / ngày 15/7/2026 / ngày Luật có hiệu lực" after a count.

    Returns (the day counting starts from, the end of the phrase, whether it was understood).
    """
    lead = _AFTER_COUNT.match(text, pos)
    if not lead or not re.search(r"từ", lead[0], re.I):
        return ref, pos, True
    stated = dates.match_vn_date(text, lead.end())
    if stated:
        return stated[0], stated[1], stated[0] is not None
    anchor = grammar().anchors.match(text, lead.end())
    if anchor:
        return ref, anchor.end(), True
    return None, pos, False  # counted from an event whose date the text does not give


def _resolve_relative(found: _Found, text: str, ref: datetime.date | None) -> tuple[datetime.date | None, int]:
    """Resolve "10 ngày (làm việc) kể từ ...": the start day plus the count."""
    start, end, _ = _count_from(text, found.end, ref)
    if start is None:
        return None, end
    count, unit = int(found.match["n"]), str(_word(found, "unit"))
    if unit == "working_days":
        return dates.add_working_days(start, count), end
    if unit in ("days", "weeks"):
        return start + datetime.timedelta(days=count * (7 if unit == "weeks" else 1)), end
    return dates.add_months(start, count * (12 if unit == "years" else 1)), end


# ---- scanning a text ---------------------------------------------------------------------------

def _candidates(text: str) -> list[_Found]:
    """Every form match, longest first at each position, without overlaps."""
    g, found = grammar(), []
    for form, pattern in g.forms:
        for match in pattern.finditer(text):
            suffix = g.recurrence_after.match(text, match.end())
            rec = g.recurrences[g.canon(suffix["rec"])] if suffix else None
            if form.requires_recurrence and (rec is None or rec.rrule != "FREQ=MONTHLY"):
                continue
            end = suffix.end() if suffix and rec else match.end()
            found.append(_Found(match.start(), end, form, match, rec))
    found.sort(key=lambda f: (f.start, f.start - f.end))
    kept: list[_Found] = []
    for item in found:
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def _cue_before(text: str, found: _Found) -> tuple[str, int] | None:
    """Return (cue as in the data file, its offset) of the nearest cue that governs `found` with
    fillers alone between ("chậm nhất đến ngày ...": "đến" governs only a year, "chậm nhất" does)."""
    g, start = grammar(), found.start
    window_start = max(0, start - _CUE_WINDOW)
    for cue in reversed(list(g.cues.finditer(text, window_start, start))):
        tail = g.filler_tail.fullmatch(text, cue.end(), start)
        name = g.canon(cue[0])
        if tail and _cue_governs(g.cue_rules[name], found, text):
            return name, cue.start()
    return None


def _cue_governs(rule: CueRule, found: _Found, text: str) -> bool:
    """Whether the cue may govern this kind of expression ("sau" only a count with "kể từ")."""
    if rule.only is not None and found.form.granularity not in rule.only:
        return False
    if rule.requires_after and not re.match(rule.requires_after, text[found.end:], re.I):
        return False  # "Đến năm 2015, hoàn thành ..." is due; "đến năm 2030 đạt 30%" is a horizon
    return not rule.requires_from or bool(_AFTER_COUNT.match(text, found.end) and
                                          re.match(r"\s*,?\s*kể\s+từ", text[found.end:], re.I))


def _range_link(text: str, prev: _Found | None, start: int) -> int | None:
    """When `start` ends a "từ X đến Y" range, return where "đến" begins."""
    if prev is None or not _RANGE_START.search(text, max(0, prev.start - 12), prev.start):
        return None
    link = _RANGE_LINK.fullmatch(text, prev.end, start)
    return prev.end + len(link[0]) - len(link[0].lstrip()) if link else None


def _resolve(found: _Found, text: str, ref: datetime.date | None) -> tuple[datetime.date | None, str | None, int] | None:
    """Return (date, rrule, end) for a found expression, or None when it names no real time."""
    kind = found.form.resolve
    if kind == "relative":
        when, end = _resolve_relative(found, text, ref)
        return when, None, end
    if kind in ("dmy", "dm", "day_of_month"):
        when, rule, ok = _resolve_day(found, ref)
    else:
        when, rule, ok = _resolve_period(found, ref)
    return (when, rule, found.end) if ok else None


def _time_mentions(text: str, ref: datetime.date | None, need_cue: bool) -> Iterator[DeadlineMention]:
    """Yield time expressions, governed by a cue (or by a range start) when `need_cue`."""
    prev, prev_cue = None, None
    for found in _candidates(text):
        cue = _cue_before(text, found)
        begin = cue[1] if cue else found.start
        cue_name = cue[0] if cue else None
        link = _range_link(text, prev, found.start) if not cue else None
        if link is not None and prev_cue:
            begin, cue_name = link, prev_cue
        prev, prev_cue = found, cue_name
        resolved = _resolve(found, text, ref)
        if resolved is None or (cue_name is None and (need_cue or found.form.resolve == "relative")):
            continue  # a bare count ("1 năm 1 lần", "10 ngày") is no deadline even in a cell
        when, rule, end = resolved
        if need_cue and when and ref and when < ref:
            continue  # a deadline that has passed by the document's date is an event, not a task's due date
        rule = rule or (found.recurrence.rrule if found.recurrence else None)
        yield DeadlineMention(begin, end, text[begin:end], when, found.form.granularity, rule, cue_name)


def _free(spans: list[DeadlineMention], start: int, end: int) -> bool:
    return all(end <= m.start or start >= m.end for m in spans)


def _urgency_mentions(text: str, taken: list[DeadlineMention]) -> Iterator[DeadlineMention]:
    for rule, pattern in grammar().urgency:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - _EDGE):match.start()]
            after = text[match.end():match.end() + _EDGE]
            if rule.not_after and re.search(rule.not_after, before, re.I):
                continue
            if rule.not_before and re.search(rule.not_before, after, re.I):
                continue
            if _free(taken, match.start(), match.end()):
                yield DeadlineMention(match.start(), match.end(), match[0], None, "urgency", None, rule.phrase)


def _at_clause_edge(text: str, start: int, end: int) -> bool:
    """A bare "hằng năm" counts when it opens a sentence or item, or closes a clause."""
    before = text[:start].rstrip()
    after = text[end:].lstrip(" \t")
    return text[start].isupper() or not before or before[-1] in ".;:" or not after or after[0] in ".;\n"


def _recurrence_mentions(text: str, taken: list[DeadlineMention], need_edge: bool) -> Iterator[DeadlineMention]:
    g = grammar()
    for match in g.recurrence_any.finditer(text):
        rule = g.recurrences[g.canon(match[0])]
        if not _free(taken, match.start(), match.end()):
            continue
        if need_edge and not rule.standalone and not _at_clause_edge(text, match.start(), match.end()):
            continue
        yield DeadlineMention(match.start(), match.end(), match[0], None, rule.granularity, rule.rrule, rule.phrase)


def _scan(text: str, doc_date: datetime.date | None, strict: bool) -> list[DeadlineMention]:
    mentions = list(_time_mentions(text, doc_date, need_cue=strict))
    mentions += list(_recurrence_mentions(text, mentions, need_edge=strict))
    mentions += list(_urgency_mentions(text, mentions))
    return sorted(mentions, key=lambda m: m.start)


# ---- public entry points -----------------------------------------------------------------------

def find_deadlines(text: str, doc_date: datetime.date | None) -> list[DeadlineMention]:
    """Find the deadline phrases of a text, in order.

    Args:
        text: NFC text (a sentence, an item or a whole document); offsets point into it.
        doc_date: the document's date, the reference for partial and relative phrases.

    Returns:
        Mentions governed by a deadline cue, recurrences and urgency words. Dates before
        `doc_date` are left out: they report what happened, not what is due.
    """
    return _scan(text, doc_date, strict=True)


def parse_deadline_value(cell: str, doc_date: datetime.date | None) -> DeadlineMention | None:
    """Read a plan table's deadline cell ("Quý II/2026", "Trước 15/9", "Hằng năm", "Thường xuyên").

    The cell is the deadline, so no cue is needed; when it lists several periods
    ("Quý III, IV/2026, 2027") the latest counts. The mention spans the whole stripped cell.
    """
    mentions = _scan(cell, doc_date, strict=False)
    dated = [m for m in mentions if m.date is not None and m.granularity != "urgency"]
    chosen = max(dated, key=lambda m: m.date or datetime.date.min) if dated else choose_deadline(mentions)
    if chosen is None:
        return None
    start = len(cell) - len(cell.lstrip())
    end = len(cell.rstrip())
    return dataclasses.replace(chosen, start=start, end=end, text=cell[start:end])


def choose_deadline(mentions: list[DeadlineMention]) -> DeadlineMention | None:
    """Pick the task's due date among a sentence's mentions.

    A dated, cue-bearing mention wins over an undated one, and urgency comes last; among
    dated ones the most precise counts, then the first (a second date in a sentence is
    mostly another unit's step; "trong giai đoạn 2021-2025" is mostly scope), except that
    a "từ X đến Y" range is due at its end Y.
    """
    timed = [m for m in mentions if m.granularity != "urgency"]
    dated = [m for m in timed if m.date is not None]
    cued = [m for m in dated if m.cue is not None] or dated
    if not cued:
        pool = timed or mentions
        return pool[0] if pool else None
    chosen = min(cued, key=lambda m: _PRECISION.get(m.granularity, len(_PRECISION)))
    for later in cued[cued.index(chosen) + 1:]:
        if _RANGE_LINK.match(later.text) and later.text[:1] in "đĐtT-–" and later.start - chosen.end < 3:
            chosen = later
    repeats = next((m.recurrence for m in timed if m.date is None and m.recurrence), None)
    if chosen.recurrence is None and repeats:
        # "Hàng năm, tiến hành rà soát ... Đến năm 2015, hoàn thành": a yearly task due by 2015
        chosen = dataclasses.replace(chosen, recurrence=repeats)
    return chosen
