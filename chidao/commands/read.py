"""`chidao read PATH [--pages]`: print the text chidao reads from a document, as the extractor sees it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chidao.commands.batch import for_each_source
from chidao.records import SourceText


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=".pdf, .docx, .txt or .md files")
    parser.add_argument("--pages", action="store_true",
                        help="mark page breaks (--- page N ---) and say which pages were OCR'd")
    parser.add_argument("--blocks", action="store_true", help="print each block's page, kind and box instead")


def run(args: argparse.Namespace) -> int:
    def show(path: Path, source: SourceText) -> None:
        if len(args.paths) > 1:
            print(f"=== {path} ===")
        sys.stdout.write(render_blocks(source) if args.blocks else render(source, args.pages))
        for warning in source.warnings:
            print(f"chidao read: {path}: {warning}", file=sys.stderr)

    return for_each_source("read", args.paths, show)


def render(source: SourceText, pages: bool) -> str:
    """Return the text, with a marker line before each page when `pages` is set."""
    if not pages or not source.pages:
        return source.text
    out = []
    for page in source.pages:
        ocr = f" (OCR, confidence {page.ocr_confidence:.2f})" if page.ocr and page.ocr_confidence is not None else ""
        out.append(f"--- page {page.number}{ocr} ---\n")
        out.append(source.text[page.start:page.end].strip("\n") + "\n")
    return "".join(out)


def render_blocks(source: SourceText) -> str:
    """Return one line per block: page, kind, box and text."""
    lines = []
    for block in source.blocks:
        box = ",".join(f"{v:.0f}" for v in block.bbox) if block.bbox else "-"
        lines.append(f"p{block.page}\t{block.kind}\t{box}\t{source.text[block.start:block.end]}\n")
    return "".join(lines)
