"""The deadline grammar compiled from its data files: phrase regexes, once per process."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from chidao.errors import ExtractionError
from extractors.deadline_rules import (
    AnchorRule,
    BlockerRule,
    CueRule,
    FormRule,
    NounFrameRule,
    RecurrenceRule,
    UrgencyRule,
    VariantRule,
    load_rules,
)

_MACRO = re.compile(r"\{([A-Z][A-Z0-9]*)\}")


@dataclass(frozen=True, slots=True)
class Grammar:
    forms: tuple[tuple[FormRule, re.Pattern[str]], ...]
    cues: re.Pattern[str]
    cue_rules: dict[str, CueRule]
    cue_lead_ins: dict[str, re.Pattern[str]]  # a cue's licensing first words and the space after them
    filler_tail: re.Pattern[str]
    recurrence_after: re.Pattern[str]
    recurrence_any: re.Pattern[str]
    recurrences: dict[str, RecurrenceRule]
    anchors: re.Pattern[str]
    anchor_rules: dict[str, AnchorRule]
    urgency: tuple[tuple[UrgencyRule, re.Pattern[str]], ...]
    blockers: tuple[tuple[BlockerRule, re.Pattern[str], frozenset[str] | None], ...]  # rule, phrase, cues it blocks
    noun_prepositions: re.Pattern[str]
    noun_heads: re.Pattern[str]
    canon: Callable[[str], str]


def phrase_pattern(phrase: str, variants: list[VariantRule]) -> str:
    """Regex for a phrase: any whitespace between words, known spelling variants allowed."""
    words = []
    for word in phrase.split():
        pattern = re.escape(word)
        for rule in variants:
            if rule.text in word:
                options = "|".join(re.escape(v) for v in (rule.text, *rule.variants))
                pattern = pattern.replace(re.escape(rule.text), f"(?:{options})")
        words.append(pattern)
    return r"\s+".join(words)


def _alternation(phrases: list[str], variants: list[VariantRule]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)  # longest first: "trước ngày" before "trước"
    return "|".join(phrase_pattern(p, variants) for p in ordered)


def _expand(pattern: str, macros: dict[str, str], where: str) -> str:
    def one(found: re.Match[str]) -> str:
        if found[1] not in macros:
            raise ExtractionError(where, f"unknown macro {{{found[1]}}}", "define it in deadline_macros.jsonl")
        return macros[found[1]]

    return _MACRO.sub(one, pattern)


def _canonizer(variants: list[VariantRule]) -> Callable[[str], str]:
    """Map any spelling of a phrase to the one written in the data files."""
    undo = [(v, rule.text.lower()) for rule in variants for v in rule.variants]

    def canon(text: str) -> str:
        text = " ".join(text.lower().split())
        for variant, written in undo:
            text = text.replace(variant.lower(), written)
        return text

    return canon


def _words(phrases: list[str], variants: list[VariantRule]) -> str:
    if not phrases:
        return "(?!)"  # no phrases: a pattern that never matches, not the empty one that always does
    return rf"(?<!\w)(?:{_alternation(phrases, variants)})(?!\w)"


def _anchor_pattern(anchors: list[AnchorRule], self_names: list[str], variants: list[VariantRule]) -> re.Pattern[str]:
    """What "kể từ ngày" may name to mean the document's own date.

    Group `own` is the name the document gives itself ("(ký) Thông báo này"), tried first so the
    whole phrase counts; otherwise an anchor from the data file ("ký", "kết thúc cuộc họp").
    """
    verbs = _alternation([a.phrase for a in anchors if a.before_name], variants)
    names = _alternation(self_names, variants)
    plain = _alternation([a.phrase for a in anchors], variants)
    return re.compile(rf"(?P<own>(?:(?:{verbs})\s+)?(?:{names})\s+này)(?!\w)|(?:{plain})(?!\w)", re.I)


@cache
def grammar() -> Grammar:
    """Compile the data files once per process."""
    variants: list[VariantRule] = load_rules("deadline_variants.jsonl")
    macros = {m.name: m.pattern for m in load_rules("deadline_macros.jsonl")}
    # occasions are a list of phrases, not a regex: the forms name them as {OCCASION}
    macros["OCCASION"] = _alternation([o.phrase for o in load_rules("deadline_occasions.jsonl")], variants)
    forms = tuple((f, re.compile(_expand(f.pattern, macros, f"deadline_forms.jsonl:{f.name}"), re.I))
                  for f in load_rules("deadline_forms.jsonl"))
    cue_rules: list[CueRule] = load_rules("deadline_cues.jsonl")
    fillers = [r.phrase for r in load_rules("deadline_fillers.jsonl")]
    recs: list[RecurrenceRule] = load_rules("deadline_recurrence.jsonl")
    frames: list[NounFrameRule] = load_rules("deadline_noun_frames.jsonl")
    anchors: list[AnchorRule] = load_rules("deadline_anchors.jsonl")
    canon = _canonizer(variants)
    rec_alt = _alternation([r.phrase for r in recs], variants)
    return Grammar(
        forms=forms,
        cues=re.compile(_words([c.phrase for c in cue_rules], variants), re.I),
        cue_rules={canon(c.phrase): c for c in cue_rules},
        cue_lead_ins={canon(c.phrase): re.compile(rf"{phrase_pattern(c.lead_in, variants)}\s+", re.I)
                      for c in cue_rules if c.lead_in},
        filler_tail=re.compile(rf"(?:[\s:,\-–(]*(?:(?:{_alternation(fillers, variants)})(?!\w)|{macros['TIME_OF_DAY']}))*[\s:,\-–(]*", re.I),
        # "15/12 hằng năm", "15/12, hằng năm", "15/12 (hằng năm)"
        recurrence_after=re.compile(rf"[\s,]*(?:của\s+)?(?P<rec>{rec_alt})(?!\w)"
                                    rf"|\s*\(\s*(?P<paren>{rec_alt})\s*\)", re.I),
        recurrence_any=re.compile(rf"(?<!\w)(?:{rec_alt})(?!\w)", re.I),
        recurrences={canon(r.phrase): r for r in recs},
        anchors=_anchor_pattern(anchors, [n.phrase for n in load_rules("deadline_self_names.jsonl")], variants),
        anchor_rules={canon(a.phrase): a for a in anchors},
        urgency=tuple((u, re.compile(rf"(?<!\w){phrase_pattern(u.phrase, variants)}(?!\w)", re.I))
                      for u in load_rules("deadline_urgency.jsonl")),
        blockers=tuple((b, re.compile(_words([b.phrase], variants), re.I),
                        frozenset(canon(c) for c in b.cues) if b.cues is not None else None)
                       for b in load_rules("deadline_blockers.jsonl")),
        noun_prepositions=re.compile(_words([f.phrase for f in frames if f.kind == "preposition"], variants), re.I),
        noun_heads=re.compile(rf"{_words([f.phrase for f in frames if f.kind == 'noun'], variants)}\s*$", re.I),
        canon=canon,
    )
