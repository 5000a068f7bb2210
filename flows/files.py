"""Find the documents to ingest and fingerprint them by content (no Prefect here)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SUFFIXES = frozenset({".txt", ".pdf", ".docx", ".md"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file found for ingestion, with the hash of its bytes (its identity in the store)."""

    path: str
    sha256: str


@dataclass(frozen=True, slots=True)
class Unreadable:
    path: str
    reason: str


@dataclass(slots=True)
class Plan:
    """What a run has to do: the new contents (one path each) and the files it cannot read."""

    todo: list[Candidate] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    found: int = 0
    duplicates: int = 0  # the same bytes under another path in this batch
    already_stored: int = 0

    @property
    def nothing_to_do(self) -> bool:
        return not self.todo and not self.unreadable


def plan(paths: list[str], known_hashes: Callable[[list[str]], set[str]], force: bool = False) -> Plan:
    """Return the documents to process: one path per content, unless forced only new contents."""
    candidates, unreadable = discover(paths)
    unique: dict[str, Candidate] = {}
    for candidate in candidates:
        unique.setdefault(candidate.sha256, candidate)
    known = set() if force else known_hashes(list(unique))
    return Plan(todo=[c for sha, c in unique.items() if sha not in known], unreadable=unreadable,
                found=len(candidates) + len(unreadable), duplicates=len(candidates) - len(unique),
                already_stored=len(known))


def discover(paths: list[str]) -> tuple[list[Candidate], list[Unreadable]]:
    """Return the documents under `paths` (files as given, folders searched recursively).

    A folder contributes only files with a document suffix and no hidden part in their
    path; a file named explicitly is always taken, so a wrong suffix fails loudly later.
    """
    found: list[Candidate] = []
    unreadable: list[Unreadable] = []
    for path in _expand(paths, unreadable):
        try:
            found.append(Candidate(str(path), file_sha256(path)))
        except OSError as err:
            unreadable.append(Unreadable(str(path), f"cannot read the file: {err.strerror or err}"))
    return found, unreadable


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _expand(paths: list[str], unreadable: list[Unreadable]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if _is_document(p, path)))
        elif path.exists():
            files.append(path)
        else:
            unreadable.append(Unreadable(raw, "no such file or folder"))
    return list(dict.fromkeys(files))  # a file named twice is one candidate


def _is_document(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return path.is_file() and not hidden and path.suffix.lower() in SUFFIXES
