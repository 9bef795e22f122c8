"""Incremental sentence splitting for streamed LLM replies.

`SentenceSplitter` is fed the token deltas of a reply as they arrive and hands back each
sentence as soon as it is certain, so speech synthesis can start on the first sentence
while the model is still writing the next (see "Sentence streaming" in the architecture).

A boundary is only final once the first non-space character after it is known (or the
stream ends): "3." may become "3.14", "Mr." is followed by a name, "..." followed by a
lowercase word goes on, and an emoji right after "!" belongs to that sentence. Apart from
that short look-ahead the scanner never re-reads text, so the cost is linear in the reply.
The output does not depend on how the text was cut into deltas.

Emotion tags such as "[happy]" are passed through untouched: a tag is never split and a
tag-only piece is kept with the text that follows it (`engines.ai.emotions` removes them).

Over 400 lines on purpose: one incremental scanner whose boundary rules (abbreviations,
numbers, ellipses, emoji, tags, the early first clause) must be read together.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from typing import Final

__all__ = ["SentenceSplitter", "SplitterConfig", "split_stream"]


@dataclass(frozen=True)
class SplitterConfig:
    """How replies are cut.

    max_chars: length cap for runs without a boundary; the cut goes at the last space or
        comma before the cap (a hard cut only when there is none, e.g. unbroken CJK text).
    first_clause_min_words / early_first_clause: the first chunk of a reply may end at a
        clause boundary (", ", "; ", ": ", " - ", "—") once it has that many words, so
        speech starts sooner.
    min_chars: a piece shorter than this (or with no letters or digits) is not emitted on
        its own but kept with the text that follows.
    release_on_token: a delta (a model token) that ends on a closing mark releases the piece
        at once, without waiting for the next token, where the text allows: ".", "!", "?"
        (not "3.", an abbreviation such as "Mr." or "e.g.", a single letter, an ellipsis, or
        a quote that may go on, as in '"Really?" she said'), and the first chunk's "," or ";"
        (not after a digit, "3,5"). Stray marks that then follow ("?" + "!", "." + "..") are
        dropped. The output then depends on where the deltas were cut.
    first_chunk_conjunction_words: a first chunk that has run this many words without a
        clause mark is cut before a conjunction ("and", "but", "because", "which", "while"...;
        not "so", "or", "if" or "when", which are as often something else: "so much", "one or
        two") once the conjunction's word is complete, and the head goes out with a comma added
        (a breath the voice takes there), so a long first sentence does not hold up speech.
        None: off.
    """

    max_chars: int = 180
    first_clause_min_words: int = 4
    early_first_clause: bool = True
    min_chars: int = 2
    release_on_token: bool = False
    first_chunk_conjunction_words: int | None = None

    def __post_init__(self) -> None:
        if self.max_chars < 16:
            raise ValueError("max_chars must be at least 16")
        if self.first_clause_min_words < 1:
            raise ValueError("first_clause_min_words must be at least 1")
        if self.min_chars < 1:
            raise ValueError("min_chars must be at least 1")
        if self.first_chunk_conjunction_words is not None and self.first_chunk_conjunction_words < 2:
            raise ValueError("first_chunk_conjunction_words must be at least 2")


# --- character classes -------------------------------------------------------------------

_TERMINATORS: Final = frozenset(".!?…‽。！？｡")
_CJK_TERMINATORS: Final = frozenset("。！？｡")
_STRONG: Final = frozenset("!?‽")
# Closing quotes/brackets (and markdown/kaomoji tails) that stay with the sentence they close.
_CLOSERS: Final = frozenset("\"'”’»)]}」』）】〕》〉*_~")
_CLOSING_QUOTES: Final = frozenset("\"'”’»」』")
_OPENERS: Final = "\"'“‘«([{「『（【"
_SENTENCE_STARTERS: Final = frozenset('["“「『')
_DASHES: Final = frozenset("-–")
# Characters worth stopping at; the clause variant is used only for a reply's first chunk.
_INTEREST: Final = re.compile(r"[.!?…‽。！？｡\n\[\]]")
_INTEREST_CLAUSE: Final = re.compile(r"[.!?…‽。！？｡\n\[\],;:—–-]")
_CAP_PUNCT: Final = frozenset(",;、，；")
_MAX_TAG: Final = 48  # an unclosed "[" longer than this is not a tag

_EMOJI_CLASS: Final = (
    "\U0001f000-\U0001faff\u2600-\u27bf\u2300-\u23ff\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55"
    "\u3030\u303d\u3297\u3299\ufe0e\ufe0f\u200d\u20e3\U000e0020-\U000e007f"
)
_EMOJI: Final = re.compile(f"[{_EMOJI_CLASS}]")
_JOINERS: Final = frozenset("\u200d\ufe0e\ufe0f\u20e3")
# Text emoticons that, like emoji, stay with the sentence before them.
_EMOTICONS: Final = (
    ":)", ":-)", ":D", ":-D", ":(", ":-(", ":'(", ";)", ";-)", ":P", ":p", ":-P", ":O", ":o",
    ":3", "<3", "xD", "XD", "^^", "^_^", "^o^", "T_T", ";_;", ">:(", "uwu", "UwU", "owo", "OwO",
)  # fmt: skip
_EMOTICON_ALT: Final = "|".join(re.escape(e) for e in sorted(_EMOTICONS, key=len, reverse=True))
_MAX_EMOTICON: Final = max(len(e) for e in _EMOTICONS)
_EMOTICON_FIRST: Final = frozenset(e[0] for e in _EMOTICONS)
# Whitespace, emoji and emoticons after a boundary: the sentence absorbs the emoji.
_SKIP: Final = re.compile(rf"(?:\s+|[{_EMOJI_CLASS}]+|(?:{_EMOTICON_ALT})(?=\s|[{_EMOJI_CLASS}]|\Z))*")

_TAGLIKE: Final = re.compile(r"\[[^\[\]\n]*\]|\*[^*\n]*\*|\(\s*\w+\s*\)")
_ALNUM: Final = re.compile(r"[^\W_]")
_WORD: Final = re.compile(r"\S*[^\W_]\S*")
_CONJUNCTION: Final = re.compile(
    r"\s+(?=(?:and|but|because|cause|which|while|whereas|though|although|since|until)\s)",
    re.IGNORECASE,
)
"""The space before a complete conjunction word (the word and the whitespace after it seen)."""

# --- abbreviations ------------------------------------------------------------------------


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Never end a sentence (titles, "e.g.", "vs." ...).
_ALWAYS_ABBREV: Final = _word_set(
    """mr mrs ms mx dr prof rev fr hon gen col capt lt sgt cpl gov sen rep pres supt insp
    st mt ft vs v e.g i.e cf viz approx appx fig figs dept ca vol vols ch pp eq incl wrt
    """
)
# End a sentence only when the next word is capitalised ("at 7 a.m. See you" / "7 a.m. sharp").
_AMBIGUOUS_ABBREV: Final = _word_set(
    """etc jr sr inc ltd co corp bros al a.m p.m u.s u.k u.s.a e.u u.n ph.d esp est ref
    min hr hrs mins sec secs jan feb apr jun jul aug sep sept oct nov dec mon tue tues thu
    thur thurs fri"""
)
# Abbreviations of "number": not an end when a digit follows ("No. 5").
_NUMBER_ABBREV: Final = frozenset({"no", "nos", "nr", "num", "pt", "pts", "op", "art"})
_DOTTED: Final = re.compile(r"(?:[a-z]\.)+[a-z]")


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _is_emoji(ch: str) -> bool:
    return _EMOJI.match(ch) is not None


def _has_content(text: str) -> bool:
    """True when letters or digits remain once tags and stage directions are removed."""
    return _ALNUM.search(_TAGLIKE.sub(" ", text)) is not None


def _emoticon_prefix(buf: str, k: int) -> bool:
    """True when buf[k:] (to the end) could still grow into an emoticon."""
    if buf[k] not in _EMOTICON_FIRST:
        return False
    rest = buf[k:]
    return len(rest) < _MAX_EMOTICON and any(e.startswith(rest) and e != rest for e in _EMOTICONS)


# A decision: None = wait for more text, int = no boundary (resume scanning there),
# (end, next) = emit buf[start:end] and continue at next.
_Decision = int | tuple[int, int] | None


class SentenceSplitter:
    """Turns a stream of text deltas into sentences; one instance per reply (or `flush`)."""

    def __init__(self, config: SplitterConfig | None = None) -> None:
        self._config = config or SplitterConfig()
        self.reset()

    @property
    def config(self) -> SplitterConfig:
        return self._config

    def reset(self) -> None:
        """Forget any buffered text and start a new reply."""
        self._buf = ""
        self._start = 0  # start of the unemitted text in _buf
        self._i = 0  # next index to scan
        self._open = -1  # index of an unclosed "[" in the current piece, or -1
        self._emitted = False
        self._released = False  # the last piece went out on its own closing mark (release_on_token)
        # Progress of a look-ahead past a boundary that is waiting for more text, so that a
        # long run of whitespace/emoji arriving in tiny deltas is not re-read each time.
        self._skip_at = -1
        self._skip_pos = 0
        self._skip_absorbed = 0
        self._skip_newline = False

    def feed(self, delta: str) -> list[str]:
        """Add a delta; return the sentences it completed (stripped, whitespace tidied)."""
        if not delta:
            return []
        caught_up = self._i == len(self._buf)
        self._buf += delta
        if self._released and not self._drop_stray_marks():
            return []
        if (
            caught_up
            and len(self._buf) - self._start <= self._config.max_chars
            and not (_INTEREST_CLAUSE if self._clause_ok() else _INTEREST).search(delta)
            and (self._config.first_chunk_conjunction_words is None or not self._clause_ok())
        ):
            self._i = len(self._buf)  # fast path: nothing in this delta can end a sentence
            return []
        out: list[str] = []
        if self._config.first_chunk_conjunction_words is not None:
            self._conjunction_cut(out)
        self._scan(out)
        if self._config.release_on_token:
            self._release_at_token_end(out)
        self._compact()
        return out

    def flush(self) -> list[str]:
        """End of the reply: return what is left and reset for the next one."""
        rest = _tidy(self._buf[self._start :])
        self.reset()
        visible = _TAGLIKE.sub(" ", rest)
        if _ALNUM.search(visible) or _EMOJI.search(visible):
            return [rest]
        return []  # whitespace, punctuation or a tag with nothing after it

    # --- scanning -------------------------------------------------------------------------

    def _clause_ok(self) -> bool:
        return self._config.early_first_clause and not self._emitted

    def _compact(self) -> None:
        start = self._start
        if start:
            self._buf = self._buf[start:]
            self._i -= start
            if self._open >= 0:
                self._open -= start
            if self._skip_at >= 0:
                self._skip_at -= start
                self._skip_pos -= start
                self._skip_absorbed -= start
            self._start = 0

    def _scan(self, out: list[str]) -> None:
        cap = self._config.max_chars
        i = self._i
        while True:
            buf = self._buf
            n = len(buf)
            limit = self._start + cap
            # Only the first max_chars of a piece matter: past them the cap cuts anyway.
            m = (_INTEREST_CLAUSE if self._clause_ok() else _INTEREST).search(buf, i, limit)
            if m is None and n > limit:
                self._emit(*self._cap_cut(), out)
                i = self._start
                continue
            if m is None:
                i = n
                break
            p = m.start()
            c = buf[p]
            if c == "[":
                if self._open < 0:
                    self._open = p
                i = p + 1
                continue
            if c == "]":
                self._open = -1
                i = p + 1
                continue
            if self._open >= 0:
                if c != "\n" and p - self._open <= _MAX_TAG:
                    i = p + 1  # inside a tag: never a boundary
                    continue
                self._open = -1
            decision: _Decision
            if c == "\n":
                decision = self._newline(p)
            elif c in _TERMINATORS:
                decision = self._terminator(p)
            else:
                decision = self._clause(p)
            if decision is None:
                i = p
                break
            if isinstance(decision, int):
                i = decision
                continue
            self._emit(*decision, out)
            i = self._start
        self._i = i

    def _emit(self, end: int, nxt: int, out: list[str]) -> None:
        text = _tidy(self._buf[self._start : end])
        if text:
            out.append(text)
            self._emitted = True
        self._start = nxt
        self._open = -1
        self._skip_at = -1

    def _skip(self, j: int) -> tuple[int, int, bool] | None:
        """Skip whitespace/emoji from j: (next char, end of absorbed emoji, saw newline).

        None while the run reaches the end of the text (or could still become an emoticon).
        """
        buf = self._buf
        n = len(buf)
        if self._skip_at == j:
            r, absorbed, newline = self._skip_pos, self._skip_absorbed, self._skip_newline
        else:
            r, absorbed, newline = j, j, False
        m = _SKIP.match(buf, r)
        k = m.end() if m else r
        if k >= n or _emoticon_prefix(buf, k):
            # Resume later after the last whitespace/emoji: a trailing emoticon may still grow.
            safe = k
            while safe > r and not (buf[safe - 1].isspace() or _is_emoji(buf[safe - 1])):
                safe -= 1
            seg = buf[r:safe]
            body = seg.rstrip()
            self._skip_at, self._skip_pos = j, safe
            self._skip_absorbed = r + len(body) if body else absorbed
            self._skip_newline = newline or "\n" in seg
            return None
        seg = buf[r:k]
        body = seg.rstrip()
        return k, (r + len(body) if body else absorbed), newline or "\n" in seg

    def _speakable(self, end: int) -> bool:
        piece = self._buf[self._start : end]
        return len(piece.strip()) >= self._config.min_chars and _has_content(piece)

    def _newline(self, p: int) -> _Decision:
        skipped = self._skip(p)
        if skipped is None:
            return None
        k, absorbed, _ = skipped
        if not self._speakable(absorbed):
            return p + 1  # e.g. a tag alone on its line: keep it with what follows
        return absorbed, k

    def _terminator(self, p: int) -> _Decision:
        buf = self._buf
        n = len(buf)
        j = p + 1
        while j < n and buf[j] in _TERMINATORS:
            j += 1
        run_end = j
        while j < n and buf[j] in _CLOSERS:
            j += 1
        if j >= n:
            return None
        run = buf[p:run_end]
        cjk = not _CJK_TERMINATORS.isdisjoint(run)
        if not (cjk or buf[j].isspace() or _is_emoji(buf[j])):
            return run_end  # glued to what follows: 3.14, e.g., example.com, v1.2
        skipped = self._skip(j)
        if skipped is None:
            return None
        k, absorbed, newline = skipped
        x = buf[k]
        ends: bool | None
        if newline or cjk:
            ends = True
        elif not _STRONG.isdisjoint(run):
            quoted = not _CLOSING_QUOTES.isdisjoint(buf[run_end:j])
            ends = not (quoted and x.islower())  # '"Really?" she said.' is one sentence
        elif len(run) > 1 or "…" in run:
            ends = self._ellipsis_ends(k)
        else:
            ends = self._period_ends(p, x)
        if ends is None:
            return None
        if not ends or not self._speakable(absorbed):
            return run_end
        return absorbed, k

    def _ellipsis_ends(self, k: int) -> bool | None:
        """ "Well... maybe" goes on, "Well... Anyway" ends; "Well... I guess" goes on."""
        buf = self._buf
        x = buf[k]
        if x in _SENTENCE_STARTERS:
            return True
        if not x.isupper():
            return False
        if x == "I":
            if k + 1 >= len(buf):
                return None
            return buf[k + 1].isalpha()  # "It ..." ends, "I ..." / "I'm" goes on
        return True

    def _period_ends(self, p: int, x: str) -> bool:
        """Decide a single "." followed by space: abbreviations, initials, list numbers."""
        buf = self._buf
        s = p
        while s > self._start and not buf[s - 1].isspace():
            s -= 1
        word = buf[s:p].lstrip(_OPENERS)
        if not word:
            return True
        low = word.lower()
        capital = x.isupper() or x in _SENTENCE_STARTERS
        if low in _ALWAYS_ABBREV:
            return False
        if low in _NUMBER_ABBREV and x.isdigit():
            return False
        if low in _AMBIGUOUS_ABBREV or _DOTTED.fullmatch(low):
            return capital
        if len(word) == 1 and word.isalpha() and word.isupper() and word != "I":
            return not x.isupper()  # initials: "J. K. Rowling"
        # "1. First" at the start of a line is a list number, not an end.
        return not (word.isdigit() and len(word) <= 3 and not _has_content(buf[self._start : s]))

    def _clause(self, p: int) -> _Decision:
        """An early cut of the first chunk at ", ", "; ", ": ", " - ", " -- " or "—"."""
        buf = self._buf
        n = len(buf)
        c = buf[p]
        if c in _DASHES:
            if p == self._start or not buf[p - 1].isspace():
                return p + 1  # a hyphen inside a word or number
            j = p
            while j < n and buf[j] in _DASHES:
                j += 1
        elif c == "—":
            j = p
            while j < n and buf[j] == "—":
                j += 1
        else:
            j = p + 1
        if j >= n:
            return None
        if c != "—" and not buf[j].isspace():
            return j  # "1,000", "3:30", "https://"
        words = len(_WORD.findall(_TAGLIKE.sub(" ", buf[self._start : p])))
        if words < self._config.first_clause_min_words:
            return j
        skipped = self._skip(j)
        if skipped is None:
            return None
        k, absorbed, _ = skipped
        if not self._speakable(absorbed):
            return j
        return absorbed, k

    def _conjunction_cut(self, out: list[str]) -> None:
        """The first chunk, long without a clause mark: cut before its first conjunction that
        has enough words ahead of it (see ``first_chunk_conjunction_words``). It runs before
        the scan for boundaries, so the cut is the same however the text was chunked."""
        need = self._config.first_chunk_conjunction_words
        if need is None or not self._clause_ok() or self._skip_at >= 0:
            return
        buf, start = self._buf, self._start
        for m in _CONJUNCTION.finditer(buf, start):
            head = buf[start : m.start()]
            visible = _TAGLIKE.sub(" ", head)  # a leading emotion tag may stay with its words
            if _INTEREST_CLAUSE.search(visible) or "*" in visible or "(" in visible:
                return  # a mark or an unfinished tag or action inside: the other rules decide
            if len(_WORD.findall(visible)) >= need and self._speakable(m.start()):
                text = _tidy(head)
                out.append(text if text.endswith(",") else text + ",")
                self._emitted = True
                self._start = m.end()
                self._i = max(self._i, self._start)
                if self._open >= 0 and self._open < self._start:
                    self._open = -1
                return

    # --- release on the closing token (release_on_token) -----------------------------------

    def _drop_stray_marks(self) -> bool:
        """After a release on a closing mark: drop the marks and closers that finish it ("?!",
        '."', ". .."), which went out already. False while nothing else has come."""
        buf, n, k = self._buf, len(self._buf), self._start
        while k < n and (buf[k] in _TERMINATORS or buf[k] in _CLOSERS or buf[k].isspace()):
            k += 1
        self._start = self._i = k
        if k == n:
            return False
        self._released = False
        return True

    def _release_at_token_end(self, out: list[str]) -> None:
        """The delta ended on a closing mark: emit the piece now if the text allows it."""
        buf = self._buf
        if self._open >= 0:
            return  # inside an emotion tag
        end = len(buf)
        while end > self._start and buf[end - 1].isspace():
            end -= 1
        core = end
        while core > self._start and buf[core - 1] in _CLOSERS:
            core -= 1
        if core == self._start:
            return
        c = buf[core - 1]
        if c in ",;":
            if core < end or not self._clause_ok() or core - 2 < self._start or buf[core - 2].isdigit():
                return  # "1,000" / "3,5" may still go on
            words = len(_WORD.findall(_TAGLIKE.sub(" ", buf[self._start : core - 1])))
            if words < self._config.first_clause_min_words:
                return
        elif c in _TERMINATORS:
            run = core - 1
            while run > self._start and buf[run - 1] in _TERMINATORS:
                run -= 1
            marks = buf[run:core]
            if not _CJK_TERMINATORS.isdisjoint(marks):
                pass  # always an end
            elif not _STRONG.isdisjoint(marks):
                if not _CLOSING_QUOTES.isdisjoint(buf[core:end]):
                    return  # '"Really?" she said.' may go on
            elif len(marks) > 1 or "…" in marks or not self._plain_word_before(run):
                return  # an ellipsis, a number, an abbreviation
        else:
            return
        if not self._speakable(end):
            return
        self._emit(end, len(buf), out)
        self._i = self._start
        self._released = True

    def _plain_word_before(self, p: int) -> bool:
        """The word before the "." at ``p`` is an ordinary word: no digit ("3."), no
        abbreviation ("Mr.", "e.g.", "etc.", "No."), not a single letter ("J.", the "e." of "e.g.")."""
        buf = self._buf
        s = p
        while s > self._start and not buf[s - 1].isspace():
            s -= 1
        word = buf[s:p].lstrip(_OPENERS).rstrip("".join(_CLOSERS))
        if len(word) < 2 or not word[-1].isalpha() or "." in word:
            return False
        low = word.lower()
        return low not in _ALWAYS_ABBREV and low not in _AMBIGUOUS_ABBREV and low not in _NUMBER_ABBREV

    def _cap_cut(self) -> tuple[int, int]:
        """Where to cut a piece that reached max_chars without a boundary."""
        buf = self._buf
        start = self._start
        limit = start + self._config.max_chars
        end = self._open if start <= self._open < limit else limit  # never inside a tag
        for q in range(end - 1, start, -1):
            ch = buf[q]
            if ch.isspace():
                if self._speakable(q):
                    return q, q + 1
                break
            if ch in _CAP_PUNCT:
                if self._speakable(q + 1):
                    return q + 1, q + 1
                break
        cut = limit
        while cut > start + 1 and (buf[cut] in _JOINERS or buf[cut - 1] == "\u200d"):
            cut -= 1  # do not break an emoji sequence
        return cut, cut


async def split_stream(
    deltas: AsyncIterable[str], config: SplitterConfig | None = None
) -> AsyncIterator[str]:
    """Yield the sentences of a streamed reply as soon as each one is complete."""
    splitter = SentenceSplitter(config)
    async for delta in deltas:
        for sentence in splitter.feed(delta):
            yield sentence
    for sentence in splitter.flush():
        yield sentence
