"""The ingest flow: discover → read + extract → store, one task run per document.

This is the only place that knows the order of the steps; each step is a library call
(`flows.files.discover`, `chidao.api.extract_path`, `chidao.store.Store`). The store's
own idempotence (documents keyed by content, one transaction per document) is what makes
a re-run or a killed run safe; Prefect's cache keyed by content hash only spares work.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import asdict, dataclass, field
from typing import Any

from prefect import flow, task
from prefect.futures import as_completed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from sqlalchemy.exc import OperationalError

from chidao import __version__
from chidao.errors import ChidaoError
from flows.files import Candidate, plan

IO_RETRIES = 2


class DocumentFailed(Exception):
    """One document failed for a reason retrying will not fix (bad input, extractor error).

    Raised from the task instead of the `ChidaoError` itself because it must cross process
    boundaries (Dask workers) and `ChidaoError` cannot be pickled (its args are not its
    constructor's).
    """

    def __init__(self, path: str, code: str, reason: str) -> None:
        super().__init__(path, code, reason)
        self.path, self.code, self.reason = path, code, reason

    def __str__(self) -> str:
        return f"{self.code} {self.path}: {self.reason}"


@dataclass(slots=True)
class IngestSummary:
    """What one run of the flow did."""

    found: int = 0
    already_stored: int = 0
    duplicates: int = 0  # the same bytes under another path in this batch
    ingested: int = 0
    tasks_added: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # path -> "E101 reason"
    documents: list[str] = field(default_factory=list)  # ids stored by this run

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@functools.lru_cache(maxsize=4)
def _store(db_url: str):  # type: ignore[no-untyped-def]
    # One engine per URL per process (flow process or Dask worker): opening a store
    # checks its migrations, which is worth doing once, not once per document.
    from chidao.store import Store

    return Store(db_url)


def _retry_on_io(task_: Any, task_run: Any, state: Any) -> bool:
    """Retry only what waiting can fix: file-system and database I/O, not bad documents."""
    error = state.result(raise_on_failure=False)
    return isinstance(error, (OSError, OperationalError))


def _content_key(context: Any, parameters: dict[str, Any]) -> str:
    # The same bytes, the same extractor and the same store instance give the same result;
    # the store id makes a deleted-and-recreated database at the same URL a cache miss.
    return f"ingest:{parameters['sha256']}:{__version__}:{parameters['store_id']}"


@task(name="ingest-document", task_run_name="ingest {path}", retries=IO_RETRIES,
      retry_delay_seconds=[1, 4], retry_condition_fn=_retry_on_io, cache_key_fn=_content_key)
def ingest_document(path: str, sha256: str, db_url: str, store_id: str) -> dict[str, Any]:
    """Read, extract and store one document; record its failure in the store if it fails."""
    from chidao.api import extract_path

    store = _store(db_url)
    try:
        extraction = extract_path(path)
        saved = store.save_extraction(extraction, sha256)
    except ChidaoError as err:
        store.record_failure(path, err.code, err.reason, sha256)
        raise DocumentFailed(path, err.code, err.reason) from None
    except (OSError, OperationalError):
        raise  # retried by `_retry_on_io`; recorded by the flow if it never succeeds
    except Exception as err:
        reason = f"{err.__class__.__name__}: {err}"
        store.record_failure(path, "E301", reason, sha256)
        raise DocumentFailed(path, "E301", reason) from err
    return {"document_id": saved.document_id, "new": saved.new_document,
            "tasks": len(extraction.tasks), "added": saved.added}


@flow(name="chidao-ingest", log_prints=False, validate_parameters=False)
def ingest(paths: list[str], db_url: str, force: bool = False, quiet: bool = False) -> IngestSummary:
    """Ingest documents from files and folders into the store at `db_url`.

    Progress goes to stderr, one line per document as it finishes.
    """
    store = _store(db_url)
    work = plan(paths, store.known_hashes, force)
    summary = IngestSummary(found=work.found, already_stored=work.already_stored,
                            duplicates=work.duplicates)
    for bad in work.unreadable:
        store.record_failure(bad.path, "E101", bad.reason)
        summary.failed[bad.path] = f"E101 {bad.reason}"
    todo = work.todo
    futures = {ingest_document.with_options(refresh_cache=force or None).submit(
        c.path, c.sha256, db_url, store.instance_id): c for c in todo}
    for done, future in enumerate(as_completed(list(futures)), start=1):
        candidate = futures[future]
        outcome = _outcome(future, candidate, summary, store)
        if not quiet:
            print(f"[{done:>{len(str(len(todo)))}}/{len(todo)}] {outcome}", file=sys.stderr, flush=True)
    return summary


def _outcome(future: Any, candidate: Candidate, summary: IngestSummary, store: Any) -> str:
    result = future.result(raise_on_failure=False)
    if not isinstance(result, BaseException):
        summary.ingested += 1
        summary.tasks_added += result["added"]
        summary.documents.append(result["document_id"])
        return f"ok     {candidate.path}: {result['tasks']} nhiệm vụ"
    if isinstance(result, DocumentFailed):
        reason = f"{result.code} {result.reason}"
    else:  # I/O that failed even after its retries: not recorded yet
        code = "E401" if isinstance(result, OperationalError) else "E101"
        detail = f"{result.__class__.__name__}: {result}".splitlines()[0]
        store.record_failure(candidate.path, code, detail, candidate.sha256)
        reason = f"{code} {detail}"
    summary.failed[candidate.path] = reason
    return f"FAILED {candidate.path}: {reason}"


def task_runner(workers: int = 1, dask_address: str | None = None,
                dask_workers: int | None = None) -> TaskRunner:
    """Return the task runner for this machine, an existing Dask cluster, or a local one."""
    if dask_address or dask_workers:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": dask_workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    return ThreadPoolTaskRunner(max_workers=workers)


def run_ingest(paths: list[str], db_url: str, *, force: bool = False, quiet: bool = False,
               runner: TaskRunner | None = None) -> IngestSummary:
    """Run the ingest flow with the given task runner (threads on this machine by default)."""
    chosen = ingest.with_options(task_runner=runner or task_runner())
    return chosen(paths, db_url, force=force, quiet=quiet)
