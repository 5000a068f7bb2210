"""Tracker feeds: the store's tasks as JSON Lines, CSV (for Excel) or iCalendar (VTODO)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chidao.exports.csv import to_csv
from chidao.exports.ics import to_ics
from chidao.exports.jsonl import to_jsonl

# format name -> function turning task views (`chidao.store.convert.task_view`) into bytes.
FORMATS: dict[str, Callable[[list[dict[str, Any]]], bytes]] = {
    "jsonl": to_jsonl,
    "csv": to_csv,
    "ics": to_ics,
}

__all__ = ["FORMATS", "to_csv", "to_ics", "to_jsonl"]
