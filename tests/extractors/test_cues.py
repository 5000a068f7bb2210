"""extractors.cues: typed cue rules from data/cue_task.json, and the rule score of sentences."""

from __future__ import annotations

import pytest

from extractors.cues import CueRule, cue_rules, find_cues, rule_score
from extractors.pipeline import RULE_THRESHOLD


def test_rules_load() -> None:
    rules = cue_rules()
    assert rules and all(isinstance(r, CueRule) for r in rules)
    assert {r.where for r in rules} <= {"start", "any", "context"}
    assert any(r.weight < 0 for r in rules) and any(r.weight > 0 for r in rules)


@pytest.mark.parametrize("data", [
    {"phrase": "giao", "kind": "assign", "weight": 2.0, "where": "any", "scope": 5},
    {"phrase": "giao", "kind": "assign", "weight": 2.0, "where": "any", "direction": "forward"},
])
def test_unknown_key_rejected(data: dict) -> None:
    with pytest.raises(ValueError, match="unknown keys") as err:
        CueRule.from_dict(data)
    assert "allowed" in str(err.value)


def test_bad_where_rejected() -> None:
    with pytest.raises(ValueError, match="where"):
        CueRule.from_dict({"phrase": "giao", "kind": "assign", "weight": 2.0, "where": "nowhere"})


TASKS = [
    ("Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức bảo đảm hoàn thành trước ngày 30/6/2023.", "seed 000 (ANNOTATION §1 example)"),
    ("Giao Vụ Tổ chức cán bộ xây dựng kế hoạch tuyển dụng công chức.", "seed 000 (ANNOTATION §1 example)"),
    ("Yêu cầu Sở Tài chính khẩn trương bố trí kinh phí.", "own"),
    ("Đề nghị các đơn vị rà soát, báo cáo kết quả trước ngày 15/7/2026.", "own"),
    ("Sở Xây dựng chủ trì, phối hợp với Sở Tài chính tham mưu phương án.", "own"),
    ("Tập trung hoàn thiện hồ sơ dự án.", "own: 'start' cue"),
]

REPORTS = [
    ("Năm 2023, Bộ đã hoàn thành 70/76 nhiệm vụ được giao.", "own, figure of the seed"),
    ("Các đơn vị đã xử lý xong hồ sơ tồn đọng.", "own"),
    ("Sở đã ban hành 12 văn bản hướng dẫn.", "own"),
    ("Tổng kim ngạch xuất khẩu đạt 1.200 triệu USD, tăng 8% so với cùng kỳ.", "own: a figure"),
    ("Ý kiến của Sở Tài chính: cơ bản nhất trí, đề nghị làm rõ nguồn vốn thực hiện.",
     "own: a participant's opinion in minutes"),
    ("Ủy ban nhân dân phường An Bình sẽ phối hợp chặt chẽ với các sở, ngành trong quá trình thực hiện.",
     "own: a pledge by an attendee (ANNOTATION §1)"),
    ("Phát biểu khai mạc hội nghị, Giám đốc Sở đề nghị các đại biểu tập trung thảo luận, góp ý.",
     "own: what the chair asks of the meeting itself (ANNOTATION §1)"),
    ("Bộ trưởng Bộ Giao thông vận tải chủ trì giao ban trực tuyến về tiến độ các dự án cao tốc.",
     "own: a news headline naming who chaired the meeting ('giao' of 'giao ban' assigns nothing)"),
    ("Sáng 12/3, Chủ tịch UBND tỉnh chủ trì buổi làm việc với các doanh nghiệp trong khu công nghiệp.",
     "own: who chaired a working session"),
    ("Đồng ý về chủ trương cho Trường Tiểu học An Phú sử dụng kinh phí tiết kiệm chi để sửa chữa phòng học.",
     "own: an approval takes effect by itself (ANNOTATION §1)"),
    ("Thống nhất chủ trương đầu tư xây dựng cầu Bình Minh bằng nguồn vốn đầu tư công, giao kế hoạch vốn năm 2026.",
     "own: an approval, though 'giao' (allocate) appears in it"),
    ("Giám đốc Sở Xây dựng Lê Văn Hòa cho biết, sở sẽ phối hợp với các địa phương hoàn thành sửa chữa cầu yếu trong tháng 10.",
     "own: a department's pledge reported in the news (ANNOTATION §1)"),
]


@pytest.mark.parametrize(("sentence", "source"), TASKS)
def test_task_sentence_scores_above_threshold(sentence: str, source: str) -> None:
    assert rule_score(find_cues(sentence)) >= RULE_THRESHOLD


@pytest.mark.parametrize(("sentence", "source"), REPORTS)
def test_report_sentence_scores_below_threshold(sentence: str, source: str) -> None:
    assert rule_score(find_cues(sentence)) < RULE_THRESHOLD


def test_done_work_outweighs_its_verbs() -> None:
    done = rule_score(find_cues("Bộ đã hoàn thành 70/76 nhiệm vụ."))
    due = rule_score(find_cues("Bộ hoàn thành trước ngày 30/6/2023."))
    assert done < 0 < due


def test_longer_cue_hides_the_one_inside() -> None:
    phrases = [h.rule.phrase for h in find_cues("Sở đã hoàn thành việc rà soát.")]
    assert "đã hoàn thành" in phrases and "hoàn thành" not in phrases


def test_start_cue_counts_only_near_the_start() -> None:
    near = [h.rule.phrase for h in find_cues("Tập trung rà soát hồ sơ.")]
    far = [h.rule.phrase for h in find_cues("Các đơn vị đã họp nhiều lần trong năm để bàn về việc tập trung rà soát hồ sơ.")]
    assert "tập trung" in near and "tập trung" not in far


def test_context_cue_read_from_context_only() -> None:
    context_rules = [r for r in cue_rules() if r.where == "context"]
    if not context_rules:
        pytest.skip("cue_task.json has no 'context' rule")
    rule = context_rules[0]
    assert rule not in [h.rule for h in find_cues(rule.phrase)]
    assert rule in [h.rule for h in find_cues("Rà soát hồ sơ.", 0, context=rule.phrase)]


def test_each_rule_counted_once() -> None:
    once = rule_score(find_cues("Rà soát hồ sơ."))
    twice = rule_score(find_cues("Rà soát hồ sơ, rà soát biểu mẫu."))
    assert once == twice
