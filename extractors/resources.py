"""Load chidao's language data files (extractors/data) with importlib.resources."""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

_PACKAGE = "extractors"


def data_text(name: str) -> str:
    """Return the text of data file `name`, NFC-normalized form checked by the data tests."""
    return resources.files(_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")


@cache
def tsv_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of a TSV data file, skipping blank lines and `#` comments."""
    rows = []
    for line in data_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(line.split("\t")))
    return tuple(rows)


@cache
def json_data(name: str) -> Any:
    """Return the parsed content of a JSON data file."""
    return json.loads(data_text(name))


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)
