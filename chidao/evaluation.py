"""Score extraction against gold (ANNOTATION.md): tasks, units, deadlines, document dates.

A predicted task matches a gold task when at least 60 % of its words lie in the gold span
and it covers at least 30 % of the gold span's words; matching is one-to-one, in order.
Spans are compared in the source text's offsets, so normalization cannot shift them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.unit_keys import unit_key as unit_key  # re-exported: scorers compare units by it

_WORD = re.compile(r"\w+")
MIN_PRECISION_SHARE = 0.6
MIN_COVERAGE = 0.3


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def word_starts(text: str, start: int, end: int) -> list[int]:
    return [m.start() for m in _WORD.finditer(text, start, end)]


def _share_inside(words: list[int], span: Span) -> float:
    return sum(span.start <= w < span.end for w in words) / len(words) if words else 0.0


def match_spans(text: str, predicted: list[Span], gold: list[Span]) -> list[tuple[int, int]]:
    """Return (predicted index, gold index) pairs that match, one-to-one."""
    gold_words = [word_starts(text, g.start, g.end) for g in gold]
    taken: set[int] = set()
    pairs = []
    for i, p in enumerate(predicted):
        p_words = word_starts(text, p.start, p.end)
        best, best_cov = None, 0.0
        for j, g in enumerate(gold):
            if j in taken:
                continue
            cov = _share_inside(gold_words[j], p)
            if _share_inside(p_words, g) >= MIN_PRECISION_SHARE and cov >= MIN_COVERAGE and cov > best_cov:
                best, best_cov = j, cov
        if best is not None:
            taken.add(best)
            pairs.append((i, best))
    return pairs




@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def set_counts(predicted: list[str], gold: list[str]) -> Counts:
    p, g = {unit_key(u) for u in predicted}, {unit_key(u) for u in gold}
    return Counts(len(p & g), len(p - g), len(g - p))


@dataclass(slots=True)
class DocumentScore:
    name: str
    tasks: Counts = field(default_factory=Counts)
    lead: Counts = field(default_factory=Counts)
    support: Counts = field(default_factory=Counts)
    deadlines_right: int = 0
    deadlines_total: int = 0
    date_right: bool = True
    misses: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Totals:
    tasks: Counts = field(default_factory=Counts)
    lead: Counts = field(default_factory=Counts)
    support: Counts = field(default_factory=Counts)
    deadlines_right: int = 0
    deadlines_total: int = 0
    dates_right: int = 0
    documents: int = 0

    def add(self, doc: DocumentScore) -> None:
        self.tasks.add(doc.tasks)
        self.lead.add(doc.lead)
        self.support.add(doc.support)
        self.deadlines_right += doc.deadlines_right
        self.deadlines_total += doc.deadlines_total
        self.dates_right += int(doc.date_right)
        self.documents += 1

    @property
    def deadline_accuracy(self) -> float:
        return self.deadlines_right / self.deadlines_total if self.deadlines_total else 1.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.documents if self.documents else 1.0

    def as_dict(self) -> dict[str, float]:
        return {
            "task_precision": round(self.tasks.precision, 4), "task_recall": round(self.tasks.recall, 4),
            "task_f1": round(self.tasks.f1, 4), "lead_f1": round(self.lead.f1, 4),
            "support_f1": round(self.support.f1, 4), "deadline_accuracy": round(self.deadline_accuracy, 4),
            "date_accuracy": round(self.date_accuracy, 4), "documents": self.documents,
            "gold_tasks": self.tasks.tp + self.tasks.fn, "predicted_tasks": self.tasks.tp + self.tasks.fp,
        }
