"""The store's tables, as SQLAlchemy 2 typed models.

The schema is owned by the Alembic migrations in `migrations/versions`; these models
must match them (a test compares the two), and nothing calls `create_all`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

REVIEW_STATES = ("pending", "accepted", "edited", "rejected")
TASK_STATUSES = ("open", "done")
REVIEW_ACTIONS = ("accept", "edit", "reject", "add", "reopen", "status")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


class Meta(Base):
    """Key/value facts about this store (its instance id, written once at creation)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Document(Base):
    """One ingested document, identified by its content (the same bytes are one document)."""

    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(String(200))
    issuer: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    kind: Mapped[str | None] = mapped_column(String(64))
    meeting_date: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    pages: Mapped[list[Any]] = mapped_column(JSON, default=list)
    extraction_count: Mapped[int] = mapped_column(Integer, default=1)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Task(Base):
    """A task as the office tracks it: the extractor's fields, review state and status.

    `version` goes up whenever anything a tracker sees changes, so a webhook delivery
    is keyed by (task, version).
    """

    __tablename__ = "tasks"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str | None] = mapped_column(Text)
    lead_units: Mapped[list[str]] = mapped_column(JSON, default=list)
    support_units: Mapped[list[str]] = mapped_column(JSON, default=list)
    deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)
    deadline_text: Mapped[str | None] = mapped_column(Text)
    recurrence: Mapped[str | None] = mapped_column(String(200))
    assigner: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    origin: Mapped[str] = mapped_column(String(16), default="extracted")  # or "manual"
    review_state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    done_date: Mapped[dt.date | None] = mapped_column(Date)
    stale: Mapped[bool] = mapped_column(default=False)  # no longer found by the extractor
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TaskExtraction(Base):
    """An extraction of a task kept beside it: each distinct result the extractor gave."""

    __tablename__ = "task_extractions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    applied: Mapped[bool] = mapped_column(default=True)  # False: kept aside, a person had reviewed
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    __table_args__ = (UniqueConstraint("task_id", "number"),)


class ReviewEvent(Base):
    """One action a person took on a task: who, when, what, and the task before and after."""

    __tablename__ = "review_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id"), index=True)
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    action: Mapped[str] = mapped_column(String(16))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Failure(Base):
    """The last failure of a file that could not be ingested (cleared when it succeeds)."""

    __tablename__ = "failures"
    path: Mapped[str] = mapped_column(String(1000), primary_key=True)
    sha256: Mapped[str | None] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Delivery(Base):
    """One task version delivered to one endpoint: a re-run sends only what is not here."""

    __tablename__ = "deliveries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    endpoint: Mapped[str] = mapped_column(String(1000))
    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id"), index=True)
    task_version: Mapped[int] = mapped_column(Integer)
    idempotency_key: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer)
    delivered_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    __table_args__ = (UniqueConstraint("endpoint", "idempotency_key"),)
