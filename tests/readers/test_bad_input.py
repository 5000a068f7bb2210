"""Bad files get a ReadError/InputError naming the file and the reason, in bounded time."""

from __future__ import annotations

import zlib
from functools import lru_cache

import pytest
from reader_builders import docx_file, text_pdf, zip_bomb

from chidao.errors import ChidaoError, ReadError
from chidao.readers import read
from chidao.readers.pdf import PdfSettings, check_stream_sizes, read_pdf


def _minimal_pdf(objects: list[bytes]) -> bytes:
    """Assemble a PDF with a correct xref table from numbered object bodies."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def zero_page_pdf() -> bytes:
    return _minimal_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def _bomb_page(stream: bytes) -> bytes:
    return _minimal_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                         b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                         stream])


@lru_cache(maxsize=1)
def _spaces_deflated() -> bytes:
    """320 MiB of spaces deflated (level 1: quick to build, still ~200:1), over the 256 MiB limit."""
    compressor = zlib.compressobj(1)
    chunk = b" " * 2**24
    return b"".join(compressor.compress(chunk) for _ in range(20)) + compressor.flush()


def stream_bomb_pdf() -> bytes:
    """One page whose content stream inflates to 320 MiB of spaces (1.4 MiB on disk)."""
    packed = _spaces_deflated()
    return _bomb_page(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")


def double_flate_bomb_pdf() -> bytes:
    """The same stream deflated twice (a few KiB on disk)."""
    packed = zlib.compress(_spaces_deflated(), 9)
    return _bomb_page(b"<< /Filter [/FlateDecode /FlateDecode] /Length %d >>\nstream\n" % len(packed)
                      + packed + b"\nendstream")


def nested_bomb_pdf() -> bytes:
    """A page whose resources nest arrays 100,000 deep."""
    deep = b"[" * 100_000 + b"]" * 100_000
    return _minimal_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                         b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots " + deep + b" >>"])


@pytest.mark.parametrize(("name", "build", "reason"), [
    ("password.pdf", lambda: text_pdf(encrypt="mật-khẩu"), "encrypted with a password"),
    ("truncated.pdf", lambda: text_pdf()[:700], "corrupt or truncated"),
    ("zero-pages.pdf", zero_page_pdf, "no pages"),
    ("bomb.docx", zip_bomb, "zip bomb"),
    ("report.pdf", lambda: b"PK\x03\x04" + b"\0" * 200, "ZIP archive"),
])
def test_bad_file_gets_an_error_naming_file_and_reason(write, name, build, reason) -> None:
    path = write(name, build())
    with pytest.raises(ChidaoError) as caught:
        read(path)
    assert str(path) in caught.value.message
    assert reason in caught.value.message


def test_too_many_pages_is_refused_before_reading(write) -> None:
    path = write("long.pdf", text_pdf(pages=30))
    with pytest.raises(ReadError, match="has 30 pages; chidao reads at most 20"):
        read_pdf(path, path.read_bytes(), PdfSettings(max_pages=20))


def thousand_page_pdf() -> bytes:
    """1,000 pages sharing one content stream, built by hand (a few hundred kB)."""
    pages = 1000
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
               b"<< /Length 0 >>\nstream\n\nendstream"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    return _minimal_pdf(objects)


def test_a_thousand_page_pdf_is_refused_by_default_and_fails_alone_in_a_batch(write) -> None:
    from chidao.readers.many import read_many

    long = write("thousand.pdf", thousand_page_pdf())
    with pytest.raises(ReadError, match="has 1000 pages; chidao reads at most 500"):
        read(long)
    good = [write("a.pdf", text_pdf()), write("b.pdf", text_pdf(pages=2))]
    results = dict(read_many([good[0], long, good[1]]))
    assert isinstance(results[long], ReadError) and str(long) in results[long].message
    assert all(not isinstance(results[p], ChidaoError) for p in good)


def test_docx_with_a_lying_extension_is_read_as_docx(write) -> None:
    source = read(write("not-really.pdf", docx_file(["Giao Sở Y tế kiểm tra."], [["a", "b"]])))
    assert source.reader == "docx"


@pytest.mark.parametrize("build", [stream_bomb_pdf, double_flate_bomb_pdf], ids=["huge-stream", "double-flate"])
def test_decompression_bomb_is_refused_before_pdfium_parses_it(write, build) -> None:
    path = write("bomb.pdf", build())
    # a deadline far longer than the check needs: only the stream-size check can end it in time
    settings = PdfSettings(memory_mb=1024, seconds_per_page=600)
    with pytest.raises(ReadError) as caught:
        read_pdf(path, path.read_bytes(), settings)
    assert str(path) in caught.value.message
    assert "inflates past 256 MiB (a PDF bomb)" in caught.value.message


def test_stream_check_leaves_ordinary_pdfs_alone(write) -> None:
    path = write("ordinary.pdf", text_pdf(pages=2, table=True))
    check_stream_sizes(path, path.read_bytes(), 2**20)  # 1 MiB is plenty for built pages


@pytest.mark.slow
def test_deeply_nested_pdf_is_read_or_refused_within_memory_limit(write) -> None:
    path = write("bomb.pdf", nested_bomb_pdf())
    settings = PdfSettings(memory_mb=1024, seconds_per_page=10)
    try:
        source = read_pdf(path, path.read_bytes(), settings)
    except ReadError as err:
        assert str(path) in err.message
    else:
        assert source.text.strip() == ""
