"""The matching rule of `chidao evaluate`: ≥ 60 % of a prediction's words inside the gold span, ≥ 30 % of the gold covered."""

from __future__ import annotations

import pytest

from chidao.evaluation import Counts, Span, match_spans, set_counts, unit_key

TEXT = "1. Sở Tài chính bố trí kinh phí trước ngày 30/6/2026. 2. Sở Nội vụ rà soát biên chế của các đơn vị."


def _span(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return Span(start, start + len(fragment))


@pytest.mark.parametrize(("predicted", "gold", "matches"), [
    ("1. Sở Tài chính bố trí kinh phí trước ngày 30/6/2026.", "1. Sở Tài chính bố trí kinh phí trước ngày 30/6/2026.", True),
    ("Sở Tài chính bố trí kinh phí", "1. Sở Tài chính bố trí kinh phí trước ngày 30/6/2026.", True),  # covers > 30 %
    ("1. Sở Tài", "1. Sở Tài chính bố trí kinh phí trước ngày 30/6/2026.", False),  # covers 3 of 13 words
    (TEXT, "1. Sở Tài chính bố trí kinh phí trước ngày 30/6/2026.", False),  # < 60 % of its words inside
    ("2. Sở Nội vụ rà soát biên chế", "1. Sở Tài chính bố trí kinh phí trước ngày 30/6/2026.", False),
])
def test_match_rule(predicted: str, gold: str, matches: bool) -> None:
    assert bool(match_spans(TEXT, [_span(predicted)], [_span(gold)])) is matches


def test_matching_is_one_to_one() -> None:
    gold = [_span("1. Sở Tài chính bố trí kinh phí trước ngày 30/6/2026.")]
    twice = [_span("Sở Tài chính bố trí kinh phí"), _span("Sở Tài chính bố trí kinh phí trước ngày")]
    assert len(match_spans(TEXT, twice, gold)) == 1


@pytest.mark.parametrize(("a", "b"), [
    ("Ủy ban nhân dân tỉnh", "UBND tỉnh"),
    ("Đảng uỷ Chính phủ", "Đảng ủy Chính phủ"),
    ("các  sở, ngành", "Các sở, ngành"),
])
def test_unit_keys_equal(a: str, b: str) -> None:
    assert unit_key(a) == unit_key(b)


def test_unit_counts() -> None:
    c = set_counts(["Sở Tài chính", "Sở Xây dựng"], ["Sở Tài chính", "Sở Nội vụ"])
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)
    assert Counts(2, 1, 1).f1 == pytest.approx(2 / 3)
