"""Builders of the PDFs and DOCX files the reader tests read: written at test time, our own text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH HÒA BÌNH XANH", "Số: 12/TB-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Hòa Bình Xanh, ngày 5 tháng 3 năm 2026"]
BODY = [
    "Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ và các đơn vị liên quan xây dựng",
    "kế hoạch sắp xếp trụ sở làm việc, báo cáo Ủy ban nhân dân tỉnh trước ngày",
    "30/6/2026.",
    "1. Sở Xây dựng rà soát các công trình chậm tiến độ.",
    "a) Ủy ban nhân dân các huyện khẩn trương hoàn thành việc giải phóng mặt bằng.",
]


def _canvas(buffer: io.BytesIO, **kwargs: object):  # type: ignore[no-untyped-def]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not FONT.exists():
        pytest.skip(f"{FONT} is missing (Debian: fonts-dejavu-core)")
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    return canvas.Canvas(buffer, pagesize=(595, 842), **kwargs)


def text_pdf(pages: int = 1, encrypt: str | None = None, table: bool = False) -> bytes:
    """A text PDF: a two-column header on page 1, wrapped body lines, page numbers, a table."""
    buffer = io.BytesIO()
    kwargs = {}
    if encrypt is not None:
        from reportlab.lib import pdfencrypt
        kwargs["encrypt"] = pdfencrypt.StandardEncryption(encrypt, canPrint=1)
    c = _canvas(buffer, **kwargs)
    for number in range(1, pages + 1):
        c.setFont("DejaVu", 12)
        y = 800
        if number == 1:
            for left, right in zip(HEADER_LEFT, HEADER_RIGHT):
                c.drawCentredString(150, y, left)
                c.drawCentredString(420, y, right)
                y -= 18
        else:
            c.drawCentredString(297, 815, str(number))  # the running page number
        y -= 30
        for line in BODY:
            c.drawString(70 if not line[0].isupper() or line.startswith(("1.", "a)")) else 90, y, line)
            y -= 18
        if table:
            _draw_table(c, y - 20)
        c.showPage()
    c.save()
    return buffer.getvalue()


TABLE = [["Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"],
         ["Lập quy hoạch khu công nghiệp", "Sở Xây dựng", "Sở Tài chính", "Quý II/2026"],
         ["Kiểm tra an toàn phòng cháy", "Công an tỉnh", "Các huyện", "30/9/2026"]]


def _draw_table(c, top: float) -> None:  # type: ignore[no-untyped-def]
    widths = [200, 100, 100, 90]
    x0 = 60
    for r, row in enumerate(TABLE):
        y = top - 24 * r
        x = x0
        for w, cell in zip(widths, row):
            c.rect(x, y - 24, w, 24)
            c.setFont("DejaVu", 9)
            c.drawString(x + 3, y - 16, cell)
            x += w


SCAN_LINES = ["Giao Sở Công Thương chủ trì kiểm tra an toàn",
              "hóa chất tại các khu công nghiệp trước ngày 15/4/2026."]


def scanned_pdf(lines: list[str]) -> bytes:
    """An image-only PDF: the lines drawn with PIL at 300 dpi, embedded as a picture."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 46)
    for i, line in enumerate(lines):
        draw.text((250, 300 + 90 * i), line, fill=0, font=font)
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawImage(ImageReader(image), 0, 0, width=595, height=842)
    c.showPage()
    c.save()
    return buffer.getvalue()


def docx_file(paragraphs: list[str], rows: list[list[str]]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("KẾ HOẠCH", level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for k, cell in enumerate(row):
            table.cell(r, k).text = cell
    document.add_paragraph("Nơi nhận: như trên.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    """A DOCX-looking ZIP whose document.xml inflates to 300 MiB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\0" * 2**20
            for _ in range(300):
                member.write(chunk)
    return buffer.getvalue()


RECIPIENTS = ["Nơi nhận:", "- Như Điều 3;", "- Thường trực Tỉnh ủy;", "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
              "- Ủy ban Mặt trận Tổ quốc tỉnh và các đoàn thể;", "- Lưu: VT, KT."]
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình"]


def signature_footer_pdf() -> bytes:
    """A body paragraph, then the recipients list (left) beside the signature block (right).

    One recipient line runs past the middle of the page, as in real letters, but ends before
    the signature column starts.
    """
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.setFont("DejaVu", 12)
    c.drawString(70, 760, BODY[3])
    y = 720
    for i, line in enumerate(RECIPIENTS):
        c.setFont("DejaVu", 10)
        c.drawString(70, y, line)
        beside = {0: 0, 1: 1, 2: 2, 4: 3}  # the long line (3) has nothing beside it
        if i in beside:
            c.setFont("DejaVu", 12)
            c.drawCentredString(450, y, SIGNATURE[beside[i]])
        y -= 15
    c.showPage()
    c.save()
    return buffer.getvalue()
