"""extractors.spacy_pipeline: underthesea words in a spaCy Doc, span groups, displaCy."""

from __future__ import annotations

import pytest

from chidao.records import SourceText, sha256_bytes
from extractors.normalize import normalize
from extractors.pipeline import extract

from own_documents import THONG_BAO

# The pipeline works on text as given; extract() normalizes first. Feed it normalized text so both see the same.
TEXT = normalize(THONG_BAO).text

pytestmark = pytest.mark.slow  # loads underthesea's word segmenter (seconds)


@pytest.fixture(scope="module")
def doc():  # noqa: ANN201
    from extractors.spacy_pipeline import make_nlp

    return make_nlp()(TEXT)


def test_doc_text_equals_input(doc) -> None:  # noqa: ANN001
    assert doc.text == TEXT


def test_tokens_are_underthesea_words(doc) -> None:  # noqa: ANN001
    from underthesea import word_tokenize

    line = "Sở Tài chính bố trí kinh phí thực hiện chuyển đổi số, hoàn thành trong tháng 4/2026."
    expected = word_tokenize(line)
    start = TEXT.index(line)
    span = doc.char_span(start, start + len(line), alignment_mode="expand")
    assert [t.text for t in span] == expected
    assert any(" " in t.text for t in span)  # multi-syllable words stay one token


@pytest.mark.parametrize("key", ["tasks", "units", "deadlines", "cues"])
def test_span_groups_filled(doc, key: str) -> None:  # noqa: ANN001
    assert key in doc.spans and len(doc.spans[key]) > 0


def test_deadline_spans_resolved(doc) -> None:  # noqa: ANN001
    resolved = {s.text: s._.deadline for s in doc.spans["deadlines"]}
    assert any(v == "2026-06-30" for v in resolved.values()), resolved


def test_task_spans_agree_with_extract(doc) -> None:  # noqa: ANN001
    extraction = extract(SourceText(path="own.txt", text=TEXT, sha256=sha256_bytes(TEXT.encode())))
    assert [(s.start_char, s.end_char) for s in doc.spans["tasks"]] == [(t.start, t.end) for t in extraction.tasks]
    for span, task in zip(doc.spans["tasks"], extraction.tasks):
        assert span._.lead_units == task.lead_units and span._.deadline == task.deadline


def test_displacy_renders_tasks(doc) -> None:  # noqa: ANN001
    from spacy import displacy

    if not doc.spans["tasks"]:
        pytest.fail("no task spans to render")
    html = displacy.render(doc, style="span", options={"spans_key": "tasks"})
    first = doc.spans["tasks"][0]
    assert first[0].text in html and "TASK" in html
