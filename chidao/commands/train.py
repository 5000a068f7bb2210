"""`chidao train`: retrain the task classifier and make it the default only if it is not worse."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from chidao.commands.batch import shared_or_usage
from chidao.errors import ExitCode

if TYPE_CHECKING:  # the training stack is imported inside run(), to keep the CLI quick to start
    from chidao.training import Example


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="the corpus folder (default: ./corpus)")
    parser.add_argument("--shared", type=Path, help="the shared folder with the documents (default: ../shared)")
    parser.add_argument("--models", type=Path, help="where versioned models go (default: the installed models/ folder)")
    parser.add_argument("--db", metavar="URL", default=None,
                        help="also learn from the review events in this store (accepted/edited tasks "
                             "are positives, rejected ones negatives)")
    parser.add_argument("--force", action="store_true", help="make the new model the default even if it scores worse")


def run(args: argparse.Namespace) -> int:
    from chidao.corpus import load_gold, load_splits
    from chidao.scorer import run as score_run
    from chidao.training import (
        data_hash,
        fit,
        gold_examples,
        new_version,
        read_metrics,
        write_default,
    )
    from extractors.models import TASK_MODEL, default_version, models_root

    shared = shared_or_usage("train", args.shared)
    if shared is None:
        return ExitCode.USAGE
    splits = load_splits(args.corpus)
    train = [load_gold(args.corpus / "gold" / n) for n in splits["train"]]
    dev = [load_gold(args.corpus / "gold" / n) for n in splits["dev"]]
    examples = gold_examples(train, shared)
    learned, review_metrics, review_hash = _review_examples(args)
    examples += learned
    print(f"training on {len(examples)} candidates from {len(train)} documents "
          f"({sum(e.label for e in examples)} tasks)")
    classifier = fit(examples, "both")
    totals, _ = score_run(dev, shared, classifier)
    metrics = {"dev": totals.as_dict(), "data_hash": data_hash(train, review_hash), "examples": len(examples),
               "train_documents": len(train), **review_metrics}
    root = args.models or models_root()
    version = new_version()
    classifier.save(root / TASK_MODEL / version, metrics)
    print(f"model {version}: dev {totals.as_dict()}")
    previous = default_version(TASK_MODEL, root)
    old_f1 = _dev_f1(read_metrics(root / TASK_MODEL / previous)) if previous else -1.0
    if args.force or totals.tasks.f1 >= old_f1:
        write_default(root, TASK_MODEL, version)
        print(f"default model is now {version} (dev task F1 {totals.tasks.f1:.3f}, was {old_f1:.3f})")
    else:
        print(f"kept {previous} as default: new dev task F1 {totals.tasks.f1:.3f} < {old_f1:.3f}")
    return ExitCode.OK


def _dev_f1(metrics: dict[str, object]) -> float:
    dev = metrics.get("dev")
    return float(dev["task_f1"]) if isinstance(dev, dict) else -1.0


def _review_examples(args: argparse.Namespace) -> tuple[list[Example], dict[str, object], list[str]]:
    """Return examples learned from the review events of the store at --db (none without it)."""
    if not getattr(args, "db", None):
        return [], {}, []
    from chidao.review.learning import review_examples
    from chidao.store import Store

    store = Store(args.db)
    try:
        found = review_examples(store)
    finally:
        store.close()
    print(f"learning from reviews: {found.positives} accepted/edited and {found.negatives} rejected "
          f"candidates in {found.documents} documents; {len(found.unmatched)} reviewed tasks match no candidate")
    metrics: dict[str, object] = {"review": {"documents": found.documents, "positives": found.positives,
                          "negatives": found.negatives, "unmatched": len(found.unmatched),
                          "events": found.fingerprint}}
    return found.examples, metrics, [found.fingerprint]
