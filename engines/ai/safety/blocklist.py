"""Layer 2: blocklists of words and phrases, matched on normalised words.

Entries are whole words (``class``, ``Scunthorpe``, ``assassin`` and ``cocktail`` never
match), optional stems (``faggot*``) and phrases (``kill* yourself``). Matching is on the
tokens of :class:`~engines.ai.safety.normalize.Normalized`, and is tolerant of:

* repeated letters: words are compared as run-length encodings, and every run in the
  message must be at least as long as the entry's (``fuuuck`` matches ``fuck``;
  ``as`` does not match ``ass``);
* ``l``/``I``/``1`` confusion (they share one skeleton letter);
* spacing: runs of single letters are glued (``f u c k``) and searched inside, and two
  or three short pieces are tried together (``fu ck``, ``nig ger``);
* censoring stars: ``f*ck`` matches a same-length entry whose other letters agree.

The global list ships in ``data/global_blocklist.txt`` (syntax documented there); a
persona or a moderator adds words with :meth:`Blocklist.extended`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Final

from engines.ai.safety.normalize import Normalized, normalize

__all__ = ["BlockMatch", "Blocklist", "Entry"]


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _wordlist(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_SKELETON: Final = str.maketrans({"l": "i"})
_RUNS: Final = re.compile(r"([a-z0-9*])\1*")
_COMMON_SHORT: Final = _wordset(
    """
    a an i is it in on at as to of or so no go me my we he be do us up hi ok oh the pen and but
    for can are was has had its al co ho ya yo
    """
)
"""Ordinary short words never glued to a neighbour (``pen is`` is not one word)."""
_CANDIDATE_CACHE_SIZE: Final = 100_000
_MIN_GLUE_KEY: Final = 4
"""Entries shorter than this (after folding repeats) are never searched inside glued text."""

_BENIGN_INSIDE: Final = _wordlist(
    """
    scunthorpe penistone assassin classic classes class compass bass pass mass grass glass brass
    assist assum cassie lassie cocktail peacock hancock cockpit cockatoo shuttlecock dickens
    dickinson essex sussex middlesex sextant sextet therapist grape drape analys canal arsenal
    shitake shiitake matsushita spice spicy title titan document cumulative cucumber raccoon tycoon
    cocoon scrap button butter hello shell pussycat niger snigger
    """
)
"""Ordinary words removed before substring search in display names."""


@dataclass(frozen=True, slots=True)
class _Word:
    key: str
    """The skeleton with runs collapsed (``fuuck`` → ``fuck``)."""
    runs: tuple[int, ...]
    """The length of each run of ``key`` in the written form."""
    stem: bool
    surface: str
    """The skeleton as written (runs not collapsed), for censored-star matching."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One blocklist entry: a word, stem or phrase."""

    words: tuple[_Word, ...]
    category: str
    output_only: bool
    source: str
    anchored: bool = False


@dataclass(frozen=True, slots=True)
class BlockMatch:
    """A blocklist hit. Carries no matched text, so it can be logged as is."""

    category: str
    source: str
    output_only: bool
    how: str
    """``word``, ``phrase``, ``spaced`` (glued pieces), ``censored`` or ``name``."""


@lru_cache(maxsize=65_536)
def _encode(text: str) -> tuple[str, tuple[int, ...]]:
    """Skeleton key and run lengths: ``"niiggga"`` → ``("niga", (1, 2, 3, 1))``."""
    skeleton = text.translate(_SKELETON)
    key_chars: list[str] = []
    runs: list[int] = []
    for m in _RUNS.finditer(skeleton):
        key_chars.append(m.group(1))
        runs.append(m.end() - m.start())
    return "".join(key_chars), tuple(runs)


def _runs_cover(token_runs: Sequence[int], entry_runs: Sequence[int], offset: int = 0) -> bool:
    return all(token_runs[offset + i] >= n for i, n in enumerate(entry_runs))


def _word_matches(word: _Word, token: str) -> bool:
    key, runs = _encode(token)
    if word.stem:
        return key.startswith(word.key) and _runs_cover(runs, word.runs)
    return key == word.key and _runs_cover(runs, word.runs)


def parse_entries(lines: Iterable[str], *, source: str, category: str = "custom") -> list[Entry]:
    """Parse blocklist text (the ``global_blocklist.txt`` syntax) into entries."""
    entries: list[Entry] = []
    output_only = False
    for raw_line in lines:
        line = raw_line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            parts = line[1:-1].split()
            if not parts:
                raise ValueError(f"empty section header: {raw_line!r}")
            category = parts[0]
            output_only = "output" in parts[1:]
            continue
        entry = _parse_entry(line, category=category, output_only=output_only, source=source)
        if entry is not None:
            entries.append(entry)
    return entries


def _parse_entry(line: str, *, category: str, output_only: bool, source: str) -> Entry | None:
    anchored = line.startswith("^")
    words: list[_Word] = []
    for part in line.lstrip("^").split():
        stem = part.endswith("*") and len(part.rstrip("*")) > 0
        tokens = normalize(part.rstrip("*")).tokens
        for i, tok in enumerate(tokens):
            key, runs = _encode(tok)
            is_stem = stem and i == len(tokens) - 1
            words.append(_Word(key, runs, is_stem, tok.translate(_SKELETON)))
    if not words:
        return None
    return Entry(tuple(words), category, output_only, source, anchored)


class Blocklist:
    """An immutable, indexed set of entries. Build once; share freely."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._entries: tuple[Entry, ...] = tuple(entries)
        self._exact: dict[str, list[Entry]] = {}
        self._stems: dict[str, list[Entry]] = {}
        self._singles_by_len: dict[int, list[Entry]] = {}
        self._single_stems: list[Entry] = []
        self._glue_singles: list[Entry] = []
        for entry in self._entries:
            first = entry.words[0]
            index = self._stems if first.stem else self._exact
            index.setdefault(first.key, []).append(entry)
            if len(entry.words) == 1:
                if first.stem:
                    self._single_stems.append(entry)
                else:
                    self._singles_by_len.setdefault(len(first.surface), []).append(entry)
                if len(first.key) >= _MIN_GLUE_KEY:
                    self._glue_singles.append(entry)
        self._stem_lens: tuple[int, ...] = tuple(sorted({len(k) for k in self._stems}))
        self._candidate_cache: dict[str, tuple[Entry, ...]] = {}

    # ------------------------------------------------------------ construction

    @classmethod
    def from_text(cls, text: str, *, source: str = "custom", category: str = "custom") -> Blocklist:
        return cls(parse_entries(text.splitlines(), source=source, category=category))

    @classmethod
    def from_words(
        cls, words: Iterable[str], *, source: str = "custom", category: str = "custom"
    ) -> Blocklist:
        """One entry per item (a word, ``stem*`` or phrase); no section syntax."""
        return cls(_words_to_entries(words, source=source, category=category))

    @staticmethod
    def default() -> Blocklist:
        """The global list bundled with the package (parsed once per process)."""
        return _default_blocklist()

    def extended(
        self, words: Iterable[str], *, source: str = "custom", category: str = "custom"
    ) -> Blocklist:
        """A new blocklist with ``words`` added (a persona's list, a moderator's ban)."""
        added = _words_to_entries(words, source=source, category=category)
        return Blocklist((*self._entries, *added)) if added else self

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self._entries

    # ------------------------------------------------------------ matching

    def match(self, norm: Normalized, *, output: bool = False) -> BlockMatch | None:
        """The first entry found in ``norm``; output-only entries count when ``output``."""
        hit = self._match_stream(norm.tokens, output)
        if hit is not None:
            return hit
        if norm.joined is not None:
            hit = self._match_stream(norm.joined, output)
            if hit is not None:
                return BlockMatch(hit.category, hit.source, hit.output_only, "spaced")
            for glued in norm.glued:
                hit = self._search_inside(glued, output)
                if hit is not None:
                    return hit
        hit = self._match_pieces(norm.tokens, output)
        if hit is not None:
            return hit
        return self._match_censored(norm.tokens, output)

    def match_name(self, norm: Normalized) -> BlockMatch | None:
        """Stricter matching for display names: also searches inside glued words.

        Names run words together (``xXSlurLordXx``), so long entries are looked for
        anywhere in the name once ordinary words that contain them are removed.
        """
        hit = self.match(norm, output=True)
        if hit is not None:
            return hit
        compact = "".join(t for t in norm.tokens if not t.isdigit())
        for benign in _BENIGN_INSIDE:
            compact = compact.replace(benign, " ")
        for piece in compact.split():
            hit = self._search_inside(piece, True)
            if hit is not None:
                return BlockMatch(hit.category, hit.source, hit.output_only, "name")
        return None

    def _candidates(self, key: str) -> tuple[Entry, ...]:
        found = self._candidate_cache.get(key)
        if found is None:
            found = tuple(self._exact.get(key, ()))
            for n in self._stem_lens:
                if n > len(key):
                    break
                found += tuple(self._stems.get(key[:n], ()))
            if len(self._candidate_cache) >= _CANDIDATE_CACHE_SIZE:
                self._candidate_cache.clear()
            self._candidate_cache[key] = found
        return found

    def _match_stream(self, tokens: Sequence[str], output: bool) -> BlockMatch | None:
        for i, token in enumerate(tokens):
            for entry in self._candidates(_encode(token)[0]):
                if entry.output_only and not output:
                    continue
                if entry.anchored and i != 0:
                    continue
                if self._entry_at(entry, tokens, i):
                    how = "phrase" if len(entry.words) > 1 else "word"
                    return BlockMatch(entry.category, entry.source, entry.output_only, how)
        return None

    @staticmethod
    def _entry_at(entry: Entry, tokens: Sequence[str], i: int) -> bool:
        if i + len(entry.words) > len(tokens):
            return False
        return all(_word_matches(w, tokens[i + j]) for j, w in enumerate(entry.words))

    def _match_pieces(self, tokens: Sequence[str], output: bool) -> BlockMatch | None:
        """Two or three short neighbouring pieces read as one word (``fu ck``, ``nig ger``)."""
        n = len(tokens)
        for i in range(n - 1):
            for width in (2, 3):
                window = tokens[i : i + width]
                if len(window) < width:
                    break
                if not all(t.isalpha() and len(t) <= 3 and t not in _COMMON_SHORT for t in window):
                    break
                glued = "".join(window)
                key = _encode(glued)[0]
                if len(key) < _MIN_GLUE_KEY:
                    continue
                for entry in self._candidates(key):
                    if len(entry.words) != 1 or (entry.output_only and not output):
                        continue
                    if _word_matches(entry.words[0], glued):
                        return BlockMatch(entry.category, entry.source, entry.output_only, "spaced")
        return None

    def _search_inside(self, text: str, output: bool) -> BlockMatch | None:
        """Entries of four or more letters anywhere inside ``text`` (glued runs, names)."""
        key, runs = _encode(text)
        for entry in self._glue_singles:
            if entry.output_only and not output:
                continue
            word = entry.words[0]
            start = key.find(word.key)
            while start >= 0:
                if _runs_cover(runs, word.runs, start):
                    return BlockMatch(entry.category, entry.source, entry.output_only, "spaced")
                start = key.find(word.key, start + 1)
        return None

    def _match_censored(self, tokens: Sequence[str], output: bool) -> BlockMatch | None:
        for tok in tokens:
            if "*" not in tok or tok.startswith("*"):
                continue
            surface = tok.translate(_SKELETON)
            if sum(ch != "*" for ch in surface) < 2:
                continue
            candidates = (*self._singles_by_len.get(len(surface), ()), *self._single_stems)
            for entry in candidates:
                if entry.output_only and not output:
                    continue
                written = entry.words[0].surface
                if len(written) > len(surface) or (len(written) < len(surface) and not entry.words[0].stem):
                    continue
                if all(c == "*" or c == w for c, w in zip(surface, written, strict=False)):
                    return BlockMatch(entry.category, entry.source, entry.output_only, "censored")
        return None


def _words_to_entries(words: Iterable[str], *, source: str, category: str) -> list[Entry]:
    entries: list[Entry] = []
    for word in words:
        line = word.split("#", 1)[0].strip()
        if line:
            entry = _parse_entry(line, category=category, output_only=False, source=source)
            if entry is not None:
                entries.append(entry)
    return entries


@cache
def _default_blocklist() -> Blocklist:
    text = resources.files("engines.ai.safety").joinpath("data/global_blocklist.txt").read_text("utf-8")
    return Blocklist.from_text(text, source="global")
