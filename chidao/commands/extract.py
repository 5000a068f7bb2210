"""`chidao extract PATH [PATH ...]`: print each document's tasks, one JSON object per line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from chidao.commands.batch import for_each_source
from chidao.records import Extraction, SourceText


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="documents to read: .txt, .md, .pdf (text or scanned) or .docx")
    parser.add_argument("--format", choices=("json", "text"), default="json",
                        help="json: one object per document per line (default); text: a table for people")
    parser.add_argument("--no-text", action="store_true", help="leave the document text out of the JSON")


def run(args: argparse.Namespace) -> int:
    from chidao.api import extract_source

    def show(path: Path, source: SourceText) -> None:
        extraction = extract_source(source)
        if args.format == "json":
            _print_json(extraction, args.no_text, sys.stdout)
        else:
            print_table(extraction, sys.stdout)

    return for_each_source("extract", args.paths, show)


def _print_json(extraction: Extraction, no_text: bool, out: TextIO) -> None:
    data = extraction.to_dict()
    if no_text:
        data["document"].pop("text", None)
    out.write(json.dumps(data, ensure_ascii=False) + "\n")


def print_table(extraction: Extraction, out: TextIO) -> None:
    """Print a document's tasks as a readable table."""
    doc = extraction.document
    out.write(f"== {doc.source}\n   {doc.title or '(no title)'} | số {doc.number or '-'} | "
              f"{doc.issuer or '-'} | ngày {doc.date or '-'}\n")
    if not extraction.tasks:
        out.write("   (no tasks found)\n\n")
        return
    for n, task in enumerate(extraction.tasks, 1):
        text = " ".join(task.text.split())
        out.write(f"{n:>3}. {text[:160]}{'…' if len(text) > 160 else ''}\n")
        out.write(f"     chủ trì: {', '.join(task.lead_units) or '-'}")
        if task.support_units:
            out.write(f" | phối hợp: {', '.join(task.support_units)}")
        deadline = task.deadline or "-"
        if task.deadline_text:
            deadline += f" ({task.deadline_text})"
        if task.recurrence:
            deadline += f" [{task.recurrence}]"
        out.write(f" | hạn: {deadline}")
        page = f" | trang {task.page}" if task.page else ""
        out.write(f"{page} | tin cậy {task.confidence:.2f}\n")
    out.write("\n")
