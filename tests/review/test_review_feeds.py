"""After review: exports carry each task's review state, and the push feed sends only what a
person accepted or edited (unless told to send all)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from review_support import csrf_of

from chidao.cli import main
from chidao.store import Store


@pytest.fixture()
def tracker() -> Iterator[tuple[str, list[dict]]]:
    """A local webhook that records every task POSTed to it."""
    received: list[dict] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append(json.loads(body.decode("utf-8")))
            self.send_response(201)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    server.shutdown()
    thread.join(timeout=5)


def _review(client: TestClient, store: Store) -> tuple[str, str, str]:
    """Accept the first task, reject the second, leave the third pending (as reviewer Minh)."""
    first, second, third = [t.id for t, _ in store.tasks()]
    client.post("/reviewer", data={"csrf": csrf_of(client.get("/").text), "name": "Nguyễn Văn Minh"})
    for task_id, verb in ((first, "accept"), (second, "reject")):
        token = csrf_of(client.get(f"/task/{task_id}").text)
        assert client.post(f"/task/{task_id}/{verb}", data={"csrf": token},
                           follow_redirects=False).status_code == 303
    return first, second, third


def test_push_sends_only_reviewed_tasks(client: TestClient, meeting_store: Store, tracker) -> None:  # type: ignore[no-untyped-def]
    url, received = tracker
    first, _, third = _review(client, meeting_store)
    assert {e.actor for e in meeting_store.events()} == {"Nguyễn Văn Minh"}
    assert main(["push", url, "--db", meeting_store.url]) == 0
    assert [(t["id"], t["review_state"]) for t in received] == [(first, "accepted")]
    # Told otherwise, pending tasks go too; rejected ones never do.
    assert main(["push", url, "--db", meeting_store.url, "--all-states"]) == 0
    assert [t["id"] for t in received] == [first, third]


def test_export_carries_review_state_and_can_keep_only_reviewed(client: TestClient, meeting_store: Store,
                                                               tmp_path: Path) -> None:
    first, second, third = _review(client, meeting_store)
    everything, reviewed = tmp_path / "all.jsonl", tmp_path / "reviewed.csv"
    assert main(["export", "--db", meeting_store.url, "--include-rejected", "-o", str(everything)]) == 0
    states = {r["id"]: r["review_state"] for r in map(json.loads, everything.read_text("utf-8").splitlines())}
    assert states == {first: "accepted", second: "rejected", third: "pending"}
    assert main(["export", "--db", meeting_store.url, "--format", "csv", "--reviewed", "-o", str(reviewed)]) == 0
    rows = reviewed.read_text("utf-8-sig").splitlines()
    assert len(rows) == 2 and rows[1].startswith(first) and "accepted" in rows[1]
