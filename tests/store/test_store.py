"""The store keeps every document once, never duplicates a task, never overwrites a person's work."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from chidao.errors import StoreError
from chidao.store import Store, TaskQuery
from chidao.store.models import Base


def test_new_document_stores_every_task(any_store, extraction_factory):
    extraction, sha = extraction_factory()
    result = any_store.save_extraction(extraction, sha)
    assert result.new_document and result.added == 3
    rows = any_store.tasks()
    assert [t.text for t, _ in rows] == [t.text for t in extraction.tasks]
    task, doc = rows[1]
    assert task.lead_units == ["Sở Tài chính"] and task.support_units == ["Sở Kế hoạch và Đầu tư"]
    assert task.deadline == dt.date(2025, 6, 30) and doc.date == dt.date(2025, 3, 14)
    assert (task.review_state, task.status, task.version) == ("pending", "open", 1)


def test_reingesting_the_same_document_adds_nothing(any_store, extraction_factory):
    extraction, sha = extraction_factory()
    any_store.save_extraction(extraction, sha)
    again = any_store.save_extraction(extraction, sha)
    assert (again.new_document, again.added, again.updated, again.kept_aside) == (False, 0, 0, 0)
    assert any_store.count_tasks() == 3
    assert any_store.known_hashes([sha, "0" * 64]) == {sha}


def test_changed_extraction_updates_a_pending_task(any_store, extraction_factory):
    extraction, sha = extraction_factory()
    any_store.save_extraction(extraction, sha)
    first = extraction.tasks[0]
    extraction.tasks[0] = dataclasses.replace(first, lead_units=["Sở Nội vụ", "Sở Tư pháp"])
    result = any_store.save_extraction(extraction, sha)
    assert result.updated == 1
    task = any_store.get_task(first.id)
    assert task.lead_units == ["Sở Nội vụ", "Sở Tư pháp"] and task.version == 2
    assert [e.applied for e in any_store.extractions(first.id)] == [True, True]


def test_a_reviewed_task_is_never_overwritten(any_store, extraction_factory):
    extraction, sha = extraction_factory()
    any_store.save_extraction(extraction, sha)
    first = extraction.tasks[0]
    any_store.review(first.id, "edit", "chuyên viên Hà", {"deadline": "2025-07-15"})
    extraction.tasks[0] = dataclasses.replace(first, deadline="2025-06-20")
    result = any_store.save_extraction(extraction, sha)
    assert result.kept_aside == 1 and result.updated == 0
    task = any_store.get_task(first.id)
    assert task.deadline == dt.date(2025, 7, 15) and task.review_state == "edited"
    kept = any_store.extractions(first.id)
    assert [(e.number, e.applied, e.data["deadline"]) for e in kept] == [
        (1, True, "2025-06-30"), (2, False, "2025-06-20")]


def test_review_events_hold_who_when_before_and_after(any_store, extraction_factory):
    extraction, sha = extraction_factory()
    any_store.save_extraction(extraction, sha)
    tid = extraction.tasks[2].id
    any_store.review(tid, "accept", "Nguyễn Thị Lan")
    any_store.set_status(tid, "done", "Nguyễn Thị Lan", dt.date(2025, 3, 18))
    events = any_store.events(tid)
    assert [(e.actor, e.action) for e in events] == [("Nguyễn Thị Lan", "accept"), ("Nguyễn Thị Lan", "status")]
    assert events[0].before["review_state"] == "pending" and events[0].after["review_state"] == "accepted"
    assert events[1].after["done_date"] == "2025-03-18" and events[1].at is not None
    assert any_store.get_task(tid).version == 3


def test_a_task_the_extractor_no_longer_finds_goes_stale_unless_reviewed(any_store, extraction_factory):
    extraction, sha = extraction_factory()
    any_store.save_extraction(extraction, sha)
    any_store.review(extraction.tasks[0].id, "accept", "Lan")
    dropped = dataclasses.replace(extraction, tasks=[extraction.tasks[1]])
    assert any_store.save_extraction(dropped, sha).stale == 1
    assert [t.id for t, _ in any_store.tasks()] == [extraction.tasks[0].id, extraction.tasks[1].id]
    assert len(any_store.tasks(TaskQuery(include_stale=True))) == 3


def test_add_a_task_the_extractor_missed(any_store, extraction_factory):
    extraction, sha = extraction_factory(body="Giao Sở Y tế kiểm tra an toàn thực phẩm.\n")
    any_store.save_extraction(extraction, sha)
    task = any_store.add_task(extraction.document.id, 0, 40, "Lan", {"lead_units": ["Sở Y tế"]})
    assert task.text == "Giao Sở Y tế kiểm tra an toàn thực phẩm."
    assert (task.origin, task.review_state, task.lead_units) == ("manual", "edited", ["Sở Y tế"])
    with pytest.raises(StoreError):
        any_store.add_task(extraction.document.id, 0, 10_000, "Lan")


@pytest.mark.parametrize("query, expected", [
    (TaskQuery(unit="tài chính"), [1]),
    (TaskQuery(unit="Kế hoạch và Đầu tư"), [1]),
    (TaskQuery(due_from=dt.date(2025, 4, 1)), [0, 1]),
    (TaskQuery(due_to=dt.date(2025, 3, 31)), [2]),
    (TaskQuery(status="done"), [2]),
    (TaskQuery(document="27/TB"), [0, 1, 2]),
    (TaskQuery(document="không-có"), []),
    (TaskQuery(review_states=("accepted",)), [2]),
])
def test_filters(any_store, extraction_factory, query, expected):
    extraction, sha = extraction_factory()
    any_store.save_extraction(extraction, sha)
    any_store.review(extraction.tasks[2].id, "accept", "Lan")
    any_store.set_status(extraction.tasks[2].id, "done", "Lan")
    ids = [t.id for t, _ in any_store.tasks(query)]
    assert ids == [extraction.tasks[i].id for i in expected]


def test_failures_are_recorded_and_cleared_on_success(sqlite_store, extraction_factory):
    extraction, sha = extraction_factory(source="hong.txt")
    sqlite_store.record_failure("hong.txt", "E102", "không đọc được mã ký tự")
    sqlite_store.record_failure("hong.txt", "E102", "không đọc được mã ký tự")
    [failure] = sqlite_store.failures()
    assert (failure.code, failure.attempts) == ("E102", 2)
    sqlite_store.save_extraction(extraction, sha)
    assert sqlite_store.failures() == []


def test_sqlite_store_is_one_file_in_wal_mode(tmp_path):
    path = tmp_path / "wal.db"
    Store(f"sqlite:///{path}").close()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_match_the_models(any_store):
    with any_store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_a_recreated_database_gets_a_new_instance_id(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    first = Store(url).instance_id
    assert Store(url).instance_id == first
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"x.db{suffix}").unlink(missing_ok=True)
    assert Store(url).instance_id != first


@pytest.mark.parametrize("url, reason", [
    ("not a url", "not a database URL"),
    ("sqlite:////no/such/folder/x.db", "does not exist"),
])
def test_bad_store_urls_say_why(url, reason):
    with pytest.raises(StoreError) as info:
        Store(url)
    assert info.value.code == "E401" and reason in info.value.message


def test_unknown_review_action_or_field_is_refused(sqlite_store, extraction_factory):
    extraction, sha = extraction_factory()
    sqlite_store.save_extraction(extraction, sha)
    with pytest.raises(StoreError, match="unknown review action"):
        sqlite_store.review(extraction.tasks[0].id, "approve", "Lan")
    with pytest.raises(StoreError, match="cannot be edited"):
        sqlite_store.review(extraction.tasks[0].id, "edit", "Lan", {"version": 9})
