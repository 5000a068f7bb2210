"""Typed records shared by readers, extractors, the store and the exports.

A reader turns a file into a `SourceText`; the extractor turns a `SourceText` into an
`Extraction` (one `DocumentRecord` and its `TaskRecord`s). Everything downstream (store,
flows, exports, review) speaks these records and nothing else.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a source: its 1-based number and its character range in the text."""

    number: int
    start: int
    end: int
    ocr: bool = False
    ocr_confidence: float | None = None
    width: float | None = None
    height: float | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A region of a page (paragraph, header cell, table row) and where its text lies."""

    page: int
    start: int
    end: int
    bbox: tuple[float, float, float, float] | None = None
    kind: str = "text"


@dataclass(slots=True)
class SourceText:
    """What a reader returns: the text of one file, with pages and blocks when it has them.

    `text` is what the extractor sees; every `Page` and `Block` offset points into it.
    Plain-text sources have no pages (`pages == []`), so their tasks carry `page = None`.
    """

    path: str
    text: str
    sha256: str
    reader: str = "text"
    pages: list[Page] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def page_at(self, offset: int) -> int | None:
        """Return the page number holding character `offset`, or None for plain text."""
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return self.pages[-1].number if self.pages and offset >= self.pages[-1].start else None


@dataclass(slots=True)
class DocumentRecord:
    """A document's identity and metadata (ANNOTATION.md: the date deadlines resolve against)."""

    id: str
    source: str
    title: str | None
    number: str | None
    issuer: str | None
    date: str | None
    text: str
    kind: str | None = None
    meeting_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class TaskRecord:
    """One task, in the fields of ANNOTATION.md §5 plus provenance and confidence."""

    id: str
    text: str
    start: int
    end: int
    page: int | None
    action: str | None
    lead_units: list[str]
    support_units: list[str]
    deadline: str | None
    deadline_text: str | None
    recurrence: str | None
    assigner: str | None
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Extraction:
    """The result of extracting one document."""

    document: DocumentRecord
    tasks: list[TaskRecord]
    pages: list[Page] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document.to_dict(), "tasks": [t.to_dict() for t in self.tasks]}


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_id(sha256: str) -> str:
    """Return a document's stable id: the same bytes always give the same id."""
    return sha256[:16]


def task_id(doc_id: str, start: int, end: int) -> str:
    """Return a task's stable id from its document and span."""
    return hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]
