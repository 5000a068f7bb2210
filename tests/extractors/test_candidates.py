"""extractors.candidates: which spans may be tasks, what they inherit, and the ';' split."""

from __future__ import annotations

import pytest

from extractors.candidate import Candidate
from extractors.candidates import find_candidates
from extractors.clauses import split_by_subject
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
     ["Giao Sở Xây dựng rà soát quy hoạch", "Sở Tài chính bố trí kinh phí thực hiện."],
     "own: new subject; the ';' is in neither part (NOTES 1.8)"),
    ("Giao Sở Xây dựng rà soát quy hoạch; đồng thời, Sở Tài chính bố trí kinh phí.",
     ["Giao Sở Xây dựng rà soát quy hoạch", "Sở Tài chính bố trí kinh phí."], "own: 'đồng thời,' before the subject"),
    ("Giao Sở Xây dựng rà soát quy hoạch; báo cáo kết quả trước ngày 30/6/2026.",
     ["Giao Sở Xây dựng rà soát quy hoạch; báo cáo kết quả trước ngày 30/6/2026."], "own: same subject, no split"),
    ("Sở Công Thương kiểm tra an toàn; tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
     ["Sở Công Thương kiểm tra an toàn; tổng hợp, báo cáo Ủy ban nhân dân tỉnh."], "own: a unit later in the clause is an object"),
    ("2. Đề nghị Thanh tra tỉnh kiểm tra định kỳ việc thực hiện. Công an tỉnh theo chức năng tham mưu xử lý vi phạm.",
     ["2. Đề nghị Thanh tra tỉnh kiểm tra định kỳ việc thực hiện.", "Công an tỉnh theo chức năng tham mưu xử lý vi phạm."],
     "own: a new sentence with a new leading subject"),
    ("1. Triển khai hiệu quả công tác đào tạo. Học viện Hành chính Quốc gia biên soạn tài liệu.",
     ["1. Triển khai hiệu quả công tác đào tạo. Học viện Hành chính Quốc gia biên soạn tài liệu."],
     "own: after a topic sentence with no unit, the unit's sentence stays in the item"),
    ("3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các sở, ngành chịu trách nhiệm thi hành Quyết định này.",
     ["3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các sở, ngành chịu trách nhiệm thi hành Quyết định này."],
     "own: subjects of one predicate listed with ';'"),
    ("Ủy ban nhân dân các xã có trách nhiệm kiểm tra vệ sinh môi trường; Thủ trưởng các cơ quan, đơn vị "
     "chỉ đạo cán bộ tham gia.",
     ["Ủy ban nhân dân các xã có trách nhiệm kiểm tra vệ sinh môi trường",
      "Thủ trưởng các cơ quan, đơn vị chỉ đạo cán bộ tham gia."], "own: a title heading the new subject"),
    ("1. Sở Xây dựng rà soát quy hoạch chung. Ủy ban nhân dân tỉnh yêu cầu các đơn vị phối hợp chặt chẽ.",
     ["1. Sở Xây dựng rà soát quy hoạch chung. Ủy ban nhân dân tỉnh yêu cầu các đơn vị phối hợp chặt chẽ."],
     "own: a sentence opened by the assigner is no new doer"),
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


# own: paragraphs between an item and its next sibling are the item's further sentences (§2)
FOLLOWERS = ("Sở Xây dựng đề nghị các chủ đầu tư thực hiện như sau:\n"
             "1.1. Rà soát hồ sơ thiết kế các công trình đang thi công.\n"
             "Chỉ được khởi công khi có đủ giấy phép xây dựng theo quy định.\n"
             "1.2. Báo cáo kết quả trước ngày 15/7/2026.\n"
             "Sở Xây dựng sẽ tổng hợp, báo cáo UBND tỉnh.")


def test_paragraph_before_the_next_sibling_joins_the_item() -> None:
    got = texts(FOLLOWERS)
    assert ("1.1. Rà soát hồ sơ thiết kế các công trình đang thi công.\n"
            "Chỉ được khởi công khi có đủ giấy phép xây dựng theo quy định.") in got


def test_paragraph_after_the_last_item_stays_apart() -> None:
    got = texts(FOLLOWERS)
    assert "1.2. Báo cáo kết quả trước ngày 15/7/2026." in got
    assert "Sở Xây dựng sẽ tổng hợp, báo cáo UBND tỉnh." in got


@pytest.mark.parametrize("opening", [
    "Khoản 2 Điều 12 Nghị định số 45/2026/NĐ-CP quy định:",
    "Theo quy định tại điểm b khoản 1 Điều 7 Thông tư số 10/2026/TT-BXD, cụ thể:",
])
def test_points_quoting_a_provision_stay_in_their_item(opening: str) -> None:  # own
    text = ("1. Về việc lưu giữ hồ sơ\n" + opening + "\n"
            "a) Chủ đầu tư phải lưu giữ hồ sơ trong 10 năm;\n"
            "b) Hồ sơ phải được số hóa.\n"
            "2. Báo cáo kết quả thực hiện trước ngày 30/6/2026.")
    got = texts(text)
    assert got[0].startswith("1. Về việc lưu giữ hồ sơ") and got[0].endswith("Hồ sơ phải được số hóa.")
    assert not any(t.startswith(("a)", "b)")) for t in got)


def test_points_without_a_citation_are_tasks_of_their_own() -> None:  # own
    text = ("1. Về công tác quy hoạch\na) Giao Sở Xây dựng rà soát quy hoạch chung;\n"
            "b) Giao Sở Tài chính bố trí kinh phí.")
    assert texts(text) == ["a) Giao Sở Xây dựng rà soát quy hoạch chung;", "b) Giao Sở Tài chính bố trí kinh phí."]


def test_a_note_belongs_to_the_item_above() -> None:  # own
    text = ("1.2. Thực hiện nghiêm chế độ báo cáo định kỳ.\n* Lưu ý: Đây là nội dung quan trọng.\n"
            "1.3. Kiểm tra thiết bị cân.")
    assert texts(text)[0] == "1.2. Thực hiện nghiêm chế độ báo cáo định kỳ.\n* Lưu ý: Đây là nội dung quan trọng."


def test_a_unit_alone_is_no_candidate() -> None:  # own: a stray cell of a flattened table
    assert texts("Giao Sở Xây dựng rà soát quy hoạch chung của tỉnh.\nĐảng ủy Ủy ban nhân dân tỉnh.") == [
        "Giao Sở Xây dựng rà soát quy hoạch chung của tỉnh."]


def test_a_directive_after_a_connective_is_its_own_span() -> None:  # own, in the seed's shape
    text = "Về nhiệm vụ chuyển đổi số, đây là nhiệm vụ trọng tâm của Bộ, vì vậy, cần bổ sung một chuyên đề vào báo cáo tháng."
    assert texts(text) == ["cần bổ sung một chuyên đề vào báo cáo tháng."]


def test_a_connective_without_a_directive_keeps_the_sentence() -> None:  # own
    text = "Năm nay mưa nhiều, vì vậy, nhiều công trình bị ngập úng kéo dài."
    assert texts(text) == [text]


def test_paragraphs_after_a_lists_last_item_inherit_nothing() -> None:  # own: the seed's closing paragraphs
    text = ("Bộ trưởng yêu cầu các đơn vị trong tháng 3 thực hiện:\nThứ nhất, hoàn thiện các Nghị định.\n"
            "Thứ hai, hoàn thành hồ sơ sắp xếp đơn vị hành chính.\n"
            "Các công việc liên quan đến chuyển đổi số thì tích hợp vào để triển khai kịp thời.")
    last = [c for c in cands(text) if text[c.start:c.end].startswith("Các công việc")][0]
    assert last.inherit == []


def test_enumerations_by_mot_la_hai_la_are_items() -> None:  # own, in the shape of meeting minutes
    text = ("Hội nghị thống nhất một số nội dung như sau:\nMột là, thống nhất chủ trương di dời chợ đầu mối.\n"
            "Hai là, giao Sở Công Thương chủ trì lập phương án di dời, báo cáo trước ngày 30/6/2026.\n"
            "Ba là, đề nghị Ủy ban nhân dân phường An Bình rà soát quỹ đất.")
    items = [text[c.start:c.end] for c in cands(text) if c.kind == "item"]
    assert [i.split(",")[0] for i in items] == ["Một là", "Hai là", "Ba là"]


def test_a_reports_dated_clauses_are_candidates_of_their_own() -> None:  # own, in the seed's shape
    text = ("Công tác công nghệ thông tin đã trình lãnh đạo Bộ ban hành Kế hoạch chuyển đổi số năm 2026; "
            "xây dựng cơ sở dữ liệu ngành bảo đảm hoàn thành trước ngày 30/6/2026.")
    assert texts(text) == ["Công tác công nghệ thông tin đã trình lãnh đạo Bộ ban hành Kế hoạch chuyển đổi số năm 2026;",
                           "xây dựng cơ sở dữ liệu ngành bảo đảm hoàn thành trước ngày 30/6/2026."]


def test_a_plain_list_of_clauses_stays_one_sentence() -> None:  # own: no report, no dated clause
    text = "Sở Tài chính rà soát các khoản chi; tổng hợp, báo cáo kết quả trước ngày 30/6/2026."
    assert texts(text) == [text]


def test_a_directive_clause_is_marked() -> None:  # own: the rules vote for it outright
    text = "Đây là nhiệm vụ trọng tâm của Bộ, vì vậy, cần bổ sung một chuyên đề vào báo cáo tháng."
    assert [c.directive for c in cands(text)] == [True]


def test_a_reports_dated_clause_is_a_directive_by_form() -> None:  # own
    text = ("Công tác công nghệ thông tin đã trình lãnh đạo Bộ ban hành Kế hoạch chuyển đổi số năm 2026; "
            "xây dựng cơ sở dữ liệu ngành bảo đảm hoàn thành trước ngày 30/6/2026.")
    assert [c.directive for c in cands(text)] == [False, True]


def test_a_page_footnote_does_not_lengthen_the_item_above_it() -> None:  # own, in the shape of a PDF's text
    text = ("Sở đề nghị các đơn vị thực hiện:\n"
            "- Lập hồ sơ đóng cửa mỏ theo quy định tại Điều 72 Luật Địa chất và khoáng sản2.\n"
            "2 Hồ sơ đóng cửa mỏ được quy định tại Điều 40 Nghị định số 11/2026/NĐ-CP.\n"
            "- Báo cáo kết quả thực hiện trước ngày 15/12/2026.")
    assert texts(text)[-2:] == ["- Lập hồ sơ đóng cửa mỏ theo quy định tại Điều 72 Luật Địa chất và khoáng sản2.",
                                "- Báo cáo kết quả thực hiện trước ngày 15/12/2026."]


def test_a_number_opening_a_line_is_no_footnote_without_a_reference() -> None:  # own
    text = "Sở đề nghị các đơn vị thực hiện:\n- Lập hồ sơ đóng cửa mỏ trên diện tích 200 m2.\n2 Sở Xây dựng kiểm tra."
    assert "2 Sở Xây dựng kiểm tra." in " ".join(texts(text))


@pytest.mark.parametrize(("text", "parts", "continued"), [
    ("Đồng ý về chủ trương điều chỉnh dự án; giao Sở Xây dựng thẩm định hồ sơ thiết kế điều chỉnh.",
     ["Đồng ý về chủ trương điều chỉnh dự án", "giao Sở Xây dựng thẩm định hồ sơ thiết kế điều chỉnh."],
     [False, False]),  # an approval, then an assignment of its own
    ("Giao Sở Xây dựng rà soát hồ sơ trước ngày 30/11/2025; giao Sở Tài chính bố trí vốn trong tháng 12/2025.",
     ["Giao Sở Xây dựng rà soát hồ sơ trước ngày 30/11/2025", "giao Sở Tài chính bố trí vốn trong tháng 12/2025."],
     [False, True]),
    ("Giao Sở Xây dựng rà soát hồ sơ; Sở Tài chính thẩm định, bố trí vốn.",
     ["Giao Sở Xây dựng rà soát hồ sơ", "Sở Tài chính thẩm định, bố trí vốn."],
     [False, True]),  # the second unit is assigned by the same "Giao"
    ('Căn cứ Luật Đầu tư công ngày 29/11/2024: "... Quốc hội quyết định; giao Chính phủ tổ chức thực hiện";',
     ['Căn cứ Luật Đầu tư công ngày 29/11/2024: "... Quốc hội quyết định; giao Chính phủ tổ chức thực hiện";'],
     [False]),  # a cited law's own ';' does not split
])  # own sentences
def test_clauses_assigned_after_a_semicolon(text: str, parts: list[str], continued: list[bool]) -> None:
    cand = Candidate(0, len(text), 0, "sentence", 0)
    split = split_by_subject(text, cand)
    assert [text[c.start:c.end] for c in split] == parts
    assert [c.continued for c in split] == continued
