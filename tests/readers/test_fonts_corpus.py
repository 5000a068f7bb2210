"""`repair_text` on real, correctly encoded Vietnamese documents: it must change nothing else.

`chidao.readers.plaintext` runs every .txt/.md through `repair_text`, so a false alarm here (a
legacy-encoding guess on Unicode text, a real word mistaken for a mis-mapped one) would damage
ordinary input. The only changes allowed are the known font mis-mappings of the data table.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from reader_builders import SHARED

from chidao.readers.fonts import load_repairs, repair_text

DOCS = SHARED / "corpus" / "docs"


def _allowed(broken: str, fixed: str) -> bool:
    """True when `broken` -> `fixed` is one of the table's repairs (chars, or a listed word)."""
    chars = {r.broken: r.fixed for r in load_repairs() if r.kind == "char"}
    words = {r.broken: r.fixed for r in load_repairs() if r.kind == "word"}
    if "".join(chars.get(c, c) for c in broken) == fixed:
        return True
    return words.get(broken.lower()) == fixed.lower()


def _changes(before: str, after: str) -> list[tuple[str, str]]:
    old, new = re.findall(r"\w+|\W", before), re.findall(r"\w+|\W", after)
    assert len(old) == len(new), "repair_text changed the number of words"
    return [(a, b) for a, b in zip(old, new) if a != b]


def _docs() -> list[Path]:
    return sorted(DOCS.glob("*.txt")) if DOCS.exists() else []


@pytest.mark.skipif(not DOCS.exists(), reason=f"the shared corpus is not at {DOCS}")
@pytest.mark.parametrize("path", _docs(), ids=lambda p: p.name)
def test_repair_text_leaves_valid_vietnamese_alone(path: Path) -> None:
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    # whole document (as plaintext reads it) and line by line (as the PDF reader's paragraphs)
    pieces = [text] + [line for line in text.splitlines() if line.strip()]
    for piece in pieces:
        bad = [(a, b) for a, b in _changes(piece, repair_text(piece)) if not _allowed(a, b)]
        assert not bad, f"{path.name}: repair_text changed valid text {bad[:5]} in {piece[:80]!r}"


def test_allowed_changes_are_only_the_table_rows() -> None:
    assert _allowed("THƢƠNG", "THƯƠNG") and _allowed("HÕA", "HÒA")
    assert not _allowed("Võ", "Vò") and not _allowed("rõ", "rò")


@pytest.mark.skipif(not DOCS.exists(), reason=f"the shared corpus is not at {DOCS}")
def test_word_rules_name_no_word_the_real_documents_use() -> None:
    # a "broken" word form must not be a real syllable: none may occur in correct documents
    used = {w.lower() for p in _docs() for w in re.findall(r"\w+", unicodedata.normalize(
        "NFC", p.read_text(encoding="utf-8")))}
    clashes = [r.broken for r in load_repairs() if r.kind == "word" and r.broken.lower() in used]
    assert not clashes, f"font_repairs.tsv rewrites words real documents use: {clashes}"
