"""The extraction engine's language data (extractors/data): NFC, no duplicates, loads with its loader."""

from __future__ import annotations

import json
import unicodedata
from importlib import resources

import pytest

from extractors.resources import json_data, tsv_rows

OWNED_PREFIXES = ("normalize_", "structure_", "cue_", "metadata_")
FILES = sorted(p.name for p in resources.files("extractors").joinpath("data").iterdir()
               if p.name.startswith(OWNED_PREFIXES))


def test_the_engine_has_data_files() -> None:
    assert {"normalize_tone_marks.tsv", "normalize_invisible.tsv", "structure_markers.json", "cue_task.json",
            "metadata_header.json"} <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_file_is_nfc(name: str) -> None:
    text = resources.files("extractors").joinpath("data", name).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)


def _entries(name: str) -> list[str]:
    """The entries of a data file that must be unique: first TSV column, or the key field of JSON records."""
    if name.endswith(".tsv"):
        return [row[0] for row in tsv_rows(name)]
    data = json_data(name)
    if name == "cue_task.json":
        return [f"{c['phrase']}|{c['where']}" for c in data["cues"]]
    if name == "structure_markers.json":
        return [m["kind"] for m in data["markers"]] + [m["pattern"] for m in data["markers"]]
    if name == "metadata_header.json":
        return data["motto"] + list(data["types"]) + data["meeting_words"]
    return [json.dumps(item, ensure_ascii=False, sort_keys=True) for item in (data if isinstance(data, list) else [data])]


@pytest.mark.parametrize("name", FILES)
def test_no_duplicate_entries(name: str) -> None:
    entries = _entries(name)
    duplicates = sorted({e for e in entries if entries.count(e) > 1})
    assert not duplicates, f"{name}: duplicate entries {duplicates}"


@pytest.mark.parametrize("name", [f for f in FILES if f.endswith(".tsv")])
def test_tsv_rows_well_formed(name: str) -> None:
    rows = tsv_rows(name)
    assert rows and all(row[0].strip() == row[0] and row[0] for row in rows)


def test_loaders_accept_the_data() -> None:
    """Each file loads through the code that uses it (a schema drift fails here)."""
    from extractors.cues import cue_rules
    from extractors.metadata import find_title
    from extractors.normalize import normalize
    from extractors.structure import match_marker, sentences

    assert cue_rules()
    assert normalize("Hoà\u200b thuỷ").text == "Hòa thủy"
    assert match_marker("1. Rà soát") is not None
    assert sentences("TP. Hà Nội chủ trì.", 0, 19) == [(0, 19)]
    assert find_title(["THÔNG BÁO", "Kết luận"])[1] == "notice"


def test_tone_rows_pair_the_same_letters() -> None:
    for old, new in tsv_rows("normalize_tone_marks.tsv"):
        base = lambda s: "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))  # noqa: E731
        assert base(old) == base(new) and old != new


def test_invisible_codes_parse() -> None:
    for row in tsv_rows("normalize_invisible.tsv"):
        assert row[0].startswith("U+") and int(row[0][2:], 16) >= 0
        assert row[1] == "" or row[1].startswith("U+")
