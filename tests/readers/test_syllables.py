"""The Vietnamese syllable correction of OCR words, and its data."""

from __future__ import annotations

import unicodedata
from importlib import resources

import pytest

from chidao.readers.lexicon import build_lexicon, load_lexicon, placement_key, skeleton
from chidao.readers.syllables import UNSURE_BELOW, Word, change_cost, correct_line

UNSURE = UNSURE_BELOW - 20
SURE = 96.0


def _read(text: str, confidence: float = UNSURE) -> str:
    return " ".join(correct_line([Word(w, confidence) for w in text.split()]))


@pytest.mark.parametrize(("read", "meant"), [
    ("đề xuất bỗ sung kinh phí", "đề xuất bổ sung kinh phí"),  # a syllable, wrong beside its neighbours
    ("kêt quả thực hiện", "kết quả thực hiện"),  # no syllable: "kêt" cannot end in t
    ("QUYÉT ĐỊNH", "QUYẾT ĐỊNH"),  # capitals stay capitals
    ("kinh đoanh vận tải", "kinh doanh vận tải"),  # đ read for d
    ("sửa đối, bổ sung", "sửa đổi, bổ sung"),  # punctuation kept
    ("Mghị định số 15", "Nghị định số 15"),  # one letter wrong
])
def test_unsure_words_become_the_likely_syllable(read: str, meant: str) -> None:
    assert _read(read) == meant


@pytest.mark.parametrize("text", [
    "Ủy ban nhân dân thành phố Đà Nẵng",
    "hoà giải ở cơ sở",  # old tone placement is the same word, not an error
    "VPCP, TTĐT, KCN",  # abbreviations are no syllables and stay
    "số 18/2025/TT-BCT",
])
def test_unsure_correct_words_stay(text: str) -> None:
    assert _read(text) == text


def test_sure_words_stay_even_when_they_are_no_syllable() -> None:
    # names and codes the lexicon lacks read at full confidence
    assert _read("bỗ sung Nẵngg", SURE) == "bỗ sung Nẵngg"


def test_a_change_of_letter_costs_more_than_a_change_of_diacritic() -> None:
    assert change_cost("bỗ", "bổ") < change_cost("bỗ", "bộ") + 1e-9
    assert change_cost("bỗ", "bổ") < change_cost("mghị", "nghị")
    assert change_cost("đoanh", "doanh") == change_cost("bỗ", "bổ")


def test_lexicon_holds_the_closed_syllable_set() -> None:
    lexicon = load_lexicon()
    assert 6000 < len(lexicon.syllables) < 20000
    assert {"bổ", "nghị", "quyết", "hòa", "thủy"} <= lexicon.syllables
    assert not {"kêt", "nguôn", "đoanh", "hoà"} & lexicon.syllables  # "hoà" is kept as "hòa"
    assert all(s == unicodedata.normalize("NFC", s) for s in lexicon.syllables)
    assert lexicon.pairs[("bổ", "sung")] > lexicon.pairs[("bỗ", "sung")]


def _placements() -> list[list[str]]:
    text = resources.files("chidao.readers.data").joinpath("tone_placement.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()]


def test_tone_placement_table_moves_one_mark_between_the_same_letters() -> None:
    header, *rows = _placements()
    assert header == ["old", "new", "note"]
    assert len(rows) == 15
    for old, new, note in rows:
        assert old == unicodedata.normalize("NFC", old) and new == unicodedata.normalize("NFC", new)
        assert skeleton(old) == skeleton(new) and old != new and note


@pytest.mark.parametrize(("word", "key"), [("hoà", "hòa"), ("uỷ", "ủy"), ("thuỷ", "thủy"),
                                           ("quý", "quý"), ("hoàng", "hoàng"), ("khỏe", "khỏe")])
def test_placement_key(word: str, key: str) -> None:
    assert placement_key(word) == key


def test_lexicon_file_is_what_underthesea_data_builds() -> None:
    # rebuild with `python -m chidao.readers.lexicon` after changing how it is built
    shipped, built = load_lexicon(), build_lexicon()
    assert shipped.syllables == built.syllables
    assert shipped.counts == built.counts
    assert shipped.pairs == built.pairs


def test_a_word_opening_a_line_is_judged_beside_the_line_before() -> None:
    from chidao.readers.ocr import ocr_result

    lines = [["kinh", "doanh", "xăng"], ["dâu", "được", "sửa", "đổi"]]
    data: dict[str, list] = {k: [] for k in ("text", "conf", "block_num", "par_num", "line_num",
                                             "left", "top", "width", "height")}
    for number, words in enumerate(lines, 1):
        for k, word in enumerate(words):
            for key, value in (("text", word), ("conf", 96 if word != "dâu" else UNSURE),
                               ("block_num", 1), ("par_num", 1), ("line_num", number),
                               ("left", 100 + 60 * k), ("top", 40 * number), ("width", 50), ("height", 20)):
                data[key].append(value)
    texts = [s.text for s in ocr_result(data, 1.0).segments]
    assert texts == ["kinh doanh xăng", "dầu được sửa đổi"]
