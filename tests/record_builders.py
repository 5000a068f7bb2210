"""Build `Extraction` records from sentences, as the extractor would, for the store and feed tests.

Each row is (sentence, lead units, support units, deadline, deadline phrase, RRULE); the
document's text is `body` followed by the sentences, one a line, and each task spans its
sentence in that text.
"""

from __future__ import annotations

from chidao.records import (
    DocumentRecord,
    Extraction,
    TaskRecord,
    document_id,
    sha256_bytes,
    task_id,
)

Row = tuple[str, list[str], list[str], str | None, str | None, str | None]


def make_extraction(rows: list[Row], body: str = "", source: str = "thong-bao.txt",
                    assigner: str | None = None, kind: str | None = None) -> tuple[Extraction, str]:
    """Return a notice's extraction whose tasks are `rows`, and the sha256 of its text."""
    text = body + "\n".join(row[0] for row in rows)
    sha = sha256_bytes(text.encode())
    doc_id = document_id(sha)
    tasks, start = [], len(body)
    for sentence, lead, support, deadline, phrase, rrule in rows:
        end = start + len(sentence)
        tasks.append(TaskRecord(id=task_id(doc_id, start, end), text=sentence, start=start, end=end,
                                page=None, action=None, lead_units=lead, support_units=support,
                                deadline=deadline, deadline_text=phrase, recurrence=rrule,
                                assigner=assigner, confidence=0.9))
        start = end + 1
    doc = DocumentRecord(id=doc_id, source=source, title="Thông báo kết luận", number="27/TB-UBND",
                         issuer="UBND tỉnh An Hòa", date="2025-03-14", text=text, kind=kind)
    return Extraction(document=doc, tasks=tasks), sha
