"""The review page in real headless Chromium: every action lands in the store and the export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chidao.exports import to_jsonl
from chidao.store import TaskQuery
from chidao.store.convert import task_view

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture()
def page(browser, review_server):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def select_text(page, phrase: str) -> None:  # type: ignore[no-untyped-def]
    """Select `phrase` in the source pane as a reader would, with a DOM Range."""
    page.evaluate("""(phrase) => {
        const source = document.getElementById('source');
        const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
        const nodes = []; let all = '';
        while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }
        const at = all.indexOf(phrase);
        if (at < 0) throw new Error('phrase not in the page: ' + phrase);
        const place = (pos) => { for (const [n, off] of nodes) if (pos <= off + n.data.length) return [n, pos - off]; };
        const range = document.createRange();
        range.setStart(...place(at)); range.setEnd(...place(at + phrase.length));
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    }""", phrase)


def export_rows(store) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    rows = store.tasks(TaskQuery(include_stale=True))
    lines = to_jsonl([task_view(t, d) for t, d in rows]).decode("utf-8").splitlines()
    return {r["id"]: r for r in map(json.loads, lines)}


def test_review_session_reaches_store_and_export(page, review_server) -> None:  # type: ignore[no-untyped-def]
    store = review_server.store
    first, second, third = [t for t, _ in store.tasks()]

    page.goto(review_server.url + "/?state=pending")
    assert page.locator("#queue tr.row").count() == 3
    assert "Sở Tài chính" in page.locator("#queue").inner_text()  # Vietnamese shown as itself

    # Open the first task with the keyboard (j selects, o opens) and accept it with "a".
    page.keyboard.press("j")
    page.keyboard.press("o")
    page.wait_for_url(f"**/task/{first.id}*")
    assert "Sở Tài chính" in page.locator("#source .task.lead").first.inner_text()
    assert "31 tháng 3 năm 2026" in page.locator("#source .deadline").first.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review.png"), full_page=False)
    page.keyboard.press("a")
    page.wait_for_url(f"**/task/{second.id}*")  # the next pending task
    assert store.get_task(first.id).review_state == "accepted"

    # Edit the second task's deadline with the date picker and save.
    page.fill("#deadline", "2026-04-20")
    page.click("#save")
    page.wait_for_url(f"**/task/{third.id}*")
    edited = store.get_task(second.id)
    assert (edited.review_state, edited.deadline.isoformat()) == ("edited", "2026-04-20")

    # Reject the third with "r": the pending queue is then empty.
    page.keyboard.press("r")
    page.wait_for_url("**/?*msg=msg_rejected*")
    assert store.get_task(third.id).review_state == "rejected"

    # Add the missed task (item 3, the health department's monthly report) by selecting it.
    page.goto(f"{review_server.url}/document/{first.document_id}")
    phrase = "Giao Sở Y tế tăng cường công tác phòng, chống dịch bệnh mùa xuân"
    select_text(page, phrase)
    page.wait_for_function("!document.getElementById('add-button').disabled")
    page.fill("#add-form textarea[name=lead_units]", "Sở Y tế")
    page.click("#add-button")
    page.wait_for_url("**/task/*msg=msg_added*")
    added = [t for t, _ in store.tasks() if t.origin == "manual"]
    assert [t.text for t in added] == [phrase]
    assert added[0].lead_units == ["Sở Y tế"]

    events = [(e.task_id, e.action, e.actor) for e in store.events()]
    assert events == [(first.id, "accept", "chuyên viên Lan"), (second.id, "edit", "chuyên viên Lan"),
                      (third.id, "reject", "chuyên viên Lan"), (added[0].id, "add", "chuyên viên Lan")]
    edit_event = store.events(second.id)[0]
    assert (edit_event.before["deadline"], edit_event.after["deadline"]) == ("2026-04-15", "2026-04-20")

    exported = export_rows(store)
    assert {i: exported[i]["review_state"] for i in (first.id, second.id, third.id, added[0].id)} == {
        first.id: "accepted", second.id: "edited", third.id: "rejected", added[0].id: "edited"}
    assert exported[second.id]["deadline"] == "2026-04-20"

    # The page's own export, limited to reviewed tasks, leaves out the rejected one.
    reviewed = page.request.get(review_server.url + "/export?format=jsonl&reviewed=1").text()
    ids = {json.loads(line)["id"] for line in reviewed.splitlines()}
    assert ids == {first.id, second.id, added[0].id}


def test_english_toggle_and_unit_suggestions(page, review_server) -> None:  # type: ignore[no-untyped-def]
    task = review_server.store.tasks()[0][0]
    page.goto(f"{review_server.url}/task/{task.id}")
    assert page.locator("#accept").inner_text().startswith("✓ Chấp nhận")
    # The reviewer gives their name once; it is kept, accents and all, for their events.
    page.fill("header .reviewer input[name=name]", "Trần Thị Hà")
    page.click("header .reviewer button")
    page.wait_for_url(f"**/task/{task.id}")
    assert page.input_value("header .reviewer input[name=name]") == "Trần Thị Hà"
    page.click("#lang-toggle")
    page.wait_for_url(f"**/task/{task.id}")
    assert page.locator("#accept").inner_text().startswith("✓ Accept")
    # Picking a gazetteer unit appends it to the focused unit list, one a line.
    page.click("#support-units")
    page.fill("#unit-pick", "Sở Khoa học và Công nghệ")
    page.dispatch_event("#unit-pick", "change")
    assert page.input_value("#support-units").splitlines() == ["Sở Nội vụ", "Sở Khoa học và Công nghệ"]
    options = page.locator("#unit-names option").evaluate_all("os => os.map(o => o.value)")
    assert "Bộ Tài chính" in options and "Ủy ban nhân dân" in options
