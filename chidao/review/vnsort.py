"""Sort Vietnamese as a dictionary does: a < ă < â < b … d < đ, tones after letters.

Python's default order puts "Đ" and "Ủ" after "Z" (code point order). PyICU would do
this, but it is a heavy native dependency for one ordering; the Vietnamese alphabet and
its five tone marks are small enough to state here.
"""

from __future__ import annotations

import unicodedata
from functools import cache

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}
# Letter-forming marks (breve, circumflex, horn) are part of the letter.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# Tone order of Vietnamese dictionaries and CLDR: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_OTHER = -1  # spaces, digits, punctuation: before letters, among themselves by code point


@cache
def _char_key(char: str) -> tuple[tuple[int, str], int]:
    """Return a (casefolded) character's letter rank (with a fallback) and its tone."""
    parts = unicodedata.normalize("NFD", char)
    base = unicodedata.normalize("NFC", parts[0] + "".join(m for m in parts[1:] if m in _LETTER_MARKS))
    tone = next((_TONES[m] for m in parts[1:] if m in _TONES), 0)
    rank = _RANK.get(base)
    return ((rank, "") if rank is not None else (_OTHER, base)), tone


def _letters(text: str) -> tuple[list[tuple[int, str]], list[int]]:
    """Return (letter rank, fallback char) pairs and the tone of each letter."""
    keys = [_char_key(char) for char in text.casefold()]
    return [k[0] for k in keys], [k[1] for k in keys]


def sort_key(text: str) -> tuple[list[tuple[int, str]], list[int], str]:
    """Return a key that orders Vietnamese strings by letters, then tones, then case."""
    letters, tones = _letters(unicodedata.normalize("NFC", text))
    return letters, tones, text


def sorted_vi(items: list[str]) -> list[str]:
    return sorted(items, key=sort_key)
