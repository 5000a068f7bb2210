"""Plain text and Markdown: decode the bytes, whatever encoding an office saved them in."""

from __future__ import annotations

import codecs
from pathlib import Path

from chidao.errors import EncodingError
from chidao.records import SourceText, sha256_bytes

# Vietnamese offices still save text as Windows-1258 or UTF-16 (Notepad's "Unicode").
_FALLBACK_ENCODINGS = ("cp1258",)


def decode_text(path: Path, data: bytes) -> str:
    """Return the text of `data`: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1258."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16")
    if _looks_binary(data):
        raise EncodingError(str(path), "looks like a binary file, not text",
                            "pass a .txt, .md, .pdf or .docx document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in _FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise EncodingError(str(path), "is not UTF-8, UTF-16 or Windows-1258 text",
                        "save it as UTF-8")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def read_text(path: Path, data: bytes) -> SourceText:
    """Read a .txt or .md file, repairing legacy encodings and broken-font glyphs (Ƣ for Ư)."""
    from chidao.readers.fonts import repair_text

    text = repair_text(decode_text(path, data))
    return SourceText(path=str(path), text=text, sha256=sha256_bytes(data), reader="text")
