"""The prefetching child: results handed over once, in order, and nothing outlives the run."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from chidao.api import extract_path
from chidao.errors import ChidaoError
from chidao.records import Extraction
from flows.files import Candidate, plan
from flows.prefetch import Prefetcher

ROOT = Path(__file__).resolve().parents[2]


def _todo(folder: Path) -> list[Candidate]:
    return plan([str(folder)], lambda shas: set()).todo


def test_each_document_is_handed_over_once_as_the_process_itself_would_extract_it(tmp_path, notices_in):
    notices_in(tmp_path / "docs", 6)
    todo = _todo(tmp_path / "docs")
    prefetcher = Prefetcher(todo).start()
    try:
        for candidate in todo:
            found = prefetcher.take(candidate.sha256)
            assert isinstance(found, Extraction)
            assert found == extract_path(candidate.path)
            assert prefetcher.take(candidate.sha256) is None  # once only
        assert prefetcher.take("0" * 64) is None  # not in the plan: the caller extracts it
    finally:
        prefetcher.stop()


def test_a_bad_document_comes_back_as_its_error(mixed_folder):
    todo = _todo(mixed_folder)
    prefetcher = Prefetcher(todo).start()
    try:
        results = {Path(c.path).name: prefetcher.take(c.sha256) for c in todo}
    finally:
        prefetcher.stop()
    assert isinstance(results["rong.txt"], ChidaoError) and results["rong.txt"].code == "E101"
    assert isinstance(results["hong.pdf"], ChidaoError)
    assert "hong.pdf" in str(results["hong.pdf"])
    assert sum(isinstance(r, Extraction) for r in results.values()) == 3


def test_results_skipped_by_the_task_runs_are_dropped_not_held(tmp_path, notices_in):
    """A batch Prefect serves from its cache never asks: a later ask drops what it skipped."""
    notices_in(tmp_path / "docs", 8)
    todo = _todo(tmp_path / "docs")
    prefetcher = Prefetcher(todo, limit=3).start()  # fewer held than skipped: must not stall
    try:
        assert isinstance(prefetcher.take(todo[6].sha256), Extraction)
        assert prefetcher.take(todo[2].sha256) is None  # dropped: the caller extracts it again
        assert isinstance(prefetcher.take(todo[7].sha256), Extraction)
        assert prefetcher.held() == 0
    finally:
        prefetcher.stop()


def test_after_stop_every_ask_returns_at_once(tmp_path, notices_in):
    notices_in(tmp_path / "docs", 3)
    todo = _todo(tmp_path / "docs")
    prefetcher = Prefetcher(todo).start()
    prefetcher.stop()
    assert all(prefetcher.take(c.sha256) is None for c in todo)


def test_the_child_dies_with_its_parent_even_when_the_parent_is_killed(tmp_path, notices_in):
    notices_in(tmp_path / "docs", 400)
    script = textwrap.dedent(f"""
        import sys, time
        from flows.files import plan
        from flows.prefetch import Prefetcher
        prefetcher = Prefetcher(plan([{str(tmp_path / 'docs')!r}], lambda s: set()).todo).start()
        print(prefetcher._process.pid, flush=True)
        time.sleep(600)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())  # type: ignore[union-attr]
        assert _alive(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 10
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child), "the prefetching child outlived its killed parent"
    finally:
        parent.kill()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_nothing_planned_nothing_started():
    prefetcher = Prefetcher([]).start()
    try:
        assert prefetcher.take("0" * 64) is None
    finally:
        prefetcher.stop()
