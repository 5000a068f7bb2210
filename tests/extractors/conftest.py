"""Fixtures for the extraction-step tests: a way to run `extract()` on own text (the shared corpus: tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from chidao.records import Extraction, SourceText, sha256_bytes

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def run_extract() -> Callable[[str], Extraction]:
    """Return a function extracting tasks from a text written in the test, as a reader would hand it over."""
    from extractors.pipeline import extract

    def run(text: str, path: str = "own.txt", classifier: object = True) -> Extraction:
        source = SourceText(path=path, text=text, sha256=sha256_bytes(text.encode("utf-8")))
        return extract(source, classifier)  # type: ignore[arg-type]

    return run
