"""extractors.hierarchy: levels of bodies, and letters sent upward (ANNOTATION.md §1)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chidao.records import Extraction
from extractors.hierarchy import addressed_upward, issuer_level, level_of


@pytest.mark.parametrize(("name", "level"), [
    ("Bộ Xây dựng", 0), ("Văn phòng Chính phủ", 0), ("Thủ tướng Chính phủ", 0), ("Các Bộ, ngành", 0),
    ("Ủy ban nhân dân tỉnh", 1), ("UBND tỉnh Lào Cai", 1), ("Tỉnh ủy Lào Cai", 1),
    ("Sở Tài chính", 2), ("Các sở, ban, ngành", 2), ("Công an tỉnh", 2), ("Bộ Chỉ huy quân sự tỉnh", None),
    ("UBND các xã, phường", 3), ("Công ty cổ phần Khai thác khoáng sản", None),
])
def test_level_of(name: str, level: int | None) -> None:
    assert level_of(name) == level


@pytest.mark.parametrize(("issuer", "level"), [
    ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", 1), ("UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG", 2), ("THỦ TƯỚNG CHÍNH PHỦ", 0),
    ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", 0), ("ĐẢNG BỘ TỈNH LÀO CAI ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH", 1),
])
def test_issuer_level_is_the_last_body_named(issuer: str, level: int) -> None:
    assert issuer_level(issuer) == level


@pytest.mark.parametrize(("issuer", "recipients", "upward"), [
    ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", ["Bộ Xây dựng"], True),
    ("UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG", ["Ủy ban nhân dân tỉnh"], True),
    ("UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG", ["Cục Hóa chất", "Sở Nội vụ"], False),  # not every addressee is above
    ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", ["Các sở, ban, ngành", "UBND các xã, phường"], False),
    ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", [], False),
    (None, ["Bộ Xây dựng"], False),
])
def test_addressed_upward(issuer: str | None, recipients: list[str], upward: bool) -> None:
    assert addressed_upward(issuer, recipients) is upward


@pytest.mark.parametrize(("kind", "upward"), [("report", True), ("proposal", True), ("letter", False), (None, False)])
def test_reports_and_proposals_go_upward(kind: str | None, upward: bool) -> None:
    assert addressed_upward("UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG", ["Sở Nội vụ"], kind) is upward


UPWARD_LETTER = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 12/UBND-KT
V/v kiến nghị tháo gỡ vướng mắc
Hà Giang, ngày 3 tháng 4 năm 2026
Kính gửi: Bộ Tài chính

Ủy ban nhân dân tỉnh Hà Giang kiến nghị Bộ Tài chính sớm ban hành hướng dẫn thanh toán vốn đầu tư trước ngày 30/6/2026.
Đề nghị Bộ Tài chính chỉ đạo Kho bạc Nhà nước phối hợp tháo gỡ vướng mắc.
"""  # own


def test_a_letter_sent_upward_has_no_tasks(run_extract: Callable[[str], Extraction]) -> None:
    assert run_extract(UPWARD_LETTER).tasks == []
    assert run_extract(UPWARD_LETTER, classifier=None).tasks == []


def test_the_same_requests_sent_down_are_tasks(run_extract: Callable[[str], Extraction]) -> None:
    """Rules alone, so that only the addressee differs from the upward letter."""
    down = UPWARD_LETTER.replace("Bộ Tài chính", "Sở Tài chính").replace("kiến nghị", "yêu cầu")
    assert len(run_extract(down, classifier=None).tasks) == 2
