"""The first schema: documents, tasks, extractions kept beside tasks, review events,
failures and webhook deliveries.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("number", sa.String(200)),
        sa.Column("issuer", sa.Text()),
        sa.Column("date", sa.Date()),
        sa.Column("kind", sa.String(64)),
        sa.Column("meeting_date", sa.Date()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("pages", sa.JSON(), nullable=False),
        sa.Column("extraction_count", sa.Integer(), nullable=False),
        sa.Column("ingested_at", _TZ, nullable=False),
        sa.Column("updated_at", _TZ, nullable=False),
    )
    op.create_table(
        "tasks",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("document_id", sa.String(16), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer()),
        sa.Column("action", sa.Text()),
        sa.Column("lead_units", sa.JSON(), nullable=False),
        sa.Column("support_units", sa.JSON(), nullable=False),
        sa.Column("deadline", sa.Date()),
        sa.Column("deadline_text", sa.Text()),
        sa.Column("recurrence", sa.String(200)),
        sa.Column("assigner", sa.Text()),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("review_state", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("done_date", sa.Date()),
        sa.Column("stale", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", _TZ, nullable=False),
        sa.Column("updated_at", _TZ, nullable=False),
    )
    op.create_index("ix_tasks_document_id", "tasks", ["document_id"])
    op.create_index("ix_tasks_deadline", "tasks", ["deadline"])
    op.create_index("ix_tasks_review_state", "tasks", ["review_state"])
    op.create_index("ix_tasks_status", "tasks", ["status"])
    op.create_table(
        "task_extractions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("task_id", sa.String(32), sa.ForeignKey("tasks.id"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.Column("created_at", _TZ, nullable=False),
        sa.UniqueConstraint("task_id", "number"),
    )
    op.create_index("ix_task_extractions_task_id", "task_extractions", ["task_id"])
    op.create_table(
        "review_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("task_id", sa.String(32), sa.ForeignKey("tasks.id"), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("at", _TZ, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("before", sa.JSON()),
        sa.Column("after", sa.JSON()),
    )
    op.create_index("ix_review_events_task_id", "review_events", ["task_id"])
    op.create_table(
        "failures",
        sa.Column("path", sa.String(1000), primary_key=True),
        sa.Column("sha256", sa.String(64)),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("at", _TZ, nullable=False),
    )
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("endpoint", sa.String(1000), nullable=False),
        sa.Column("task_id", sa.String(32), sa.ForeignKey("tasks.id"), nullable=False),
        sa.Column("task_version", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("delivered_at", _TZ, nullable=False),
        sa.UniqueConstraint("endpoint", "idempotency_key"),
    )
    op.create_index("ix_deliveries_task_id", "deliveries", ["task_id"])


def downgrade() -> None:
    for table in ("deliveries", "failures", "review_events", "task_extractions", "tasks",
                  "documents", "meta"):
        op.drop_table(table)
