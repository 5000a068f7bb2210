"""Read a batch of files side by side: long-lived reader processes, one document at a time each.

`read(path)` reads one PDF's pages in worker processes forked for that document, which
suits one long PDF. A batch of agency letters is many short PDFs, where that costs more
than the reading: a fork and a first page per document, and both CPUs only for documents
of eight pages or more. Measured on the corpus's text PDFs (bench/README.md, session 4):
`read` one after another 35–41 pages/s, pdfium alone in one process 8 CPU ms a page,
chidao's page reading 13.5. So here each reader process is forked once per batch and reads
whole documents in itself, the next one as soon as it has sent the last, on every idle CPU.

Each reader runs under the same memory cap as a page worker, and the caller's process keeps
a deadline per document (from its page count): a PDF bomb kills one reader, its document
gets a `ReadError` naming it, and a fresh reader takes the rest. Files whose first bytes say plain text are read in the caller's process: a fork would
cost more than reading them.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from chidao.errors import ChidaoError, ReadError
from chidao.readers import read, sniff_kind
from chidao.readers.isolation import die_with_parent, enter_worker
from chidao.readers.pdf import PdfSettings, idle_cpus
from chidao.records import SourceText

Outcome = SourceText | ChidaoError


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """How many readers, how far ahead of the caller they read, and each one's limits."""

    workers: int = 2
    # documents read but not yet taken, per reader: bounds the memory the texts hold
    ahead_per_worker: int = 4
    # a document's time, besides `pdf.seconds_per_page` for each page (as `read_pdf` allows)
    seconds_per_document: float = 30.0
    pdf: PdfSettings = field(default_factory=PdfSettings)


def read_many(paths: Sequence[str | Path], settings: BatchSettings | None = None) -> Iterator[tuple[Path, Outcome]]:
    """Yield each path with its `SourceText`, or the `ChidaoError` that refused it, in the order given.

    One bad file costs one error; the others are read as usual. Close the iterator (or run it
    to its end) to end the readers.
    """
    settings = settings or BatchSettings()
    items = [Path(p) for p in paths]
    forked = [i for i, p in enumerate(items) if _wants_reader(p)]
    workers = min(settings.workers, idle_cpus(), len(forked))
    if len(forked) < 2 or mp.current_process().daemon:
        # one PDF: `read` spreads its pages over the CPUs, which one reader would not
        # (and a daemonic process may start no readers, only `read`'s page workers)
        for path in items:
            yield path, _read_here(path)
        return
    batch = _Batch(items, forked, workers, settings)
    try:
        yield from batch.results()
    finally:
        batch.close()


def _wants_reader(path: Path) -> bool:
    """True for a file that might be a PDF or DOCX by its first bytes; text is read here."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
        return sniff_kind(path, head) != "text"
    except (OSError, ChidaoError):
        return False  # `read` names the problem in this process


def _read_here(path: Path) -> Outcome:
    try:
        return read(path)
    except ChidaoError as err:
        return err


@dataclass(slots=True)
class _Reader:
    process: Any
    jobs: Connection
    answers: Connection
    index: int | None = None  # the document it reads now
    deadline: float = 0.0


class _Batch:
    def __init__(self, items: list[Path], forked: list[int], workers: int, settings: BatchSettings) -> None:
        self.items = items
        self.forked = frozenset(forked)
        self.queue = forked  # not yet given to a reader, in input order
        self.settings = settings
        self.ahead = workers * settings.ahead_per_worker
        self.pages: dict[int, int] = {}  # counted once a document is among the next few
        self.done: dict[int, Outcome] = {}
        self.readers = [self._start() for _ in range(workers)]

    def results(self) -> Iterator[tuple[Path, Outcome]]:
        for index, path in enumerate(self.items):
            if index not in self.forked:
                yield path, _read_here(path)
                continue
            while index not in self.done:
                self._dispatch(index)
                self._collect()
            yield path, self.done.pop(index)

    def close(self) -> None:
        for reader in self.readers:
            _end(reader)

    def _start(self) -> _Reader:
        ctx = mp.get_context("fork")  # the readers inherit the loaded modules
        jobs_out, jobs_in = ctx.Pipe(duplex=False)
        answers_in, answers_out = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_serve, args=(jobs_out, answers_out, self.settings.pdf.memory_mb, os.getpid()),
                              daemon=True, name="chidao-reader")
        process.start()
        jobs_out.close()
        answers_out.close()
        return _Reader(process, jobs_in, answers_in)

    def _dispatch(self, waited: int) -> None:
        """Give each idle reader the longest of the next few documents.

        In input order, a long PDF met last keeps one reader busy while the other idles: on
        the corpus's eight text PDFs (20 of their 40 pages in one) the batch read at 63–93
        pages/s in input order and 120–125 longest first, in the same minutes.
        """
        for reader in self.readers:
            window = [i for i in self.queue[:self.ahead] if i < waited + self.ahead]
            if reader.index is not None or not window:
                continue
            for i in window:
                if i not in self.pages:
                    self.pages[i] = _page_count(self.items[i])
            index = max(window, key=self.pages.__getitem__)
            self.queue.remove(index)
            self._give(reader, index)

    def _give(self, reader: _Reader, index: int) -> None:
        reader.index = index
        allowance = self.settings.seconds_per_document + self.settings.pdf.seconds_per_page * self.pages[index]
        reader.deadline = time.monotonic() + allowance
        try:
            reader.jobs.send(self.items[index])
        except OSError:  # it died while idle (the OOM killer, a signal): a fresh one reads it
            self._give(self._replace(reader), index)

    def _replace(self, reader: _Reader) -> _Reader:
        _end(reader)
        fresh = self._start()
        self.readers[self.readers.index(reader)] = fresh
        return fresh

    def _collect(self) -> None:
        busy = [r for r in self.readers if r.index is not None]
        soonest = min(r.deadline for r in busy)
        ready = wait([r.answers for r in busy], max(0.0, soonest - time.monotonic()))
        for reader in busy:
            if reader.answers in ready:
                self._receive(reader)
            elif time.monotonic() >= reader.deadline:
                self._fail(reader, "timeout")

    def _receive(self, reader: _Reader) -> None:
        assert reader.index is not None
        try:
            outcome = reader.answers.recv()
        except (EOFError, OSError):
            reader.process.join(5)
            self._fail(reader, "died", f"exit code {reader.process.exitcode}")
            return
        self.done[reader.index] = outcome
        reader.index = None

    def _fail(self, reader: _Reader, kind: str, detail: str = "") -> None:
        assert reader.index is not None
        path = self.items[reader.index]
        self.done[reader.index] = ReadError(str(path), _failure(kind, detail, self.settings.pdf.memory_mb),
                                            "check the file in a viewer; export it again")
        self._replace(reader)


def _failure(kind: str, detail: str, memory_mb: int) -> str:
    if kind == "timeout":
        return "reading took too long (a PDF bomb or a broken page)"
    return f"the reader died ({detail}; a PDF bomb, or a page needing over {memory_mb} MiB?)"


def _end(reader: _Reader) -> None:
    reader.jobs.close()
    reader.answers.close()
    if reader.process.is_alive():
        reader.process.kill()
    reader.process.join()


def _serve(jobs: Connection, answers: Connection, memory_mb: int, parent: int) -> None:
    """A reader: read each path sent and answer with its outcome, until the pipe closes."""
    die_with_parent(parent)
    enter_worker(memory_mb)
    try:
        while True:
            try:
                path = jobs.recv()
            except EOFError:
                break
            answers.send(_read_capped(path))
    except BaseException:  # noqa: BLE001, S110 - the parent closed the pipes or was interrupted
        pass
    os._exit(0)


def _read_capped(path: Path) -> Outcome:
    try:
        return read(path)
    except ChidaoError as err:
        return err
    except MemoryError:
        return ReadError(str(path), "reading needs more memory than a reader may use (a PDF bomb?)",
                         "check the file in a viewer; export it again")
    except Exception as err:  # noqa: BLE001 - an I/O error or a reader bug: this file fails alone
        return ReadError(str(path), f"could not be read ({type(err).__name__}: {err})")


def _page_count(path: Path) -> int:
    """The pages of a PDF, or 0 for anything pdfium cannot open (its reader will say why).

    pdfium reads only the cross-reference table and the page tree here, as `read_pdf` does
    in the caller's process before reading any page.
    """
    try:
        doc = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError, ValueError):
        return 0
    try:
        return len(doc)
    finally:
        doc.close()
