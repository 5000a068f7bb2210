"""The page's words in Vietnamese (the default) and English, from data/messages.json."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from chidao.errors import InputError

LANGUAGES = ("vi", "en")
_SOURCE = "chidao/review/data/messages.json"


@dataclass(frozen=True, slots=True)
class Message:
    vi: str
    en: str

    @classmethod
    def from_dict(cls, key: str, raw: dict[str, str]) -> Message:
        """Build a message, rejecting unknown or missing languages and non-NFC text."""
        if set(raw) != set(LANGUAGES):
            raise InputError(_SOURCE, f"message {key!r} has languages {sorted(raw)}",
                             f"give exactly {list(LANGUAGES)}")
        for lang, text in raw.items():
            if not isinstance(text, str) or not text or unicodedata.normalize("NFC", text) != text:
                raise InputError(_SOURCE, f"message {key!r} ({lang}) is empty or not NFC",
                                 "write it as NFC text")
        return cls(raw["vi"], raw["en"])


@cache
def messages() -> dict[str, Message]:
    raw = json.loads(resources.files("chidao.review").joinpath("data", "messages.json")
                     .read_text(encoding="utf-8"))
    return {key: Message.from_dict(key, value) for key, value in raw.items() if not key.startswith("_")}


def translator(lang: str):  # type: ignore[no-untyped-def]
    """Return t(key) for one language; an unknown key shows itself, so it is seen and fixed."""
    table = messages()
    chosen = lang if lang in LANGUAGES else "vi"

    def t(key: str) -> str:
        message = table.get(key)
        return getattr(message, chosen) if message else key

    return t
