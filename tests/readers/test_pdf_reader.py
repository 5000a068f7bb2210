"""The PDF reader on PDFs built at test time: layout, pages, tables, OCR."""

from __future__ import annotations

import pytest
from reader_builders import BODY, HEADER_LEFT, HEADER_RIGHT, TABLE, scanned_pdf, text_pdf

from chidao.readers import read


def test_two_column_header_is_read_left_block_then_right_block(write) -> None:
    source = read(write("header.pdf", text_pdf()))
    lines = source.text.splitlines()
    assert lines[:6] == HEADER_LEFT + HEADER_RIGHT
    kinds = [b.kind for b in source.blocks[:6]]
    assert kinds == ["header-left"] * 3 + ["header-right"] * 3


def test_wrapped_lines_join_and_list_markers_start_paragraphs(write) -> None:
    lines = read(write("body.pdf", text_pdf())).text.splitlines()
    assert " ".join(BODY[:3]) in lines
    assert BODY[3] in lines and BODY[4] in lines


def test_page_numbers_are_dropped_and_pages_point_into_the_text(write) -> None:
    source = read(write("pages.pdf", text_pdf(pages=3)))
    assert [p.number for p in source.pages] == [1, 2, 3]
    assert not any(line.strip() in {"2", "3"} for line in source.text.splitlines())
    for page in source.pages:
        assert "Giao Sở Tài chính" in source.text[page.start:page.end]
        assert not page.ocr
    block = next(b for b in source.blocks if b.page == 3)
    assert source.page_at(block.start) == 3


def test_table_rows_become_cell_separated_lines(write) -> None:
    source = read(write("table.pdf", text_pdf(table=True)))
    rows = [source.text[b.start:b.end] for b in source.blocks if b.kind == "table-row"]
    assert rows == [" | ".join(row) for row in TABLE]


def test_password_free_encryption_is_read(write) -> None:
    source = read(write("owner-only.pdf", text_pdf(encrypt="")))
    assert "Giao Sở Tài chính" in source.text


SCAN = ["Giao Sở Công Thương chủ trì kiểm tra an toàn",
        "hóa chất tại các khu công nghiệp trước ngày 15/4/2026."]


@pytest.mark.slow
def test_image_only_page_is_ocred_in_vietnamese(write) -> None:
    source = read(write("scan.pdf", scanned_pdf(SCAN)))
    assert source.pages[0].ocr
    assert source.pages[0].ocr_confidence is not None and source.pages[0].ocr_confidence > 0.7
    words = source.text.split()
    expected = " ".join(SCAN).split()
    found = sum(1 for w in expected if w in words)
    assert found / len(expected) >= 0.9, source.text


def test_recipients_and_signature_are_read_as_two_columns(write) -> None:
    from reader_builders import RECIPIENTS, SIGNATURE, signature_footer_pdf

    lines = read(write("footer.pdf", signature_footer_pdf())).text.splitlines()
    assert lines[0] == BODY[3]
    # every recipient line comes before the signature block, none is cut off from its list
    assert lines[1:1 + len(RECIPIENTS)] == RECIPIENTS
    assert lines[1 + len(RECIPIENTS):] == SIGNATURE
