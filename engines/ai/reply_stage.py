"""The reply stage: how a streamed reply becomes sentences fit to speak.

One class, used by the brain for every turn, by the dashboard's persona preview and by the
benchmarks, so what the preview shows is what the bot would say. In order, per sentence:

1. the splitter cuts the model's stream (the first chunk early, at a clause boundary);
2. the emotion mapper reads and strips the emotion tag (or guesses one);
3. ``scrub_reply`` removes prompt debris a small model echoes (role tags, fences, markdown);
4. a sentence with no letters or digits left is dropped unremarked;
5. a sentence that parrots the turn's own prompt, or five words in a row of a viewer's line in
   it (``parrots_viewer``), is dropped (an *echo*), and one that reads
   out the persona's instructions (six words in a row from the system prompt, or one of its
   headings) or is shaped like instructions (``reads_as_instructions``) is dropped as a *leak*;
6. output safety runs (remotely too, when a moderation endpoint is configured);
7. the cap: after ``max_sentences`` whole sentences that passed, the model is stopped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Final, Literal

from engines.ai.context import echoes_prompt, scrub_reply
from engines.ai.emotions import EmotionMapper, TaggedSentence
from engines.ai.safety import SafetyPipeline
from engines.ai.safety.decision import Layer, SafetyDecision
from engines.ai.sentences import SentenceSplitter, SplitterConfig

REPLY_SPLITTER: Final = SplitterConfig(
    first_clause_min_words=1, release_on_token=True, first_chunk_conjunction_words=5
)
"""How replies are cut on air: a first clause of one word ("No," / "Mika,") may go to the voice on
its own (with two words, "Mika, I'm so glad you're interested in the farm." waited 15 tokens); a
piece goes out on the token that closes it ("there," / "stream!"), not one token later, where
the text allows (see ``SplitterConfig.release_on_token``); and a first sentence still without a
comma after five words goes out before its conjunction ('The game is called "Saddle",' + "and
it's a fun one.", which waited 15 tokens whole)."""

_CLAUSE_ENDS: Final = (",", ";", ":", "-", "\u2013", "\u2014")
LEAK_MIN_WORDS: Final = 6
"""A run of this many words copied from the system prompt is a leak (fewer are common phrases)."""
_WORD: Final = re.compile(r"[^\W_]+")
_HEADING: Final = re.compile(r"^\s*([A-Z][^\n:]{2,40}):\s*$", re.MULTILINE)


_INSTRUCTION_DEBRIS: Final = re.compile(
    r"""^\W*(?:
        (?:viewer|user|assistant|system|chat\s*history|chat\s*log|human|moderator|instructions?)
            \s*\d*\s*:                                        # a transcript or prompt label
      | (?:[-*\u2022]|\d+[.)])\s+(?:always|never|respond|reply|answer|address|speak|talk|keep|use|avoid
            |do\s+not|don't|be|if\s+you|try\s+to|make\s+sure|remember)\b   # a bulleted rule
      | (?:respond|reply|answer)\s+(?:with|to|in|as|by|only)\b # a directive about replying
    )""",
    re.IGNORECASE | re.VERBOSE,
)


def reads_as_instructions(sentence: str) -> bool:
    """The sentence is prompt debris in the shape of instructions, not speech: a transcript
    label ("Viewer 2:", "Chat History:"), a bulleted rule ("- Respond with a joke"), or a
    directive about replying ("Reply to chat."). A small model writes these when it drifts into
    the prompt's format; read aloud, they are the character reciting its rules."""
    return _INSTRUCTION_DEBRIS.match(sentence) is not None


def leaks_system_prompt(sentence: str, system: str) -> bool:
    """The sentence reads out the character's instructions: one of the system prompt's
    headings ("How you talk:"), or ``LEAK_MIN_WORDS`` words in a row copied from it."""
    said = _WORD.findall(sentence.lower())
    for heading in _headings(system):
        if heading in " ".join(said):
            return True
    if len(said) < LEAK_MIN_WORDS:
        return False
    words = _system_words(system)
    return any(
        f" {' '.join(said[i : i + LEAK_MIN_WORDS])} " in words for i in range(len(said) - LEAK_MIN_WORDS + 1)
    )


PARROT_MIN_WORDS: Final = 5
"""A run of this many words copied from a viewer's line is parroting (fewer are common phrases)."""
_VIEWER_SAID: Final = re.compile(r'\bsays: "([^"]*)"')


def parrots_viewer(sentence: str, prompt: str) -> bool:
    """The sentence repeats ``PARROT_MIN_WORDS`` or more words in a row of a viewer's line in the
    turn's prompt (``<name> says: "..."``): "Hiyori, zog runs this country and your website."
    Whatever the filter missed in the viewer's words, the character does not say it for them
    ("repeat after me", a hate trope, "I just made a guide for online harassment"). The
    streamer's own words are not viewers' lines."""
    said = _WORD.findall(sentence.lower())
    if len(said) < PARROT_MIN_WORDS:
        return False
    runs = _viewer_runs(prompt)
    return any(tuple(said[i : i + PARROT_MIN_WORDS]) in runs for i in range(len(said) - PARROT_MIN_WORDS + 1))


@functools.lru_cache(maxsize=8)
def _viewer_runs(prompt: str) -> frozenset[tuple[str, ...]]:
    """Every run of ``PARROT_MIN_WORDS`` words in the viewers' lines of ``prompt`` (once per turn)."""
    runs: set[tuple[str, ...]] = set()
    for line in _VIEWER_SAID.findall(prompt):
        words = _WORD.findall(line.lower())
        runs.update(tuple(words[i : i + PARROT_MIN_WORDS]) for i in range(len(words) - PARROT_MIN_WORDS + 1))
    return frozenset(runs)


@functools.lru_cache(maxsize=8)
def _system_words(system: str) -> str:
    return f" {' '.join(_WORD.findall(system.lower()))} "


@functools.lru_cache(maxsize=8)
def _headings(system: str) -> tuple[str, ...]:
    return tuple(" ".join(_WORD.findall(h.lower())) for h in _HEADING.findall(system))


@dataclass(frozen=True, slots=True)
class Utterance:
    """One vetted sentence, ready to speak."""

    index: int
    text: str
    emotion: str


@dataclass(frozen=True, slots=True)
class Vetted:
    """One sentence's fate in the stage: spoken (``utterance``), or why not."""

    text: str
    emotion: str
    outcome: Literal["ok", "blocked", "echo", "leak"]
    decision: SafetyDecision | None = None
    """The output safety decision (None for an echo or a leak, dropped before safety)."""
    utterance: Utterance | None = None
    """Set when the sentence passed: what the performer speaks."""


class ReplyStage:
    """Vets one turn's reply. Build one per turn (it is cheap): it carries the turn's safety
    pipeline, the persona's emotions and sentence cap."""

    def __init__(
        self,
        safety: SafetyPipeline,
        emotions: EmotionMapper,
        *,
        max_sentences: int | None,
        splitter: SplitterConfig = REPLY_SPLITTER,
    ) -> None:
        self.safety = safety
        self.emotions = emotions
        self.max_sentences = max_sentences
        self.splitter = splitter
        self._clause = ""
        """The early first clause just spoken, until the rest of its sentence is vetted."""

    async def vet(
        self, deltas: AsyncIterator[str], *, echo_of: str | None = None, system: str | None = None
    ) -> AsyncIterator[Vetted]:
        """Every sentence of the streamed reply with its fate, in order. ``echo_of`` is the
        turn's prompt (None: no echo check, e.g. for a moderator's edited text); ``system`` the
        system prompt (None: no leak check). The stream is
        left unread once ``max_sentences`` whole sentences have passed. A failing model
        (``BackendError``) propagates after the sentences already vetted."""
        splitter = SentenceSplitter(self.splitter)
        self._clause = ""
        cap = self.max_sentences
        passed = 0  # whole sentences: an early first clause does not count
        index = 0
        previous: TaggedSentence | None = None
        try:
            async for delta in deltas:
                for sentence in splitter.feed(delta):
                    vetted, previous = await self._one(sentence, index, previous, echo_of, system)
                    if vetted is not None:
                        index, passed = self._count(vetted, index, passed)
                        yield vetted
                if cap is not None and passed >= cap:  # enough said: stop the model (a small one rambles)
                    return
            for sentence in splitter.flush():
                if cap is not None and passed >= cap:
                    return
                vetted, previous = await self._one(sentence, index, previous, echo_of, system)
                if vetted is not None:
                    index, passed = self._count(vetted, index, passed)
                    yield vetted
        finally:
            close = getattr(deltas, "aclose", None)
            if close is not None:
                await close()

    @staticmethod
    def _count(vetted: Vetted, index: int, passed: int) -> tuple[int, int]:
        if vetted.utterance is None:
            return index, passed
        return index + 1, passed + (0 if vetted.text.endswith(_CLAUSE_ENDS) else 1)

    async def _one(
        self,
        sentence: str,
        index: int,
        previous: TaggedSentence | None,
        echo_of: str | None,
        system: str | None,
    ) -> tuple[Vetted | None, TaggedSentence]:
        clause, self._clause = self._clause, ""  # only the very next piece is its sentence's rest
        tagged = self.emotions.tag(sentence, previous=previous)
        text = scrub_reply(tagged.text)
        if not text or not any(ch.isalnum() for ch in text):
            return None, tagged
        if echo_of is not None and (echoes_prompt(text, echo_of) or parrots_viewer(text, echo_of)):
            return Vetted(text, tagged.emotion, "echo"), tagged
        if (system is not None and leaks_system_prompt(text, system)) or reads_as_instructions(text):
            return Vetted(text, tagged.emotion, "leak"), tagged
        decision = await self._check(text, clause)
        if decision.blocked:
            return Vetted(text, tagged.emotion, "blocked", decision), tagged
        if text.endswith(_CLAUSE_ENDS):
            self._clause = text  # an early first clause: the rest of its sentence is read with it
        return Vetted(text, tagged.emotion, "ok", decision, Utterance(index, text, tagged.emotion)), tagged

    async def _check(self, text: str, clause: str) -> SafetyDecision:
        """Output safety on one piece. The rest of a sentence whose first clause went ahead
        ("I'm not sure what that means," + "but I'll tell you.") is judged as the whole
        sentence: the semantic layer misreads a clause's tail on its own (that one as
        harassment), and the whole sentence is what the audience hears. Every other local layer
        (blocklists, personal data, links, harm rules, the toxicity classifier) still reads the
        tail alone too, so a friendly head cannot carry a slur or a threat in its tail; a judge
        or the moderation endpoint reads the whole sentence."""
        whole = f"{clause} {text}" if clause else text
        if self.safety.has_moderation:
            decision = await self.safety.acheck_output(whole)
        else:
            decision = self.safety.check_output(whole)
        if clause and not decision.blocked:
            alone = self.safety.check_output(text)
            if alone.blocked and alone.layer is not Layer.SEMANTIC:
                return alone
        return decision
