"""Find and load the versioned learned models under `models/`."""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

from extractors.classifier import TaskClassifier

TASK_MODEL = "task_classifier"


def models_root() -> Path:
    """Return the models folder: CHIDAO_MODELS if set, else the installed `models` package."""
    override = os.environ.get("CHIDAO_MODELS")
    return Path(override) if override else Path(str(resources.files("models")))


def default_version(name: str = TASK_MODEL, root: Path | None = None) -> str | None:
    pointer = (root or models_root()) / name / "DEFAULT"
    return pointer.read_text(encoding="utf-8").strip() if pointer.exists() else None


@cache
def load_task_classifier(version: str | None = None, root: str | None = None) -> TaskClassifier | None:
    """Return the task classifier (the default version unless one is named), or None if none is trained."""
    base = Path(root) if root else models_root()
    chosen = version or default_version(TASK_MODEL, base)
    if not chosen:
        return None
    folder = base / TASK_MODEL / chosen
    return TaskClassifier.load(folder) if (folder / "model.joblib").exists() else None
