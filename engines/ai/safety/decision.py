"""What the safety pipeline answers, and the moderation backend interface it may consult."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, Protocol, runtime_checkable

__all__ = [
    "Layer",
    "ModerationBackend",
    "ModerationResult",
    "SafetyDecision",
    "Stage",
    "Verdict",
]

Stage = Literal["input", "output"]
"""``input``: a chat message (or other viewer text) before the bot considers it.
``output``: a sentence the bot is about to say, before TTS."""


class Verdict(StrEnum):
    ALLOW = "allow"
    BLOCK = "block"


class Layer(StrEnum):
    """The layer that decided. A ``StrEnum``, so it fits ``ReplyBlocked.layer`` as is."""

    NONE = "none"
    BLOCKLIST = "blocklist"
    PII = "pii"
    LINK = "link"
    INJECTION = "injection"
    HARM = "harm"
    CLASSIFIER = "classifier"
    SEMANTIC = "semantic"
    MODERATION = "moderation"


@dataclass(frozen=True, slots=True)
class SafetyDecision:
    """The verdict on one text.

    ``reason`` is short and safe to log and to show moderators: it names the rule
    ("blocked term (slur)", "email address"), never the matched words.
    ``category`` is a stable machine-readable label (``slur``, ``email``,
    ``ignore_instructions``, ``toxicity``...). ``score`` is the classifier probability
    (or the moderation score) when one was computed, else ``None``.
    ``normalized`` is the folded text the layers matched on.
    """

    verdict: Verdict
    layer: Layer
    reason: str
    stage: Stage
    normalized: str
    score: float | None = None
    category: str = ""
    caution: str = ""
    """Allowed, but the semantic layer leans hostile (``hate 0.91``): the bot should not answer
    it as ordinary chat. Empty when there is no doubt."""

    @property
    def allowed(self) -> bool:
        return self.verdict is Verdict.ALLOW

    @property
    def blocked(self) -> bool:
        return self.verdict is Verdict.BLOCK


@dataclass(frozen=True, slots=True)
class ModerationResult:
    """What a moderation service said about one text."""

    flagged: bool
    categories: tuple[str, ...] = ()
    """The service's category names that fired (``harassment``, ``self-harm``...)."""
    score: float | None = None
    """The highest category score, when the service gives scores."""


@runtime_checkable
class ModerationBackend(Protocol):
    """A remote moderation service (OpenAI's moderation endpoint, a guard model such as
    Llama Guard 3 behind an OpenAI-compatible server).

    Implementations live in ``integrations/``; they translate vendor errors into
    exceptions. The pipeline applies its own timeout and decides what a failure means
    (fail open to the local decision, or fail closed), per stage.

    ``stage`` says whose words ``text`` is: a viewer's (``input``) or the bot's own sentence
    (``output``). A guard model judges the two differently (the user turn or the assistant
    turn); a service that does not care may ignore it.
    """

    async def check(self, text: str, *, stage: Stage = "input") -> ModerationResult: ...
