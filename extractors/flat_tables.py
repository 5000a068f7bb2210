"""Plan tables flattened one cell per paragraph, read back into rows.

A plan's task table (TT | Nhiệm vụ | Cơ quan chủ trì | Phối hợp | Thời hạn) loses its
grid when a PDF or a Word file is saved as text: each cell becomes its own paragraph,
the header cells first, then for each row its number, its task and its other cells.
Read as prose, the task cell is cut from its units and its deadline and the unit cells
look like stray captions. This module finds such a table by its header cells and turns
each task cell into a row candidate carrying the cells that follow it, each labelled
with its column where the row is complete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from extractors.deadlines import parse_deadline_value
from extractors.resources import json_data
from extractors.structure import Node, is_heading
from extractors.units import find_units

MIN_HEADER_CELLS = 3  # a table header names the task column and at least two others
MAX_HEADER_WORDS = 10  # a header cell is short; longer paragraphs end the header run
HEADER_LOOKAHEAD = 8  # paragraphs scanned for the rest of a header once its first cell is seen
MIN_TASK_WORDS = 4  # a shorter cell ("100%", "Tối thiểu 2%") is a value, not a task
SHORT_CELL_WORDS = 8  # a deadline cell ("Trước ngày 15/10/2026") is about this short
LABEL_UNIT_SHARE = 0.6  # a label this much covered by unit names names who acts, not a topic
_CELL_NUMBER = re.compile(r"^(?:\d{1,3}|[a-zđ]|[IVX]{1,4})[.)]?$")


@dataclass(slots=True)
class Row:
    """One table row: the task paragraph and the other cells, by column kind where known."""

    task: Node
    groups: list[Node] = field(default_factory=list)  # the group rows above it, nearest first
    cells: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # column of each cell, or "" when unknown


@cache
def _columns() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((c["kind"], tuple(c["words"])) for c in json_data("structure_table_columns.json")["columns"])


@cache
def _group_pattern() -> re.Pattern[str]:
    return re.compile(json_data("structure_table_columns.json")["group_pattern"])


def column_kind(cell: str) -> str | None:
    """Return what a header cell's column holds ("lead", "deadline", ...), or None."""
    lowered = " ".join(cell.lower().replace("(*)", "").split())
    if not lowered or len(lowered.split()) > MAX_HEADER_WORDS:
        return None
    for kind, words in _columns():
        if kind == "number":
            if lowered.strip(" .") in words:
                return kind
        elif any(w in lowered for w in words):
            return kind
    return None


def is_person(cell: str) -> bool:
    """Tell whether a cell names an official ("Đồng chí Phan Trung Bá - Phó Chủ tịch")."""
    return cell.startswith(tuple(json_data("structure_table_columns.json")["person_prefixes"]))


def is_group_label(line: str) -> bool:
    """Tell whether a paragraph is a table's group row ("II.1 Hoàn thiện thể chế ...")."""
    return _group_pattern().match(line) is not None


def _header_at(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """Return the column kinds of a header starting at paragraph i and where it ends.

    The header is either a ruled '| TT | Nhiệm vụ | ... |' line whose last cells may
    spill onto the next paragraphs, or a run of header cells one a paragraph.
    """
    if lines[i].startswith("|"):
        kinds = [column_kind(c) or "" for c in lines[i].strip().strip("|").split("|")]
        ruled = i + 1 < len(lines) and set(lines[i + 1]) <= set("|-: ")
        if not ruled or i + 2 >= len(lines) or lines[i + 2].startswith("|"):
            return None  # an ordinary table, one line a row
        j = i + 2
    elif column_kind(lines[i]) in ("number", "task"):
        kinds, j = [], i
    else:
        return None
    while j < min(len(lines), i + HEADER_LOOKAHEAD) and not _CELL_NUMBER.match(lines[j]):
        kind = column_kind(lines[j])
        if kind is None and not is_group_label(lines[j]):
            break
        if kind is not None:
            kinds.append(kind)
        j += 1
    return (kinds, j) if _is_header([k for k in kinds if k]) else None


def _is_header(kinds: list[str]) -> bool:
    return len(kinds) >= MIN_HEADER_CELLS and "task" in kinds and bool({"lead", "support", "deadline", "person"} & set(kinds))


def find_flat_tables(text: str, nodes: list[Node]) -> list[tuple[list[Row], set[int]]]:
    """Return each flattened table's rows and the ids of the nodes it covers."""
    lines = [text[n.start:n.end] for n in nodes]
    found = []
    i = 0
    while i < len(nodes):
        header = _header_at(lines, i)
        if header is None:
            i += 1
            continue
        kinds, j = header
        covered = {id(n) for n in nodes[i:j]}
        rows, j = _read_rows(nodes, lines, j, kinds, covered)
        found.append((rows, covered))
        i = j
    return found


def _read_rows(nodes: list[Node], lines: list[str], j: int, kinds: list[str],
               covered: set[int]) -> tuple[list[Row], int]:
    """Read rows from paragraph j until a heading, a ruled table or the next table's header."""
    rows: list[Row] = []
    expect_task = False  # the paragraph after a lone row number is that row's task
    in_header = False  # the header repeated at the top of a page, from its "TT" on
    groups: list[Node] = []  # open group rows ("II", "II.1"), outermost first
    while j < len(nodes):
        line = lines[j]
        if is_heading(line) or line.startswith("|"):
            break
        covered.add(id(nodes[j]))
        in_header = column_kind(line) == "number" or (in_header and column_kind(line) is not None)
        if in_header:
            expect_task = False
        elif _CELL_NUMBER.match(line):
            if line[0].isalpha() and rows and not rows[-1].cells:
                rows.pop()  # "1. Tổ chức tuyên truyền" over rows a), b): a group title, not a task
            expect_task = True
        elif is_group_label(line):
            expect_task = False
            groups = groups[:_group_depth(line)] + [nodes[j]]
        elif expect_task or _is_task_cell(line):
            rows.append(Row(nodes[j], groups[::-1]))
            expect_task = False
        elif rows:
            rows[-1].cells.append(line)
        j += 1
    for row in rows:
        row.kinds = _cell_kinds(row, kinds)
    return rows, j


def _group_depth(line: str) -> int:
    """Return a group row's depth: "II" is 0, "II.1" is 1."""
    return line.split(maxsplit=1)[0].rstrip(".").count(".")


def names_unit(label: str) -> bool:
    """Tell whether a label is the name of who acts ("3. Sở Xây dựng"), not a topic."""
    stripped = label.strip().rstrip(":")
    covered = sum(u.end - u.start for u in find_units(stripped))
    return bool(stripped) and covered / len(stripped) >= LABEL_UNIT_SHARE


def _is_task_cell(line: str) -> bool:
    if is_person(line) or len(line.split()) < MIN_TASK_WORDS or names_unit(line):
        return False
    return not (len(line.split()) <= SHORT_CELL_WORDS and parse_deadline_value(line, None) is not None)


def _cell_kinds(row: Row, kinds: list[str]) -> list[str]:
    """Label a row's cells with their columns when the row has exactly one cell a column."""
    others = [k for k in kinds if k not in ("number", "task", "")]
    if len(row.cells) == len(others):
        return others
    return ["person" if is_person(c) else "" for c in row.cells]
