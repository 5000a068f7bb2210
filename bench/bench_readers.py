"""Print reader speed: text-PDF pages/s (pdfplumber and pypdfium2 alone vs chidao), OCR pages/s.

Wall-clock pages/s depend on what else the machine runs, so the load average is printed
before and after; CPU ms a page (this process and its reading workers together, the least
of five reads) is the steadier figure for comparing versions of the reader. Each PDF is read
four ways: pypdfium2 alone (load each page and its text layer, get the text: the floor),
chidao's page reading in this process (no workers), and `read_pdf` with one worker and with
the workers it chooses itself (two when a CPU is idle). The corpus's text PDFs are also read
as one batch with `read_many` (reader processes side by side), against pdfium alone in two
processes.

Run: .venv/bin/python bench/bench_readers.py [PAGES]   (PAGES of the generated PDF, default 200)
"""

from __future__ import annotations

import csv
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "readers"))

from reader_builders import SCAN_LINES, scanned_pdf, text_pdf

from chidao.readers.isolation import run_isolated
from chidao.readers.many import read_many
from chidao.readers.pdf import PdfSettings, idle_cpus, read_pdf
from chidao.readers.pdfpages import PageOptions, read_pages
from chidao.records import SourceText

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf"
RUNS = 5
BATCH_REPEAT = 10


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _measure(read: Callable[[], object], pages: int, runs: int = RUNS) -> tuple[float, float, float]:
    """Best and median pages/s over `runs` reads, and the least CPU ms a page."""
    rates, cpu = [], []
    for _ in range(runs):
        cpu_start, start = _cpu_seconds(), time.perf_counter()
        read()
        rates.append(pages / (time.perf_counter() - start))
        cpu.append((_cpu_seconds() - cpu_start) * 1000 / pages)
    return max(rates), statistics.median(rates), min(cpu)


def _pdfplumber(data: bytes) -> None:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def _pdfium(data: bytes) -> None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    for i in range(len(doc)):
        doc[i].get_textpage().get_text_range()
    doc.close()


def _row(label: str, figures: tuple[float, float, float]) -> None:
    best, median, cpu = figures
    print(f"  {label:32s} {best:7.1f} pages/s best, {median:7.1f} median; {cpu:6.2f} CPU ms/page")


def _text_pdf_rows(name: str, data: bytes, pages: int, plumber: bool = True) -> None:
    path = Path(name)
    no_ocr = PageOptions(ocr=False)
    if plumber:
        _row("pdfplumber extract_text", _measure(lambda: _pdfplumber(data), pages, runs=1))
    _row("pypdfium2 text only", _measure(lambda: _pdfium(data), pages))
    _row("chidao pages, in this process", _measure(lambda: read_pages(data, list(range(pages)), no_ocr), pages))
    _row("chidao read_pdf, 1 worker", _measure(lambda: read_pdf(path, data, PdfSettings(workers=1)), pages))
    _row("chidao read_pdf, own choice", _measure(lambda: read_pdf(path, data), pages))


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg()) + f" (idle CPUs now: {idle_cpus()})"


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    print(f"load average before: {_load()}")
    print(f"text PDF, {pages} pages (built with reportlab)")
    _text_pdf_rows("bench.pdf", text_pdf(pages=pages), pages)
    real = CORPUS / "hanoi_QD-2280-UBND-2026-thoat-nuoc.pdf"
    if real.exists():
        print(f"real 20-page PDF {real.name}")
        _text_pdf_rows(real.name, real.read_bytes(), 20)
        _corpus_text_pdfs()
    _ocr()
    print(f"load average after: {_load()}")


def _corpus_text_pdfs() -> None:
    """All text PDFs of the corpus, each read with read_pdf: total pages over total time."""
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8") as f:
        files = [r["file"] for r in csv.DictReader(f, delimiter="\t") if r["layer"] == "text"]
    documents = [(CORPUS / name, (CORPUS / name).read_bytes()) for name in files]
    pages = sum(len(read_pdf(path, data).pages) for path, data in documents)  # warm: imports

    def read_all() -> None:
        for path, data in documents:
            read_pdf(path, data)

    print(f"all {len(files)} text PDFs of the corpus, {pages} pages, one read_pdf each")
    _row("chidao read_pdf, own choice", _measure(read_all, pages, runs=3))
    _row("chidao read_many (the batch)", _measure(lambda: _read_batch([p for p, _ in documents]), pages))
    # The floor for documents met once: pdfium in a fresh process per document, as a reading
    # worker starts, loads each embedded font again (the repeated reads above reuse nothing
    # either: every read_pdf forks new workers from this process, which never loads a page).
    _row("pypdfium2 alone, fresh process each", _measure(
        lambda: run_isolated(_pdfium, [(data,) for _, data in documents], 3072, 120), pages, runs=3))
    print("  (that row runs the documents' pdfium processes side by side: both CPUs)")
    counted = [(len(read_pdf(path, data).pages), data) for path, data in documents]
    halves = _halves(counted)
    _row("pypdfium2 alone, 2 processes", _measure(
        lambda: run_isolated(_pdfium_all, [(half,) for half in halves], 3072, 120), pages, runs=5))
    print("  (each process reads half the pages, longest documents first: read_many's floor)")
    # A folder of agency letters holds hundreds: a batch's own costs (forking the readers,
    # each importing the table finder once) are spread over more documents than seven.
    batch = [path for path, _ in documents] * BATCH_REPEAT
    print(f"the same {len(files)} PDFs {BATCH_REPEAT} times over, one batch of {len(batch)} documents, "
          f"{pages * BATCH_REPEAT} pages (each read anew: its fonts loaded again)")
    _row("chidao read_many (the batch)", _measure(lambda: _read_batch(batch), pages * BATCH_REPEAT, runs=3))
    halves = _halves(counted * BATCH_REPEAT)
    _row("pypdfium2 alone, 2 processes", _measure(
        lambda: run_isolated(_pdfium_all, [(half,) for half in halves], 3072, 120), pages * BATCH_REPEAT, runs=3))


def _read_batch(paths: list[Path]) -> None:
    for _, outcome in read_many(paths):
        assert isinstance(outcome, SourceText), outcome


def _halves(documents: list[tuple[int, bytes]]) -> list[list[bytes]]:
    """Split documents between two processes, longest first, each to the one with fewer pages."""
    halves: list[list[bytes]] = [[], []]
    loads = [0, 0]
    for count, data in sorted(documents, key=lambda d: -d[0]):
        lighter = loads.index(min(loads))
        halves[lighter].append(data)
        loads[lighter] += count
    return halves


def _pdfium_all(documents: list[bytes]) -> None:
    for data in documents:
        _pdfium(data)


def _ocr() -> None:
    scans = [("generated one-page scan", scanned_pdf(SCAN_LINES), 1)]
    real = CORPUS / "chinhphu_TT-21-2026-TT-BCT.pdf"
    if real.exists():
        scans.append((f"{real.name} (2 pages)", real.read_bytes(), 2))
    for label, data, pages in scans:
        best, _, cpu = _measure(lambda data=data: read_pdf(Path("scan.pdf"), data), pages, runs=2)
        print(f"OCR (300 dpi, vie) {label}: {best:.2f} pages/s best, {cpu / 1000:.2f} CPU s/page")


if __name__ == "__main__":
    main()
