"""Print reader speed: text-PDF pages/s (pdfplumber alone vs chidao), OCR pages/s, peak memory.

Run: .venv/bin/python bench/bench_readers.py [PAGES]
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "readers"))

from reader_builders import SCAN_LINES, scanned_pdf, text_pdf  # noqa: E402

from chidao.readers.pdf import read_pdf  # noqa: E402


def _pdfplumber_rate(data: bytes, pages: int) -> float:
    import io

    import pdfplumber

    start = time.perf_counter()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
    return pages / (time.perf_counter() - start)


def _chidao_rate(data: bytes, pages: int, name: str) -> float:
    start = time.perf_counter()
    source = read_pdf(Path(name), data)
    assert len(source.pages) == pages
    return pages / (time.perf_counter() - start)


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    data = text_pdf(pages=pages)
    print(f"text PDF, {pages} pages (built with reportlab)")
    print(f"  pdfplumber extract_text: {_pdfplumber_rate(data, pages):7.1f} pages/s")
    print(f"  chidao read_pdf:         {_chidao_rate(data, pages, 'bench.pdf'):7.1f} pages/s")
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf" / "hanoi_QD-2280-UBND-2026-thoat-nuoc.pdf"
    if corpus.exists():
        real = corpus.read_bytes()
        print(f"real 20-page PDF {corpus.name}")
        print(f"  pdfplumber extract_text: {_pdfplumber_rate(real, 20):7.1f} pages/s")
        print(f"  chidao read_pdf:         {_chidao_rate(real, 20, corpus.name):7.1f} pages/s")
    scans = 4
    start = time.perf_counter()
    for _ in range(scans):
        read_pdf(Path("scan.pdf"), scanned_pdf(SCAN_LINES))
    print(f"OCR (300 dpi, vie): {scans / (time.perf_counter() - start):7.2f} pages/s")
    print(f"peak RSS (this process / largest worker): {_peak_mb():.0f} MiB")


if __name__ == "__main__":
    main()
