"""Bag-of-words F1 of chidao's reading of the real PDFs against their text versions (issue 3)."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from functools import cache

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


def recall(ours: Counter[str], gold: Counter[str]) -> float:
    """Share of the text version's words found in chidao's reading."""
    return sum((ours & gold).values()) / max(sum(gold.values()), 1)


# Text versions that are not a complete reference: the PDF prints words they lack, so
# chidao's (correct) extra words cost precision and F1 stays under the 0.98 however
# well the PDF is read. The F1 check still runs on them as a strict xfail: it fails loudly
# if F1 ever reaches the threshold (time to drop the entry). Recall is checked as usual.
INCOMPLETE_REFERENCE = {
    # Measured 2026-05 after the footer-zone fix: recall 0.998, precision 0.959, F1 0.978.
    # The text version omits two lines of the recipient list ("Nơi nhận", 9 words) that the
    # PDF prints, and writes "TTĐL" where the PDF's text layer has "TTDL" (checked with
    # pdfplumber: the glyph is a plain D).
    "hanoi_TB-453-UBND-2026-treo-co.pdf": "the text version omits two recipient lines the PDF has",
}


# Scans whose OCR is not yet good enough (strict xfails: they turn red the day OCR gets there).
# Emptied 2026-11-28: the Vietnamese syllable correction (chidao/readers/syllables.py) took
# QD-729 from 0.884 to 0.904 and TT-21 from 0.880 to 0.911 (bench/bench_ocr_variants.py).
OCR_SHORTFALL: dict[str, str] = {}


def _rows() -> list[dict[str, str]]:
    manifest = PDFS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(f, delimiter="\t") if r["text_version"]]


def _param(row: dict[str, str], f1_check: bool = False) -> object:
    marks = [pytest.mark.slow] if row["layer"] == "scanned" else []
    if f1_check and row["file"] in INCOMPLETE_REFERENCE:
        marks.append(pytest.mark.xfail(reason=INCOMPLETE_REFERENCE[row["file"]], strict=True))
    if row["file"] in OCR_SHORTFALL:
        marks.append(pytest.mark.xfail(reason=OCR_SHORTFALL[row["file"]], strict=True))
    return pytest.param(row, id=row["file"], marks=marks)


@cache
def _scores(file: str) -> tuple[float, float, str]:
    """Read one corpus PDF over the pages its text version covers; return (F1, recall, layer)."""
    row = next(r for r in _rows() if r["file"] == file)
    path = PDFS / row["file"]
    pages = None if row["text_covers"] == "whole" else [int(row["text_covers"].split()[-1])]
    source = read_pdf(path, path.read_bytes(), pages=pages)
    gold = (SHARED / "corpus" / "docs" / row["text_version"]).read_text(encoding="utf-8")
    ours, theirs = words(source.text), words(gold)
    return f1(ours, theirs), recall(ours, theirs), row["layer"]


needs_corpus = pytest.mark.skipif(not PDFS.exists(), reason=f"the shared corpus is not at {PDFS}")


@needs_corpus
@pytest.mark.parametrize("row", [_param(r) for r in _rows()] or [None])
def test_words_of_the_text_version_are_found(row: dict[str, str] | None) -> None:
    if row is None:
        pytest.skip("MANIFEST.tsv lists no PDF with a text version")
    _, found, layer = _scores(row["file"])
    assert found >= THRESHOLD[layer], f"{row['file']}: recall of the text version's words {found:.3f}"


@needs_corpus
@pytest.mark.parametrize("row", [_param(r, f1_check=True) for r in _rows()] or [None])
def test_reading_matches_the_text_version(row: dict[str, str] | None) -> None:
    if row is None:
        pytest.skip("MANIFEST.tsv lists no PDF with a text version")
    score, _, layer = _scores(row["file"])
    assert score >= THRESHOLD[layer], f"{row['file']}: bag-of-words F1 {score:.3f}"
