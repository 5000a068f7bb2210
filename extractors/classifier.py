"""The learned task classifier (scikit-learn): is this candidate a task?

Features are the candidate's words, the words of what it inherits from (list intro,
parent item, section heading), the cue lexicon's scores by kind, and its shape (list
item or sentence, depth, deadline found, units found). `rules_only` and `text_only`
feature views exist so that `chidao evaluate --ablation` can report rules alone,
classifier alone, and both.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import joblib
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MaxAbsScaler

from extractors.cues import CueHit, find_cues, rule_score
from extractors.units import find_units

View = Literal["both", "text", "rules"]
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 40
# Chosen by 5-fold cross-validation by document over the gold corpus (bench/crossval.py):
# strong regularization generalizes across document kinds; the low threshold favours recall.
C_DEFAULT = 0.05
THRESHOLD_DEFAULT = 0.4
RULE_WEIGHT_DEFAULT = 0.3
# "Quy mô dự án: ...", "Tiến độ thực hiện: ...": a field of a record (an approved project, a
# plan's header), whose label is a short noun phrase before a colon.
_FIELD = re.compile(r"^[^:;.,()]{3,50}:\s*\S")
_PAST = re.compile(r"(?<!\w)(?:đã|đạt|được)(?!\w)", re.IGNORECASE)  # the opening words carry the decision; long items would drown it


@dataclass(slots=True)
class CandidateView:
    """What the classifier sees of one candidate."""

    body: str  # the text after the list marker
    context: str  # inherited spans and the section heading
    kind: str
    level: int
    cues: list[CueHit]
    has_deadline: bool
    has_recurrence: bool
    n_lead: int
    n_support: int
    position: float  # 0..1 in the document
    heading: str = ""  # the section heading above the candidate
    inherited_lead: bool = False  # its lead came from a list intro, a label or the recipients
    task_table_row: bool = False  # a row of a table with a task column and a lead cell
    directive_clause: bool = False  # the directive a sentence draws after "vì vậy, cần ..."
    field: bool = False  # a record's field ("Quy mô dự án: ..."), see is_field
    subject_lead: bool = False  # it opens with its own lead unit (a title before it allowed)


def _words(text: str, prefix: str, limit: int) -> dict[str, float]:
    tokens = _WORD.findall(text.lower())[:limit]
    feats: dict[str, float] = {}
    for a, b in zip(tokens, tokens[1:] + [""]):
        feats[f"{prefix}{a}"] = 1.0
        if b:
            feats[f"{prefix}{a}_{b}"] = 1.0
    if tokens:
        feats[f"{prefix}first={tokens[0]}"] = 1.0
        if len(tokens) > 1:
            feats[f"{prefix}first2={tokens[0]}_{tokens[1]}"] = 1.0
    return feats


def _rule_features(view: CandidateView) -> dict[str, float]:
    feats: dict[str, float] = {"rule_score": rule_score(view.cues)}
    for hit in view.cues:
        key = f"cue_{hit.rule.where}_{hit.rule.kind}"
        feats[key] = feats.get(key, 0.0) + hit.rule.weight
    return feats


def is_field(body: str) -> bool:
    """Tell whether a candidate is a record's field ("Quy mô dự án: ..."): no cue nor unit in its label."""
    m = _FIELD.match(body)
    if m is None:
        return False
    label = body[:body.find(":")]
    return not find_cues(label) and not find_units(label)


def _shape_features(view: CandidateView) -> dict[str, float]:
    n_words = len(view.body.split())
    return {
        f"kind={view.kind}": 1.0,
        f"level={min(view.level, 3)}": 1.0,
        "has_deadline": float(view.has_deadline),
        "has_recurrence": float(view.has_recurrence),
        "has_lead": float(view.n_lead > 0),
        "has_support": float(view.n_support > 0),
        "short": float(n_words < 6),
        "long": float(n_words > 80),
        "position": view.position,
        "ends_colon": float(view.body.rstrip().endswith(":")),
        "inherited_lead": float(view.inherited_lead),
        "task_table_row": float(view.task_table_row),
        "field": float(view.field),
        "subject_lead": float(view.subject_lead),
        "past": float(bool(_PAST.search(" ".join(view.body.split()[:8])))),
    }


def features(view: CandidateView, which: View = "both") -> dict[str, float]:
    """Return the feature dict of a candidate for one view."""
    feats: dict[str, float] = {}
    if which in ("both", "rules"):
        feats.update(_rule_features(view))
        feats.update(_shape_features(view))
    if which in ("both", "text"):
        feats.update(_words(view.body, "w:", MAX_WORDS))
        feats.update(_words(view.context, "c:", MAX_WORDS))
        feats.update(_words(view.heading, "h:", MAX_WORDS))
    return feats


def new_model(c: float = C_DEFAULT) -> Pipeline:
    return Pipeline([
        ("vectorize", DictVectorizer()),
        ("scale", MaxAbsScaler()),
        ("classify", LogisticRegression(C=c, class_weight="balanced", max_iter=2000)),
    ])


@dataclass(slots=True)
class TaskClassifier:
    """A trained model, the feature view it was trained on, and its decision threshold."""

    model: Pipeline
    view: View = "both"
    threshold: float = THRESHOLD_DEFAULT
    rule_weight: float = 0.0  # share of the cue rules' vote in the final probability

    def probabilities(self, views: list[CandidateView]) -> list[float]:
        if not views:
            return []
        rows = [features(v, self.view) for v in views]
        learned = self.model.predict_proba(rows)[:, 1]
        w = self.rule_weight
        return [float((1 - w) * p + w * rule_probability(v)) for p, v in zip(learned, views)]

    def save(self, folder: Path, metrics: dict[str, object]) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        joblib.dump(self.model, folder / "model.joblib")
        meta = {"view": self.view, "threshold": self.threshold, "rule_weight": self.rule_weight, **metrics}
        (folder / "metrics.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> TaskClassifier:
        meta = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
        return cls(joblib.load(folder / "model.joblib"), meta.get("view", "both"),
                   float(meta.get("threshold", THRESHOLD_DEFAULT)), float(meta.get("rule_weight", 0.0)))


def train(views: list[CandidateView], labels: list[int], view: View = "both", c: float = C_DEFAULT,
          threshold: float = THRESHOLD_DEFAULT, rule_weight: float = RULE_WEIGHT_DEFAULT) -> TaskClassifier:
    """Fit a classifier on candidates labelled against gold."""
    model = new_model(c)
    model.fit([features(v, view) for v in views], labels)
    return TaskClassifier(model, view, threshold, rule_weight)


RULE_MIDPOINT = 1.5  # the rule score at which the cue rules alone are undecided
FIELD_PENALTY = 2.0  # a record's field ("Tên dự án: ...", "Lãnh đạo phụ trách: ...") states, it does not assign


def rule_probability(view: CandidateView) -> float:
    """Turn the rules' vote into a probability: a logistic of the cue score around RULE_MIDPOINT.

    A row of a plan's task table that names who leads it is a planned obligation, and the
    clause a sentence opens with "vì vậy, cần ..." is an instruction (ANNOTATION.md §1),
    whatever their words, so the rules vote for them outright.
    """
    if view.task_table_row or view.directive_clause:
        return 1.0
    penalty = FIELD_PENALTY if view.field else 0.0
    return 1.0 / (1.0 + math.exp(-(rule_score(view.cues) - penalty - RULE_MIDPOINT)))
