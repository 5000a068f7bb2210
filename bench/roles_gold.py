"""Score `assign_roles` alone against the gold lead/support units of each task span.

Only tasks whose gold units are all EXPLICIT in the span are scored: the words of each
gold unit (compared as `unit_key` does) appear in the span in order, at most 8 other
words apart in all (room for an elliptical list or a place shared by two units). Units a task inherits from
its list intro or from a letter's recipients are the pipeline's job, so those tasks are
counted as skipped. Also prints the CPU time of assign_roles over every gold span of the
split (best of 3 passes, tokenization included), since roles and units are a large share of
extraction time. Usage: python bench/roles_gold.py [--split train|dev|all] [-v]
"""

from __future__ import annotations

import argparse
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from chidao.corpus import GoldDocument, GoldTask, gold_files, load_gold, load_splits, shared_root
from chidao.evaluation import Counts, set_counts, unit_key
from extractors.normalize import normalize
from extractors.roles import assign_roles

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Tally:
    lead: Counts = field(default_factory=Counts)
    support: Counts = field(default_factory=Counts)
    scored: int = 0
    skipped: int = 0
    misses: list[str] = field(default_factory=list)


_SLACK = 8  # words that may stand inside a written unit: an elliptical list, a shared place


def _words(text: str) -> list[str]:
    return _WORD.findall(unit_key(text))


def _written(unit: list[str], span: list[str]) -> bool:
    """Tell whether the unit's words occur in order in the span, within a short window."""
    for start, word in enumerate(span):
        if word != unit[0]:
            continue
        k, limit = start, start + len(unit) + _SLACK
        for w in unit[1:]:
            k = next((n for n in range(k + 1, min(limit, len(span))) if span[n] == w), -1)
            if k < 0:
                break
        if k >= 0:
            return True
    return False


def explicit(span: str, task: GoldTask) -> bool:
    """Tell whether every gold unit is written in the span (words in order, close together)."""
    words = _words(span)
    return all(_written(_words(u), words) for u in (*task.lead_units, *task.support_units) if _words(u))


def score_task(span: str, task: GoldTask, tally: Tally, where: str) -> None:
    """Run assign_roles on one gold span and add its lead/support counts to the tally."""
    roles = assign_roles(normalize(span).text)
    lead, support = [u.text for u in roles.lead], [u.text for u in roles.support]
    tally.lead.add(set_counts(lead, task.lead_units))
    tally.support.add(set_counts(support, task.support_units))
    tally.scored += 1
    keys = lambda xs: {unit_key(x) for x in xs}  # noqa: E731
    if keys(lead) != keys(task.lead_units) or keys(support) != keys(task.support_units):
        clipped = " ".join(span.split())[:240]
        tally.misses.append(
            f"{where}\n  text: {clipped}\n  lead    {lead}\n  gold    {task.lead_units}\n"
            f"  support {support}\n  gold    {task.support_units}"
        )


def score_document(gold: GoldDocument, shared: Path, tally: Tally) -> None:
    text = gold.load_text(shared)
    for task in gold.tasks:
        span = text[task.start : task.end]
        if not explicit(span, task):
            tally.skipped += 1
            continue
        score_task(span, task, tally, f"{gold.gold_path.name} [{task.start}]")


def cpu_seconds(spans: list[str], passes: int = 3) -> float:
    """Return the best CPU time of assign_roles over all spans (normalized first, outside the timing)."""
    texts = [normalize(span).text for span in spans]
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        for text in texts:
            assign_roles(text)
        best = min(best, time.process_time() - start)
    return best


def _line(name: str, c: Counts) -> str:
    return f"{name:<8} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}   (tp {c.tp}, fp {c.fp}, fn {c.fn})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="train", choices=("train", "dev", "all"))
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("-v", "--verbose", action="store_true", help="print each disagreement")
    args = parser.parse_args()
    shared = shared_root()
    if shared is None:
        raise SystemExit("the shared corpus (../shared) is needed for this benchmark")
    paths = gold_files(args.corpus / "gold")
    if args.split != "all":
        names = set(load_splits(args.corpus)[args.split])
        paths = [p for p in paths if p.name in names]
    tally = Tally()
    spans: list[str] = []
    for path in paths:
        gold = load_gold(path)
        score_document(gold, shared, tally)
        text = gold.load_text(shared)
        spans += [text[t.start : t.end] for t in gold.tasks]
    if args.verbose:
        print("\n".join(tally.misses), end="\n\n")
    print(f"split {args.split}: {len(paths)} documents, {tally.scored} tasks scored, "
          f"{tally.skipped} skipped (a gold unit not written in the span)")
    print(_line("lead", tally.lead))
    print(_line("support", tally.support))
    print(f"assign_roles over all {len(spans)} gold spans: {cpu_seconds(spans) * 1000:.0f} ms CPU (best of 3)")


if __name__ == "__main__":
    main()
