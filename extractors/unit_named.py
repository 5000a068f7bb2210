"""Parse one named unit: a head noun, its name and an optional place ("Sở Y tế tỉnh Quảng Ninh").

A name is a gazetteer name from `unit_names.json`, another unit (Văn phòng Ủy ban nhân dân
tỉnh) or an open name that ends at a stop word from `unit_stops.json`; the place is a level
from `unit_levels.json` with what may follow it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.unit_grammar import ABBREVIATIONS, Grammar, HeadRule, Token
from extractors.unit_heads import Span, head_at, shouting
from extractors.unit_places import open_place
from extractors.unit_plurals import collective_nouns, having, plural_word

__all__ = ["SPACES", "Span", "head_at", "locality", "open_name", "parse_unit"]


def locality(g: Grammar, toks: Sequence[Token], j: int) -> int:
    """Return the token index after an optional place ("tỉnh Lào Cai", "phường 5", "Hà Nội")."""
    m = g.levels.match(toks, j)
    if m is not None and head_at(g, toks, j):
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
        numbered = k + 1 < len(toks) and toks[k].key == "số" and toks[k + 1].text.isdigit()
        return k + 2 if numbered else open_place(g, toks, k)  # "khu vực số 2", "xã Tân Lập"
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


SPACES = re.compile(r"\s+")  # a name wrapped over lines is written with single spaces


def open_name(g: Grammar, toks: Sequence[Token], j: int, mode: str) -> int:
    """Return the end of an open name starting at j: words up to a stop word, head or place."""
    if mode == "none" or j >= len(toks) or not toks[j].word or (mode == "cap" and not toks[j].cap):
        return j
    k = j
    while k < len(toks) and k - j < 20 and (toks[k].word or (k > j and _joins_name(g, toks, k))):
        if k > j and toks[k].broken:
            break  # a label's name ends with its line: "Công ty Điện lực Lào Cai" / "Khảo sát, ..."
        if not toks[k].word:
            k += 1
            continue
        keep = g.keeps.match(toks, k)
        if keep and _repeats(toks, k, keep[0]):
            break  # "Phòng Kế hoạch - Tổng hợp tổng hợp, báo cáo": the repeat is the verb
        if keep:
            k += keep[0]
            continue
        joined = toks[k].cap and toks[k - 1].text in "-–"  # "Phòng Văn hóa - Xã hội": no level after a dash
        if k > j and (head_at(g, toks, k) or (g.levels.match(toks, k) and not joined)):
            break  # the first word may be another head's: "Phòng Cảnh sát giao thông"
        if g.stops.match(toks, k) and not toks[k].cap:  # a capital inside a name is part of it
            if toks[k].key == "và" and _name_goes_on(g, toks, k + 1):
                k += 1  # "Cục Bảo tồn thiên nhiên và Đa dạng sinh học": "và" inside the name
                continue
            if toks[k].key == "các" and mode == "any" and k + 1 < len(toks) and plural_word(g, toks, k + 1):
                k += 1  # "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"
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
    if k >= len(toks) or not toks[k].word or head_at(g, toks, k) or g.documents.match(toks, k) or g.titles.match(toks, k):
        return False  # "Vụ Kế hoạch - Tài chính và Thủ trưởng ...": a title starts a person
    return toks[k].cap or bool(g.keeps.match(toks, k)) or not _ends_name(g, toks, k)


def _ends_name(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    """Tell whether token k cannot go on a name: a stop word, a collective noun or a level."""
    return bool(g.stops.match(toks, k) or g.nouns.match(toks, k) or g.levels.match(toks, k))


def _joins_name(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    """Tell whether punctuation at k sits inside a name: "Kế hoạch - Tổng hợp", "Chính sách, chiến lược Trung ương"."""
    nxt = k + 1
    if nxt >= len(toks) or not toks[nxt].word or head_at(g, toks, nxt):
        return False
    if toks[k].text in "-–":  # "Phòng Tài chính - Kế hoạch" but not "... - Kế hoạch số 12"
        return toks[nxt].cap and not _document_at(g, toks, nxt)
    if toks[k].text != ",":
        return False
    if _listed_in_name(g, toks, nxt):
        return True
    m = nxt
    while m < nxt + 3 and m < len(toks) and toks[m].word and not toks[m].cap and not _ends_name(g, toks, m):
        m += 1
    return m > nxt and m < len(toks) and bool(g.levels.match(toks, m)) and toks[m].cap


def _listed_in_name(g: Grammar, toks: Sequence[Token], m: int) -> bool:
    """Tell whether ", Thương mại và Du lịch" goes on a name ("Trung tâm Xúc tiến đầu tư, Thương mại
    và Du lịch tỉnh"): capitalized words, "và" and a capitalized word, none of them a head or place.
    A list of units names a head in each ("Trung tâm Y tế, Hội Chữ thập đỏ và ...")."""
    if m >= len(toks) or not toks[m].cap:
        return False
    end = m
    while (end < len(toks) and end - m < 4 and toks[end].word and toks[end].key != "và"
           and not _names_elsewhere(g, toks, end) and (toks[end].cap or not g.stops.match(toks, end))):
        end += 1
    after = end + 1
    return (end > m and after < len(toks) and toks[end].key == "và" and toks[after].word and toks[after].cap
            and not _names_elsewhere(g, toks, after))


def _names_elsewhere(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    return bool(head_at(g, toks, k) or g.levels.match(toks, k) or g.places.match(toks, k) or g.bodies.match(toks, k))


def _document_at(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    """Tell whether a document is cited at k: a document word followed by its number ("Kế hoạch số 12")."""
    doc = g.documents.match(toks, k)
    after = k + doc[0] if doc else k
    return doc is not None and after < len(toks) and (toks[after].key == "số" or toks[after].text[0].isdigit())


def parse_unit(g: Grammar, toks: Sequence[Token], i: int, nested: bool = False) -> Span | None:
    """Parse one named unit (not a "các ..." collective) starting at token i."""
    if i >= len(toks) or not toks[i].cap:
        return None
    body = g.bodies.match(toks, i) if not shouting(toks[i].text) or toks[i].text in ABBREVIATIONS else None
    head = head_at(g, toks, i)
    if body and (not head or body[0] > head[0]):
        h = g.heads.match(toks, i)
        return Span(i, locality(g, toks, i + body[0]), h[1][1].head if h else toks[i].text)
    if head is None:
        return None
    n, rule = head
    j = i + n
    if j < len(toks) and toks[j].key == "các":
        coll = collective_nouns(g, toks, j + 1, levels_only=True)
        if coll > j + 1:
            return Span(i, having(g, toks, coll), rule.head, collective=True)
    if j + 1 < len(toks) and toks[j].key == "các" and (toks[j + 1].cap or _plural_name(g, toks, j + 1, rule)):
        j += 1  # "Ban Quản lý các Khu công nghiệp tỉnh": "các" before a capitalized name stays in it
    named = False
    gaz = g.names.get(rule.names or "")
    hit = gaz.match(toks, j) if gaz else None
    if hit and toks[j].cap == hit[1][0].isupper():  # "Bộ Tài chính" but not "bộ tài chính"; "các cơ quan Đảng"
        j, named = j + hit[0], True
    elif rule.of_unit and (sub := parse_unit(g, toks, j, nested=True)) is not None:
        return Span(i, _shared_office(g, toks, j, sub.j), rule.head)
    if not named:
        k = open_name(g, toks, j, rule.open)
        j, named = k, k > j
    k = locality(g, toks, j)
    if named and k == j and (owner := head_at(g, toks, j)) and owner[1].owner:
        k = locality(g, toks, j + owner[0])  # "Ban Tuyên giáo Tỉnh ủy"
    if named and not hit:
        k = _owner_place(g, toks, k)
    every = collective_nouns(g, toks, k + 1, levels_only=True) if named and toks[k : k + 1] and toks[k].key == "các" else k
    if every > k + 1:
        k = every  # "Sở Nông nghiệp và Môi trường các tỉnh": the same body in every province
    if named or k > j or rule.bare or (nested and rule.names):
        return Span(i, k, rule.head, names=rule.names if hit else None)
    return None


def _shared_office(g: Grammar, toks: Sequence[Token], j: int, k: int) -> int:
    """Extend an office's name over "và" to a second body of the same place: "Văn phòng HĐND và
    UBND huyện", "Văn phòng Đoàn ĐBQH và HĐND tỉnh" are one office serving both bodies. A second
    body with a name of its own is a unit of its own: "Văn phòng Sở và Trung tâm Phục vụ hành chính công tỉnh"."""
    if k + 1 >= len(toks) or toks[k].key != "và" or _has_place(g, toks, j, k):
        return k
    second = parse_unit(g, toks, k + 1, nested=True)
    return second.j if second is not None and _placed_body(g, toks, k + 1) else k


def _has_place(g: Grammar, toks: Sequence[Token], a: int, b: int) -> bool:
    return any(g.levels.match(toks, m) for m in range(a, b))


def _placed_body(g: Grammar, toks: Sequence[Token], a: int) -> bool:
    """Tell whether a body named by its head and place alone starts at a: "UBND huyện", "HĐND tỉnh"."""
    head = head_at(g, toks, a)
    return head is not None and head[1].bare and g.levels.match(toks, a + head[0]) is not None


def _plural_name(g: Grammar, toks: Sequence[Token], k: int, rule: HeadRule) -> bool:
    """Tell whether an open name may go on with "các" + a lower-case word: "Ban Quản lý các khu công
    nghiệp tỉnh", "Ban Chỉ đạo các chương trình mục tiêu quốc gia" (but "Thanh tra các sở")."""
    return rule.open == "any" and plural_word(g, toks, k)


def _owner_place(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Take in "thuộc Thành phố" / "thuộc tỉnh Lào Cai" after a name: whose body it is, part of the name."""
    if k + 1 >= len(toks) or toks[k].key != "thuộc" or head_at(g, toks, k + 1):
        return k
    level = g.levels.match(toks, k + 1)
    if level is None or level[1] == "none":
        return k
    end = locality(g, toks, k + 1)
    return end if end > k + 1 else k + 1 + level[0]
