"""Conversions between the shared records and the store's rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from chidao.records import DocumentRecord, Page, TaskRecord
from chidao.store.models import Document, Task, utcnow

# The fields of a task that come from the extractor (what a re-run may change).
EXTRACTED_FIELDS = ("text", "start", "end", "page", "action", "lead_units", "support_units",
                    "deadline", "deadline_text", "recurrence", "assigner", "confidence")
# The fields a person may edit on the review page.
EDITABLE_FIELDS = ("text", "start", "end", "action", "lead_units", "support_units",
                   "deadline", "deadline_text", "recurrence")


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """Return a date from `YYYY-MM-DD`, or None when there is none or it is not a date."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def task_data(record: TaskRecord) -> dict[str, Any]:
    """Return the extracted fields of a task as plain JSON (what is compared across runs)."""
    # Read the fields directly: `to_dict` (dataclasses.asdict) deep-copies every field and
    # was 40 % of the store's time per document; the fields are str, int, float or lists of str.
    data = {name: getattr(record, name) for name in EXTRACTED_FIELDS}
    return {name: list(value) if isinstance(value, list) else value for name, value in data.items()}


def task_fields(task: Task) -> dict[str, Any]:
    """Return a task row's extracted fields in the same JSON form as `task_data`."""
    return {name: iso(getattr(task, name)) if name == "deadline" else getattr(task, name)
            for name in EXTRACTED_FIELDS}


def apply_fields(task: Task, data: dict[str, Any]) -> None:
    for name, value in data.items():
        if name == "deadline":
            value = parse_date(value)
        elif name in ("lead_units", "support_units"):
            value = list(value or [])
        setattr(task, name, value)


def document_values(record: DocumentRecord, sha256: str, pages: list[Page]) -> dict[str, Any]:
    """Return a new document's column values (for a bulk INSERT)."""
    now = utcnow()
    return {"id": record.id, "sha256": sha256, "source": record.source, "title": record.title,
            "number": record.number, "issuer": record.issuer, "date": parse_date(record.date),
            "kind": record.kind, "meeting_date": parse_date(record.meeting_date),
            "text": record.text, "pages": [[p.number, p.start, p.end] for p in pages],
            "extraction_count": 1, "ingested_at": now, "updated_at": now}


def task_values(document_id: str, record: TaskRecord, origin: str = "extracted",
                data: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return a new task's column values (for a bulk INSERT), from `task_data(record)` if given."""
    now = utcnow()
    values = dict(data) if data is not None else task_data(record)
    values["deadline"] = parse_date(values["deadline"])
    values.update(id=record.id, document_id=document_id, origin=origin, review_state="pending",
                  status="open", done_date=None, stale=False, version=1, created_at=now,
                  updated_at=now)
    return values


def snapshot(task: Task) -> dict[str, Any]:
    """Return everything a person sees of a task (the before/after of a review event)."""
    data = task_fields(task)
    data.update(review_state=task.review_state, status=task.status,
                done_date=iso(task.done_date), version=task.version)
    return data


def task_view(task: Task, document: Document) -> dict[str, Any]:
    """Return a task as the exports and the webhook show it."""
    return {
        "id": task.id, "version": task.version, "document_id": task.document_id,
        "document_number": document.number, "document_title": document.title,
        "document_date": iso(document.date), "source": document.source,
        "text": task.text, "lead_units": list(task.lead_units),
        "support_units": list(task.support_units), "deadline": iso(task.deadline),
        "deadline_text": task.deadline_text, "recurrence": task.recurrence,
        "status": task.status, "done_date": iso(task.done_date),
        "review_state": task.review_state, "page": task.page, "start": task.start,
        "end": task.end, "confidence": task.confidence, "origin": task.origin,
    }
