"""PDF reader: check the file, read its pages in worker processes, assemble a `SourceText`.

Pages are read in forked child processes with a memory cap and a deadline, so a
PDF bomb or a pathological page costs one clear `ReadError`, never the caller's process.
Large PDFs are split over both cores.
"""

from __future__ import annotations

import os
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium

from chidao.errors import ReadError
from chidao.readers.isolation import WorkerFailed, run_isolated
from chidao.readers.layout import Paragraph, continues
from chidao.readers.pdfpages import PageOptions, PageResult, probably_scanned, read_pages
from chidao.records import Block, Page, SourceText, sha256_bytes


@dataclass(frozen=True, slots=True)
class PdfSettings:
    """Limits and switches of the PDF reader."""

    max_pages: int = 500
    # at most this many child processes; fewer when other programs keep the CPUs busy
    workers: int = 2
    # Fewer pages than this are read in one worker: a second one costs more than it saves.
    pages_per_worker: int = 8
    memory_mb: int = 3072
    # A compressed stream that inflates past this is refused before pdfium sees it: pdfium
    # would otherwise parse a 1 GiB content stream for minutes in 2 GiB of memory. The
    # largest real streams are page images (an A4 scan at 600 dpi in colour: ~100 MiB).
    max_stream_mb: int = 256
    seconds_per_page: float = 90.0  # generous: an OCR page takes 3–8 s on this machine
    page_options: PageOptions = field(default_factory=PageOptions)


def read_pdf(path: Path, data: bytes, settings: PdfSettings | None = None,
             pages: list[int] | None = None) -> SourceText:
    """Read a PDF into a `SourceText` with one `Page` per page and a `Block` per paragraph.

    Args:
        path: the file, for messages.
        data: its bytes.
        settings: limits; the defaults suit documents of up to a few hundred pages.
        pages: 1-based page numbers to read (default: all).
    Raises:
        ReadError: encrypted with a password, corrupt or truncated, no pages, too many
            pages, or a page that exhausted the memory or time limit (a PDF bomb).
    """
    settings = settings or PdfSettings()
    count = _page_count(path, data)
    if count > settings.max_pages:
        raise ReadError(str(path), f"has {count} pages; chidao reads at most {settings.max_pages}",
                        "split the PDF, or raise PdfSettings.max_pages")
    wanted = [n - 1 for n in pages] if pages else list(range(count))
    if any(not 0 <= i < count for i in wanted):
        raise ReadError(str(path), f"has {count} pages; asked for pages {pages}")
    results = _read_isolated(path, data, wanted, settings)
    if any(r.tables_searched for r in results):
        _import_table_finder()
    return assemble(path, data, results)


@lru_cache(maxsize=1)
def _import_table_finder() -> None:
    """Import pdfplumber's table finder here, once a document has needed it in a worker.

    Workers are forked from this process, so later documents' workers find it imported;
    otherwise each worker that meets a ruled page pays the import (~200 ms of CPU).
    """
    import pdfplumber.table  # noqa: F401


def _page_count(path: Path, data: bytes) -> int:
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        # pdfium refuses an empty page tree but reports a stale last error, so look for it
        message = "PDFium: Success" if re.search(rb"/Count\s+0\b", data[-65536:] + data[:65536]) else str(err)
        raise ReadError(str(path), *_open_failure(message)) from None
    try:
        count = len(doc)
    finally:
        doc.close()
    if count == 0:
        raise ReadError(str(path), "the PDF has no pages", "export the document again")
    return count


# Deflate cannot expand data by more than about 1032 times.
_DEFLATE_MAX_RATIO = 1032
_STREAM = re.compile(rb"stream\r?\n")
# bounded repeats: stream data can hold long digit runs, where `\d+\s+\d+` backtracks for seconds
_OBJ = re.compile(rb"(?<!\d)\d{1,10}\s{1,4}\d{1,5}\s{1,4}obj\b")


def check_stream_sizes(path: Path, data: bytes, limit: int) -> None:
    """Refuse a PDF with a Flate stream that inflates past `limit` bytes (a decompression bomb).

    The raw bytes are scanned for streams; each one whose dictionary names FlateDecode is
    inflated in bounded chunks (once per FlateDecode in its filter chain), stopping at the
    limit, so the check costs at most `limit` bytes of inflation per stream and no memory.
    A stream that does not inflate cleanly is left to pdfium to judge.
    """
    for match in _STREAM.finditer(data):
        if data[match.start() - 1:match.start()].isalpha():
            continue  # the tail of "endstream"
        head = data[max(0, match.start() - 4096):match.start()]
        if not head.rstrip().endswith(b">>"):
            continue  # "stream" by chance inside another stream's binary data
        dictionary = head[_last_obj_end(head):]
        layers = dictionary.count(b"/FlateDecode") + len(re.findall(rb"/Fl\b", dictionary))
        # pdfium inflates an image line by line, only up to its declared width and height,
        # so an image is no bomb; skipping them saves ~7 ms a page on PDFs with big pictures
        if not layers or re.search(rb"/Subtype\s*/Image\b", dictionary):
            continue
        length = re.search(rb"/Length\s+(\d{1,10})(?!\s+\d+\s+R)", dictionary)
        if length:
            body = data[match.end():match.end() + int(length.group(1))]
        else:
            end = data.find(b"endstream", match.end())
            body = data[match.end():end if end >= 0 else len(data)]
        if layers == 1 and len(body) * _DEFLATE_MAX_RATIO <= limit:
            continue  # too short to reach the limit: inflating it would only cost time
        size = _inflated_size(body, layers, limit)
        if size > limit:
            raise ReadError(str(path), f"a compressed stream at byte {match.start()} inflates past "
                            f"{limit // 2**20} MiB (a PDF bomb)", "check the PDF in a viewer; export it again")


def _last_obj_end(head: bytes) -> int:
    """Return where the last "N G obj" in `head` ends (0 if none): the stream's dictionary starts there.

    Looked for from the right, at each "obj", rather than by a scan of the whole 4 KiB, which
    cost ~30 ms on a 20-page PDF. No match is longer than 26 bytes, and the look-behind sees
    the bytes before `pos`, so each check finds what a scan from the start would.
    """
    end = len(head)
    while (k := head.rfind(b"obj", 0, end)) >= 0:
        for match in _OBJ.finditer(head, max(0, k - 32), k + 4):
            if match.end() == k + 3:
                return k + 3
        end = k
    return 0


def _inflated_size(body: bytes, layers: int, limit: int) -> int:
    """Inflate `body` through `layers` Flate filters, stopping once the output passes `limit`."""
    chunk = 2**24
    for layer in range(layers):
        last = layer == layers - 1
        inflater = zlib.decompressobj()
        out: list[bytes] = []
        size = 0
        pending = body
        try:
            while pending and size <= limit:
                piece = inflater.decompress(pending, chunk)
                pending = inflater.unconsumed_tail
                size += len(piece)
                if not last:
                    out.append(piece)
                if not piece and not pending:
                    break
        except zlib.error:
            return size
        if last or size > limit:
            return size
        body = b"".join(out)
    return 0


def _open_failure(message: str) -> tuple[str, str]:
    if "PDFium: Success" in message:  # pdfium refuses an empty page tree without an error code
        return ("the PDF has no pages", "export the document again")
    if "password" in message.lower():
        return ("is encrypted with a password", "save an unprotected copy and read that")
    if "format" in message.lower() or "file" in message.lower():
        return ("is not a readable PDF (corrupt or truncated)",
                "download or export it again; check that the file is complete")
    return (f"could not be opened ({message})", "export the PDF again")


def _read_isolated(path: Path, data: bytes, indices: list[int],
                   settings: PdfSettings) -> list[PageResult]:
    """Read pages in child processes with a memory cap and a deadline."""
    chunks = _chunks(indices, settings, probably_scanned(data, len(indices)))
    timeout = 30 + settings.seconds_per_page * max(len(c) for c in chunks)
    try:
        # the stream check runs while the children read: a bomb found there ends them at
        # once, and on a normal file the check costs no wall-clock time
        answers = run_isolated(read_pages, [(data, chunk, settings.page_options) for chunk in chunks],
                               settings.memory_mb, timeout,
                               meanwhile=lambda: check_stream_sizes(path, data, settings.max_stream_mb * 2**20))
    except WorkerFailed as failed:
        raise ReadError(str(path), *_worker_failure(failed, timeout, settings.memory_mb)) from None
    return [result for answer in answers for result in answer]


def _worker_failure(failed: WorkerFailed, timeout: float, memory_mb: int) -> tuple[str, str]:
    again = "check the PDF in a viewer; export it again"
    if failed.kind == "timeout":
        return f"reading took over {timeout:.0f} s (a PDF bomb or a broken page)", again
    if failed.kind == "memory":
        return f"a page needs over {memory_mb} MiB (a PDF bomb?)", again
    if failed.kind == "died":
        return f"the page reader died ({failed.detail}; a PDF bomb or a broken page)", again
    return f"a page could not be read ({failed.detail})", "export the PDF again"


def _chunks(indices: list[int], settings: PdfSettings, scanned: bool = False) -> list[list[int]]:
    """Split pages between workers: OCR pages (seconds each) from two pages on, text pages in bulk."""
    per_worker = 1 if scanned else settings.pages_per_worker
    workers = max(1, min(settings.workers, len(indices) // per_worker, idle_cpus()))
    size = -(-len(indices) // workers)
    return [indices[i:i + size] for i in range(0, len(indices), size)]


def idle_cpus() -> int:
    """CPUs not running anything else right now (at least 1).

    A second worker helps only on an idle CPU: measured on QD-2280 with a load average of
    3–5 on 2 CPUs, two workers took 21–27 CPU ms a page against 16–23 for one, and read no
    faster. Linux's count of runnable tasks includes the caller itself.
    """
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    try:
        running = int(Path("/proc/loadavg").read_text().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return cpus
    return max(1, cpus - (running - 1))


def assemble(path: Path, data: bytes, results: list[PageResult]) -> SourceText:
    """Join the pages' paragraphs into one text, one paragraph per line, with pages and blocks.

    A paragraph cut by a page break is joined with a space, so the page boundary falls inside
    it; its two halves stay separate blocks, each on its own page.
    """
    parts: list[str] = []
    pages: list[Page] = []
    blocks: list[Block] = []
    warnings: list[str] = []
    offset = 0
    previous: _Last | None = None
    for result in results:
        start = offset
        left, right = result.edges
        for para in result.paragraphs:
            if not para.text:
                continue
            joined = previous is not None and previous.number != result.number and not blocks_on(
                blocks, result.number) and continues(previous.para, para, left, right)
            sep = "" if not parts else (" " if joined else "\n")
            parts.append(sep)
            offset += len(sep)
            blocks.append(Block(result.number, offset, offset + len(para.text), para.bbox, para.kind))
            parts.append(para.text)
            offset += len(para.text)
            previous = _Last(result.number, para)
        pages.append(Page(result.number, start, offset, result.ocr, result.ocr_confidence,
                          result.width, result.height))
        warnings += result.warnings
    text = "".join(parts) + "\n" if parts else ""
    return SourceText(path=str(path), text=text, sha256=sha256_bytes(data), reader="pdf",
                      pages=_fix_starts(pages), blocks=blocks, warnings=warnings)


@dataclass(slots=True)
class _Last:
    number: int
    para: Paragraph


def blocks_on(blocks: list[Block], number: int) -> bool:
    """Return True when a block on page `number` has been placed already."""
    return bool(blocks) and blocks[-1].page == number


def _fix_starts(pages: list[Page]) -> list[Page]:
    """Make pages tile the text: each page starts where the one before ended."""
    out: list[Page] = []
    for page in pages:
        start = out[-1].end if out else 0
        out.append(Page(page.number, start, max(page.end, start), page.ocr, page.ocr_confidence,
                        page.width, page.height))
    return out
