"""The webhook: retried until the tracker accepts, delivered once, re-sent only when changed."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from chidao.cli import main
from chidao.push import RetryPolicy, idempotency_key, push
from chidao.store.convert import task_view
from chidao.store.deliveries import deliveries


class Tracker(ThreadingHTTPServer):
    """A tracker that answers 503 to its first `failures` requests, then 201."""

    def __init__(self, failures: int) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.failures = failures
        self.attempts: list[str] = []  # idempotency keys, in arrival order
        self.accepted: dict[str, dict] = {}  # type: ignore[type-arg]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook"


class _Handler(BaseHTTPRequestHandler):
    server: Tracker

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        key = self.headers["Idempotency-Key"]
        self.server.attempts.append(key)
        if len(self.server.attempts) <= self.server.failures:
            self.send_response(503)
        else:
            self.server.accepted[key] = json.loads(body.decode("utf-8"))
            self.send_response(201)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def tracker() -> Iterator[Tracker]:
    server = Tracker(failures=3)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


FAST = RetryPolicy(attempts=5, backoff=0.01)


def test_retried_then_delivered_exactly_once(store, tracker):
    views = [task_view(t, d) for t, d in store.tasks()]
    waits: list[float] = []
    report = push(store, tracker.url, views[:1], FAST, sleep=waits.append)
    assert report.sent == [views[0]["id"]] and not report.failed
    key = idempotency_key(views[0]["id"], views[0]["version"])
    assert tracker.attempts == [key] * 4  # three 503s, then accepted
    assert waits == [0.01, 0.02, 0.04]  # backoff doubles
    assert tracker.accepted[key]["lead_units"] == ["Sở Khoa học và Công nghệ"]
    [delivery] = deliveries(store, tracker.url)
    assert (delivery.task_id, delivery.attempts, delivery.status_code) == (views[0]["id"], 4, 201)

    again = push(store, tracker.url, views[:1], FAST, sleep=waits.append)
    assert again.sent == [] and again.skipped == 1 and len(tracker.attempts) == 4


def test_a_rerun_sends_only_what_changed(store, tracker):
    tracker.failures = 0
    for task, _ in store.tasks():
        store.review(task.id, "accept", "Lan")
    url = store.url
    assert main(["push", tracker.url, "--db", url, "--backoff", "0.01"]) == 0
    assert len(tracker.accepted) == 3
    changed = store.tasks()[1][0]
    store.review(changed.id, "edit", "Lan", {"deadline": "2025-04-20"})
    assert main(["push", tracker.url, "--db", url, "--backoff", "0.01"]) == 0
    assert len(tracker.attempts) == 4
    latest = tracker.accepted[tracker.attempts[-1]]
    assert (latest["id"], latest["deadline"], latest["review_state"]) == (changed.id, "2025-04-20", "edited")


def test_only_reviewed_tasks_are_pushed_unless_told(store, tracker):
    tracker.failures = 0
    store.review(store.tasks()[0][0].id, "accept", "Lan")
    assert main(["push", tracker.url, "--db", store.url]) == 0
    assert len(tracker.accepted) == 1
    assert main(["push", tracker.url, "--db", store.url, "--all-states"]) == 0
    assert len(tracker.accepted) == 3


def test_a_tracker_that_never_recovers_is_reported_not_recorded(store, tracker):
    tracker.failures = 100
    view = task_view(*store.tasks()[0])
    report = push(store, tracker.url, [view], RetryPolicy(attempts=3, backoff=0.0), sleep=lambda _: None)
    assert report.failed == {view["id"]: "HTTP 503 after 3 attempts"}
    assert deliveries(store) == []
