"""Runs of levels and collective nouns, and what narrows them: "các xã, phường", "các sở, ban, ngành
liên quan", "trên địa bàn tỉnh Lào Cai", "có cụm công nghiệp".

Both named units ("Ủy ban nhân dân các xã, phường") and collectives ("các sở, ngành") use them.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.unit_grammar import Grammar, Token
from extractors.unit_heads import head_at


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


_HAVING = 4  # syllables after "có": "các xã, phường có cụm công nghiệp", not a clause


def having(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Take in "có" and a short noun phrase after a collective, which says which of them:
    "Ủy ban nhân dân các xã, phường có cụm công nghiệp" (not "có trách nhiệm", a stop phrase)."""
    stop = g.stops.match(toks, k)
    if stop is None or stop[0] != 1 or toks[k].key != "có":
        return k
    m = k + 1
    while m < len(toks) and m - k <= _HAVING and toks[m].word and not toks[m].cap and not g.stops.match(toks, m):
        m += 1
    closed = m == len(toks) or bool(g.stops.match(toks, m)) or not toks[m].word
    return m if k + 1 < m and m - k <= _HAVING + 1 and closed else k


def place_after_level(g: Grammar, toks: Sequence[Token], k: int) -> int:
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


def plural_word(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    """Tell whether the word after "các" may go on a name: a lower-case word that is no collective
    noun, level or stop word ("các công trình", "các khu công nghiệp"; not "các sở", "các xã")."""
    return toks[k].word and not toks[k].cap and not (g.nouns.match(toks, k) or g.levels.match(toks, k) or g.stops.match(toks, k))
