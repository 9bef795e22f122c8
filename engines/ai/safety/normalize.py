"""Layer 1: Unicode normalisation for matching.

Chat evades filters with look-alike letters (Cyrillic ``а`` for Latin ``a``), invisible
characters (zero-width space, soft hyphen, bidi controls), decorated alphabets
(``ｆｕｌｌｗｉｄｔｈ``, ``𝐛𝐨𝐥𝐝``, ``ⓒⓘⓡⓒⓛⓔⓓ``), combining marks ("zalgo"), leetspeak
(``sh1t``, ``@ss``, ``$lut``) and spacing (``f u c k``, ``n.i.g``). :func:`normalize`
turns a message into the forms the later layers match on; the original text is kept
unchanged beside them.

The forms:

``clean``
    NFKC, invisible characters removed, homoglyphs folded to ASCII, casefolded,
    whitespace collapsed. Punctuation and digits are kept: the PII, link and role-tag
    patterns read this one.
``tokens``
    Words of ``clean`` with diacritics stripped, apostrophes dropped (``it's`` →
    ``its``) and leetspeak folded inside words that contain a letter (``n1gg3r``,
    ``$hit``, ``b!tch``); pure numbers stay numbers (``I have 4 lives``). Only ``[a-z]``,
    digits and ``*`` (a censoring star, ``f*ck``) survive.
``joined``
    ``tokens`` with every run of two or more single-letter tokens glued together
    (``f u c k`` and ``n.i.g.g.e.r`` become one word). ``None`` when there is no such run.

Repeated letters (``fuuuuck``) are handled by the matchers, which compare run-length
encodings, so ``ass`` still does not match ``as``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Final

__all__ = ["Normalized", "fold_text", "invisible_table", "normalize", "split_name"]


@dataclass(frozen=True, slots=True)
class Normalized:
    """A message in the forms the safety layers match on."""

    original: str
    clean: str
    tokens: tuple[str, ...]
    joined: tuple[str, ...] | None
    """``tokens`` with runs of single letters glued; ``None`` when nothing was glued."""
    glued: tuple[str, ...]
    """Just the glued runs of ``joined`` (``("fuck",)`` for ``"f u c k off"``)."""

    @property
    def words(self) -> str:
        """The tokens joined by single spaces: punctuation-free text for phrase patterns."""
        return " ".join(self.tokens)

    @property
    def word_forms(self) -> tuple[str, ...]:
        """``words``, plus the glued form when single letters were glued (``i g n o r e``)."""
        if self.joined is None:
            return (" ".join(self.tokens),)
        return (" ".join(self.tokens), " ".join(self.joined))


# ---------------------------------------------------------------- character tables

_EXTRA_INVISIBLE: Final = (
    "\u034f"  # combining grapheme joiner (Mn)
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers (look blank, category Lo)
    "\u2800"  # braille blank
)


@cache
def invisible_table() -> dict[int, None]:
    """Translate table deleting format characters (Cf), variation selectors and blanks.

    Covers zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen, bidi
    controls, invisible operators, tag characters and the Hangul fillers.
    """
    table: dict[int, None] = {}
    ranges = (range(0x0000, 0x10000), range(0x1D173, 0x1D17B), range(0xE0000, 0xE0080))
    for block in ranges:
        for cp in block:
            if unicodedata.category(chr(cp)) == "Cf":
                table[cp] = None
    for cp in (*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0), *range(0x180B, 0x1810)):
        table[cp] = None
    for ch in _EXTRA_INVISIBLE:
        table[ord(ch)] = None
    return table


# Look-alikes that the Unicode confusables data does not map to a Latin letter but that
# chat uses as one (mostly Cyrillic and Greek lower case).
_EXTRA_CONFUSABLES: Final = {
    "к": "k",
    "м": "m",
    "т": "t",
    "в": "b",
    "н": "h",
    "п": "n",
    "г": "r",
    "ш": "w",
    "ь": "b",
    "з": "3",
    "я": "r",
    "л": "n",
    "д": "d",
    "и": "u",
    "ц": "u",
    "ч": "4",
    "б": "6",
    "κ": "k",
    "τ": "t",
    "η": "n",
    "ι": "i",
    "μ": "u",
    "ω": "w",
    "ς": "c",
    "β": "b",
    "ε": "e",
    "λ": "a",
    "δ": "d",
    "π": "n",
    "ø": "o",
    "ð": "d",
    "þ": "p",
    "ł": "l",
    "đ": "d",
    "¡": "i",
    "ǃ": "i",
    "∂": "d",
    "€": "e",
    "¢": "c",
    "¥": "y",
    "ℓ": "l",
}


@cache
def _confusables_table() -> dict[int, str]:
    """Map every character confusable with an ASCII letter or digit to it (lower case)."""
    import string

    from confusable_homoglyphs import confusables

    data = confusables.confusables_data
    table: dict[int, str] = {}
    for key in string.ascii_letters + string.digits:  # letters first: 'О' folds to 'o', not '0'
        for entry in data.get(key, ()):
            ch = entry["c"]
            if len(ch) == 1 and ord(ch) > 127:
                table.setdefault(ord(ch), key.lower())
    for ch, ascii_ch in _EXTRA_CONFUSABLES.items():
        table.setdefault(ord(ch), ascii_ch)
        table.setdefault(ord(ch.upper()), ascii_ch)
    # Regional indicators, squared / circled / negative-squared letters: 🇦, 🄰, 🅐, 🅰.
    for base in (0x1F1E6, 0x1F130, 0x1F150, 0x1F170):
        for i in range(26):
            table[base + i] = chr(ord("a") + i)
    return table


_LEET: Final = str.maketrans(
    {
        "4": "a",
        "@": "a",
        "8": "b",
        "3": "e",
        "6": "g",
        "9": "g",
        "1": "i",
        "!": "i",
        "|": "i",
        "0": "o",
        "5": "s",
        "$": "s",
        "7": "t",
        "+": "t",
        "#": "*",
    }
)
_APOSTROPHES: Final = str.maketrans({"'": None, "’": None, "`": None, "ʼ": None, "´": None})
_EDGE_PUNCT: Final = '.,!?;:"()[]{}<>~^-_=/\\|…“”‘’«»¡¿*#%&'

_HAS_LETTER: Final = re.compile(r"[a-z]")
_NON_WORD: Final = re.compile(r"[^a-z*]+")
_DIGIT_RUNS: Final = re.compile(r"[0-9]+")


def _strip_marks(text: str) -> str:
    """Remove diacritics and other combining marks (``é`` → ``e``, zalgo → plain)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_text(text: str) -> str:
    """NFKC, invisible characters removed, homoglyphs folded, casefolded, spaces collapsed."""
    if text.isascii():
        return " ".join(text.casefold().split())
    s = unicodedata.normalize("NFKC", text)
    s = s.translate(invisible_table()).translate(_confusables_table()).casefold()
    return " ".join(s.split())


def _tokenize(plain: str) -> list[str]:
    tokens: list[str] = []
    for raw in plain.split():
        core = raw.translate(_APOSTROPHES).strip(_EDGE_PUNCT)
        if not core:
            continue
        if _HAS_LETTER.search(core):
            tokens.extend(t for t in _NON_WORD.split(core.translate(_LEET)) if t.strip("*"))
        else:
            tokens.extend(_DIGIT_RUNS.findall(core))
    return tokens


def _glue_single_letters(tokens: list[str]) -> tuple[list[str], list[str]] | None:
    """Glue runs of 2+ single-letter tokens: ``["f","u","c","k","off"]`` → ``["fuck","off"]``."""
    out: list[str] = []
    glued: list[str] = []
    run: list[str] = []
    for tok in (*tokens, ""):
        if len(tok) == 1 and tok.isalpha():
            run.append(tok)
            continue
        if len(run) >= 2:
            word = "".join(run)
            out.append(word)
            glued.append(word)
        else:
            out.extend(run)
        run = []
        if tok:
            out.append(tok)
    return (out, glued) if glued else None


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching (see the module docstring for the forms)."""
    clean = fold_text(text)
    plain = clean if clean.isascii() else _strip_marks(clean)
    tokens = _tokenize(plain)
    glued = _glue_single_letters(tokens)
    if glued is None:
        return Normalized(text, clean, tuple(tokens), None, ())
    return Normalized(text, clean, tuple(tokens), tuple(glued[0]), tuple(glued[1]))


_CAMEL: Final = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_DIGIT_EDGES: Final = re.compile(
    r"(?<=[A-Za-z]{2})(?=\d{2,}(?:\s|$))|(?<=^\d)(?=[A-Za-z]{3})|(?<=\s\d)(?=[A-Za-z]{3})"
)
"""A run of digits that ends a word (``Lord99``) or one digit that starts it (``4chanKid``):
split off; digits inside a word stay, for leetspeak (``k1ll``)."""


def split_name(display_name: str) -> str:
    """Split a display name into words: ``xX_DarkLord99_Xx`` → ``xX Dark Lord99 Xx``.

    Case boundaries are found before folding, so the result can go through
    :func:`normalize` like any chat text.
    """
    s = unicodedata.normalize("NFKC", display_name).translate(invisible_table())
    s = s.translate(_confusables_table()) if not s.isascii() else s
    s = re.sub(r"[_\s.\-]+", " ", s)
    s = _CAMEL.sub(" ", s)
    return _DIGIT_EDGES.sub(" ", s)
