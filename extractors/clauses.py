"""Cutting a candidate into the clauses that are tasks of their own (ANNOTATION.md §2).

"Giao Sở A làm X; Sở B làm Y" is one task per unit, split at the ';' or the sentence
boundary where a new subject leads; "..., vì vậy, cần bổ sung ..." is the directive after
the connective, the report before it is none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from extractors.candidate import Candidate
from extractors.deadlines import find_deadlines
from extractors.flat_tables import names_unit
from extractors.resources import json_data
from extractors.role_groups import is_title_only
from extractors.roles import assign_roles
from extractors.structure import sentences
from extractors.units import find_units

_CLAUSE_BREAK = re.compile(r";\s+(?:(?:đồng thời|còn|và)\s*,?\s+)?")
SUBJECT_REACH = 3  # characters after a clause break within which a unit opens a new clause


@cache
def _consequence_pattern() -> re.Pattern[str]:
    data = json_data("structure_consequences.json")
    connectives = "|".join(re.escape(w) for w in data["connectives"])
    openers = "|".join(re.escape(w) for w in data["openers"])
    return re.compile(rf",\s*(?:{connectives})\s*,?\s*(?=(?:{openers})(?!\w))", re.IGNORECASE)


def directive_clause(text: str, cand: Candidate) -> Candidate:
    """Narrow "..., vì vậy, cần bổ sung ..." to the directive after the connective."""
    m = _consequence_pattern().search(text, cand.body_start, cand.end)
    return replace(cand, start=m.end(), body_start=m.end(), directive=True) if m else cand


@cache
def _verbs(key: str) -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in sorted(json_data("structure_clause_openers.json")[key],
                                                  key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{verbs})(?!\w)", re.IGNORECASE)


def _opens_with_unit(clause: str) -> bool:
    """Tell whether a clause opens with a unit, a title heading one ("Thủ trưởng các cơ quan ..."),
    or a verb assigning work to one ("giao Sở Xây dựng thẩm định ...")."""
    units = find_units(clause)
    if not units:
        return False
    opening = clause[:units[0].start]
    return (units[0].start <= SUBJECT_REACH or is_title_only(opening)
            or _verbs("splitting").fullmatch(opening.strip()) is not None)


def _assigns(clause: str) -> bool:
    """Tell whether a clause opens by assigning ("Giao Sở A ...", "UBND tỉnh yêu cầu Sở A ...")."""
    reach = json_data("structure_clause_openers.json")["reach"]
    return _verbs("assigning").search(clause, 0, reach) is not None


def _open_quote(before: str) -> bool:
    """Tell whether a quotation opened before this point is still open (a cited text's own ';')."""
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _ends_with_unit(segment: str) -> bool:
    """Tell whether a clause ends on a unit: "đề nghị Công an tỉnh; Sở Tài chính; ..." lists addressees."""
    stripped = segment.rstrip(" ,")
    units = find_units(stripped)
    return bool(units) and units[-1].end >= len(stripped)


def split_by_subject(text: str, cand: Candidate) -> list[Candidate]:
    """Split "Giao Sở A làm X; Sở B làm Y" at the ';' where a new unit opens a clause (§2)."""
    if cand.kind == "row":
        return [cand]
    cuts: list[tuple[int, int]] = []
    for m in _CLAUSE_BREAK.finditer(text, cand.body_start, cand.end):
        before = text[cuts[-1][1] if cuts else cand.body_start:m.start()]
        # "Chánh Văn phòng UBND tỉnh; Giám đốc các sở ...; ... chịu trách nhiệm": subjects of one predicate
        quoted = _open_quote(text[cand.body_start:m.start()])
        if _opens_with_unit(text[m.end():min(cand.end, m.end() + 120)]) and not names_unit(before) \
                and not _ends_with_unit(before) and not quoted:
            cuts.append((m.start(), m.end()))
    spans = sentences(text, cand.body_start, cand.end)
    for (_, previous_end), (begin, end) in zip(spans, spans[1:]):
        # "... Quyết định này. Thanh tra tỉnh, Công an tỉnh ... tham mưu ...": a new sentence
        # whose subject leads (not "UBND tỉnh yêu cầu ...", the assigner), after a sentence
        # that has a lead of its own, gives that unit its own task (§2). After a topic
        # sentence ("Thứ sáu, triển khai ... bồi dưỡng. Học viện ... nghiên cứu ...") it does not.
        lead = assign_roles(text[begin:end], None).lead
        if not lead or lead[0].start > SUBJECT_REACH or lead[0].text in text[cand.start:begin]:
            continue
        if assign_roles(text[cand.body_start:begin], None).lead:
            cuts.append((previous_end - 1, begin))
    cuts.sort()
    if not cuts:
        return [cand]
    parts, begin, body = [], cand.start, cand.body_start
    assigned = _assigns(text[cand.body_start:cuts[0][0]])
    continued = False
    for cut_start, cut_end in cuts:
        # a split at ";" leaves the ";" out of both parts (NOTES 1.8); a sentence keeps its stop
        semicolon = text[cut_start] == ";"
        parts.append(replace(cand, start=begin, end=cut_start if semicolon else cut_start + 1,
                             body_start=body, continued=continued))
        begin = body = cut_end
        continued = assigned and semicolon
    parts.append(replace(cand, start=begin, end=cand.end, body_start=body, continued=continued))
    return parts


_PAST = re.compile(r"(?<!\w)đã(?!\w)")


def split_report_clauses(text: str, cand: Candidate) -> list[Candidate]:
    """Split a report's ';' list where later clauses are dated plans.

    "Công tác ... đã trình ... Kế hoạch ...; xây dựng cơ sở dữ liệu ... hoàn thành trước
    ngày 30/6/2023": the first clause reports work done, a clause with its own date is a
    planned obligation (ANNOTATION.md §1), so each clause is a candidate of its own.
    """
    breaks = list(_CLAUSE_BREAK.finditer(text, cand.body_start, cand.end))
    if cand.kind != "sentence" or not breaks or not _PAST.search(text, cand.body_start, breaks[0].start()):
        return [cand]
    bounds = [cand.body_start, *(m.end() for m in breaks)]
    ends = [*(m.start() + 1 for m in breaks), cand.end]
    if not any(_dated(text[b:e]) for b, e in zip(bounds[1:], ends[1:])):
        return [cand]
    return [replace(cand, start=b if i else cand.start, end=e, body_start=b, directive=i > 0 and _dated(text[b:e]))
            for i, (b, e) in enumerate(zip(bounds, ends))]


def _dated(clause: str) -> bool:
    return any(m.date is not None for m in find_deadlines(clause, None))
