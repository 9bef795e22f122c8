"""Reading an early transcript for the end of the streamer's turn.

The endpointer ends an utterance after ``end_silence_ms`` (500 ms) of silence, long enough
for the pauses people make mid-sentence. An early transcript (taken after ``early_stt_ms`` of
silence) says more: "what game is this?" is finished, "so I was thinking about" is not. With
:func:`sounds_finished`, the voice source ends a turn that reads as finished after a short
silence (``turn_end_ms``, 200 ms) and lets every other one wait out the whole window.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["HOLD_WORDS", "SUBORDINATORS", "sounds_finished"]

HOLD_WORDS: Final = frozenset(
    """and so um uh uhh umm er erm hmm mm but because cause cuz or nor then like
    the a an to of about with for in on at from into onto by as than that which who whom whose
    when where while if whether my your our their his her its
    is are was were be been am do does did have has had will would can could should shall may
    might must i we they he she what how why whats im i'm you're we're they're
    just really very also actually maybe basically kinda sorta gonna wanna gotta""".split()  # noqa: SIM905
)
"""A last word that leaves the sentence open: a conjunction, a filler, an article, a preposition,
a subject pronoun or an auxiliary ("can you tell me about", "so", "um"). Words that often
close a question ("is this?", "can you see it?", "and you?") are not in it."""

SUBORDINATORS: Final = frozenset(
    """if when whenever because since although though unless while once before after until
    whereas""".split()  # noqa: SIM905
)
"""A word that opens a clause needing another one: "if we win this fight." is half a sentence
when no comma follows it ("if we win this fight, can we rest?" is whole)."""

_WORD: Final = re.compile(r"[a-z']+")
_SENTENCE: Final = re.compile(r"[^.!?]+[.!?]*")
_OPEN_ENDS: Final = (",", ";", ":", "-", "\u2013", "\u2014", "...", "\u2026")
_CLOSED_ENDS: Final = (".", "!", "?")


def sounds_finished(text: str) -> bool:
    """Whether a transcript reads as a finished turn: at least two words, ending on ".", "!" or
    "?" (Whisper writes them), not on an ellipsis or a comma, and not on a word in
    :data:`HOLD_WORDS`. Unpunctuated text counts as unfinished."""
    text = text.strip().strip('"\u201d\u2019)').strip()
    if not text.endswith(_CLOSED_ENDS) or text.endswith(_OPEN_ENDS):
        return False
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    return len(words) >= 2 and words[-1] not in HOLD_WORDS and not _only_a_subordinate_clause(text)


def _only_a_subordinate_clause(text: str) -> bool:
    """The last sentence is a statement that opens with "if", "when", "because"... (after a
    vocative such as "Hiyori,") and has no comma after that word: the main clause is still to
    come. A question ("when does it start?") is whole."""
    if text.endswith("?"):
        return False
    sentences = [s for s in _SENTENCE.findall(text) if _WORD.search(s.lower())]
    if not sentences:
        return False
    last = sentences[-1].lower().replace("\u2019", "'")
    parts = last.split(",")
    for i, part in enumerate(parts):
        words = _WORD.findall(part)
        if words and words[0] in SUBORDINATORS:
            return i == len(parts) - 1  # no comma after it: only the subordinate clause
        if len(words) > 2:
            return False  # a clause that is not a vocative or an interjection came first
    return False
