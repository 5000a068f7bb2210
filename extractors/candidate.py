"""The candidate record: a span that may be a task, and what it may inherit."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Candidate:
    """A span that may be a task, and the spans above it that pass units and deadlines down."""

    start: int
    end: int
    body_start: int  # where the text after the list marker starts
    kind: str  # "item" | "body" | "sentence" | "row"
    level: int
    inherit: list[tuple[int, int]] = field(default_factory=list)  # nearest first
    heading: tuple[int, int] | None = None
    cells: list[str] = field(default_factory=list)  # table rows: the other cells
    label_parent: tuple[int, int] | None = None  # a parent item that only names who does its items
    role_line: tuple[int, int] | None = None  # "Đơn vị chủ trì: X; Đơn vị phối hợp: Y" for its section
    cell_kinds: list[str] = field(default_factory=list)  # column of each cell ("lead", ...) where known
    directive: bool = False  # a directive by its form: "..., vì vậy, cần ..." or a report's dated plan clause
    continued: bool = False  # a later clause of "Giao Sở A làm X; Sở B làm Y": assigned like the first
