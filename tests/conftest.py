"""Suite-wide fixtures: the real corpus in ../shared. Each area keeps its own fixtures in its
own conftest.py; helpers shared across areas live beside this file (e.g. `record_builders.py`),
which pytest puts on the path."""

from pathlib import Path

import pytest

from chidao.corpus import shared_root

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared() -> Path:
    """Return the shared folder (../shared), or skip: the real corpus is not in every checkout."""
    root = shared_root(REPO)
    if root is None:
        pytest.skip("shared corpus not found (set CHIDAO_SHARED or put it at ../shared beside the repo)")
    return root
