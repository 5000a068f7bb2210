"""Document structure: paragraphs, enumerated items and their nesting, sentences.

A list's depth is not fixed by its marker: documents nest "1." under "I." or "-" under
"1." as they please. So depth follows first use: a marker kind seen before closes the
items opened after it (it is a sibling); a new kind opens a child level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from extractors.resources import json_data, tsv_rows
from extractors.units import find_units


@dataclass(slots=True)
class Node:
    """A paragraph of the document; list items know their marker, parent and children."""

    start: int
    end: int
    marker: str | None = None  # kind of list marker, None for plain paragraphs
    marker_end: int = 0  # offset where the text after the marker starts
    level: int = 0
    parent: Node | None = field(default=None, repr=False)
    children: list[Node] = field(default_factory=list, repr=False)
    intro: Node | None = field(default=None, repr=False)  # paragraph introducing this list
    heading: Node | None = field(default=None, repr=False)  # nearest section heading above
    follows: Node | None = field(default=None, repr=False)  # the full item a plain paragraph comes after
    complete: bool = False  # its own text is a finished sentence ("... theo quy định."), not a label or an intro

    @property
    def is_item(self) -> bool:
        return self.marker is not None


@cache
def _marker_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((m["kind"], re.compile(m["pattern"])) for m in json_data("structure_markers.json")["markers"])


def match_marker(line: str) -> tuple[str, int] | None:
    """Return the kind of list marker opening `line` and its length, or None."""
    for kind, pattern in _marker_patterns():
        m = pattern.match(line)
        if m:
            return kind, m.end()
    return None


@lru_cache(maxsize=8192)
def is_heading(line: str) -> bool:
    """Tell whether a line is a heading: upper-case letters only (after its marker)."""
    letters = sum(map(str.isalpha, line))
    return letters >= 4 and sum(map(str.isupper, line)) / letters > 0.9


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every non-blank line of normalized text."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


# A footnote reference: a number glued to the word it annotates ("Luật Địa chất và khoáng sản3.");
# three letters before it, so that "m2", "km2" and "CO2" are no references.
_FOOTNOTE_REF = re.compile(r"(?<=[^\W\d_]{3})(\d{1,2})(?=[.,;:)]|\s|$)")
# A footnote: its number, a space and a capital ("3 Khi khai thác khoáng sản phải ...").
_FOOTNOTE = re.compile(r"(\d{1,2}) [A-ZĐÀ-Ỹ]")


def without_footnotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop the page footnotes that PDF-to-text left among the paragraphs.

    A paragraph opening with a number the text uses as a footnote reference is a footnote,
    and so are the paragraphs after it up to the one that ends a sentence (a footnote
    broken by the page's layout). Kept, it would lengthen the list item above it.
    """
    refs: dict[str, int] = {}  # number -> where it is first referred to
    for ref in _FOOTNOTE_REF.finditer(text):
        refs.setdefault(ref.group(1), ref.start())
    if not refs:
        return spans
    kept: list[tuple[int, int]] = []
    inside = False
    for start, end in spans:
        line = text[start:end]
        note = _FOOTNOTE.match(line)
        if note and refs.get(note.group(1), end) < start:
            inside = True
        if not inside:
            kept.append((start, end))
        elif line.rstrip().endswith((".", "./.", ";", ")")):
            inside = False
    return kept


def parse(text: str) -> list[Node]:
    """Return the document's paragraphs as `Node`s, with list nesting, intros and headings.

    A plain paragraph right after a list item belongs to that item: it lengthens the
    item, or, when the item is only a label ("3. Sở Xây dựng"), it becomes its child.
    A heading or a closing paragraph ("Căn cứ nội dung chỉ đạo trên, ...") ends the list.
    """
    nodes: list[Node] = []
    stack: list[Node] = []  # open list items, outermost first
    previous_plain: Node | None = None
    heading: Node | None = None
    for start, end in without_footnotes(text, paragraphs(text)):
        line = text[start:end]
        marker = match_marker(line)
        body = line[marker[1]:] if marker else line
        node = Node(start, end, heading=heading)
        if is_heading(body):
            stack.clear()
            previous_plain = None  # an intro above a heading does not reach past it
        if marker and not (stack and is_note(line)):
            node.marker, node.marker_end = marker[0], start + marker[1]
            node.complete = line.rstrip().endswith((".", ";"))
            _attach(node, stack, previous_plain)
        elif stack and is_note(line):
            node.marker, node.marker_end = "body", start
            node.parent, node.level = stack[-1], stack[-1].level + 1
            stack[-1].children.append(node)
        elif stack and not is_heading(body) and not _closes_list(line) and not _is_address_list(text, stack[0]):
            owner = stack[-1]
            if is_title(text[owner.marker_end:owner.end]) or owner.children:
                node.marker, node.marker_end = "body", start
                node.parent, node.level = owner, owner.level + 1
                owner.children.append(node)
            else:
                # A plain paragraph after a full item: its own sentences, still under the
                # item's parent, so that they inherit what the item inherits — unless the
                # item's next sibling follows, which makes it part of the item (_join_followers).
                node.parent, node.intro, node.level = owner.parent, owner.intro, owner.level
                node.follows = owner
        else:
            stack.clear()
            previous_plain = node
        if is_heading(body):
            heading = node
        nodes.append(node)
    _join_followers(text, nodes)
    for node in nodes:
        if node.follows is not None and node.follows.parent is None:
            node.intro = None  # after a list's last item: outside the list, nothing to inherit from its intro
    return nodes


SUBJECT_REACH = 2  # a unit starting this close to a paragraph's start is its subject


def opens_with_unit(line: str) -> bool:
    """Tell whether a paragraph opens with a unit, its own subject ("Sở Xây dựng chủ trì ...")."""
    units = find_units(line[:200])
    return bool(units) and units[0].start <= SUBJECT_REACH


def _join_followers(text: str, nodes: list[Node]) -> None:
    """Make the paragraphs between an item and its next sibling part of the item.

    "1.1. Triển khai ... ." then two plain paragraphs then "1.2. ...": the paragraphs
    are 1.1's further sentences (ANNOTATION.md §2: an item runs up to the next item).
    After a list's last item nothing closes the item, so what follows stays apart.
    """
    pending: list[Node] = []
    for node in nodes:
        if node.follows is not None and opens_with_unit(text[node.start:node.end]):
            pending = []  # "Thanh tra tỉnh, Công an tỉnh ... tham mưu ...": a new subject, a task of its own
            continue
        if node.follows is not None and (not pending or pending[0].follows is node.follows):
            pending.append(node)
            continue
        owner = pending[0].follows if pending else None
        if owner is not None and node.marker == owner.marker and node.parent is owner.parent:
            for follower in pending:
                follower.marker, follower.marker_end, follower.level = "body", follower.start, owner.level + 1
                follower.parent, follower.intro, follower.follows = owner, None, None
                owner.children.append(follower)
        pending = [node] if node.follows is not None else []


@cache
def _quotation_patterns() -> tuple[tuple[re.Pattern[str], ...], ...]:
    data = json_data("structure_quotations.json")
    return tuple(tuple(re.compile(p) for p in data[key]) for key in ("citations", "notes", "self_references"))


def refers_to_itself(text: str) -> bool:
    """Tell whether a text is a provision speaking of itself ("quy định tại khoản 2 Điều này")."""
    return any(p.search(text) for p in _quotation_patterns()[2])


def is_note(line: str) -> bool:
    """Tell whether a paragraph is a note to the item above it ("* Lưu ý: ...")."""
    return any(p.match(line) for p in _quotation_patterns()[1])


def cites_provision(text: str) -> bool:
    """Tell whether a text cites a legal provision and opens its quotation ("Điều 59 ... quy định:")."""
    return any(p.search(text) for p in _quotation_patterns()[0])


def is_label(text: str) -> bool:
    """Tell whether an item's text is only a label (a unit's name or a topic), not a sentence."""
    stripped = text.strip()
    return len(stripped.split()) <= 12 and not stripped.endswith((".", ";", ":")) or stripped.endswith(":")


def is_title(text: str) -> bool:
    """Tell whether an item's text is a title or an intro, whose paragraphs belong under it."""
    stripped = text.strip()
    return bool(stripped) and (stripped[-1] not in ".;!?…" or stripped.endswith(":"))


@cache
def _closers() -> tuple[str, ...]:
    return tuple(row[0].lower() for row in tsv_rows("structure_closers.tsv"))


ADDRESS_BLOCKS = ("Kính gửi", "Nơi nhận")


def _is_address_list(text: str, root: Node) -> bool:
    """Tell whether a list is the letter's address block: the first plain paragraph ends it."""
    return root.intro is not None and text.startswith(ADDRESS_BLOCKS, root.intro.start)


def _closes_list(line: str) -> bool:
    return line.lower().startswith(_closers())


BULLETS = frozenset({"dash", "plus", "bullet"})


def _attach(node: Node, stack: list[Node], previous_plain: Node | None) -> None:
    kinds = [n.marker for n in stack]
    if node.marker in kinds:
        del stack[kinds.index(node.marker):]
    while node.marker not in BULLETS and stack and stack[-1].marker in BULLETS and stack[-1].complete:
        stack.pop()  # a numbered item ("1.6.") does not belong to a finished bullet sentence above it
    if stack:
        node.parent = stack[-1]
        stack[-1].children.append(node)
    else:
        node.intro = previous_plain
    node.level = len(stack)
    stack.append(node)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(row[0] for row in tsv_rows("structure_abbreviations.tsv"))


# A sentence ends at . ! ? before a capital; news text pasted from the web often lost the
# space ("An ninh.Về việc này"), so a lower-case letter, a period and a capitalized word also end one.
_SENTENCE_END = re.compile(
    r"[.!?…](?:[\"”’)])?(?=\s+[\"“(]?[A-ZĐÀ-Ỹ0-9])|(?<=[a-zà-ỹđ])[.!?](?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])"
)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] into sentences, returning their (start, end) offsets."""
    spans = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        word = text[max(start, m.start() - 6):m.start()].split()[-1:] if m.start() > start else []
        if word and word[0].rstrip(".") in _abbreviations():
            continue
        spans.append((begin, m.end()))
        begin = m.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        spans.append((begin, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]
