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


def is_fact_field(body: str) -> bool:
    """Tell whether `body` is "Label: value" with a label that names a fact of a record."""
    m = _LABEL.match(body.lstrip())
    return m is not None and m.group(1).lower().startswith(_labels())
