"""`chidao ingest` in its own process: the README's demo, and a run killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chidao.api import extract_path
from chidao.store import Store

ROOT = Path(__file__).resolve().parents[2]
CHIDAO = [sys.executable, "-m", "chidao.cli"]

pytestmark = pytest.mark.slow


def _ingest(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run([*CHIDAO, "ingest", *args], cwd=ROOT, capture_output=True, text=True, check=False,
                          timeout=600, env=_env(), **kwargs)


def _env() -> dict[str, str]:
    # Each process gets its own temporary Prefect server, as a user's shell would.
    return {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")} | {"PYTHONUTF8": "1"}


def test_demo_ingests_the_examples_then_adds_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    first = _ingest("examples/", "--db", url)
    assert first.returncode == 0, first.stderr
    store = Store(url)
    count = store.count_tasks()
    assert count > 0 and len(store.documents()) == len(list((ROOT / "examples").glob("*.txt")))
    assert "Chủ trì:" in first.stdout  # the tasks are printed, in Vietnamese
    assert "[3/3]" in first.stderr  # progress, one line per document

    second = _ingest("examples/", "--db", url)
    assert second.returncode == 0, second.stderr
    assert "mới 0" in second.stderr and "thêm 0 nhiệm vụ" in second.stderr
    assert second.stdout.strip() == ""
    assert store.count_tasks() == count


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created or not migrated yet


def test_killed_mid_batch_then_rerun_stores_every_document_once(tmp_path, notices_in):
    folder, db = tmp_path / "lo-van-ban", tmp_path / "kill.db"
    paths = notices_in(folder, 40)
    proc = subprocess.Popen([*CHIDAO, "ingest", str(folder), "--db", f"sqlite:///{db}", "-q"],
                            cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while _stored(db) < 5 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be killed: make it longer"
    os.killpg(proc.pid, signal.SIGKILL)  # the process and its temporary Prefect server
    proc.wait()
    killed_at = _stored(db)
    assert 5 <= killed_at < len(paths)

    rerun = _ingest(str(folder), "--db", f"sqlite:///{db}", "-q")
    assert rerun.returncode == 0, rerun.stderr
    store = Store(f"sqlite:///{db}")
    docs = store.documents()
    assert sorted(d.source for d in docs) == sorted(str(p) for p in paths)
    expected = {e.document.id: {t.id for t in e.tasks} for e in map(extract_path, paths)}
    stored: dict[str, set[str]] = {}
    for task, doc in store.tasks():
        stored.setdefault(doc.id, set()).add(task.id)
    assert stored == {doc_id: ids for doc_id, ids in expected.items() if ids}
    assert store.count_tasks() == sum(len(ids) for ids in expected.values())
