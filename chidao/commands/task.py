"""`chidao task ID --done [--date D] | --open`: set a task's status from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass

from chidao.errors import ExitCode


def configure(parser: argparse.ArgumentParser) -> None:
    from chidao.exports import filters

    parser.add_argument("task_id", metavar="ID", help="the task's id (see `chidao export`)")
    state = parser.add_mutually_exclusive_group(required=True)
    state.add_argument("--done", action="store_true", help="mark the task done")
    state.add_argument("--open", action="store_true", help="mark the task open again")
    parser.add_argument("--date", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                        help="the day it was done (default: today)")
    parser.add_argument("--by", default=None, help="who records this (default: your login name)")
    filters.add_db_argument(parser)


def run(args: argparse.Namespace) -> int:
    from chidao.exports import filters
    from chidao.store import Store

    store = Store(filters.store_url(args))
    status = "done" if args.done else "open"
    task = store.set_status(args.task_id, status, actor=args.by or getpass.getuser(),
                            done_date=args.date)
    when = f" ngày {task.done_date:%d/%m/%Y}" if task.done_date else ""
    print(f"{task.id}: {'đã hoàn thành' if status == 'done' else 'đang thực hiện'}{when}")
    return ExitCode.OK
