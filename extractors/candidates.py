"""Candidate task spans: list items, item bodies and sentences, with what they inherit.

ANNOTATION.md §2: an enumerated item is one task with all its sentences; outside lists
one sentence is one task; a list intro is not a task but passes its units and deadline
to its items. A candidate keeps the spans it may inherit from, nearest first.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.candidate import Candidate
from extractors.clauses import directive_clause, split_by_subject, split_report_clauses
from extractors.flat_tables import column_kind, find_flat_tables, names_unit
from extractors.resources import json_data
from extractors.structure import Node, cites_provision, is_heading, is_label, refers_to_itself, sentences

TABLE_SEPARATOR = " | "
MIN_WORDS = 5  # a free-standing sentence shorter than this is a caption ("Quang cảnh Hội nghị") or a byline
RECIPIENT_BLOCKS = ("Nơi nhận", "Nơi gửi", "Kính gửi")  # address and distribution lists


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


def _is_topic_with_body(text: str, node: Node, closed: bool) -> bool:
    """Tell whether an item is a title whose paragraphs make one task with it (§2).

    A label naming who acts ("1. Công an tỉnh, các sở, ban, ngành") counts only when its
    next sibling closes it: after a list's last label, paragraphs may be the closing words.
    """
    own = text[node.marker_end:node.children[0].start]
    return (all(c.marker == "body" and TABLE_SEPARATOR not in text[c.start:c.end] for c in node.children)
            and (closed or not names_unit(own))
            and not own.rstrip().endswith(":"))


def _closed_items(nodes: list[Node]) -> set[int]:
    """Return the ids of the items that a later sibling with the same marker follows."""
    closed: set[int] = set()
    open_items: dict[tuple[int, str], Node] = {}
    for node in nodes:
        if node.marker and node.marker != "body":
            key = (id(node.parent), node.marker)
            if key in open_items:
                closed.add(id(open_items[key]))
            open_items[key] = node
    return closed


def _descendants(node: Node) -> list[Node]:
    out = [node]
    for child in node.children:
        out.extend(_descendants(child))
    return out


def _quotes_provisions(text: str, node: Node) -> bool:
    """Tell whether an item's points quote the law: a citation opens them, or one speaks of itself."""
    own_end = node.children[0].start
    first = node.children[0]
    first_own = text[first.start:first.children[0].start if first.children else first.end]
    if names_unit(text[node.marker_end:own_end]):
        return False
    if cites_provision(text[node.marker_end:own_end]) or cites_provision(first_own):
        return True
    return any(refers_to_itself(text[n.start:n.end]) for n in _descendants(node)[1:])


def _label_parent(node: Node, text: str) -> tuple[int, int] | None:
    """Return the nearest parent item that is a label ("1. Sở Công Thương"), if any."""
    parent = node.parent
    while parent is not None:
        own_end = parent.children[0].start if parent.children else parent.end
        if is_label(text[parent.marker_end:own_end]) and not is_heading(text[parent.marker_end:own_end]):
            return parent.start, own_end
        parent = parent.parent
    return None


def _heading_span(node: Node) -> tuple[int, int] | None:
    return (node.heading.start, node.heading.end) if node.heading else None


def find_candidates(text: str, nodes: list[Node], body_start: int = 0) -> list[Candidate]:
    """Return the candidate task spans of a parsed document, in document order."""
    intros = {id(n.intro) for n in nodes if n.intro is not None}
    closed = _closed_items(nodes)
    out, consumed = _flat_table_rows(text, nodes)
    header: list[str | None] | None = None
    for node in nodes:
        if node.start < body_start or id(node) in consumed:
            continue
        line = text[node.start:node.end]
        if _in_recipient_block(text, node) or is_role_line(line):
            continue
        own_body = text[node.marker_end:node.end] if node.marker and node.marker != "body" else line
        if is_heading(own_body):
            continue
        if TABLE_SEPARATOR in line and line.count(TABLE_SEPARATOR) >= 2:
            if _is_table_furniture(line):
                header = _header_kinds(line) or header
            else:
                out.append(_row_candidate(text, node, header))
            continue
        header = None  # a table's header names the columns of the rows right under it
        if node.marker and node.marker != "body":
            if node.children and _is_topic_with_body(text, node, id(node) in closed):
                # "2. Hoàn thiện thể chế ..." followed by its paragraphs: one item, one task (§2).
                consumed.update(id(c) for c in node.children)
                out.append(Candidate(node.start, node.children[-1].end, node.marker_end, "item", node.level,
                                     _inherit_chain(node, text), _heading_span(node),
                                     label_parent=_label_parent(node, text)))
                continue
            if node.children and _quotes_provisions(text, node):
                # "1.3. Về việc thống kê ... Khoản 1 Điều 59 ... quy định: a) ... b) ...": the
                # points quote the law; the item that quotes them is the task.
                inside = _descendants(node)
                consumed.update(id(n) for n in inside)
                out.append(Candidate(node.start, max(n.end for n in inside), node.marker_end, "item", node.level,
                                     _inherit_chain(node, text), _heading_span(node),
                                     label_parent=_label_parent(node, text)))
                continue
            if node.children:
                continue  # an intro item: it passes its units and deadline down
            out.append(Candidate(node.start, node.end, node.marker_end, "item", node.level,
                                 _inherit_chain(node, text), _heading_span(node), label_parent=_label_parent(node, text)))
        elif node.marker == "body":
            if line.rstrip().endswith(":"):
                continue
            out.append(Candidate(node.start, node.end, node.start, "body", node.level,
                                 _inherit_chain(node, text), _heading_span(node), label_parent=_label_parent(node, text)))
        else:
            chain = _inherit_chain(node, text) if node.parent or node.intro else []
            spans = sentences(text, node.start, node.end)
            if id(node) in intros and spans and text[spans[-1][0]:spans[-1][1]].rstrip().endswith(":"):
                spans = spans[:-1]  # "... yêu cầu các đơn vị thực hiện như sau:" introduces, it is not a task
            for s, e in spans:
                out.append(Candidate(s, e, s, "sentence", node.level, chain, _heading_span(node),
                                     label_parent=_label_parent(node, text)))
    _attach_role_lines(text, nodes, out)
    out = [directive_clause(text, c) if c.kind == "sentence" else c for c in out]
    out.sort(key=lambda c: c.start)
    parts = [part for cand in out for split in split_report_clauses(text, cand) for part in split_by_subject(text, split)]
    return [c for c in parts if (c.kind != "sentence" or len(text[c.body_start:c.end].split()) >= MIN_WORDS)
            and not _only_a_unit(text[c.body_start:c.end])]


UNIT_ALONE_WORDS = 15  # a unit's name alone is about this long at most


def _only_a_unit(body: str) -> bool:
    """Tell whether a candidate is only a unit's name (a stray table cell): no task."""
    return len(body.split()) <= UNIT_ALONE_WORDS and names_unit(body.rstrip(" .;,"))


def _in_recipient_block(text: str, node: Node) -> bool:
    top = node
    while top.parent is not None:
        top = top.parent
    intro = top.intro if top.marker else None
    return text.startswith(RECIPIENT_BLOCKS, node.start) or (
        intro is not None and text.startswith(RECIPIENT_BLOCKS, intro.start))


def _is_table_furniture(line: str) -> bool:
    """Tell whether a table line is its rule ("| --- |") or its header ("| TT | Nhiệm vụ | ...")."""
    cells = _cells(line)
    return _is_rule(cells) or sum(column_kind(c) is not None for c in cells) >= max(2, len(cells) - 1)


@cache
def _role_line_pattern() -> re.Pattern[str]:
    patterns = json_data("structure_role_lines.json")["patterns"]
    return re.compile(r"^[\s\-+•*]*(?:" + "|".join(patterns) + ")", re.IGNORECASE)


def is_role_line(line: str) -> bool:
    """Tell whether a paragraph names who carries out its section ("Đơn vị chủ trì: ...")."""
    return _role_line_pattern().match(line) is not None


def _attach_role_lines(text: str, nodes: list[Node], candidates: list[Candidate]) -> None:
    """Give each role line to the candidates of its section that come before it and lack one."""
    section_start = 0
    for node in nodes:
        line = text[node.start:node.end]
        if is_heading(line[node.marker_end - node.start:] if node.marker and node.marker != "body" else line):
            section_start = node.end
        elif is_role_line(line):
            for cand in candidates:
                if section_start <= cand.start < node.start and cand.role_line is None:
                    cand.role_line = (node.start, node.end)
            section_start = node.end


def _flat_table_rows(text: str, nodes: list[Node]) -> tuple[list[Candidate], set[int]]:
    """Rows of the tables flattened one cell per paragraph, and the nodes they cover."""
    rows: list[Candidate] = []
    covered: set[int] = set()
    for table_rows, table_nodes in find_flat_tables(text, nodes):
        covered |= table_nodes
        rows.extend(Candidate(r.task.start, r.task.end, r.task.marker_end if r.task.marker else r.task.start,
                              "row", 1, [(g.start, g.end) for g in r.groups], _heading_span(r.task), r.cells,
                              cell_kinds=r.kinds)
                    for r in table_rows)
    return rows, covered


def _row_candidate(text: str, node: Node, header: list[str | None] | None = None) -> Candidate:
    """A table row: the task column's cell is the task (the widest cell when the table has no
    header naming it), the others give units and deadline, by their columns where known."""
    line = text[node.start:node.end]
    cells = _cells(line)
    kinds = header if header is not None and len(header) == len(cells) and "task" in header else None
    task = kinds.index("task") if kinds else max(range(len(cells)), key=lambda i: len(cells[i]))
    offset = node.start + line.find(cells[task])
    others = [(c, k or "") for i, (c, k) in enumerate(zip(cells, kinds or [None] * len(cells))) if i != task and c]
    return Candidate(offset, offset + len(cells[task]), offset, "row", node.level,
                     _inherit_chain(node, text), _heading_span(node), [c for c, _ in others],
                     cell_kinds=[k for _, k in others] if kinds else [])


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _is_rule(cells: list[str]) -> bool:
    """A table's rule line: "| --- | :--- |"."""
    return all(set(c) <= set("-: ") for c in cells)


def _header_kinds(line: str) -> list[str | None] | None:
    """The column kinds of a header row ("TT | Nội dung | Chủ trì | ..."), None for a rule line."""
    cells = _cells(line)
    return None if _is_rule(cells) else [column_kind(c) for c in cells]
