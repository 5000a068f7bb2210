"""extractors.structure: list markers, nesting by first use, title items, sentence splitting."""

from __future__ import annotations

import pytest

from extractors.structure import match_marker, parse, sentences

MARKERS = [
    ("I. NHIỆM VỤ TRỌNG TÂM", "roman", "own"),
    ("II) Tổ chức thực hiện", "roman", "own"),
    ("1. Sở Tài chính chủ trì", "arabic", "own"),
    ("3) Sở Xây dựng", "arabic", "own"),
    ("1.1. Rà soát quy hoạch", "arabic2", "own"),
    ("2.3.1. Lập danh mục", "arabic3", "own"),
    ("a) Sở Nội vụ", "alpha", "own"),
    ("đ) Ủy ban nhân dân các xã", "alpha", "own"),
    ("(2). Tổ chức kiểm tra", "paren", "own"),
    ("(3) Báo cáo kết quả", "paren", "own"),
    ("- Sở Công Thương", "dash", "own"),
    ("+ Phòng Kinh tế", "plus", "own"),
    ("• Rà soát hồ sơ", "bullet", "own"),
    ("Thứ nhất, hoàn thành toàn bộ hồ sơ", "ordinal", "seed 000_0fa8513b4130e7a9.txt (form)"),
    ("Thứ hai, khẩn trương rà soát", "ordinal", "own"),
    ("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh", "article", "own"),
    ("Phần II. TỔ CHỨC THỰC HIỆN", "part", "own"),
]


@pytest.mark.parametrize(("line", "kind", "source"), MARKERS)
def test_marker_recognized(line: str, kind: str, source: str) -> None:
    found = match_marker(line)
    assert found is not None and found[0] == kind
    assert not line[found[1]:].startswith(" ")  # the marker's length covers its trailing space


NOT_MARKERS = [
    ("2026 là năm tăng tốc", "own: a year opens the sentence"),
    ("Sở Tài chính chủ trì", "own"),
    ("30/6/2026 là hạn cuối", "own: a date"),
    ("Ủy ban nhân dân tỉnh yêu cầu", "own"),
]


@pytest.mark.parametrize(("line", "source"), NOT_MARKERS)
def test_not_a_marker(line: str, source: str) -> None:
    assert match_marker(line) is None


def _tree(text: str) -> list[tuple[str, int, str | None]]:
    """(line, level, parent line) of every paragraph."""
    out = []
    for node in parse(text):
        parent = text[node.parent.start:node.parent.end] if node.parent else None
        out.append((text[node.start:node.end], node.level, parent))
    return out


def test_nesting_by_first_use_roman_then_arabic() -> None:  # own
    text = "I. NHIỆM VỤ CHUNG\n1. Rà soát hồ sơ.\n2. Báo cáo kết quả.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi."
    tree = _tree(text)
    assert tree[1] == ("1. Rà soát hồ sơ.", 1, "I. NHIỆM VỤ CHUNG")
    assert tree[2] == ("2. Báo cáo kết quả.", 1, "I. NHIỆM VỤ CHUNG")
    assert tree[3][1:] == (0, None)
    assert tree[4] == ("1. Sở Nội vụ theo dõi.", 1, "II. TỔ CHỨC THỰC HIỆN")


def test_nesting_by_first_use_dash_above_arabic() -> None:  # own: a document that opens its list with "-"
    text = ("Yêu cầu các đơn vị như sau:\n- Sở Tài chính:\n1. Bố trí kinh phí.\n2. Hướng dẫn thanh quyết toán.\n"
            "- Sở Nội vụ:\n1. Rà soát biên chế.")
    tree = _tree(text)
    assert tree[1][1:] == (0, None)
    assert tree[2] == ("1. Bố trí kinh phí.", 1, "- Sở Tài chính:")
    assert tree[4][1:] == (0, None)  # a dash again: sibling of the first dash, closing the arabic level
    assert tree[5] == ("1. Rà soát biên chế.", 1, "- Sở Nội vụ:")


def test_three_levels_and_intro() -> None:  # own
    text = ("Ủy ban nhân dân tỉnh yêu cầu các đơn vị thực hiện như sau:\n1. Sở Tài chính\n"
            "a) Bố trí kinh phí.\n- Lập dự toán.\nb) Hướng dẫn quyết toán.\n2. Sở Nội vụ rà soát.")
    nodes = parse(text)
    assert [n.level for n in nodes] == [0, 0, 1, 2, 1, 0]
    assert text[nodes[1].intro.start:nodes[1].intro.end].endswith("như sau:")
    assert nodes[3].parent is nodes[2] and nodes[4].parent is nodes[1]


def test_title_item_owns_its_paragraphs() -> None:  # own
    text = "1. Hoàn thiện thể chế\nSở Tư pháp rà soát văn bản quy phạm pháp luật.\nSở Nội vụ báo cáo kết quả.\n2. Chuyển đổi số."
    tree = _tree(text)
    assert tree[1] == ("Sở Tư pháp rà soát văn bản quy phạm pháp luật.", 1, "1. Hoàn thiện thể chế")
    assert tree[2] == ("Sở Nội vụ báo cáo kết quả.", 1, "1. Hoàn thiện thể chế")
    assert tree[3][1:] == (0, None)


def test_paragraph_after_full_item_is_not_its_child() -> None:  # own
    text = "1. Sở Tư pháp rà soát văn bản.\nSở Nội vụ báo cáo kết quả."
    nodes = parse(text)
    assert nodes[1].marker is None and nodes[1].parent is None


def test_closer_ends_the_list() -> None:  # own, closer from structure_closers.tsv
    text = "1. Hoàn thiện thể chế\nSở Tư pháp rà soát.\nNơi nhận:\n- Như trên;"
    nodes = parse(text)
    assert nodes[2].parent is None


SPLITS = [
    ("Sở Tài chính bố trí kinh phí. Sở Nội vụ rà soát biên chế.", ["Sở Tài chính bố trí kinh phí.", "Sở Nội vụ rà soát biên chế."], "own"),
    ("Giao UBND TP. Hà Nội chủ trì. Sở Xây dựng phối hợp.", ["Giao UBND TP. Hà Nội chủ trì.", "Sở Xây dựng phối hợp."], "own: TP. abbreviation"),
    ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH ký ban hành.", ["KT. CHỦ TỊCH PHÓ CHỦ TỊCH ký ban hành."], "own: KT. abbreviation"),
    ("Các lĩnh vực đất đai, tài chính, xây dựng v.v. Được rà soát toàn bộ.", ["Các lĩnh vực đất đai, tài chính, xây dựng v.v. Được rà soát toàn bộ."], "own: v.v"),
    ("Bảo đảm an ninh.Về việc này, Bộ Công an chủ trì.", ["Bảo đảm an ninh.", "Về việc này, Bộ Công an chủ trì."], "own, form of news-2024-10-antd.txt"),
    ("Báo cáo kết quả? Có. Cần khẩn trương!", ["Báo cáo kết quả?", "Có.", "Cần khẩn trương!"], "own"),
    ("Hoàn thành trước ngày 30/6/2026. 2026 là năm bản lề.", ["Hoàn thành trước ngày 30/6/2026.", "2026 là năm bản lề."], "own: digit opens the next"),
    ("TS. Nguyễn Văn An báo cáo. Hội nghị thống nhất.", ["TS. Nguyễn Văn An báo cáo.", "Hội nghị thống nhất."], "own: TS."),
    ("Đ/c. Lê Minh chủ trì.", ["Đ/c. Lê Minh chủ trì."], "own: Đ/c."),
]


@pytest.mark.parametrize(("text", "expected", "source"), SPLITS)
def test_sentences(text: str, expected: list[str], source: str) -> None:
    assert [text[s:e] for s, e in sentences(text, 0, len(text))] == expected


def test_ths_abbreviation_not_split() -> None:  # own
    text = "Ths. Nguyễn Văn An phát biểu."
    assert [text[s:e] for s, e in sentences(text, 0, len(text))] == [text]


def test_sentences_in_a_slice_keep_document_offsets() -> None:  # own
    text = "1. Rà soát hồ sơ. Báo cáo kết quả.\n"
    spans = sentences(text, 3, len(text) - 1)
    assert [text[s:e] for s, e in spans] == ["Rà soát hồ sơ.", "Báo cáo kết quả."]
