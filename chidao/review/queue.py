"""The review queue: which tasks a filter selects, in order, a page at a time.

The queue reads only the columns it shows (never a document's whole text), so a store
of ten thousand tasks still renders in a fraction of a second; see bench/bench_review.py.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import Any, TypeVarTuple
from urllib.parse import urlencode

from sqlalchemy import Select, Text, func, select, type_coerce

from chidao.review.vnsort import sort_key
from chidao.store import Store
from chidao.store.models import REVIEW_STATES, TASK_STATUSES, Document, Task

PAGE_SIZE = 100
_Columns = TypeVarTuple("_Columns")
SORTS = ("document", "deadline")


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """What the reviewer asked to see; empty fields select everything."""

    state: str = ""
    status: str = ""
    unit: str = ""
    document: str = ""
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    sort: str = "document"
    page: int = 1

    @classmethod
    def from_params(cls, params: dict[str, str]) -> QueueFilter:
        """Build a filter from query parameters, ignoring values that are not allowed."""
        return cls(
            state=params.get("state", "") if params.get("state") in REVIEW_STATES else "",
            status=params.get("status", "") if params.get("status") in TASK_STATUSES else "",
            unit=params.get("unit", "").strip()[:200],
            document=params.get("document", "").strip()[:64],
            due_from=_date(params.get("due_from")),
            due_to=_date(params.get("due_to")),
            sort=params.get("sort", "document") if params.get("sort") in SORTS else "document",
            page=max(1, _int(params.get("page"), 1)),
        )

    def params(self, **changes: Any) -> dict[str, str]:
        """Return the non-empty query parameters of this filter (with `changes` applied)."""
        f = replace(self, **changes)
        raw = {"state": f.state, "status": f.status, "unit": f.unit, "document": f.document,
               "due_from": f.due_from.isoformat() if f.due_from else "",
               "due_to": f.due_to.isoformat() if f.due_to else "",
               "sort": "" if f.sort == "document" else f.sort, "page": "" if f.page == 1 else str(f.page)}
        return {k: v for k, v in raw.items() if v}

    def query(self, **changes: Any) -> str:
        return urlencode(self.params(**changes))


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: str
    document_id: str
    document_label: str
    text: str
    lead_units: list[str]
    support_units: list[str]
    deadline: dt.date | None
    deadline_text: str | None
    recurrence: str | None
    review_state: str
    status: str
    origin: str
    confidence: float


def task_ids(store: Store, f: QueueFilter) -> list[str]:
    """Return the ids of every task the filter selects, in queue order."""
    if not f.unit:
        with store.engine.connect() as conn:  # Core rows: no ORM bookkeeping for 10k ids
            return list(conn.execute(_filtered(select(Task.id), f)).scalars())
    # Unit names sit in JSON lists; reading them as raw text and decoding here is several
    # times faster than the ORM's per-row JSON processing.
    stmt = _filtered(select(Task.id, type_coerce(Task.lead_units, Text),
                            type_coerce(Task.support_units, Text)), f)
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    needle = f.unit.casefold()
    return [r[0] for r in rows
            if any(needle in u.casefold() for u in [*json.loads(r[1] or "[]"), *json.loads(r[2] or "[]")])]


def page_rows(store: Store, ids: list[str]) -> list[QueueRow]:
    """Return the rows to show for these task ids, in the same order."""
    if not ids:
        return []
    stmt = (select(Task.id, Task.document_id, Document.number, Document.title, Document.source,
                   Task.text, Task.lead_units, Task.support_units, Task.deadline,
                   Task.deadline_text, Task.recurrence, Task.review_state, Task.status,
                   Task.origin, Task.confidence)
            .join(Document, Task.document_id == Document.id).where(Task.id.in_(ids)))
    with store.engine.connect() as s:
        found = {r[0]: r for r in s.execute(stmt).all()}
    return [_row(found[i]) for i in ids if i in found]


def document_choices(store: Store) -> list[tuple[str, str]]:
    """Return (id, label) of every document, in Vietnamese order of their labels."""
    stmt = select(Document.id, Document.number, Document.title, Document.source)
    with store.engine.connect() as s:
        rows = [(r[0], document_label(r[1], r[2], r[3])) for r in s.execute(stmt).all()]
    return sorted(rows, key=lambda r: sort_key(r[1]))


def state_counts(store: Store) -> dict[str, int]:
    stmt = select(Task.review_state, func.count()).where(Task.stale.is_(False)).group_by(Task.review_state)
    with store.engine.connect() as s:
        counts = {state: n for state, n in s.execute(stmt).all()}
    return {state: counts.get(state, 0) for state in REVIEW_STATES}


def store_units(store: Store) -> list[str]:
    """Return the distinct unit names the store's tasks name."""
    with store.engine.connect() as s:
        rows = s.execute(select(Task.lead_units, Task.support_units).distinct()).all()
    return sorted({u for lead, support in rows for u in [*lead, *support]})


def document_label(number: str | None, title: str | None, source: str) -> str:
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return " · ".join(p for p in (number, title) if p) or name


def _filtered(stmt: Select[*_Columns], f: QueueFilter) -> Select[*_Columns]:
    stmt = stmt.join(Document, Task.document_id == Document.id).where(Task.stale.is_(False))
    if f.state:
        stmt = stmt.where(Task.review_state == f.state)
    if f.status:
        stmt = stmt.where(Task.status == f.status)
    if f.document:
        stmt = stmt.where(Task.document_id == f.document)
    if f.due_from:
        stmt = stmt.where(Task.deadline >= f.due_from)
    if f.due_to:
        stmt = stmt.where(Task.deadline <= f.due_to)
    if f.sort == "deadline":
        # Tasks without a deadline go last: a reviewer works on what falls due first.
        stmt = stmt.order_by(Task.deadline.is_(None), Task.deadline, Document.id, Task.start)
    else:
        stmt = stmt.order_by(Document.ingested_at, Document.id, Task.start, Task.id)
    return stmt


def _row(r: Any) -> QueueRow:
    return QueueRow(id=r[0], document_id=r[1], document_label=document_label(r[2], r[3], r[4]),
                    text=r[5], lead_units=list(r[6] or []), support_units=list(r[7] or []),
                    deadline=r[8], deadline_text=r[9], recurrence=r[10], review_state=r[11],
                    status=r[12], origin=r[13], confidence=r[14])


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default
