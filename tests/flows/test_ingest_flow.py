"""Real Prefect flow runs over folders: good files stored once, bad ones recorded with reasons."""

from __future__ import annotations

import contextvars

import pytest

from chidao.store import Store
from flows.files import plan
from flows.ingest import run_ingest, task_runner
from flows.prefetch import extract_ahead

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_flow_over_good_and_bad_files(mixed_folder, tmp_path):
    url = f"sqlite:///{tmp_path / 'flow.db'}"
    summary = run_ingest([str(mixed_folder)], url, quiet=True)
    assert (summary.found, summary.duplicates, summary.ingested) == (7, 1, 3)
    assert set(summary.failed) == {str(mixed_folder / n) for n in ("rong.txt", "hong.pdf", "nen.docx")}
    assert summary.failed[str(mixed_folder / "rong.txt")].startswith("E101")

    store = Store(url)
    assert len(store.documents()) == 3
    assert summary.tasks_added == store.count_tasks() > 0
    failures = {f.path: f for f in store.failures()}
    assert set(failures) == set(summary.failed)
    assert all(f.reason for f in failures.values())

    again = run_ingest([str(mixed_folder)], url, quiet=True)
    assert (again.ingested, again.already_stored, again.tasks_added) == (0, 3, 0)
    assert store.count_tasks() == summary.tasks_added
    assert {f.attempts for f in store.failures()} == {2}  # bad files are retried, and say so


def test_a_fixed_file_is_ingested_and_its_failure_cleared(mixed_folder, tmp_path):
    url = f"sqlite:///{tmp_path / 'fix.db'}"
    run_ingest([str(mixed_folder)], url, quiet=True)
    empty = mixed_folder / "rong.txt"
    empty.write_text("Giao Sở Nội vụ rà soát biên chế trước ngày 31/12/2025.\n", encoding="utf-8")
    summary = run_ingest([str(mixed_folder)], url, quiet=True)
    assert summary.ingested == 1
    assert str(empty) not in {f.path for f in Store(url).failures()}


def test_force_reextracts_without_duplicating(mixed_folder, tmp_path):
    url = f"sqlite:///{tmp_path / 'force.db'}"
    first = run_ingest([str(mixed_folder)], url, quiet=True)
    forced = run_ingest([str(mixed_folder)], url, force=True, quiet=True)
    assert forced.ingested == 3 and forced.tasks_added == 0
    assert Store(url).count_tasks() == first.tasks_added


def test_documents_extracted_ahead_are_taken_by_the_task_runs(mixed_folder, tmp_path):
    """What the prefetching child extracts is stored once; its bad documents fail as usual."""
    url = f"sqlite:///{tmp_path / 'ahead.db'}"
    todo = plan([str(mixed_folder)], Store(url).known_hashes).todo

    def ingest_with_a_prefetcher():  # type: ignore[no-untyped-def]
        prefetcher = extract_ahead(todo)
        try:
            return run_ingest([str(mixed_folder)], url, quiet=True), prefetcher.held()
        finally:
            prefetcher.stop()

    summary, left = contextvars.copy_context().run(ingest_with_a_prefetcher)
    assert left == 0  # every result of the child was taken by a task run
    assert (summary.ingested, len(summary.failed)) == (3, 3)
    assert summary.failed[str(mixed_folder / "rong.txt")].startswith("E101")
    assert summary.failed[str(mixed_folder / "hong.pdf")].startswith("E2")
    assert summary.tasks_added == Store(url).count_tasks() > 0


@pytest.mark.slow
def test_the_same_flow_on_a_local_dask_cluster_of_two_workers(mixed_folder, tmp_path):
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    summary = run_ingest([str(mixed_folder)], url, quiet=True, runner=task_runner(dask_workers=2))
    assert summary.ingested == 3 and len(summary.failed) == 3
    assert len(Store(url).documents()) == 3
