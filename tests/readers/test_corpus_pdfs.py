"""Bag-of-words F1 of chidao's reading of the real PDFs against their text versions (issue 3)."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from reader_builders import SHARED

from chidao.readers.pdf import read_pdf

PDFS = SHARED / "corpus" / "pdf"
THRESHOLD = {"text": 0.98, "scanned": 0.90, "scanned (with OCR text layer)": 0.98}
# Old and new tone placement ("hoà"/"hòa") spell one word; the text versions mix both.
_TONE = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "uỳ": "ùy", "uý": "úy",
         "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy", "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe"}


def words(text: str) -> Counter[str]:
    text = unicodedata.normalize("NFC", text).lower()
    for old, new in _TONE.items():
        text = text.replace(old, new)
    return Counter(re.findall(r"\w+", text))


def f1(ours: Counter[str], gold: Counter[str]) -> float:
    overlap = sum((ours & gold).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(ours.values()), overlap / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def _rows() -> list[dict[str, str]]:
    manifest = PDFS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(f, delimiter="\t") if r["text_version"]]


def _param(row: dict[str, str]) -> object:
    marks = [pytest.mark.slow] if row["layer"] == "scanned" else []
    return pytest.param(row, id=row["file"], marks=marks)


@pytest.mark.skipif(not PDFS.exists(), reason=f"the shared corpus is not at {PDFS}")
@pytest.mark.parametrize("row", [_param(r) for r in _rows()] or [None])
def test_reading_matches_the_text_version(row: dict[str, str] | None) -> None:
    if row is None:
        pytest.skip("MANIFEST.tsv lists no PDF with a text version")
    path = PDFS / row["file"]
    pages = None if row["text_covers"] == "whole" else [int(row["text_covers"].split()[-1])]
    source = read_pdf(path, path.read_bytes(), pages=pages)
    gold = (SHARED / "corpus" / "docs" / row["text_version"]).read_text(encoding="utf-8")
    score = f1(words(source.text), words(gold))
    assert score >= THRESHOLD[row["layer"]], f"{row['file']}: bag-of-words F1 {score:.3f}"
