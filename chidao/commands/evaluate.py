"""`chidao evaluate [GOLD ...]`: precision, recall and F1 against gold files."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from chidao.commands.batch import shared_or_usage
from chidao.errors import ExitCode

THRESHOLDS = {"task_f1": 0.90, "lead_f1": 0.85, "deadline_accuracy": 0.95, "date_accuracy": 0.95}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", nargs="*", type=Path, metavar="GOLD",
                        help="gold files (default: the dev split of corpus/gold)")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="the corpus folder (default: ./corpus)")
    parser.add_argument("--split", choices=("dev", "train", "all"), default="dev",
                        help="which split to score when no GOLD is given (default: dev)")
    parser.add_argument("--shared", type=Path, help="the shared folder with the documents (default: ../shared)")
    parser.add_argument("--misses", action="store_true", help="list missed, extra and wrong tasks per document")
    parser.add_argument("--ablation", action="store_true",
                        help="also score rules alone and the classifier alone (retrains on the train split)")
    parser.add_argument("--model", help="model version to score (default: the default model)")
    parser.add_argument("--check", action="store_true",
                        help=f"exit 4 if below the required figures {THRESHOLDS}")
    parser.add_argument("--json", action="store_true", help="print the overall figures as JSON")


def run(args: argparse.Namespace) -> int:
    from chidao.corpus import gold_files, load_gold, load_splits
    from chidao.scorer import run as score_run
    from extractors.models import load_task_classifier

    shared = shared_or_usage("evaluate", args.shared)
    if shared is None:
        return ExitCode.USAGE
    paths = args.gold or _split_paths(args.corpus, args.split, gold_files, load_splits)
    golds = [load_gold(p) for p in paths]
    classifier = load_task_classifier(args.model) if args.model else True
    totals, results = score_run(golds, shared, classifier)
    for r in results:
        s = r.score
        print(f"{s.name[:58]:<58} P {s.tasks.precision:.2f} R {s.tasks.recall:.2f} F1 {s.tasks.f1:.2f} "
              f"lead {s.lead.f1:.2f} deadline {s.deadlines_right}/{s.deadlines_total} date {'ok' if s.date_right else 'WRONG'}")
        if args.misses:
            for line in s.misses:
                print(line)
    overall = totals.as_dict()
    print("overall: " + json.dumps(overall, ensure_ascii=False) if args.json else _summary(overall))
    if args.ablation:
        _ablation(golds, shared, args.corpus)
    if args.check and any(overall[k] < v for k, v in THRESHOLDS.items()):
        return ExitCode.BELOW_THRESHOLD
    return ExitCode.OK


def _split_paths(corpus: Path, split: str, gold_files, load_splits) -> list[Path]:  # type: ignore[no-untyped-def]
    folder = corpus / "gold"
    if split == "all":
        return list(gold_files(folder))
    return [folder / name for name in load_splits(corpus)[split]]


def _summary(o: dict[str, float]) -> str:
    return (f"overall: task P {o['task_precision']:.3f} R {o['task_recall']:.3f} F1 {o['task_f1']:.3f} | "
            f"lead F1 {o['lead_f1']:.3f} | support F1 {o['support_f1']:.3f} | deadline acc {o['deadline_accuracy']:.3f} | "
            f"date acc {o['date_accuracy']:.3f} | {o['documents']} documents, {o['gold_tasks']} gold tasks")


def _ablation(golds, shared: Path, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    from chidao.corpus import load_gold, load_splits
    from chidao.scorer import run as score_run
    from chidao.training import fit, gold_examples

    train = [load_gold(corpus / "gold" / n) for n in load_splits(corpus)["train"]]
    examples = gold_examples(train, shared)
    print("ablation (same documents):")
    for label, classifier in (("rules alone", None), ("classifier alone (words)", fit(examples, "text", rule_weight=0.0)),
                              ("rules + classifier", fit(examples, "both"))):
        totals, _ = score_run(golds, shared, classifier)
        o = totals.as_dict()
        print(f"  {label:<26} task P {o['task_precision']:.3f} R {o['task_recall']:.3f} F1 {o['task_f1']:.3f}")
