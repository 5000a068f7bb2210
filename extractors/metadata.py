"""Document metadata from the header: number, issuer, title, kind, date, recipients.

The date is the one deadlines resolve against (ANNOTATION.md §4): the issue date on the
dateline; where the dateline is blank (an unsigned draft) or absent (a news report),
the date of the meeting the text reports, its year taken from the dateline or the
publication line.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from extractors.dates import find_dateline, make_date, parse_vn_date
from extractors.hierarchy import addressed_upward
from extractors.resources import json_data

HEADER_CHARS = 2500

_NUMBER = re.compile(r"(?<!\w)Số\s*:?\s*((?:\d[\d\s.]*)?\s*/\s*[\wĐđ.&-]+(?:/[\wĐđ.&-]+)?|\d+[\w-]*)")
_NUMERIC_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])")
_VERBAL_DAY = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", re.IGNORECASE)
_BLANK_DATELINE = re.compile(r"ngày[\s.…_]*tháng[\s\d.…_/]*năm\s+(\d{4})", re.IGNORECASE)
_PUBLISHED = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")


@dataclass(slots=True)
class Metadata:
    number: str | None = None
    issuer: str | None = None
    title: str | None = None
    kind: str | None = None
    date: datetime.date | None = None
    issue_date: datetime.date | None = None
    meeting_date: datetime.date | None = None
    recipients: list[str] = field(default_factory=list)
    body_start: int = 0  # where the header ends
    upward: bool = False  # every addressee stands above the issuer: it recommends, it cannot assign


@cache
def _header_data() -> dict[str, Any]:
    data: dict[str, Any] = json_data("metadata_header.json")
    return data


def _has_upper_pair(text: str) -> bool:
    """Tell whether two upper-case words stand together ("BỘ NỘI VỤ"), as in an issuer's name."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return any(a.isupper() and b.isupper() and len(a) + len(b) >= 4 for a, b in zip(words, words[1:]))


def find_number(header: str) -> str | None:
    m = _NUMBER.search(header)
    return re.sub(r"\s+", "", m.group(1)) if m else None


def find_issuer(lines: list[str]) -> str | None:
    """Return the issuing body: the upper-case header lines before the number, motto removed."""
    parts = []
    for line in lines[:6]:
        if re.match(r"\s*Số\b", line) or _VERBAL_DAY.search(line):
            break
        for motto in _header_data()["motto"]:
            line = line.replace(motto, " ")
        upper = " ".join(w for w in line.split() if w.isupper() or not any(c.isalpha() for c in w))
        if upper.strip(" -–_*"):
            parts.append(upper.strip(" -–_*"))
    issuer = " ".join(parts).strip()
    return issuer or None


def find_title(lines: list[str]) -> tuple[str | None, str | None]:
    """Return the title (type word and subject) and the kind of document."""
    types: dict[str, str] = _header_data()["types"]
    for i, line in enumerate(lines[:25]):
        stripped = line.strip()
        kind = types.get(stripped) or _type_opening(stripped, types)
        if kind:
            subject = lines[i + 1].strip() if i + 1 < len(lines) else ""
            return (f"{stripped} {subject}".strip(), kind)
        if stripped.startswith(_header_data()["letter_subject"]):
            subject = stripped.split(_header_data()["recipient_cue"])[0].strip()
            return subject, "letter"
    first = next((ln.strip() for ln in lines if ln.strip()), None)
    return first, None


def _type_opening(line: str, types: dict[str, str]) -> str | None:
    """The kind of a title line that opens with a type word: "BIÊN BẢN KIỂM TRA", "THÔNG BÁO KẾT LUẬN"."""
    if not line.isupper():
        return None
    opening = next((t for t in sorted(types, key=len, reverse=True) if line.startswith(f"{t} ")), None)
    return types[opening] if opening else None


def find_recipients(text: str, header_end: int) -> list[str]:
    """Return the addressees after 'Kính gửi:' (inline, or one per '-' line)."""
    cue = _header_data()["recipient_cue"]
    at = text.find(cue, 0, header_end + 1500)
    if at < 0:
        return []
    rest = text[at + len(cue):].lstrip(" :")
    first_line, _, following = rest.partition("\n")
    items = [first_line] if first_line.strip() else []
    for line in following.split("\n"):
        if not line.lstrip().startswith(("-", "+", "•")):
            break
        items.append(line)
    names = [re.sub(r"^[\s\-+•]+|[\s;.,]+$", "", item) for item in items]
    return [n for n in names if n]


_DAY_WORD = re.compile(r"(?<!\w)(?:ngày|sáng|chiều|trưa|tối|hôm)(?!\w)", re.IGNORECASE)
MEETING_DATE_REACH = 30  # a meeting's date opens its sentence: "Chiều ngày 03/03, tại trụ sở Bộ, ..."


def _has_any(sentence: str, words: list[str]) -> bool:
    alternatives = "|".join(re.escape(w) for w in words)
    return re.search(rf"(?<!\w)(?:{alternatives})(?!\w)", sentence, re.IGNORECASE) is not None


def _meeting_date(text: str, year_hint: int | None) -> datetime.date | None:
    """Return the date of the meeting the text reports: the date opening a sentence about a meeting."""
    data = _header_data()
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text[:6000]):
        if not (_has_any(sentence, data["meeting_words"]) and _has_any(sentence, data["meeting_verbs"])):
            continue
        for pattern in (_VERBAL_DAY, _NUMERIC_DAY):
            m = pattern.search(sentence, 0, MEETING_DATE_REACH + 20)
            if not m or m.start() > MEETING_DATE_REACH or not _DAY_WORD.search(sentence[:m.start() + 5]):
                continue
            year = int(m.group(3)) if m.group(3) else year_hint
            found = make_date(year, int(m.group(2)), int(m.group(1))) if year else None
            if found:
                return found
    return None


def _publication_year(header: str) -> int | None:
    m = _PUBLISHED.search(header)
    return int(m.group(3)) if m else None


def read_metadata(text: str) -> Metadata:
    """Read a document's metadata from its (normalized) text."""
    header = text[:HEADER_CHARS]
    lines = header.split("\n")
    meta = Metadata(number=find_number(header[:800]), issuer=find_issuer(lines))
    if meta.issuer and not _has_upper_pair(meta.issuer):
        meta.issuer = None  # a news headline's stray capitals are not an issuing body
    meta.title, meta.kind = find_title(lines)
    dateline = find_dateline(header)
    if dateline:
        meta.issue_date, _, meta.body_start = dateline
    blank = _BLANK_DATELINE.search(header) if not dateline else None
    is_news = not dateline and not blank and not meta.number
    if meta.kind is None and is_news:
        meta.kind = "news"
    if meta.kind == "news":
        meta.body_start = max(meta.body_start, _headline_end(text))
    year_hint = (meta.issue_date.year if meta.issue_date else _dateline_year(header, dateline)
                 or (int(blank.group(1)) if blank else None) or (_publication_year(header) if is_news else None))
    meta.meeting_date = _meeting_date(text, year_hint)
    meta.date = meta.issue_date or meta.meeting_date or (_news_date(header, dateline) if is_news else None)
    meta.recipients = find_recipients(text, meta.body_start)
    meta.upward = addressed_upward(meta.issuer, meta.recipients, meta.kind)
    return meta


HEADLINE_MAX_CHARS = 200


def _headline_end(text: str) -> int:
    """Where a news item's headline ends (0 if it opens with none): a short first line with no
    closing stop. A headline names what the article is about ("Phó Thủ tướng yêu cầu xử lý
    nghiêm ..."); the directive itself is reported in the body, where it is the task."""
    first = text.lstrip("\n")
    line = first.split("\n", 1)[0].strip()
    if not line or len(line) > HEADLINE_MAX_CHARS or line[-1] in ".!?:;" or "\n" not in first:
        return 0
    return len(text) - len(first) + first.index("\n")


def _dateline_year(header: str, dateline: tuple[datetime.date | None, int, int] | None) -> int | None:
    if not dateline:
        return None
    m = re.search(r"năm\s+(\d{4})", header[dateline[1]:dateline[2]])
    return int(m.group(1)) if m else None


def _news_date(header: str, dateline: tuple[datetime.date | None, int, int] | None) -> datetime.date | None:
    """A news item without a meeting date is dated by its publication line."""
    if dateline:
        return None
    m = _PUBLISHED.search(header[:400])
    return parse_vn_date(m.group()) if m else None
