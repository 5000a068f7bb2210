"""The task store: documents, tasks, review events, failures and webhook deliveries.

SQLite (one file, WAL mode) by default, PostgreSQL by URL; the schema is migrated with
Alembic when a store is opened below the newest schema.
"""

from chidao.store.repository import SaveResult, Store, TaskQuery

__all__ = ["SaveResult", "Store", "TaskQuery"]
