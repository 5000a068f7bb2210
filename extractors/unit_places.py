"""The name of a place after a level that takes any name ("xã Tân Lập", "phường 5", "phường Xuân Hương - Đà Lạt").

Named units (unit_named.py: "Ủy ban nhân dân xã Tân Lập") and collectives narrowed to a place
(unit_plurals.py: "các xã huyện Bảo Yên") both end with one.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.unit_grammar import Grammar, Token
from extractors.unit_heads import head_at, shouting

_PLACE_WORDS = 4  # syllables of one part of a place's name: "Xuân Hương", "Bắc Lệnh"


def open_place(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Return the end of the place name at k, or k when none starts there.

    Since the 2025 mergers a ward may bear two old names joined by a dash ("phường Xuân Hương -
    Đà Lạt"): a second part is taken in when it is capitalized words that open no unit, level,
    document or title (not "- Sở Xây dựng", "- Kế hoạch số 12").
    """
    run = _words(g, toks, k)
    if run == k or run + 1 >= len(toks) or toks[run].text not in ("-", "–") or not _second_part(g, toks, run + 1):
        return run
    second = _words(g, toks, run + 1)
    if any(shouting(t.text) for t in toks[run + 1 : second]):
        return run  # "xã Tân Lập - Quý II/2026": a period in capitals, not a name
    return second if second > run + 1 else run


def _words(g: Grammar, toks: Sequence[Token], k: int) -> int:
    """Return the end of capitalized words or one number at k: one part of a place's name."""
    run = k
    while run < len(toks) and run - k < _PLACE_WORDS and toks[run].word and (toks[run].cap or toks[run].text.isdigit()):
        if head_at(g, toks, run) or _stops_place(g, toks, run, k) or (toks[run].text.isdigit() and run > k):
            break
        if run > k and toks[run].broken:
            break  # a place name does not run over a line break or a table cell
        run += 1
    return run


def _second_part(g: Grammar, toks: Sequence[Token], k: int) -> bool:
    """Tell whether the words after a dash may be a place name's second part."""
    t = toks[k]
    if not (t.word and t.cap and t.text[0].isalpha()) or t.broken:
        return False
    return not (g.levels.match(toks, k) or g.documents.match(toks, k) or g.titles.match(toks, k))


def _stops_place(g: Grammar, toks: Sequence[Token], run: int, k: int) -> bool:
    """Tell whether a stop word ends a place name at `run`. Past the name's first syllable a
    capitalized syllable that is also a verb ("xã Tân Lập", "phường Tân Lập") stays in the name;
    a stop written capitalized in the data ("Ông", "Bà") still ends it."""
    stop = g.stops.match(toks, run)
    if stop is None:
        return False
    return run == k or toks[run].text == stop[1].split()[0]
