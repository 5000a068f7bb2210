"""`chidao export`: the store's tasks as JSON Lines, CSV (Excel) or iCalendar VTODOs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chidao.errors import ExitCode


def configure(parser: argparse.ArgumentParser) -> None:
    from chidao.exports import filters

    parser.add_argument("--format", choices=("jsonl", "csv", "ics"), default="jsonl")
    parser.add_argument("--delimiter", choices=(",", ";"), default=",",
                        help="CSV field separator (';' for Excel set to Vietnamese regional format)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    filters.add_db_argument(parser)
    filters.add_filter_arguments(parser)
    parser.add_argument("--include-rejected", action="store_true",
                        help="also export tasks a reviewer rejected (left out by default)")


def run(args: argparse.Namespace) -> int:
    from chidao.exports import FORMATS, filters, to_csv
    from chidao.store import Store
    from chidao.store.convert import task_view

    store = Store(filters.store_url(args))
    default = None if args.include_rejected else ("pending", "accepted", "edited")
    rows = store.tasks(filters.query_from_args(args, default_states=default))
    views = [task_view(t, d) for t, d in rows]
    data = to_csv(views, args.delimiter) if args.format == "csv" else FORMATS[args.format](views)
    if args.output:
        Path(args.output).write_bytes(data)
        print(f"chidao export: {len(rows)} nhiệm vụ → {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return ExitCode.OK
