"""Helpers of the review tests (a store filled like the ingest flow does, a served app)."""

from __future__ import annotations

import hashlib
import re
import socket
import threading
import time
from pathlib import Path

import uvicorn

from chidao.review.app import ReviewSettings, create_app
from chidao.store import Store

DATA = Path(__file__).parent / "data"
MEETING = DATA / "thong-bao-hop-giao-ban-so.txt"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def fill_store(url: str, *paths: Path) -> Store:
    """Store each document the way the ingest flow does: read, extract, save."""
    from chidao.api import extract_path

    store = Store(url)
    for path in paths:
        store.save_extraction(extract_path(path), hashlib.sha256(path.read_bytes()).hexdigest())
    return store


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


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)
