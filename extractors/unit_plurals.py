"""Runs of levels and collective nouns, and what narrows them: "các xã, phường", "các sở, ban, ngành
liên quan", "trên địa bàn tỉnh Lào Cai", "có cụm công nghiệp".

Both named units ("Ủy ban nhân dân các xã, phường") and collectives ("các sở, ngành") use them.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.unit_grammar import Grammar, Token
from extractors.unit_heads import head_at
from extractors.unit_places import open_place


def collective_nouns(g: Grammar, toks: Sequence[Token], k: int, levels_only: bool = False, plural: bool = True) -> int:
    """Return the end of "noun(, noun)* qualifiers" after "các", or k when none starts there.

    `levels_only`: levels after a head ("Ủy ban nhân dân các xã, phường", "UBND các cấp");
    `plural`: the list opened with "các", so "và các" still goes on it ("các bộ, ngành và các
    địa phương"); a list without it ends there ("chính quyền địa phương và các đơn vị").
    """
    start, end = k, k
    while k < len(toks):
        if g.blocked.match(toks, k):
            break
        m = (g.levels.match(toks, k) or g.plurals.match(toks, k)) if levels_only else g.nouns.match(toks, k)
        if m is None or (k > start and head_at(g, toks, k) and not levels_only and not _plain_noun(g, toks, k)):
            break
        k = end = k + m[0]
        qualified = False
        while (q := g.qualifiers.match(toks, k)) is not None:
            k = end = place_after_level(g, toks, k + q[0])
            qualified = True
        if k + 1 < len(toks) and toks[k].key in (",", "và") and (not toks[k + 1].cap or _plain_noun(g, toks, k + 1)):
            if qualified and not g.qualifiers.match(toks, k + 1):
                break  # "các Sở, ngành Thành phố, đơn vị liên quan": a qualified noun closes its entry
            if toks[k + 1].key == "các" and (levels_only or not plural or _changes_kind(g, toks, m[1], k + 2)):
                break
            k += 2 if toks[k + 1].key == "các" else 1  # "Các ngành, các bộ", "các bộ, ngành và các địa phương"
            continue
        break
    return max(end, start)


def _plain_noun(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    """Tell whether a capitalized collective noun at k names no one body: no name follows it, only
    punctuation or a qualifier ("các Viện nghiên cứu, Trường Đại học có liên quan"; not "Sở Tài chính")."""
    noun = g.nouns.match(toks, k)
    if noun is None:
        return False
    after = k + noun[0]
    return after == len(toks) or not toks[after].word or g.qualifiers.match(toks, after) is not None


def _changes_kind(g: Grammar, toks: Sequence[Token], noun: str, k: int) -> bool:
    """Tell whether the noun at k is of another kind than `noun`, public body or private party:
    "các sở, ban, ngành, đơn vị và các hộ gia đình" is two addressees, "các bộ, ngành và các địa phương" one."""
    nxt = g.nouns.match(toks, k)
    return nxt is not None and (nxt[1] in g.private) != (noun in g.private)


_HAVING = 6  # words after "có ...": "các xã có điểm du lịch cộng đồng", not a clause


def having(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Take in "có" and a short noun phrase after a collective, which says which of them:
    "Ủy ban nhân dân các xã, phường có cụm công nghiệp", "các xã có điểm du lịch cộng đồng".

    A stop phrase with "có" is the task's verb ("Các xã có trách nhiệm ...", "có văn bản"); one listed
    in `having` ("có kế hoạch") qualifies only when more words and then the task's verb follow:
    "Các trường có kế hoạch sửa chữa, cải tạo phòng học xây dựng dự toán" but "Các đơn vị có kế hoạch
    triển khai", "có kế hoạch cụ thể để ...".
    """
    stop = g.stops.match(toks, k)
    if stop is None or toks[k].key != "có":
        return k
    verb_phrase = stop[0] > 1
    if verb_phrase and g.having.match(toks, k) is None:
        return k
    start = k + stop[0]
    m = _content_words(g, toks, start)
    if m == start:
        return k
    if verb_phrase:  # the task's verb must follow, not a link word: "có kế hoạch cụ thể để ..."
        closed = m < len(toks) and g.stops.match(toks, m) is not None and g.links.match(toks, m) is None
    else:
        closed = m == len(toks) or not toks[m].word or g.stops.match(toks, m) is not None
    return m if closed else k


def _content_words(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Return the end of up to `_HAVING` lower-case words that are no stop or number, or k when more
    follow. A listed pair holds a comma: "sửa chữa, cải tạo"."""
    m, words = k, 0
    while m < len(toks) and words <= _HAVING:
        pair = g.pairs.match(toks, m)
        if pair is not None:
            m, words = m + pair[0], words + sum(t.word for t in toks[m : m + pair[0]])
            continue
        t = toks[m]
        if not t.word or t.cap or t.text[0].isdigit() or g.stops.match(toks, m):
            break
        m, words = m + 1, words + 1
    return m if words <= _HAVING else k


def place_after_level(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Take in what completes a qualifier: the place after a level ("trên địa bàn tỉnh" + "Lào Cai",
    "các xã huyện" + "Bảo Yên"), the name after a head ("thuộc Sở" + "Xây dựng")."""
    if k >= len(toks) or not toks[k].cap:
        return k
    level = next((mode for n in (1, 2) if k >= n and (mode := _level_mode(g, toks, k - n, n))), None)
    if level == "gazetteer":
        place = g.places.match(toks, k)
        return k + place[0] if place else k
    if level == "open":
        return open_place(g, toks, k)
    head = g.heads.match(toks, k - 1)
    gaz = g.names.get(head[1][1].names or "") if head and head[0] == 1 else None
    name = gaz.match(toks, k) if gaz else None
    return k + name[0] if name else k


def _level_mode(g: Grammar, toks: Sequence[Token], i: int, n: int) -> str | None:
    """Return what may follow the level of n tokens at i ("gazetteer", "open", "none"), if one is there."""
    m = g.levels.match(toks, i)
    return m[1] if m is not None and m[0] == n else None


def plural_word(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    """Tell whether the word after "các" may go on a name: a lower-case word that is no collective
    noun, level or stop word ("các công trình", "các khu công nghiệp"; not "các sở", "các xã")."""
    return toks[k].word and not toks[k].cap and not (g.nouns.match(toks, k) or g.levels.match(toks, k) or g.stops.match(toks, k))
