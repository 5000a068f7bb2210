"""Read the pages of one PDF into paragraphs: the text layer where it is usable, OCR where not.

Runs inside a worker process (see `chidao.readers.pdf`), so it may use all the memory and
time its limits allow; it knows nothing of files, errors or `SourceText`.
"""

from __future__ import annotations

import ctypes
import io
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from chidao.readers import ocr
from chidao.readers.fonts import repair_text
from chidao.readers.layout import (
    COLUMN_GAP,
    Paragraph,
    Segment,
    body_edges,
    drop_page_numbers,
    group_lines,
    page_paragraphs,
)

if TYPE_CHECKING:  # pdfplumber itself is imported only when a page has a table to find
    from pdfplumber.pdf import PDF

# A page whose text layer has fewer visible characters than this is treated as a scan.
MIN_TEXT_CHARS = 20
# Drawn paths on a page before pdfplumber's table finder is asked to look for a grid.
MIN_TABLE_PATHS = 8


@dataclass(slots=True)
class PageResult:
    """What one page gave: its paragraphs, size and how its text was obtained."""

    number: int
    width: float
    height: float
    paragraphs: list[Paragraph] = field(default_factory=list)
    ocr: bool = False
    ocr_confidence: float | None = None
    warnings: list[str] = field(default_factory=list)
    # the body's left and right edges, for joining a paragraph cut by the page break
    edges: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True, slots=True)
class PageOptions:
    """How to read pages: OCR on or off, its resolution, and whether to trust OCR text layers."""

    ocr: bool = True
    ocr_dpi: int = 300


def read_pages(data: bytes, indices: list[int], options: PageOptions) -> list[PageResult]:
    """Read the pages at 0-based `indices` of the PDF in `data`."""
    doc = pdfium.PdfDocument(data)
    plumber = _Plumber(data)
    try:
        return [_read_page(doc, plumber, i, options) for i in indices]
    finally:
        plumber.close()
        doc.close()


def _read_page(doc: pdfium.PdfDocument, plumber: _Plumber, index: int,
               options: PageOptions) -> PageResult:
    page = doc[index]
    width, height = page.get_size()
    result = PageResult(index + 1, width, height)
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    if len("".join(text.split())) >= MIN_TEXT_CHARS:
        segments = _text_segments(textpage, text, height)
    elif options.ocr:
        found = ocr.ocr_page(page, options.ocr_dpi)
        segments, result.ocr, result.ocr_confidence = found.segments, True, found.confidence
    else:
        segments = []
        result.warnings.append(f"page {index + 1} has no text layer and OCR is off")
    rows: list[Paragraph] = []
    if not result.ocr and _path_count(page) >= MIN_TABLE_PATHS:
        rows, segments = plumber.table_rows(index, segments)
    lines = drop_page_numbers(group_lines(segments), height)
    paragraphs = page_paragraphs(lines, width, first_page=index == 0)
    result.paragraphs = _merge_rows(paragraphs, rows)
    for para in result.paragraphs:
        para.text = repair_text(para.text)
    result.edges = body_edges([ln for p in result.paragraphs for ln in p.lines], width)
    _keep_end_lines(result.paragraphs)
    return result


def _keep_end_lines(paragraphs: list[Paragraph]) -> None:
    """Drop each paragraph's inner lines: the parent joins pages by first and last lines only.

    The result crosses a process boundary; a page's segments are most of its pickled size.
    """
    for para in paragraphs:
        if len(para.lines) > 2:
            para.lines = [para.lines[0], para.lines[-1]]


def _text_segments(textpage: pdfium.PdfTextPage, text: str, height: float) -> list[Segment]:
    """Return word runs of the text layer with boxes, splitting runs at column-wide gaps."""
    if len(text) != textpage.count_chars():
        return _lines_without_boxes(text)
    boxes = _CharBoxes(textpage, height)
    segments: list[Segment] = []
    for line_start, line in _text_lines(text):
        current: Segment | None = None
        for match in _WORD.finditer(line):
            first, last = line_start + match.start(), line_start + match.end() - 1
            x0, top, x1, bottom = boxes.word(first, last)
            if current is not None and 0 <= x0 - current.x1 < COLUMN_GAP:
                current.text += " " + match.group()
                current.x1 = x1
                current.top, current.bottom = min(current.top, top), max(current.bottom, bottom)
                continue
            current = Segment(match.group(), x0, top, x1, bottom)
            segments.append(current)
    return segments


# `\s` in a str pattern is `str.isspace`, so words split exactly where the text layer has spaces.
_WORD = re.compile(r"\S+")


class _CharBoxes:
    """Boxes of the text layer's characters, top-left origin, read through one set of buffers.

    Two pdfium calls a word (its first and last character) are the bulk of reading a text
    page in Python. The `c_double`s are passed as they are: ctypes takes their address itself
    faster than it converts a `byref()`.
    """

    def __init__(self, textpage: pdfium.PdfTextPage, height: float) -> None:
        self._raw = textpage.raw
        self._height = height
        self._out = (ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double())

    def word(self, first: int, last: int) -> tuple[float, float, float, float]:
        """Return (x0, top, x1, bottom) of the word from character `first` to `last`."""
        left, right, bottom, top = self._out
        get = pdfium_c.FPDFText_GetCharBox
        get(self._raw, first, left, right, bottom, top)
        x0, high, low = left.value, top.value, bottom.value
        if last != first:
            get(self._raw, last, left, right, bottom, top)
            high, low = max(high, top.value), min(low, bottom.value)
        return x0, self._height - high, right.value, self._height - low


def _text_lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, line))
        pos += len(line)
    return out


def _lines_without_boxes(text: str) -> list[Segment]:
    """Fallback when character boxes cannot be matched to the text: one segment per line."""
    return [Segment(line.strip(), 0.0, 20.0 * i, 500.0, 20.0 * i + 12)
            for i, line in enumerate(text.splitlines()) if line.strip()]


def _path_count(page: pdfium.PdfPage) -> int:
    raw, get_object, get_type = page.raw, pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType
    path = pdfium_c.FPDF_PAGEOBJ_PATH
    return sum(1 for i in range(pdfium_c.FPDFPage_CountObjects(raw)) if get_type(get_object(raw, i)) == path)


def _merge_rows(paragraphs: list[Paragraph], rows: list[Paragraph]) -> list[Paragraph]:
    """Put table rows among the paragraphs by their vertical position."""
    if not rows:
        return paragraphs
    return sorted(paragraphs + rows, key=lambda p: p.bbox[1])


class _Plumber:
    """Opens the PDF in pdfplumber only when a page needs its table finder."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: PDF | None = None

    def table_rows(self, index: int, segments: list[Segment]) -> tuple[list[Paragraph], list[Segment]]:
        """Return the page's table rows as paragraphs, and the segments outside the tables."""
        import pdfplumber

        if self._pdf is None:
            self._pdf = pdfplumber.open(io.BytesIO(self._data))
        page = self._pdf.pages[index]
        rows: list[Paragraph] = []
        boxes = []
        for table in page.find_tables():
            grid = table.extract()
            cells = [c for row in grid for c in row]
            if sum(1 for c in cells if not (c or "").strip()) > 0.5 * len(cells):
                continue  # a frame around a quotation, split at every glyph: read it as text
            boxes.append(table.bbox)
            for row, cells in zip(table.rows, grid):
                texts = [" ".join((c or "").split()) for c in cells]
                if any(texts):
                    rows.append(Paragraph(" | ".join(texts), "table-row", tuple(row.bbox)))
        outside = [s for s in segments if not any(_inside(s, b) for b in boxes)]
        return rows, outside

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def _inside(seg: Segment, bbox: tuple[float, float, float, float]) -> bool:
    cx, cy = (seg.x0 + seg.x1) / 2, (seg.top + seg.bottom) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]

