"""The provider registry: which adapter each provider's settings build, one line per backend.

Adding a TTS backend touches four places: its adapter (with a ``from_settings`` classmethod),
its settings model in ``config/providers.py`` (registered there with ``@tts_provider``), one
``TTS.register`` line below, and its tests (the TTS contract suite takes it from ``TTS``).
``streamer`` reaches the adapters only through this module and ``streamer/app.py``; this is also
the one module allowed to join two integrations (the local llama.cpp server is spoken to through
the OpenAI-compatible client).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from config.persona import Persona
from config.providers import (
    LLM_PROVIDERS,
    TTS_PROVIDERS,
    CloudTTSSettings,
    ElevenLabsSettings,
    LLMProviderSettings,
    LocalLLMSettings,
    OpenAILLMSettings,
    OpenAITTSSettings,
    PiperSettings,
    TTSProviderSettings,
    provider_name,
)
from config.settings import OBSSettings, Settings, VoiceSettings
from engines.ai.memory.llm_facts import LLMFactExtractor
from engines.ai.safety import DEFAULT_CLASSIFIER_THRESHOLD, ModerationBackend, SafetyPipeline
from engines.ai.safety.semantic import DEFAULT_HEAD, Embedder, SemanticLayer
from engines.backends import Limits, LLMBackend, ModelServer, TTSBackend, TTSSetup
from engines.voice.fallback_tts import FallbackTTS, TTSFallback
from integrations.elevenlabs import ElevenLabsTTS
from integrations.faster_whisper.stt import FasterWhisperSTT
from integrations.llama_cpp.model import bundled_model_path
from integrations.llama_cpp.server import LlamaServer, LlamaServerConfig, LlamaServerError
from integrations.lora.gguf_adapter import check_adapter
from integrations.lora.merge import check_merged
from integrations.lora.trainer import LoraSettings, LoraTrainer
from integrations.obs import ObsOverlay
from integrations.openai.embeddings import OpenAIEmbedder
from integrations.openai.guard import GuardModeration
from integrations.openai.llm import OpenAILLM
from integrations.openai.moderation import OPENAI_BASE_URL, OpenAIModeration
from integrations.openai.structured import StructuredChat
from integrations.openai.tts import OpenAITTS
from integrations.piper.tts import PiperTTS
from integrations.safety_classifier import DEFAULT_DIR as CLASSIFIER_DIR
from integrations.safety_classifier import MiniLMClassifier
from integrations.sentence_encoder import USEEmbedder

S = TypeVar("S")
C = TypeVar("C")
B = TypeVar("B")
M = TypeVar("M")


class UnknownProviderError(LookupError):
    """A settings model that no adapter is registered for (a bug: a model without its line)."""


class Registry(Generic[S, C, B]):
    """Builders of one kind of backend, keyed by the provider's settings model."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._builders: dict[type[Any], Callable[[Any, C], B]] = {}

    def register(self, model: type[M], build: Callable[[M, C], B]) -> None:
        """Name the builder for one provider's settings model (once)."""
        if model in self._builders:
            raise ValueError(f"{self.kind} provider {model.__name__} is registered twice")
        self._builders[model] = build

    def build(self, cfg: S, context: C) -> B:
        """Build the backend that ``cfg`` configures."""
        try:
            build = self._builders[type(cfg)]
        except KeyError:
            raise UnknownProviderError(
                f"no {self.kind} adapter is registered for {type(cfg).__name__}"
            ) from None
        return build(cfg, context)

    def __iter__(self) -> Iterator[type[Any]]:
        return iter(self._builders)


@dataclass(frozen=True, slots=True)
class LLMParts:
    """The LLM client, and the local model server it talks to (None for a remote endpoint)."""

    llm: LLMBackend
    server: ModelServer | None = None
    pause: Callable[[], AbstractContextManager[object]] | None = None
    """Suspends the local model server for a moment (``LlamaServer.pause``); None: remote, or off."""


async def _llama_cpp(cfg: LocalLLMSettings, limits: Limits) -> LLMParts:
    server = LlamaServer(
        LlamaServerConfig(
            model_path=cfg.model_path, n_threads=cfg.threads, n_ctx=cfg.context_tokens,
            startup_timeout_s=cfg.start_timeout_s, verbose=False, nice=cfg.nice,
            requantize=None if cfg.requantize == "off" else cfg.requantize,
            pause_max_s=max(cfg.first_audio_pause_ms, 1) / 1000,
        )
    )  # fmt: skip
    await server.start()
    template = (
        cfg.chat_template
        if cfg.chat_template != "auto"
        else ("chatml" if cfg.model_path is None else "unknown")
    )
    llm = OpenAILLM(
        base_url=server.base_url, model=server.model, api_key="local", limits=limits,
        continue_template="chatml" if template == "chatml" else None,
    )  # fmt: skip
    return LLMParts(llm, server, server.pause if cfg.first_audio_pause_ms else None)


async def _openai_llm(cfg: OpenAILLMSettings, limits: Limits) -> LLMParts:
    return LLMParts(OpenAILLM(base_url=cfg.base_url, model=cfg.model, api_key=cfg.api_key, limits=limits))


LLM: Registry[LLMProviderSettings, Limits, Awaitable[LLMParts]] = Registry("llm")
LLM.register(LocalLLMSettings, _llama_cpp)
LLM.register(OpenAILLMSettings, _openai_llm)

TTS: Registry[TTSProviderSettings, TTSSetup, TTSBackend] = Registry("tts")
TTS.register(PiperSettings, PiperTTS.from_settings)
TTS.register(ElevenLabsSettings, ElevenLabsTTS.from_settings)
TTS.register(OpenAITTSSettings, OpenAITTS.from_settings)


_JUDGE_CLIENT_MARGIN_S = 1.0
"""A judge's HTTP client gives up this much after the pipeline's deadline (``timeout_s``), which
is the one that decides: the client's own timeout is the backstop for its sockets."""


def _openai_moderation(settings: Settings) -> ModerationBackend:
    """OpenAI's moderation endpoint: its own base_url and api_key, else the OpenAI LLM's."""
    cfg = settings.safety.openai_moderation
    llm = settings.llm if isinstance(settings.llm, OpenAILLMSettings) else None
    api_key = cfg.api_key if cfg.api_key is not None else (llm.api_key if llm else None)
    assert api_key is not None, "the settings refuse openai moderation without a key or an OpenAI LLM"
    base_url = cfg.base_url or (llm.base_url if llm else OPENAI_BASE_URL)
    timeout_s = cfg.timeout_s + _JUDGE_CLIENT_MARGIN_S
    return OpenAIModeration(base_url=base_url, api_key=api_key, model=cfg.model, timeout_s=timeout_s)


def _guard_moderation(settings: Settings) -> ModerationBackend:
    """A guard model (Llama Guard 3, ShieldGemma) on an OpenAI-compatible server."""
    cfg = settings.safety.judge
    return GuardModeration(
        base_url=cfg.base_url, model=cfg.model, api_key=cfg.api_key, style=cfg.style,
        timeout_s=cfg.timeout_s + _JUDGE_CLIENT_MARGIN_S,
    )  # fmt: skip


MODERATION: dict[str, Callable[[Settings], ModerationBackend]] = {
    "openai": _openai_moderation,
    "guard": _guard_moderation,
}
"""``safety.moderation`` names one of these (or ``none``)."""


def unregistered() -> list[str]:
    """Provider settings models that have no adapter line here (should be empty)."""
    missing = [m for m in LLM_PROVIDERS if m not in set(LLM)] + [
        m for m in TTS_PROVIDERS if m not in set(TTS)
    ]
    return [f"{m.__name__} ({provider_name(m)})" for m in missing]


async def build_llm(settings: Settings) -> LLMParts:
    """The configured LLM; for the bundled model, also the llama.cpp server it runs on (started)."""
    t = settings.llm_timeouts
    limits = Limits(first_output_s=t.first_token_s, stall_s=t.stall_s, total_s=t.total_s)
    return await LLM.build(settings.llm, limits)


def first_audio_hold(
    settings: Settings, parts: LLMParts
) -> Callable[[], AbstractContextManager[object]] | None:
    """What the performer holds while a turn's first audio renders: the local model server's
    pause when the voice is the local piper too (they share the CPU); else nothing."""
    return parts.pause if isinstance(settings.tts, PiperSettings) else None


def build_tts(
    settings: Settings, persona: Persona, *, on_fallback: Callable[[TTSFallback], None] | None = None
) -> TTSBackend:
    """The configured voice. A cloud voice gets piper as its per-sentence fallback (unless
    ``tts.fallback`` is off); ``on_fallback`` hears of each sentence piper spoke instead."""
    cfg = settings.tts
    limits = Limits(
        first_output_s=settings.performer.tts_first_audio_s, stall_s=settings.performer.tts_first_audio_s
    )
    voice = TTS.build(cfg, TTSSetup(voice=persona.voice_for(cfg.provider), limits=limits))
    if not isinstance(cfg, CloudTTSSettings) or not cfg.fallback:
        return voice
    local_voice = persona.voices.get("piper")
    local = PiperTTS(
        model_path=Path(local_voice) if local_voice else None, clause_split="first", limits=limits
    )
    return FallbackTTS(
        voice, local, provider=cfg.provider, sample_rate=int(getattr(voice, "sample_rate", 22_050)),
        cooldown_s=cfg.fallback_cooldown_s, on_fallback=on_fallback,
    )  # fmt: skip


def build_safety(
    settings: Settings,
    *,
    semantic: bool | None = None,
    head: Path | None = None,
    embedder: Embedder | None = None,
) -> SafetyPipeline:
    """The safety pipeline with the semantic layer (``safety.semantic``, or ``semantic`` when
    given; ``head``: another trained head than the shipped one, for comparisons, read without
    the fine-tuned classifier, ``safety.fine_tuned``) and the
    configured moderation endpoint, if any."""
    cfg = settings.safety
    moderation = None if cfg.moderation == "none" else MODERATION[cfg.moderation](settings)
    policy = cfg.moderation_policy or cfg.judge  # without a judge, the policy is moot
    threshold = cfg.classifier_threshold or DEFAULT_CLASSIFIER_THRESHOLD
    on = cfg.semantic if semantic is None else semantic
    layer = None
    if on:
        # Another head is for comparing heads: it reads alone.
        second = cfg.fine_tuned and head is None
        classifier = MiniLMClassifier() if second and (CLASSIFIER_DIR / "meta.json").exists() else None
        layer = SemanticLayer(embedder or USEEmbedder(), path=head or DEFAULT_HEAD, classifier=classifier)
    return SafetyPipeline(
        allowed_domains=cfg.allowed_domains, moderation=moderation, classifier_threshold=threshold,
        semantic=layer, moderation_timeout_s=policy.timeout_s,
        moderation_fail_closed=policy.fail_closed_stages,
    )  # fmt: skip


def build_embedder(settings: Settings) -> Embedder:
    """The memory's embedder: the bundled sentence encoder (pass the same one to
    :func:`build_safety` to keep one copy in memory) or an OpenAI-compatible /v1/embeddings
    endpoint (``memory.embeddings = "openai"``)."""
    cfg = settings.memory
    if cfg.embeddings == "openai":
        return OpenAIEmbedder(base_url=cfg.base_url, model=cfg.model, api_key=cfg.api_key)
    return USEEmbedder()


_FILLER_PROMPT = "Um, so I was, uh, thinking that, and..."


def build_stt(cfg: VoiceSettings, persona: Persona) -> FasterWhisperSTT:
    """faster-whisper for the streamer's voice, primed with the character's names (tiny.en
    otherwise hears "Hiyori" as "He worried") and with spoken fillers: a prompt that writes
    "um", "uh" and a trailing "and..." makes Whisper keep them, where it otherwise finishes a
    sentence cut off mid-way with a guess, and the turn end reads that as finished (same word
    error rate on benchmarks/stt_window.py's lines, 0.048)."""
    names = ", ".join(dict.fromkeys((persona.name, *persona.aliases)))
    return FasterWhisperSTT(
        cfg.stt_model,
        language=cfg.language or "en",
        initial_prompt=f"Chat with {names}. {_FILLER_PROMPT}",
        beam_size=cfg.stt_beam_size,
        short_window_s=cfg.stt_window_s,
    )


def obs_overlay(cfg: OBSSettings) -> ObsOverlay:
    """The OBS captions and alerts client (not yet connected)."""
    return ObsOverlay(
        cfg.host, cfg.port, cfg.password, caption_source=cfg.caption_source, alert_source=cfg.alert_source
    )


def local_trainer(settings: Settings, lora: LoraSettings | None = None) -> LoraTrainer:
    """The studio's LoRA trainer on the local model: the llama.cpp model file when one is
    configured, else the bundled SmolLM2-135M (raises TrainingUnavailable without the extra)."""
    cfg = settings.llm
    path = cfg.model_path if isinstance(cfg, LocalLLMSettings) and cfg.model_path else None
    return LoraTrainer(path or bundled_model_path(), lora)


class LocalSwitch(Protocol):
    """Serve a merged model file, or the configured model with an adapter (both None: alone)."""

    def __call__(self, adapter: Path | None, merged: Path | None = None) -> Awaitable[None]: ...


def adapter_switcher(server: ModelServer | None) -> LocalSwitch | None:
    """How the bot serves a local model version: ``switch(adapter, merged)`` restarts the local
    llama.cpp server on the merged model file (the adapter already in its weights) when there is
    one, else on the configured model with the adapter applied at run time (both None: the
    configured model alone). The file is checked against the served model first, and a server
    that does not come back up on it serves the previous model again. None when the model is
    not served locally (a hosted model switches by name: :func:`hosted_switcher`)."""
    if not isinstance(server, LlamaServer):
        return None
    local = server
    served = local.model_path  # the configured model as started (the requantized copy, say)

    async def switch(adapter: Path | None, merged: Path | None = None) -> None:
        base = served or local.model_path
        if (adapter or merged) is not None and base is None:
            raise LlamaServerError("the server is not running")
        if merged is not None:
            assert base is not None
            await asyncio.to_thread(check_merged, merged, base)
            await local.serve(model=merged)
            return
        if adapter is not None:
            assert base is not None
            await asyncio.to_thread(check_adapter, base, adapter)
        await local.serve(adapter=adapter)

    return switch


def hosted_switcher(
    llm: LLMBackend, server: ModelServer | None
) -> Callable[[str | None], Awaitable[None]] | None:
    """How the bot serves a hosted fine-tuned model (None: ``llm.model``): the OpenAI-compatible
    client sends that model name from the next request on. None for the local llama.cpp model
    (it switches adapters: :func:`adapter_switcher`) and for any other client."""
    if server is not None or not isinstance(llm, OpenAILLM):
        return None
    client = llm

    async def use(model: str | None) -> None:
        client.use_model(model)

    return use


def build_fact_extractor(settings: Settings) -> LLMFactExtractor | None:
    """The model that extracts facts for the memory (None: the rules alone). Its HTTP client
    gives up a second after the extractor's own deadline, which is the one that decides."""
    cfg = settings.memory
    if cfg.extractor != "llm":
        return None
    llm = cfg.llm
    chat = StructuredChat(
        base_url=llm.base_url, model=llm.model, api_key=llm.api_key,
        timeout_s=llm.timeout_s + _JUDGE_CLIENT_MARGIN_S,
    )  # fmt: skip
    return LLMFactExtractor(
        chat, timeout_s=llm.timeout_s, batch=llm.batch, cooldown_s=llm.cooldown_s,
        forget_command=cfg.forget_command,
    )  # fmt: skip
