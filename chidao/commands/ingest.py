"""`chidao ingest PATH...`: run the Prefect ingest flow into the store, then print the new tasks."""

from __future__ import annotations

import argparse
import os
import sys

from chidao.errors import ExitCode


def configure(parser: argparse.ArgumentParser) -> None:
    from chidao.exports import filters

    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to ingest")
    filters.add_db_argument(parser)
    parser.add_argument("--force", action="store_true",
                        help="re-extract documents already stored (reviewed tasks are kept)")
    parser.add_argument("--workers", type=int, default=1,
                        help="worker processes extracting documents at once (default 1: this "
                             "process; see docs/scale-out.md for when more pay off)")
    dask = parser.add_mutually_exclusive_group()
    dask.add_argument("--dask-workers", type=int, metavar="N",
                      help="run on a local Dask cluster of N worker processes")
    dask.add_argument("--dask-address", metavar="HOST:PORT",
                      help="run on an existing Dask scheduler (see docs/scale-out.md)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress, no task list")
    parser.add_argument("--verbose", action="store_true", help="show Prefect's own log lines")


def run(args: argparse.Namespace) -> int:
    _quiet_prefect(args.verbose)
    from chidao.exports import filters
    from chidao.store import Store
    from flows.files import plan

    url = filters.store_url(args)
    work = plan(args.paths, Store(url).known_hashes, args.force)
    if work.nothing_to_do:  # spare the Prefect server's start-up when there is nothing to run
        print(f"chidao ingest: {work.found} tệp; mới 0, đã có {work.already_stored}, "
              f"trùng nội dung {work.duplicates}, lỗi 0; thêm 0 nhiệm vụ", file=sys.stderr)
        return ExitCode.OK
    server = _temporary_server()
    prefetcher = None
    try:
        in_process = args.workers <= 1 and not (args.dask_address or args.dask_workers)
        if in_process:
            # While the server boots: load the model, then fork the child that extracts the
            # documents ahead of the task runs (before Prefect starts threads to inherit).
            from extractors.models import load_task_classifier
            from flows.prefetch import extract_ahead

            load_task_classifier()
            prefetcher = extract_ahead(work.todo)
        from flows.ingest import run_ingest, task_runner

        runner = task_runner(args.workers, args.dask_address, args.dask_workers)
        workers = args.dask_workers or args.workers
        if server:
            server.wait()
        summary = run_ingest(args.paths, url, force=args.force, quiet=args.quiet, workers=workers,
                             runner=runner)
    finally:
        if prefetcher:
            prefetcher.stop()
        if server:
            server.stop()
    if not args.quiet:
        _print_tasks(url, summary.documents)
    print(f"chidao ingest: {summary.found} tệp; mới {summary.ingested}, đã có {summary.already_stored}, "
          f"trùng nội dung {summary.duplicates}, lỗi {len(summary.failed)}; "
          f"thêm {summary.tasks_added} nhiệm vụ", file=sys.stderr)
    for path, reason in summary.failed.items():
        print(f"chidao ingest: {path}: {reason}", file=sys.stderr)
    if summary.failed:
        return ExitCode.ALL_FAILED if not summary.ingested and not summary.already_stored else ExitCode.SOME_FAILED
    return ExitCode.OK


def _temporary_server():  # type: ignore[no-untyped-def]
    """Start Prefect's temporary server now unless the user configured one (see flows/server.py)."""
    from flows.server import TemporaryServer, configured_api_url

    if configured_api_url():
        return None
    server = TemporaryServer().start()
    # Set before Prefect is imported: its settings are read once, at import; the worker
    # processes (--workers, --dask-workers) inherit it too.
    os.environ["PREFECT_API_URL"] = server.api_url
    return server


def _quiet_prefect(verbose: bool) -> None:
    # Progress is ours (one line per document); Prefect's INFO lines would drown it, and
    # its telemetry cannot reach the network on an office machine.
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Prefect's temporary server gives up after 20 s, which a busy 2-core machine can exceed.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")


def _print_tasks(url: str, document_ids: list[str]) -> None:
    from chidao.store import Store

    if not document_ids:
        return
    store = Store(url)
    wanted = set(document_ids)
    current = None
    for task, doc in store.tasks():
        if doc.id not in wanted:
            continue
        if doc.id != current:
            current = doc.id
            print(f"\n{doc.number or doc.id} — {doc.source}")
        print(f"  • {' '.join(task.text.split())}")
        support = f"; phối hợp: {', '.join(task.support_units)}" if task.support_units else ""
        due = f"{task.deadline:%d/%m/%Y}" if task.deadline else "—"
        print(f"    Chủ trì: {', '.join(task.lead_units) or '—'}{support}; hạn: {due}")
        if task.recurrence:
            print(f"    Lặp lại: {task.recurrence}")
