"""Scan a text for time expressions that a deadline cue governs.

A time expression is a deadline only when a cue (trước, chậm nhất, hoàn thành, trong,
thời hạn ...) stands before it with fillers alone between, so document references
("Nghị định số 180/2026/NĐ-CP ngày 21/5/2026"), past events and meeting times stay out.
A blocker before the cue ("dự kiến", "số liệu tính đến hết ngày") turns the time into a
forecast or an as-of date, which is no deadline either.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from extractors.deadline_events import EventDates
from extractors.deadline_grammar import grammar
from extractors.deadline_mention import DeadlineMention
from extractors.deadline_recurrence import clause_recurrence, recurrence_mentions
from extractors.deadline_resolution import AFTER_COUNT, Found, resolve
from extractors.deadline_rules import BlockerRule, CueRule
from extractors.deadline_urgency import urgency_mentions

_CUE_WINDOW = 60  # a cue and its fillers sit within this many characters before the date
RANGE_LINK = re.compile(r"\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s*)?", re.IGNORECASE)
_RANGE_START = re.compile(r"(?<!\w)từ\s+(?:ngày\s*)?$", re.IGNORECASE)
_AFTER_WINDOW = 200  # how far back a blocker's required words (a cited document's number) may start
_LABEL_TAIL = re.compile(r"[^.;:\n]{0,40}:")  # "Thời hạn nộp báo cáo:" — a label's words up to its colon


def _candidates(text: str) -> list[Found]:
    """Every form match, longest first at each position, without overlaps."""
    g, found = grammar(), []
    for form, pattern in g.forms:
        for match in pattern.finditer(text):
            suffix = g.recurrence_after.match(text, match.end())
            rec = g.recurrences[g.canon(suffix["rec"] or suffix["paren"])] if suffix else None
            end = suffix.end() if suffix else match.end()
            if rec is None and form.clause_recurrence:  # "định kỳ hằng năm (trước ngày 10/12)"
                rec = clause_recurrence(text, match.start(), match.end(), form.clause_recurrence)
            if form.requires_recurrence and (rec is None or rec.rrule != form.requires_recurrence):
                continue
            found.append(Found(match.start(), end, form, match, rec))
    found.sort(key=lambda f: (f.start, f.start - f.end))
    kept: list[Found] = []
    for item in found:
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def _cue_before(text: str, found: Found) -> tuple[str, int, int] | None:
    """Return (cue as in the data file, where its text begins, its end) of the nearest cue that governs
    `found` with fillers alone between ("chậm nhất đến ngày ...": "đến" governs only a year)."""
    g, start = grammar(), found.start
    window_start = max(0, start - _CUE_WINDOW)
    for cue in reversed(list(g.cues.finditer(text, window_start, start))):
        for name, begin in _readings(text, cue):
            rule = g.cue_rules[name]
            if rule.not_after and re.search(rule.not_after, text[max(0, cue.start() - 20):cue.start()], re.I):
                continue  # "từ ngày 15/12 năm trước đến ...": "năm trước" is the previous year, no cue
            tail = g.filler_tail.fullmatch(text, cue.end(), start)
            if not tail and rule.label:
                label = _LABEL_TAIL.match(text, cue.end(), start)
                tail = g.filler_tail.fullmatch(text, label.end(), start) if label else None
            if tail and _cue_governs(rule, found, text):
                return name, begin, cue.end()
    return None


def _readings(text: str, cue: re.Match[str]) -> Iterator[tuple[str, int]]:
    """Yield the cue as found and, when it opens with a lead-in ("phấn đấu đến"), the plain cue after it,
    each with where its text begins: the lead-in licenses more ("phấn đấu đến ngày 31/12 giải ngân")
    but takes nothing away ("phấn đấu đến năm 2025 hoàn thành") and is no part of the time."""
    g = grammar()
    name = g.canon(cue[0])
    lead_in = g.cue_lead_ins.get(name)
    lead = lead_in.match(text, cue.start()) if lead_in else None
    if lead is None:
        yield name, cue.start()
        return
    yield name, lead.end()
    plain = g.canon(text[lead.end():cue.end()])
    if plain in g.cue_rules:
        yield plain, lead.end()


def _cue_governs(rule: CueRule, found: Found, text: str) -> bool:
    """Whether the cue may govern this kind of expression ("sau" only a count with "kể từ")."""
    if rule.phrase in found.form.excluded_cues:
        return False
    if found.form.cues is not None and rule.phrase not in found.form.cues:
        return False  # an occasion only after "trước": "trong mùa mưa" is a duration (NOTES 1.6)
    granularity = found.form.granularity
    repeats = found.recurrence is not None and granularity in rule.only_recurring
    if rule.only is not None and granularity not in rule.only and not repeats:
        return False  # "họp vào ngày 20/3" is an event; "báo cáo vào ngày 20 hằng tháng" a schedule
    if rule.requires_after and not re.match(rule.requires_after, text[found.end:], re.I):
        return False  # "Đến năm 2015, hoàn thành ..." is due; "đến năm 2030 đạt 30%" is a horizon
    return not rule.requires_from or bool(AFTER_COUNT.match(text, found.end) and
                                          re.match(r"\s*,?\s*kể\s+từ", text[found.end:], re.I))


def _blocked(text: str, cue: str, cue_start: int, cue_end: int) -> bool:
    """Tell whether a blocker ("dự kiến", "cập nhật đến hết ngày", a cited title's "về việc")
    stands just before the cue and reaches it."""
    g = grammar()
    for rule, pattern, cues in g.blockers:
        if cues is not None and cue not in cues:
            continue
        window_start = max(0, cue_start - rule.window)
        for match in pattern.finditer(text, window_start, cue_end):
            if match.end() <= cue_end and _reaches(text, rule, match, cue_start):
                return True
    return False


def _reaches(text: str, rule: BlockerRule, match: re.Match[str], cue_start: int) -> bool:
    """Whether a blocker phrase governs the cue at `cue_start`: no clause break between them, no
    other cue either unless the rule reaches through cues, and the words before it as required."""
    between = text[match.end():cue_start]
    if any(char in between for char in rule.breaks):
        return False
    if not rule.through_cues and grammar().cues.search(text, match.end(), cue_start):
        return False  # "dự kiến hoàn thành trong quý II": the completion cue between still governs
    return not rule.after or bool(re.search(rule.after, text[max(0, match.start() - _AFTER_WINDOW):match.start()], re.I))


def _range_link(text: str, prev: Found | None, start: int) -> int | None:
    """When `start` ends a "từ X đến Y" range, return where "đến" begins."""
    if prev is None or not _RANGE_START.search(text, max(0, prev.start - 12), prev.start):
        return None
    link = RANGE_LINK.fullmatch(text, prev.end, start)
    return prev.end + len(link[0]) - len(link[0].lstrip()) if link else None


def time_mentions(text: str, ref: datetime.date | None, need_cue: bool,
                  events: EventDates | None = None) -> Iterator[DeadlineMention]:
    """Yield time expressions, governed by a cue (or by a range start) when `need_cue`."""
    prev, prev_cue = None, None
    for found in _candidates(text):
        cue = _cue_before(text, found)
        if cue and _blocked(text, *cue):
            prev, prev_cue = found, None
            continue  # "dự kiến tổ chức trong tháng 6": a forecast, not a due date
        begin = cue[1] if cue else found.start
        cue_name = cue[0] if cue else None
        link = _range_link(text, prev, found.start) if not cue else None
        if link is not None and prev_cue:
            begin, cue_name = link, prev_cue
        prev, prev_cue = found, cue_name
        resolved = resolve(found, text, ref, events)
        if resolved is None or (cue_name is None and (need_cue or found.form.always_cued)):
            continue  # a bare count ("1 năm 1 lần", "10 ngày") is no deadline even in a cell
        when, rule, end = resolved
        if need_cue and when and ref and when < ref:
            continue  # a deadline that has passed by the document's date is an event, not a task's due date
        rule = rule or (found.recurrence.rrule if found.recurrence else None)
        yield DeadlineMention(begin, end, text[begin:end], when, found.form.granularity, rule, cue_name)


def scan(text: str, doc_date: datetime.date | None, strict: bool,
         events: EventDates | None = None) -> list[DeadlineMention]:
    """All mentions of a text in order: cue-governed times, then recurrences and urgency words in the gaps.

    `strict` (running text) needs a cue for every time and a clause edge for a bare
    recurrence; a table cell is the deadline itself, so it needs neither.
    """
    mentions = list(time_mentions(text, doc_date, need_cue=strict, events=events))
    mentions += list(recurrence_mentions(text, mentions, need_edge=strict))
    mentions += list(urgency_mentions(text, mentions))
    return sorted(mentions, key=lambda m: m.start)
