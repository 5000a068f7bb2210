"""Low-level Vietnamese date pieces: full dates, the header dateline, period ends, working days.

Kept free of the deadline grammar so the document-metadata code can reuse it.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable

_SEP = r"\s*[/.\-]\s*"
# "30/6/2023", "30-6-2023", "30.6.2023", "30 / 6 / 2023"; digits must not touch other digits.
_NUMERIC = re.compile(rf"(?<![\d/.\-])(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})(?!\d)")
# "ngày 30 tháng 6 năm 2023", "ngày 30 tháng 06, năm 2023".
_WORDS = re.compile(
    r"(?:ngày\s*)?(\d{1,2})\s+tháng\s*(\d{1,2})\s*,?\s*năm\s*(\d{4})(?!\d)", re.IGNORECASE
)
# "Lào Cai, ngày 27 tháng 5 năm 2026"; the day may be left blank in an unsigned draft.
_UPPER = "".join(ch for ch in map(chr, range(0x41, 0x1EFA)) if ch.isupper() and ch.isalpha())
_PLACE_WORD = rf"[{_UPPER}][^\W\d_]*\.?"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,4}})[ \t]*,[ \t]*"
    r"ngày[\s.…_]*(?P<d>\d{1,2})?[\s.…_]*tháng\s*(?P<m>\d{1,2})\s*,?\s*năm\s*(?P<y>\d{4})"
)
DATELINE_WINDOW = 2000  # the dateline sits in the header, before the first heading or greeting
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def make_date(year: int, month: int, day: int) -> datetime.date | None:
    """Return the date, or None when the numbers name no real day (31/2, 0/13)."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_vn_date(text: str) -> datetime.date | None:
    """Return the full date a string states ("30/6/2023", "ngày 30 tháng 06 năm 2023"), else None."""
    for pattern in (_NUMERIC, _WORDS):
        found = pattern.search(text)
        if found:
            day, month, year = (int(g) for g in found.groups())
            return make_date(year, month, day)
    return None


def match_vn_date(text: str, pos: int) -> tuple[datetime.date | None, int] | None:
    """Match a full date starting exactly at `pos`; return (date or None if impossible, end)."""
    for pattern in (_NUMERIC, _WORDS):
        found = pattern.match(text, pos)
        if found:
            day, month, year = (int(g) for g in found.groups())
            return make_date(year, month, day), found.end()
    return None


def find_dateline(text: str) -> tuple[datetime.date | None, int, int] | None:
    """Find "<Place>, ngày D tháng M năm Y" in a document header.

    Returns:
        (date, start, end) with offsets into `text`; date is None when the day is left
        blank ("Hà Nội, ngày   tháng 6 năm 2026") or the numbers are impossible.
        None when the first `DATELINE_WINDOW` characters hold no dateline.
    """
    found = _DATELINE.search(text, 0, DATELINE_WINDOW)
    if not found:
        return None
    day = found.group("d")
    when = make_date(int(found["y"]), int(found["m"]), int(day)) if day else None
    return when, _place_start(found), found.end()


def _place_start(found: re.Match[str]) -> int:
    """Skip a document-number tail run into the place ("TTg\tHà Nội" → "Hà Nội")."""
    start, place = found.start("place"), found["place"]
    words = place.split()
    while len(words) > 1 and words[0].isupper() and len(words[0]) > 1 and not words[0].endswith("."):
        start = found.start("place") + place.index(words[1], start - found.start("place") + len(words[0]))
        words = words[1:]
    return start


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """Return the date `days` working days after `start`, skipping Saturdays and Sundays."""
    current = start
    remaining = days
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def add_months(start: datetime.date, months: int) -> datetime.date:
    """Return `start` moved by whole months, clamped to the month's last day (31/1 + 1 → 28/2)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def end_of_month(year: int, month: int) -> datetime.date:
    """Return the last day of the month."""
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def end_of_quarter(year: int, quarter: int) -> datetime.date:
    """Return the last day of quarter 1–4."""
    return end_of_month(year, 3 * quarter)


def end_of_half(year: int, half: int) -> datetime.date:
    """Return the last day of half-year 1 (30/6) or 2 (31/12)."""
    return end_of_month(year, 6 * half)


def end_of_year(year: int) -> datetime.date:
    """Return 31 December of the year."""
    return datetime.date(year, 12, 31)


def roman_to_int(numeral: str) -> int:
    """Return the value of a Roman numeral ("IV" → 4) or of plain digits ("2" → 2).

    Raises:
        ValueError: when the string is neither digits nor a Roman numeral.
    """
    text = numeral.strip().upper()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _ROMAN for ch in text):
        raise ValueError(f"not a Roman numeral: {numeral!r}")
    values = [_ROMAN[ch] for ch in text]
    return sum(-v if v < nxt else v for v, nxt in zip(values, values[1:] + [0]))


def next_day_on_or_after(ref: datetime.date, month: int, day: int) -> datetime.date | None:
    """Return the first `day/month` on or after `ref` ("trước 15/12" with no year); None if never."""
    for year in range(ref.year, ref.year + 9):  # 29/2 may be up to 8 years away
        when = make_date(year, month, day)
        if when and when >= ref:
            return when
    return None


def next_month_day_after(ref: datetime.date, day: int) -> datetime.date | None:
    """Return the first `day` of a month strictly after `ref` ("ngày 20 hằng tháng")."""
    for step in range(14):
        first = add_months(ref.replace(day=1), step)
        when = make_date(first.year, first.month, day)
        if when and when > ref:
            return when
    return None


def period_end_on_or_after(ref: datetime.date, end: Callable[[int], datetime.date]) -> datetime.date:
    """Return `end(year)` for the reference year, or the next year when that end has passed."""
    return end(ref.year) if end(ref.year) >= ref else end(ref.year + 1)


def quarter_of(when: datetime.date) -> int:
    """Return the quarter 1–4 that holds the date."""
    return (when.month - 1) // 3 + 1


def next_day_in_months_after(ref: datetime.date, months: tuple[int, ...], day: int) -> datetime.date | None:
    """Return the first `day` of one of `months` strictly after `ref` ("ngày 25 tháng cuối quý")."""
    for step in range(1, 14):
        first = add_months(ref.replace(day=1), step - 1)
        when = make_date(first.year, first.month, day) if first.month in months else None
        if when and when > ref:
            return when
    return None
