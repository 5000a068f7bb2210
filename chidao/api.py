"""The library's front door: read a file and extract its tasks (no Prefect, no SQL here)."""

from __future__ import annotations

from pathlib import Path

from chidao.records import Extraction, SourceText
from chidao.readers import read


def extract_source(source: SourceText) -> Extraction:
    """Extract tasks from text a reader already returned."""
    from extractors.pipeline import extract  # heavy: loads the model on first use

    return extract(source)


def extract_path(path: str | Path) -> Extraction:
    """Read one file and extract its tasks.

    Raises:
        chidao.errors.ChidaoError: the file could not be read (its subclass and message say why).
    """
    return extract_source(read(path))
