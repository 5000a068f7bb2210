"""Open a store by URL: SQLite (one file, WAL mode) or PostgreSQL, migrated to the newest schema."""

from __future__ import annotations

import uuid
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from chidao.errors import StoreError
from chidao.store.models import Meta

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration under migrations/versions (a test checks it is Alembic's head):
# a store already there is opened without importing Alembic, ≈ 0.3 s of CPU per process.
HEAD_REVISION = "0001"
MIGRATION_LOCK_KEY = 0x63686964  # "chid": the advisory lock that serializes schema migrations
SQLITE_BUSY_MS = 60_000  # concurrent writers (flow workers) wait for the lock instead of failing


def create_store_engine(url: str) -> Engine:
    """Return an engine for `url`, migrated to the newest schema.

    Raises:
        StoreError: the URL is malformed, the database cannot be reached, or migration fails.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise StoreError(url, f"not a database URL ({err})", "use sqlite:///file.db or postgresql+psycopg://...") from err
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # the driver we depend on
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(parsed.render_as_string(hide_password=False), parsed.database)
    else:
        engine = create_engine(parsed, pool_pre_ping=True)
    try:
        _migrate(engine)
        _ensure_store_id(engine)
    except (OperationalError, SQLAlchemyError) as err:
        engine.dispose()
        raise StoreError(_shown(url), f"cannot open or migrate the store: {err.__class__.__name__}: {err}".splitlines()[0],
                         "check the URL, that the server runs, and that you may write there") from err
    return engine


def store_id(engine: Engine) -> str:
    """Return this store's instance id: a new database (even at the same URL) gets a new one."""
    with Session(engine) as session:
        return session.execute(select(Meta.value).where(Meta.key == "store_id")).scalar_one()


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        folder = Path(database).expanduser().resolve().parent
        if not folder.is_dir():
            raise StoreError(url, f"the folder {folder} does not exist", "create it or choose another path")
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
        cur.execute("PRAGMA synchronous=NORMAL")  # WAL keeps commits durable against a killed process
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    return engine


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("chidao.store") / "migrations"))
    return config


def _migrate(engine: Engine) -> None:
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two processes opening a new store at once (flow workers, parallel tests) would both
            # create the schema; a transaction-wide advisory lock lets one migrate, then the other sees it.
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        if _current_revision(conn) == HEAD_REVISION:
            return  # the common case: one SELECT, no Alembic
        from alembic import command

        config = _alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def _current_revision(conn: Connection) -> str | None:
    """Return the store's schema revision as Alembic recorded it, or None for a new database."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _ensure_store_id(engine: Engine) -> None:
    try:
        with Session(engine) as session, session.begin():
            if session.get(Meta, "store_id") is None:
                session.add(Meta(key="store_id", value=uuid.uuid4().hex))
    except IntegrityError:
        pass  # another process opening the new store at the same moment wrote it first


def _shown(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
