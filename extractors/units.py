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
from dataclasses import dataclass
from typing import Any

from extractors.unit_grammar import (
    ABBREVIATIONS,
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

__all__ = [
    "HeadRule", "PhraseTable", "Token", "UnitDataError", "UnitMention", "check_keys", "find_units",
    "grammar", "key", "load_json", "tokenize",
]


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


def _matched(table: PhraseTable, toks: Sequence[Token], i: int) -> Any:
    """Return the value of the phrase at token i, which the caller has already seen match there."""
    m = table.match(toks, i)
    if m is None:
        raise AssertionError(f"no phrase at token {i}: the caller's earlier match should hold")
    return m[1]


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
    if mode == "open" and (more := _more_levels(g, toks, k)) > k:
        return more  # "Ủy ban nhân dân xã, phường": levels listed without names
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


def _more_levels(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Return the end of ", level" repeats after a nameless level, or k when none follow."""
    end = k
    while end + 1 < len(toks) and toks[end].key in (",", "và") and not toks[end + 1].cap:
        m = g.levels.match(toks, end + 1)
        after = end + 1 + m[0] if m else end
        if m is None or (after < len(toks) and toks[after].cap and toks[after].word):
            break
        end = after
    return end


_SPACES = re.compile(r"\s+")  # a name wrapped over lines is written with single spaces


def _open_name(g: Grammar, toks: Sequence[Token], j: int, mode: str) -> int:
    """Return the end of an open name starting at j: words up to a stop word, head or place."""
    if mode == "none" or j >= len(toks) or not toks[j].word or (mode == "cap" and not toks[j].cap):
        return j
    k = j
    while k < len(toks) and k - j < 20 and (toks[k].word or (k > j and _joins_name(g, toks, k))):
        if not toks[k].word:
            k += 1
            continue
        keep = g.keeps.match(toks, k)
        if keep and _repeats(toks, k, keep[0]):
            break  # "Phòng Kế hoạch - Tổng hợp tổng hợp, báo cáo": the repeat is the verb
        if keep:
            k += keep[0]
            continue
        if k > j and (_head_at(g, toks, k) or g.levels.match(toks, k)):
            break  # the first word may be another head's: "Phòng Cảnh sát giao thông"
        if g.stops.match(toks, k) and not toks[k].cap:  # a capital inside a name is part of it
            if toks[k].key == "và" and _name_goes_on(g, toks, k + 1):
                k += 1  # "Cục Bảo tồn thiên nhiên và Đa dạng sinh học": "và" inside the name
                continue
            break
        k += 1
    return k


def _repeats(toks: Sequence[Token], k: int, n: int) -> bool:
    """Tell whether the n tokens at k repeat the n tokens just before them."""
    return k >= n and [t.key for t in toks[k - n : k]] == [t.key for t in toks[k : k + n]]


def _name_goes_on(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    """Tell whether the word after "và" continues the name: a capital that is no head or document,
    or a lower-case content word ("... hạ tầng kỹ thuật và nông nghiệp Thành phố")."""
    if k >= len(toks) or not toks[k].word or _head_at(g, toks, k) or g.documents.match(toks, k):
        return False
    return toks[k].cap or bool(g.keeps.match(toks, k)) or not _ends_name(g, toks, k)


def _ends_name(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    """Tell whether token k cannot go on a name: a stop word, a collective noun or a level."""
    return bool(g.stops.match(toks, k) or g.nouns.match(toks, k) or g.levels.match(toks, k))


def _joins_name(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    """Tell whether punctuation at k sits inside a name: "Kế hoạch - Tổng hợp", "Chính sách, chiến lược Trung ương"."""
    nxt = k + 1
    if nxt >= len(toks) or not toks[nxt].word or _head_at(g, toks, nxt):
        return False
    if toks[k].text in "-–":
        return toks[nxt].cap and not g.documents.match(toks, nxt)
    if toks[k].text != ",":
        return False
    m = nxt
    while m < nxt + 3 and m < len(toks) and toks[m].word and not toks[m].cap and not _ends_name(g, toks, m):
        m += 1
    return m > nxt and m < len(toks) and bool(g.levels.match(toks, m)) and toks[m].cap


def _unit(g: Grammar, toks: Sequence[Token], i: int, nested: bool = False) -> _Span | None:
    """Parse one named unit (not a "các ..." collective) starting at token i."""
    if i >= len(toks) or not toks[i].cap:
        return None
    body = g.bodies.match(toks, i) if not _shouting(toks[i].text) or toks[i].text in ABBREVIATIONS else None
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
    if j + 1 < len(toks) and toks[j].key == "các" and toks[j + 1].cap:
        j += 1  # "Ban Quản lý các Khu công nghiệp tỉnh": "các" before a capitalized name stays in it
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
    if named and not hit:
        k = _owner_place(g, toks, k)
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
            k = end = _place_after_level(g, toks, k + q[0])
        if k < len(toks) and toks[k].key in (",", "và") and k + 1 < len(toks) and not toks[k + 1].cap:
            k += 2 if toks[k + 1].key == "các" and not levels_only else 1  # "Các ngành, các bộ", "các bộ, ngành và các địa phương"
            continue
        break
    return end if end > start else start


def _place_after_level(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Take in what completes a qualifier: the place after a level ("trên địa bàn tỉnh" + "Lào Cai"),
    the name after a head ("thuộc Sở" + "Xây dựng")."""
    if k >= len(toks) or not toks[k].cap:
        return k
    if g.levels.match(toks, k - 1) == (1, "gazetteer"):
        place = g.places.match(toks, k)
        return k + place[0] if place else k
    head = g.heads.match(toks, k - 1)
    gaz = g.names.get(head[1][1].names or "") if head and head[0] == 1 else None
    name = gaz.match(toks, k) if gaz else None
    return k + name[0] if name else k


def _owner_place(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Take in "thuộc Thành phố" / "thuộc tỉnh Lào Cai" after a name: whose body it is, part of the name."""
    if k + 1 >= len(toks) or toks[k].key != "thuộc" or _head_at(g, toks, k + 1):
        return k
    level = g.levels.match(toks, k + 1)
    if level is None or level[1] == "none":
        return k
    end = _locality(g, toks, k + 1)
    return end if end > k + 1 else k + 1 + level[0]


def _elliptical(g: Grammar, toks: Sequence[Token], i: int, text: str) -> list[_Span] | None:
    """Complete "các Sở: Công Thương, Tài chính" or "UBND các phường: Yên Bái, Văn Phú"."""
    m: tuple[int, HeadRule] | None
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
    """Parse "các sở, ban, ngành liên quan" or "các Công ty Lâm nghiệp" (a named kind, many of them)."""
    if toks[i].key != "các":
        return None
    end = _collective_nouns(g, toks, i + 1)
    if end == i + 1:
        named = _unit(g, toks, i + 1)
        return _Span(i, named.j, named.head, collective=True) if named and named.j > i + 2 else None
    return _Span(i, _open_qualifier(g, toks, end), _matched(g.nouns, toks, i + 1), collective=True)


_OPEN_QUALIFIER = 4  # syllables: "các đơn vị duy trì thoát nước", not a whole clause


def _open_qualifier(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Return the end of lower-case words qualifying a collective, which must end at a stop word."""
    m = k
    while m < len(toks) and m - k <= _OPEN_QUALIFIER and toks[m].word and not toks[m].cap:
        if g.stops.match(toks, m) or g.nouns.match(toks, m) or g.levels.match(toks, m):
            break
        m += 1
    ends_well = m < len(toks) and g.stops.match(toks, m) and not g.keeps.match(toks, m)
    if m - k > _OPEN_QUALIFIER or not ends_well or _after_qualifier(g, toks, k):
        return k
    while (q := g.qualifiers.match(toks, m)) is not None:
        m = _place_after_level(g, toks, m + q[0])  # "các cơ sở đào tạo trên địa bàn"
    return m


def _ends_at(table: PhraseTable, toks: Sequence[Token], k: int) -> bool:
    return any((q := table.match(toks, s)) is not None and s + q[0] == k for s in range(max(0, k - 6), k))


def _after_qualifier(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    """Tell whether a listed qualifier (not a noun) ends at k: open words after it are the verb's,
    not the name's ("các tổ chức hoạt động khai thác khoáng sản sử dụng đất"; but "các cơ sở đào tạo")."""
    return _ends_at(g.qualifiers, toks, k) and not _ends_at(g.nouns, toks, k)


def _bare_collective(g: Grammar, toks: Sequence[Token], i: int, listed: bool) -> _Span | None:
    """Parse a collective written without "các" where an addressee stands: "Tổ chức, cá nhân khai thác
    khoáng sản" opening an item, "phối hợp với lực lượng chức năng", "..., chính quyền địa phương"."""
    first = g.nouns.match(toks, i)
    if first is None or (toks[i].cap and not _words_at(toks, i, first[1])) and i > 0 and not listed:
        return None
    end = _collective_nouns(g, toks, i)
    many = any(t.key in (",", "và") for t in toks[i:end])
    if end > i and (listed or many):  # "Tổ chức ứng trực ...": one noun and open words open an item as a verb
        end = _open_qualifier(g, toks, end)
    qualified = end > i + first[0]
    if end == i or not (listed or many or qualified):
        return None
    return _Span(i, end, first[1], collective=True)


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
    spans: list[_Span] = []
    opener = _opener(toks)
    i = 0
    while i < len(toks):
        items = _elliptical(g, toks, i, text)
        if items:
            spans.extend(items)
            i = items[-1].j
            continue
        span = _collective(g, toks, i) or _unit(g, toks, i)
        if span is None and (i == opener or _after_addressee_cue(toks, i, spans)):
            span = _bare_collective(g, toks, i, listed=i != opener)
        if span is None:
            i += 1
            continue
        span = _with_parenthesis(toks, span)
        if spans and (shared := _shared_place(g, text, toks, spans[-1], span)):
            spans[-1] = shared
        spans.append(span)
        i = span.j
        if span.names and i + 1 < len(toks) and toks[i].key in (",", "và") and not _head_at(g, toks, i + 1):
            rule = _matched(g.heads, toks, span.i)[1]  # "Bộ Công an, Tài chính": the head is left out
            items = _items(g, toks, i + 1, toks[span.i].text, rule, text, gazetteer_only=True)
            spans.extend(items)
            i = items[-1].j if items else i
    return [_mention(text, toks, s) for s in spans]


_ITEM_MARK = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])$|^[-+•–*().]$", re.IGNORECASE)


def _opener(toks: Sequence[Token]) -> int:
    """Return the index of the first word after an item's marker ("1.", "a)", "-", "(3).")."""
    k = 0
    while k < len(toks) and k < 5 and _ITEM_MARK.match(toks[k].text) and not (toks[k].word and k + 1 < len(toks) and toks[k + 1].word):
        k += 1
    return k


def _after_addressee_cue(toks: Sequence[Token], i: int, spans: list[_Span]) -> bool:
    """Tell whether token i follows "với"/"cùng", or a unit and a comma (a list going on)."""
    if i == 0:
        return False
    if toks[i - 1].key in ("với", "cùng"):
        return True
    return toks[i - 1].key in (",", "và") and bool(spans) and spans[-1].j == i - 1


def _with_parenthesis(toks: Sequence[Token], span: _Span) -> _Span:
    """Take in a capitalized parenthesis right after a unit: "(Công an Thành phố)", "(VOV)"."""
    j = span.j
    if span.collective or span.text is not None or j + 2 >= len(toks) or toks[j].text != "(" or not toks[j + 1].cap:
        return span  # after a collective the parenthesis lists examples ("các cơ sở đào tạo (Trường ...)")
    close = next((k for k in range(j + 2, min(j + 8, len(toks))) if toks[k].text == ")"), None)
    return span if close is None else _Span(span.i, close + 1, span.head, span.collective, None, span.names)


def _shared_place(g: Grammar, text: str, toks: Sequence[Token], before: _Span, span: _Span) -> _Span | None:
    """Complete "Hội đồng nhân dân, Ủy ban nhân dân thành phố Đà Nẵng": the first body shares the place."""
    head_before, head = g.heads.match(toks, before.i), g.heads.match(toks, span.i)
    if before.text or not head_before or not head or before.j != before.i + head_before[0]:
        return None
    if not (head_before[1][1].bare and head[1][1].bare) or toks[before.j].key not in (",", "và") or before.j + 1 != span.i:
        return None
    place_from = span.i + head[0]
    if place_from >= span.j or not g.levels.match(toks, place_from):
        return None
    place = text[toks[place_from].start : toks[span.j - 1].end]
    return _Span(before.i, before.j, before.head, text=f"{text[toks[before.i].start : toks[before.j - 1].end]} {place}")
