"""The grammar on real documents from ../shared/corpus/docs, found by short anchor phrases.

Only the anchors live here; the sentences are read from the corpus at test time.
"""

from __future__ import annotations

import datetime
import unicodedata
from pathlib import Path

import pytest

from extractors.deadlines import choose_deadline, find_deadlines

DOCS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "docs"
D = datetime.date

pytestmark = pytest.mark.skipif(not DOCS.is_dir(), reason=f"real corpus not found at {DOCS} (../shared/corpus/docs)")


def sentence_at(name: str, anchor: str) -> str:
    """Return the text from the anchor to the end of its sentence (next '.' or ';')."""
    text = unicodedata.normalize("NFC", (DOCS / name).read_text(encoding="utf-8"))
    start = text.find(anchor)
    assert start >= 0, f"{name}: anchor {anchor!r} not found"
    ends = [i for i in (text.find(".", start + len(anchor)), text.find(";", start + len(anchor))) if i > 0]
    return text[start:min(ends) + 1 if ends else len(text)]


# (file, anchor, document date, expected due date, recurrence)
REAL = [
    ("CT-07-2012-TTg-chan-chinh-KKT-KCN-CCN.txt", "trình Chính phủ xem xét, quyết định trong quý", D(2012, 3, 2), D(2012, 9, 30), None),
    ("CV-UBND-KT_giao-SCT-tham-muu-uy-quyen_truoc-15.9.2025.txt", "quyết định trước ngày", D(2025, 9, 1), D(2025, 9, 15), None),
    ("CV-UBND-bao-ve-khoang-san-chua-khai-thac.txt", "bằng tàu cuốc xong", D(2026, 4, 1), D(2026, 6, 30), None),
    ("QD-1074-QD-BXD-29-6-2026.txt", "hoàn thành chậm nhất", D(2026, 6, 29), D(2028, 7, 1), None),
    ("QD-2170-2026-CTDT-KCN-Ban-Qua.txt", "Tiến độ thực hiện dự án", D(2026, 5, 1), D(2027, 12, 31), None),
    ("bien-ban-lam-viec-lien-nganh-ccn.txt", "trong thời hạn 03 ngày", D(2026, 5, 26), D(2026, 5, 29), None),
    ("cong-van-vp-ubnd-truyen-dat.txt", "gửi về UBND tỉnh trước", D(2026, 6, 1), D(2026, 6, 12), None),
    ("thong-bao-ket-luan-ubnd.txt", "hoàn thành trước ngày 31", D(2026, 6, 1), D(2026, 12, 31), None),
    ("ke-hoach-thuc-hien-de-an-08.txt", "Phòng Kế hoạch - Tổng hợp trước", D(2026, 4, 1), D(2026, 4, 18), "FREQ=MONTHLY;BYMONTHDAY=18"),
    ("hanoi_QD-2280-UBND-2026-thoat-nuoc.txt", "Định kỳ ngày 20", D(2026, 4, 29), D(2026, 5, 20), "FREQ=MONTHLY;BYMONTHDAY=20"),
    ("hanoi_TB-453-UBND-2026-treo-co.txt", "treo cờ Tổ quốc từ ngày", D(2026, 4, 29), D(2026, 5, 14), None),
    ("CV-5141-SNNMT-KS-29-12-2025-thong-ke-ke-khai-bao-cao-san-luong.txt", "Được lập và nộp trước ngày", D(2025, 12, 29), D(2026, 2, 15), "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=15"),
    ("news-2024-11-hanoi-cau-song-hong.txt", "báo cáo UBND Thành phố trong tháng 2", D(2024, 12, 1), D(2025, 2, 28), None),
]


@pytest.mark.parametrize(("name", "anchor", "doc", "due", "rule"), REAL, ids=[r[1][:30] for r in REAL])
def test_real_deadlines(name: str, anchor: str, doc: D, due: D, rule: str | None) -> None:
    chosen = choose_deadline(find_deadlines(sentence_at(name, anchor), doc))
    assert chosen is not None
    assert (chosen.date, chosen.recurrence) == (due, rule)


# Sentences of real documents that hold dates but no deadline.
REAL_NEGATIVE = [
    ("cong-van-ubnd-tinh-chi-dao.txt", "Xét đề nghị của Sở Công Thương tại Báo cáo số", D(2026, 6, 20)),
    ("QD-2200-QD-BNNMT-10-6-2026-ke-hoach-trien-khai-ND-180.txt", "Nghị định số 180/2026/NĐ-CP", D(2026, 6, 10)),
    ("CV-3686-UBND-XD-kien-nghi-BXD-PCCC-VLNCN.txt", "ban hành văn bản hướng dẫn trước ngày", D(2026, 5, 15)),
    ("chinhphu_TT-21-2026-TT-BCT_p1.txt", "có hiệu lực thi hành kể từ ngày", D(2026, 4, 28)),
]


@pytest.mark.parametrize(("name", "anchor", "doc"), REAL_NEGATIVE, ids=[r[1][:30] for r in REAL_NEGATIVE])
def test_real_dates_that_are_not_deadlines(name: str, anchor: str, doc: D) -> None:
    dated = [m for m in find_deadlines(sentence_at(name, anchor), doc) if m.date is not None]
    assert dated == []


def test_every_document_is_scanned_without_error() -> None:
    for path in sorted(DOCS.glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        for mention in find_deadlines(text, None):
            assert text[mention.start:mention.end] == mention.text, path.name
