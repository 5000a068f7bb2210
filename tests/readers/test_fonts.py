"""Font repairs: each row of the data table, legacy encodings, and the words that must stay."""

from __future__ import annotations

import unicodedata

import pytest

from chidao.readers.fonts import KINDS, load_repairs, repair_text


def test_data_table_schema_duplicates_and_nfc() -> None:
    rows = load_repairs()
    assert rows
    assert len({(r.kind, r.broken) for r in rows}) == len(rows)
    for r in rows:
        assert r.kind in KINDS and r.note
        assert unicodedata.is_normalized("NFC", r.broken) and unicodedata.is_normalized("NFC", r.fixed)


@pytest.mark.parametrize("rule", load_repairs(), ids=lambda r: r.broken)
def test_each_rule_repairs_its_form_in_every_case(rule) -> None:
    for case in (str.lower, str.title, str.upper):
        assert repair_text(f"xin {case(rule.broken)} nhé") == f"xin {case(rule.fixed)} nhé"


@pytest.mark.parametrize(("broken", "fixed"), [
    ("BỘ CÔNG THƢƠNG", "BỘ CÔNG THƯƠNG"),
    ("CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Văn phõng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
])
def test_broken_font_sentences(broken, fixed) -> None:
    assert repair_text(broken) == fixed


@pytest.mark.parametrize("keep", [
    "Võ Tuấn Anh", "cán bộ chủ chốt lõi", "mạng lưới võng", "lõng bõng", "ngã ba", "Hoà Bình",
])
def test_real_words_with_tilde_are_left_alone(keep) -> None:
    assert repair_text(keep) == unicodedata.normalize("NFC", keep)


SENTENCE = "Giao Sở Công Thương chủ trì, phối hợp với các đơn vị báo cáo trước ngày 15/4/2026."


def _legacy(entries: list[tuple[str, str]]) -> str:
    inverse = {uni: legacy for legacy, uni in entries if len(uni) == 1}
    return "".join(inverse.get(ch, ch) for ch in SENTENCE)


@pytest.mark.parametrize("module", ["tcvn3", "vni"])
def test_legacy_encodings_are_converted(module) -> None:
    entries = __import__(f"viparse.normalize.{module}", fromlist=["_ENTRIES"])._ENTRIES
    broken = _legacy(entries)
    assert broken != SENTENCE
    assert repair_text(broken) == SENTENCE


def test_unicode_text_is_unchanged() -> None:
    assert repair_text(SENTENCE) == SENTENCE
