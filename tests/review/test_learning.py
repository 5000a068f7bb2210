"""Corrections made on the review page, fed to `chidao train --db`, change the classifier.

A tiny synthetic corpus (documents written for this test) stands in for the gold, so the
run takes seconds and never touches the shipped model (CHIDAO_MODELS points to a temp dir).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import pytest

from chidao.commands import train as train_command
from chidao.records import SourceText
from chidao.review.learning import review_examples
from chidao.store import Store
from extractors.classifier import TaskClassifier
from extractors.metadata import read_metadata
from extractors.models import TASK_MODEL, default_version
from extractors.normalize import normalize
from extractors.pipeline import analyze_document, extract

pytestmark = pytest.mark.slow

UNITS = ["Sở Tài chính", "Sở Xây dựng", "Sở Y tế", "Sở Nội vụ", "Sở Tư pháp", "Sở Công Thương"]
WORK = ["rà soát, tổng hợp nhu cầu kinh phí năm 2026", "kiểm tra tiến độ các công trình trọng điểm",
        "xây dựng kế hoạch phòng, chống dịch bệnh", "hoàn thiện đề án sắp xếp bộ máy",
        "thẩm định dự thảo quy định về quản lý chợ", "đôn đốc thu hồi nợ đọng thuế"]
# The kind of item the reviewers keep rejecting: publishing the notice is routine, not a task.
PUBLISH = "Giao Văn phòng Ủy ban nhân dân tỉnh đăng tải Thông báo này trên Cổng thông tin điện tử của tỉnh"


def document(n: int, publish: bool) -> tuple[str, list[tuple[int, int]]]:
    """Return a meeting notice written for this test and the spans of its real tasks."""
    head = (f"ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH AN\nSố: {100 + n}/TB-UBND\n\nTHÔNG BÁO\n"
            f"Kết luận cuộc họp giao ban số {n}\n\nChủ tịch Ủy ban nhân dân tỉnh kết luận như sau:\n\n")
    items, spans, text = [], [], head
    for i in range(4):
        unit, work = UNITS[(n + i) % len(UNITS)], WORK[(n * 2 + i) % len(WORK)]
        items.append(((f"{i + 1}. Giao {unit} chủ trì {work}, báo cáo Ủy ban nhân dân tỉnh "
                      f"trước ngày {10 + i} tháng {4 + n % 6} năm 2026."), True))
    if publish:
        items.insert(2, (f"3. {PUBLISH}.", False))
    for item, is_task in items:
        if is_task:
            spans.append((len(text), len(text) + len(item)))
        text += item + "\n\n"
    text += "Hội nghị ghi nhận sự cố gắng của các sở, ngành.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
    return text, spans


def write_corpus(root: Path, names: list[tuple[str, int]]) -> tuple[Path, Path]:
    shared, corpus = root / "shared", root / "corpus"
    (shared / "corpus" / "docs").mkdir(parents=True)
    (corpus / "gold").mkdir(parents=True)
    for name, n in names:
        text, spans = document(n, publish=False)
        (shared / "corpus" / "docs" / f"{name}.txt").write_text(text, encoding="utf-8")
        gold = {"document": f"docs/{name}.txt", "sha256": hashlib.sha256(text.encode()).hexdigest(),
                "date": None, "tasks": [{"start": s, "end": e, "lead_units": [], "support_units": [],
                                         "deadline": None, "deadline_text": None, "recurrence": None}
                                        for s, e in spans]}
        (corpus / "gold" / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    splits = {"train": [f"{n}.gold.json" for n, _ in names[:-1]], "dev": [f"{names[-1][0]}.gold.json"]}
    (corpus / "splits.json").write_text(json.dumps(splits), encoding="utf-8")
    return shared, corpus


def reviewed_store(url: str, numbers: list[int]) -> Store:
    """Store documents with the publishing item and review them as an officer would."""
    store = Store(url)
    for n in numbers:
        text, spans = document(n, publish=True)
        source = SourceText(path=f"hop-{n}.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
        extraction = extract(source, classifier=None)
        store.save_extraction(extraction, source.sha256)
        at = text.index(PUBLISH)
        stored = {(t.start, t.end): t for t, _ in store.tasks() if t.document_id == extraction.document.id}
        publish = next((t for (s, e), t in stored.items() if s <= at < e), None)
        if publish is None:
            publish = store.add_task(extraction.document.id, at - 3, at + len(PUBLISH) + 1, "lan")
        store.review(publish.id, "reject", "chuyên viên Lan")
        for (s, e), task in stored.items():
            if task.id != publish.id and any(s <= a < e for a, _ in spans):
                store.review(task.id, "accept", "chuyên viên Lan")
    return store


def publish_probability(models: Path) -> tuple[float, float]:
    """Return the model's task probability for the held-back publishing item, and its threshold."""
    version = default_version(TASK_MODEL, models)
    assert version, f"no default model in {models}"
    classifier = TaskClassifier.load(models / TASK_MODEL / version)
    text = normalize(document(99, publish=True)[0]).text
    views = [a.view for a in analyze_document(text, read_metadata(text)) if a.view and PUBLISH in a.body]
    assert len(views) == 1
    return classifier.probabilities(views)[0], classifier.threshold


def _train(corpus: Path, shared: Path, models: Path, db: str | None) -> None:
    args = argparse.Namespace(corpus=corpus, shared=shared, models=models, force=True, db=db)
    assert train_command.run(args) == 0


def test_corrections_change_the_classifier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHIDAO_MODELS", str(tmp_path / "models-env"))
    shared, corpus = write_corpus(tmp_path, [(f"hop-{n}", n) for n in range(1, 7)])
    store = reviewed_store(f"sqlite:///{tmp_path / 'review.db'}", [11, 12, 13])
    learned = review_examples(store)
    assert (learned.documents, learned.negatives) == (3, 3) and learned.positives >= 9
    assert learned.unmatched == []

    _train(corpus, shared, tmp_path / "gold-only", None)
    _train(corpus, shared, tmp_path / "with-reviews", store.url)
    before, _ = publish_probability(tmp_path / "gold-only")
    after, threshold = publish_probability(tmp_path / "with-reviews")
    # The gold never shows this kind of item; three rejections teach the model it is no task.
    assert before - after > 0.25 and after < threshold, (before, after, threshold)
    metrics = json.loads(next((tmp_path / "with-reviews" / TASK_MODEL).glob("*/metrics.json")).read_text())
    assert metrics["review"]["negatives"] == 3
    assert not (tmp_path / "models-env").exists()  # nothing written to the default place
