"""Decoded variants of a chat line, so every safety layer also reads what an encoding hides.

Viewers hide slurs and threats from filters (and smuggle instructions past them) in base64,
rot13, reversed text, Morse code, A1Z26 (``14-9-7``), NATO spelling (``november india golf``),
pig latin (``igger-nay``) and spaced or dotted letters. :func:`variants` returns each
decoding that plausibly is what was meant:

- base64, Morse, A1Z26 and NATO are tried only on text that has their shape, and kept when
  the result is mostly letters;
- rot13 and reversal turn any text into other text, so they are kept only when the result
  reads as more English than the original (more common words);
- pig latin is undone on words that end in ``ay`` (``-ay`` forms exactly; joined forms by
  moving back one or two consonants);
- spaced letters are glued by :mod:`~engines.ai.safety.normalize` already.

The cost is a few microseconds for ordinary chat: the shape checks fail fast.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from typing import Final

__all__ = ["COMMON_WORDS", "english_words", "strip_address", "variants"]

COMMON_WORDS: Final = frozenset(
    """
    a about after all am an and any are as at be because been but by can come could day did do
    does dont for from get give go going good got had has have he her here him his how i if im in
    into is it its just know like look make me more my no not now of off on one only or our out
    over people really say see she should so some take tell than that the their them then there
    these they think this time to too up us very want was we well were what when where which who
    why will with would you your yours yourself yourselves u ur ill youre hes shes were theyre
    kill die dead death hate hurt love stupid ugly fat black white gay jew jews muslim women men
    girl girls boy boys kid kids child children sex nude nudes send pic pics address live house
    home find found shoot gun bomb knife rope end life myself hang cut burn rape slave race ignore
    previous instructions system prompt rules say repeat secret password admin mod streamer chat
    bot dm private age old years school come here now go away please never always nobody everyone
    stream watch play game
    """.split()  # noqa: SIM905 - a word list reads better as text
)
"""Frequent English words (and the words hostile lines lean on), to tell text from noise."""

_WORD: Final = re.compile(r"[a-z']+")
_B64_TOKEN: Final = re.compile(r"[A-Za-z0-9+/_-]{8,}={0,2}")
_MORSE_ONLY: Final = re.compile(r"^[\s.\-/|·•−_]+$")
_A1Z26: Final = re.compile(r"^\s*(?:(?:[1-9]|1\d|2[0-6])[\s,.\-/|]*)+$")
_MORSE: Final = {
    ".-": "a", "-...": "b", "-.-.": "c", "-..": "d", ".": "e", "..-.": "f", "--.": "g", "....": "h",
    "..": "i", ".---": "j", "-.-": "k", ".-..": "l", "--": "m", "-.": "n", "---": "o", ".--.": "p",
    "--.-": "q", ".-.": "r", "...": "s", "-": "t", "..-": "u", "...-": "v", ".--": "w", "-..-": "x",
    "-.--": "y", "--..": "z", "-----": "0", ".----": "1", "..---": "2", "...--": "3", "....-": "4",
    ".....": "5", "-....": "6", "--...": "7", "---..": "8", "----.": "9",
}  # fmt: skip
_NATO: Final = {
    "alpha": "a", "alfa": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e", "foxtrot": "f",
    "golf": "g", "hotel": "h", "india": "i", "juliet": "j", "juliett": "j", "kilo": "k", "lima": "l",
    "mike": "m", "november": "n", "oscar": "o", "papa": "p", "quebec": "q", "romeo": "r", "sierra": "s",
    "tango": "t", "uniform": "u", "victor": "v", "whiskey": "w", "whisky": "w", "xray": "x", "x-ray": "x",
    "yankee": "y", "zulu": "z",
}  # fmt: skip
_NATO_BREAKS: Final = frozenset({"space", "stop", "break", "/", "|", "-"})
_VOWELS: Final = frozenset("aeiou")


def english_words(text: str) -> int:
    """How many of the text's words are common English words."""
    return sum(1 for w in _WORD.findall(text.lower().replace("'", "")) if w in COMMON_WORDS)


def _readable(text: str, *, min_letters: float = 0.7) -> bool:
    """Mostly letters and spaces: a decoding that produced words, not bytes."""
    if len(text.strip()) < 2:
        return False
    printable = sum(ch.isalpha() or ch.isspace() for ch in text)
    return printable / len(text) >= min_letters and all(ch.isprintable() or ch.isspace() for ch in text)


def _from_base64(text: str) -> list[str]:
    found = []
    for token in _B64_TOKEN.findall(text):
        if token.isalpha() and (token.islower() or token.isupper()):
            continue  # a plain long word, not base64
        padded = token + "=" * (-len(token) % 4)
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                raw = decode(padded)
            except (binascii.Error, ValueError):
                continue
            try:
                plain = raw.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if _readable(plain):
                found.append(plain)
                break
    return found


def _from_morse(text: str) -> str | None:
    if not _MORSE_ONLY.match(text) or not any(ch in ".-·•−_" for ch in text):
        return None
    text = text.replace("·", ".").replace("•", ".").replace("−", "-").replace("_", "-").replace("|", "/")
    words = []
    for word in re.split(r"\s*/\s*|\s{3,}", text.strip()):
        letters = [_MORSE.get(code) for code in word.split()]
        if not letters or None in letters:
            return None
        words.append("".join(letter for letter in letters if letter))
    plain = " ".join(words)
    return plain if _readable(plain) else None


def _from_a1z26(text: str) -> str | None:
    if not _A1Z26.match(text):
        return None
    words = []
    breaks = r"\s*[/|]\s*|\s+" if "-" in text else r"\s*[/|]\s*|\s{2,}"
    for word in re.split(breaks, text.strip()):
        numbers = re.findall(r"\d+", word)
        words.append("".join(chr(96 + int(n)) for n in numbers))
    plain = " ".join(w for w in words if w)
    return plain if len(plain.replace(" ", "")) >= 3 else None


def _from_nato(text: str) -> str | None:
    tokens = re.findall(r"[a-z]+(?:-ray)?|[/|]", text.lower())
    hits = sum(1 for t in tokens if t in _NATO)
    if hits < 3 or hits / max(len(tokens), 1) < 0.7:
        return None
    out: list[str] = []
    for t in tokens:
        if t in _NATO:
            out.append(_NATO[t])
        elif t in _NATO_BREAKS:
            out.append(" ")
    return "".join(out).strip() or None


def _from_pig_latin(text: str) -> str | None:
    words = text.lower().split()
    changed = False
    out = []
    for word in words:
        bare = word.strip(".,!?;:'\"")
        hyphen = re.fullmatch(r"([a-z]+)-([a-z]*)ay", bare)
        if hyphen:
            out.append(hyphen.group(2) + hyphen.group(1))
            changed = True
        elif len(bare) > 4 and bare.endswith("ay"):
            stem = bare[:-2]
            moved = stem[-1] if stem[-1] not in _VOWELS else ""
            if len(stem) > 2 and stem[-2] not in _VOWELS and moved:
                moved = stem[-2:]
            out.append((moved + stem[: len(stem) - len(moved)]) if moved else stem)
            changed = True
        else:
            out.append(bare)
    return " ".join(out) if changed and sum(w.endswith("ay") for w in words) * 2 >= len(words) else None


def _more_english(candidate: str, than: int) -> bool:
    found = english_words(candidate)
    return found >= 2 and found > than


_ADDRESS: Final = re.compile(r"^\s*(?:@\w+[,:]?|\w+[,:])\s+")
"""A leading "@hiyori" or "Hiyori," that addresses the line to someone."""


def strip_address(text: str) -> str:
    """The line without a leading "@hiyori" or "Hiyori," (who it is said to is not what it says)."""
    return _ADDRESS.sub("", text, count=1)


def variants(text: str) -> list[str]:
    """The plausible decodings of ``text`` (not including ``text`` itself), in a stable order.
    A line addressed to someone ("Hiyori, .-- ..."), is also decoded without the address."""
    found = _variants(text)
    body = strip_address(text)
    if body != text:
        found.extend(v for v in _variants(body) if v not in found)
    return found


def _variants(text: str) -> list[str]:
    found: list[str] = []
    stripped = text.strip()
    if not stripped:
        return found
    found.extend(_from_base64(stripped))
    for decode in (_from_morse, _from_a1z26, _from_nato, _from_pig_latin):
        plain = decode(stripped)
        if plain:
            found.append(plain)
    base = english_words(stripped)
    rot = codecs.encode(stripped, "rot13")
    if _more_english(rot, base):
        found.append(rot)
    backwards = stripped[::-1]
    if _more_english(backwards, base):
        found.append(backwards)
    words_back = " ".join(reversed(stripped.split()))
    if words_back != backwards and _more_english(words_back[::-1], base):
        found.append(words_back[::-1])
    return list(dict.fromkeys(v for v in found if v.strip() and v != stripped))
