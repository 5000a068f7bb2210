"""Turn positioned text segments of one page into reading-order paragraphs.

Both the PDF text layer (pypdfium2) and OCR (Tesseract) produce `Segment`s: runs of words on
one baseline with a box in points, origin top-left. This module groups them into lines, reads
two-column zones (the issuer/motto header, the recipients/signature footer) column by column,
drops page numbers, and joins hard-wrapped lines back into paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

# A gap wider than this between two runs on one line separates columns, not words (points).
COLUMN_GAP = 24.0
# Lines within this share of the page height from the top or bottom edge are margins.
MARGIN_SHARE = 0.08
# A new paragraph's first line is indented by more than this from the body's left edge.
INDENT = 12.0

LIST_MARKER = re.compile(
    r"^(\d+(\.\d+)*[.)]\s|[a-zđ][).]\s|[IVXLC]+[.)]\s|[-+•–—*]\s?|"
    r"Thứ (nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b|(Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là\s*[,:]|"
    r"Điều \d+|Chương [IVXLC\d]+|Mục \d+)"
)
PAGE_NUMBER = re.compile(r"^[-–—\s]*(Trang\s+)?\d{1,4}(\s*/\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)
_SENTENCE_END = (".", ";", ":", "!", "?", "./.")


@dataclass(slots=True)
class Segment:
    """A run of words on one baseline, with its box (points, origin top-left)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class Line:
    """Segments that share a baseline, left to right."""

    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def x0(self) -> float:
        return min(s.x0 for s in self.segments)

    @property
    def x1(self) -> float:
        return max(s.x1 for s in self.segments)

    @property
    def top(self) -> float:
        return min(s.top for s in self.segments)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segments)


@dataclass(slots=True)
class Paragraph:
    """One output paragraph: its text, block kind and box."""

    text: str
    kind: str
    bbox: tuple[float, float, float, float]
    lines: list[Line] = field(default_factory=list)
    footnote: bool = False


def group_lines(segments: list[Segment]) -> list[Line]:
    """Group segments whose vertical centres fall within one another's height into lines."""
    lines: list[Line] = []
    for seg in sorted(segments, key=lambda s: (s.top + s.bottom) / 2):
        centre = (seg.top + seg.bottom) / 2
        if lines:
            last = lines[-1]
            height = max(last.bottom - last.top, 1.0)
            last_centre = (last.top + last.bottom) / 2
            if abs(centre - last_centre) < height * 0.45:
                last.segments.append(seg)
                continue
        lines.append(Line([seg]))
    for line in lines:
        line.segments.sort(key=lambda s: s.x0)
    return lines


def drop_page_numbers(lines: list[Line], height: float) -> list[Line]:
    """Remove lines in the top or bottom margin that are only a page number."""
    def is_number(line: Line) -> bool:
        in_margin = line.bottom < height * MARGIN_SHARE * 1.5 or line.top > height * (1 - MARGIN_SHARE)
        return in_margin and bool(PAGE_NUMBER.match(line.text))
    return [line for line in lines if not is_number(line)]


def _column_split(line: Line, width: float) -> float | None:
    """Return the x of a column gap on this line near the page's middle, if it has one."""
    for left, right in zip(line.segments, line.segments[1:]):
        gap_mid = (left.x1 + right.x0) / 2
        if right.x0 - left.x1 >= COLUMN_GAP and 0.25 * width < gap_mid < 0.75 * width:
            return gap_mid
    return None


def _right_start(line: Line, split: float) -> float:
    """Return where the right column starts on a line split at `split`."""
    return min(s.x0 for s in line.segments if (s.x0 + s.x1) / 2 >= split)


def _one_side(line: Line, split: float) -> bool:
    return line.x1 <= split or line.x0 >= split


def _header_zone(lines: list[Line], width: float) -> tuple[int, int, float] | None:
    """Return the first page's header zone when its columns sit on lines of their own.

    Some PDFs put "ỦY BAN NHÂN DÂN" and "CỘNG HÒA ..." at slightly different heights, so no
    single line shows the column gap; the header is then the run of top lines that each keep
    to one side of the split, with both sides present.
    """
    split = next((s for ln in lines[:8] if (s := _column_split(ln, width)) is not None), width * 0.45)
    end = 0
    while end < len(lines) and (_one_side(lines[end], split) or _column_split(lines[end], width)):
        end += 1
    sides = {lines[k].x1 <= split for k in range(end) if _one_side(lines[k], split)}
    return (0, end, split) if end >= 2 and len(sides) == 2 else None


def _zones(lines: list[Line], width: float, first_page: bool = False) -> list[tuple[int, int, float]]:
    """Return (first, last+1, split x) of each run of lines read as two columns."""
    zones: list[tuple[int, int, float]] = []
    i = 0
    header = _header_zone(lines, width) if first_page else None
    if header:
        zones.append(header)
        i = header[1]
    while i < len(lines):
        split = _column_split(lines[i], width)
        if split is None:
            i += 1
            continue
        # A left-column line may run past the gap's middle ("- UB MTTQ VN TP và các đoàn thể
        # TP;" under "Nơi nhận:"): it still keeps to its side while it ends before the right
        # column's leftmost start, so the zone is not cut there.
        right_start = _right_start(lines[i], split)
        j = i + 1
        while j < len(lines):
            gap = lines[j].top - lines[j - 1].bottom
            height = max(lines[j - 1].bottom - lines[j - 1].top, 6.0)
            own = _column_split(lines[j], width)
            if own is not None:
                right_start = min(right_start, _right_start(lines[j], own))
            elif not (_one_side(lines[j], split) or lines[j].x1 < right_start):
                break
            if gap > 3 * height:
                break
            j += 1
        zones.append((i, j, split))
        i = j
    return zones


def _column_lines(lines: list[Line], split: float, left: bool) -> list[Line]:
    out = []
    for line in lines:
        segs = [s for s in line.segments if ((s.x0 + s.x1) / 2 < split) == left]
        if segs:
            out.append(Line(segs))
    return out


def starts_item(text: str) -> bool:
    """Return True when a line starts a list item or an article."""
    return bool(LIST_MARKER.match(text))


def _joins(prev: Line, nxt: Line, left: float, right: float) -> bool:
    """Return True when `nxt` continues the paragraph that `prev` is part of."""
    text = nxt.text
    if starts_item(text):
        return False
    if text[:1].islower():
        return True
    full_width = prev.x1 >= right - 0.1 * max(right - left, 1.0)
    if prev.text.rstrip().endswith((";", ",")) and full_width and nxt.x0 <= left + INDENT:
        return True  # "... UBND các xã, phường;" / "Hiệp hội Doanh nghiệp tỉnh; ...": a run-on list wrapped
    if prev.text.rstrip().endswith(_SENTENCE_END):
        return False
    if text[:1].isdigit():  # "trước ngày" / "30/6/2026.": a bare number continues the sentence
        return True
    return full_width and nxt.x0 <= left + INDENT


def _paragraphs(lines: list[Line], kind: str, left: float, right: float,
                lower_only: bool = False) -> list[Paragraph]:
    paras: list[Paragraph] = []
    for line in lines:
        if paras and (line.text[:1].islower() if lower_only else _joins(paras[-1].lines[-1], line, left, right)):
            if not starts_item(line.text):
                paras[-1].lines.append(line)
                continue
        paras.append(Paragraph("", kind, (0, 0, 0, 0), [line]))
    for para in paras:
        para.text = _join_text(para.lines)
        para.bbox = (min(ln.x0 for ln in para.lines), min(ln.top for ln in para.lines),
                     max(ln.x1 for ln in para.lines), max(ln.bottom for ln in para.lines))
        if kind == "text" and _is_heading(para, left, right):
            para.kind = "heading"
    return paras


def _join_text(lines: list[Line]) -> str:
    text = lines[0].text.strip()
    for line in lines[1:]:
        text = f"{text} {line.text.strip()}"
    return re.sub(r"[ \t]+", " ", text)


def _is_heading(para: Paragraph, left: float, right: float) -> bool:
    letters = [c for c in para.text if c.isalpha()]
    centred = para.bbox[0] > left + INDENT and para.bbox[2] < right - INDENT
    return len(letters) >= 2 and all(c.isupper() for c in letters) and centred


def body_edges(lines: list[Line], width: float) -> tuple[float, float]:
    """Return the body's left edge (most common line start) and right edge (wide lines' end)."""
    if not lines:
        return 0.0, width
    starts = sorted(round(line.x0) for line in lines)
    # the start shared (within 2 pt) by most lines; counted per whole point, as starts are rounded
    count = Counter(starts)
    near = {x: sum(count.get(x + d, 0) for d in range(-2, 3)) for x in count}
    left = float(max(set(starts), key=near.__getitem__))
    ends = sorted(line.x1 for line in lines)
    right = ends[int(len(ends) * 0.9)] if len(ends) > 1 else ends[0]
    return left, right


def page_paragraphs(lines: list[Line], width: float, first_page: bool) -> list[Paragraph]:
    """Return the paragraphs of one page in reading order.

    Two-column zones are read left column first, then right; the zone at the top of the
    first page is the document header, so its blocks are "header-left" / "header-right".
    """
    lines, notes = split_footnotes(lines)
    left, right = body_edges(lines, width)
    out: list[Paragraph] = []
    i = 0
    for start, end, split in _zones(lines, width, first_page):
        out += _paragraphs(lines[i:start], "text", left, right)
        header = first_page and start <= 1
        for is_left in (True, False):
            kind = ("header-left" if is_left else "header-right") if header else "text"
            column = _column_lines(lines[start:end], split, is_left)
            out += _paragraphs(column, kind, left, right, lower_only=True)
        i = end
    out += _paragraphs(lines[i:], "text", left, right)
    for para in _paragraphs(notes, "text", left, right):
        para.footnote = True
        out.append(para)
    return out


def split_footnotes(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Split off the footnotes: a run of small-type lines at the foot of the page.

    A footnote in the middle of the reading order would cut the sentence that runs on to
    the next page, so footnotes are read after the page's body.
    """
    if len(lines) < 6:
        return lines, []
    heights = sorted(ln.bottom - ln.top for ln in lines)
    body = heights[len(heights) // 2]
    cut = len(lines)
    while cut > 0 and lines[cut - 1].bottom - lines[cut - 1].top < 0.85 * body:
        cut -= 1
    # a footnote block starts with its number ("1 Luật ...") in small type
    if cut == len(lines) or cut < len(lines) // 2 or not re.match(r"^\d{1,2}\s?\S", lines[cut].text):
        return lines, []
    return lines[:cut], lines[cut:]


def continues(prev: Paragraph, nxt: Paragraph, left: float, right: float) -> bool:
    """Return True when the first paragraph of a page continues the last one of the page before."""
    if prev.kind != "text" or nxt.kind != "text" or prev.footnote:
        return False
    return _joins(prev.lines[-1], nxt.lines[0], left, right)
