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
  moving back the one to three consonants that make a known word);
- scrambled inner letters ("wrehe") are undone against a small vocabulary (common words and
  the blocklist's), when two or more words change;
- hexadecimal and binary bytes (``6b 69 6c 6c``, ``01101011``) are tried only on text of that
  shape, and kept when they decode to readable UTF-8;
- any Caesar shift (rot13 is one of them) is tried only on a line of three or more words with
  almost no English in it, and the best shift is kept when it reads as English;
- upside-down text (``noʎ llᴉʞ``) is flipped back when it uses two or more turned letters;
- spaced letters are glued by :mod:`~engines.ai.safety.normalize` already.

A part of the line after a colon or inside quotes is also decoded on its own, so an
instruction in plain words cannot shield the encoded part.

The cost is a few microseconds for ordinary chat: the shape checks fail fast.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import functools
import re
from importlib import resources
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
_HEX: Final = re.compile(r"^(?:0x)?(?:[0-9a-fA-F]{2}[\s:,-]?){4,}$")
_HEX_TOKEN: Final = re.compile(r"\b[0-9a-fA-F]{8,}\b")
_BINARY: Final = re.compile(r"^(?:[01]{8}\s?){3,}$")
_TURNED: Final = {
    "ɐ": "a", "ɔ": "c", "ǝ": "e", "ə": "e", "ɟ": "f", "ƃ": "g", "ᵷ": "g", "ɥ": "h", "ᴉ": "i", "ı": "i",
    "ɾ": "j", "ʞ": "k", "ꞁ": "l", "ɯ": "m", "ɹ": "r", "ʇ": "t", "ʌ": "v", "ʍ": "w", "ʎ": "y",
    "q": "b", "b": "q", "d": "p", "p": "d", "n": "u", "u": "n", "∀": "a", "Ɔ": "c", "Ǝ": "e",
    "Ⅎ": "f", "⅁": "g", "ſ": "j", "˥": "l", "Ԁ": "p", "┴": "t", "∩": "u", "Λ": "v", "⅄": "y",
    "¡": "!", "¿": "?", "'": ",", ",": "'", "˙": ".",
}  # fmt: skip
"""Upside-down letters and the letters they turn back into (read right to left)."""
_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz"
_TURNED_ONLY: Final = frozenset("ɐɔǝəɟƃᵷɥᴉıɾʞꞁɯɹʇʌʍʎ∀ƆƎℲ⅁ſ˥Ԁ┴∩Λ⅄")
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


def _from_bytes(text: str) -> str | None:
    """Hexadecimal (``6b696c6c``, ``6b 69 6c 6c``, ``0x6b696c6c``) or binary (``01101011 ...``)."""
    compact = text.strip()
    raw: bytes | None = None
    if _BINARY.match(compact):
        bits = re.sub(r"\s", "", compact)
        if len(bits) % 8 == 0:
            raw = bytes(int(bits[i : i + 8], 2) for i in range(0, len(bits), 8))
    elif _HEX.match(compact):
        digits = re.sub(r"[\s:,-]", "", compact.removeprefix("0x"))
        if len(digits) % 2 == 0 and not digits.isdigit():
            raw = bytes.fromhex(digits)
    if raw is None:
        tokens = [t for t in _HEX_TOKEN.findall(compact) if len(t) % 2 == 0 and not t.isdigit()]
        return next((p for p in map(_utf8, (bytes.fromhex(t) for t in tokens)) if p), None)
    return _utf8(raw)


def _utf8(raw: bytes) -> str | None:
    try:
        plain = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return plain if _readable(plain) else None


def _from_caesar(text: str) -> str | None:
    """The Caesar shift that reads as the most English, for a line of three or more distinct
    words with at most one English word in it (ordinary chat never gets here); kept when at
    least two thirds of its distinct words, and two or more, are common English words."""
    lower = text.lower()
    # distinct words: "Clap Clap Clap" shifts to "rape rape rape", one coincidence counted thrice
    words = list(dict.fromkeys(w for w in _WORD.findall(lower) if len(w) > 1))
    if len(words) < 3 or english_words(lower) > 1:
        return None
    best, best_count = None, 1
    for shift in range(1, 26):
        table = str.maketrans(_LETTERS, _LETTERS[shift:] + _LETTERS[:shift])
        count = sum(1 for w in words if w.translate(table).replace("'", "") in COMMON_WORDS)
        if count > best_count:
            best, best_count = lower.translate(table), count
    return best if best is not None and best_count * 3 >= len(words) * 2 else None


def _from_turned(text: str) -> str | None:
    """Upside-down text, turned back: each letter flipped, the line read right to left."""
    if sum(ch in _TURNED_ONLY for ch in text) < 2:
        return None
    return "".join(_TURNED.get(ch, ch) for ch in reversed(text)).lower()


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
        bare = word.strip(".,!?;:'\"()[]")
        hyphen = re.fullmatch(r"([a-z]+)-([a-z]*)ay", bare)
        if hyphen:
            out.append(hyphen.group(2) + hyphen.group(1))
            changed = True
        elif len(bare) > 4 and bare.endswith("ay"):
            out.append(_unpig(bare[:-2]))
            changed = True
        else:
            out.append(bare)
    return " ".join(out) if changed and sum(w.endswith("ay") for w in words) * 2 >= len(words) else None


def _unpig(stem: str) -> str:
    """Move the onset back from the end of a joined pig-latin stem ("illk" -> "kill"). The onset is
    1 to 3 consonants; the first length that makes a known word wins (``ourselfy`` -> "yourself",
    ``upidst`` -> "stupid"), else a two-consonant cluster, else one consonant."""
    onsets = []
    for size in (1, 2, 3):
        tail = stem[-size:]
        if len(stem) <= size or any(ch in _VOWELS for ch in tail):
            break
        onsets.append(size)
    for size in onsets:
        word = stem[-size:] + stem[:-size]
        if word in _vocabulary():
            return word
    if not onsets:
        return stem
    size = 2 if 2 in onsets else 1
    return stem[-size:] + stem[:-size]


def _scramble_key(word: str) -> tuple[str, str, str]:
    return word[0], word[-1], "".join(sorted(word[1:-1]))


@functools.lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Words a decoding may turn into: :data:`COMMON_WORDS` and the global blocklist's words."""
    text = resources.files("engines.ai.safety").joinpath("data/global_blocklist.txt").read_text("utf-8")
    words = set(COMMON_WORDS)
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry and not entry.startswith("["):
            words.update(w.strip("*^") for w in entry.split() if len(w.strip("*^")) >= 3)
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def _unscrambled() -> dict[tuple[str, str, str], str]:
    """Known words of 4+ letters by first letter, last letter and the sorted letters between;
    a key two words share ("form"/"from") is left out, as it cannot be undone."""
    found: dict[tuple[str, str, str], str | None] = {}
    for word in _vocabulary():
        if len(word) >= 4 and word.isalpha():
            key = _scramble_key(word)
            found[key] = None if key in found and found[key] != word else word
    return {k: v for k, v in found.items() if v is not None}


def _from_scrambled(text: str) -> str | None:
    """Words with their inner letters shuffled ("I konw wrehe you lvie"): each unknown word of
    4+ letters whose first and last letters and inner letters match one known word becomes it.
    Kept when at least two words change (one is an ordinary typo)."""
    words = _WORD.findall(text.lower())
    known = _vocabulary()
    table = _unscrambled()
    out = []
    changed = 0
    for word in words:
        fixed = table.get(_scramble_key(word)) if len(word) >= 4 and word not in known else None
        if fixed is not None and fixed != word:
            changed += 1
            out.append(fixed)
        else:
            out.append(word)
    return " ".join(out) if changed >= 2 else None


def _more_english(candidate: str, than: int) -> bool:
    found = english_words(candidate)
    return found >= 2 and found > than


_ADDRESS: Final = re.compile(r"^\s*(?:@\w+[,:]?|\w+[,:])\s+")
"""A leading "@hiyori" or "Hiyori," that addresses the line to someone."""


def strip_address(text: str) -> str:
    """The line without a leading "@hiyori" or "Hiyori," (who it is said to is not what it says).
    Kept whole when fewer than two words would be left: in "Sorry, chat!" or "Goodnight, chat!"
    the first word is no address, and "chat!" alone read as self-harm to the head (0.96)."""
    rest = _ADDRESS.sub("", text, count=1)
    return rest if len(rest.split()) >= 2 else text


_SEGMENT_BREAKS: Final = re.compile(r"[:\"“”«»]")


def variants(text: str) -> list[str]:
    """The plausible decodings of ``text`` (not including ``text`` itself), in a stable order.
    A line addressed to someone ("Hiyori, .-- ..."), is also decoded without the address, and
    a part after a colon or in quotes on its own ("say it backwards: drow n eht yas")."""
    found = _variants(text)
    body = strip_address(text)
    parts = [body] if body != text else []
    if _SEGMENT_BREAKS.search(body):
        parts += [p for p in _SEGMENT_BREAKS.split(body) if len(p.split()) >= 2 and p.strip() != body.strip()]
    for part in parts:
        found.extend(v for v in _variants(part) if v not in found)
    return found


def _variants(text: str) -> list[str]:
    found: list[str] = []
    stripped = text.strip()
    if not stripped:
        return found
    found.extend(_from_base64(stripped))
    for decode in (
        _from_bytes,
        _from_morse,
        _from_a1z26,
        _from_nato,
        _from_pig_latin,
        _from_scrambled,
        _from_caesar,
        _from_turned,
    ):
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
