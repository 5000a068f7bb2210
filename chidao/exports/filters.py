"""The task filters shared by `chidao export`, `chidao push` and `chidao status`."""

from __future__ import annotations

import argparse
import datetime as dt

from chidao.settings import db_url
from chidao.store import TaskQuery
from chidao.store.models import REVIEW_STATES, TASK_STATUSES


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", default=None,
                        help="store URL (default: $CHIDAO_DB, else sqlite:///chidao.db)")


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters")
    group.add_argument("--from", dest="due_from", type=_date, metavar="YYYY-MM-DD",
                       help="only tasks due on or after this date")
    group.add_argument("--to", dest="due_to", type=_date, metavar="YYYY-MM-DD",
                       help="only tasks due on or before this date")
    group.add_argument("--unit", help="only tasks whose lead or support units contain this text")
    group.add_argument("--status", choices=TASK_STATUSES)
    group.add_argument("--document", metavar="ID|NUMBER|PATH",
                       help="only tasks of this document (its id, or part of its number or path)")
    group.add_argument("--review-state", action="append", choices=REVIEW_STATES,
                       dest="review_states", help="only tasks in this review state (repeatable)")
    group.add_argument("--reviewed", action="store_true",
                       help="only tasks a person accepted or edited")


def query_from_args(args: argparse.Namespace, default_states: tuple[str, ...] | None = None) -> TaskQuery:
    states = tuple(args.review_states or ()) or None
    if args.reviewed:
        states = ("accepted", "edited")
    return TaskQuery(due_from=args.due_from, due_to=args.due_to, unit=args.unit,
                     status=args.status, document=args.document,
                     review_states=states or default_states)


def store_url(args: argparse.Namespace) -> str:
    return db_url(args.db)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write it as YYYY-MM-DD") from err
