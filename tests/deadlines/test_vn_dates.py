"""Low-level date pieces: full dates, the header dateline, working days, period ends."""

from __future__ import annotations

import datetime

import pytest

from extractors import dates

D = datetime.date


@pytest.mark.parametrize(("text", "expected"), [
    ("30/6/2023", D(2023, 6, 30)),
    ("30-6-2023", D(2023, 6, 30)),
    ("30.6.2023", D(2023, 6, 30)),
    ("ngày 30 tháng 6 năm 2023", D(2023, 6, 30)),
    ("ngày 30 tháng 06 năm 2023", D(2023, 6, 30)),
    ("Ngày  03  tháng  02  năm 2026", D(2026, 2, 3)),
    ("30 / 6 / 2023", D(2023, 6, 30)),
    ("31/2/2023", None),
    ("tháng 3/2023", None),
    ("quý II/2023", None),
    ("Nghị định số 180/2026/NĐ-CP", None),
])
def test_parse_vn_date(text: str, expected: D | None) -> None:
    assert dates.parse_vn_date(text) == expected


@pytest.mark.parametrize(("header", "expected", "place"), [
    ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/UBND-KT\tLào Cai, ngày 27 tháng 5 năm 2026\n", D(2026, 5, 27), "Lào Cai"),
    ("BỘ XÂY DỰNG Số: 8/QĐ-BXD Hà Nội, ngày   tháng 6 năm 2026\n", None, "Hà Nội"),
    ("Số: 77/TB-VP\tTP. Hồ Chí Minh, ngày 05 tháng 01 năm 2024", D(2024, 1, 5), "TP. Hồ Chí Minh"),
    ("Độc lập - Tự do - Hạnh phúc Quảng Ninh, ngày …… tháng 4 năm 2026", None, "Quảng Ninh"),
])
def test_find_dateline(header: str, expected: D | None, place: str) -> None:
    found = dates.find_dateline(header)
    assert found is not None
    when, start, end = found
    assert when == expected
    assert header[start:end].startswith(place) and header[start:end].endswith("2026" if "2026" in header else "2024")


def test_find_dateline_only_in_the_header() -> None:
    assert dates.find_dateline("Văn bản không có dòng ngày tháng.") is None
    far = "x" * (dates.DATELINE_WINDOW + 10) + " Hà Nội, ngày 02 tháng 3 năm 2026"
    assert dates.find_dateline(far) is None


@pytest.mark.parametrize(("start", "days", "expected"), [
    (D(2023, 3, 10), 10, D(2023, 3, 24)),  # Friday + 10 working days
    (D(2023, 3, 11), 1, D(2023, 3, 13)),  # Saturday → Monday
    (D(2026, 5, 26), 3, D(2026, 5, 29)),
    (D(2026, 5, 29), 0, D(2026, 5, 29)),
])
def test_add_working_days(start: D, days: int, expected: D) -> None:
    assert dates.add_working_days(start, days) == expected


def test_period_ends() -> None:
    assert dates.end_of_month(2024, 2) == D(2024, 2, 29)
    assert dates.end_of_quarter(2023, 2) == D(2023, 6, 30)
    assert dates.end_of_half(2023, 1) == D(2023, 6, 30)
    assert dates.end_of_half(2023, 2) == D(2023, 12, 31)
    assert dates.end_of_year(2023) == D(2023, 12, 31)
    assert dates.add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)


@pytest.mark.parametrize(("numeral", "value"), [("I", 1), ("II", 2), ("III", 3), ("IV", 4), ("iv", 4), ("2", 2), ("XII", 12)])
def test_roman_to_int(numeral: str, value: int) -> None:
    assert dates.roman_to_int(numeral) == value


def test_roman_to_int_rejects_words() -> None:
    with pytest.raises(ValueError):
        dates.roman_to_int("quý")
