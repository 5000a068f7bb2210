"""The gold corpus: gold files in `corpus/gold/` that point into the real documents in `../shared`.

A gold file holds offsets, never the document's words; the text is loaded from the shared
corpus and checked against the sha256 the gold file names.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from chidao.errors import InputError

_GOLD_TASK_KEYS = {"start", "end", "lead_units", "support_units", "deadline", "deadline_text", "recurrence", "note"}
_GOLD_DOC_KEYS = {"document", "sha256", "date", "date_note", "tasks", "note"}


@dataclass(frozen=True, slots=True)
class GoldTask:
    start: int
    end: int
    lead_units: list[str]
    support_units: list[str]
    deadline: str | None
    deadline_text: str | None
    recurrence: str | None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GoldTask:
        unknown = set(data) - _GOLD_TASK_KEYS
        if unknown:
            raise ValueError(f"gold task has unknown keys {sorted(unknown)}; allowed: {sorted(_GOLD_TASK_KEYS)}")
        values: dict[str, Any] = {f.name: data.get(f.name) for f in fields(cls)}
        return cls(**values)


@dataclass(slots=True)
class GoldDocument:
    gold_path: Path
    document: str  # relative to the shared corpus folder
    sha256: str
    date: str | None
    tasks: list[GoldTask] = field(default_factory=list)

    @property
    def name(self) -> str:
        return Path(self.document).name

    def source_path(self, shared: Path) -> Path:
        return (shared / "corpus" / self.document).resolve()

    def load_text(self, shared: Path) -> str:
        """Return the document's text, after checking its bytes are the ones annotated."""
        path = self.source_path(shared)
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != self.sha256:
            raise InputError(str(path), f"does not match the sha256 in {self.gold_path.name}",
                             "the shared corpus changed; re-annotate or restore the file")
        return data.decode("utf-8")


def load_gold(path: Path) -> GoldDocument:
    data = json.loads(path.read_text(encoding="utf-8"))
    unknown = set(data) - _GOLD_DOC_KEYS
    if unknown:
        raise ValueError(f"{path}: unknown keys {sorted(unknown)}; allowed: {sorted(_GOLD_DOC_KEYS)}")
    tasks = [GoldTask.from_dict(t) for t in data["tasks"]]
    return GoldDocument(path, data["document"], data["sha256"], data.get("date"), tasks)


def shared_root(start: Path | None = None) -> Path | None:
    """Return the shared folder (CHIDAO_SHARED, else `../shared` beside the checkout), or None."""
    env = os.environ.get("CHIDAO_SHARED")
    if env:
        return Path(env) if Path(env).is_dir() else None
    here = (start or Path.cwd()).resolve()
    for base in (here, *here.parents):
        candidate = base.parent / "shared"
        if (candidate / "corpus").is_dir():
            return candidate
        if (base / "pyproject.toml").exists():
            break
    return None


def gold_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.gold.json"))


def load_splits(corpus: Path) -> dict[str, list[str]]:
    """Return {"train": [...], "dev": [...]} of gold file names."""
    data: dict[str, list[str]] = json.loads((corpus / "splits.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}
