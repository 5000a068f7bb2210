"""A record's field that states a fact ("Tổng vốn đầu tư: ..."): never a task, whatever its words."""

from __future__ import annotations

import re
from functools import cache

from extractors.resources import json_data

# the label: up to 80 characters without a sentence break, then a colon
_LABEL = re.compile(r"^([^:;.!?\n]{3,80}):\s*\S")


@cache
def _labels() -> tuple[str, ...]:
    return tuple(label.lower() for label in json_data("structure_record_labels.json")["labels"])


@cache
def _person_labels() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = json_data("structure_record_labels.json")
    return tuple(data["person_labels"]), tuple(f"{w} " for w in data["person_words"])


def is_fact_field(body: str) -> bool:
    """Tell whether `body` is "Label: value" with a label that names a fact of a record, or a
    role a person fills ("Chủ trì: Đồng chí ...")."""
    m = _LABEL.match(body.lstrip())
    if m is None:
        return False
    label = m.group(1).lower().strip()
    if label.startswith(_labels()):
        return True
    labels, persons = _person_labels()
    value = body.lstrip()[m.end(1):].lstrip(" :").lower()
    return label in labels and value.startswith(persons)
