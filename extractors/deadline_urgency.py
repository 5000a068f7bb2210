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
