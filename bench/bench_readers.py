"""Print reader speed: text-PDF pages/s (pdfplumber and pypdfium2 alone vs chidao), OCR pages/s, peak memory.

Wall-clock pages/s depend on what else the machine runs; CPU ms a page (this process and its
workers together) is the steadier figure for comparing versions of the reader.

Run: .venv/bin/python bench/bench_readers.py [PAGES]
"""

from __future__ import annotations

import resource
import statistics
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


def _pdfium_rate(data: bytes, pages: int) -> float:
    """Pages/s of pypdfium2 alone: load each page and its text layer, get the text."""
    import pypdfium2 as pdfium

    start = time.perf_counter()
    doc = pdfium.PdfDocument(data)
    for i in range(pages):
        doc[i].get_textpage().get_text_range()
    doc.close()
    return pages / (time.perf_counter() - start)


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _chidao_rate(data: bytes, pages: int, name: str, runs: int = 5) -> tuple[float, float, float]:
    """Best and median pages/s over `runs` reads, and the least CPU ms a page."""
    rates, cpu = [], []
    for _ in range(runs):
        cpu_start, start = _cpu_seconds(), time.perf_counter()
        source = read_pdf(Path(name), data)
        rates.append(pages / (time.perf_counter() - start))
        cpu.append((_cpu_seconds() - cpu_start) * 1000 / pages)
        assert len(source.pages) == pages
    return max(rates), statistics.median(rates), min(cpu)


def _print_chidao(data: bytes, pages: int, name: str) -> None:
    best, median, cpu = _chidao_rate(data, pages, name)
    print(f"  chidao read_pdf:         {best:7.1f} pages/s best of 5, {median:.1f} median; "
          f"{cpu:.2f} CPU ms/page")


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    data = text_pdf(pages=pages)
    print(f"text PDF, {pages} pages (built with reportlab)")
    print(f"  pdfplumber extract_text: {_pdfplumber_rate(data, pages):7.1f} pages/s")
    print(f"  pypdfium2 text only:     {_pdfium_rate(data, pages):7.1f} pages/s")
    _print_chidao(data, pages, "bench.pdf")
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf" / "hanoi_QD-2280-UBND-2026-thoat-nuoc.pdf"
    if corpus.exists():
        real = corpus.read_bytes()
        print(f"real 20-page PDF {corpus.name}")
        print(f"  pdfplumber extract_text: {_pdfplumber_rate(real, 20):7.1f} pages/s")
        print(f"  pypdfium2 text only:     {_pdfium_rate(real, 20):7.1f} pages/s")
        _print_chidao(real, 20, corpus.name)
    scans = 4
    start = time.perf_counter()
    for _ in range(scans):
        read_pdf(Path("scan.pdf"), scanned_pdf(SCAN_LINES))
    print(f"OCR (300 dpi, vie): {scans / (time.perf_counter() - start):7.2f} pages/s")
    print(f"peak RSS (this process / largest worker): {_peak_mb():.0f} MiB")


if __name__ == "__main__":
    main()
