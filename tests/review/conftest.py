"""Fixtures of the review tests: a real SQLite store filled through the store's own API,
and the review app served by uvicorn on a free localhost port."""

from __future__ import annotations

import hashlib
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from chidao.review.app import ReviewSettings, create_app
from chidao.store import Store

DATA = Path(__file__).parent / "data"
MEETING = DATA / "thong-bao-hop-giao-ban-so.txt"


def fill_store(url: str, *paths: Path) -> Store:
    """Store each document the way the ingest flow does: read, extract, save."""
    from chidao.api import extract_path

    store = Store(url)
    for path in paths:
        store.save_extraction(extract_path(path), hashlib.sha256(path.read_bytes()).hexdigest())
    return store


@pytest.fixture()
def meeting_store(tmp_path: Path) -> Iterator[Store]:
    store = fill_store(f"sqlite:///{tmp_path / 'review.db'}", MEETING)
    yield store
    store.close()


@dataclass
class Server:
    url: str
    store: Store
    token: str | None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(settings: ReviewSettings) -> tuple[uvicorn.Server, threading.Thread, str]:
    """Start the app in a thread with uvicorn; return once it answers."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the review app did not start within 20 s")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


@pytest.fixture()
def client(meeting_store: Store) -> Iterator[TestClient]:
    """The app in-process (no network), for what does not need a browser."""
    app = create_app(ReviewSettings(db_url=meeting_store.url, actor="chuyên viên Lan"))
    with TestClient(app) as c:
        yield c


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


@pytest.fixture()
def review_server(meeting_store: Store) -> Iterator[Server]:
    settings = ReviewSettings(db_url=meeting_store.url, actor="chuyên viên Lan",
                              allowed_hosts=("127.0.0.1", "localhost"))
    server, thread, url = serve(settings)
    yield Server(url, meeting_store, None)
    server.should_exit = True
    thread.join(timeout=10)


CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


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
