"""DOCX reader: paragraphs and table rows in document order, with zip-bomb limits checked first."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from chidao.errors import ReadError
from chidao.readers.fonts import repair_text
from chidao.records import Block, SourceText, sha256_bytes

# A Word document's XML rarely passes a few MiB; these limits stop a zip bomb before inflating it.
MAX_UNCOMPRESSED = 200 * 2**20
MAX_RATIO = 200
MAX_MEMBERS = 10_000


def read_docx(path: Path, data: bytes) -> SourceText:
    """Read a .docx: each paragraph on its own line, each table row as "cell | cell | cell".

    Raises:
        ReadError: not a valid DOCX, a zip bomb, or encrypted (an OLE container).
    """
    _check_archive(path, data)
    import docx  # python-docx; imported here so `chidao --help` stays fast

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # noqa: BLE001 - python-docx raises many kinds for broken files
        raise ReadError(str(path), f"is not a readable Word document ({type(err).__name__})",
                        "open it in Word or LibreOffice and save it again as .docx") from None
    parts: list[tuple[str, str]] = list(_body_items(document))
    text, blocks = _join(parts)
    return SourceText(path=str(path), text=text, sha256=sha256_bytes(data), reader="docx", blocks=blocks)


def _check_archive(path: Path, data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReadError(str(path), "is not a valid DOCX (the ZIP container is corrupt or truncated)",
                        "save it again as .docx") from None
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    packed = max(1, sum(info.compress_size for info in infos))
    if len(infos) > MAX_MEMBERS or total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise ReadError(str(path), f"unpacks to {total // 2**20} MiB from {packed // 2**10} KiB "
                        "(a zip bomb, not a Word document)", "check where the file came from")
    if "word/document.xml" not in archive.namelist():
        raise ReadError(str(path), "is a ZIP archive without word/document.xml, not a Word document",
                        "save it as .docx")


def _body_items(document: object) -> list[tuple[str, str]]:
    """Return (kind, text) for the body's paragraphs and table rows, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    items: list[tuple[str, str]] = []
    for item in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(item, Paragraph):
            text = " ".join(item.text.split())
            if text:
                heading = item.style is not None and item.style.name.lower().startswith(("heading", "title"))
                items.append(("heading" if heading else "text", text))
        elif isinstance(item, Table):
            items += [("table-row", row) for row in _rows(item)]
    return items


def _rows(table: object) -> list[str]:
    rows = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if not cells or text != cells[-1]:  # a merged cell repeats across the span
                cells.append(text)
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


def _join(parts: list[tuple[str, str]]) -> tuple[str, list[Block]]:
    blocks: list[Block] = []
    pieces: list[str] = []
    offset = 0
    for kind, text in parts:
        text = repair_text(text)
        blocks.append(Block(page=1, start=offset, end=offset + len(text), kind=kind))
        pieces.append(text + "\n")
        offset += len(text) + 1
    return "".join(pieces), blocks
