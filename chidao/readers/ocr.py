"""OCR a page with no usable text layer: render with pypdfium2, read with Tesseract ("vie")."""

from __future__ import annotations

import os
import shutil
import statistics
from dataclasses import dataclass

from chidao.readers.layout import COLUMN_GAP, Segment
from chidao.readers.syllables import Word, correct_line

LANGUAGE = "vie"
# Words Tesseract is less sure of than this are stamp ink, signatures and specks, not text.
MIN_WORD_CONFIDENCE = 20.0


class OcrUnavailable(RuntimeError):
    """Tesseract or its Vietnamese model is not installed."""


@dataclass(slots=True)
class OcrResult:
    """The words of one page as segments (points), and Tesseract's mean word confidence (0–1)."""

    segments: list[Segment]
    confidence: float | None


def check_tesseract() -> None:
    """Raise OcrUnavailable unless the `tesseract` binary and its Vietnamese model are present."""
    import pytesseract

    if shutil.which("tesseract") is None:
        raise OcrUnavailable("the `tesseract` program is not installed (Debian: tesseract-ocr)")
    if LANGUAGE not in pytesseract.get_languages(config=""):
        raise OcrUnavailable("Tesseract's Vietnamese model is missing (Debian: tesseract-ocr-vie)")


def ocr_image(image: object, scale: float, lang: str = LANGUAGE, config: str = "",
              correct: bool = True) -> OcrResult:
    """Read a PIL image; `scale` is pixels per point, to give boxes in points.

    With `correct`, words are checked against Vietnamese syllables (`syllables.correct_line`).
    """
    import pytesseract

    # Tesseract's OpenMP threads spin against each other and anything else running: one page
    # measured 2.4 CPU s with one thread and 16 CPU s (40 s wall) with two on a busy 2-CPU
    # machine. Pages are spread over worker processes instead; a caller's own setting wins.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    data = pytesseract.image_to_data(image, lang=lang, config=config, output_type=pytesseract.Output.DICT)
    return ocr_result(data, scale, correct)


def ocr_result(data: dict[str, list], scale: float, correct: bool = True) -> OcrResult:
    """Turn Tesseract's word table (`image_to_data` as a dict) into segments."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    confidences: list[float] = []
    for i, word in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if not word.strip() or conf < 0:
            continue
        confidences.append(conf)
        if conf >= MIN_WORD_CONFIDENCE:
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            lines.setdefault(key, []).append(i)
    if correct:
        # a paragraph's lines continue one another: a word ending a line is judged beside the
        # word opening the next ("xăng" / "dâu được" -> "dầu")
        paragraphs: dict[tuple[int, int], list[int]] = {}
        for (block, par, _), indices in lines.items():
            paragraphs.setdefault((block, par), []).extend(indices)
        for indices in paragraphs.values():
            words = [Word(data["text"][i], float(data["conf"][i])) for i in indices]
            for i, text in zip(indices, correct_line(words)):
                data["text"][i] = text
    segments = [seg for idx in lines.values() for seg in _line_segments(data, idx, scale)]
    confidence = statistics.fmean(confidences) / 100 if confidences else None
    return OcrResult(segments, confidence)


def _line_segments(data: dict[str, list], indices: list[int], scale: float) -> list[Segment]:
    """Split one Tesseract line into segments at column-wide gaps."""
    segments: list[Segment] = []
    for i in sorted(indices, key=lambda k: data["left"][k]):
        x0, top = data["left"][i] / scale, data["top"][i] / scale
        x1, bottom = x0 + data["width"][i] / scale, top + data["height"][i] / scale
        if segments and x0 - segments[-1].x1 < COLUMN_GAP:
            last = segments[-1]
            last.text += " " + data["text"][i]
            last.x1, last.top, last.bottom = x1, min(last.top, top), max(last.bottom, bottom)
        else:
            segments.append(Segment(data["text"][i], x0, top, x1, bottom))
    return segments


def otsu_threshold(histogram: list[int]) -> int:
    """Return the grey level that best splits a 256-bin histogram into ink and paper (Otsu)."""
    total = sum(histogram)
    weighted_all = sum(level * count for level, count in enumerate(histogram))
    below = weighted_below = 0
    best, best_level = -1.0, 127
    for level, count in enumerate(histogram):
        below += count
        weighted_below += level * count
        above = total - below
        if below == 0 or above == 0:
            continue
        gap = weighted_below / below - (weighted_all - weighted_below) / above
        spread = below * above * gap * gap
        if spread > best:
            best, best_level = spread, level
    return best_level


def binarize(image: object) -> object:
    """Black ink on white paper at the Otsu threshold of a grey PIL image.

    Measured on the four scans with a text version (bench/bench_ocr_variants.py): bag-of-words
    F1 0.904 -> 0.908 on average, better on three of four, and OCR ~30% faster; 400 dpi, psm 4/6,
    preserve_interword_spaces and removing the red stamp did not help across files.
    """
    threshold = otsu_threshold(image.histogram())  # type: ignore[attr-defined]
    return image.point(lambda v: 255 if v > threshold else 0)  # type: ignore[attr-defined]


def ocr_page(page: object, dpi: int) -> OcrResult:
    """Render a pypdfium2 page at `dpi` in grey, binarize it and OCR it."""
    scale = dpi / 72
    image = page.render(scale=scale, grayscale=True).to_pil()  # type: ignore[attr-defined]
    return ocr_image(binarize(image), scale)
