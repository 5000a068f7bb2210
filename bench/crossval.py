"""Cross-validate the task classifier by document (k folds over all gold files).

Prints task P/R/F1 (and unit, deadline, date figures) of models that never saw the
documents they are scored on — a steadier figure than the small dev split, used when
changing features. Usage: python bench/crossval.py [--folds 5] [--view both|text|rules] [-v] [--misses]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from chidao.corpus import gold_files, load_gold, shared_root
from chidao.evaluation import Totals
from chidao.scorer import run as score_run
from chidao.training import fit, gold_examples
from extractors.classifier import C_DEFAULT, RULE_WEIGHT_DEFAULT, THRESHOLD_DEFAULT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--view", default="both", choices=("both", "text", "rules"))
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--rules-only", action="store_true", help="score the cue rules without a classifier")
    parser.add_argument("-C", type=float, default=C_DEFAULT, help="inverse regularization strength")
    parser.add_argument("--threshold", type=float, default=THRESHOLD_DEFAULT)
    parser.add_argument("--rule-weight", type=float, default=RULE_WEIGHT_DEFAULT)
    parser.add_argument("-v", "--verbose", action="store_true", help="each document's figures")
    parser.add_argument("--misses", action="store_true",
                        help="each document's missed, extra and mislabelled tasks, as the model that never saw it gives them")
    args = parser.parse_args()
    shared = shared_root()
    assert shared is not None, "../shared is needed"
    golds = [load_gold(p) for p in gold_files(args.corpus / "gold")]
    folds = [golds[i::args.folds] for i in range(args.folds)]
    total = Totals()
    for i, held in enumerate(folds):
        train = [g for j, f in enumerate(folds) if j != i for g in f]
        classifier = None if args.rules_only else fit(gold_examples(train, shared), args.view, args.C, args.threshold, args.rule_weight)  # type: ignore[arg-type]
        totals, results = score_run(held, shared, classifier)
        for r in results:
            total.add(r.score)
            if args.verbose:
                s = r.score
                print(f"  {s.name[:50]:<50} P {s.tasks.precision:.2f} R {s.tasks.recall:.2f} lead {s.lead.f1:.2f}")
            if args.misses and r.score.misses:
                print(r.score.name, *r.score.misses, sep="\n")
    o = total.as_dict()
    print(f"{args.folds}-fold by document ({'rules' if args.rules_only else args.view}): task P {o['task_precision']:.3f} "
          f"R {o['task_recall']:.3f} F1 {o['task_f1']:.3f} | lead F1 {o['lead_f1']:.3f} | support F1 {o['support_f1']:.3f} "
          f"| deadline {o['deadline_accuracy']:.3f} | date {o['date_accuracy']:.3f}")


if __name__ == "__main__":
    main()
