"""The unit grammar's data: head rules, tokens, phrase tables, loaded from extractors/data.

`find_units` (units.py) parses with these; roles.py and the review app read them too.
Matching is on keys (NFC, lower case, new tone placement), so "Uỷ ban" matches "Ủy ban".
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple

from chidao.errors import ChidaoError


class UnitDataError(ChidaoError):
    """A unit or role data file under extractors/data is malformed."""

    code = "E311"


@dataclass(frozen=True, slots=True)
class UnitMention:
    """One unit as the document names it; `start`/`end` are offsets into the text given."""

    start: int
    end: int
    text: str
    head: str
    collective: bool


@dataclass(frozen=True, slots=True)
class HeadRule:
    """A head noun and how a name may follow it (see unit_heads.json `_doc`)."""

    head: str
    aliases: tuple[str, ...] = ()
    names: str | None = None
    open: str = "none"
    bare: bool = False
    of_unit: bool = False
    owner: bool = False
    name_starts: tuple[str, ...] = ()
    not_followed_by: tuple[str, ...] = ()
    person: bool = False

    @classmethod
    def from_dict(cls, raw: dict[str, Any], source: str) -> HeadRule:
        """Build a rule, rejecting unknown keys and open modes."""
        check_keys(raw, {f.name for f in fields(cls)}, source)
        if raw.get("open", "none") not in ("cap", "any", "none"):
            raise UnitDataError(source, f"head {raw['head']!r}: open must be cap, any or none", "fix the entry")
        tupled: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()}
        return cls(**tupled)


def check_keys(raw: dict[str, Any], allowed: set[str], source: str) -> None:
    """Raise UnitDataError naming the unknown keys of one data record."""
    unknown = set(raw) - allowed
    if unknown:
        raise UnitDataError(source, f"unknown keys {sorted(unknown)}", f"allowed keys: {sorted(allowed)}")


# Old tone placement ("uỷ", "hoà") and the broken-font "Ƣ" are matched as the new forms.
_TONE = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
         "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
ABBREVIATIONS = frozenset({"VPCP", "NHNN", "BCA", "BQP", "BYT", "BCT", "BTC", "BXD", "BNNMT", "BKHCN", "BTNMT", "VKSNDTC", "TANDTC"})
_TOKEN = re.compile(r"[^\W_]+(?:[&.\-/][^\W_]+)*|\S")


@lru_cache(maxsize=1 << 16)  # the syllables of a language: few, and each seen many times
def key(word: str) -> str:
    """Return the matching key of one token: NFC, lower case, new tone placement."""
    k = unicodedata.normalize("NFC", word).lower().replace("ƣ", "ư")
    tail = k[-2:]
    if tail in _TONE and not (tail[0] == "u" and k[-3:-2] == "q"):
        k = k[:-2] + _TONE[tail]
    return k


class Token(NamedTuple):
    """One syllable or punctuation mark; a tuple because texts are split into thousands of them."""

    start: int
    end: int
    text: str
    key: str
    broken: bool = False  # a line break or tab comes before this token
    cap: bool = False  # it begins with a capital
    word: bool = False  # it begins with a letter or digit


_CACHED_CHARS = 20_000  # task texts are cached; a whole document passed in is split afresh, not kept


def tokenize(text: str) -> tuple[Token, ...]:
    """Split text into syllables and punctuation with their offsets."""
    return _tokens(text) if len(text) <= _CACHED_CHARS else _tokens.__wrapped__(text)


@lru_cache(maxsize=64)  # find_units and assign_roles split the same task text one after the other
def _tokens(text: str) -> tuple[Token, ...]:
    toks, last = [], 0
    for m in _TOKEN.finditer(text):
        start, word = m.start(), m.group()
        broken = start > last and ("\n" in text[last:start] or "\t" in text[last:start])
        first = word[0]
        toks.append(Token(start, m.end(), word, key(word), broken, first.isupper(), first.isalnum()))
        last = m.end()
    return tuple(toks)


class PhraseTable:
    """Token phrases indexed by first key; `match` returns the longest one at a position."""

    def __init__(self, phrases: Iterable[tuple[str, Any]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for phrase, value in phrases:
            keys = tuple(t.key for t in tokenize(phrase))
            self._by_first.setdefault(keys[0], []).append((keys, value))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def match(self, toks: Sequence[Token], i: int) -> tuple[int, Any] | None:
        if i >= len(toks):
            return None
        for keys, value in self._by_first.get(toks[i].key, ()):
            n = len(keys)
            if n == 1 or (i + n <= len(toks) and all(toks[i + d].key == keys[d] for d in range(1, n))):
                return n, value
        return None


@dataclass(frozen=True, slots=True)
class Grammar:
    heads: PhraseTable
    names: dict[str, PhraseTable]
    bodies: PhraseTable
    places: PhraseTable
    levels: PhraseTable
    plurals: PhraseTable
    stops: PhraseTable
    keeps: PhraseTable
    modals: PhraseTable
    links: PhraseTable  # stop words that join or mark words and so begin no verb phrase
    nouns: PhraseTable
    private: frozenset[str]
    verbal: frozenset[str]
    qualifiers: PhraseTable
    having: PhraseTable  # "có" phrases, verbs as a rule, that may still say which members: "có kế hoạch"
    pairs: PhraseTable  # two words a qualifier holds across a comma: "sửa chữa, cải tạo"
    relatives: PhraseTable  # words that open a clause narrowing a collective, which a modal closes
    owners: PhraseTable
    blocked: PhraseTable
    addressed_after: PhraseTable
    addressed_ends: frozenset[str]  # the last key of each addressed_after phrase
    addressed_openers: PhraseTable
    titles: PhraseTable
    title_ends: frozenset[str]  # the last key of each title
    documents: PhraseTable


def _data(name: str) -> str:
    return resources.files("extractors").joinpath("data", name).read_text(encoding="utf-8")


def load_json(name: str) -> dict[str, Any]:
    """Parse a JSON data file, naming the file when it is not valid JSON."""
    try:
        return json.loads(_data(name))
    except json.JSONDecodeError as exc:
        raise UnitDataError(f"extractors/data/{name}", f"invalid JSON: {exc}", "fix the syntax") from exc


def _plain(items: Iterable[str]) -> PhraseTable:
    return PhraseTable((s, s) for s in items)


@cache
def grammar() -> Grammar:
    """Load the unit grammar from extractors/data (once per process)."""
    src = "extractors/data/unit_heads.json"
    rules = [HeadRule.from_dict(h, src) for h in load_json("unit_heads.json")["heads"]]
    heads = PhraseTable((alias, (alias, r)) for r in rules for alias in (r.head, *r.aliases))
    names = load_json("unit_names.json")
    stops, coll, levels = load_json("unit_stops.json"), load_json("unit_collectives.json"), load_json("unit_levels.json")
    places = [line.split("\t")[0] for line in _data("unit_places.tsv").splitlines() if line and line[0] != "#"]
    return Grammar(
        heads=heads,
        names={group: _plain(v) for group, v in names.items() if group not in ("_doc", "bodies")},
        bodies=_plain(names["bodies"]),
        places=_plain([*places, "TP.HCM", "TPHCM", "HCM"]),
        levels=PhraseTable((lv["level"], lv["places"]) for lv in levels["levels"]),
        plurals=_plain(levels["plurals"]),
        stops=_plain(stops["stops"]),
        keeps=_plain(stops["keeps"]),
        modals=_plain(stops["modals"]),
        links=_plain(stops["links"]),
        nouns=_plain(coll["nouns"]),
        private=frozenset(coll["private"]),
        verbal=frozenset(coll["verbal"]),
        qualifiers=_plain(coll["qualifiers"]),
        having=_plain(coll["having"]),
        pairs=_plain(coll["pairs"]),
        relatives=_plain(coll["relatives"]),
        owners=_plain(coll["owners"]),
        blocked=_plain(coll["blocked"]),
        addressed_after=_plain(coll["addressed_after"]),
        addressed_ends=frozenset(tokenize(p)[-1].key for p in coll["addressed_after"]),
        addressed_openers=_plain(coll["addressed_openers"]),
        titles=_plain(levels["titles"]),
        title_ends=frozenset(tokenize(t)[-1].key for t in levels["titles"]),
        documents=_plain(stops["documents"]),
    )
