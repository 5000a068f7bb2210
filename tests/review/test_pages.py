"""The review app without a browser: filters, edits, validation, words and Vietnamese order."""

from __future__ import annotations

import re
import unicodedata
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from review_support import MEETING, csrf_of, extraction_of

from chidao.review.highlight import Mark, segments, task_marks
from chidao.review.i18n import LANGUAGES, messages
from chidao.review.units import gazetteer_units
from chidao.review.vnsort import sort_key, sorted_vi
from chidao.store import Store
from chidao.store.models import REVIEW_ACTIONS, REVIEW_STATES, TASK_STATUSES

TEMPLATES = Path(str(resources.files("chidao.review") / "templates"))


@pytest.mark.parametrize(("words", "expected"), [
    # Đ comes right after D, not after Z as in code point order.
    (["Đông Sơn", "Yên Bái", "Điện Biên", "Dak Lak"], ["Dak Lak", "Điện Biên", "Đông Sơn", "Yên Bái"]),
    # Ủ is U with a hook: before V, not after Z.
    (["Ủy ban nhân dân", "Văn phòng", "Sở Y tế"], ["Sở Y tế", "Ủy ban nhân dân", "Văn phòng"]),
    # a < ă < â, o < ô < ơ, u < ư: letters first, tones second.
    (["ơn", "ăn", "ân", "an", "ôn", "on"], ["an", "ăn", "ân", "on", "ôn", "ơn"]),
    (["má", "mà", "ma", "mạ", "mã", "mả"], ["ma", "mà", "mả", "mã", "má", "mạ"]),
    # A space ends a word: "Sở Y tế" before "Sởi".
    (["Sởi", "Sở Y tế"], ["Sở Y tế", "Sởi"]),
])
def test_vietnamese_order(words: list[str], expected: list[str]) -> None:
    assert sorted_vi(words) == expected


def test_vietnamese_order_ignores_normalization_form() -> None:
    nfd = unicodedata.normalize("NFD", "Sở Tài chính")
    assert sort_key(nfd)[:2] == sort_key("Sở Tài chính")[:2]


def test_messages_have_both_languages_in_nfc() -> None:
    table = messages()
    assert table and all(getattr(m, lang) for m in table.values() for lang in LANGUAGES)


def test_every_word_the_templates_use_is_defined() -> None:
    used: set[str] = set()
    for path in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"""\bt\(["']([a-z_]+)["']\)""", path.read_text(encoding="utf-8")))
    used |= {f"state_{s}" for s in REVIEW_STATES} | {f"status_{s}" for s in TASK_STATUSES}
    used |= {f"event_{a}" for a in REVIEW_ACTIONS} | {"origin_extracted", "origin_manual"}
    from chidao.review import actions
    used |= set(actions._MESSAGES.values()) | {"msg_status", "msg_added", "err_span", "err_span_taken",
                                                "err_deadline", "err_recurrence", "err_status"}
    assert used - set(messages()) == set()


def test_gazetteer_suggestions_are_whole_names_in_vietnamese_order() -> None:
    names = list(gazetteer_units())
    assert {"Bộ Tài chính", "Sở Y tế", "Ủy ban nhân dân", "Văn phòng Chính phủ"} <= set(names)
    assert names == sorted_vi(names)


def test_segments_cover_the_text_and_carry_their_marks() -> None:
    text = "1. Giao Sở Y tế báo cáo trước ngày 30/6/2026."
    marks = task_marks(text, 0, len(text), ["Sở Y tế"], [], "trước ngày 30/6/2026", [])
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    assert all(text[s.start:s.start + len(s.text)] == s.text for s in segs)
    kinds = {s.text: s.kinds for s in segs}
    assert kinds["Sở Y tế"] == ("lead", "task") and kinds["trước ngày 30/6/2026"] == ("deadline", "task")


def test_marks_outside_the_text_are_dropped() -> None:
    assert [s.kinds for s in segments("abc", [Mark(2, 9, "task"), Mark(-1, 1, "lead")])] == [()]


def _tasks(store: Store) -> list:  # type: ignore[type-arg]
    return [t for t, _ in store.tasks()]


def test_the_store_holds_the_stated_records(meeting_store: Store) -> None:
    """The other tests review exactly these: items 1, 2 and 4 (run on), item 3 missed."""
    extraction, sha256 = extraction_of(MEETING)
    [doc] = meeting_store.documents()
    assert (doc.id, doc.sha256, doc.text) == (extraction.document.id, sha256, extraction.document.text)
    stored = [(t.id, t.text, t.lead_units, t.support_units, t.deadline.isoformat(), t.deadline_text,
               t.origin, t.review_state) for t in _tasks(meeting_store)]
    assert stored == [(r.id, r.text, r.lead_units, r.support_units, r.deadline, r.deadline_text,
                       "extracted", "pending") for r in extraction.tasks]
    assert [t.text[:2] for t in _tasks(meeting_store)] == ["1.", "2.", "4."]
    assert "Sở Y tế" not in "".join(t.text for t in _tasks(meeting_store))


def test_queue_filters(client: TestClient, meeting_store: Store) -> None:
    first, second, third = _tasks(meeting_store)
    meeting_store.review(first.id, "accept", "lan")

    def shown(query: str) -> list[str]:
        return re.findall(r'id="row-([0-9a-f]+)"', client.get("/?" + query).text)

    assert shown("") == [first.id, second.id, third.id]
    assert shown("state=accepted") == [first.id]
    assert shown("state=pending") == [second.id, third.id]
    assert shown("unit=s%E1%BB%9F+x%C3%A2y+d%E1%BB%B1ng") == [second.id]  # "sở xây dựng", any case
    assert shown("due_to=2026-04-15") == [first.id, second.id]
    assert shown("due_from=2026-04-16") == [third.id]
    assert shown(f"document={first.document_id}") == [first.id, second.id, third.id]
    assert shown("document=khong-co") == []
    assert shown("state=bogus") == [first.id, second.id, third.id]  # an unknown value is ignored


def _post(client: TestClient, task_id: str, verb: str, **data: str):  # type: ignore[no-untyped-def]
    token = csrf_of(client.get(f"/task/{task_id}").text)
    return client.post(f"/task/{task_id}/{verb}", data={"csrf": token, **data}, follow_redirects=False)


def _edit_form(task, **changes: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    form = {"start": str(task.start), "end": str(task.end), "action": task.action or "",
            "lead_units": "\n".join(task.lead_units), "support_units": "\n".join(task.support_units),
            "deadline": task.deadline.isoformat() if task.deadline else "",
            "deadline_text": task.deadline_text or "", "recurrence": task.recurrence or ""}
    return {**form, **changes}


def test_edit_records_only_what_changed(client: TestClient, meeting_store: Store) -> None:
    task = _tasks(meeting_store)[2]
    cut = task.text.index(", xong trước")  # keep item 4 only, without the paragraph after it
    form = _edit_form(task, end=str(task.start + cut), lead_units="Công an tỉnh\n\nCông an tỉnh\nSở Tư pháp",
                      recurrence="freq=monthly")
    assert _post(client, task.id, "edit", **form).status_code == 303
    after = meeting_store.get_task(task.id)
    assert after.text == task.text[:cut] and after.lead_units == ["Công an tỉnh", "Sở Tư pháp"]
    assert (after.review_state, after.recurrence) == ("edited", "FREQ=MONTHLY")
    event = meeting_store.events(task.id)[-1]
    changed = {k for k in event.after if event.before.get(k) != event.after[k]}
    assert changed == {"text", "end", "lead_units", "recurrence", "review_state", "version"}


def test_saving_an_unchanged_task_accepts_it(client: TestClient, meeting_store: Store) -> None:
    task = _tasks(meeting_store)[0]
    _post(client, task.id, "edit", **_edit_form(task))
    assert [e.action for e in meeting_store.events(task.id)] == ["accept"]


@pytest.mark.parametrize(("field", "value", "error"), [
    ("recurrence", "mỗi tháng một lần", "Quy tắc lặp lại không hợp lệ"),
    ("deadline", "31/3/2026", "Thời hạn không phải là ngày"),
    ("end", "999999", "Đoạn chọn không nằm trong văn bản"),
])
def test_bad_edits_are_refused_and_nothing_is_stored(client: TestClient, meeting_store: Store,
                                                     field: str, value: str, error: str) -> None:
    task = _tasks(meeting_store)[0]
    response = _post(client, task.id, "edit", **_edit_form(task, **{field: value}))
    assert response.status_code == 422 and error in response.text
    assert meeting_store.events() == [] and meeting_store.get_task(task.id).version == task.version


def test_status_done_from_the_page(client: TestClient, meeting_store: Store) -> None:
    task = _tasks(meeting_store)[0]
    _post(client, task.id, "status", status="done", done_date="2026-03-28")
    after = meeting_store.get_task(task.id)
    assert (after.status, after.done_date.isoformat()) == ("done", "2026-03-28")


def test_adding_a_task_twice_on_the_same_span_is_refused(client: TestClient, meeting_store: Store) -> None:
    doc = meeting_store.documents()[0]
    start = doc.text.index("3. Giao Sở Y tế")
    end = doc.text.index("về Ủy ban nhân dân tỉnh.", start) + len("về Ủy ban nhân dân tỉnh.")
    token = csrf_of(client.get(f"/document/{doc.id}").text)
    # Spaces around a selection are trimmed: the same task either way.
    for s, e, code in ((start - 2, end + 1, 303), (start, end, 422)):
        r = client.post(f"/document/{doc.id}/add", data={"csrf": token, "start": str(s), "end": str(e)},
                        follow_redirects=False)
        assert r.status_code == code
    assert [t.text for t in _tasks(meeting_store) if t.origin == "manual"] == [doc.text[start:end]]


def test_queue_in_english(client: TestClient) -> None:
    client.get("/lang/en?back=/")
    assert "Review state" in client.get("/").text
    assert client.get("/lang/vi?back=//evil.example", follow_redirects=False).headers["location"] == "/"
