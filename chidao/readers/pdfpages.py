"""Read the pages of one PDF into paragraphs: the text layer where it is usable, OCR where not.

Runs inside a worker process (see `chidao.readers.pdf`), so it may use all the memory and
time its limits allow; it knows nothing of files, errors or `SourceText`.
"""

from __future__ import annotations

import ctypes
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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
from chidao.readers.tables import table_rows

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
    # whether the page's drawn lines were searched for a table (which imports pdfplumber)
    tables_searched: bool = False


@dataclass(frozen=True, slots=True)
class PageOptions:
    """How to read pages: OCR on or off, its resolution, and whether to trust OCR text layers."""

    ocr: bool = True
    ocr_dpi: int = 300


# An image this large (pixels) is a scanned page: A4 at 80 dpi is 0.6 Mpx; logos, signatures
# and stamps in the corpus stay under 0.5.
_PAGE_IMAGE_PIXELS = 500_000
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_WIDTH = re.compile(rb"/Width\s+(\d{1,6})\b")
_HEIGHT = re.compile(rb"/Height\s+(\d{1,6})\b")


def probably_scanned(data: bytes, pages: int) -> bool:
    """Guess from the raw bytes whether every page is a picture, i.e. will go to OCR.

    Images are streams, and a stream's dictionary is never compressed (streams cannot sit in
    object streams), so their sizes can be read without parsing the file. The guess only
    decides how pages are split between workers (seconds a page for OCR, milliseconds for
    text), never how a page is read.
    """
    big = 0
    for match in _IMAGE.finditer(data):
        around = data[max(0, match.start() - 512):match.end() + 512]
        width, height = _WIDTH.search(around), _HEIGHT.search(around)
        if width and height and int(width.group(1)) * int(height.group(1)) >= _PAGE_IMAGE_PIXELS:
            big += 1
    return big >= pages


def read_pages(data: bytes, indices: list[int], options: PageOptions) -> list[PageResult]:
    """Read the pages at 0-based `indices` of the PDF in `data`."""
    doc = pdfium.PdfDocument(data)
    try:
        return [_read_page(doc, i, options) for i in indices]
    finally:
        doc.close()


def _read_page(doc: pdfium.PdfDocument, index: int, options: PageOptions) -> PageResult:
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
        rows, segments = table_rows(page, textpage, text, height, segments)
        result.tables_searched = True
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
    """Return word runs of the text layer with boxes, splitting runs at column-wide gaps.

    This loop runs once a word (~600 a page on a dense plan), so it is written for speed:
    one pass over the whole text, two pdfium calls a word (its first and last character)
    through lean prototypes and one set of `c_double`s passed by address, and a run's words
    joined once at its end.
    """
    if len(text) != textpage.count_chars():
        return _lines_without_boxes(text)
    raw, get = _address(textpage.raw), _GET_CHAR_BOX
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    pointers = [ctypes.addressof(v) for v in (left, right, bottom, top)]
    to_left, to_right, to_bottom, to_top = pointers
    segments: list[Segment] = []
    runs: list[list[str]] = []
    current: Segment | None = None
    words: list[str] = []
    for match in _WORD_OR_BREAK.finditer(text):
        word = match.group()
        if word.isspace():
            current = None  # a line break ends the run
            continue
        first = match.start()
        get(raw, first, to_left, to_right, to_bottom, to_top)
        x0, high, low = left.value, top.value, bottom.value
        last = match.end() - 1
        if last != first:
            get(raw, last, to_left, to_right, to_bottom, to_top)
            high = max(high, top.value)
            low = min(low, bottom.value)
        if current is not None and 0 <= x0 - current.x1 < COLUMN_GAP:
            words.append(word)
            current.x1 = right.value
            current.top = min(current.top, height - high)
            current.bottom = max(current.bottom, height - low)
            continue
        current = Segment("", x0, height - high, right.value, height - low)
        words = [word]
        segments.append(current)
        runs.append(words)
    for segment, run in zip(segments, runs):
        segment.text = " ".join(run)
    return segments


# A word, or a line break (which ends a run). `\s` in a str pattern is `str.isspace`, so words
# split exactly where the text layer has spaces; pdfium ends a line with "\r\n".
_WORD_OR_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+|[^\s]+")


def _lines_without_boxes(text: str) -> list[Segment]:
    """Fallback when character boxes cannot be matched to the text: one segment per line."""
    return [Segment(line.strip(), 0.0, 20.0 * i, 500.0, 20.0 * i + 12)
            for i, line in enumerate(text.splitlines()) if line.strip()]


def _path_count(page: pdfium.PdfPage) -> int:
    """Count the page's path objects (two pdfium calls an object, ~1,000 objects on a dense page)."""
    raw = page.raw
    count = pdfium_c.FPDFPage_CountObjects(raw)
    objects = map(_GET_OBJECT, itertools.repeat(_address(raw), count), range(count))
    return list(map(_GET_TYPE, objects)).count(pdfium_c.FPDF_PAGEOBJ_PATH)


def _lean(function: object, restype: object, *argtypes: object) -> Callable[..., Any]:
    """The same pdfium function with handles and out-pointers typed as plain addresses.

    pypdfium2's bindings check and convert each typed pointer argument, which costs more
    than the call itself for the small per-character and per-object functions read in a loop
    (measured: 2.7 -> 1.4 ms to type the ~1,000 objects of a dense page).
    """
    address = ctypes.cast(function, ctypes.c_void_p).value  # type: ignore[arg-type]
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)  # type: ignore[arg-type]


def _address(handle: object) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0  # type: ignore[arg-type]


_VOID, _INT, _DOUBLE_OUT = ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p
_GET_CHAR_BOX = _lean(pdfium_c.FPDFText_GetCharBox, ctypes.c_int, _VOID, _INT, *[_DOUBLE_OUT] * 4)
_GET_OBJECT = _lean(pdfium_c.FPDFPage_GetObject, _VOID, _VOID, _INT)
_GET_TYPE = _lean(pdfium_c.FPDFPageObj_GetType, _INT, _VOID)


def _merge_rows(paragraphs: list[Paragraph], rows: list[Paragraph]) -> list[Paragraph]:
    """Put table rows among the paragraphs by their vertical position."""
    if not rows:
        return paragraphs
    return sorted(paragraphs + rows, key=lambda p: p.bbox[1])
