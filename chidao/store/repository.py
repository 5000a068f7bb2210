"""The store's operations: what the flow, the commands and the review page call.

Every write is one transaction, so a process killed in the middle leaves either the whole
document (with all its tasks) or nothing: a re-run then stores it exactly once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, Table, delete, func, insert, select
from sqlalchemy.orm import Session

from chidao.errors import StoreError
from chidao.records import Extraction, TaskRecord, task_id
from chidao.store import convert
from chidao.store.engine import create_store_engine, store_id
from chidao.store.models import (
    REVIEW_ACTIONS,
    TASK_STATUSES,
    Base,
    Document,
    Failure,
    ReviewEvent,
    Task,
    TaskExtraction,
    utcnow,
)


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What storing one extraction changed."""

    document_id: str
    new_document: bool
    added: int = 0
    updated: int = 0
    kept_aside: int = 0  # new extractions kept beside tasks a person had reviewed
    stale: int = 0


@dataclass(frozen=True, slots=True)
class TaskQuery:
    """Which tasks to list: every field narrows the selection; None means any."""

    due_from: dt.date | None = None
    due_to: dt.date | None = None
    unit: str | None = None  # matched, case-insensitively, inside lead or support units
    status: str | None = None
    document: str | None = None  # a document id, or a part of its number or source path
    review_states: tuple[str, ...] | None = None
    include_stale: bool = False


@dataclass(slots=True)
class Store:
    """A task store at one URL (SQLite by default, PostgreSQL by URL)."""

    url: str
    engine: Engine = field(init=False)

    def __post_init__(self) -> None:
        self.engine = create_store_engine(self.url)

    @property
    def instance_id(self) -> str:
        return store_id(self.engine)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    # -- ingestion -------------------------------------------------------------------
    def known_hashes(self, hashes: list[str]) -> set[str]:
        """Return which of these content hashes are already stored as documents."""
        found: set[str] = set()
        with self.session() as s:
            for i in range(0, len(hashes), 500):
                chunk = hashes[i:i + 500]
                found.update(s.scalars(select(Document.sha256).where(Document.sha256.in_(chunk))))
        return found

    def save_extraction(self, extraction: Extraction, sha256: str) -> SaveResult:
        """Store one document and its tasks (see `save_extractions`)."""
        return self.save_extractions([(extraction, sha256)])[0]

    def save_extractions(self, items: list[tuple[Extraction, str]]) -> list[SaveResult]:
        """Store documents and their tasks in one transaction; re-storing never duplicates.

        A new document is inserted in bulk with its tasks. For a stored one, a pending
        task takes the new extraction; a task a person has reviewed keeps their version,
        and the new extraction is kept beside it (`TaskExtraction.applied=False`).
        """
        with self.session() as s, s.begin():
            ids = [e.document.id for e, _ in items]
            stored = set(s.scalars(select(Document.id).where(Document.id.in_(ids))))
            new = list({e.document.id: (e, sha) for e, sha in items
                        if e.document.id not in stored}.values())
            _bulk_insert(s, new)
            results = [SaveResult(e.document.id, True, added=len(e.tasks)) for e, _ in new]
            for extraction, _ in items:
                if extraction.document.id in stored:
                    # get_one: the row was seen in this transaction, so it is there (raises if not)
                    results.append(_refresh(s, s.get_one(Document, extraction.document.id), extraction))
            s.execute(delete(Failure).where(Failure.path.in_([e.document.source for e, _ in items])))
        order = {doc_id: n for n, doc_id in enumerate(ids)}
        return sorted(results, key=lambda r: order[r.document_id])

    def record_failure(self, path: str, code: str, reason: str, sha256: str | None = None) -> None:
        with self.session() as s, s.begin():
            row = s.get(Failure, path)
            if row is None:
                s.add(Failure(path=path, sha256=sha256, code=code, reason=reason))
            else:
                row.code, row.reason, row.sha256 = code, reason, sha256
                row.attempts += 1
                row.at = utcnow()

    def failures(self) -> list[Failure]:
        with self.session() as s:
            return list(s.scalars(select(Failure).order_by(Failure.path)))

    # -- reading ---------------------------------------------------------------------
    def documents(self) -> list[Document]:
        with self.session() as s:
            return list(s.scalars(select(Document).order_by(Document.ingested_at, Document.id)))

    def get_task(self, task_id_: str) -> Task | None:
        with self.session() as s:
            return s.get(Task, task_id_)

    def tasks(self, query: TaskQuery | None = None) -> list[tuple[Task, Document]]:
        """Return tasks with their documents, in document then text order."""
        q = query or TaskQuery()
        stmt = select(Task, Document).join(Document, Task.document_id == Document.id)
        if not q.include_stale:
            stmt = stmt.where(Task.stale.is_(False))
        if q.due_from:
            stmt = stmt.where(Task.deadline >= q.due_from)
        if q.due_to:
            stmt = stmt.where(Task.deadline <= q.due_to)
        if q.status:
            stmt = stmt.where(Task.status == q.status)
        if q.review_states:
            stmt = stmt.where(Task.review_state.in_(q.review_states))
        if q.document:
            like = f"%{q.document}%"
            stmt = stmt.where((Document.id == q.document) | Document.number.ilike(like)
                              | Document.source.ilike(like))
        stmt = stmt.order_by(Document.ingested_at, Document.id, Task.start, Task.id)
        with self.session() as s:
            rows = [(t, d) for t, d in s.execute(stmt)]
        if q.unit:
            rows = [(t, d) for t, d in rows if _names_unit(t, q.unit)]
        return rows

    def extractions(self, task_id_: str) -> list[TaskExtraction]:
        """Return every distinct extraction of a task, oldest first."""
        with self.session() as s:
            stmt = select(TaskExtraction).where(TaskExtraction.task_id == task_id_)
            return list(s.scalars(stmt.order_by(TaskExtraction.number)))

    def events(self, task_id_: str | None = None) -> list[ReviewEvent]:
        with self.session() as s:
            stmt = select(ReviewEvent).order_by(ReviewEvent.id)
            if task_id_:
                stmt = stmt.where(ReviewEvent.task_id == task_id_)
            return list(s.scalars(stmt))

    def count_tasks(self) -> int:
        with self.session() as s:
            return s.execute(select(func.count()).select_from(Task)).scalar_one()

    # -- people's actions --------------------------------------------------------------
    def review(self, task_id_: str, action: str, actor: str,
               changes: dict[str, Any] | None = None) -> Task:
        """Accept, reject or edit a task (or reopen it to pending), recording the event.

        Raises:
            StoreError: no such task, an unknown action, or a field that cannot be edited.
        """
        if action not in ("accept", "reject", "edit", "reopen"):
            raise StoreError(task_id_, f"unknown review action {action!r}", f"use one of {REVIEW_ACTIONS}")
        unknown = set(changes or {}) - set(convert.EDITABLE_FIELDS)
        if unknown:
            raise StoreError(task_id_, f"fields cannot be edited: {sorted(unknown)}",
                             f"editable fields are {convert.EDITABLE_FIELDS}")
        state = {"accept": "accepted", "reject": "rejected", "edit": "edited", "reopen": "pending"}[action]
        with self.session() as s, s.begin():
            task = _task_or_error(s, task_id_)
            before = convert.snapshot(task)
            if changes:
                convert.apply_fields(task, changes)
            task.review_state = state
            return _bump(s, task, actor, action, before)

    def set_status(self, task_id_: str, status: str, actor: str,
                   done_date: dt.date | None = None) -> Task:
        """Mark a task open or done (done today unless a date is given), recording the event."""
        if status not in TASK_STATUSES:
            raise StoreError(task_id_, f"unknown status {status!r}", f"use one of {TASK_STATUSES}")
        with self.session() as s, s.begin():
            task = _task_or_error(s, task_id_)
            before = convert.snapshot(task)
            task.status = status
            task.done_date = (done_date or dt.date.today()) if status == "done" else None
            return _bump(s, task, actor, "status", before)

    def add_task(self, document_id: str, start: int, end: int, actor: str,
                 fields: dict[str, Any] | None = None) -> Task:
        """Add a task the extractor missed, from a span of the document's text."""
        with self.session() as s, s.begin():
            doc = s.get(Document, document_id)
            if doc is None or not 0 <= start < end <= len(doc.text):
                raise StoreError(document_id, f"no document, or span {start}:{end} outside its text",
                                 "select the span inside the document's text")
            record = TaskRecord(id=task_id(document_id, start, end), text=doc.text[start:end],
                                start=start, end=end, page=None, action=None, lead_units=[],
                                support_units=[], deadline=None, deadline_text=None,
                                recurrence=None, assigner=None, confidence=1.0)
            [task] = _insert_tasks(s, document_id, [record], origin="manual")
            if fields:
                convert.apply_fields(task, {k: v for k, v in fields.items() if k in convert.EDITABLE_FIELDS})
            task.review_state = "edited"
            s.add(ReviewEvent(task_id=task.id, actor=actor, action="add", before=None,
                              after=convert.snapshot(task)))
            return task


def _insert_tasks(s: Session, document_id: str, records: list[TaskRecord],
                  origin: str = "extracted") -> list[Task]:
    tasks, kept = [], []
    for record in records:
        task = Task(id=record.id, document_id=document_id, origin=origin, review_state="pending",
                    status="open", stale=False, version=1, confidence=record.confidence)
        data = convert.task_data(record)
        convert.apply_fields(task, data)
        tasks.append(task)
        kept.append(TaskExtraction(task_id=task.id, number=1, data=data, applied=True))
    s.add_all(tasks)
    s.flush()
    s.add_all(kept)
    return tasks


def _refresh(s: Session, doc: Document, extraction: Extraction) -> SaveResult:
    """Re-store a document already in the store: the heart of "never duplicate, never overwrite"."""
    doc.extraction_count += 1
    doc.updated_at = utcnow()
    added = updated = kept = 0
    seen: set[str] = set()
    for record in extraction.tasks:
        seen.add(record.id)
        task = s.get(Task, record.id)
        if task is None:
            _insert_tasks(s, doc.id, [record])
            added += 1
            continue
        data = convert.task_data(record)
        latest = s.scalars(select(TaskExtraction).where(TaskExtraction.task_id == task.id)
                           .order_by(TaskExtraction.number.desc()).limit(1)).first()
        if latest is not None and latest.data == data and not task.stale:
            continue  # the extractor says what it said before
        reviewed = task.review_state != "pending"
        s.add(TaskExtraction(task_id=task.id, number=(latest.number if latest else 0) + 1,
                             data=data, applied=not reviewed))
        if reviewed:
            kept += 1
        else:
            convert.apply_fields(task, data)
            task.stale = False
            task.version += 1
            task.updated_at = utcnow()
            updated += 1
    stale = _mark_stale(s, doc.id, seen)
    return SaveResult(doc.id, False, added=added, updated=updated, kept_aside=kept, stale=stale)


def _mark_stale(s: Session, document_id: str, seen: set[str]) -> int:
    stmt = select(Task).where(Task.document_id == document_id, Task.origin == "extracted",
                              Task.review_state == "pending", Task.stale.is_(False))
    count = 0
    for task in s.scalars(stmt):
        if task.id not in seen:
            task.stale, task.version, count = True, task.version + 1, count + 1
    return count


def _bulk_insert(s: Session, items: list[tuple[Extraction, str]]) -> None:
    """Insert new documents, their tasks and first extractions: three executemany in all.

    Core inserts on the tables, not the ORM's bulk insert: the ORM leaves out the None
    columns of each row and so splits the rows into a statement per run of rows with
    the same None columns (780 statements for 300 documents, 60 % of storing's time).
    Every row here carries every column, so one statement per table does.
    """
    if not items:
        return
    s.execute(insert(_table(Document)),
              [convert.document_values(e.document, sha, e.pages) for e, sha in items])
    found = [(e.document.id, t, convert.task_data(t)) for e, _ in items for t in e.tasks]
    if found:
        now = utcnow()
        s.execute(insert(_table(Task)), [convert.task_values(doc_id, t, data=data) for doc_id, t, data in found])
        s.execute(insert(_table(TaskExtraction)), [
            {"task_id": t.id, "number": 1, "data": data, "applied": True, "created_at": now}
            for _, t, data in found])


def _table(model: type[Base]) -> Table:
    return model.metadata.tables[model.__tablename__]


def _task_or_error(s: Session, task_id_: str) -> Task:
    task = s.get(Task, task_id_)
    if task is None:
        raise StoreError(task_id_, "no task with this id", "list tasks with `chidao export`")
    return task


def _bump(s: Session, task: Task, actor: str, action: str, before: dict[str, Any]) -> Task:
    task.version += 1
    task.updated_at = utcnow()
    s.add(ReviewEvent(task_id=task.id, actor=actor, action=action, before=before,
                      after=convert.snapshot(task)))
    return task


def _names_unit(task: Task, unit: str) -> bool:
    needle = unit.casefold()
    return any(needle in name.casefold() for name in [*task.lead_units, *task.support_units])
