"""JSON Lines: one task per line, Vietnamese written as itself (not \\u escapes)."""

from __future__ import annotations

import json
from typing import Any


def to_jsonl(tasks: list[dict[str, Any]]) -> bytes:
    lines = (json.dumps(task, ensure_ascii=False, sort_keys=True) for task in tasks)
    return "".join(line + "\n" for line in lines).encode("utf-8")
