"""Fixtures of the review tests: a real SQLite store holding the fixed records of
`review_support.MEETING` (saved through the store's own API, no extractor run),
the app in-process, the app served by uvicorn on a free localhost port, and Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from review_support import ARGS, CHROMIUM, MEETING, fill_store, serve

from chidao.review.app import ReviewSettings, create_app
from chidao.store import Store


@pytest.fixture()
def meeting_store(tmp_path: Path) -> Iterator[Store]:
    store = fill_store(f"sqlite:///{tmp_path / 'review.db'}", MEETING)
    yield store
    store.close()


@dataclass
class Server:
    url: str
    store: Store


@pytest.fixture()
def client(meeting_store: Store) -> Iterator[TestClient]:
    """The app in-process (no network), for what does not need a browser."""
    app = create_app(ReviewSettings(db_url=meeting_store.url, actor="chuyên viên Lan"))
    with TestClient(app) as c:
        yield c


@pytest.fixture()
def review_server(meeting_store: Store) -> Iterator[Server]:
    settings = ReviewSettings(db_url=meeting_store.url, actor="chuyên viên Lan",
                              allowed_hosts=("127.0.0.1", "localhost"))
    server, thread, url = serve(settings)
    yield Server(url, meeting_store)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if executable is None:
        pytest.skip("Debian's chromium is not installed (scripts/setup.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        yield b
        b.close()
