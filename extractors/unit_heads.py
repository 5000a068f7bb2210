"""A unit's head noun where it stands ("Sở", "Ủy ban nhân dân", "Ban Quản lý") and the parsed span record.

Shared by the parsers of named units (unit_named.py), runs of levels and collective nouns
(unit_plurals.py) and collectives (unit_collectives.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from extractors.unit_grammar import Grammar, HeadRule, PhraseTable, Token, key


@dataclass(frozen=True, slots=True)
class Span:
    """A parsed unit over tokens [i, j); `text` set when an elliptical item is completed."""

    i: int
    j: int
    head: str
    collective: bool = False
    text: str | None = None
    names: str | None = None


def head_at(g: Grammar, toks: Sequence[Token], i: int) -> tuple[int, HeadRule] | None:
    """Return the head starting at token i, if it is capitalized and not an ordinary word."""
    m = g.heads.match(toks, i)
    if not m or not toks[i].cap:
        return None
    n, (alias, rule) = m
    if shouting(toks[i].text) and not alias.split()[0].isupper():
        return None  # "CỘNG HÒA XÃ HỘI", "BÁO CÁO": headings in capitals are not task text
    for word in rule.not_followed_by:
        if words_at(toks, i + n, word):
            return None
    if rule.name_starts and not any(words_at(toks, i + n, w) for w in rule.name_starts):
        return None
    return n, rule


def matched(table: PhraseTable, toks: Sequence[Token], i: int) -> Any:
    """Return the value of the phrase at token i, which the caller has already seen match there."""
    m = table.match(toks, i)
    if m is None:
        raise AssertionError(f"no phrase at token {i}: the caller's earlier match should hold")
    return m[1]


def shouting(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def words_at(toks: Sequence[Token], i: int, phrase: str) -> bool:
    words = [key(w) for w in phrase.split()]
    return [t.key for t in toks[i : i + len(words)]] == words
