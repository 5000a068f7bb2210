"""Ruled tables of a text page: pdfium's drawn lines, pdfplumber's grid finder, pdfium's text.

pdfplumber's `page.find_tables()` would parse the page a second time with pdfminer, in pure
Python: 0.3–1 s for one page of the corpus (its fonts alone ~60 % of that), against ~10 ms
for pdfium to load the whole page. The grid finder itself only needs the page's ruling
lines, so they are taken from the path objects pdfium has already parsed and handed to
pdfplumber's `TableFinder` as a page that has nothing but edges; the cells' text comes from
pdfium's text layer, character by character.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from chidao.readers.layout import Paragraph, Segment

# A cell grid with more empty cells than this share is a frame around text, not a table.
MAX_EMPTY_SHARE = 0.5
_FLAT = 1e-3  # points: a segment this close to level is horizontal (or vertical)

Box = tuple[float, float, float, float]


@dataclass(slots=True)
class _EdgePage:
    """What pdfplumber's `TableFinder` reads of a page with the "lines" strategies."""

    edges: list[dict[str, Any]]
    bbox: Box


def table_rows(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, text: str, height: float,
               segments: list[Segment]) -> tuple[list[Paragraph], list[Segment]]:
    """Return the page's table rows as paragraphs ("a | b | c"), and the segments outside tables."""
    from pdfplumber.table import TableFinder

    width = page.get_width()
    finder = TableFinder(_EdgePage(_ruling_edges(page, height), (0.0, 0.0, width, height)))  # type: ignore[arg-type]
    rows: list[Paragraph] = []
    boxes: list[Box] = []
    chars: list[tuple[float, float, int]] | None = None
    for table in finder.tables:
        table_rows_ = table.rows
        if chars is None:
            chars = _char_centres(textpage, text, height)
        grid = _cell_texts([r.cells for r in table_rows_], chars, text)
        cells = [c for row in grid for c in row]
        if sum(1 for c in cells if not c) > MAX_EMPTY_SHARE * len(cells):  # a missing cell is empty
            continue  # a frame around a quotation, split at every glyph: read it as text
        boxes.append(table.bbox)
        for row, texts in zip(table_rows_, grid):
            if any(texts):
                rows.append(Paragraph(" | ".join(t or "" for t in texts), "table-row", tuple(row.bbox)))
    outside = [s for s in segments if not any(_inside(s, b) for b in boxes)]
    return rows, outside


def _ruling_edges(page: pdfium.PdfPage, height: float) -> list[dict[str, Any]]:
    """Level and upright segments of the page's paths, as pdfplumber edges (origin top-left)."""
    raw = page.raw
    matrix = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    edges: list[dict[str, Any]] = []
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        start = previous = (0.0, 0.0)
        for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
            point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
            if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = previous = point
                continue
            _add_edge(edges, previous, point)
            previous = point
            if pdfium_c.FPDFPathSegment_GetClose(segment):
                _add_edge(edges, previous, start)
                previous = start
    return edges


def _add_edge(edges: list[dict[str, Any]], p: tuple[float, float], q: tuple[float, float]) -> None:
    x0, x1 = sorted((p[0], q[0]))
    top, bottom = sorted((p[1], q[1]))
    if bottom - top < _FLAT:
        orientation = "h"
    elif x1 - x0 < _FLAT:
        orientation = "v"
    else:
        return  # a slanted stroke or curve: no table ruling
    edges.append({"object_type": "line", "orientation": orientation, "x0": x0, "x1": x1,
                  "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0, "height": bottom - top})


def _char_centres(textpage: pdfium.PdfTextPage, text: str, height: float) -> list[tuple[float, float, int]]:
    """(x, y, index) of each visible character's loose box centre (origin top-left)."""
    rect = pdfium_c.FS_RECTF()
    out: list[tuple[float, float, int]] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        if pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, rect):
            out.append(((rect.left + rect.right) / 2, height - (rect.top + rect.bottom) / 2, i))
    return out


def _cell_texts(rows: list[list[Box | None]], chars: list[tuple[float, float, int]],
                text: str) -> list[list[str | None]]:
    """Each cell's characters in text-layer order, a space wherever they are not consecutive
    in the layer (a space or another cell's text lies between). None for a cell the grid lacks."""
    spans: list[list[list[int]]] = [[[] for _ in row] for row in rows]
    # A row's vertical extent first: a dense ruled page has ~2,000 characters and ~200 cells,
    # and testing every cell for every character was half the time of reading such a page.
    bands = [(min(c[2] for c in cells), max(c[4] for c in cells), r, cells)
             for r, row in enumerate(rows) if (cells := [(k, *cell) for k, cell in enumerate(row) if cell is not None])]
    if not bands:
        chars = []
    else:
        top_all, bottom_all = min(b[0] for b in bands), max(b[1] for b in bands)
        left_all = min(c[1] for b in bands for c in b[3])
        right_all = max(c[3] for b in bands for c in b[3])  # cells are (column, x0, top, x1, bottom)
        chars = [ch for ch in chars if left_all <= ch[0] < right_all and top_all <= ch[1] < bottom_all]
    for x, y, index in chars:
        for top, bottom, r, cells in bands:
            if not top <= y < bottom:
                continue
            for c, x0, y0, x1, y1 in cells:
                if x0 <= x < x1 and y0 <= y < y1:
                    spans[r][c].append(index)
                    break
    out: list[list[str | None]] = []
    for row, row_spans in zip(rows, spans):
        texts: list[str | None] = []
        for cell, indices in zip(row, row_spans):
            texts.append(None if cell is None else _join(indices, text))
        out.append(texts)
    return out


def _join(indices: list[int], text: str) -> str:
    parts: list[str] = []
    previous = -2
    for index in indices:
        if parts and index != previous + 1:  # a space, or another cell's text, lies between
            parts.append(" ")
        parts.append(text[index])
        previous = index
    return " ".join("".join(parts).split())


def _inside(seg: Segment, bbox: Box) -> bool:
    cx, cy = (seg.x0 + seg.x1) / 2, (seg.top + seg.bottom) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]

