"""Run `chidao` as a real subprocess, the way a user does."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def chidao() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Return a function running `python -m chidao.cli ARGS` from the repo root; output decoded as UTF-8."""

    def run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        return subprocess.run([sys.executable, "-m", "chidao.cli", *args], cwd=REPO, env=env, capture_output=True,
                              text=True, encoding="utf-8", timeout=timeout)

    return run
