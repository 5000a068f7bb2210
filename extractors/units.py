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

import re
from collections.abc import Sequence

from extractors.unit_collectives import bare_collective, elliptical, list_items, parse_collective
from extractors.unit_grammar import (
    Grammar,
    HeadRule,
    PhraseTable,
    Token,
    UnitDataError,
    UnitMention,
    check_keys,
    grammar,
    key,
    load_json,
    tokenize,
)
from extractors.unit_heads import Span, head_at, matched
from extractors.unit_named import SPACES, parse_unit

__all__ = [
    "HeadRule", "PhraseTable", "Token", "UnitDataError", "UnitMention", "check_keys", "find_units",
    "grammar", "key", "load_json", "tokenize",
]


def _mention(text: str, toks: Sequence[Token], span: Span) -> UnitMention:
    start, end = toks[span.i].start, toks[span.j - 1].end
    written = span.text or text[start:end]
    return UnitMention(start, end, SPACES.sub(" ", written), span.head, span.collective)


def find_units(text: str) -> list[UnitMention]:
    """Return the units named in `text`, in text order.

    Args:
        text: one task text (a sentence or an enumerated item), any length.
    Returns:
        One `UnitMention` per unit as written; an elliptical list gives one per item.
    """
    g = grammar()
    toks = tokenize(text)
    spans: list[Span] = []
    opener = _opener(toks)
    requested = _requested(g, toks, opener)
    i = 0
    while i < len(toks):
        clause = i > 0 and toks[i - 1].text in ",;" and toks[i].cap  # a capital mid-sentence: a defined party
        addressed = i in (opener, requested) or clause or _after_addressee_cue(g, toks, i, spans)
        if not toks[i].cap and toks[i].key != "các" and not addressed:
            i += 1  # only a capital, "các" or an addressee's place starts a unit: the common case, made cheap
            continue
        items = elliptical(g, toks, i, text)
        if items:
            spans.extend(items)
            i = items[-1].j
            continue
        span = parse_collective(g, toks, i) or parse_unit(g, toks, i)
        if span is None and addressed:
            span = _bare_at(g, toks, i, opener, clause, spans)
        if span is None:
            i += 1
            continue
        span = _with_parenthesis(toks, _with_dashed_owner(g, toks, span))
        if spans and (shared := _shared_place(g, text, toks, spans[-1], span)):
            spans[-1] = shared
        spans.append(span)
        i = span.j
        if span.names and i + 1 < len(toks) and toks[i].key in (",", "và") and not head_at(g, toks, i + 1):
            rule = matched(g.heads, toks, span.i)[1]  # "Bộ Công an, Tài chính": the head is left out
            items = list_items(g, toks, i + 1, toks[span.i].text, rule, text, gazetteer_only=True)
            spans.extend(items)
            i = items[-1].j if items else i
    return [_mention(text, toks, s) for s in spans]


def _bare_at(g: Grammar, toks: Sequence[Token], i: int, opener: int, clause: bool, spans: list[Span]) -> Span | None:
    """Parse a collective written without "các" where an addressee stands; after a comma and a
    capital it must be a clause's subject, which a modal follows ("..., Nhà đầu tư phải ...")."""
    span = bare_collective(g, toks, i, listed=i != opener)
    if span is None or not clause or i == opener or _after_addressee_cue(g, toks, i, spans):
        return span
    return span if g.modals.match(toks, span.j) else None


_ITEM_MARK = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])$|^[-+•–*().]$", re.IGNORECASE)


def _opener(toks: Sequence[Token]) -> int:
    """Return the index of the first word after an item's marker ("1.", "a)", "-", "(3).")."""
    k = 0
    while k < len(toks) and k < 5 and _ITEM_MARK.match(toks[k].text) and not (toks[k].word and k + 1 < len(toks) and toks[k + 1].word):
        k += 1
    return k


def _after_addressee_cue(g: Grammar, toks: Sequence[Token], i: int, spans: list[Span]) -> bool:
    """Tell whether token i follows an addressee cue ("phối hợp với", "trách nhiệm của") or a unit
    and a comma (a list going on)."""
    if i == 0:
        return False
    prev = toks[i - 1].key
    if prev in (",", "và"):
        return bool(spans) and spans[-1].j == i - 1
    if prev in g.title_ends and not toks[i].cap and _ends_with(g.titles, toks, i):
        return True  # "Thủ trưởng cơ quan ngang bộ": the body a title heads (not "Lãnh đạo Sở": the issuer)
    if prev not in g.addressed_ends:
        return False  # most words: no cue ends here, so no phrase need be tried
    return _ends_with(g.addressed_after, toks, i)


def _requested(g: Grammar, toks: Sequence[Token], opener: int) -> int:
    """Return the index after a request that opens the item ("2. Yêu cầu cơ sở khắc phục ..."), or -1.

    With no subject before the request, the party it names is the item's addressee. Mid-sentence
    ("..., đề nghị đơn vị sử dụng đất ...") such a noun refers back to the party the letter addresses,
    whom the item inherits (corpus/NOTES.md, CV-SNNMT-8: back-references inherit the intro addressee).
    """
    cue = g.addressed_openers.match(toks, opener)
    return opener + cue[0] if cue is not None else -1


def _ends_with(table: PhraseTable, toks: Sequence[Token], i: int) -> bool:
    """Tell whether a phrase of `table` ends right before token i."""
    return any((m := table.match(toks, i - n)) is not None and m[0] == n for n in (1, 2, 3, 4) if i >= n)


def _with_dashed_owner(g: Grammar, toks: Sequence[Token], span: Span) -> Span:
    """Take in the body a unit belongs to, written after a dash: "Phòng Cảnh sát giao thông - Công an Thành phố"."""
    j = span.j
    if span.collective or span.text is not None or j + 1 >= len(toks) or toks[j].text not in "-–":
        return span
    owner = parse_unit(g, toks, j + 1)
    if owner is None or owner.head == span.head:
        return span  # "giữa Sở Nông nghiệp và Môi trường - Sở Xây dựng": two peers, not an owner
    return Span(span.i, owner.j, span.head, names=span.names)


def _with_parenthesis(toks: Sequence[Token], span: Span) -> Span:
    """Take in a capitalized parenthesis right after a unit: "(Công an Thành phố)", "(VOV)"."""
    j = span.j
    if span.collective or span.text is not None or j + 2 >= len(toks) or toks[j].text != "(" or not toks[j + 1].cap:
        return span  # after a collective the parenthesis lists examples ("các cơ sở đào tạo (Trường ...)")
    close = next((k for k in range(j + 2, min(j + 8, len(toks))) if toks[k].text == ")"), None)
    return span if close is None else Span(span.i, close + 1, span.head, span.collective, None, span.names)


def _shared_place(g: Grammar, text: str, toks: Sequence[Token], before: Span, span: Span) -> Span | None:
    """Complete "Hội đồng nhân dân, Ủy ban nhân dân thành phố Đà Nẵng": the first body shares the place."""
    head_before, head = g.heads.match(toks, before.i), g.heads.match(toks, span.i)
    if before.text or not head_before or not head or before.j != before.i + head_before[0]:
        return None
    if not (head_before[1][1].bare and head[1][1].bare) or toks[before.j].key not in (",", "và") or before.j + 1 != span.i:
        return None
    place_from = span.i + head[0]
    if g.levels.match(toks, before.i):
        return None  # "Tỉnh ủy, Hội đồng nhân dân tỉnh": a committee named by its level has its place
    if place_from >= span.j or not g.levels.match(toks, place_from):
        return None
    place = text[toks[place_from].start : toks[span.j - 1].end]
    return Span(before.i, before.j, before.head, text=f"{text[toks[before.i].start : toks[before.j - 1].end]} {place}")
