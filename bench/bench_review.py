"""Benchmark: the review queue over a store of 10,000 tasks (target: under 300 ms a page).

Fills a temporary SQLite store through the store's own API (500 notices written for the
benchmark, 20 tasks each; a third reviewed), then times the pages a reviewer opens, served
in-process through the whole app (routing, middleware, queries, Jinja2). Prints the
median and worst of several runs, in milliseconds.

    .venv/bin/python bench/bench_review.py [--tasks 10000] [--runs 15]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from chidao.records import DocumentRecord, Extraction, TaskRecord, document_id, task_id
from chidao.review.app import ReviewSettings, create_app
from chidao.store import Store

UNITS = ["Sở Tài chính", "Sở Xây dựng", "Sở Y tế", "Sở Nội vụ", "Ủy ban nhân dân huyện Đông Sơn",
         "Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh", "Sở Khoa học và Công nghệ"]
PER_DOCUMENT = 20


def _document(n: int) -> Extraction:
    items = [f"{i + 1}. Giao {UNITS[(n + i) % len(UNITS)]} chủ trì, phối hợp với {UNITS[(n + i + 3) % len(UNITS)]} "
             f"rà soát, tổng hợp và báo cáo kết quả thực hiện nhiệm vụ số {i + 1} của văn bản {n}, "
             f"hoàn thành trước ngày {1 + i % 28} tháng {1 + n % 12} năm 2026." for i in range(PER_DOCUMENT)]
    text = f"THÔNG BÁO số {n}/TB-UBND\n\n" + "\n\n".join(items) + "\n"
    doc_id = document_id(hashlib.sha256(text.encode()).hexdigest())
    tasks, at = [], text.index("1. Giao")
    for i, item in enumerate(items):
        start = text.index(item, at)
        at = start + len(item)
        tasks.append(TaskRecord(
            id=task_id(doc_id, start, at), text=item, start=start, end=at, page=None, action=None,
            lead_units=[UNITS[(n + i) % len(UNITS)]], support_units=[UNITS[(n + i + 3) % len(UNITS)]],
            deadline=f"2026-{1 + n % 12:02d}-{1 + i % 28:02d}", deadline_text="trước ngày …",
            recurrence=None, assigner=None, confidence=0.9))
    document = DocumentRecord(id=doc_id, source=f"bench/thong-bao-{n}.txt", title=f"Kết luận giao ban {n}",
                              number=f"{n}/TB-UBND", issuer=None, date="2026-01-05", text=text)
    return Extraction(document, tasks, [], [])


def fill(store: Store, n_tasks: int) -> float:
    began = time.perf_counter()
    for n in range(n_tasks // PER_DOCUMENT):
        extraction = _document(n)
        store.save_extraction(extraction, hashlib.sha256(extraction.document.text.encode()).hexdigest())
    ids = [t.id for t, _ in store.tasks()]
    for i, tid in enumerate(ids[::3]):
        store.review(tid, "accept" if i % 4 else "reject", "bench")
    return time.perf_counter() - began


def timed(client: TestClient, path: str, runs: int) -> tuple[float, float]:
    client.get(path)  # warm: templates compiled, caches filled
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        seconds = fill(store, args.tasks)
        print(f"store: {store.count_tasks():,} tasks in {args.tasks // PER_DOCUMENT} documents "
              f"(filled in {seconds:.1f} s)")
        some = store.tasks()[len(store.tasks()) // 2][0]
        with TestClient(create_app(ReviewSettings(store.url, "bench"))) as client:
            for label, path in [
                ("queue, first page", "/"),
                ("queue, pending only", "/?state=pending"),
                ("queue, by unit", "/?unit=S%E1%BB%9F+Y+t%E1%BA%BF"),
                ("queue, by deadline, page 50", "/?sort=deadline&page=50"),
                ("task beside its source", f"/task/{some.id}"),
            ]:
                median, worst = timed(client, path, args.runs)
                print(f"{label:32} median {median:6.1f} ms   worst {worst:6.1f} ms   (target < 300 ms)")
        store.close()


if __name__ == "__main__":
    main()
