"""Settings read from the environment, with the embedded defaults."""

from __future__ import annotations

import os

DEFAULT_DB_URL = "sqlite:///chidao.db"


def db_url(explicit: str | None = None) -> str:
    """Return the store URL: `--db`, else `CHIDAO_DB`, else a SQLite file in the working folder."""
    return explicit or os.environ.get("CHIDAO_DB") or DEFAULT_DB_URL
