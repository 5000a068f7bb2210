"""Vietnamese syllables, their frequencies and which follow which, from underthesea's data.

`data/vi_lexicon.tsv.gz` holds the lexicon, built by `python -m chidao.readers.lexicon` from
three files that ship inside the underthesea wheel (Apache-2.0):
- `corpus/data/Viet74K.txt`: 74k Vietnamese words, one a line ("bổ sung", "sửa đổi"); its
  syllables are the inventory of valid syllables, and each pair of syllables inside a word
  counts as seen together;
- `address/data/mapping.json`: the names of Vietnam's provinces, districts and wards (2025),
  for the syllables of place names the dictionary lacks ("Nẵng"), and their pairs;
- the VLSP 2013 test text its POS tagger was checked on (~97k syllables of news and legal
  prose, one word a line, sentences separated by blank lines): syllable frequencies and the
  pairs that follow each other in running text.
Building it takes ~1 s of CPU, loading the file ~0.2 s: each worker that OCRs a page loads it.
The file has one row a syllable ("S", syllable, count in running text) and one a pair
("P", first, second, weight), lower case, NFC, new tone placement.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path

_DICTIONARY = ("underthesea", "corpus/data/Viet74K.txt")
_PLACES = ("underthesea", "address/data/mapping.json")
_RUNNING_TEXT = ("underthesea", "pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt")
# A pair of syllables inside a dictionary word counts as seen this many times in running text.
DICTIONARY_PAIR_WEIGHT = 2
MAX_WORD_SYLLABLES = 3
# Dirichlet smoothing of the bigram towards the unigram, in pseudo-observations.
SMOOTHING = 4.0
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=65536)
def placement_key(word: str) -> str:
    """The word with the new tone placement at its end ("hoà" -> "hòa", "uỷ" -> "ủy", "quý" kept)."""
    for old, new in _tone_placements().items():
        if word.endswith(old) and not word.endswith("q" + old):
            return word[:-len(old)] + new
    return word


@lru_cache(maxsize=1)
def _tone_placements() -> dict[str, str]:
    text = resources.files("chidao.readers.data").joinpath("tone_placement.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line.strip()]
    return {unicodedata.normalize("NFC", r[0]): unicodedata.normalize("NFC", r[1]) for r in rows}


def skeleton(word: str) -> str:
    """The word without diacritics: "đổi" -> "doi"."""
    plain = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


@dataclass(slots=True)
class Lexicon:
    """Valid syllables, syllable counts and adjacent-pair counts (lower case, NFC, new tone placement)."""

    syllables: frozenset[str]
    counts: Counter[str]
    pairs: Counter[tuple[str, str]]
    follows: Counter[str] = field(default_factory=Counter)  # pairs starting with each syllable
    by_skeleton: dict[str, set[str]] = field(default_factory=dict)
    total: int = 0

    def __post_init__(self) -> None:
        for (first, _), n in self.pairs.items():
            self.follows[first] += n
        for syllable in self.syllables:
            self.by_skeleton.setdefault(skeleton(syllable), set()).add(syllable)
        self.total = sum(self.counts.values())

    def variants(self, word: str) -> set[str]:
        """Valid syllables spelled with the same letters as `word`, diacritics aside."""
        return set(self.by_skeleton.get(skeleton(word), ()))

    def letter_edits(self, word: str) -> set[str]:
        """Valid syllables one letter (diacritics aside) away from `word`."""
        plain = skeleton(word)
        edits = {plain[:i] + plain[i + 1:] for i in range(len(plain))}
        for i in range(len(plain) + 1):
            for letter in _LETTERS:
                edits.add(plain[:i] + letter + plain[i:])
                edits.add(plain[:i] + letter + plain[i + 1:])
        return {s for e in edits for s in self.by_skeleton.get(e, ())}

    def unigram(self, word: str) -> float:
        """Smoothed frequency of a syllable; a valid syllable never seen in text gets half a count."""
        known = 0.5 if word in self.syllables else 0.01
        return (self.counts[word] + known) / (self.total + len(self.syllables))

    def bigram(self, first: str, second: str) -> float:
        return (self.pairs[(first, second)] + SMOOTHING * self.unigram(second)) / (self.follows[first] + SMOOTHING)

    def context_score(self, word: str, before: str | None, after: str | None) -> float:
        """Log-likelihood of `word` between its neighbours (either may be unknown: None)."""
        score = math.log(self.bigram(before, word)) if before else math.log(self.unigram(word))
        if after:
            score += math.log(self.bigram(word, after)) - math.log(self.unigram(after))
        return score


LEXICON_FILE = "vi_lexicon.tsv.gz"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the lexicon file once per process (only OCR'd pages need it)."""
    raw = resources.files("chidao.readers.data").joinpath(LEXICON_FILE).read_bytes()
    counts: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    syllables: set[str] = set()
    for line in gzip.decompress(raw).decode("utf-8").splitlines()[1:]:
        kind, *fields = line.split("\t")
        if kind == "S":
            syllables.add(fields[0])
            if fields[1] != "0":
                counts[fields[0]] = int(fields[1])
        else:
            pairs[(fields[0], fields[1])] = int(fields[2])
    return Lexicon(frozenset(syllables), counts, pairs)


def write_lexicon(lexicon: Lexicon, path: Path) -> None:
    """Write the lexicon as the gzip'd TSV `load_lexicon` reads (rows sorted: stable diffs)."""
    lines = ["kind\tfirst\tsecond_or_count\tweight"]
    lines += [f"S\t{s}\t{lexicon.counts[s]}" for s in sorted(lexicon.syllables)]
    lines += [f"P\t{a}\t{b}\t{n}" for (a, b), n in sorted(lexicon.pairs.items())]
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))


def build_lexicon() -> Lexicon:
    """Build the lexicon from underthesea's files (~1 s)."""
    counts: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    dictionary = _entries(_read(*_DICTIONARY).splitlines())
    places = _entries(sorted(_place_names(_read(*_PLACES))))
    syllables = {s for entry in dictionary + places for s in entry}
    for entry in dictionary:
        if len(entry) <= MAX_WORD_SYLLABLES:  # idioms ("như diều gặp gió") are no evidence of prose
            pairs.update(pairwise(entry))
    for pair in pairs:
        pairs[pair] *= DICTIONARY_PAIR_WEIGHT
    for entry in places:
        pairs.update(pairwise(entry))
    # one token a line, then two tags; a blank line ends a sentence, and so does any token
    # that is no word (punctuation, a number): both become an empty entry
    tokens = _entries(line.split("\t", 1)[0] for line in _read(*_RUNNING_TEXT).splitlines())
    running = [s for token in tokens for s in (token or [""])]
    counts.update(running)
    del counts[""]
    pairs.update(pair for pair in pairwise(running) if pair[0] and pair[1])
    syllables.update(counts)
    return Lexicon(frozenset(syllables), counts, pairs)


def _place_names(text: str) -> set[str]:
    """Every province, district and ward name in underthesea's address table ("Quận Ninh Kiều")."""
    table = json.loads(text)
    names = {v["name"] for key in ("province_names", "old_province_names") for v in table[key].values()}
    for row in table["ward_mapping"]:
        names.update(v for k, v in row.items() if isinstance(v, str) and not k.endswith("_key") and k != "mapping_type")
    return names


def _entries(lines: Iterable[str]) -> list[list[str]]:
    """Each line's lower-case syllables (new tone placement); empty if any part is no plain word."""
    split = [unicodedata.normalize("NFC", line.lower()).split() for line in lines]
    keys = {t: placement_key(t) if t.isalpha() else "" for t in {t for parts in split for t in parts}}
    out: list[list[str]] = []
    for parts in split:
        entry = [keys[t] for t in parts]
        out.append(entry if all(entry) else [])
    return out


def _read(package: str, relative: str) -> str:
    # found without importing underthesea, whose import takes seconds
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the {package} package is not installed")
    return (Path(spec.submodule_search_locations[0]) / relative).read_text(encoding="utf-8")


if __name__ == "__main__":
    target = Path(__file__).resolve().parent / "data" / LEXICON_FILE
    write_lexicon(build_lexicon(), target)
    print(f"wrote {target} ({target.stat().st_size // 1024} KiB)")
