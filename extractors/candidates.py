"""Candidate task spans: list items, item bodies and sentences, with what they inherit.

ANNOTATION.md §2: an enumerated item is one task with all its sentences; outside lists
one sentence is one task; a list intro is not a task but passes its units and deadline
to its items. A candidate keeps the spans it may inherit from, nearest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.structure import Node, is_heading, sentences

TABLE_SEPARATOR = " | "


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


def _own_span(node: Node) -> tuple[int, int]:
    """Return the span of a node's own text, without its children."""
    end = node.children[0].start if node.children else node.end
    return node.start, max(node.start, end)


def _inherit_chain(node: Node, text: str) -> list[tuple[int, int]]:
    chain: list[tuple[int, int]] = []
    current: Node | None = node
    while current is not None:
        parent = current.parent
        siblings = parent.children if parent else []
        idx = siblings.index(current) if current in siblings else -1
        for sib in reversed(siblings[:idx]):
            if sib.marker == "body" and text[sib.start:sib.end].rstrip().endswith(":"):
                chain.append((sib.start, sib.end))
                break
        if parent is not None:
            chain.append(_own_span(parent))
        elif current.intro is not None:
            chain.append((current.intro.start, current.intro.end))
        current = parent
    return chain


def _heading_span(node: Node) -> tuple[int, int] | None:
    return (node.heading.start, node.heading.end) if node.heading else None


def find_candidates(text: str, nodes: list[Node], body_start: int = 0, body_end: int | None = None) -> list[Candidate]:
    """Return the candidate task spans of a parsed document, in document order."""
    limit = len(text) if body_end is None else body_end
    out: list[Candidate] = []
    for node in nodes:
        if node.start < body_start or node.start >= limit:
            continue
        line = text[node.start:node.end]
        own_body = text[node.marker_end:node.end] if node.marker and node.marker != "body" else line
        if is_heading(own_body):
            continue
        if TABLE_SEPARATOR in line and line.count(TABLE_SEPARATOR) >= 2:
            out.append(_row_candidate(text, node))
        elif node.marker and node.marker != "body":
            if node.children:
                continue  # an intro item: it passes its units and deadline down
            out.append(Candidate(node.start, node.end, node.marker_end, "item", node.level,
                                 _inherit_chain(node, text), _heading_span(node)))
        elif node.marker == "body":
            if line.rstrip().endswith(":"):
                continue
            out.append(Candidate(node.start, node.end, node.start, "body", node.level,
                                 _inherit_chain(node, text), _heading_span(node)))
        else:
            for s, e in sentences(text, node.start, node.end):
                out.append(Candidate(s, e, s, "sentence", 0, [], _heading_span(node)))
    return out


def _row_candidate(text: str, node: Node) -> Candidate:
    """A table row: the widest cell is the task, the others give units and deadline."""
    line = text[node.start:node.end]
    cells = [c.strip() for c in line.split("|")]
    widest = max(range(len(cells)), key=lambda i: len(cells[i]))
    offset = node.start + line.find(cells[widest])
    others = [c for i, c in enumerate(cells) if i != widest and c]
    return Candidate(offset, offset + len(cells[widest]), offset, "row", node.level,
                     _inherit_chain(node, text), _heading_span(node), others)
