"""Repair text from broken fonts and legacy Vietnamese encodings into proper Unicode (NFC).

Two classes of damage reach chidao:
- legacy 8-bit encodings (TCVN3/ABC, VNI, VISCII, VPS) read as if they were Latin-1 — viparse
  detects and converts these;
- fonts whose ToUnicode map is wrong: "Ƣ" (U+01A2) for "Ư", and "Õ" for "Ò". "Õ" is a real
  Vietnamese letter ("Võ", "lõi"), so it is replaced only inside word forms that the data table
  `data/font_repairs.tsv` lists as not being Vietnamese syllables.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import viparse

KINDS = ("char", "word")
_LEGACY = {"tcvn3", "vni", "viscii", "vps"}
# Latin-1 symbols and letters that Vietnamese never uses but TCVN3/VNI text read as Latin-1 is
# full of. Asking viparse costs ~7 ms per call, so it is asked only when two of these appear.
_LEGACY_HINTS = frozenset("¡¢£¤¥¦§¨©ª«¬®¯±²³´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþÿ")
# The same set as a pattern: a PDF page's paragraphs are all checked, and a regex search
# costs a tenth of a Python loop over the characters.
_LEGACY_HINT = re.compile("[" + re.escape("".join(sorted(_LEGACY_HINTS))) + "]")


@dataclass(frozen=True, slots=True)
class FontRepair:
    """One row of `font_repairs.tsv`: replace `broken` by `fixed` (a char, or a whole word)."""

    kind: str
    broken: str
    fixed: str
    note: str

    @classmethod
    def from_dict(cls, row: dict[str, str]) -> FontRepair:
        allowed = {"kind", "broken", "fixed", "note"}
        unknown = set(row) - allowed
        if unknown:
            raise ValueError(f"font_repairs.tsv: unknown columns {sorted(unknown)}; allowed {sorted(allowed)}")
        if row["kind"] not in KINDS:
            raise ValueError(f"font_repairs.tsv: kind {row['kind']!r} is not one of {KINDS}")
        if row["kind"] == "char" and len(row["broken"]) != 1:
            raise ValueError(f"font_repairs.tsv: char rule {row['broken']!r} must be one character")
        return cls(row["kind"], row["broken"], row["fixed"], row["note"])


@lru_cache(maxsize=1)
def load_repairs() -> tuple[FontRepair, ...]:
    """Return the rows of the data table, in file order."""
    text = resources.files("chidao.readers.data").joinpath("font_repairs.tsv").read_text("utf-8")
    return tuple(FontRepair.from_dict(row) for row in csv.DictReader(text.splitlines(), delimiter="\t"))


@lru_cache(maxsize=1)
def _char_table() -> dict[int, str]:
    return {ord(r.broken): r.fixed for r in load_repairs() if r.kind == "char"}


@lru_cache(maxsize=1)
def _char_pattern() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(r.broken for r in load_repairs() if r.kind == "char")) + "]")


@lru_cache(maxsize=1)
def _word_rules() -> tuple[re.Pattern[str], dict[str, str]]:
    mapping: dict[str, str] = {}
    for rule in load_repairs():
        if rule.kind == "word":
            for case in (str.lower, str.title, str.upper):
                mapping[case(rule.broken)] = case(rule.fixed)
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, mapping)) + r")(?!\w)")
    return pattern, mapping


def repair_legacy(text: str) -> str:
    """Convert TCVN3/VNI/VISCII/VPS text to Unicode when viparse detects one of them."""
    first = _LEGACY_HINT.search(text)
    if first is None or _LEGACY_HINT.search(text, first.end()) is None:
        return text
    if viparse.detect_text_encoding(text) in _LEGACY:
        return viparse.fix(text)
    return text


def repair_text(text: str) -> str:
    """Return `text` with legacy encodings converted and known font mis-mappings repaired (NFC)."""
    text = unicodedata.normalize("NFC", repair_legacy(text))
    if _char_pattern().search(text):  # str.translate walks every character, even when none maps
        text = text.translate(_char_table())
    pattern, mapping = _word_rules()
    return pattern.sub(lambda m: mapping[m.group(1)], text)
