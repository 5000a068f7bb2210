"""assign_roles over the real task spans of ../shared/corpus, read through the gold offsets.

Every gold task whose units are all written in its own span is scored (the same selection as
bench/roles_gold.py: units a task inherits from a list intro are the pipeline's job). The
floors sit a little under the figures measured when they were set (2026-11-28, all splits:
lead F1 0.91, support F1 0.88), so a change that loses real sentences fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.roles_gold import Tally, score_document
from chidao.corpus import gold_files, load_gold, load_splits

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FLOORS = {"all": (0.89, 0.86), "dev": (0.90, 0.80)}  # (lead F1, support F1)


@pytest.mark.parametrize("split", FLOORS)
def test_roles_on_gold_spans_stay_above_their_floor(shared: Path, split: str) -> None:
    names = None if split == "all" else set(load_splits(CORPUS)[split])
    tally = Tally()
    for path in gold_files(CORPUS / "gold"):
        if names is None or path.name in names:
            score_document(load_gold(path), shared, tally)
    lead, support = FLOORS[split]
    assert tally.scored > 30, "too few gold spans with their units written in them"
    assert tally.lead.f1 >= lead, "\n".join(tally.misses)
    assert tally.support.f1 >= support, "\n".join(tally.misses)
