"""Parse collective addressees and elliptical lists of units.

Collectives: "các sở, ban, ngành liên quan", "các Công ty Lâm nghiệp", and the same nouns
written without "các" where an addressee stands ("Tổ chức, cá nhân khai thác khoáng sản").
Elliptical lists: "các Sở: Công Thương, Tài chính" gives "Sở Công Thương", "Sở Tài chính".
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.unit_grammar import Grammar, HeadRule, PhraseTable, Token
from extractors.unit_heads import Span, head_at, matched, words_at
from extractors.unit_named import locality, open_name, parse_unit
from extractors.unit_plurals import collective_nouns, having, place_after_level, plural_word


def elliptical(g: Grammar, toks: Sequence[Token], i: int, text: str) -> list[Span] | None:
    """Complete "các Sở: Công Thương, Tài chính", "các Sở, ngành: Công Thương, Xây dựng" or
    "UBND các phường: Yên Bái, Văn Phú" (the colon may be left out after a level)."""
    m: tuple[int, HeadRule] | None
    if toks[i].key == "các" and (hm := g.heads.match(toks, i + 1)):
        m = hm[0], hm[1][1]
        prefix_from, prefix_to = i + 1, i + 1 + m[0]
        colon = _past_nouns(g, toks, prefix_to)  # "các Sở, ngành:": the list names Sở
    elif (m := head_at(g, toks, i)) and i + m[0] < len(toks) and toks[i + m[0]].key == "các":
        level = g.levels.match(toks, i + m[0] + 1)
        if level is None:
            return None
        prefix_from = i
        colon = prefix_to = i + m[0] + 1 + level[0]
        if colon < len(toks) and toks[colon].cap and toks[colon].word and not head_at(g, toks, colon):
            colon -= 1  # "UBND các phường Yên Bái, Văn Phú": no colon, the names follow the level
    else:
        return None
    if colon >= len(toks) or (toks[colon].text != ":" and colon != prefix_to - 1):
        return None
    words = [t.text for t in toks[prefix_from:prefix_to] if t.key != "các"]
    prefix = " ".join(words)
    return list_items(g, toks, colon + 1, prefix[0].upper() + prefix[1:], m[1], text) or None


def _past_nouns(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Return the index after ", noun" repeats at k ("các Sở, ban, ngành:"), or k when none follow."""
    while k + 1 < len(toks) and toks[k].text == "," and (noun := g.nouns.match(toks, k + 1)) is not None:
        k += 1 + noun[0]
    return k


def list_items(
    g: Grammar, toks: Sequence[Token], k: int, prefix: str, rule: HeadRule, text: str, gazetteer_only: bool = False
) -> list[Span]:
    """Read the comma/"và" list of names after an elliptical head."""
    spans: list[Span] = []
    gaz = g.names.get(rule.names or "")
    while k < len(toks) and toks[k].cap and toks[k].word:
        hit = gaz.match(toks, k) if gaz else None
        if hit and head_at(g, toks, k) and locality(g, toks, k + hit[0]) > k + hit[0]:
            break  # "các Sở, ngành: Xây dựng, Công an tỉnh": a unit of its own, not "Sở Công an"
        if hit:
            end = k + hit[0]
        elif gazetteer_only or head_at(g, toks, k):
            break
        else:
            end = max(open_name(g, toks, k, "cap"), locality(g, toks, k))
        if end == k:
            break
        end = locality(g, toks, end) if gaz else end
        written = text[toks[k].start : toks[end - 1].end]
        spans.append(Span(k, end, rule.head, text=f"{prefix} {written}"))
        if end + 1 < len(toks) and (toks[end].key in (",", "và") or _semicolon_item(toks, end, gaz)):
            k = end + 1
        else:
            break
    return spans


def _semicolon_item(toks: Sequence[Token], k: int, gaz: PhraseTable | None) -> bool:
    """Tell whether ";" at k goes on an elliptical list: a gazetteer name follows ("các Sở: Tài chính; Xây dựng")."""
    return toks[k].text == ";" and gaz is not None and gaz.match(toks, k + 1) is not None and toks[k + 1].cap


def parse_collective(g: Grammar, toks: Sequence[Token], i: int) -> Span | None:
    """Parse "các sở, ban, ngành liên quan" or "các Công ty Lâm nghiệp" (a named kind, many of them)."""
    if toks[i].key != "các":
        return None
    end = collective_nouns(g, toks, i + 1)
    if end == i + 1:
        named = parse_unit(g, toks, i + 1)
        return Span(i, named.j, named.head, collective=True) if named and named.j > i + 2 else None
    end = having(g, toks, _owner(g, toks, _of_many(g, toks, _open_qualifier(g, toks, end))))
    return Span(i, _relative(g, toks, end), matched(g.nouns, toks, i + 1), collective=True)


_RELATIVE = 14  # tokens: "được phân công chủ trì thực hiện nhiệm vụ tại Kế hoạch này", not a sentence


def _relative(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Take in a clause that narrows a collective when a modal closes it, so that the words before the
    modal are the subject: "Các cơ quan chủ trì có trách nhiệm ...", "các cơ quan được phân công chủ trì
    thực hiện nhiệm vụ tại Kế hoạch này có trách nhiệm ..." (but "Các cơ quan chủ trì, phối hợp với ...":
    the task's verb). The clause opens with a listed word and holds no punctuation and no new "các" phrase."""
    if g.relatives.match(toks, k) is None:
        return k
    for m in range(k + 1, min(k + _RELATIVE, len(toks))):
        if not toks[m].word or toks[m].broken or toks[m].key in ("các", "những"):
            return k  # "Các sở chủ trì rà soát các thủ tục cần cắt giảm": the modal is the object's
        if g.modals.match(toks, m) is not None:
            return m
    return k


def _owner(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Take in whose bodies a collective names, part of it: "các đơn vị thuộc Bộ Tài chính",
    "các bộ phận liên quan của Văn phòng UBND tỉnh", "các đơn vị thuộc các Bộ có liên quan", "thuộc huyện",
    "các cơ quan tham mưu, giúp việc Huyện ủy" (the committee's advisory bodies, one addressee)."""
    cue = g.owners.match(toks, k)
    at = k + cue[0] if cue is not None else k
    if cue is None or at >= len(toks):
        return k
    owner = parse_collective(g, toks, at) or parse_unit(g, toks, at)
    if owner is not None:
        return owner.j
    level = g.levels.match(toks, at)  # "các phòng, ban chuyên môn thuộc huyện", "... của xã"
    return locality(g, toks, at) if level is not None and not toks[at].cap else k


_OPEN_QUALIFIER = 4  # syllables: "các đơn vị duy trì thoát nước", not a whole clause


def _open_qualifier(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Return the end of lower-case words qualifying a collective, which must end at a stop word."""
    m = k
    while m < len(toks) and m - k <= _OPEN_QUALIFIER and toks[m].word and not toks[m].cap:
        if g.stops.match(toks, m) or g.nouns.match(toks, m) or g.levels.match(toks, m):
            break
        m += 1
    if m - k > _OPEN_QUALIFIER:
        return k
    if not _closes_list_item(g, toks, m):  # "các chủ đầu tư hạ tầng cụm công nghiệp, Ủy ban nhân dân ..."
        ends_well = m < len(toks) and g.stops.match(toks, m) and not g.keeps.match(toks, m)
        one_then_modal = m - k == 1 and g.modals.match(toks, m) is not None  # "khai thác khoáng sản rắn phải ..."
        if not ends_well or (_after_qualifier(g, toks, k) and not one_then_modal):
            return k
    while (q := g.qualifiers.match(toks, m)) is not None:
        m = place_after_level(g, toks, m + q[0])  # "các cơ sở đào tạo trên địa bàn"
    return m


_OF_MANY = 5  # "các" and the syllables after it: "chủ đầu tư các khu đô thị", not a clause


def _of_many(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Take in "các" + what the members are of: "Chủ đầu tư các khu đô thị", "nhà thầu thi công các
    công trình khẩn cấp" (not a new collective: "các sở", nor a clause)."""
    if k + 1 >= len(toks) or toks[k].key != "các" or not plural_word(g, toks, k + 1):
        return k
    m = k + 1
    while m < len(toks) and m - k <= _OF_MANY and toks[m].word and not toks[m].cap:
        keep = g.keeps.match(toks, m)
        if keep is None and g.stops.match(toks, m):
            break
        m += keep[0] if keep else 1  # "các công trình khẩn cấp": "trình" inside "công trình"
    closed = m == len(toks) or not toks[m].word or bool(g.stops.match(toks, m))
    return m if m - k <= _OF_MANY and closed else k


def _closes_list_item(g: Grammar, toks: Sequence[Token], m: int) -> bool:
    """Tell whether token m closes one addressee of a list: ",", ";" or "và" before another unit."""
    if m + 1 >= len(toks) or toks[m].key not in (",", ";", "và"):
        return False
    return toks[m + 1].key == "các" or head_at(g, toks, m + 1) is not None


def _ends_at(table: PhraseTable, toks: Sequence[Token], k: int) -> bool:
    return any((q := table.match(toks, s)) is not None and s + q[0] == k for s in range(max(0, k - 6), k))


def _after_qualifier(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    """Tell whether a listed qualifier (not a noun) ends at k: open words after it are the verb's,
    not the name's ("các tổ chức hoạt động khai thác khoáng sản sử dụng đất"; but "các cơ sở đào tạo")."""
    return _ends_at(g.qualifiers, toks, k) and not _ends_at(g.nouns, toks, k)


def bare_collective(g: Grammar, toks: Sequence[Token], i: int, listed: bool) -> Span | None:
    """Parse a collective written without "các" where an addressee stands: "Tổ chức, cá nhân khai thác
    khoáng sản" opening an item, "phối hợp với lực lượng chức năng", "..., chính quyền địa phương"."""
    first = g.nouns.match(toks, i)
    if first is None or (toks[i].cap and not words_at(toks, i, first[1])) and i > 0 and not listed:
        return None
    if listed and g.levels.match(toks, i):
        return None  # "thuộc trách nhiệm của tỉnh và ...": a bare level there is the place, not an addressee
    end = collective_nouns(g, toks, i, plural=False)
    many = any(t.key in (",", "và") for t in toks[i:end]) or _closes_list_item(g, toks, end)
    if first[1] in g.verbal and not many:
        return None  # "Đề nghị tổ chức hội nghị": alone, the noun is the verb
    if end > i and (listed or many):
        opened = _open_qualifier(g, toks, end)  # open words only before a modal or the next unit of a list:
        if g.modals.match(toks, opened) or _closes_list_item(g, toks, opened):  # "yêu cầu doanh nghiệp nộp ..."
            end = opened
        end = _owner(g, toks, _of_many(g, toks, end))
    end = _relative(g, toks, end)  # "Cơ quan chủ trì có trách nhiệm ...": the clause names which one
    qualified = end > i + first[0]
    if end == i or not (listed or many or qualified):
        return None
    return Span(i, end, first[1], collective=True)
