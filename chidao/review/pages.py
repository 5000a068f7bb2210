"""What the review app shows: the queue, a task beside its source, a whole document."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from chidao.exports import FORMATS
from chidao.review import queue
from chidao.review.app import LANG_COOKIE, render
from chidao.review.highlight import segments, task_marks
from chidao.review.i18n import LANGUAGES
from chidao.review.units import suggestions
from chidao.store import Store, TaskQuery
from chidao.store.convert import task_view
from chidao.store.models import Document, Task

router = APIRouter()
RECURRENCES = ("FREQ=DAILY", "FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=FR", "FREQ=MONTHLY",
               "FREQ=MONTHLY;INTERVAL=3", "FREQ=MONTHLY;INTERVAL=6", "FREQ=YEARLY")
_EXPORT_TYPES = {"jsonl": "application/x-ndjson; charset=utf-8", "csv": "text/csv; charset=utf-8",
                 "ics": "text/calendar; charset=utf-8"}


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def filter_of(request: Request) -> queue.QueueFilter:
    return queue.QueueFilter.from_params(dict(request.query_params))


@router.get("/")
def queue_page(request: Request) -> Response:
    store, f = store_of(request), filter_of(request)
    ids = queue.task_ids(store, f)
    pages = max(1, -(-len(ids) // queue.PAGE_SIZE))
    page = min(f.page, pages)
    shown = ids[(page - 1) * queue.PAGE_SIZE: page * queue.PAGE_SIZE]
    return render(request, "queue.html", f=f, rows=queue.page_rows(store, shown), total=len(ids),
                  page=page, pages=pages, counts=queue.state_counts(store),
                  documents=queue.document_choices(store), units=queue.store_units(store),
                  msg=request.query_params.get("msg", ""))


@router.get("/task/{task_id}")
def task_page(request: Request, task_id: str) -> Response:
    task = store_of(request).get_task(task_id)
    if task is None:
        raise HTTPException(404, f"no task {task_id}")
    return task_response(request, task, msg=request.query_params.get("msg", ""))


def task_response(request: Request, task: Task, msg: str = "", error: str | None = None,
                  status_code: int = 200) -> Response:
    """Render one task beside its document, with its place in the filtered queue."""
    store, f = store_of(request), filter_of(request)
    with store.session() as s:
        doc = s.get(Document, task.document_id)
    assert doc is not None  # a task's document is a foreign key
    ids = queue.task_ids(store, f)
    previous, following = neighbours(ids, task.id)
    return render(request, "task.html", status_code=status_code, f=f, task=task, doc=doc,
                  **source_context(store, doc, task), previous=previous, following=following,
                  position=ids.index(task.id) + 1 if task.id in ids else 0, total=len(ids),
                  events=store.events(task.id), recurrences=RECURRENCES,
                  units=suggestions(queue.store_units(store)), msg=msg, error=error,
                  label=queue.document_label(doc.number, doc.title, doc.source))


@router.get("/document/{document_id}")
def document_page(request: Request, document_id: str) -> Response:
    store = store_of(request)
    with store.session() as s:
        doc = s.get(Document, document_id)
    if doc is None:
        raise HTTPException(404, f"no document {document_id}")
    return render(request, "document.html", f=filter_of(request), doc=doc, task=None,
                  **source_context(store, doc, None), units=suggestions(queue.store_units(store)),
                  label=queue.document_label(doc.number, doc.title, doc.source))


@router.get("/export")
def export(request: Request) -> Response:
    """Download the filtered tasks with their review state (only reviewed ones if asked)."""
    fmt = request.query_params.get("format", "jsonl")
    if fmt not in FORMATS:
        raise HTTPException(400, f"format must be one of {sorted(FORMATS)}")
    f = filter_of(request)
    states: tuple[str, ...] | None = (f.state,) if f.state else None
    if request.query_params.get("reviewed"):
        states = ("accepted", "edited")
    rows = store_of(request).tasks(TaskQuery(due_from=f.due_from, due_to=f.due_to, unit=f.unit or None,
                                           status=f.status or None, document=f.document or None,
                                           review_states=states))
    data = FORMATS[fmt]([task_view(t, d) for t, d in rows])
    return Response(data, media_type=_EXPORT_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="chidao-tasks.{fmt}"'})


@router.get("/lang/{lang}")
def set_language(request: Request, lang: str) -> Response:
    back = request.query_params.get("back", "/")
    if not back.startswith("/") or back.startswith("//"):
        back = "/"  # never redirect off this site
    response = RedirectResponse(back, 303)
    if lang in LANGUAGES:
        response.set_cookie(LANG_COOKIE, lang, samesite="strict", max_age=3600 * 24 * 365)
    return response


def source_context(store: Store, doc: Document, task: Task | None) -> dict[str, Any]:
    """Return the document's text segments with the task (or all tasks) highlighted."""
    with store.session() as s:
        spans = [(t.start, t.end, t.id) for t in s.query(Task).filter(
            Task.document_id == doc.id, Task.stale.is_(False)).order_by(Task.start)]
    others = [(a, b) for a, b, _ in spans]
    if task is None:
        marks = task_marks(doc.text, 0, 0, [], [], None, others)
    else:
        marks = task_marks(doc.text, task.start, task.end, task.lead_units, task.support_units,
                           task.deadline_text, others)
    return {"segments": segments(doc.text, marks), "doc_tasks": spans}


def neighbours(ids: list[str], task_id: str) -> tuple[str | None, str | None]:
    """Return the tasks before and after `task_id` in the queue."""
    if task_id not in ids:
        return None, (ids[0] if ids else None)  # e.g. accepted while the queue shows pending
    i = ids.index(task_id)
    return (ids[i - 1] if i > 0 else None), (ids[i + 1] if i + 1 < len(ids) else None)
