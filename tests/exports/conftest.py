"""A real SQLite store holding the tasks of one notice, for the export and push tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from record_builders import make_extraction

from chidao.records import Extraction
from chidao.store import Store

TASKS = [
    (("Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Văn phòng UBND tỉnh hoàn thiện Kho dữ liệu "
      "dùng chung, hoàn thành trước ngày 30/6/2025."), ["Sở Khoa học và Công nghệ"],
     ["Văn phòng UBND tỉnh"], "2025-06-30", "trước ngày 30/6/2025", None),
    (("Yêu cầu Ủy ban nhân dân các huyện, thị xã, thành phố báo cáo về Sở Khoa học và Công nghệ "
      "trước ngày 20 hằng tháng."), ["Ủy ban nhân dân các huyện, thị xã, thành phố"], [],
     "2025-03-20", "trước ngày 20 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=20"),
    ("Các sở, ngành khẩn trương rà soát thủ tục hành chính.", ["các sở, ngành"], [], None,
     None, None),
]


def notice() -> tuple[Extraction, str]:
    return make_extraction(TASKS, body="Số: 27/TB-UBND\n", source="examples/thong-bao.txt")


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    s = Store(f"sqlite:///{tmp_path / 'feeds.db'}")
    extraction, sha = notice()
    s.save_extraction(extraction, sha)
    yield s
    s.close()
