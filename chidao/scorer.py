"""Run extraction over gold documents and score it (the engine behind `chidao evaluate`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chidao.corpus import GoldDocument
from chidao.evaluation import DocumentScore, Span, Totals, match_spans, set_counts, unit_key
from chidao.records import Extraction, SourceText, sha256_bytes
from extractors.classifier import TaskClassifier
from extractors.normalize import normalize
from extractors.pipeline import extract


@dataclass(slots=True)
class Scored:
    gold: GoldDocument
    text: str
    extraction: Extraction
    score: DocumentScore


def source_spans(text: str, extraction: Extraction) -> list[Span]:
    """Map predicted spans (in normalized text) back to the source text."""
    norm = normalize(text)
    return [Span(norm.to_source(t.start), norm.to_source(t.end - 1) + 1) for t in extraction.tasks]


def score_document(gold: GoldDocument, text: str, extraction: Extraction) -> DocumentScore:
    score = DocumentScore(gold.name)
    gold_spans = [Span(t.start, t.end) for t in gold.tasks]
    predicted = source_spans(text, extraction)
    pairs = match_spans(text, predicted, gold_spans)
    score.tasks.tp = len(pairs)
    score.tasks.fp = len(predicted) - len(pairs)
    score.tasks.fn = len(gold_spans) - len(pairs)
    matched_pred = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    for i, j in pairs:
        task, g = extraction.tasks[i], gold.tasks[j]
        score.lead.add(set_counts(task.lead_units, g.lead_units))
        score.support.add(set_counts(task.support_units, g.support_units))
        score.deadlines_total += 1
        score.deadlines_right += int(task.deadline == g.deadline)
        if _keys(task.lead_units) != _keys(g.lead_units) or task.deadline != g.deadline:
            score.misses.append(f"  ~ [{g.start}] lead {task.lead_units} vs gold {g.lead_units}; "
                                f"deadline {task.deadline} vs gold {g.deadline}: {_clip(text[g.start:g.end])}")
    for j, g in enumerate(gold.tasks):
        if j not in matched_gold:
            score.misses.append(f"  - missed [{g.start}]: {_clip(text[g.start:g.end])}")
    for i, t in enumerate(extraction.tasks):
        if i not in matched_pred:
            score.misses.append(f"  + extra ({t.confidence:.2f}): {_clip(t.text)}")
    score.date_right = extraction.document.date == gold.date
    if not score.date_right:
        score.misses.append(f"  date {extraction.document.date} vs gold {gold.date}")
    return score


def _keys(units: list[str]) -> set[str]:
    return {unit_key(u) for u in units}


def _clip(text: str, width: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"


def run(golds: list[GoldDocument], shared: Path, classifier: TaskClassifier | None | bool = True) -> tuple[Totals, list[Scored]]:
    """Extract every gold document and score it; return the totals and each document's score."""
    totals = Totals()
    results = []
    for gold in golds:
        text = gold.load_text(shared)
        source = SourceText(path=str(gold.source_path(shared)), text=text, sha256=sha256_bytes(text.encode()))
        extraction = extract(source, classifier)
        doc_score = score_document(gold, text, extraction)
        totals.add(doc_score)
        results.append(Scored(gold, text, extraction, doc_score))
    return totals, results
