"""Find the state bodies (units) a Vietnamese task text names, with a grammar kept as data.

A unit is a head noun from `unit_heads.json` ("Sở", "Ủy ban nhân dân", "Ban Quản lý")
followed by a name (a gazetteer name from `unit_names.json`, another unit, or an open
name that ends at a stop word from `unit_stops.json`) and an optional place
("tỉnh Quảng Ninh", "phường Văn Phú"). Collectives ("các sở, ban, ngành") and elliptical
lists ("các Sở: Công Thương, Tài chính") follow `unit_collectives.json`.
Titles before a unit are left out: "Giám đốc Sở Công Thương" gives "Sở Công Thương".

No underthesea here, by measurement: ending open names at the first word its POS tagger
marks V would cut 8 of 10 real open names ("Ban Quản lý dự án đầu tư xây dựng ...",
"Cục Bảo tồn ...", "Trung tâm Phục vụ ..."), and tagging costs far more than this grammar.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from typing import Any

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

    @classmethod
    def from_dict(cls, raw: dict[str, Any], source: str) -> HeadRule:
        """Build a rule, rejecting unknown keys and open modes."""
        check_keys(raw, {f.name for f in fields(cls)}, source)
        if raw.get("open", "none") not in ("cap", "any", "none"):
            raise UnitDataError(source, f"head {raw['head']!r}: open must be cap, any or none", "fix the entry")
        tupled = {k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()}
        return cls(**tupled)


def check_keys(raw: dict[str, Any], allowed: set[str], source: str) -> None:
    """Raise UnitDataError naming the unknown keys of one data record."""
    unknown = set(raw) - allowed
    if unknown:
        raise UnitDataError(source, f"unknown keys {sorted(unknown)}", f"allowed keys: {sorted(allowed)}")


# Old tone placement ("uỷ", "hoà") and the broken-font "Ƣ" are matched as the new forms.
_TONE = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
         "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_ABBREVIATIONS = frozenset({"VPCP", "NHNN", "BCA", "BQP", "BYT", "BCT", "BTC", "BXD", "BNNMT", "BKHCN", "BTNMT", "VKSNDTC", "TANDTC"})
_TOKEN = re.compile(r"[^\W_]+(?:[&.\-/][^\W_]+)*|\S")


def key(word: str) -> str:
    """Return the matching key of one token: NFC, lower case, new tone placement."""
    k = unicodedata.normalize("NFC", word).lower().replace("ƣ", "ư")
    tail = k[-2:]
    if tail in _TONE and not (tail[0] == "u" and k[-3:-2] == "q"):
        k = k[:-2] + _TONE[tail]
    return k


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str
    broken: bool = False  # a line break or tab comes before this token

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def word(self) -> bool:
        return self.text[0].isalnum()


def tokenize(text: str) -> list[Token]:
    """Split text into syllables and punctuation with their offsets."""
    toks, last = [], 0
    for m in _TOKEN.finditer(text):
        gap = text[last : m.start()]
        toks.append(Token(m.start(), m.end(), m.group(), key(m.group()), "\n" in gap or "\t" in gap))
        last = m.end()
    return toks


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
            if tuple(t.key for t in toks[i : i + len(keys)]) == keys:
                return len(keys), value
        return None


@dataclass(frozen=True, slots=True)
class Grammar:
    heads: PhraseTable
    names: dict[str, PhraseTable]
    bodies: PhraseTable
    places: PhraseTable
    levels: PhraseTable
    stops: PhraseTable
    keeps: PhraseTable
    nouns: PhraseTable
    qualifiers: PhraseTable
    blocked: PhraseTable
    titles: PhraseTable
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
        names={"sector": _plain(names["sector"])},
        bodies=_plain(names["bodies"]),
        places=_plain([*places, "TP.HCM", "TPHCM", "HCM"]),
        levels=PhraseTable((lv["level"], lv["places"]) for lv in levels["levels"]),
        stops=_plain(stops["stops"]),
        keeps=_plain(stops["keeps"]),
        nouns=_plain(coll["nouns"]),
        qualifiers=_plain(coll["qualifiers"]),
        blocked=_plain(coll["blocked"]),
        titles=_plain(levels["titles"]),
        documents=_plain(stops["documents"]),
    )


@dataclass(frozen=True, slots=True)
class _Span:
    """A parsed unit over tokens [i, j); `text` set when an elliptical item is completed."""

    i: int
    j: int
    head: str
    collective: bool = False
    text: str | None = None
    names: str | None = None


def _head_at(g: Grammar, toks: Sequence[Token], i: int) -> tuple[int, HeadRule] | None:
    """Return the head starting at token i, if it is capitalized and not an ordinary word."""
    m = g.heads.match(toks, i)
    if not m or not toks[i].cap:
        return None
    n, (alias, rule) = m
    if _shouting(toks[i].text) and not alias.split()[0].isupper():
        return None  # "CỘNG HÒA XÃ HỘI", "BÁO CÁO": headings in capitals are not task text
    for word in rule.not_followed_by:
        if _words_at(toks, i + n, word):
            return None
    if rule.name_starts and not any(_words_at(toks, i + n, w) for w in rule.name_starts):
        return None
    return n, rule


def _shouting(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _words_at(toks: Sequence[Token], i: int, phrase: str) -> bool:
    words = [key(w) for w in phrase.split()]
    return [t.key for t in toks[i : i + len(words)]] == words


def _locality(g: Grammar, toks: Sequence[Token], j: int) -> int:
    """Return the token index after an optional place ("tỉnh Lào Cai", "phường 5", "Hà Nội")."""
    m = g.levels.match(toks, j)
    if m is not None and _head_at(g, toks, j):
        return j  # "Tỉnh ủy" is a head, not the level "tỉnh"
    if m is None:
        place = g.places.match(toks, j)
        return j + place[0] if place and toks[j].cap else j
    n, mode = m
    k = j + n
    place = g.places.match(toks, k)
    if mode != "none" and place and toks[k].cap:
        return k + place[0]
    if mode == "open":
        run = k
        while run < len(toks) and run - k < 4 and toks[run].word and (toks[run].cap or toks[run].text.isdigit()):
            if _head_at(g, toks, run) or g.stops.match(toks, run) or (toks[run].text.isdigit() and run > k):
                break
            if run > k and toks[run].broken:
                break  # a place name does not run over a line break or a table cell
            run += 1
        return run
    return k


_SPACES = re.compile(r"\s+")  # a name wrapped over lines is written with single spaces


def _open_name(g: Grammar, toks: Sequence[Token], j: int, mode: str) -> int:
    """Return the end of an open name starting at j: words up to a stop word, head or place."""
    if mode == "none" or j >= len(toks) or not toks[j].word or (mode == "cap" and not toks[j].cap):
        return j
    k = j
    while k < len(toks) and k - j < 12 and toks[k].word:
        keep = g.keeps.match(toks, k)
        if keep and k > j:
            k += keep[0]
            continue
        if _head_at(g, toks, k) or (k > j and g.levels.match(toks, k)):
            break
        if g.stops.match(toks, k) and not toks[k].cap:  # a capital inside a name is part of it
            if toks[k].key == "và" and _name_goes_on(g, toks, k + 1):
                k += 1  # "Cục Bảo tồn thiên nhiên và Đa dạng sinh học": "và" inside the name
                continue
            break
        k += 1
    return k


def _name_goes_on(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    """Tell whether a capitalized word after "và" continues the name (not a head or document)."""
    return k < len(toks) and toks[k].cap and not _head_at(g, toks, k) and not g.documents.match(toks, k)


def _unit(g: Grammar, toks: Sequence[Token], i: int, nested: bool = False) -> _Span | None:
    """Parse one named unit (not a "các ..." collective) starting at token i."""
    if i >= len(toks) or not toks[i].cap:
        return None
    body = g.bodies.match(toks, i) if not _shouting(toks[i].text) or toks[i].text in _ABBREVIATIONS else None
    head = _head_at(g, toks, i)
    if body and (not head or body[0] > head[0]):
        h = g.heads.match(toks, i)
        return _Span(i, _locality(g, toks, i + body[0]), h[1][1].head if h else toks[i].text)
    if head is None:
        return None
    n, rule = head
    j = i + n
    if j < len(toks) and toks[j].key == "các":
        coll = _collective_nouns(g, toks, j + 1, levels_only=True)
        if coll > j + 1:
            return _Span(i, coll, rule.head, collective=True)
    named = False
    gaz = g.names.get(rule.names or "")
    hit = gaz.match(toks, j) if gaz else None
    if hit and toks[j].cap:
        j, named = j + hit[0], True
    elif rule.of_unit and (sub := _unit(g, toks, j, nested=True)) is not None:
        return _Span(i, sub.j, rule.head)
    if not named:
        k = _open_name(g, toks, j, rule.open)
        j, named = k, k > j
    k = _locality(g, toks, j)
    if named and k == j and (owner := _head_at(g, toks, j)) and owner[1].owner:
        k = _locality(g, toks, j + owner[0])  # "Ban Tuyên giáo Tỉnh ủy"
    if named or k > j or rule.bare or (nested and rule.names):
        return _Span(i, k, rule.head, names=rule.names if hit else None)
    return None


def _collective_nouns(g: Grammar, toks: Sequence[Token], k: int, levels_only: bool = False) -> int:
    """Return the end of "noun(, noun)* qualifiers" after "các", or k when none starts there."""
    start, end = k, k
    while k < len(toks):
        if g.blocked.match(toks, k):
            break
        m = g.levels.match(toks, k) if levels_only else g.nouns.match(toks, k)
        if m is None or (k > start and _head_at(g, toks, k) and not levels_only):
            break
        k = end = k + m[0]
        while (q := g.qualifiers.match(toks, k)) is not None:
            k = end = k + q[0]
        if k < len(toks) and toks[k].key in (",", "và") and k + 1 < len(toks) and not toks[k + 1].cap:
            k += 1
            continue
        break
    return end if end > start else start


def _elliptical(g: Grammar, toks: Sequence[Token], i: int, text: str) -> list[_Span] | None:
    """Complete "các Sở: Công Thương, Tài chính" or "UBND các phường: Yên Bái, Văn Phú"."""
    if toks[i].key == "các" and (hm := g.heads.match(toks, i + 1)):
        m = hm[0], hm[1][1]
        prefix_from, colon = i + 1, i + 1 + m[0]
    elif (m := _head_at(g, toks, i)) and i + m[0] < len(toks) and toks[i + m[0]].key == "các":
        level = g.levels.match(toks, i + m[0] + 1)
        if level is None:
            return None
        prefix_from, colon = i, i + m[0] + 1 + level[0]
    else:
        return None
    if colon >= len(toks) or toks[colon].text != ":":
        return None
    words = [t.text for t in toks[prefix_from:colon] if t.key != "các"]
    prefix = " ".join(words)
    return _items(g, toks, colon + 1, prefix[0].upper() + prefix[1:], m[1], text) or None


def _items(
    g: Grammar, toks: Sequence[Token], k: int, prefix: str, rule: HeadRule, text: str, gazetteer_only: bool = False
) -> list[_Span]:
    """Read the comma/"và" list of names after an elliptical head."""
    spans: list[_Span] = []
    gaz = g.names.get(rule.names or "")
    while k < len(toks) and toks[k].cap and toks[k].word:
        hit = gaz.match(toks, k) if gaz else None
        if hit:
            end = k + hit[0]
        elif gazetteer_only or _head_at(g, toks, k):
            break
        else:
            end = max(_open_name(g, toks, k, "cap"), _locality(g, toks, k))
        if end == k:
            break
        end = _locality(g, toks, end) if gaz else end
        written = text[toks[k].start : toks[end - 1].end]
        spans.append(_Span(k, end, rule.head, text=f"{prefix} {written}"))
        if end + 1 < len(toks) and toks[end].key in (",", "và"):
            k = end + 1
        else:
            break
    return spans


def _collective(g: Grammar, toks: Sequence[Token], i: int) -> _Span | None:
    if toks[i].key != "các":
        return None
    end = _collective_nouns(g, toks, i + 1)
    if end == i + 1:
        return None
    return _Span(i, end, g.nouns.match(toks, i + 1)[1], collective=True)


def _mention(text: str, toks: Sequence[Token], span: _Span) -> UnitMention:
    start, end = toks[span.i].start, toks[span.j - 1].end
    written = span.text or text[start:end]
    return UnitMention(start, end, _SPACES.sub(" ", written), span.head, span.collective)


def find_units(text: str) -> list[UnitMention]:
    """Return the units named in `text`, in text order.

    Args:
        text: one task text (a sentence or an enumerated item), any length.
    Returns:
        One `UnitMention` per unit as written; an elliptical list gives one per item.
    """
    g = grammar()
    toks = tokenize(text)
    found: list[UnitMention] = []
    i = 0
    while i < len(toks):
        items = _elliptical(g, toks, i, text)
        if items:
            found.extend(_mention(text, toks, s) for s in items)
            i = items[-1].j
            continue
        span = _collective(g, toks, i) or _unit(g, toks, i)
        if span is None:
            i += 1
            continue
        found.append(_mention(text, toks, span))
        i = span.j
        if span.names and i + 1 < len(toks) and toks[i].key in (",", "và") and not _head_at(g, toks, i + 1):
            rule = g.heads.match(toks, span.i)[1][1]  # "Bộ Công an, Tài chính": the head is left out
            items = _items(g, toks, i + 1, toks[span.i].text, rule, text, gazetteer_only=True)
            found.extend(_mention(text, toks, s) for s in items)
            i = items[-1].j if items else i
    return found
