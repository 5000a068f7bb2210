"""Child processes of the PDF reader: answers in order, and each way a child can fail."""

from __future__ import annotations

import os
import signal
import time

import pytest

from chidao.readers.isolation import WorkerFailed, run_isolated


def _square(n: int) -> int:
    return n * n


def _fail(message: str) -> None:
    raise ValueError(message)


def _hog() -> bytes:
    return b"x" * 2**31  # 2 GiB under a 512 MiB cap


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _sleep() -> None:
    time.sleep(30)


def test_answers_come_back_in_job_order() -> None:
    assert run_isolated(_square, [(3,), (4,), (5,)], memory_mb=512, timeout=30) == [9, 16, 25]


@pytest.mark.parametrize(("function", "args", "kind", "detail"), [
    (_fail, ("bad page",), "error", "ValueError: bad page"),
    (_hog, (), "memory", ""),
    (_die, (), "died", "exit code -9"),
])
def test_a_failing_child_is_reported(function, args, kind, detail) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WorkerFailed) as caught:
        run_isolated(function, [args], memory_mb=512, timeout=30)
    assert (caught.value.kind, caught.value.detail) == (kind, detail)


def test_a_child_past_the_deadline_is_killed_in_time() -> None:
    start = time.monotonic()
    with pytest.raises(WorkerFailed, match="timeout"):
        run_isolated(_sleep, [()], memory_mb=512, timeout=0.5)
    assert time.monotonic() - start < 10


def test_the_parents_own_failure_ends_the_children() -> None:
    def refuse() -> None:
        raise RuntimeError("a bomb")

    start = time.monotonic()
    with pytest.raises(RuntimeError, match="a bomb"):
        run_isolated(_sleep, [(), ()], memory_mb=512, timeout=60, meanwhile=refuse)
    assert time.monotonic() - start < 10


def test_idle_cpus_counts_at_least_one_and_at_most_all() -> None:
    from chidao.readers.pdf import idle_cpus

    assert 1 <= idle_cpus() <= len(os.sched_getaffinity(0))


def test_a_scan_is_told_from_a_text_pdf_by_its_page_images() -> None:
    from reader_builders import SCAN_LINES, scanned_pdf, text_pdf

    from chidao.readers.pdfpages import probably_scanned

    assert probably_scanned(scanned_pdf(SCAN_LINES), 1)
    assert not probably_scanned(text_pdf(pages=3), 3)


def test_ocr_pages_are_split_from_two_pages_text_pages_in_bulk(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from chidao.readers import pdf

    monkeypatch.setattr(pdf, "idle_cpus", lambda: 2)
    settings = pdf.PdfSettings()
    assert pdf._chunks([0, 1], settings, scanned=True) == [[0], [1]]
    assert pdf._chunks([0, 1], settings) == [[0, 1]]
    assert pdf._chunks(list(range(20)), settings) == [list(range(10)), list(range(10, 20))]
    monkeypatch.setattr(pdf, "idle_cpus", lambda: 1)
    assert pdf._chunks([0, 1], settings, scanned=True) == [[0, 1]]
