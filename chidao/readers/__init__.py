"""Readers: one per kind of file, each returning a `SourceText`.

`read(path)` picks the reader by the file's content (its magic bytes), not by its
extension alone, so a file whose extension lies is still read right or refused clearly.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from chidao.errors import InputError
from chidao.records import SourceText

MAX_BYTES = 200 * 1024 * 1024

# kind -> module with a `read_<kind>(path: Path, data: bytes) -> SourceText` function.
_READERS: dict[str, str] = {
    "text": "chidao.readers.plaintext",
    "pdf": "chidao.readers.pdf",
    "docx": "chidao.readers.docx",
}


def sniff_kind(path: Path, data: bytes) -> str:
    """Return the kind of file from its first bytes, falling back to text."""
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if path.suffix.lower() == ".docx" or b"word/" in data[:4096] or b"[Content_Types].xml" in data[:4096]:
            return "docx"
        raise InputError(str(path), "is a ZIP archive but not a Word (.docx) document")
    return "text"


def read(path: str | Path) -> SourceText:
    """Read one file into a `SourceText`.

    Raises:
        InputError: the file is missing, empty, too large, or of an unsupported kind.
        EncodingError / ReadError: the reader for its kind could not get text out of it.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(str(p), "no such file")
    if p.is_dir():
        raise InputError(str(p), "is a folder", "pass the files in it, or use `chidao ingest`")
    size = p.stat().st_size
    if size == 0:
        raise InputError(str(p), "the file is empty")
    if size > MAX_BYTES:
        raise InputError(str(p), f"the file is {size // 2**20} MiB, over the {MAX_BYTES // 2**20} MiB limit")
    data = p.read_bytes()
    kind = sniff_kind(p, data)
    module = importlib.import_module(_READERS[kind])
    reader = getattr(module, f"read_{kind}")
    source: SourceText = reader(p, data)
    return source
