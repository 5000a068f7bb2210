"""extractors.metadata: the document date over every real gold document, and header snippets of our own."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from extractors.metadata import read_metadata
from extractors.normalize import normalize

GOLD = Path(__file__).resolve().parents[2] / "corpus" / "gold"

# Real documents whose date the code gets wrong today, and why (checked against the gold date_note).
# Real documents whose date the code gets wrong, with why (checked against the gold date_note).
# Empty: the six blank-dateline letters that took a law's, a deadline's or an invitation's date
# as the meeting date were fixed in metadata.py while these tests were written.
DATE_XFAIL: dict[str, str] = {}


def _gold_rows() -> list:
    rows = []
    for path in sorted(GOLD.glob("*.gold.json")):
        stem = path.name.removesuffix(".gold.json")
        marks = [pytest.mark.xfail(strict=True, reason=DATE_XFAIL[stem])] if stem in DATE_XFAIL else []
        rows.append(pytest.param(path, id=stem, marks=marks))
    return rows


@pytest.mark.parametrize("gold_path", _gold_rows())
def test_document_date_matches_gold(gold_path: Path, shared: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    document = (shared / "corpus" / gold["document"]).resolve()
    if not document.exists():
        pytest.skip(f"{document} is not in the shared corpus")
    meta = read_metadata(normalize(document.read_text(encoding="utf-8")).text)
    assert (meta.date.isoformat() if meta.date else None) == gold["date"], gold.get("date_note")


def test_every_xfail_names_a_gold_file() -> None:
    missing = [name for name in DATE_XFAIL if not (GOLD / f"{name}.gold.json").exists()]
    assert not missing


def meta_of(text: str):  # noqa: ANN201
    return read_metadata(normalize(text).text)


HEADER_UBND = "ỦY BAN NHÂN DÂN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÀO CAI    Độc lập - Tự do - Hạnh phúc\n"

NUMBERS = [
    (HEADER_UBND + "Số: 4390 /UBND-NLN    Lào Cai, ngày 27 tháng 5 năm 2026\n", "4390/UBND-NLN", "own, form of CV-4390"),
    (HEADER_UBND + "Số: 125/TB-UBND    Lào Cai, ngày 12 tháng 3 năm 2026\n", "125/TB-UBND", "own"),
    (HEADER_UBND + "Số: 2280/QĐ-UBND    Lào Cai, ngày 29 tháng 4 năm 2026\n", "2280/QĐ-UBND", "own: Đ in the code"),
    (HEADER_UBND + "Số:          /UBND-XD    Lào Cai, ngày     tháng 7 năm 2026\n", "/UBND-XD", "own: unnumbered draft"),
    ("BỘ NỘI VỤ\nSố: 15/KH-BNV\nHà Nội, ngày 5 tháng 1 năm 2026\n", "15/KH-BNV", "own"),
]


@pytest.mark.parametrize(("text", "number", "source"), NUMBERS)
def test_number(text: str, number: str, source: str) -> None:
    assert meta_of(text).number == number


ISSUERS = [
    (HEADER_UBND + "Số: 88/UBND-XD    Lào Cai, ngày 2 tháng 6 năm 2026\n", "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "own: two-column header"),
    ("UBND TỈNH LÀO CAI    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG    Độc lập - Tự do - Hạnh phúc\n"
     "Số: 210/BC-SCT    Lào Cai, ngày 25 tháng 6 năm 2026\n", "UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG", "own: two-level issuer"),
    pytest.param("BỘ NỘI VỤ    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n    Độc lập - Tự do - Hạnh phúc\n"
                 "Số: 15/KH-BNV    Hà Nội, ngày 5 tháng 1 năm 2026\n", "BỘ NỘI VỤ", "own: a ministry"),
]


@pytest.mark.parametrize(("text", "issuer", "source"), ISSUERS)
def test_issuer(text: str, issuer: str, source: str) -> None:
    assert meta_of(text).issuer == issuer


DATELINE = "Số: 12/XX-UBND    Lào Cai, ngày 3 tháng 6 năm 2026\n"
TITLES = [
    ("THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số\n",
     "THÔNG BÁO Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số", "notice", "own"),
    ("KẾ HOẠCH\nTriển khai công tác cải cách hành chính năm 2026\n",
     "KẾ HOẠCH Triển khai công tác cải cách hành chính năm 2026", "plan", "own"),
    ("QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thoát nước đô thị\n",
     "QUYẾT ĐỊNH Về việc ban hành Kế hoạch thoát nước đô thị", "decision", "own"),
    ("V/v triển khai Nghị định số 180/2026/NĐ-CP\nKính gửi: Sở Tài chính\n",
     "V/v triển khai Nghị định số 180/2026/NĐ-CP", "letter", "own"),
    ("THÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Huyện ủy về chuyển đổi số\n",
     "THÔNG BÁO KẾT LUẬN của Ban Thường vụ Huyện ủy về chuyển đổi số", "notice", "own: type and subject on one line"),
    ("BIÊN BẢN KIỂM TRA\nĐiều kiện bảo đảm an toàn thực phẩm\n",
     "BIÊN BẢN KIỂM TRA Điều kiện bảo đảm an toàn thực phẩm", "minutes", "own"),
]


@pytest.mark.parametrize(("body", "title", "kind", "source"), TITLES)
def test_title_and_kind(body: str, title: str, kind: str, source: str) -> None:
    meta = meta_of(HEADER_UBND + DATELINE + body)
    assert (meta.title, meta.kind) == (title, kind)


RECIPIENTS = [
    ("Kính gửi: Sở Nông nghiệp và Môi trường\nĐề nghị Sở triển khai.\n", ["Sở Nông nghiệp và Môi trường"], "own: inline"),
    ("Kính gửi:\n- Sở Xây dựng;\n- Sở Tài chính;\n- Ủy ban nhân dân các xã, phường.\nĐề nghị các đơn vị rà soát.\n",
     ["Sở Xây dựng", "Sở Tài chính", "Ủy ban nhân dân các xã, phường"], "own: '-' lines"),
    ("Kính gửi: - Sở Công Thương;\n- Sở Tư pháp.\nLiên quan thủ tục huấn luyện.\n",
     ["Sở Công Thương", "Sở Tư pháp"], "own, layout of CV-UBND-KT_giao-SCT…txt (first on the cue line)"),
    ("Ủy ban nhân dân tỉnh yêu cầu các sở rà soát.\n", [], "own: no address block"),
]


@pytest.mark.parametrize(("body", "recipients", "source"), RECIPIENTS)
def test_recipients(body: str, recipients: list[str], source: str) -> None:
    meta = meta_of(HEADER_UBND + DATELINE + "V/v rà soát\n" + body)
    assert meta.recipients == recipients


BLANK_DATELINES = [
    ("ngày … tháng 6 năm 2026", "own: ellipsis"),
    ("ngày      tháng 6 năm 2026", "own: spaces"),
    ("ngày ..... tháng 6 năm 2026", "own: dots"),
]


@pytest.mark.parametrize(("dateline", "source"), BLANK_DATELINES)
def test_blank_dateline_takes_meeting_date(dateline: str, source: str) -> None:
    text = (HEADER_UBND + f"Số:     /TB-UBND    Lào Cai, {dateline}\nTHÔNG BÁO\nKết luận của Phó Chủ tịch UBND tỉnh\n"
            "Ngày 19 tháng 6 năm 2026, Phó Chủ tịch UBND tỉnh tổ chức cuộc họp về cụm công nghiệp.\n")
    meta = meta_of(text)
    assert meta.issue_date is None
    assert meta.meeting_date == meta.date == datetime.date(2026, 6, 19)


def test_issue_date_wins_over_meeting_date() -> None:  # own
    text = HEADER_UBND + DATELINE + "THÔNG BÁO\nKết luận\nNgày 1/6/2026, Chủ tịch UBND tỉnh chủ trì cuộc họp.\n"
    meta = meta_of(text)
    assert (meta.date, meta.meeting_date) == (datetime.date(2026, 6, 3), datetime.date(2026, 6, 1))


NEWS = [
    ("Thủ tướng chỉ đạo đẩy nhanh giải ngân vốn đầu tư công\n14/10/2025 09:30\n"
     "Ngày 13/10, Thủ tướng Chính phủ chủ trì cuộc họp về giải ngân vốn đầu tư công.\n", datetime.date(2025, 10, 13),
     "own: meeting day, year from the publication line"),
    ("Hà Nội đẩy mạnh chuyển đổi số\nCập nhật: 05/11/2025\nThành phố yêu cầu các sở hoàn thành số hóa hồ sơ trong tháng 12.\n",
     datetime.date(2025, 11, 5), "own: no meeting, publication date"),
    pytest.param("Thủ tướng chỉ đạo đẩy nhanh giải ngân vốn đầu tư công\n14/10/2025 09:30\n"
                 "Chiều 13/10, Thủ tướng Chính phủ chủ trì cuộc họp về giải ngân vốn đầu tư công.\n", datetime.date(2025, 10, 13),
                 "own: 'Chiều 13/10' (no 'ngày')"),
]


@pytest.mark.parametrize(("text", "date", "source"), NEWS)
def test_news_date(text: str, date: datetime.date, source: str) -> None:
    meta = meta_of(text)
    assert meta.kind == "news"
    assert meta.date == date


@pytest.mark.parametrize(("text", "body_starts_at"), [
    ("Thủ tướng yêu cầu hoàn thành giải phóng mặt bằng trước 30/6\n\nSáng 5/4, Thủ tướng chủ trì cuộc họp.\n",
     "\n\nSáng 5/4"),  # the headline is no candidate: its directive is reported in the body
    ("Sáng 5/4, Thủ tướng chủ trì cuộc họp về cao tốc. Thủ tướng yêu cầu các bộ khẩn trương thực hiện.\n",
     "Sáng 5/4"),  # no headline: a first sentence that closes with a full stop
])  # own texts
def test_a_news_headline_is_left_out_of_the_body(text: str, body_starts_at: str) -> None:
    meta = meta_of(text)
    assert meta.kind == "news"
    assert text[meta.body_start:].startswith(body_starts_at)
