"""What the review app changes: every handler checks the CSRF token and records an event."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from icalendar import vRecur

from chidao.errors import StoreError
from chidao.records import task_id as make_task_id
from chidao.review import queue, security
from chidao.review.app import REVIEWER_COOKIE, render, reviewer
from chidao.review.pages import filter_of, neighbours, source_context, store_of, task_response
from chidao.review.units import suggestions
from chidao.store import Store
from chidao.store.convert import parse_date
from chidao.store.models import Document, Task

router = APIRouter()
_MESSAGES = {"accept": "msg_accepted", "reject": "msg_rejected", "reopen": "msg_reopened",
             "edit": "msg_edited"}


class FormError(ValueError):
    """A field the reviewer filled in cannot be stored; the message is a key in messages.json."""


async def checked_form(request: Request) -> dict[str, str]:
    """Return the posted form after checking its CSRF token against this browser's session."""
    form = await request.form()
    data = {k: v for k, v in form.items() if isinstance(v, str)}
    if not security.csrf_ok(request.app.state.settings.secret, request.state.session,
                            data.get(security.CSRF_FIELD)):
        raise HTTPException(403, "CSRF token missing or wrong: reload the page and try again")
    return data


@router.post("/task/{task_id}/{action}")
async def review_task(request: Request, task_id: str, action: str) -> Response:
    form = await checked_form(request)
    store, f = store_of(request), filter_of(request)
    if action not in ("accept", "reject", "reopen", "edit", "status"):
        raise HTTPException(404, f"no action {action}")
    task = store.get_task(task_id)
    if task is None:
        raise HTTPException(404, f"no task {task_id}")
    # The next task is found before acting: the action may take this one out of the queue.
    _, following = neighbours(queue.task_ids(store, f), task_id)
    try:
        if action == "status":
            _set_status(store, task_id, form, reviewer(request))
            return _to_task(task_id, f, "msg_status")
        if action == "edit":
            changes = edited_fields(store, task, form)
            action = "edit" if changes else "accept"  # saving an unchanged task confirms it
            store.review(task_id, action, reviewer(request), changes or None)
        else:
            store.review(task_id, action, reviewer(request))
    except FormError as err:
        return task_response(request, task, error=str(err), status_code=422)
    if form.get("back") == "queue":
        return _to_queue(f, _MESSAGES[action])
    if action == "reopen":
        return _to_task(task_id, f, _MESSAGES[action])
    return _to_task(following, f, _MESSAGES[action]) if following else _to_queue(f, _MESSAGES[action])


@router.post("/document/{document_id}/add")
async def add_task(request: Request, document_id: str) -> Response:
    """Add a task the extractor missed, from the span the reviewer selected."""
    form = await checked_form(request)
    store, f = store_of(request), filter_of(request)
    with store.session() as s:
        doc = s.get(Document, document_id)
    if doc is None:
        raise HTTPException(404, f"no document {document_id}")
    try:
        start, end = _span(doc.text, form.get("start"), form.get("end"))
        if store.get_task(make_task_id(doc.id, start, end)) is not None:
            raise FormError("err_span_taken")
        fields = _fields(form)
        task = store.add_task(doc.id, start, end, reviewer(request), fields)
    except (FormError, StoreError) as err:
        key = str(err) if isinstance(err, FormError) else "err_span"
        return render(request, "document.html", status_code=422, f=f, doc=doc, task=None,
                      **source_context(store, doc, None), units=suggestions(queue.store_units(store)),
                      label=queue.document_label(doc.number, doc.title, doc.source), error=key)
    return _to_task(task.id, f, "msg_added")


@router.post("/reviewer")
async def set_reviewer(request: Request) -> Response:
    form = await checked_form(request)
    back = form.get("back", "/")
    response = RedirectResponse(back if back.startswith("/") and not back.startswith("//") else "/", 303)
    # Cookies are Latin-1 on the wire: a Vietnamese name travels percent-encoded.
    response.set_cookie(REVIEWER_COOKIE, quote(form.get("name", "").strip()[:200]), samesite="strict",
                        max_age=3600 * 24 * 365)
    return response


def edited_fields(store: Store, task: Task, form: dict[str, str]) -> dict[str, Any]:
    """Return the fields the reviewer changed, with the span's text taken from the document."""
    with store.session() as s:
        doc = s.get(Document, task.document_id)
    assert doc is not None
    start, end = _span(doc.text, form.get("start", str(task.start)), form.get("end", str(task.end)))
    wanted = {"start": start, "end": end, "text": doc.text[start:end], **_fields(form)}
    if "action" in form:
        wanted["action"] = form["action"].strip() or None
    current = {"start": task.start, "end": task.end, "text": task.text, "action": task.action,
               "lead_units": task.lead_units, "support_units": task.support_units,
               "deadline": task.deadline.isoformat() if task.deadline else None,
               "deadline_text": task.deadline_text, "recurrence": task.recurrence}
    return {k: v for k, v in wanted.items() if v != current[k]}


def _fields(form: dict[str, str]) -> dict[str, Any]:
    """Return the units, deadline and recurrence the form gives (blank fields are cleared)."""
    deadline_raw = form.get("deadline", "").strip()
    deadline = parse_date(deadline_raw)
    if deadline_raw and deadline is None:
        raise FormError("err_deadline")
    recurrence = form.get("recurrence", "").strip().upper() or None
    if recurrence:
        try:
            rule = vRecur.from_ical(recurrence)
        except ValueError as err:
            raise FormError("err_recurrence") from err
        if "FREQ" not in rule:  # RFC 5545 requires it; icalendar reads free text as an empty rule
            raise FormError("err_recurrence")
    return {"lead_units": _units(form.get("lead_units", "")),
            "support_units": _units(form.get("support_units", "")),
            "deadline": deadline.isoformat() if deadline else None,
            "deadline_text": form.get("deadline_text", "").strip() or None, "recurrence": recurrence}


def _units(text: str) -> list[str]:
    # One unit a line: unit names contain commas ("Sở Văn hóa, Thể thao và Du lịch").
    seen: list[str] = []
    for line in text.splitlines():
        name = " ".join(line.split())
        if name and name not in seen:
            seen.append(name)
    return seen


def _span(text: str, start_raw: str | None, end_raw: str | None) -> tuple[int, int]:
    """Return the selected span, trimmed of surrounding spaces, or raise if it is not in the text."""
    try:
        start, end = int(start_raw or ""), int(end_raw or "")
    except ValueError as err:
        raise FormError("err_span") from err
    if not 0 <= start < end <= len(text):
        raise FormError("err_span")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise FormError("err_span")
    return start, end


def _set_status(store: Store, task_id: str, form: dict[str, str], actor: str) -> None:
    status = form.get("status", "")
    if status not in ("open", "done"):
        raise FormError("err_status")
    done = parse_date(form.get("done_date", "").strip() or None) if status == "done" else None
    store.set_status(task_id, status, actor, done_date=done or (dt.date.today() if status == "done" else None))


def _to_task(task_id: str, f: queue.QueueFilter, msg: str) -> Response:
    query = f.query(page=1)
    return RedirectResponse(f"/task/{task_id}?{query}{'&' if query else ''}msg={msg}", 303)


def _to_queue(f: queue.QueueFilter, msg: str) -> Response:
    query = f.query()
    return RedirectResponse(f"/?{query}{'&' if query else ''}msg={msg}", 303)
