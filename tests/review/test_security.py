"""A document is untrusted input; forms need a CSRF token; beyond loopback, an access token."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from review_support import HOSTILE, csrf_of, fill_store, free_port, serve

from chidao.review.app import ReviewSettings, create_app
from chidao.review.security import is_loopback
from chidao.store import Store


@pytest.fixture()
def hostile_store(tmp_path: Path) -> Store:
    return fill_store(f"sqlite:///{tmp_path / 'hostile.db'}", HOSTILE)


def _pages(client: TestClient, store: Store) -> dict[str, str]:
    task = store.tasks()[0][0]
    return {"queue": client.get("/").text, "task": client.get(f"/task/{task.id}").text,
            "document": client.get(f"/document/{task.document_id}").text}


def test_document_html_is_escaped_on_every_page(hostile_store: Store) -> None:
    with TestClient(create_app(ReviewSettings(hostile_store.url, "lan"))) as client:
        pages = _pages(client, hostile_store)
    for name, html in pages.items():
        assert '<a href="javascript:' not in html, name
        assert "&lt;a href=&#34;javascript:window.__pwned=3&#34;&gt;" in html, name
    for name in ("task", "document"):  # the whole text is shown there, script included
        assert "<script>window.__pwned" not in pages[name]
        assert "&lt;script&gt;window.__pwned = 1;" in pages[name]
        assert '<img src="x"' not in pages[name]


def test_no_inline_script_may_run(client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


@pytest.mark.browser
@pytest.mark.slow
def test_hostile_document_renders_inert_in_chromium(browser, hostile_store: Store) -> None:  # type: ignore[no-untyped-def]
    server, thread, url = serve(ReviewSettings(hostile_store.url, "lan"))
    try:
        context = browser.new_context()
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        task = hostile_store.tasks()[0][0]
        for path in ("/", f"/task/{task.id}", f"/document/{task.document_id}"):
            page.goto(url + path)
            page.wait_for_load_state("load")
            assert page.evaluate("window.__pwned") is None, path
        # The markup is there as text a reader can see, not as elements.
        shown = page.locator("#source").inner_text()
        assert '<script>window.__pwned = 1; alert("xâm nhập")</script>' in shown
        assert page.locator("#source script, #source img, #source a, #source b").count() == 0
        assert dialogs == []
        context.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_post_without_csrf_token_changes_nothing(client: TestClient, meeting_store: Store) -> None:
    task = meeting_store.tasks()[0][0]
    client.get("/")  # a session cookie, but no token in the form
    for data in ({}, {"csrf": "0" * 64}):
        response = client.post(f"/task/{task.id}/accept", data=data, follow_redirects=False)
        assert response.status_code == 403
    # A token from another browser's session does not work in this one.
    other = TestClient(client.app)
    token = csrf_of(other.get(f"/task/{task.id}").text)
    assert client.post(f"/task/{task.id}/reject", data={"csrf": token}).status_code == 403
    assert meeting_store.get_task(task.id).review_state == "pending"
    assert meeting_store.events() == []


def test_every_form_carries_a_csrf_token(client: TestClient, meeting_store: Store) -> None:
    task = meeting_store.tasks()[0][0]
    for path in ("/", f"/task/{task.id}", f"/document/{task.document_id}"):
        html = client.get(path).text
        posts = html.count('method="post"')
        assert posts > 0 and html.count('name="csrf"') == posts, path


def test_access_token_required_when_set(meeting_store: Store) -> None:
    app = create_app(ReviewSettings(meeting_store.url, "lan", token="s3cret-123"))
    with TestClient(app) as client:
        assert client.get("/").status_code == 401
        assert client.get("/?token=wrong").status_code == 401
        moved = client.get("/?token=s3cret-123&state=pending", follow_redirects=False)
        assert moved.status_code == 303 and "token" not in moved.headers["location"]
        assert client.get("/").status_code == 200  # the cookie now carries it
    with TestClient(create_app(ReviewSettings(meeting_store.url, "lan", token="abc123"))) as client:
        assert client.get("/", headers={"Authorization": "Bearer abc123"}).status_code == 200


def test_only_loopback_host_names_are_accepted_on_loopback(meeting_store: Store) -> None:
    app = create_app(ReviewSettings(meeting_store.url, "lan", allowed_hosts=("127.0.0.1", "localhost")))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/").status_code == 200
        assert client.get("/", headers={"Host": "attacker.example"}).status_code == 400


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True), ("127.0.1.1", True),
    ("0.0.0.0", False), ("192.168.1.20", False), ("::", False), ("review.so-tai-chinh.vn", False),
])
def test_loopback_detection(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.slow
def test_command_beyond_loopback_demands_the_token_it_prints(meeting_store: Store) -> None:
    """`chidao review --host 0.0.0.0` as a user starts it: a token is made, printed and required."""
    port = free_port()
    cmd = [sys.executable, "-m", "chidao.cli", "review", "--db", meeting_store.url,
           "--host", "0.0.0.0", "--port", str(port)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])
    try:
        line = proc.stderr.readline() if proc.stderr else ""
        found = re.search(r"\?token=([\w-]+)", line)
        assert found, f"no token printed: {line!r}"
        base = f"http://127.0.0.1:{port}/"
        for _ in range(100):  # wait until uvicorn listens
            try:
                first = httpx.get(base)
                break
            except httpx.ConnectError:
                time.sleep(0.1)
        assert first.status_code == 401
        assert httpx.get(base, headers={"Authorization": f"Bearer {found.group(1)}"}).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
