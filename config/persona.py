"""The character: who it is, how it talks, what it won't do, and how often it speaks.

A persona is data the streamer edits between streams (TOML file or the dashboard). Every
field is validated here; the bundled default lives in ``config/personas/hiyori.toml``.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from config.providers import tts_provider_names

PERSONAS_DIR = Path(__file__).with_name("personas")
DEFAULT_PERSONA = "hiyori"

Word = Annotated[str, Field(min_length=1, max_length=64)]
TTSProvider = str
"""A registered TTS provider's name (``config.providers``)."""
_LEADING_TAG = re.compile(r"^\s*\[([^\]]{1,64})\]")


class Example(BaseModel):
    """One sample exchange shown to the model before every turn: a viewer's chat line and the
    character's spoken answer. A small model copies the shape of these (short, spoken, a short
    first clause) instead of drifting into the prompt's own format."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    viewer: Annotated[str, Field(min_length=1, max_length=25, pattern=r"^\w+$")]
    """The sample viewer's display name (letters, digits, underscores)."""
    says: str = Field(min_length=1, max_length=300)
    """What the viewer types."""
    reply: str = Field(min_length=1, max_length=300)
    """What the character says back, optionally starting with one emotion tag ("[happy] ...")."""


class Persona(BaseModel):
    """One character. Editable fields only; versions and authorship live in the database."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    id: str = Field(pattern=r"^[a-z0-9_-]{1,32}$")
    """Stable identifier (file name, database key)."""
    name: str = Field(min_length=1, max_length=32)
    """What the character is called; viewers address it by this name."""
    aliases: tuple[Word, ...] = Field(default=(), max_length=20)
    """Other names viewers use for the character (at most 20)."""
    system_prompt: str = Field(min_length=20, max_length=4_000)
    """Who the character is, in the second person."""
    style_rules: tuple[Annotated[str, Field(min_length=1, max_length=300)], ...] = Field(
        default=(), max_length=40
    )
    """Short rules for how it talks (at most 40; they are in every prompt)."""
    emotions: tuple[Word, ...] = Field(
        default=("neutral", "happy", "sad", "angry", "surprised", "embarrassed", "smug"),
        min_length=1,
        max_length=32,
    )
    """The emotion set; each can map to an avatar expression (at most 32)."""
    default_emotion: Word = "neutral"
    banned_topics: tuple[Annotated[str, Field(min_length=1, max_length=100)], ...] = Field(
        default=(), max_length=50
    )
    """Topics the character declines to discuss (at most 50; they are in every prompt)."""
    blocklist: tuple[Word, ...] = Field(default=(), max_length=1_000)
    """Extra banned words on top of the global list (input and output; at most 1,000)."""
    voice: str | None = Field(default=None, max_length=200)
    """TTS voice for the configured provider: a piper model path or name, or a cloud voice id
    (ElevenLabs voice id, OpenAI voice name); None is the provider default."""
    voices: dict[TTSProvider, Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default_factory=dict
    )
    """A voice per TTS provider, e.g. { elevenlabs = "JBFqnCBsd6RMkjVDRZzb", piper = "/voices/x.onnx" };
    it wins over ``voice``. ``piper`` is also the local fallback's voice when a cloud voice fails."""
    emotion_hotkeys: dict[Word, Annotated[str, Field(min_length=1, max_length=100)]] = Field(
        default_factory=dict, max_length=32
    )
    """Emotion to VTube Studio hotkey name/id, or an expression file ending in .exp3.json."""
    chat_replies: bool = False
    """Also post replies in Twitch chat."""
    auto_timeout_s: int | None = Field(default=None, ge=1, le=1_209_600)
    """Time a viewer out on Twitch for this many seconds when input safety blocks their chat
    message (moderators and the broadcaster are never timed out); None: off."""
    hold_for_review: bool = False
    """Replies wait for a moderator's approval before they are spoken."""
    reply_frequency: float = Field(default=0.5, ge=0, le=1)
    """Share of ordinary chat that gets an answer (1 = as often as direct questions, 0 = only when addressed)."""
    min_gap_s: float = Field(default=4.0, ge=0, le=600)
    """Shortest pause between two chat turns."""
    user_cooldown_s: float = Field(default=60.0, ge=0, le=3_600)
    """A viewer who was just answered waits this long unless nobody else is waiting."""
    max_age_s: float = Field(default=45.0, gt=0, le=600)
    """Chat older than this is not answered."""
    idle_chatter_after_s: float | None = Field(default=90.0, gt=0, le=3_600)
    """Talk on its own after this long without chat; None disables."""
    idle_topics: tuple[Annotated[str, Field(min_length=1, max_length=200)], ...] = Field(
        default=(), max_length=50
    )
    """What to talk about when chat is quiet (at most 50)."""
    examples: tuple[Example, ...] = Field(default=(), max_length=8)
    """Sample exchanges shown before every turn (at most 8), in the model's cached prompt prefix,
    so they cost no time per turn: on the bundled 135M model they stop most prompt debris
    (docs/benchmarks.md, few-shot examples)."""
    max_reply_tokens: int = Field(default=80, ge=8, le=1_000)
    """Upper bound on one reply's length in tokens."""
    max_sentences: int = Field(default=3, ge=1, le=20)
    """The reply stops after this many spoken sentences."""
    temperature: float = Field(default=0.7, ge=0, le=2)

    @field_validator("voices")
    @classmethod
    def _known_providers(cls, value: dict[str, str]) -> dict[str, str]:
        known = tts_provider_names()
        unknown = sorted(set(value) - known)
        if unknown:
            raise ValueError(
                f"unknown TTS provider {', '.join(unknown)}; expected one of {', '.join(sorted(known))}"
            )
        return value

    @field_validator("emotions")
    @classmethod
    def _unique_emotions(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(value)) != len(value):
            raise ValueError("emotions must be unique")
        return value

    def voice_for(self, provider: TTSProvider) -> str | None:
        """The voice to use with ``provider``: ``voices[provider]``, else ``voice``."""
        return self.voices.get(provider) or self.voice

    @model_validator(mode="after")
    def _emotion_references(self) -> Persona:
        if self.default_emotion not in self.emotions:
            raise ValueError(f"default_emotion {self.default_emotion!r} is not in emotions")
        unknown = sorted(set(self.emotion_hotkeys) - set(self.emotions))
        if unknown:
            raise ValueError(f"emotion_hotkeys names emotions not in the set: {', '.join(unknown)}")
        return self

    @field_validator("examples")
    @classmethod
    def _example_tags(cls, value: tuple[Example, ...], info: ValidationInfo) -> tuple[Example, ...]:
        emotions = set(info.data.get("emotions") or ())
        tags = sorted({m.group(1) for e in value if (m := _LEADING_TAG.match(e.reply))} - emotions)
        if tags:  # shown at the field on the persona page
            raise ValueError(f"examples start with emotion tags not in the set: {', '.join(tags)}")
        return value


class PersonaError(ValueError):
    """A persona file is missing or invalid; the message says which field and why."""


def load_persona(name_or_path: str | Path = DEFAULT_PERSONA) -> Persona:
    """Load a bundled persona by id, or a TOML file by path."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = PERSONAS_DIR / f"{name_or_path}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        bundled = ", ".join(sorted(p.stem for p in PERSONAS_DIR.glob("*.toml")))
        raise PersonaError(f"persona {name_or_path!s} not found (bundled: {bundled})") from None
    except tomllib.TOMLDecodeError as exc:
        raise PersonaError(f"persona file {path}: {exc}") from None
    try:
        return Persona.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'persona'}: {e['msg']}"
            for e in exc.errors(include_url=False)
        )
        raise PersonaError(f"persona file {path}: {problems}") from None
