"""Helpers of the review tests: stores filled with fixed records, a served app.

The review tests check the review page, not the extractor: each document below states the
tasks it is stored with (spans found by phrases of its text, units and deadlines written
out), saved through `Store.save_extraction` exactly as the ingest flow saves an extraction.
The extractor changing what it finds therefore never changes what these tests review.
"""

from __future__ import annotations

import hashlib
import re
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from chidao.records import DocumentRecord, Extraction, TaskRecord, document_id, task_id
from chidao.review.app import ReviewSettings, create_app
from chidao.store import Store

DATA = Path(__file__).parent / "data"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@dataclass(frozen=True, slots=True)
class FixedTask:
    """A task as the store receives it; its span runs from `begins` to the end of `ends`."""

    begins: str
    ends: str
    action: str
    lead_units: tuple[str, ...]
    support_units: tuple[str, ...] = ()
    deadline: str | None = None
    deadline_text: str | None = None
    recurrence: str | None = None
    confidence: float = 0.9


@dataclass(frozen=True, slots=True)
class FixedDocument:
    """A data document, its metadata and the tasks it is stored with, all written out."""

    path: Path
    title: str
    number: str
    issuer: str
    date: str
    kind: str
    meeting_date: str | None
    tasks: tuple[FixedTask, ...]


def span_of(text: str, begins: str, ends: str, path: Path) -> tuple[int, int]:
    """Return the span from the first `begins` to the end of the next `ends` in `text`."""
    start = text.find(begins)
    assert start >= 0, f"{path.name}: phrase {begins!r} not in the text; fix the test's records"
    stop = text.find(ends, start)
    assert stop >= 0, f"{path.name}: phrase {ends!r} not after {begins!r}; fix the test's records"
    return start, stop + len(ends)


def extraction_of(doc: FixedDocument) -> tuple[Extraction, str]:
    """Return the document's fixed extraction and the SHA-256 of its bytes."""
    data = doc.path.read_bytes()
    sha256, text = hashlib.sha256(data).hexdigest(), data.decode("utf-8")
    doc_id = document_id(sha256)
    tasks = []
    for t in doc.tasks:
        start, end = span_of(text, t.begins, t.ends, doc.path)
        tasks.append(TaskRecord(id=task_id(doc_id, start, end), text=text[start:end], start=start, end=end,
                                page=None, action=t.action, lead_units=list(t.lead_units),
                                support_units=list(t.support_units), deadline=t.deadline,
                                deadline_text=t.deadline_text, recurrence=t.recurrence,
                                assigner=None, confidence=t.confidence))
    record = DocumentRecord(id=doc_id, source=str(doc.path), title=doc.title, number=doc.number,
                            issuer=doc.issuer, date=doc.date, text=text, kind=doc.kind,
                            meeting_date=doc.meeting_date)
    return Extraction(document=record, tasks=tasks), sha256


# The meeting notice, stored with three tasks in text order: items 1 and 2 as written; item 4
# run on into the paragraph after it (a reviewer cuts it back); item 3, the health department's
# monthly report, missed (a reviewer adds it by selecting it).
MEETING = FixedDocument(
    path=DATA / "thong-bao-hop-giao-ban-so.txt",
    title=("THÔNG BÁO Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp giao ban "
           "các sở, ngành tháng 3 năm 2026"),
    number="17/TB-UBND", issuer="ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH AN", date="2026-03-10",
    kind="notice", meeting_date="2026-03-06",
    tasks=(
        FixedTask(begins="1. Giao Sở Tài chính chủ trì", ends="trước ngày 31 tháng 3 năm 2026.",
                  action="rà soát, tổng hợp nhu cầu kinh phí thực hiện chế độ chính sách",
                  lead_units=("Sở Tài chính",), support_units=("Sở Nội vụ",), deadline="2026-03-31",
                  deadline_text="trước ngày 31 tháng 3 năm 2026", confidence=0.9),
        FixedTask(begins="2. Sở Xây dựng chủ trì", ends="trước ngày 15 tháng 4 năm 2026.",
                  action="kiểm tra tiến độ các công trình giao thông trọng điểm",
                  lead_units=("Sở Xây dựng",), support_units=("Ủy ban nhân dân các huyện",),
                  deadline="2026-04-15", deadline_text="trước ngày 15 tháng 4 năm 2026", confidence=0.95),
        FixedTask(begins="4. Đề nghị Công an tỉnh chủ trì", ends="trong tháng 5 năm 2026.",
                  action="đẩy mạnh kiểm tra, xử lý hàng giả, hàng kém chất lượng trên địa bàn",
                  lead_units=("Công an tỉnh",), support_units=("Sở Công Thương",), deadline="2026-04-30",
                  deadline_text="trước ngày 30 tháng 4 năm 2026", confidence=0.6),
    ),
)

# A letter whose items carry HTML and script: both stored as tasks, markup and all.
HOSTILE = FixedDocument(
    path=DATA / "cong-van-chen-ma-html.txt",
    title="V/v rà soát nội dung đăng trên cổng thông tin điện tử", number="204/UBND-VP",
    issuer="ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH AN", date="2026-04-02", kind="letter", meeting_date=None,
    tasks=(
        FixedTask(begins="1. Giao Sở Văn hóa, Thể thao và Du lịch gỡ bỏ",
                  ends="trước ngày 30 tháng 4 năm 2026.",
                  action='gỡ bỏ đoạn mã <script>window.__pwned = 1; alert("xâm nhập")</script>',
                  lead_units=("Sở Văn hóa, Thể thao và Du lịch",), deadline="2026-04-30",
                  deadline_text="trước ngày 30 tháng 4 năm 2026"),
        FixedTask(begins="2. Giao Sở Tư pháp kiểm tra", ends="xong trước ngày 15 tháng 5 năm 2026.",
                  action='kiểm tra các liên kết <a href="javascript:window.__pwned=3">bấm vào đây</a>',
                  lead_units=("Sở Tư pháp",), deadline="2026-05-15",
                  deadline_text="trước ngày 15 tháng 5 năm 2026"),
    ),
)


def fill_store(url: str, *documents: FixedDocument) -> Store:
    """Store each document's fixed extraction through the store's own API, as the flow does."""
    store = Store(url)
    for doc in documents:
        store.save_extraction(*extraction_of(doc))
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
