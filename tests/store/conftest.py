"""Fixtures for the store tests: real SQLite files, and extractions built from real sentences."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from record_builders import Row, make_extraction
from sqlalchemy import create_engine, text

from chidao.records import Extraction
from chidao.store import Store

SENTENCES = [
    ("Giao Sở Nội vụ rà soát, cập nhật cơ sở dữ liệu cán bộ, công chức trước ngày 30/6/2025.",
     ["Sở Nội vụ"], [], "2025-06-30", "trước ngày 30/6/2025", None),
    ("Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư bố trí kinh phí trong quý II/2025.",
     ["Sở Tài chính"], ["Sở Kế hoạch và Đầu tư"], "2025-06-30", "trong quý II/2025", None),
    ("Ủy ban nhân dân các huyện báo cáo tiến độ giải ngân trước ngày 20 hằng tháng.",
     ["Ủy ban nhân dân các huyện"], [], "2025-03-20", "trước ngày 20 hằng tháng",
     "FREQ=MONTHLY;BYMONTHDAY=20"),
]


def _notice(body: str = "", sentences: list[Row] | None = None,
            source: str = "thong-bao.txt") -> tuple[Extraction, str]:
    """Build an extraction whose tasks are the given sentences, as the extractor would."""
    return make_extraction(SENTENCES if sentences is None else sentences, body, source,
                           assigner="Chủ tịch UBND tỉnh", kind="notice")


@pytest.fixture
def extraction_factory() -> Callable[..., tuple[Extraction, str]]:
    return _notice


@pytest.fixture
def sqlite_store(tmp_path) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    yield store
    store.close()


def _fresh_postgres(url: str) -> tuple[str, str]:
    """Empty a schema of this test process's own and return the URL that works in it.

    Test processes (pytest-xdist workers, other suites) share one database: each gets its
    own schema, or one's DROP would pull the tables from under another's test.
    """
    schema = f"chidao_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}"
    _drop_schema(url, schema, create=True)
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}", schema


def _drop_schema(url: str, schema: str, create: bool = False) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        if create:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, tmp_path) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    """The same test against SQLite and, where the machine has one, PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.db'}"
    else:
        url = os.environ.get("CHIDAO_TEST_PG_URL", "")
        if not url:
            pytest.skip("CHIDAO_TEST_PG_URL is unset: run `eval \"$(bash scripts/start_postgres.sh)\"`")
        base, (url, schema) = url, _fresh_postgres(url)
    store = Store(url)
    yield store
    store.close()
    if request.param == "postgresql":
        _drop_schema(base, schema)
