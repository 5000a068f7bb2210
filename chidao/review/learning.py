"""Turn review events into training examples for the task classifier.

A reviewer's verdict is the label: accepted and edited tasks (and tasks a reviewer added)
are positives over their current, corrected span; rejected tasks are negatives. Each
reviewed document goes through the same candidate analysis as extraction and gold
training (`analyze_document`), so a correction teaches the classifier about exactly the
features it will see next time. Candidates nobody reviewed carry no label and are left out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import func, select

from chidao.evaluation import Span, match_spans
from chidao.store import Store, TaskQuery
from chidao.store.models import ReviewEvent
from chidao.training import Example
from extractors.metadata import read_metadata
from extractors.normalize import normalize
from extractors.pipeline import analyze_document

POSITIVE_STATES = ("accepted", "edited")
# A correction on this office's own documents is rarer and more to the point than a gold
# candidate from the corpus; counting it three times lets a few corrections move the model
# without letting one reviewer's slip outweigh the corpus.
REVIEW_WEIGHT = 3


@dataclass(slots=True)
class ReviewExamples:
    """Examples learned from reviews, and what could not be used."""

    examples: list[Example] = field(default_factory=list)
    documents: int = 0
    positives: int = 0
    negatives: int = 0
    unmatched: list[str] = field(default_factory=list)  # reviewed task ids no candidate matches
    fingerprint: str = ""  # changes whenever a review event is added


def review_examples(store: Store, weight: int = REVIEW_WEIGHT) -> ReviewExamples:
    """Return labelled candidates from every document a person has reviewed."""
    rows = store.tasks(TaskQuery(review_states=(*POSITIVE_STATES, "rejected"), include_stale=True))
    by_doc: dict[str, tuple[str, list[tuple[str, Span, int]]]] = {}
    for task, doc in rows:
        label = int(task.review_state in POSITIVE_STATES)
        by_doc.setdefault(doc.id, (doc.text, []))[1].append((task.id, Span(task.start, task.end), label))
    result = ReviewExamples(fingerprint=events_fingerprint(store))
    for doc_id, (text, reviewed) in sorted(by_doc.items()):
        _label_document(doc_id, text, reviewed, result, weight)
    result.documents = len(by_doc)
    return result


def events_fingerprint(store: Store) -> str:
    """Return a short hash of the review events (for the model's data hash)."""
    with store.session() as s:
        count, last = s.execute(select(func.count(), func.max(ReviewEvent.id))).one()
    return hashlib.sha256(f"{store.instance_id}:{count}:{last}".encode()).hexdigest()[:16]


def _label_document(doc_id: str, text: str, reviewed: list[tuple[str, Span, int]],
                    result: ReviewExamples, weight: int) -> None:
    norm = normalize(text)
    spans = [span for _, span, _ in reviewed]
    matched: set[int] = set()
    for analysis in analyze_document(norm.text, read_metadata(norm.text)):
        c = analysis.candidate
        span = Span(norm.to_source(c.start), norm.to_source(c.end - 1) + 1)
        pairs = match_spans(text, [span], spans)
        if not pairs or analysis.view is None:
            continue  # nobody reviewed this candidate: no label
        j = pairs[0][1]
        matched.add(j)
        label = reviewed[j][2]
        result.examples.extend(Example(analysis.view, label, f"review:{doc_id}") for _ in range(weight))
        if label:
            result.positives += 1
        else:
            result.negatives += 1
    result.unmatched.extend(reviewed[j][0] for j in range(len(reviewed)) if j not in matched)
