"""Fixtures for the flow tests: Prefect's test harness, and folders of documents we wrote."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

UNITS = ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Xây dựng",
         "Sở Công Thương", "Sở Tư pháp", "Ban Quản lý các khu công nghiệp"]
WORKS = ["rà soát, cập nhật cơ sở dữ liệu cán bộ, công chức",
         "xây dựng kế hoạch cải cách hành chính năm 2026",
         "kiểm tra an toàn thực phẩm tại các bếp ăn tập thể",
         "tổng hợp số liệu giải ngân vốn đầu tư công"]


def notice(number: int) -> str:
    """Return a short thông báo kết luận, different for every number (so no two are one file)."""
    lead, support = UNITS[number % len(UNITS)], UNITS[(number + 3) % len(UNITS)]
    work, other = WORKS[number % len(WORKS)], WORKS[(number + 1) % len(WORKS)]
    day = 1 + number % 28
    return (
        "ỦY BAN NHÂN DÂN TỈNH AN HÒA\n\n"
        f"Số: {100 + number}/TB-UBND          An Hòa, ngày {day:02d} tháng 9 năm 2025\n\n"
        "THÔNG BÁO\nKết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp giao ban\n\n"
        "Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:\n\n"
        f"1. Giao {lead} chủ trì, phối hợp với {support} {work}, hoàn thành trước ngày 30/11/2025.\n\n"
        f"2. Giao {support} {other}, báo cáo Ủy ban nhân dân tỉnh trong tháng 12/2025.\n\n"
        "Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.\n"
    )


def write_notices(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"thong-bao-{n:04d}.txt"
        path.write_text(notice(n), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def notices_in():  # type: ignore[no-untyped-def]
    """Return `write_notices`, for tests that need a folder of many documents."""
    return write_notices


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect server for every in-process flow test of this session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def mixed_folder(tmp_path) -> Path:  # type: ignore[no-untyped-def]
    """Three good notices, one duplicate, and three files that cannot be read."""
    folder = tmp_path / "van-ban"
    good = write_notices(folder, 3)
    (folder / "ban-sao.txt").write_bytes(good[0].read_bytes())
    (folder / "rong.txt").write_bytes(b"")
    (folder / "hong.pdf").write_bytes(b"%PDF-1.7\nkhong phai PDF that\n")
    (folder / "nen.docx").write_bytes(b"PK\x03\x04 not a zip at all")
    (folder / ".an.txt").write_text("tệp ẩn không được nhập", encoding="utf-8")
    return folder
