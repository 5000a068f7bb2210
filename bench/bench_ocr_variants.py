"""OCR preprocessing variants: bag-of-words F1 of the reader pipeline on the corpus scans.

Usage: .venv/bin/python bench/bench_ocr_variants.py base300,otsu300,dpi400,...
Prints one JSON line per (variant, file): F1 against the text version, mean confidence, seconds.
Run two invocations side by side to use both cores.
"""
import json
import sys
import time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "readers"))
from pathlib import Path
import numpy as np
from PIL import Image
import pytesseract
import pypdfium2 as pdfium
from test_corpus_pdfs import words, f1
from chidao.readers import ocr, pdfpages
from chidao.readers.layout import drop_page_numbers, group_lines, page_paragraphs
from chidao.readers.fonts import repair_text

ROOT = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = [("chinhphu_NQ-115-NQ-CP-2026-VQG-Ba-Vi.pdf", "chinhphu_NQ-115-NQ-CP-2026-VQG-Ba-Vi_p1.txt", 1),
         ("chinhphu_QD-729-QD-TTg-2026.pdf", "chinhphu_QD-729-QD-TTg-2026.txt", 1),
         ("chinhphu_QD-707-QD-TTg-2026.pdf", "chinhphu_QD-707-QD-TTg-2026_p1.txt", 1),
         ("chinhphu_TT-21-2026-TT-BCT.pdf", "chinhphu_TT-21-2026-TT-BCT_p1.txt", 1)]

def otsu(gray):
    a = np.asarray(gray, dtype=np.uint8)
    hist = np.bincount(a.ravel(), minlength=256).astype(float)
    total = a.size; sum_all = (np.arange(256) * hist).sum()
    wb = sb = 0.0; best = (0, 0)
    for t in range(256):
        wb += hist[t]
        if wb == 0 or wb == total: continue
        sb += t * hist[t]
        mb, mf = sb / wb, (sum_all - sb) / (total - wb)
        var = wb * (total - wb) * (mb - mf) ** 2
        if var > best[0]: best = (var, t)
    return Image.fromarray(((a > best[1]) * 255).astype(np.uint8))

def unred(rgb):
    a = np.asarray(rgb).astype(int)
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    red = (r > 120) & (r - g > 50) & (r - b > 50)
    gray = (0.299 * r + 0.587 * g + 0.114 * b)
    gray[red] = 255
    return Image.fromarray(gray.clip(0, 255).astype(np.uint8))

def run(variant, page):
    dpi = variant.get("dpi", 300); scale = dpi / 72
    if variant.get("unred"):
        img = unred(page.render(scale=scale).to_pil().convert("RGB"))
    else:
        img = page.render(scale=scale, grayscale=True).to_pil()
    if variant.get("otsu"):
        img = otsu(img)
    config = variant.get("config", "")
    data = pytesseract.image_to_data(img, lang="vie", config=config, output_type=pytesseract.Output.DICT)
    orig = pytesseract.image_to_data
    pytesseract.image_to_data = lambda *a, **k: data
    try:
        res = ocr.ocr_image(img, scale)
    finally:
        pytesseract.image_to_data = orig
    w, h = page.get_size()
    paras = page_paragraphs(drop_page_numbers(group_lines(res.segments), h), w, first_page=True)
    return "\n".join(repair_text(p.text) for p in paras), res.confidence

VARIANTS = {
 "base300": {},
 "dpi400": {"dpi": 400},
 "otsu300": {"otsu": True},
 "psm6": {"config": "--psm 6"},
 "psm4": {"config": "--psm 4"},
 "pis1": {"config": "-c preserve_interword_spaces=1"},
 "unred300": {"unred": True},
 "unred_otsu300": {"unred": True, "otsu": True},
 "unred400": {"unred": True, "dpi": 400},
 "otsu400": {"otsu": True, "dpi": 400},
}
names = sys.argv[1].split(",")
for name in names:
    v = VARIANTS[name]
    for pdf, txt, pno in FILES:
        doc = pdfium.PdfDocument(str(ROOT / "pdf" / pdf))
        t0 = time.time()
        text, conf = run(v, doc[pno - 1])
        dt = time.time() - t0
        gold = (ROOT / "docs" / txt).read_text()
        score = f1(words(text), words(gold))
        print(json.dumps({"variant": name, "file": pdf, "f1": round(score, 4), "conf": round(conf or 0, 3), "s": round(dt, 1)}), flush=True)
