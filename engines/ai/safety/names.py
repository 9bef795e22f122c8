"""Display names that only sound bad read aloud ("Mike Hunt", "Hugh Jass", "Ben Dover").

The words are harmless one by one, so neither a word list nor the meaning of the written
name catches them; the character would say them on stream. They are matched on a sound key:
letters only, doubled letters single, ``ph``/``ck``/``c``/``q`` spelled as they sound, so
"Myke_Hunnt" and "mike-hunt99" find "mikehunt".
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Final

__all__ = ["PRANK_NAMES", "is_prank_name", "sound_key"]

PRANK_NAMES: Final = (
    "mike hunt", "my cunt", "hugh jass", "huge ass", "ben dover", "bend over", "mike oxlong", "my cock long",
    "mike rotch", "mike litoris", "amanda hugginkiss", "hugh janus", "huge anus", "phil mccracken",
    "phil mcrackin", "seymour butz", "see more butts", "oliver clothesoff", "ivana tinkle", "ivana humpalot",
    "dixie normous", "anita dick", "heywood jablome", "hugh g rection", "hugh jerection", "mike hawk",
    "jenny talia", "harry balls", "harry sack", "tess tickle", "jack meoff", "jack mehoff", "willie stroker",
    "drew peacock", "moe lester", "pat myaz", "dick hertz", "ophelia balls", "al kyda", "adolf hitler",
    "hitler did nothing wrong", "pedo bear", "kuhn tee",
)  # fmt: skip
"""Prank names in the spelling they are heard as (phrase forms of slurs included)."""

_SOUNDS: Final = (("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "ks"), ("z", "s"), ("y", "i"))


def sound_key(text: str) -> str:
    """Letters only, spelled as heard, doubled letters single."""
    folded = unicodedata.normalize("NFKD", text.lower())
    letters = "".join(ch for ch in folded if "a" <= ch <= "z")
    letters = letters.replace("0", "o")
    for written, heard in _SOUNDS:
        letters = letters.replace(written, heard)
    return re.sub(r"(.)\1+", r"\1", letters)


@cache
def _keys() -> frozenset[str]:
    return frozenset(k for k in (sound_key(n) for n in PRANK_NAMES) if len(k) >= 6)


def is_prank_name(display_name: str) -> bool:
    """True if the name, read aloud, is one of :data:`PRANK_NAMES` (digits and decoration aside)."""
    leet = display_name.translate(str.maketrans("013457$@", "oieastsa"))
    key = sound_key(leet)
    return any(k in key for k in _keys())
