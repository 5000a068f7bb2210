"""chidao's extraction as a spaCy pipeline over Vietnamese words.

A `Doc` is built from underthesea's word segmentation (spaCy's own Vietnamese tokenizer
needs pyvi, and without it splits on spaces only). The extraction steps are registered
components that write span groups — "cues", "units", "deadlines", "tasks" — and `._`
attributes, so Matcher/SpanRuler rules can run on Vietnamese words and displaCy can show
a document (`displacy.render(doc, style="span", options={"spans_key": "tasks"})`).
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extractors.cues import cue_rules
from extractors.deadlines import find_deadlines
from extractors.metadata import read_metadata
from extractors.units import find_units

_WS = re.compile(r"\s+")


class UnderthesaTokenizer:
    """Segment Vietnamese text into words with underthesea, keeping every character."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from underthesea import word_tokenize

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for line_start, line in _lines(text):
            for token in word_tokenize(line) if line.strip() else []:
                found = text.find(token, pos, line_start + len(line) + 1)
                if found < 0:
                    continue  # underthesea rewrote a character; its gap becomes whitespace below
                _gap(text, pos, found, words, spaces)
                words.append(token)
                spaces.append(False)
                pos = found + len(token)
        _gap(text, pos, len(text), words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _gap(text: str, start: int, end: int, words: list[str], spaces: list[bool]) -> None:
    """Add the characters between two words: one space as a flag, anything else as tokens."""
    gap = text[start:end]
    if not gap:
        return
    if gap == " " and words:
        spaces[-1] = True
        return
    for m in re.finditer(r"\s+|\S+", gap):
        piece = m.group()
        if piece == " " and words:
            spaces[-1] = True
        else:
            words.append(piece)
            spaces.append(False)


def _register_extensions() -> None:
    for name, default in (("doc_date", None), ("metadata", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("lead_units", "support_units", "deadline", "recurrence", "confidence", "granularity"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def _char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


@Language.component("chidao_metadata")
def metadata_component(doc: Doc) -> Doc:
    """Read the header and set `doc._.metadata` and `doc._.doc_date`."""
    meta = read_metadata(doc.text)
    doc._.metadata = meta
    doc._.doc_date = meta.date
    return doc


@Language.factory("chidao_cues")
def make_cue_matcher(nlp: Language, name: str) -> Any:
    """A PhraseMatcher over the cue lexicon, on lower-cased Vietnamese words."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for rule in cue_rules():
        if rule.where != "context":
            matcher.add(rule.kind, [nlp.make_doc(rule.phrase)])

    def cue_component(doc: Doc) -> Doc:
        doc.spans["cues"] = [Span(doc, s, e, label=doc.vocab.strings[k]) for k, s, e in matcher(doc)]
        return doc

    return cue_component


@Language.component("chidao_units")
def units_component(doc: Doc) -> Doc:
    """Mark every state body named in the text (span group "units")."""
    spans = [_char_span(doc, u.start, u.end, "UNIT") for u in find_units(doc.text)]
    doc.spans["units"] = [s for s in spans if s is not None]
    return doc


@Language.component("chidao_deadlines")
def deadlines_component(doc: Doc) -> Doc:
    """Mark every deadline phrase, resolved against the document date (span group "deadlines")."""
    date: datetime.date | None = doc._.doc_date
    out = []
    for d in find_deadlines(doc.text, date):
        span = _char_span(doc, d.start, d.end, "DEADLINE")
        if span is not None:
            span._.deadline = d.date.isoformat() if d.date else None
            span._.recurrence = d.recurrence
            span._.granularity = d.granularity
            out.append(span)
    doc.spans["deadlines"] = out
    return doc


@Language.component("chidao_tasks")
def tasks_component(doc: Doc) -> Doc:
    """Find the tasks (span group "tasks") with their units, deadline and confidence."""
    from extractors.models import load_task_classifier
    from extractors.pipeline import analyze_document, select_tasks

    meta = doc._.metadata or read_metadata(doc.text)
    analyses = analyze_document(doc.text, meta)
    out = []
    for a in select_tasks(analyses, meta, load_task_classifier()):
        span = _char_span(doc, a.candidate.start, a.candidate.end, "TASK")
        if span is None:
            continue
        span._.lead_units = a.lead
        span._.support_units = a.support
        span._.deadline = a.deadline.date.isoformat() if a.deadline and a.deadline.date else None
        span._.recurrence = a.deadline.recurrence if a.deadline else None
        span._.confidence = a.probability
        out.append(span)
    doc.spans["tasks"] = out
    return doc


def make_nlp() -> Language:
    """Return a Vietnamese pipeline: underthesea words, then chidao's components."""
    import spacy

    _register_extensions()
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = UnderthesaTokenizer(nlp.vocab)
    for name in ("chidao_metadata", "chidao_cues", "chidao_units", "chidao_deadlines", "chidao_tasks"):
        nlp.add_pipe(name)
    return nlp
