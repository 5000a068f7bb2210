"""The ingest flow: discover → read + extract → store, one task run per document.

This is the only place that knows the order of the steps; each step is a library call
(`flows.files.discover`, `chidao.api.extract_path`, `chidao.store.Store`). The store's
own idempotence (documents keyed by content, one transaction per document) is what makes
a re-run or a killed run safe; Prefect's cache keyed by content hash only spares work.
"""

from __future__ import annotations

import functools
import hashlib
import sys
from dataclasses import asdict, dataclass, field
from typing import Any

from prefect import Flow, task
from prefect.futures import as_completed
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import NotSet
from sqlalchemy.exc import OperationalError

from chidao import __version__
from chidao.errors import ChidaoError
from chidao.records import Extraction
from flows.files import Candidate, plan
from flows.prefetch import take_ahead

IO_RETRIES = 2

class BatchHadFailures(Exception):
    """Some documents of a batch failed: the task run fails (visible in Prefect, never cached).

    It carries every outcome of the batch, the good ones included, as plain data so that
    it crosses process boundaries (process pool, Dask workers).
    """

    def __init__(self, outcomes: list[dict[str, Any]]) -> None:
        super().__init__(outcomes)
        self.outcomes = outcomes

    def __str__(self) -> str:
        return "; ".join(f"{o['path']}: {o['error']}" for o in self.outcomes if not o["ok"])


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
    shas = "".join(sorted(sha for _, sha in parameters["batch"]))
    digest = hashlib.sha256(shas.encode()).hexdigest()
    return f"ingest:{digest}:{__version__}:{parameters['store_id']}"


def _extract_one(path: str, sha256: str, store: Any) -> Extraction | dict[str, Any]:
    """Read and extract one document; a bad document is recorded and returned as a failure."""
    from chidao.api import extract_path

    found = take_ahead(sha256)
    try:
        if isinstance(found, ChidaoError):
            raise found
        return found or extract_path(path)
    except ChidaoError as err:
        code, reason = err.code, err.reason
    except OSError:
        raise  # the batch is retried by `_retry_on_io`
    except Exception as err:  # noqa: BLE001 (an extractor bug must not take the batch down)
        code, reason = "E301", f"{err.__class__.__name__}: {err}".splitlines()[0]
    store.record_failure(path, code, reason, sha256)
    return {"path": path, "ok": False, "error": f"{code} {reason}"}


def _store_all(store: Any, items: list[tuple[str, str, Extraction]]) -> list[dict[str, Any]]:
    """Store the batch's extractions in one transaction, or one by one if that fails.

    One transaction per batch makes the store's commits cheap; a killed process loses
    the whole batch or nothing, and the re-run stores it once. Should one document break
    the shared transaction (not I/O, which is retried), each is stored alone so the
    others still go in and the culprit is recorded with its reason.
    """
    try:
        saved = store.save_extractions([(e, sha) for _, sha, e in items])
    except OperationalError:
        raise
    except Exception:  # noqa: BLE001
        return _store_each(store, items)
    return [_ok(path, e, r.added) for (path, _, e), r in zip(items, saved, strict=True)]


def _store_each(store: Any, items: list[tuple[str, str, Extraction]]) -> list[dict[str, Any]]:
    outcomes = []
    for path, sha, extraction in items:
        try:
            outcomes.append(_ok(path, extraction, store.save_extraction(extraction, sha).added))
        except OperationalError:
            raise
        except Exception as err:  # noqa: BLE001
            reason = f"{err.__class__.__name__}: {err}".splitlines()[0]
            store.record_failure(path, "E401", reason, sha)
            outcomes.append({"path": path, "ok": False, "error": f"E401 {reason}"})
    return outcomes


def _ok(path: str, extraction: Extraction, added: int) -> dict[str, Any]:
    return {"path": path, "ok": True, "document_id": extraction.document.id,
            "tasks": len(extraction.tasks), "added": added}


@task(name="ingest-documents", task_run_name="ingest {batch[0][0]} (+{extra})", retries=IO_RETRIES,
      retry_delay_seconds=[1, 4], retry_condition_fn=_retry_on_io, cache_key_fn=_content_key)
def ingest_batch(batch: list[tuple[str, str]], db_url: str, store_id: str, force: bool = False,
                 extra: int = 0) -> list[dict[str, Any]]:
    """Read, extract and store a few documents; failures are recorded with their reason."""
    store = _store(db_url)
    done = set() if force else store.known_hashes([sha for _, sha in batch])  # after a retry
    extracted = [(path, sha, _extract_one(path, sha, store)) for path, sha in batch if sha not in done]
    failed = [result for _, _, result in extracted if isinstance(result, dict)]
    good = [(path, sha, e) for path, sha, e in extracted if not isinstance(e, dict)]
    outcomes = failed + _store_all(store, good)  # type: ignore[arg-type]
    if not all(outcome["ok"] for outcome in outcomes):
        raise BatchHadFailures(outcomes)  # a failed file must be retried next run, not cached
    return outcomes


def batch_size(count: int, workers: int = 1) -> int:
    """Return documents per task run: one each for small inputs, a few each for big ones.

    Each task run costs Prefect several API calls and a result written to disk (measured
    at 50-200 ms on a busy 2-core machine, against ~30 ms to extract a short notice), so
    1,000 documents go in about twenty task runs per worker; a failure still names its
    own document.
    """
    return max(1, min(50, -(-count // (20 * max(1, workers)))))


class _JsonParametersFlow(Flow[..., IngestSummary]):
    """A flow whose parameters are JSON as they are (strings, lists of strings, bools, ints).

    Prefect encodes a flow's parameters with FastAPI's `jsonable_encoder`, and importing
    FastAPI for that alone costs every `chidao ingest` ≈ 0.2 s of CPU (issue 4).
    """

    def serialize_parameters(self, parameters: dict[str, Any]) -> dict[str, Any]:
        if all(_is_json(value) for value in parameters.values()):
            return dict(parameters)
        return super().serialize_parameters(parameters)

    def with_options(self, **options: Any) -> _JsonParametersFlow:  # type: ignore[override]
        copy = super().with_options(**options)
        copy.__class__ = _JsonParametersFlow  # Prefect's with_options builds a plain Flow
        return copy  # type: ignore[return-value]


def _is_json(value: Any) -> bool:
    if isinstance(value, list):
        return all(isinstance(item, str) for item in value)
    return value is None or isinstance(value, (str, bool, int))


def _ingest(paths: list[str], db_url: str, force: bool = False, quiet: bool = False,
            workers: int = 1) -> IngestSummary:
    """Ingest documents from files and folders into the store at `db_url`.

    Progress goes to stderr, one line per document as its batch finishes.
    """
    store = _store(db_url)
    work = plan(paths, store.known_hashes, force)
    summary = IngestSummary(found=work.found, already_stored=work.already_stored,
                            duplicates=work.duplicates)
    for bad in work.unreadable:
        store.record_failure(bad.path, "E101", bad.reason)
        summary.failed[bad.path] = f"E101 {bad.reason}"
    size = batch_size(len(work.todo), workers)
    batches = [work.todo[i:i + size] for i in range(0, len(work.todo), size)]
    # without force, NotSet leaves refresh_cache unset on the task (Prefect's setting decides)
    submit = ingest_batch.with_options(refresh_cache=True if force else NotSet).submit
    futures = {submit([(c.path, c.sha256) for c in b], db_url, store.instance_id, force,
                      len(b) - 1): b for b in batches}
    done = 0
    for future in as_completed(list(futures)):
        for line in _outcomes(future, futures[future], summary, store):
            done += 1
            if not quiet:
                print(f"[{done:>{len(str(len(work.todo)))}}/{len(work.todo)}] {line}",
                      file=sys.stderr, flush=True)
    return summary


ingest = _JsonParametersFlow(_ingest, name="chidao-ingest", log_prints=False, validate_parameters=False)


def _outcomes(future: Any, batch: list[Candidate], summary: IngestSummary, store: Any) -> list[str]:
    result = future.result(raise_on_failure=False)
    if isinstance(result, BatchHadFailures):
        result = result.outcomes
    elif isinstance(result, BaseException):  # I/O that failed even after its retries
        code = "E401" if isinstance(result, OperationalError) else "E101"
        detail = f"{result.__class__.__name__}: {result}".splitlines()[0]
        stored = store.known_hashes([c.sha256 for c in batch])
        result = [{"path": c.path, "ok": False, "error": f"{code} {detail}", "sha256": c.sha256}
                  for c in batch if c.sha256 not in stored]
        for outcome in result:
            store.record_failure(outcome["path"], code, detail, outcome["sha256"])
    lines = []
    for outcome in result:
        if outcome["ok"]:
            summary.ingested += 1
            summary.tasks_added += outcome["added"]
            summary.documents.append(outcome["document_id"])
            lines.append(f"ok     {outcome['path']}: {outcome['tasks']} nhiệm vụ")
        else:
            summary.failed[outcome["path"]] = outcome["error"]
            lines.append(f"FAILED {outcome['path']}: {outcome['error']}")
    return lines


def task_runner(workers: int = 1, dask_address: str | None = None,
                dask_workers: int | None = None) -> TaskRunner[Any]:
    """Return the task runner for this machine, an existing Dask cluster, or a local one."""
    if dask_address or dask_workers:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": dask_workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    if workers > 1:
        # Extraction is pure Python (the GIL): parallel documents need processes, not threads.
        return ProcessPoolTaskRunner(max_workers=workers)
    return ThreadPoolTaskRunner(max_workers=1)


def run_ingest(paths: list[str], db_url: str, *, force: bool = False, quiet: bool = False,
               workers: int = 1, runner: TaskRunner[Any] | None = None) -> IngestSummary:
    """Run the ingest flow on `runner` (default: this process, or `workers` processes)."""
    chosen = ingest.with_options(task_runner=runner or task_runner(workers))
    return chosen(paths, db_url, force=force, quiet=quiet, workers=workers)
