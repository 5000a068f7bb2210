"""Fixtures for the unit and role tests: real sentences from ../shared/corpus, found by anchor phrases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "docs"
_END = re.compile(r"\.\s|;|\n\s*\n|\.$")


@pytest.fixture(scope="session")
def real_sentence():
    """Return a function giving the text from an anchor phrase to the end of its sentence."""
    if not CORPUS.is_dir():
        pytest.skip(f"real corpus not found at {CORPUS} (the project's ../shared is absent)")

    def find(document: str, anchor: str) -> str:
        text = (CORPUS / document).read_text(encoding="utf-8")
        start = text.find(anchor)
        assert start >= 0, f"{document}: anchor {anchor!r} not found (corpus changed?)"
        end = _END.search(text, start + len(anchor))
        return text[start : end.start() if end else len(text)]

    return find
