"""The grammar on real task spans, read from ../shared/corpus through the gold files' offsets.

Only gold file names and offsets live here; the sentences are read at test time, and the
expected deadline and recurrence are the gold file's own. Grouped by phenomenon.
"""

from __future__ import annotations

import datetime
import unicodedata
from pathlib import Path

import pytest

from chidao.corpus import GoldDocument, GoldTask, gold_files, load_gold, shared_root
from extractors.deadlines import DeadlineMention, EventDates, choose_deadline, find_deadlines, stated_event_dates

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SHARED = shared_root(Path(__file__).resolve().parent)

pytestmark = pytest.mark.skipif(SHARED is None, reason="the shared corpus (../shared beside the checkout) is not here")


def _span_text(doc: GoldDocument, task: GoldTask) -> str:
    """The task's span as the pipeline sees it: NFC, hard wraps and runs of spaces collapsed."""
    assert SHARED is not None
    raw = doc.load_text(SHARED)[task.start:task.end]
    return " ".join(unicodedata.normalize("NFC", raw).split())


def _doc_date(doc: GoldDocument) -> datetime.date | None:
    return datetime.date.fromisoformat(doc.date) if doc.date else None


def _events(doc: GoldDocument) -> EventDates:
    """Entry-into-force dates the whole document states, as a caller passes them."""
    assert SHARED is not None
    return stated_event_dates(" ".join(unicodedata.normalize("NFC", doc.load_text(SHARED)).split()))


def _chosen(doc: GoldDocument, task: GoldTask) -> DeadlineMention | None:
    return choose_deadline(find_deadlines(_span_text(doc, task), _doc_date(doc), _events(doc)))


def _task(stem: str, start: int) -> tuple[GoldDocument, GoldTask]:
    doc = load_gold(CORPUS / "gold" / f"{stem}.gold.json")
    return doc, next(t for t in doc.tasks if t.start == start)


# phenomenon: (gold file stem, task start)
REAL = {
    "quarter, year in words (trong quý III năm 2012)": ("CT-07-2012-TTg-chan-chinh-KKT-KCN-CCN", 1906),
    "target year with a completion verb, yearly (Hàng năm ... Đến năm 2015, hoàn thành)":
        ("CT-07-2012-TTg-chan-chinh-KKT-KCN-CCN", 3362),
    "'vào năm 2030' after a goal far back": ("CTr-104-CTr-TU-2026-Lao-Cai", 18036),
    "clause-final 'hằng năm' on the action": ("CTr-104-CTr-TU-2026-Lao-Cai", 21296),
    "as-of cut-off 'cập nhật đến hết ngày 31 tháng 12 hàng năm', '1 năm 1 lần'":
        ("CV-5141-SNNMT-KS-29-12-2025-thong-ke-ke-khai-bao-cao-san-luong", 12461),
    "yearly day 'trước ngày 15 tháng 02 của năm liền kề sau năm báo cáo'":
        ("CV-5141-SNNMT-KS-29-12-2025-thong-ke-ke-khai-bao-cao-san-luong", 15254),
    "full date in words, no document date (chậm nhất đến ngày 01 tháng 7 năm 2028)":
        ("CV-7432-UBND-XD-21-7-2026-trien-khai-QD-1074", 1463),
    "'trong quý II/2026'": ("CV-UBND-bao-ve-khoang-san-chua-khai-thac", 5781),
    "36 months from the law's entry into force, stated in the preamble":
        ("CV-SNNMT-8-2025-huong-dan-DN-thuc-hien-Luat-DCKS", 2973),
    "working days from the end of the meeting": ("bien-ban-lam-viec-lien-nganh-ccn", 10475),
    "'trong tháng 9 năm 2026'": ("cong-van-ubnd-tinh-chi-dao", 746),
    "an hour before the day (trước 15h00 ngày 15/6/2026)": ("giay-moi-hop-ubnd", 1568),
    "'trước thời điểm 30/4/2026'": ("hanoi_QD-2280-UBND-2026-thoat-nuoc", 13030),
    "'phục vụ mùa mưa 2026 và các năm tiếp theo' adds no recurrence": ("hanoi_QD-2280-UBND-2026-thoat-nuoc", 13251),
    "event-relative 'trước mùa mưa' has no date": ("hanoi_QD-2280-UBND-2026-thoat-nuoc", 5932),
    "clause-final 'hàng tháng' after a report": ("hanoi_QD-2280-UBND-2026-thoat-nuoc", 47589),
    "'Định kỳ ngày 20 hàng tháng', no document date": ("hanoi_QD-2280-UBND-2026-thoat-nuoc", 49531),
    "range end 'từ ngày ... đến hết ngày 14/5/2026'": ("hanoi_TB-453-UBND-2026-treo-co", 266),
    "'trước ngày 18 hằng tháng'": ("ke-hoach-thuc-hien-de-an-08", 15539),
    "two periods, the finer wins (Định kỳ 6 tháng, hàng năm)": ("ke-hoach-thuc-hien-de-an-08", 15791),
    "'phân loại cán bộ hàng năm' names a yearly review": ("ke-hoach-thuc-hien-de-an-08", 13779),
    "'phấn đấu ... mục tiêu ... vào năm 2050' is a target": ("KL-75-KL-TW-2026", 15875),
    "'Hằng năm, các cơ quan ...' opens a clause": ("QD-2200-QD-BNNMT-10-6-2026-ke-hoach-trien-khai-ND-180", 6612),
    "'trong tháng 2/2025' in a news report": ("news-2024-11-hanoi-cau-song-hong", 2052),
    "'trong tháng 03 này'": ("seed-000_0fa8513b4130e7a9", 9577),
    "'vào Báo cáo Giao ban hằng tháng' names the report": ("seed-000_0fa8513b4130e7a9", 1332),
    "'hoàn thành trước ngày 30/7/2026'": ("thong-bao-ket-luan-ubnd", 6710),
}


@pytest.mark.parametrize(("stem", "start"), REAL.values(), ids=REAL.keys())
def test_gold_span_deadline(stem: str, start: int) -> None:
    doc, task = _task(stem, start)
    chosen = _chosen(doc, task)
    got = (chosen.date.isoformat() if chosen and chosen.date else None, chosen.recurrence if chosen else None)
    assert got == (task.deadline, task.recurrence)


# Gold deadlines the grammar cannot reach from the span and the document date: a partial
# date in a draft whose header gives only month and year, a table row whose deadline cell
# is outside the span, a dayless quarterly report that the gold dates (other dayless
# recurrences in the gold have none).
_BEYOND_THE_SPAN = {
    ("CV-SNNMT-8-2025-huong-dan-DN-thuc-hien-Luat-DCKS", 18194),
    ("QD-2200-QD-BNNMT-10-6-2026-ke-hoach-trien-khai-ND-180", 8834),
    ("thong-bao-ket-luan-ubnd", 4368),
}


def _own_phrase(task: GoldTask, span: str) -> bool:
    """Whether the gold deadline phrase (if any) is written inside the span, not inherited."""
    if not task.deadline_text:
        return True
    return " ".join(unicodedata.normalize("NFC", task.deadline_text).split()).lower() in span.lower()


def test_grammar_agrees_with_every_gold_span_that_holds_its_own_phrase() -> None:
    """Over the whole corpus, the grammar alone gives each span's gold deadline and recurrence."""
    wrong = []
    for path in gold_files(CORPUS / "gold"):
        doc = load_gold(path)
        stem = path.name.removesuffix(".gold.json")
        for task in doc.tasks:
            if (stem, task.start) in _BEYOND_THE_SPAN or not _own_phrase(task, _span_text(doc, task)):
                continue
            chosen = _chosen(doc, task)
            got = (chosen.date.isoformat() if chosen and chosen.date else None, chosen.recurrence if chosen else None)
            if got != (task.deadline, task.recurrence):
                wrong.append((stem, task.start, got, (task.deadline, task.recurrence)))
    assert wrong == []
