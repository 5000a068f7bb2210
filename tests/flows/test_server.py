"""The temporary Prefect server `chidao ingest` starts: whose URL wins, and that it dies with us."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.server import configured_api_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clean_env(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    for key in [k for k in os.environ if k.startswith("PREFECT_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_no_configuration_means_a_temporary_server(clean_env):
    assert configured_api_url() is None


@pytest.mark.parametrize(("where", "text"), [
    ("home/profiles.toml", ('active = "may-chu"\n[profiles.may-chu]\n'
                           'PREFECT_API_URL = "http://10.0.0.5:4200/api"\n')),
    ("prefect.toml", '[api]\nurl = "http://10.0.0.5:4200/api"\n'),
    ("pyproject.toml", '[tool.prefect.api]\nurl = "http://10.0.0.5:4200/api"\n'),
])
def test_a_server_configured_for_prefect_is_used(clean_env, where, text):
    (clean_env / where).write_text(text, encoding="utf-8")
    assert configured_api_url() == "http://10.0.0.5:4200/api"


def test_the_environment_wins_and_an_inactive_profile_does_not_count(clean_env, monkeypatch):
    (clean_env / "home/profiles.toml").write_text(
        'active = "ephemeral"\n[profiles.khac]\nPREFECT_API_URL = "http://10.0.0.9:4200/api"\n',
        encoding="utf-8")
    assert configured_api_url() is None
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert configured_api_url() == "http://127.0.0.1:4200/api"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc (Linux)")
def test_the_server_exits_when_its_parent_is_killed():
    # The parent starts the server and is then killed with SIGKILL: no atexit, no finally.
    parent = subprocess.Popen(
        [sys.executable, "-c", ("import time; from flows.server import TemporaryServer; "
         "print(TemporaryServer().start().process.pid, flush=True); time.sleep(600)")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    server_pid = int(parent.stdout.readline())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 60
    while _alive(server_pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = _alive(server_pid)
    if alive:
        os.kill(server_pid, signal.SIGKILL)
    assert not alive, "the temporary server outlived the process that started it"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False
