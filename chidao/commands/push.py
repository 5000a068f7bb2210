"""`chidao push URL`: POST new and changed tasks to a webhook, each version exactly once."""

from __future__ import annotations

import argparse
import sys

from chidao.errors import ExitCode


def configure(parser: argparse.ArgumentParser) -> None:
    from chidao.exports import filters

    parser.add_argument("url", metavar="URL", help="the tracker's webhook (http:// or https://)")
    filters.add_db_argument(parser)
    filters.add_filter_arguments(parser)
    parser.add_argument("--all-states", action="store_true",
                        help="also send tasks nobody has reviewed yet (default: accepted or edited only)")
    parser.add_argument("--attempts", type=int, default=5, help="tries per task (default 5)")
    parser.add_argument("--backoff", type=float, default=0.5,
                        help="seconds before the first retry, doubled each time (default 0.5)")


def run(args: argparse.Namespace) -> int:
    from chidao.exports import filters
    from chidao.push import RetryPolicy, push
    from chidao.store import Store
    from chidao.store.convert import task_view

    if not args.url.startswith(("http://", "https://")):
        print(f"chidao push: {args.url} is not an http(s) URL", file=sys.stderr)
        return ExitCode.USAGE
    store = Store(filters.store_url(args))
    default = ("pending", "accepted", "edited") if args.all_states else ("accepted", "edited")
    rows = store.tasks(filters.query_from_args(args, default_states=default))
    report = push(store, args.url, [task_view(t, d) for t, d in rows],
                  RetryPolicy(attempts=args.attempts, backoff=args.backoff))
    for task_id, reason in report.failed.items():
        print(f"chidao push: {task_id}: {reason}", file=sys.stderr)
    print(f"chidao push: sent {len(report.sent)}, already delivered {report.skipped}, "
          f"failed {len(report.failed)}", file=sys.stderr)
    return ExitCode.SOME_FAILED if report.failed else ExitCode.OK
