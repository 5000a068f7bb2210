"""One key for a unit name, so that two spellings of the same unit compare equal."""

from __future__ import annotations

import unicodedata

from extractors.normalize import normalize


def unit_key(unit: str) -> str:
    """Compare units as an officer would: case, spacing and tone-mark placement aside."""
    text = normalize(unicodedata.normalize("NFC", unit)).text
    return " ".join(text.casefold().replace("ủy ban nhân dân", "ubnd").split()).strip(" .;,")
