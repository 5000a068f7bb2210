"""Normalize a document's text before extraction, keeping a map back to the source.

Steps: Unicode NFC; invisible and odd space characters; one tone-mark placement
(hòa, thủy); running page numbers dropped; hard-wrapped lines joined back into
paragraphs. Every character of the result knows the source offset it came from, so a
task found in the normalized text can still point to its page in the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from extractors.resources import tsv_rows

MAX_CHARS = 5_000_000  # one document; larger inputs are refused by `extract` with a clear error


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Normalized text and, for each of its characters, the offset in the source text."""

    text: str
    source_offsets: list[int]

    def to_source(self, offset: int) -> int:
        """Return the source offset of normalized offset `offset` (end offsets allowed)."""
        if offset >= len(self.source_offsets):
            return self.source_offsets[-1] + 1 if self.source_offsets else 0
        return self.source_offsets[offset]


Mapped = tuple[str, list[int]]

_COMBINING = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_CLUSTER = re.compile(f"[^{_COMBINING}][{_COMBINING}]+")
_MARKER = re.compile(
    r"^\s*(?:(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s|[-+•–*]\s|Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b|Điều\s+\d+)",
    re.IGNORECASE,
)
_PAGE_NUMBER_LINE = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")
_COLUMN_GAP = re.compile(r"\S {3,}\S")
_TERMINAL = ".;:!?…\"”)"


def _sub_mapped(pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], mapped: Mapped) -> Mapped:
    """Apply `pattern.sub(repl)` while carrying each character's source offset along."""
    text, offsets = mapped
    out: list[str] = []
    out_offsets: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(text[last:match.start()])
        out_offsets.extend(offsets[last:match.start()])
        new = repl(match)
        out.append(new)
        if len(new) == match.end() - match.start():
            out_offsets.extend(offsets[match.start():match.end()])
        else:
            out_offsets.extend([offsets[match.start()]] * len(new))
        last = match.end()
    if last == 0:
        return mapped
    out.append(text[last:])
    out_offsets.extend(offsets[last:])
    return "".join(out), out_offsets


@cache
def _invisible_table() -> dict[str, str]:
    table = {}
    for code, replacement, *_ in tsv_rows("normalize_invisible.tsv"):
        char = chr(int(code[2:], 16))
        table[char] = chr(int(replacement[2:], 16)) if replacement else ""
    return table


@cache
def _tone_table() -> dict[str, str]:
    table = {}
    for old, new in tsv_rows("normalize_tone_marks.tsv"):
        table[old] = new
        table[old.upper()] = new.upper()
        table[old[0].upper() + old[1:]] = new[0].upper() + new[1:]
    return table


@cache
def _tone_pattern() -> re.Pattern[str]:
    # "uy" after q is "qu"+"y" (quý): leave it. A following letter means a final consonant.
    alternatives = "|".join(sorted(_tone_table(), key=len, reverse=True))
    return re.compile(f"(?<![qQ])(?:{alternatives})(?![^\\W\\d_])")


@cache
def _invisible_pattern() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in _invisible_table()) + "]")


def to_nfc(mapped: Mapped) -> Mapped:
    if unicodedata.is_normalized("NFC", mapped[0]):
        return mapped
    return _sub_mapped(_CLUSTER, lambda m: unicodedata.normalize("NFC", m.group()), mapped)


def strip_invisible(mapped: Mapped) -> Mapped:
    table = _invisible_table()
    return _sub_mapped(_invisible_pattern(), lambda m: table[m.group()], mapped)


def place_tone_marks(mapped: Mapped) -> Mapped:
    table = _tone_table()
    return _sub_mapped(_tone_pattern(), lambda m: table[m.group()], mapped)


def _is_wrapped(lines: list[str]) -> bool:
    """Tell whether the text was hard-wrapped at a fixed width (text out of a PDF)."""
    long_lines = [ln for ln in lines if len(ln.strip()) >= 50]
    if len(long_lines) < 5:
        return False
    unterminated = sum(1 for ln in long_lines if ln.rstrip()[-1] not in _TERMINAL)
    return unterminated / len(long_lines) > 0.4


def _is_heading(line: str) -> bool:
    """Tell whether a line is an upper-case heading; a reference ("36/2025/TT-BNNMT.") is not."""
    letters = [c for c in line if c.isalpha()]
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    return len(letters) >= 3 and len(words) >= 2 and all(c.isupper() for c in letters)


@cache
def _dangling_words() -> frozenset[str]:
    return frozenset(row[0] for row in tsv_rows("normalize_dangling.tsv"))


def _dangles(line: str) -> bool:
    """Tell whether a line stops on a word no sentence ends with ("... quy định tại")."""
    words = line.split()
    return bool(words) and words[-1] in _dangling_words()


def _joins(current: str, following: str, wrapped: bool) -> bool:
    """Tell whether `following` continues the paragraph that `current` ends."""
    if not current or not following or _is_heading(current):
        return False
    if wrapped and _dangles(current) and not following.startswith("|"):
        return True
    if _MARKER.match(following):
        return False
    if following.startswith("|") or current.endswith("|"):
        return False  # a table row stays one line
    if following[0].islower():
        return True
    return wrapped and current[-1] not in _TERMINAL and not _is_heading(following)


_PIPE_ROW_BARS = 2


def join_lines(mapped: Mapped) -> Mapped:
    """Join hard-wrapped lines into paragraphs, one per line; collapse spaces; drop page numbers."""
    text, offsets = mapped
    raw_lines: list[tuple[str, list[int], int]] = []  # line, its offsets, source offset of the break before it
    pos = 0
    for line in text.split("\n"):
        before = offsets[pos - 1] if pos else 0
        raw_lines.append((line, offsets[pos:pos + len(line)], before))
        pos += len(line) + 1
    # A run of 3+ spaces inside a line is a column gap (the two-column header of an
    # official letter): such lines stay lines, or issuer and motto would run together.
    # So do the rows of a table written with "|" between its cells: a row wrapped into the
    # next would run one task into the next row's number and units.
    columnar = [bool(_COLUMN_GAP.search(line.strip(" "))) or line.count("|") >= _PIPE_ROW_BARS
                for line, _, _ in raw_lines]
    lines = [(*_collapse_spaces(line, offs), before) for line, offs, before in raw_lines]
    wrapped = _is_wrapped([line for line, _, _ in lines])
    layout = _wrap_layout([line for line, _, _ in raw_lines]) if wrapped else None
    out: list[str] = []
    out_offsets: list[int] = []
    previous, previous_columnar, cell_table = "", False, False
    for k, ((line, offs, before), is_columnar) in enumerate(zip(lines, columnar)):
        # Under a "| TT | Nhiệm vụ | ..." header whose rows follow one cell a line, every
        # line is a cell: joining them would run a task into its units and deadline, and a
        # number alone on a line numbers a row rather than a page.
        cell_table = _opens_cell_table(lines, k) or (cell_table and not line.startswith("|") and not _is_heading(line))
        if k > 0 and _PAGE_NUMBER_LINE.match(line) and not cell_table:
            continue
        if not line and _bridges_blank(previous, lines[k + 1][0] if k + 1 < len(lines) else "") and not cell_table:
            continue
        if out:
            joined = not (is_columnar or previous_columnar or cell_table) and (
                _joins(previous, line, wrapped) or _list_wraps(raw_lines, k, layout))
            out.append(" " if joined else "\n")
            out_offsets.append(before)
        out.append(line)
        out_offsets.extend(offs)
        previous, previous_columnar = line, is_columnar
    return "".join(out), out_offsets


def _wrap_layout(raw: list[str]) -> tuple[int, int]:
    """Return the wrap width (90th percentile of line lengths) and the usual indent of wrapped text."""
    filled = sorted(len(line.rstrip()) for line in raw if line.strip())
    indents = sorted(len(line) - len(line.lstrip(" ")) for line in raw if line.strip())
    return filled[int(0.9 * (len(filled) - 1))], indents[len(indents) // 2]


def _list_wraps(raw: list[tuple[str, list[int], int]], k: int, layout: tuple[int, int] | None) -> bool:
    """Tell whether a line ending in ';' or ',' was wrapped inside a run-on list of names.

    "... đề nghị Công an tỉnh; Đài Khí tượng Thủy văn tỉnh; UBND các xã, phường;" /
    "Hiệp hội Doanh nghiệp tỉnh; ...": the line before fills the width and the next one is
    not indented as a new paragraph is, so the break is the wrap, not the end of a list item.
    """
    if layout is None or k == 0:
        return False
    width, indent = layout
    current, following = raw[k - 1][0], raw[k][0]
    if not current.rstrip().endswith((";", ",")) or not following.strip() or _MARKER.match(following.strip()):
        return False
    return len(current.rstrip()) >= 0.85 * width and len(following) - len(following.lstrip(" ")) <= indent


def _bridges_blank(previous: str, following: str) -> bool:
    """Tell whether a blank line only splits a phrase ("... tuyên truyền, giáo" / "dục nâng cao ...").

    A Vietnamese sentence never opens in lower case, so a paragraph that does continues the
    unterminated one above it: PDF extraction put a paragraph break inside a wrapped line.
    """
    return (bool(previous) and bool(following) and following[0].islower() and previous[-1] not in _TERMINAL
            and not previous.endswith(":") and not _MARKER.match(following))


def _opens_cell_table(lines: list[tuple[str, list[int], int]], k: int) -> bool:
    return (k >= 2 and not lines[k][0].startswith("|") and lines[k - 2][0].startswith("|")
            and set(lines[k - 1][0]) <= set("|-: ") and "-" in lines[k - 1][0])


def _collapse_spaces(line: str, offsets: list[int]) -> tuple[str, list[int]]:
    stripped = line.strip(" ")
    begin = len(line) - len(line.lstrip(" "))
    offs = offsets[begin:begin + len(stripped)]
    if "  " not in stripped:
        return stripped, offs
    return _sub_mapped(re.compile(r" {2,}"), lambda m: " ", (stripped, offs))


def normalize(text: str) -> NormalizedText:
    """Return `text` normalized for extraction, with its map back to source offsets."""
    mapped: Mapped = (text, list(range(len(text))))
    for step in (to_nfc, strip_invisible, place_tone_marks, join_lines):
        mapped = step(mapped)
    return NormalizedText(mapped[0], mapped[1])
