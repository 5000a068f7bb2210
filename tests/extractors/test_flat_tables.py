"""extractors.flat_tables: plan tables flattened one cell per paragraph, read back into rows."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from chidao.evaluation import Span, match_spans, unit_key
from chidao.records import Extraction
from extractors.flat_tables import column_kind, find_flat_tables, is_group_label, is_person
from extractors.normalize import normalize
from extractors.structure import parse

REPO = Path(__file__).resolve().parents[2]

# own: a plan's table as a PDF-to-text tool leaves it: header cells, then per row its
# number, task, lead unit, official in charge and deadline, each its own paragraph.
PLAN = """KẾ HOẠCH
Triển khai công tác chuyển đổi số năm 2026

TT

Nhiệm vụ

Cơ quan chủ trì

Lãnh đạo phụ trách

Thời hạn

I Các nhiệm vụ trọng tâm trong năm 2026

1

Xây dựng cơ sở dữ liệu hộ tịch điện tử toàn tỉnh

Sở Tư pháp

Đồng chí Nguyễn Văn An - Phó Chủ tịch UBND tỉnh

Trước ngày 30/9/2026

2

Rà soát, chuẩn hóa quy trình giải quyết thủ tục hành chính trực tuyến

Văn phòng UBND tỉnh

Đồng chí Nguyễn Văn An - Phó Chủ tịch UBND tỉnh

Quý IV/2026

II Nhiệm vụ thực hiện đến năm 2030

3

Đầu tư nâng cấp trung tâm dữ liệu của tỉnh

Sở Khoa học và Công nghệ
"""


def rows(text: str):  # noqa: ANN201
    norm = normalize(text).text
    found = find_flat_tables(norm, parse(norm))
    return norm, [r for table, _ in found for r in table]


@pytest.mark.parametrize(("cell", "kind"), [
    ("TT", "number"), ("STT", "number"), ("Nhiệm vụ cụ thể", "task"), ("Nội dung hoạt động", "task"),
    ("Cơ quan, tổ chức đảng chủ trì", "lead"), ("Cơ quan phối hợp", "support"), ("Đơn vị thực hiện", "lead"),
    ("Cá nhân phụ trách chỉ đạo, kiểm tra, đôn đốc", "person"), ("Thời hạn thực hiện (*)", "deadline"),
    ("Thời gian hoàn thành", "deadline"), ("Sản phẩm", "product"), ("Ghi chú", "note"),
    ("Sở Tư pháp", None), ("Tổ chức hội nghị quán triệt Nghị quyết đến toàn thể cán bộ, đảng viên trong tỉnh", None),
])
def test_column_kind_of_header_cells(cell: str, kind: str | None) -> None:
    assert column_kind(cell) == kind


@pytest.mark.parametrize(("line", "expected"), [
    ("II.1 Hoàn thiện thể chế, chính sách, pháp luật", True), ("I Các nhiệm vụ cần làm ngay trong năm 2026", True),
    ("Rà soát, hoàn thiện hệ thống văn bản", False), ("Sở Tư pháp", False),
])
def test_group_rows(line: str, expected: bool) -> None:
    assert is_group_label(line) is expected


def test_person_cells() -> None:
    assert is_person("Đồng chí Phan Trung Bá - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh")
    assert not is_person("Đảng ủy Ủy ban nhân dân tỉnh")


def test_rows_carry_their_cells_by_column() -> None:
    norm, found = rows(PLAN)
    assert [norm[r.task.start:r.task.end] for r in found] == [
        "Xây dựng cơ sở dữ liệu hộ tịch điện tử toàn tỉnh",
        "Rà soát, chuẩn hóa quy trình giải quyết thủ tục hành chính trực tuyến",
        "Đầu tư nâng cấp trung tâm dữ liệu của tỉnh",
    ]
    first = found[0]
    assert first.cells == ["Sở Tư pháp", "Đồng chí Nguyễn Văn An - Phó Chủ tịch UBND tỉnh", "Trước ngày 30/9/2026"]
    assert first.kinds == ["lead", "person", "deadline"]
    assert [norm[g.start:g.end] for g in found[2].groups] == ["II Nhiệm vụ thực hiện đến năm 2030"]


def test_a_group_title_over_lettered_rows_is_not_a_row() -> None:  # own
    text = ("| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |\n| --- | --- | --- | --- |\n"
            "Thời gian thực hiện\n1\nTổ chức tuyên truyền, phổ biến Nghị định\na)\n"
            "Tổ chức hội nghị phổ biến Nghị định đến các địa phương.\nSở Tư pháp\nSở Nội vụ\nQuý III/2026\n")
    norm, found = rows(text)
    assert [norm[r.task.start:r.task.end] for r in found] == ["Tổ chức hội nghị phổ biến Nghị định đến các địa phương."]
    assert found[0].kinds == ["lead", "support", "deadline"]


def test_extracted_rows_get_units_and_deadlines(run_extract: Callable[[str], Extraction]) -> None:
    tasks = {t.text: t for t in run_extract("Hà Nội, ngày 10 tháng 6 năm 2026\n" + PLAN).tasks}
    first = tasks["Xây dựng cơ sở dữ liệu hộ tịch điện tử toàn tỉnh"]
    assert first.lead_units == ["Sở Tư pháp"] and first.deadline == "2026-09-30"
    second = tasks["Rà soát, chuẩn hóa quy trình giải quyết thủ tục hành chính trực tuyến"]
    assert second.lead_units == ["Văn phòng UBND tỉnh"] and second.deadline == "2026-12-31"
    third = tasks["Đầu tư nâng cấp trung tâm dữ liệu của tỉnh"]
    assert third.lead_units == ["Sở Khoa học và Công nghệ"] and third.deadline == "2030-12-31"


def test_real_flattened_task_table_rows(shared: Path, run_extract: Callable[[str], Extraction]) -> None:
    """CTr-104's Phụ lục 2, a PDF table flattened one cell a paragraph: its gold tasks are rows with their leads."""
    name = "CTr-104-CTr-TU-2026-Lao-Cai"
    text = (shared / "corpus" / "docs" / f"{name}.txt").read_text(encoding="utf-8")
    gold_doc = json.loads((REPO / "corpus" / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))
    table_start = text.index("PHỤ LỤC 2")
    gold = [t for t in gold_doc["tasks"] if t["start"] > table_start]
    norm = normalize(text)
    tasks = run_extract(text).tasks
    predicted = [Span(norm.to_source(t.start), norm.to_source(t.end - 1) + 1) for t in tasks]
    pairs = match_spans(text, predicted, [Span(t["start"], t["end"]) for t in gold])
    assert len(gold) >= 20 and len(pairs) >= len(gold) - 1
    same_lead = sum({unit_key(u) for u in tasks[i].lead_units} == {unit_key(u) for u in gold[j]["lead_units"]}
                    for i, j in pairs)
    assert same_lead >= 0.9 * len(pairs)
