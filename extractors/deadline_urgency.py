"""Urgency words (khẩn trương, kịp thời, ngay, sớm, thường xuyên): mentions that are never a date."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.deadline_grammar import grammar
from extractors.deadline_mention import DeadlineMention, is_free

_EDGE = 30  # context read around an urgency word to tell "ngay cả" from "ngay"


def urgency_mentions(text: str, taken: list[DeadlineMention]) -> Iterator[DeadlineMention]:
    """Yield urgency words outside the spans already taken, minus the contexts their rules exclude."""
    for rule, pattern in grammar().urgency:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - _EDGE):match.start()]
            after = text[match.end():match.end() + _EDGE]
            if rule.not_after and re.search(rule.not_after, before, re.I):
                continue
            if rule.not_before and re.search(rule.not_before, after, re.I):
                continue
            if is_free(taken, match.start(), match.end()):
                yield DeadlineMention(match.start(), match.end(), match[0], None, "urgency", None, rule.phrase)


def is_continuous(text: str) -> bool:
    """Tell whether a task's own text says its work never ends ("thời gian thực hiện: thường xuyên").

    Such a task has no due date, so it must not inherit its list intro's deadline the way a
    task that only says "khẩn trương" does (ANNOTATION §4; NOTES 1.6: "thường xuyên" is no period).
    The words and the contexts where they mean something else ("chi thường xuyên") are the
    `continuous` rules of `deadline_urgency.jsonl`.
    """
    continuous = {rule.phrase for rule, _ in grammar().urgency if rule.continuous}
    return any(m.cue in continuous for m in urgency_mentions(text, []))
