"""From a `SourceText` to an `Extraction`: the extraction steps in order.

normalize → metadata → structure → candidates → (cues, deadlines, roles) → classifier →
task records with inheritance. Each step is a plain function in its own module; this
module only wires them, and `extractors.spacy_pipeline` exposes the same steps as spaCy
components.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from chidao.errors import InputError
from chidao.records import DocumentRecord, Extraction, SourceText, TaskRecord, document_id, task_id
from extractors.candidate import Candidate
from extractors.candidates import find_candidates
from extractors.classifier import CandidateView, TaskClassifier, is_field
from extractors.cues import CueHit, find_cues, rule_score
from extractors.deadline_events import stated_event_dates
from extractors.deadlines import (
    DeadlineMention,
    choose_deadline,
    find_deadlines,
    is_continuous,
    parse_deadline_value,
)
from extractors.directive_lists import min_cues, under_directive_intro
from extractors.metadata import Metadata, read_metadata
from extractors.models import load_task_classifier
from extractors.normalize import MAX_CHARS, NormalizedText, normalize
from extractors.obligations import obliges_its_subject
from extractors.recaps import is_execution_clause, recaps_to_drop
from extractors.record_fields import is_fact_field
from extractors.resources import json_data
from extractors.restatements import Said, restatements
from extractors.role_groups import is_title_only
from extractors.roles import Roles, assign_roles
from extractors.structure import match_marker, parse
from extractors.unit_keys import unit_key
from extractors.units import find_units
from extractors.upward_items import asks_upward

RULE_THRESHOLD = 1.5  # rule score above which a candidate is a task when no model is trained


@dataclass(slots=True)
class Analysis:
    """One candidate with everything found in it and inherited from above it."""

    candidate: Candidate
    body: str
    context: str
    cues: list[CueHit]
    own_deadline: DeadlineMention | None
    deadline: DeadlineMention | None
    lead: list[str]
    support: list[str]
    assigner: str | None
    view: CandidateView | None = None
    probability: float = 0.0
    inherited: list[str] = field(default_factory=list)
    heading_text: str = ""
    subject: bool = False  # it opens with its own lead unit: "Sở Xây dựng chủ trì ..." (§2)
    obliged: bool = False  # and that unit "phải" / "có trách nhiệm" ... (extractors/obligations.py)
    directed: bool = False  # an item under "... kết luận như sau:" (extractors/directive_lists.py)


class _SpanAnalyzer:
    """Roles and deadlines of the spans candidates inherit from, computed once each."""

    def __init__(self, text: str, doc_date: datetime.date | None) -> None:
        self.text = text
        self.doc_date = doc_date
        self.events = stated_event_dates(text)  # "Luật có hiệu lực từ ngày ...": what "kể từ ngày Luật có hiệu lực" counts from
        self.roles = lru_cache(maxsize=None)(self._roles)
        self.deadline = lru_cache(maxsize=None)(self._deadline)

    def _roles(self, start: int, end: int) -> Roles:
        return assign_roles(self.text[start:end], None)

    def _deadline(self, start: int, end: int) -> DeadlineMention | None:
        return choose_deadline(find_deadlines(self.text[start:end], self.doc_date, self.events))


def _row_units_and_deadline(cand: Candidate, doc_date: datetime.date | None
                            ) -> tuple[list[str], list[str], DeadlineMention | None]:
    """Units and deadline of a table row from its cells, by column where the row is complete."""
    kinds = cand.cell_kinds or [""] * len(cand.cells)
    cells = [(c, k) for c, k in zip(cand.cells, kinds) if k not in ("person", "product", "note", "target")]
    labelled = any(k in ("lead", "support") for _, k in cells)
    if labelled:
        lead = [u.text for c, k in cells if k == "lead" for u in find_units(c)]
        support = [u.text for c, k in cells if k == "support" for u in find_units(c)]
    else:
        unit_cells = [c for c, _ in cells if find_units(c)]
        lead = [u.text for u in find_units(unit_cells[0])] if unit_cells else []
        support = [u.text for u in find_units(unit_cells[1])] if len(unit_cells) > 1 else []
    dated = [c for c, k in cells if k in ("deadline", "")]
    deadline = next((d for d in (parse_deadline_value(c, doc_date) for c in dated) if d), None)
    return lead, support, deadline


def analyze(text: str, cand: Candidate, spans: _SpanAnalyzer, meta: Metadata) -> Analysis:
    """Find cues, deadline and roles of one candidate, inheriting what it lacks."""
    body = text[cand.body_start:cand.end]
    context = " ".join(text[s:e] for s, e in cand.inherit)
    heading = text[cand.heading[0]:cand.heading[1]] if cand.heading else ""
    cues = find_cues(text[cand.start:cand.end], cand.body_start - cand.start, f"{context} {heading}")
    roles = spans.roles(cand.start, cand.end)
    lead = [u.text for u in roles.lead]
    support = [u.text for u in roles.support]
    own = spans.deadline(cand.start, cand.end)
    if cand.kind == "row":
        row_lead, row_support, row_deadline = _row_units_and_deadline(cand, spans.doc_date)
        lead, support = lead or row_lead, support or row_support
        own = own if own is not None and own.date is not None else (row_deadline or own)
        # A group row ("II. Nhiệm vụ thực hiện theo lộ trình đến năm 2030") dates the rows under it.
        own = own or next((d for d in (parse_deadline_value(text[s:e], spans.doc_date) for s, e in cand.inherit)
                           if d is not None and d.date is not None), None)
    deadline, assigner, inherited = own, roles.assigner, []
    # "thời gian thực hiện: thường xuyên": continuous work has no deadline to inherit either
    continuous = own is None and is_continuous(text[cand.start:cand.end])
    subject = _has_subject(roles, cand, text)
    obliged = subject and obliges_its_subject(text, cand, roles.lead, OBLIGATION_WINDOW)
    if cand.role_line and not subject:
        named_lead, named_support = _role_line_units(text, cand.role_line, spans)
        if named_lead:
            lead, inherited = named_lead, ["units"]
            support = named_support + [u for u in support if u not in named_support]
    if cand.label_parent and not inherited and not subject:
        # "1. Sở Công Thương" / "- Chủ trì, phối hợp với ..." : the label names who does the item.
        label_lead = [u.text for u in spans.roles(*cand.label_parent).lead] or _actor_label(text, cand.label_parent)
        if label_lead:
            lead, inherited = label_lead, ["units"]
    for s, e in cand.inherit:
        up = spans.roles(s, e)
        passed = _passed_down(up)
        if not lead and passed:
            lead = passed
            support = support or [u.text for u in up.support]
            inherited.append("units")
        elif inherited and not support and up.support:
            support = [u.text for u in up.support]  # the lead came from a label; the intro still names who supports
        assigner = assigner or up.assigner
        if deadline is None and not continuous:
            deadline = spans.deadline(s, e)
    if not lead and meta.recipients and meta.kind in ("letter", None):
        lead = list(meta.recipients)
        inherited.append("recipients")
    return Analysis(cand, body, context, cues, own, deadline, lead, support, assigner, inherited=inherited,
                    heading_text=heading, subject=subject, obliged=obliged,
                    directed=under_directive_intro(text, cand))


def _passed_down(up: Roles) -> list[str]:
    """The lead units an intro passes to its items, less the one that gives them: "Sở X nhận được
    Văn bản ... của Công ty. Sở X có ý kiến như sau:" names the issuer twice, and it assigns."""
    giver = unit_key(up.assigner) if up.assigner else None
    return [u.text for u in up.lead if giver is None or unit_key(u.text) != giver]


def _role_line_units(text: str, span: tuple[int, int], spans: _SpanAnalyzer) -> tuple[list[str], list[str]]:
    """Lead and support named by a role line; a line without role cues names leads only."""
    named = spans.roles(*span)
    if named.lead:
        return [u.text for u in named.lead], [u.text for u in named.support]
    line = text[span[0]:span[1]]
    return [u.text for u in find_units(line[line.find(":") + 1:])], []


ACTOR_LABEL_WORDS = 12  # "5. Chủ đầu tư các khu đô thị:" is a label; a longer line is a sentence


@cache
def _actor_openings() -> tuple[str, ...]:
    return tuple(json_data("unit_actors.json")["actors"])


def _without_marker(line: str) -> str:
    """Return a line without its list marker."""
    marker = match_marker(line)
    return line[marker[1]:] if marker else line


def _actor_label(text: str, span: tuple[int, int]) -> list[str]:
    """Return a label naming a non-state party ("Chủ đầu tư các khu đô thị:") as its items' lead."""
    label = _without_marker(text[span[0]:span[1]]).strip().rstrip(":").strip()
    if len(label.split()) > ACTOR_LABEL_WORDS or not label.lower().startswith(_actor_openings()):
        return []
    return [label]


SUBJECT_WINDOW = 2  # a unit opening the item body (after its marker) is the item's own subject
OBLIGATION_WINDOW = 250  # how far into the body the opening subject's units may run ("A; B; C phải")


def _has_subject(roles: Roles, cand: Candidate, text: str) -> bool:
    """Tell whether the candidate opens with its own lead unit ("- Sở Xây dựng chủ trì ...").

    A title before the unit is part of the opening: "Thủ trưởng các cơ quan, đơn vị chỉ đạo ...".
    """
    offset = cand.body_start - cand.start
    if any(u.start <= offset + SUBJECT_WINDOW for u in roles.lead):
        return True
    first = min((u.start for u in roles.lead), default=None)
    if first is None:
        return False
    opening = text[cand.body_start:cand.start + first]
    return is_title_only(opening) or _ELLIPTICAL_OPENER.match(opening) is not None


# "Các Vụ: Kế hoạch - Tài chính, Pháp chế phối hợp ...": a list of names under one head opens the item
_ELLIPTICAL_OPENER = re.compile(r"^\s*các\s+\w+(?:\s+\w+)?\s*:\s*$", re.IGNORECASE)


def _view(a: Analysis, n_chars: int) -> CandidateView:
    return CandidateView(
        body=a.body, context=a.context, kind=a.candidate.kind, level=a.candidate.level, cues=a.cues,
        has_deadline=a.own_deadline is not None and a.own_deadline.date is not None,
        has_recurrence=a.own_deadline is not None and a.own_deadline.recurrence is not None,
        n_lead=len(a.lead), n_support=len(a.support),
        position=a.candidate.start / max(1, n_chars),
        heading=a.heading_text, inherited_lead=bool(a.inherited),
        task_table_row=bool(a.candidate.cell_kinds) and bool(a.lead), directive_clause=a.candidate.directive,
        field=is_field(a.body), subject_lead=a.subject,
    )


def analyze_document(text: str, meta: Metadata) -> list[Analysis]:
    """Return every candidate of a normalized document with its analysis and view."""
    spans = _SpanAnalyzer(text, meta.date)
    candidates = find_candidates(text, parse(text), meta.body_start)
    analyses = [analyze(text, c, spans, meta) for c in candidates]
    date_items_by_trailers(text, analyses)
    for a in analyses:
        a.view = _view(a, len(text))
    return analyses


def date_items_by_trailers(text: str, analyses: list[Analysis]) -> None:
    """Give a list's undated items the deadline of the paragraph that follows the list and dates them.

    "1. Ban Quản lý ... báo cáo ...  2. Sở Công Thương ... báo cáo ...  Báo cáo của các cơ quan,
    đơn vị gửi về UBND tỉnh trước ngày 12/6/2026": the closing paragraph dates what every item
    produces, as a list intro's deadline would (ANNOTATION.md §4).
    """
    for k, trailer in enumerate(analyses):
        if not _dates_the_list_before(text, analyses, k):
            continue
        j = k - 1
        while j >= 0 and analyses[j].candidate.kind == "item":
            own = analyses[j].deadline
            if own is None or own.date is None:
                analyses[j].deadline = trailer.own_deadline
            j -= 1


def _dates_the_list_before(text: str, analyses: list[Analysis], k: int) -> bool:
    a = analyses[k]
    if k == 0 or a.candidate.kind not in ("sentence", "body") or a.own_deadline is None or a.own_deadline.date is None:
        return False
    last = analyses[k - 1].candidate
    return (last.kind == "item" and not text[last.end:a.candidate.start].strip()
            and a.body.lstrip().lower().startswith(_trailer_openers()))


@cache
def _trailer_openers() -> tuple[str, ...]:
    return tuple(f"{w.lower()} " for w in json_data("structure_trailers.json")["openers"])


def score(analyses: list[Analysis], classifier: TaskClassifier | None) -> float:
    """Set each analysis' task probability; return the decision threshold."""
    if classifier is None:
        for a in analyses:
            a.probability = 1.0 if rule_score(a.cues) >= RULE_THRESHOLD else 0.0
        return 0.5
    probs = classifier.probabilities([a.view for a in analyses if a.view is not None])
    for a, p in zip(analyses, probs):
        # A task by its form (a task-table row with its lead, a directive clause) is a task
        # whatever the words, and a fact of a record is none: the model only decides how sure.
        if _task_by_form(a):
            p = max(p, classifier.threshold)
        elif is_fact_field(a.body):
            p = min(p, classifier.threshold / 2)
        a.probability = p
    return classifier.threshold


# A candidate with its own dated deadline, a unit to do it and task cues worth this much is
# "a planned obligation stated with a deadline" (ANNOTATION §1) in any wording: in the
# corpus 45 of 48 such candidates are gold tasks.
DATED_OBLIGATION_CUES = 2.0


def _task_by_form(a: Analysis) -> bool:
    return a.view is not None and (a.view.task_table_row or a.view.directive_clause or a.obliged or (
        a.candidate.continued and a.subject) or (
        a.directed and rule_score(a.cues) >= min_cues()) or (
        a.view.has_deadline and a.view.n_lead > 0 and rule_score(a.cues) >= DATED_OBLIGATION_CUES))


def select_tasks(analyses: list[Analysis], meta: Metadata, classifier: TaskClassifier | None) -> list[Analysis]:
    """Score the analyses and return those taken as tasks, in document order."""
    threshold = score(analyses, classifier)
    if meta.upward:
        return []  # a letter sent upward recommends; it cannot assign (ANNOTATION.md §1)
    for a in analyses:
        if not a.inherited and asks_upward(a.body, a.lead, meta.issuer):
            a.probability = min(a.probability, threshold / 2)  # one item sent upward
    kept = keep_tasks(analyses, threshold)
    if not kept:
        # Nothing else assigned: the execution clause is the one thing to track (corpus/NOTES.md §1.2).
        return [a for a in analyses if is_execution_clause(a.body)]
    dropped = recaps_to_drop([a.body for a in kept])
    return [a for i, a in enumerate(kept) if i not in dropped]


def keep_tasks(analyses: list[Analysis], threshold: float) -> list[Analysis]:
    """Return the analyses taken as tasks: above the threshold, less restatements of table rows."""
    chosen = [a for a in analyses if a.probability >= threshold]
    rows = [_said(a) for a in chosen if a.candidate.kind == "row"]
    if not rows:
        return chosen
    others = [i for i, a in enumerate(chosen) if a.candidate.kind != "row"]
    dropped = {others[k] for k in restatements([_said(chosen[i]) for i in others], rows)}
    return [a for i, a in enumerate(chosen) if i not in dropped]


def _said(a: Analysis) -> Said:
    return Said(a.body, frozenset(unit_key(u) for u in a.lead))


def _action(a: Analysis) -> str:
    """Return the task's action: its body up to the first clause break."""
    body = a.body.strip()
    for unit in a.lead:
        if body.startswith(unit):
            body = body[len(unit):].lstrip(" ,:")
    for stop in (";", ". "):
        if stop in body:
            body = body.split(stop)[0]
    return body.strip().rstrip(".")


def to_task(a: Analysis, doc_id: str, source: SourceText, norm: NormalizedText) -> TaskRecord:
    c = a.candidate
    d = a.deadline
    return TaskRecord(
        id=task_id(doc_id, c.start, c.end), text=norm.text[c.start:c.end], start=c.start, end=c.end,
        page=source.page_at(norm.to_source(c.start)), action=_action(a) or None,
        lead_units=a.lead, support_units=[u for u in a.support if u not in a.lead],
        deadline=d.date.isoformat() if d and d.date else None, deadline_text=d.text if d else None,
        recurrence=d.recurrence if d else None, assigner=a.assigner, confidence=round(a.probability, 3),
    )


def extract(source: SourceText, classifier: TaskClassifier | None | bool = True) -> Extraction:
    """Extract the document record and its tasks from one source.

    Args:
        source: what a reader returned.
        classifier: a trained classifier, True for the default one, or None/False for rules only.
    Raises:
        InputError: the text is too long to be one document.
    """
    if len(source.text) > MAX_CHARS:
        raise InputError(source.path, f"the text has {len(source.text):,} characters, over the "
                         f"{MAX_CHARS:,} a single document may have", "split it into its documents")
    norm = normalize(source.text)
    meta = read_metadata(norm.text)
    model = load_task_classifier() if classifier is True else (classifier or None)
    analyses = analyze_document(norm.text, meta)
    doc_id = document_id(source.sha256)
    tasks = [to_task(a, doc_id, source, norm) for a in select_tasks(analyses, meta, model)]
    document = DocumentRecord(
        id=doc_id, source=source.path, title=meta.title, number=meta.number, issuer=meta.issuer,
        date=meta.date.isoformat() if meta.date else None, text=norm.text, kind=meta.kind,
        meeting_date=meta.meeting_date.isoformat() if meta.meeting_date else None,
    )
    return Extraction(document, tasks, list(source.pages), list(source.warnings))
