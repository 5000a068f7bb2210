"""Ruled tables found from pdfium's drawn lines, checked against pdfplumber's own table finder."""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2 as pdfium
from reader_builders import TABLE, _canvas

from chidao.readers.pdfpages import _text_segments
from chidao.readers.tables import table_rows

WIDTHS = [200, 100, 100, 90]


def _pdf(draw) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    c = _canvas(buffer)
    draw(c)
    c.showPage()
    c.save()
    return buffer.getvalue()


def _grid_of_lines(c) -> None:  # type: ignore[no-untyped-def]
    """The table ruled with separate lines, drawn in a shifted and scaled coordinate system."""
    c.saveState()
    c.translate(40, 300)
    c.scale(1.5, 1.5)
    xs = [0.0]
    for w in WIDTHS:
        xs.append(xs[-1] + w / 1.5)
    height = 24 / 1.5
    for r in range(len(TABLE) + 1):
        c.line(xs[0], -r * height, xs[-1], -r * height)
    for x in xs:
        c.line(x, 0, x, -len(TABLE) * height)
    c.setFont("DejaVu", 6)
    for r, row in enumerate(TABLE):
        for k, cell in enumerate(row):
            c.drawString(xs[k] + 2, -(r + 1) * height + 5, cell)
    c.restoreState()


def _highlighted_words(c) -> None:  # type: ignore[no-untyped-def]
    """A sentence whose words sit on filled boxes, side by side."""
    c.setFont("DejaVu", 12)
    x = 70.0
    for word in ["Giao", "Sở", "Tài", "chính", "chủ", "trì", "thực", "hiện", "trước", "ngày", "30/6/2026"]:
        width = c.stringWidth(word + " ", "DejaVu", 12)
        c.setFillColorRGB(1, 1, 0)
        c.rect(x, 596, width, 16, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.drawString(x, 600, word)
        x += width


def _rows(data: bytes) -> tuple[list[str], int]:
    doc = pdfium.PdfDocument(data)
    page = doc[0]
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    height = page.get_height()
    segments = _text_segments(textpage, text, height)
    rows, outside = table_rows(page, textpage, text, height, segments)
    return [r.text for r in rows], len(outside)


def _pdfplumber_rows(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        out = []
        for table in pdf.pages[0].find_tables():
            for cells in table.extract():
                out.append(" | ".join(" ".join((c or "").split()) for c in cells))
        return out


def test_a_grid_of_separate_lines_in_a_transformed_space_is_a_table() -> None:
    data = _pdf(_grid_of_lines)
    rows, outside = _rows(data)
    assert rows == [" | ".join(row) for row in TABLE]
    assert outside == 0
    assert rows == _pdfplumber_rows(data)


def test_boxes_behind_words_read_as_pdfplumber_reads_them() -> None:
    # filled boxes side by side make a one-row grid for pdfplumber too; every word is kept
    data = _pdf(_highlighted_words)
    rows, _ = _rows(data)
    assert rows == _pdfplumber_rows(data)
    assert rows[0].replace(" | ", " ") == "Giao Sở Tài chính chủ trì thực hiện trước ngày 30/6/2026"
