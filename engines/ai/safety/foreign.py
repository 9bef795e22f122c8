"""Abuse in Cyrillic, Japanese, Chinese and Korean script, matched on the original text.

The blocklist reads folded ASCII: Cyrillic letters become Latin look-alikes ("сдохни" reads
"cdoxhn") and CJK and Hangul are dropped, so "死ね", "병신" and "сдохни" never reach it. This
layer reads the text as written (NFKC, case-folded): a Cyrillic entry matches a whole word
(``stem*`` a word that starts with it); a Japanese, Chinese or Korean entry matches anywhere,
as those scripts do not space their words. The list is ``data/foreign_terms.txt``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

__all__ = ["ForeignHit", "find_foreign"]

_CYRILLIC_WORD: Final = re.compile(r"[\u0400-\u04ff]+")
_CYRILLIC: Final = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True, slots=True)
class ForeignHit:
    term: str
    category: str


@dataclass(frozen=True, slots=True)
class _Terms:
    words: dict[str, str]
    """Whole Cyrillic words → category."""
    stems: tuple[tuple[str, str], ...]
    """Cyrillic word starts → category."""
    phrases: tuple[tuple[str, str], ...]
    """Text found anywhere (CJK, Hangul, Cyrillic phrases of several words) → category."""


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")


@cache
def _terms() -> _Terms:
    text = resources.files("engines.ai.safety").joinpath("data/foreign_terms.txt").read_text("utf-8")
    words: dict[str, str] = {}
    stems: list[tuple[str, str]] = []
    phrases: list[tuple[str, str]] = []
    category = "harassment"
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            category = line[1:-1].strip()
            continue
        term = _fold(line)
        if not _CYRILLIC.search(term) or " " in term:
            phrases.append((f" {term} " if _CYRILLIC.search(term) else term, category))
        elif term.endswith("*"):
            stems.append((term[:-1], category))
        else:
            words[term] = category
    return _Terms(words, tuple(stems), tuple(phrases))


def find_foreign(text: str) -> ForeignHit | None:
    """The first abusive term of the list in ``text``, or None."""
    folded = _fold(text)
    terms = _terms()
    spaced = f" {' '.join(_CYRILLIC_WORD.findall(folded))} "
    for word in _CYRILLIC_WORD.findall(folded):
        if word in terms.words:
            return ForeignHit(word, terms.words[word])
        for stem, category in terms.stems:
            if word.startswith(stem):
                return ForeignHit(word, category)
    for phrase, category in terms.phrases:
        if phrase in (spaced if phrase.startswith(" ") else folded):
            return ForeignHit(phrase.strip(), category)
    return None
