"""Correct OCR words against the closed set of Vietnamese syllables and their neighbours.

Tesseract's Vietnamese model reads letters well but confuses diacritics: "bổ sung" comes out
as "bỗ sung" or "bố sung", "kết" as "kêt", "nguồn" as "nguôn". Vietnamese writes one syllable
a word and the syllables form a closed set, so a read word is checked two ways:
- a word that is no Vietnamese syllable ("kêt", "đoanh") becomes the nearest syllable;
- a word Tesseract was unsure of that is a syllable, but an unlikely one beside its
  neighbours ("bỗ" before "sung"), becomes a diacritic variant that the neighbours make far
  more likely ("bổ").
Likelihood is a syllable bigram model smoothed towards syllable frequencies (see
`lexicon.py`); the cost of a change is the number of diacritics added, dropped or swapped,
more for a changed letter. Nothing here knows any document: only the language.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from chidao.readers.lexicon import Lexicon, load_lexicon, placement_key, skeleton

# Tesseract's confidence (0–100) under which a word may be changed.
# Clear print reads at 95–96; the diacritic confusions measured on the corpus scans read
# at 30–91.
UNSURE_BELOW = 93.0
# Log-likelihood a valid syllable's replacement must gain, net of its change cost.
MARGIN = math.log(30)
# Log-likelihood cost of one diacritic changed, and of one letter changed.
MARK_COST = math.log(8)
LETTER_COST = math.log(200)
# Letters changed are only tried for words this long: shorter ones are abbreviations.
MIN_LETTERS_FOR_EDIT = 3


@dataclass(slots=True)
class Word:
    """One OCR word: its text and Tesseract's confidence in it (0–100)."""

    text: str
    confidence: float


def correct_line(words: list[Word], lexicon: Lexicon | None = None) -> list[str]:
    """Return the corrected text of each word of one line, in order."""
    lexicon = lexicon or load_lexicon()
    parts = [_split(w.text) for w in words]
    cores = [placement_key(core.lower()) if _is_word(core) else None for _, core, _ in parts]
    out: list[str] = []
    for i, ((head, core, tail), word) in enumerate(zip(parts, words)):
        low = cores[i]
        if low is None:
            out.append(word.text)
            continue
        before = cores[i - 1] if i > 0 else None
        after = cores[i + 1] if i + 1 < len(cores) else None
        best = _best(low, before, after, word.confidence, core.isupper() and len(core) > 1, lexicon)
        if best != low:
            cores[i] = best  # the next word is judged beside the corrected one
            core = _same_case(core, best)
        out.append(head + core + tail)
    return out


def correct_text(text: str, lexicon: Lexicon | None = None) -> str:
    """Correct every word of a text as if Tesseract had been unsure of each (for tests and benches)."""
    return "\n".join(" ".join(correct_line([Word(w, 0.0) for w in line.split()], lexicon))
                     for line in text.split("\n"))


def _best(word: str, before: str | None, after: str | None, confidence: float,
          all_caps: bool, lexicon: Lexicon) -> str:
    if confidence >= UNSURE_BELOW:
        return word  # sure words stay, syllables or not: names ("Nẵng") and codes the lexicon lacks
    valid = word in lexicon.syllables
    candidates = lexicon.variants(word)
    if not valid and not all_caps and len(word) >= MIN_LETTERS_FOR_EDIT:
        candidates = candidates | lexicon.letter_edits(word)
    candidates.discard(word)
    if not candidates:
        return word
    scored = [(lexicon.context_score(c, before, after) - change_cost(word, c), c) for c in candidates]
    score, best = max(scored)
    if valid and score - lexicon.context_score(word, before, after) < MARGIN:
        return word
    return best


def change_cost(read: str, candidate: str) -> float:
    """Cost of reading `candidate` as `read`: diacritic edits, and letter edits costing more."""
    letters = _edit_distance(skeleton(read), skeleton(candidate))
    marks = _edit_distance(_marks(read), _marks(candidate))
    return letters * LETTER_COST + marks * MARK_COST


def _marks(word: str) -> str:
    """The word's diacritics in order, each tagged by the letter it sits on ("đ" counts as one)."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", word.replace("đ", "d\u0335")):
        if unicodedata.combining(ch):
            out.append(ch)
    return "".join(out)


def _edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


_OPENING = "\"'“‘([{«"
_CLOSING = "\"'”’)]}».,;:!?…"


def _split(text: str) -> tuple[str, str, str]:
    """Split leading and trailing punctuation off a word: ("“", "dầu", ",")."""
    start, end = 0, len(text)
    while start < end and text[start] in _OPENING:
        start += 1
    while end > start and text[end - 1] in _CLOSING:
        end -= 1
    return text[:start], text[start:end], text[end:]


def _is_word(core: str) -> bool:
    return core.isalpha() and not (core[:1].islower() and any(ch.isupper() for ch in core))


def _same_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
