"""The code type-checks: mypy, with the settings in pyproject.toml, finds no errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_mypy_finds_no_errors() -> None:
    # No paths on the command line: mypy takes `files` and the rest from [tool.mypy].
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, f"mypy exit code {done.returncode}:\n{done.stdout}{done.stderr}"
