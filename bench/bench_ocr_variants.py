"""OCR variants: bag-of-words F1 of the reader pipeline on the corpus scans with a text version.

Usage: .venv/bin/python bench/bench_ocr_variants.py VARIANT[,VARIANT...] [--tessdata DIR]
A variant is keys joined by '-': a dpi (300, 400), a binarization (grey, otsu, sauvola),
psmN, a model (lang=vie, lang=Vietnamese, lang=vie+Vietnamese), dir=NAME (a subfolder of
--tessdata holding that model), fix (the Vietnamese syllable correction). Example:
  300-otsu-psm3-lang=vie 400-otsu-psm3-lang=Vietnamese-fix
Prints one JSON line per (variant, file): F1 against the text version, mean confidence,
OCR seconds; then the variant's mean. Renders are cached under /tmp between runs.
Tesseract is held to one thread (OMP_THREAD_LIMIT=1): the machine is shared.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "readers"))

import numpy as np
import pypdfium2 as pdfium
import pytesseract
from PIL import Image
from test_corpus_pdfs import f1, words

from chidao.readers import ocr
from chidao.readers.fonts import repair_text
from chidao.readers.layout import drop_page_numbers, group_lines, page_paragraphs

ROOT = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = [("chinhphu_NQ-115-NQ-CP-2026-VQG-Ba-Vi.pdf", "chinhphu_NQ-115-NQ-CP-2026-VQG-Ba-Vi_p1.txt", 1),
         ("chinhphu_QD-729-QD-TTg-2026.pdf", "chinhphu_QD-729-QD-TTg-2026.txt", 1),
         ("chinhphu_QD-707-QD-TTg-2026.pdf", "chinhphu_QD-707-QD-TTg-2026_p1.txt", 1),
         ("chinhphu_TT-21-2026-TT-BCT.pdf", "chinhphu_TT-21-2026-TT-BCT_p1.txt", 1)]
CACHE = Path("/tmp/chidao-ocr-renders")


def render(pdf: str, page: int, dpi: int) -> Image.Image:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{pdf}.{page}.{dpi}.png"
    if not path.exists():
        doc = pdfium.PdfDocument(str(ROOT / "pdf" / pdf))
        doc[page - 1].render(scale=dpi / 72, grayscale=True).to_pil().save(path)
        doc.close()
    return Image.open(path).convert("L")


def sauvola(gray: Image.Image, window: int = 41, k: float = 0.2) -> Image.Image:
    """Local threshold mean * (1 + k (std / 128 - 1)) over a window (integral images)."""
    a = np.asarray(gray, dtype=np.float64)
    pad = window // 2
    p = np.pad(a, pad + 1, mode="edge")
    s1 = p.cumsum(0).cumsum(1)
    s2 = (p * p).cumsum(0).cumsum(1)
    h, w = a.shape

    def box(s: np.ndarray) -> np.ndarray:
        return (s[window:window + h, window:window + w] - s[:h, window:window + w]
                - s[window:window + h, :w] + s[:h, :w])

    n = window * window
    mean = box(s1) / n
    std = np.sqrt(np.maximum(box(s2) / n - mean * mean, 0))
    threshold = mean * (1 + k * (std / 128 - 1))
    return Image.fromarray(((a > threshold) * 255).astype(np.uint8))


def parse(name: str) -> dict[str, object]:
    v: dict[str, object] = {"dpi": 300, "bin": "otsu", "psm": 3, "lang": "vie", "dir": None, "fix": False}
    for key in name.split("-"):
        if key.isdigit():
            v["dpi"] = int(key)
        elif key in ("grey", "otsu", "sauvola"):
            v["bin"] = key
        elif key.startswith("psm"):
            v["psm"] = int(key[3:])
        elif key.startswith("lang="):
            v["lang"] = key[5:]
        elif key.startswith("dir="):
            v["dir"] = key[4:]
        elif key == "fix":
            v["fix"] = True
        else:
            raise SystemExit(f"unknown variant key {key!r}")
    return v


def name_of(v: dict[str, object]) -> str:
    """The part of a variant that decides what Tesseract reads (its output is cached by it)."""
    return f"{v['dpi']}-{v['bin']}-psm{v['psm']}-{v['lang']}-{v['dir']}"


def run(v: dict[str, object], pdf: str, page: int, tessdata: Path) -> tuple[str, float | None]:
    dpi = int(v["dpi"])  # type: ignore[call-overload]
    img = render(pdf, page, dpi)
    if v["bin"] == "otsu":
        img = ocr.binarize(img)  # type: ignore[assignment]
    elif v["bin"] == "sauvola":
        img = sauvola(img)
    config = f"--psm {v['psm']}"
    if v["dir"]:
        config += f" --tessdata-dir {tessdata / str(v['dir'])}"
    cached = CACHE / f"{pdf}.{page}.{name_of(v)}.json"
    if cached.exists():
        data = json.loads(cached.read_text())
    else:
        data = pytesseract.image_to_data(img, lang=str(v["lang"]), config=config,
                                         output_type=pytesseract.Output.DICT)
        cached.write_text(json.dumps(data))
    res = ocr.ocr_result(data, dpi / 72, correct=bool(v["fix"]))
    doc = pdfium.PdfDocument(str(ROOT / "pdf" / pdf))
    w, h = doc[page - 1].get_size()
    doc.close()
    paras = page_paragraphs(drop_page_numbers(group_lines(res.segments), h), w, first_page=True)
    text = "\n".join(repair_text(p.text) for p in paras)
    return text, res.confidence


def main() -> None:
    args = sys.argv[1:]
    tessdata = Path("/tmp/tessdata")
    if "--tessdata" in args:
        i = args.index("--tessdata")
        tessdata = Path(args[i + 1])
        del args[i:i + 2]
    for name in args[0].split(","):
        v = parse(name)
        scores = []
        for pdf, txt, page in FILES:
            t0 = time.process_time()
            started = time.perf_counter()
            text, conf = run(v, pdf, page, tessdata)
            gold = (ROOT / "docs" / txt).read_text(encoding="utf-8")
            score = f1(words(text), words(gold))
            scores.append(score)
            print(json.dumps({"variant": name, "file": pdf[:22], "f1": round(score, 4),
                              "conf": round(conf or 0, 3), "s": round(time.perf_counter() - started, 1),
                              "parent_cpu_s": round(time.process_time() - t0, 1)}), flush=True)
        print(json.dumps({"variant": name, "mean_f1": round(statistics.fmean(scores), 4),
                          "min_f1": round(min(scores), 4)}), flush=True)


if __name__ == "__main__":
    main()
