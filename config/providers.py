"""Provider settings: one model per LLM and TTS backend, each registered where it is declared.

A provider's settings model carries a ``provider`` literal (the discriminator) and registers
itself with :func:`llm_provider` or :func:`tts_provider`. ``Settings.llm`` and ``Settings.tts``
are discriminated unions derived from those registrations, so adding a backend touches its own
model here and nothing else in ``config``: the persona's per-provider voices, the redaction of its
secrets (every ``SecretStr`` field is found by walking the settings) and ``config check`` follow.
The adapter that a model configures is named once, in ``integrations/registry.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, Union

from pydantic import Field, SecretStr, field_validator

from config.section import Section

LLM_PROVIDERS: list[type[LLMProviderSettings]] = []
"""Every LLM provider's settings model, in declaration order (the first is the default)."""
TTS_PROVIDERS: list[type[TTSProviderSettings]] = []
"""Every TTS provider's settings model, in declaration order (the first is the default)."""

_L = TypeVar("_L", bound="type[LLMProviderSettings]")
_T = TypeVar("_T", bound="type[TTSProviderSettings]")


def llm_provider(model: _L) -> _L:
    """Register an LLM provider's settings model (a class decorator)."""
    LLM_PROVIDERS.append(model)
    return model


def tts_provider(model: _T) -> _T:
    """Register a TTS provider's settings model (a class decorator)."""
    TTS_PROVIDERS.append(model)
    return model


def provider_name(model: type[Section]) -> str:
    """The ``provider`` literal a settings model is selected by."""
    name = model.model_fields["provider"].default
    assert isinstance(name, str), f"{model.__name__}.provider needs a default"
    return name


class LLMProviderSettings(Section):
    """Fields every LLM provider has."""

    provider: str
    memory_tokens: int = Field(default=600, ge=0, le=100_000)
    """Recent conversation sent with each turn, trimmed oldest first."""
    context_tokens: int = Field(default=8_192, ge=256, le=2_000_000)
    """The model's context window (prompt and reply, in tokens). A persona whose prompt does not fit
    is refused by the dashboard and by the bot."""


class TTSProviderSettings(Section):
    """Fields every TTS provider has."""

    provider: str


@llm_provider
class LocalLLMSettings(LLMProviderSettings):
    """The bundled SmolLM2-135M on a llama.cpp server the bot starts and stops itself."""

    provider: Literal["llama_cpp"] = "llama_cpp"
    model_path: Path | None = None
    """A .gguf file; None means the bundled SmolLM2-135M-Instruct."""
    requantize: Literal["off", "q8_0"] = "q8_0"
    """The bundled model ships as Q4_1; q8_0 converts it once (about 2 s, kept under
    ~/.cache/vtuber-bot/models) into a format llama.cpp reads prompts faster in, holding each
    weight to within rounding. Ignored for a model_path of your own."""
    threads: int = Field(default=2, ge=1, le=256)
    context_tokens: int = Field(default=2_048, ge=256, le=131_072)
    """The server's context window (prompt and reply, in tokens). A persona whose prompt does not
    fit is refused by the dashboard and by the bot."""
    start_timeout_s: float = Field(default=60.0, gt=0)
    memory_tokens: int = Field(default=0, ge=0, le=100_000)
    """Recent conversation sent with each turn. 0 by default: on a 135M model on a CPU each
    changed history token costs prompt time (150 tokens: about +300 ms to first audio)."""
    first_audio_pause_ms: int = Field(default=400, ge=0, le=2_000)
    """With the local piper voice: the model server is paused (suspended) while piper renders
    a turn's first audio, at most this long, and resumed at its first chunk; the model writes
    the rest of the reply while that audio plays. 0: off (the two share the cores)."""
    nice: int = Field(default=10, ge=0, le=19)
    """How much nicer (lower CPU priority) the llama.cpp server runs than the bot, so that
    speech synthesis is not starved by token generation on a small CPU. 10: first audio
    about 480 -> 355 ms on 2 cores (the model writes on while piper speaks); 0: equal."""
    chat_template: Literal["auto", "chatml", "unknown"] = "auto"
    """The model's chat template, which the bot must know to continue a reply it began (long-term
    memory's notes are read after a viewer turn's first words, see memory.head_words). auto:
    ChatML for the bundled model, unknown for a model_path of your own (the notes then come first)."""


@llm_provider
class OpenAILLMSettings(LLMProviderSettings):
    """Any OpenAI-compatible endpoint: OpenAI, Ollama, vLLM, LM Studio, OpenRouter."""

    provider: Literal["openai"] = "openai"
    base_url: str = Field(default="https://api.openai.com/v1", pattern=r"^https?://")
    model: str = Field(default="gpt-4o-mini", min_length=1)
    context_tokens: int = Field(default=16_384, ge=256, le=2_000_000)
    """The model's context window (prompt and reply, in tokens). A persona whose prompt does not fit
    is refused by the dashboard and by the bot."""
    api_key: SecretStr = SecretStr("")
    """Secret. Local servers accept any non-empty value."""
    memory_tokens: int = Field(default=600, ge=0, le=100_000)
    """Recent conversation sent with each turn, trimmed oldest first."""


@tts_provider
class PiperSettings(TTSProviderSettings):
    """Local neural TTS (the default): no account, no network."""

    provider: Literal["piper"] = "piper"
    model_path: Path | None = None
    """A piper .onnx voice; None means the bundled CC0 voice en_US-joe-medium (or the persona's voice)."""
    length_scale: float = Field(default=1.0, gt=0.2, le=3.0)
    """Speaking rate: below 1 is faster."""
    clause_split: Literal["none", "first", "all"] = "first"
    """Synthesise a sentence's first clause on its own so its audio starts sooner."""


class CloudTTSSettings(TTSProviderSettings):
    """Fields every cloud voice has: piper stands in for it when it fails or is late."""

    voice: str | None = Field(default=None, min_length=1, max_length=200)
    """Voice for every persona; None: the persona's voice for this provider, else the provider default."""
    first_audio_s: float = Field(default=3.0, gt=0, le=60)
    """A sentence's cloud audio must start within this, or piper speaks it (skipped with fallback off)."""
    stall_s: float = Field(default=3.0, gt=0, le=60)
    """Longest gap in a sentence's cloud audio before it is given up (and piper speaks it)."""
    fallback: bool = True
    """When the cloud voice fails or is late, the local piper voice speaks that sentence."""
    fallback_cooldown_s: float = Field(default=30.0, ge=0, le=3_600)
    """After a cloud failure, piper speaks alone this long before the cloud is tried again."""


@tts_provider
class ElevenLabsSettings(CloudTTSSettings):
    """ElevenLabs voices, streamed as raw PCM."""

    provider: Literal["elevenlabs"] = "elevenlabs"
    api_key: SecretStr = Field(default=SecretStr(""), validate_default=True)
    """Secret: set VTUBER_TTS__API_KEY in the environment, not in the file."""
    mode: Literal["http", "websocket"] = "websocket"
    """websocket: one socket per turn, each sentence sent as soon as it is vetted; http: one request per sentence."""
    model: str = Field(default="eleven_flash_v2_5", min_length=1)
    base_url: str = Field(default="https://api.elevenlabs.io", pattern=r"^https?://")
    ws_url: str | None = Field(default=None, pattern=r"^wss?://")
    """The websocket address; None: base_url with wss:// (ws:// for http://)."""
    sample_rate: int = 22050
    """PCM output rate (pcm_<rate>): 16000, 22050, 24000 or 44100; 22050 matches piper, 44100 needs a Pro plan."""
    stability: float | None = Field(default=None, ge=0, le=1)
    """Voice setting override; None keeps the voice's own."""
    similarity_boost: float | None = Field(default=None, ge=0, le=1)
    speed: float | None = Field(default=None, ge=0.7, le=1.2)

    @field_validator("api_key")
    @classmethod
    def _key_given(cls, value: SecretStr) -> SecretStr:
        if not value.get_secret_value():
            raise ValueError("required for ElevenLabs: set VTUBER_TTS__API_KEY in the environment")
        return value

    @field_validator("sample_rate")
    @classmethod
    def _pcm_rate(cls, value: int) -> int:
        if value not in (16000, 22050, 24000, 44100):
            raise ValueError("must be 16000, 22050, 24000 or 44100")
        return value


@tts_provider
class OpenAITTSSettings(CloudTTSSettings):
    """OpenAI text-to-speech, or any server with the same /audio/speech endpoint (24 kHz PCM)."""

    provider: Literal["openai"] = "openai"
    api_key: SecretStr = SecretStr("")
    """Secret: set VTUBER_TTS__API_KEY. Local servers accept any value."""
    base_url: str = Field(default="https://api.openai.com/v1", pattern=r"^https?://")
    model: str = Field(default="gpt-4o-mini-tts", min_length=1)
    instructions: str | None = Field(default=None, max_length=2_000)
    """How to speak (gpt-4o-mini-tts only), e.g. "Cheerful and quick, like a streamer"."""
    speed: float | None = Field(default=None, ge=0.25, le=4.0)


def tts_provider_names() -> frozenset[str]:
    """The names ``tts.provider`` (and a persona's ``voices``) may use."""
    return frozenset(provider_name(m) for m in TTS_PROVIDERS)


def _union(models: list[Any]) -> Any:
    return Annotated[Union[tuple(models)], Field(discriminator="provider")]  # noqa: UP007


if TYPE_CHECKING:
    LLMConfig = LLMProviderSettings
    TTSConfig = TTSProviderSettings
else:
    LLMConfig = _union(LLM_PROVIDERS)
    """Any registered LLM provider's settings, chosen by ``provider``."""
    TTSConfig = _union(TTS_PROVIDERS)
    """Any registered TTS provider's settings, chosen by ``provider``."""
