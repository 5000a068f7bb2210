"""Reading a batch side by side: the same texts as `read`, in order, and each bad file alone."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from reader_builders import SCAN_LINES, docx_file, scanned_pdf, text_pdf

from chidao.errors import ChidaoError, InputError, ReadError
from chidao.readers import read
from chidao.readers.many import BatchSettings, read_many
from chidao.readers.pdf import PdfSettings

LETTER = "ỦY BAN NHÂN DÂN TỈNH\nGiao Sở Xây dựng chủ trì rà soát quy hoạch trước ngày 30/6/2026.\n"


def _same(a: object, b: object) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in ("text", "pages", "blocks", "reader", "sha256"))


def test_a_batch_gives_what_read_gives_for_each_file_in_the_order_given(write) -> None:
    paths = [write("long.pdf", text_pdf(pages=9)),
             write("letter.txt", LETTER.encode()),
             write("table.pdf", text_pdf(pages=1, table=True)),
             write("minutes.docx", docx_file(["Giao Sở Y tế kiểm tra."], [["Nhiệm vụ", "Chủ trì"]])),
             write("two.pdf", text_pdf(pages=2)),
             write("three.pdf", text_pdf(pages=3, table=True))]
    results = list(read_many(paths))
    assert [path for path, _ in results] == paths
    for path, outcome in results:
        assert _same(outcome, read(path)), path.name


def test_bad_files_fail_alone_with_their_names_and_reasons(write, tmp_path: Path) -> None:
    good = [write("a.pdf", text_pdf(pages=2)), write("b.pdf", text_pdf(pages=1, table=True))]
    bad = {write("password.pdf", text_pdf(encrypt="mật-khẩu")): "encrypted with a password",
           write("truncated.pdf", text_pdf()[:700]): "corrupt or truncated",
           write("report.pdf", b"PK\x03\x04" + b"\0" * 200): "ZIP archive",
           tmp_path / "missing.pdf": "no such file",
           tmp_path: "is a folder"}
    paths = [good[0], *bad, good[1]]
    results = dict(read_many(paths))
    for path, reason in bad.items():
        outcome = results[path]
        assert isinstance(outcome, ChidaoError), path
        assert str(path) in outcome.message and reason in outcome.message
    assert isinstance(results[tmp_path / "missing.pdf"], InputError)
    for path in good:
        assert _same(results[path], read(path))


def test_a_document_past_its_deadline_fails_alone(write) -> None:
    # OCR of a page takes seconds; the deadline here is a fraction of one
    scan = write("scan.pdf", scanned_pdf(SCAN_LINES))
    rest = [write(f"{n}.pdf", text_pdf(pages=n)) for n in (1, 2, 3)]
    settings = BatchSettings(seconds_per_document=0.3, pdf=PdfSettings(seconds_per_page=0.0))
    start = time.monotonic()
    results = dict(read_many([scan, *rest], settings))
    assert time.monotonic() - start < 20
    assert isinstance(results[scan], ReadError)
    assert str(scan) in results[scan].message and "took too long" in results[scan].message
    for path in rest:
        assert _same(results[path], read(path))


def _ppid(pid: int | str) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:")))


def _kill_the_reader_running_tesseract(stop: threading.Event) -> None:
    """SIGKILL this process's reader that has started Tesseract (the one reading the scan)."""
    while not stop.wait(0.05):
        for pid in (p for p in os.listdir("/proc") if p.isdigit()):
            try:
                if Path(f"/proc/{pid}/comm").read_text().strip() != "tesseract":
                    continue
                reader = _ppid(pid)
                if _ppid(reader) == os.getpid():  # not another test's Tesseract
                    os.kill(reader, signal.SIGKILL)
                    return
            except (OSError, StopIteration, ValueError):
                continue


@pytest.mark.slow
def test_a_reader_killed_mid_document_costs_that_document_only(write) -> None:
    scan = write("scan.pdf", scanned_pdf(SCAN_LINES))
    rest = [write(f"{n}.pdf", text_pdf(pages=n)) for n in (1, 2)]
    stop = threading.Event()
    killer = threading.Thread(target=_kill_the_reader_running_tesseract, args=(stop,), daemon=True)
    killer.start()
    try:
        results = dict(read_many([scan, *rest]))
    finally:
        stop.set()
        killer.join()
    assert isinstance(results[scan], ReadError)
    assert str(scan) in results[scan].message and "reader died (exit code -9" in results[scan].message
    for path in rest:
        assert _same(results[path], read(path))


def test_one_pdf_is_read_as_read_does_it(write) -> None:
    # one PDF among text files: no batch readers, its pages spread over the CPUs by `read`
    paths = [write("letter.txt", LETTER.encode()), write("long.pdf", text_pdf(pages=9))]
    results = list(read_many(paths))
    assert [p for p, _ in results] == paths
    assert all(_same(outcome, read(path)) for path, outcome in results)
