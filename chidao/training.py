"""Train the task classifier from gold documents (and, later, review corrections)."""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from chidao.corpus import GoldDocument
from chidao.evaluation import Span, match_spans
from extractors.classifier import C_DEFAULT, RULE_WEIGHT_DEFAULT, THRESHOLD_DEFAULT, CandidateView, TaskClassifier, View, train
from extractors.metadata import read_metadata
from extractors.normalize import normalize
from extractors.pipeline import analyze_document


@dataclass(slots=True)
class Example:
    view: CandidateView
    label: int
    document: str


def label_candidates(text: str, gold_spans: list[Span]) -> list[Example]:
    """Return every candidate of a source text, labelled 1 if it matches a gold task."""
    norm = normalize(text)
    meta = read_metadata(norm.text)
    examples = []
    for a in analyze_document(norm.text, meta):
        c = a.candidate
        span = Span(norm.to_source(c.start), norm.to_source(c.end - 1) + 1)
        label = int(any(match_spans(text, [span], [g]) for g in gold_spans))
        assert a.view is not None
        examples.append(Example(a.view, label, ""))
    return examples


def gold_examples(golds: list[GoldDocument], shared: Path) -> list[Example]:
    examples = []
    for gold in golds:
        text = gold.load_text(shared)
        for ex in label_candidates(text, [Span(t.start, t.end) for t in gold.tasks]):
            ex.document = gold.name
            examples.append(ex)
    return examples


def data_hash(golds: list[GoldDocument], extra: list[str] | None = None) -> str:
    h = hashlib.sha256()
    for g in sorted(golds, key=lambda g: g.name):
        h.update(g.gold_path.read_bytes())
    for item in extra or []:
        h.update(item.encode())
    return h.hexdigest()[:16]


def fit(examples: list[Example], view: View = "both", c: float = C_DEFAULT, threshold: float = THRESHOLD_DEFAULT,
        rule_weight: float = RULE_WEIGHT_DEFAULT) -> TaskClassifier:
    return train([e.view for e in examples], [e.label for e in examples], view, c, threshold, rule_weight)


def new_version() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S")


def write_default(root: Path, name: str, version: str) -> None:
    (root / name / "DEFAULT").write_text(version + "\n", encoding="utf-8")


def read_metrics(folder: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
    return data
