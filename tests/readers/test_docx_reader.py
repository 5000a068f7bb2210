"""The DOCX reader on documents built at test time."""

from __future__ import annotations

from reader_builders import TABLE, docx_file

from chidao.readers import read

PARAGRAPHS = ["Giao Sở Giáo dục và Đào tạo chủ trì tổ chức kỳ thi an toàn, nghiêm túc.",
              "Đề nghị Công an tỉnh phối hợp bảo đảm an ninh trật tự."]


def test_paragraphs_heading_and_table_rows_in_document_order(write) -> None:
    source = read(write("plan.docx", docx_file(PARAGRAPHS, TABLE)))
    lines = source.text.splitlines()
    assert lines == ["KẾ HOẠCH", *PARAGRAPHS, *(" | ".join(r) for r in TABLE), "Nơi nhận: như trên."]
    kinds = [b.kind for b in source.blocks]
    assert kinds == ["heading", "text", "text", "table-row", "table-row", "table-row", "text"]
    assert source.pages == []


def test_broken_font_glyphs_in_docx_are_repaired(write) -> None:
    source = read(write("broken.docx", docx_file(["BỘ CÔNG THƢƠNG", "CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], [["x"]])))
    assert "BỘ CÔNG THƯƠNG" in source.text and "CỘNG HÒA" in source.text
