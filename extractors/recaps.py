"""Closing recaps: sentences that repeat a document's directives as a whole.

"Thủ trưởng các sở ... chịu trách nhiệm thi hành Quyết định này", "Các đơn vị được giao
nhiệm vụ trong Kế hoạch khẩn trương tổ chức triển khai ...": each directive is already a
task, so the recap assigns nothing new (corpus/NOTES.md §1.1). Where a document assigns
nothing else, its execution clause is the one thing to track and stays (§1.2).
"""

from __future__ import annotations

import re
from functools import cache

from extractors.resources import json_data


@cache
def _patterns(key: str) -> tuple[re.Pattern[str], ...]:
    data = json_data("task_recaps.json")
    doc = "|".join(re.escape(w) for w in data["doc_words"])
    return tuple(re.compile(p.replace("<doc>", doc), re.IGNORECASE) for p in data[key])


def is_execution_clause(text: str) -> bool:
    """Tell whether a text is an execution clause ("... chịu trách nhiệm thi hành Quyết định này")."""
    flat = " ".join(text.split())
    return any(p.search(flat) for p in _patterns("execution"))


def is_recap(text: str) -> bool:
    """Tell whether a task's text only recaps the document's directives."""
    flat = " ".join(text.split())
    if is_execution_clause(flat) or any(p.search(flat) for p in _patterns("patterns")):
        return True
    # "... nghiêm túc thực hiện. Trong quá trình thực hiện, nếu có khó khăn ... báo cáo": a
    # closing followed by its conditional escalation is a recap however long the two are
    return all(_is_closing(sentence) for sentence in _sentences(flat))


def _is_closing(sentence: str) -> bool:
    short = len(sentence) <= json_data("task_recaps.json")["closing_max_chars"]
    return short and any(p.search(sentence) for p in _patterns("closings"))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\w)")


def _sentences(flat: str) -> list[str]:
    """Split at a full stop followed by a capitalized word ("... thực hiện. Trong quá trình ...")."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(flat):
        # not after a list marker alone ("11. Chủ tịch ..."): a sentence has words
        if flat[m.end()].isupper() and " " in flat[start:m.start()]:
            out.append(flat[start:m.start()])
            start = m.end()
    out.append(flat[start:])
    return out


def recaps_to_drop(texts: list[str]) -> set[int]:
    """Return the indexes of recaps, unless nothing but recaps is left."""
    recaps = {i for i, t in enumerate(texts) if is_recap(t)}
    return recaps if len(recaps) < len(texts) else set()
