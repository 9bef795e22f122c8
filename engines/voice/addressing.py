"""What a transcript says about being spoken to: the character's name, filler words, noise tags.

* :func:`names_character` — the streamer said the character's name or an alias (talk mode
  "name"). Speech recognition spells names loosely ("Hiyori" may come out "Hiyory" or
  "Hi-yori"), so words of five letters or more also match at one edit away.
* :func:`has_real_words` — more than fillers and backchannels ("mm", "uh-huh", "yeah"): a
  short utterance like that must not cut the character off, a short "wait" may.
* :func:`only_fillers` — nothing but sounds ("mm", "uh"): not worth an answer.
* :func:`strip_noise_tags` — Whisper writes sounds as "(coughs)", "[Music]", "*laughs*".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

__all__ = [
    "BACKCHANNELS",
    "FILLERS",
    "has_real_words",
    "names_character",
    "only_fillers",
    "strip_noise_tags",
    "words",
]

FILLERS: Final = frozenset(
    [
        "mm",
        "mmm",
        "mhm",
        "hm",
        "hmm",
        "hmmm",
        "uh",
        "um",
        "uhm",
        "er",
        "erm",
        "ah",
        "ahh",
        "eh",
        "huh",
        "uh-huh",
        "mm-hmm",
        "mhmm",
        "oo",
        "uhh",
        "umm",
        "ahh",
        "ehh",
    ]
)
"""Sounds, not words: an utterance of only these is not passed on to the character."""
BACKCHANNELS: Final = frozenset(
    [
        "oh",
        "ooh",
        "yeah",
        "yep",
        "yes",
        "ya",
        "yea",
        "okay",
        "ok",
        "right",
        "sure",
        "wow",
        "haha",
        "hah",
        "ha",
        "lol",
        "nice",
        "cool",
    ]
)
"""Words that say "I am listening", not "let me talk": they do not cut the character off."""

_TAGS: Final = re.compile(r"\[[^\]]*\]|\([^)]*\)|\*[^*]*\*|♪+")
_WORD: Final = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes and inner hyphens kept ("uh-huh", "let's")."""
    return _WORD.findall(_fold(text))


def strip_noise_tags(text: str) -> str:
    """The text without bracketed sound descriptions, whitespace collapsed."""
    return " ".join(_TAGS.sub(" ", text).split())


_RUN: Final = re.compile(r"(.)\1{2,}")


def _sound(word: str) -> str:
    """A drawn-out sound shortened: "mmmm" → "mm", "ooooh" → "ooh"."""
    return _RUN.sub(r"\1\1", word)


def has_real_words(text: str) -> bool:
    """Whether the text holds a word that is not a filler or backchannel."""
    return any(
        _sound(w) not in FILLERS and w not in BACKCHANNELS and _sound(w) not in BACKCHANNELS
        for w in words(strip_noise_tags(text))
    )


def only_fillers(text: str) -> bool:
    """Whether the text is nothing but filler sounds (or nothing at all)."""
    return all(_sound(w) in FILLERS for w in words(strip_noise_tags(text)))


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = 0
    edited = False
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        if edited:
            return False
        edited = True
        if len(a) == len(b):
            i += 1
        j += 1
    return True


def names_character(text: str, names: Iterable[str]) -> bool:
    """Whether ``text`` says one of ``names`` (whole words; multi-word names in sequence)."""
    heard = [w.replace("-", "") for w in words(text)]
    joined = "".join(heard)
    for name in names:
        parts = [w.replace("-", "") for w in words(name)]
        if not parts:
            continue
        target = "".join(parts)
        n = len(parts)
        for k in range(len(heard)):
            # the name's words in sequence, or split or joined differently ("hi yori", "hiyorichan")
            for span in range(1, n + 2):
                if k + span > len(heard):
                    break
                candidate = "".join(heard[k : k + span])
                if candidate == target or (len(target) >= 5 and _within_one_edit(candidate, target)):
                    return True
        if target and len(target) < 5 and target in heard:
            return True
        if len(target) >= 8 and target in joined:
            return True
    return False
