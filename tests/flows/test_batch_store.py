"""A batch is stored in one transaction; a document that breaks it is isolated, not fatal."""

from __future__ import annotations

import dataclasses

from record_builders import make_extraction

from chidao.records import Extraction
from chidao.store import Store
from flows.ingest import _store_all


def _extraction(sentence: str, source: str) -> tuple[str, str, Extraction]:
    extraction, sha = make_extraction([(sentence, ["Sở Nội vụ"], [], "2025-12-31", "trong năm 2025", None)],
                                      source=source)
    return source, sha, extraction


def test_one_bad_document_does_not_take_the_batch_down(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'batch.db'}")
    good = _extraction("Giao Sở Nội vụ rà soát biên chế trong năm 2025.", "a.txt")
    other = _extraction("Giao Sở Nội vụ tổng hợp báo cáo tinh giản biên chế trong năm 2025.", "b.txt")
    path, sha, broken = _extraction("Giao Sở Nội vụ lập danh sách trong năm 2025.", "c.txt")
    twice = dataclasses.replace(broken, tasks=broken.tasks * 2)  # the same task id twice
    outcomes = _store_all(store, [good, (path, sha, twice), other])
    assert [o["ok"] for o in outcomes] == [True, False, True]
    assert outcomes[1]["error"].startswith("E401 IntegrityError")
    assert {d.source for d in store.documents()} == {"a.txt", "b.txt"}
    assert [f.path for f in store.failures()] == ["c.txt"]


def test_a_batch_is_stored_all_at_once(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'batch.db'}")
    items = [_extraction(f"Giao Sở Y tế kiểm tra cơ sở số {n} trong năm 2025.", f"{n}.txt") for n in range(5)]
    assert all(o["ok"] and o["added"] == 1 for o in _store_all(store, items))
    assert store.count_tasks() == 5
    assert [o["added"] for o in _store_all(store, items)] == [0] * 5  # again: nothing added
