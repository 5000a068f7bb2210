"""CSV that Excel opens with Vietnamese intact: UTF-8 with a byte-order mark, CRLF rows."""

from __future__ import annotations

import csv
import io
from typing import Any

COLUMNS = ("id", "document_number", "document_date", "text", "lead_units", "support_units",
           "deadline", "deadline_text", "recurrence", "status", "done_date", "review_state",
           "source", "page", "version")
UNIT_SEPARATOR = "; "  # unit names contain commas ("các bộ, ngành, địa phương"), never ";"


def to_csv(tasks: list[dict[str, Any]], delimiter: str = ",") -> bytes:
    """Return the tasks as CSV; `delimiter=";"` suits Excel under a Vietnamese locale,
    whose list separator is ";" because the decimal separator is ",".
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for task in tasks:
        writer.writerow([_cell(task.get(name)) for name in COLUMNS])
    # Without the BOM, Excel reads UTF-8 as the machine's code page and garbles every accent.
    return buffer.getvalue().encode("utf-8-sig")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return UNIT_SEPARATOR.join(value)
    return str(value)
