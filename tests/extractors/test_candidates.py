"""extractors.candidates: which spans may be tasks, what they inherit, and the ';' split."""

from __future__ import annotations

import pytest

from extractors.candidates import find_candidates
from extractors.structure import parse


def cands(text: str):  # noqa: ANN201
    return find_candidates(text, parse(text))


def texts(text: str) -> list[str]:
    return [text[c.start:c.end] for c in cands(text)]


LIST = ("Chủ tịch UBND tỉnh yêu cầu các đơn vị thực hiện các nhiệm vụ sau:\n"
        "1. Sở Tài chính bố trí kinh phí trước ngày 30/6/2026.\n"
        "2. Sở Nội vụ rà soát biên chế.")  # own


def test_leaf_items_are_candidates() -> None:
    got = texts(LIST)
    assert "1. Sở Tài chính bố trí kinh phí trước ngày 30/6/2026." in got
    assert "2. Sở Nội vụ rà soát biên chế." in got


def test_plain_list_intro_is_not_a_candidate() -> None:
    assert not any(t.endswith("sau:") for t in texts(LIST))


def test_intro_item_is_not_a_candidate_but_its_leaves_are() -> None:  # own
    text = "1. Sở Tài chính:\na) Bố trí kinh phí.\nb) Hướng dẫn quyết toán."
    assert texts(text) == ["a) Bố trí kinh phí.", "b) Hướng dẫn quyết toán."]


def test_items_inherit_from_their_intro() -> None:
    items = [c for c in cands(LIST) if c.kind == "item"]
    intro_end = LIST.index("\n")
    assert all(c.inherit and c.inherit[-1] == (0, intro_end) for c in items)


def test_nested_item_inherits_nearest_first() -> None:  # own
    text = "Yêu cầu các đơn vị như sau:\n1. Sở Tài chính\na) Bố trí kinh phí.\n"
    leaf = [c for c in cands(text) if text[c.start:c.end].startswith("a)")][0]
    inherited = [text[s:e].strip() for s, e in leaf.inherit]
    assert inherited[0] == "1. Sở Tài chính" and inherited[-1] == "Yêu cầu các đơn vị như sau:"


def test_recipient_block_excluded() -> None:  # own
    text = ("Giao Sở Xây dựng rà soát quy hoạch.\nNơi nhận:\n- Sở Xây dựng;\n- Sở Tài chính;\n- Lưu: VT.")
    assert texts(text) == ["Giao Sở Xây dựng rà soát quy hoạch."]


def test_heading_is_not_a_candidate() -> None:  # own
    assert texts("II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi.") == ["1. Sở Nội vụ theo dõi."]


def test_title_item_with_paragraphs_is_one_candidate() -> None:  # own: ANNOTATION §2, one item = one task
    text = "1. Hoàn thiện thể chế\nSở Tư pháp rà soát văn bản.\nSở Nội vụ báo cáo kết quả.\n2. Chuyển đổi số."
    assert texts(text)[0] == "1. Hoàn thiện thể chế\nSở Tư pháp rà soát văn bản.\nSở Nội vụ báo cáo kết quả."


SPLITS = [
    ("Giao Sở Xây dựng rà soát quy hoạch; Sở Tài chính bố trí kinh phí thực hiện.",
     ["Giao Sở Xây dựng rà soát quy hoạch;", "Sở Tài chính bố trí kinh phí thực hiện."], "own: new subject"),
    ("Giao Sở Xây dựng rà soát quy hoạch; đồng thời, Sở Tài chính bố trí kinh phí.",
     ["Giao Sở Xây dựng rà soát quy hoạch;", "Sở Tài chính bố trí kinh phí."], "own: 'đồng thời,' before the subject"),
    ("Giao Sở Xây dựng rà soát quy hoạch; báo cáo kết quả trước ngày 30/6/2026.",
     ["Giao Sở Xây dựng rà soát quy hoạch; báo cáo kết quả trước ngày 30/6/2026."], "own: same subject, no split"),
    ("Sở Công Thương kiểm tra an toàn; tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
     ["Sở Công Thương kiểm tra an toàn; tổng hợp, báo cáo Ủy ban nhân dân tỉnh."], "own: a unit later in the clause is an object"),
]


@pytest.mark.parametrize(("text", "parts", "source"), SPLITS)
def test_semicolon_split_at_new_subject(text: str, parts: list[str], source: str) -> None:
    assert texts(text) == parts


def test_split_parts_keep_inheritance() -> None:  # own
    text = "Yêu cầu các đơn vị như sau:\n1. Sở Xây dựng rà soát quy hoạch; Sở Tài chính bố trí kinh phí."
    parts = [c for c in cands(text) if c.kind == "item"]
    assert len(parts) == 2 and parts[0].inherit == parts[1].inherit


def test_body_start_skips_the_header() -> None:  # own
    text = "Kính gửi: Sở Tài chính\nĐề nghị Sở bố trí kinh phí."
    body = text.index("Đề nghị")
    assert [text[c.start:c.end] for c in find_candidates(text, parse(text), body)] == ["Đề nghị Sở bố trí kinh phí."]
