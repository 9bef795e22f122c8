"""The composition root: the one place that builds the bot's parts and wires them together.

Everything else receives its collaborators; nothing else picks an implementation. Which adapter
a provider's settings build is named once, in ``integrations/registry.py``; what runs and stops
the parts is ``streamer/supervisor.py``; the one-shot commands' work is ``streamer/commands.py``.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import AsyncIterable, Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from config.persona import Persona, PersonaError, load_persona
from config.providers import CloudTTSSettings
from config.settings import Settings
from engines.ai.context import ContextBuilder
from engines.ai.safety.semantic import Embedder
from engines.backends import AudioChunk, BackendError, LLMBackend, ModelServer, STTBackend, TTSBackend
from engines.events import ComponentStatus, ModelSwitch
from engines.tokens import MemoryTokenStore, TokenStore
from engines.voice.ducking import DuckingSink
from engines.voice.echo import EchoConfig, EchoGate, tap_playback
from engines.voice.sinks import AudioSink, NullSink, TeeSink, WavFileSink
from engines.voice.vad import EndpointConfig
from integrations.audio.sounddevice_mic import SoundDeviceMic
from integrations.audio.sounddevice_sink import SoundDeviceSink
from integrations.llama_cpp import LlamaServer
from integrations.obs import ObsOverlay
from integrations.registry import (
    adapter_switcher,
    build_embedder,
    build_fact_extractor,
    build_llm,
    build_safety,
    build_stt,
    build_tts,
    first_audio_hold,
    hosted_switcher,
    obs_overlay,
)
from integrations.silero_vad import SileroVAD
from integrations.vtube_studio import VTSAvatar, VTSClient
from streamer import heap
from streamer.alerts import Alerts
from streamer.barge_in import BargeIn
from streamer.brain import Brain
from streamer.brain_controls import switch_model
from streamer.bus import Bus, make_bus
from streamer.knowledge_index import KnowledgeIndex
from streamer.logs import redaction
from streamer.memory_recall import Recall, RecallConfig
from streamer.memory_writer import MemoryWriter, summarizer_for
from streamer.model_serving import local_servable, servable
from streamer.performer import Performer
from streamer.retrieval_check import RetrievalCheck
from streamer.sources.voice import VoiceSource
from streamer.sources.wav_input import WavInput
from streamer.stage import Stage
from streamer.status import publish_fallback, publish_quietly
from streamer.store import Recorder, make_engine, make_sessionmaker, upgrade
from streamer.store.knowledge import KnowledgeStore
from streamer.store.memory import MemoryStore
from streamer.store.model_versions import deployed_versions
from streamer.store.personas import current_persona, load_persona_version
from streamer.store.secrets import NamedTokenStore, SecretStore
from streamer.twitch_doctor import secret_key_check
from streamer.twitch_out import TwitchOut

log = logging.getLogger("streamer.app")


@dataclass
class App:
    """The running bot's parts."""

    settings: Settings
    bus: Bus
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    recorder: Recorder

    async def close(self) -> None:
        self.recorder.stop()
        await self.bus.close()
        await self.engine.dispose()


async def build_app(settings: Settings, *, migrate: bool = True, consumer: str | None = None) -> App:
    """Create the bus, the database (migrated to head) and the recorder."""
    url = settings.database_url.get_secret_value()
    if migrate:
        await upgrade(url)
    engine = make_engine(url, echo=settings.database.echo, pool_size=settings.database.pool_size)
    sessions = make_sessionmaker(engine)
    bus = make_bus(settings)
    recorder = Recorder(
        bus,
        sessions,
        consumer=consumer,
        batch_size=settings.recorder.batch_size,
        block_ms=settings.recorder.block_ms,
        claim_idle_ms=settings.bus.claim_idle_ms,
        retry_max_s=settings.recorder.retry_max_s,
    )
    return App(settings, bus, engine, sessions, recorder)


@dataclass
class Show:
    """The on-air parts: LLM (and its local server), TTS, audio sink, performer and brain."""

    brain: Brain
    performer: Performer
    llm: LLMBackend
    tts: TTSBackend
    sink: AudioSink
    llm_server: ModelServer | None = None
    avatar: VTSAvatar | None = None
    overlay: ObsOverlay | None = None
    alerts: Alerts | None = None
    memory: MemoryWriter | None = None

    async def close(self) -> None:
        self.brain.stop()
        if self.memory is not None:
            self.memory.stop()
        if self.alerts is not None:
            self.alerts.stop()
        if self.overlay is not None:
            await self.overlay.close()
        if self.avatar is not None:
            await self.avatar.close()
            await self.avatar.client.close()
        await self.llm.aclose()
        await self.tts.aclose()
        await self.sink.aclose()
        if self.llm_server is not None:
            await self.llm_server.stop()


def build_sink(settings: Settings, audio_dir: Path, *, pace: float | None = 1.0) -> AudioSink:
    sink: AudioSink
    if settings.performer.sink == "device":
        sink = SoundDeviceSink(settings.performer.device)
    elif settings.performer.sink == "none":
        sink = NullSink(pace=pace)
    else:
        sink = WavFileSink(audio_dir, pace=pace)
    return with_overlay_audio(settings, sink, pace=pace)


def with_overlay_audio(settings: Settings, sink: AudioSink, *, pace: float | None = 1.0) -> AudioSink:
    """With ``dashboard.overlay_audio`` and Redis: also publish the speech for the overlay page."""
    if not settings.dashboard.overlay_audio:
        return sink
    if settings.redis_url is None:
        log.warning("dashboard.overlay_audio needs REDIS_URL (the dashboard is a separate process)")
        return sink
    import redis.asyncio as aioredis

    from streamer.bus import Keys
    from streamer.bus.audio import RedisAudioSink

    client = aioredis.from_url(settings.redis_url.get_secret_value(), socket_connect_timeout=2)
    relay = RedisAudioSink(client, Keys(settings.bus.prefix, settings.channel).overlay_audio, pace=pace)
    return TeeSink(sink, relay)


async def build_show(app: App, *, audio_dir: Path, pace: float | None = 1.0) -> Show:
    """Start the LLM (and warm it), load the TTS voice and safety models, wire the brain."""
    settings = app.settings
    persona, persona_version = await _starting_persona(app)
    embedder = build_embedder(settings) if settings.memory.enabled else None
    shared = embedder if settings.memory.embeddings == "local" else None  # one sentence encoder in memory
    safety = build_safety(settings, embedder=shared)
    tts = build_tts(
        settings, persona, on_fallback=functools.partial(publish_fallback, app.bus, settings.channel)
    )
    llm, server = (parts := await build_llm(settings)).llm, parts.server
    try:
        await asyncio.gather(asyncio.to_thread(safety.warm), tts.warm_up())
        if server is not None:
            context = ContextBuilder(persona)
            await server.warm_up(context.prefix())
    except BaseException:
        if server is not None:
            await server.stop()
        raise
    sink = build_sink(settings, audio_dir, pace=pace)
    if settings.voice.input != "none" and settings.voice.barge_in_action == "duck":
        sink = DuckingSink(sink, duck_db=settings.voice.duck_db)
    avatar = await build_avatar(settings, persona, app.sessions, app.bus)
    overlay = await build_overlay(settings)
    performer = Performer(
        tts, sink, voice=None, stage=Stage(sink, avatar=avatar, overlay=overlay),
        first_audio_hold=first_audio_hold(settings, parts),
    )  # fmt: skip
    brain = Brain(
        bus=app.bus, channel=settings.channel, persona=persona, llm=llm, performer=performer, safety=safety,
        memory_tokens=settings.llm.memory_tokens, persona_version=persona_version,
        context_tokens=settings.llm.context_tokens,
        persona_loader=functools.partial(load_persona_version, app.sessions),
        on_persona=functools.partial(_follow_persona, settings, avatar, performer),
        bot_logins=frozenset({settings.twitch.bot_login} if settings.twitch.bot_login else ()),
        crisis_resource=settings.safety.crisis_resource,
        prefill=server.prefill if isinstance(server, LlamaServer) else None,
    )  # fmt: skip
    performer.on_sentence = brain.on_sentence
    if (switch := adapter_switcher(server)) is not None:
        brain.model_switcher = functools.partial(_serve_model_version, app.sessions, switch)
    elif (use := hosted_switcher(llm, server)) is not None:
        brain.model_switcher = functools.partial(_serve_hosted_version, app.sessions, use)
    if brain.model_switcher is not None:
        await _resume_model_version(app, brain, persona.id)
    alerts = None if overlay is None else Alerts(app.bus, overlay, seconds=settings.obs.alert_seconds)
    memory = None if embedder is None else await build_memory(settings, app, brain, embedder)
    heap.settle()  # everything is loaded: a full collection over it would stall a sentence later
    return Show(brain, performer, llm, tts, sink, server, avatar, overlay, alerts, memory)


async def _resume_model_version(app: App, brain: Brain, persona: str) -> None:
    """Serve the model version the persona points at (the last one the bot confirmed), so a
    deploy outlives a restart; on failure the base model serves, and the log says why."""
    deployed = await deployed_versions(app.sessions, app.settings.channel, persona)
    if not deployed or deployed[0] is None or brain.model_switcher is None:
        return
    await switch_model(
        brain,
        ModelSwitch(channel=app.settings.channel, by="startup", persona=persona, model_version=deployed[0]),
    )


async def _serve_model_version(
    sessions: async_sessionmaker[AsyncSession],
    switch: Callable[..., Awaitable[None]],
    version: int | None,
) -> None:
    """Serve a stored local model version: its merged model file, or its adapter on the base
    model for a version stored without one (None: the base model)."""
    if version is None:
        await switch(None)
        return
    path, merged = await local_servable(sessions, version)
    await (switch(None, path) if merged else switch(path))


async def _serve_hosted_version(
    sessions: async_sessionmaker[AsyncSession],
    use: Callable[[str | None], Awaitable[None]],
    version: int | None,
) -> None:
    """Send a stored hosted model version's name from the next turn on (None: ``llm.model``)."""
    await use(None if version is None else await servable(sessions, version, "openai"))


async def build_memory(settings: Settings, app: App, brain: Brain, embedder: Embedder) -> MemoryWriter:
    """Long-term memory: the recall the brain consults for each turn (the viewer's memories and
    the channel's knowledge, checked by the brain's safety again) and the writer that extracts
    facts from chat in its own consumer group."""
    cfg = settings.memory

    def allowed(
        texts: Sequence[str],
    ) -> list[bool]:  # on store: the viewer's message, as input safety sees it
        return [not (d.blocked or d.caution) for d in brain.safety.check_inputs(texts)]

    def dimensions() -> int:
        known = getattr(embedder, "dimensions", None)
        return int(known) if known else int(embedder.embed(["dimensions"]).shape[1])

    documents = KnowledgeStore(app.sessions, settings.channel)
    knowledge = KnowledgeIndex(
        documents, dimensions, vector_search=cfg.vector_search, keyword_search=cfg.keyword_search
    )
    try:
        await knowledge.refresh(force=True)
    except Exception as exc:  # the database is down: the index loads on a later turn
        log.warning("knowledge index not loaded yet (%s)", type(exc).__name__)
    budget_tokens, min_score, welcome_after_s = settings.memory_notes
    config = RecallConfig(
        memories=cfg.memories_per_turn, knowledge=cfg.knowledge_per_turn,
        knowledge_min_score=cfg.knowledge_min_score, wait_s=cfg.recall_wait_ms / 1000,
        memory_min_score=min_score, welcome_after_s=welcome_after_s,
    )  # fmt: skip
    store = MemoryStore(app.sessions, settings.channel, vector_search=cfg.vector_search)
    await store.pgvector()  # memory.vector_search = "pgvector" on a database without it: PgvectorMissing
    check = RetrievalCheck(lambda: brain.safety)
    # safety reads with this very encoder (build_show): a memory's stored vector is what it would embed
    remember = getattr(embedder, "remember", None) if cfg.embeddings == "local" else None
    brain.recall = Recall(
        store, knowledge, embedder.embed, check, config,
        allowed_documents=check.documents, keyword_search=cfg.keyword_search, remember=remember,
    )  # fmt: skip
    brain.recall_tokens = budget_tokens
    brain.recall_idle_tokens = cfg.prompt_tokens
    brain.head_words = cfg.head_words
    extractor = build_fact_extractor(settings)
    writer = MemoryWriter(
        app.bus, store, embed=embedder.embed, allowed=allowed, persona=lambda: brain.persona.id,
        forget_command=cfg.forget_command, retry_max_s=settings.recorder.retry_max_s,
        claim_idle_ms=settings.bus.claim_idle_ms, knowledge=documents, on_knowledge_embedded=knowledge.invalidate,
        extractor=extractor, summarizer=summarizer_for(cfg, extractor), summary_chars=cfg.summary_chars,
    )  # fmt: skip
    brain.recall.summary = writer.current_summary
    return writer


async def _starting_persona(app: App) -> tuple[Persona, int | None]:
    """The latest stored version of the configured persona (the file seeds version 1).
    With the database down the show starts on the file, unversioned."""
    bundled = load_persona(app.settings.persona)
    try:
        return await current_persona(app.sessions, bundled)
    except PersonaError as exc:
        log.error("the stored persona is invalid (%s); starting on %s's file", exc, bundled.id)
    except Exception as exc:
        log.error(
            "could not read stored personas (%s); starting on %s's file", type(exc).__name__, bundled.id
        )
    return bundled, None


def _follow_persona(
    settings: Settings, avatar: VTSAvatar | None, performer: Performer, persona: Persona
) -> None:
    """What besides the brain follows a live persona switch: the avatar's expression hotkeys,
    and a cloud voice named by the persona (piper's voice is a model file, loaded at start)."""
    if avatar is not None:
        avatar.emotion_map = dict(persona.emotion_hotkeys)
    cfg = settings.tts
    if isinstance(cfg, CloudTTSSettings) and cfg.voice is None:
        performer.voice = persona.voice_for(cfg.provider)


async def build_overlay(settings: Settings) -> ObsOverlay | None:
    """OBS when enabled. If OBS is not up yet the show starts anyway; calls reconnect."""
    if not settings.obs.enabled:
        return None
    overlay = obs_overlay(settings.obs)
    try:
        await overlay.connect()
    except BackendError as exc:
        log.warning("OBS not reachable yet (%s); captions resume when it is", exc)
    return overlay


def build_voice(
    settings: Settings,
    bus: Bus,
    brain: Brain,
    sink: AudioSink | None = None,
    *,
    stt: STTBackend | None = None,
) -> VoiceSource:
    """The streamer's voice: Silero VAD (through the echo gate when the bot's ``sink`` is
    given), faster-whisper off the loop, utterances on the bus, talk modes, and barge-in:
    speech longer than ``min_barge_in_ms`` stops the bot, or ducks it."""
    cfg = settings.voice
    persona = brain.persona
    duck = sink if isinstance(sink, DuckingSink) else None

    echo = None
    if sink is not None and cfg.echo_gate != "off":
        echo = EchoGate(
            EchoConfig(mode=cfg.echo_gate, max_delay_ms=cfg.echo_delay_ms, margin_db=cfg.echo_margin_db)
        )
        tap_playback(sink, echo)
    endpoint = EndpointConfig(
        min_speech_ms=cfg.min_speech_ms,
        end_silence_ms=cfg.end_silence_ms,
        min_barge_in_ms=cfg.min_barge_in_ms,
    )
    return VoiceSource(
        channel=settings.channel,
        vad=SileroVAD(),
        stt=stt or build_stt(cfg, persona),
        publish=bus.publish,
        config=endpoint,
        on_speech_start=BargeIn(cfg, brain, duck),
        on_speech_end=None if duck is None else duck.unduck,
        talk_mode=cfg.talk_mode,
        names=(persona.name, *persona.aliases),
        echo=echo,
        early_stt_ms=cfg.early_stt_ms,
        preempt=cfg.preemptive_reply,
        turn_end_ms=cfg.turn_end_ms,
        turn_end_min_confidence=cfg.turn_end_min_confidence,
    )


def voice_input(settings: Settings) -> Callable[[], AsyncIterable[AudioChunk]]:
    """Opens the configured voice input: the microphone, or the WAV standing in for it."""
    cfg = settings.voice
    if cfg.input == "mic":
        return lambda: SoundDeviceMic(cfg.device)
    if cfg.wav is None:
        raise ValueError("no voice input is configured")
    wav = cfg.wav
    return lambda: WavInput(wav)


def token_store(settings: Settings, sessions: async_sessionmaker[AsyncSession], name: str) -> TokenStore:
    """Encrypted in the database with VTUBER_SECRET_KEY; in memory (with a warning) without one."""
    if settings.secret_key is None:
        log.warning("VTUBER_SECRET_KEY is not set: the %s token is kept in memory only", name)
        return MemoryTokenStore()
    return NamedTokenStore(SecretStore(sessions, settings.secret_key.get_secret_value()), name)


async def build_avatar(
    settings: Settings, persona: Persona, sessions: async_sessionmaker[AsyncSession], bus: Bus | None = None
) -> VTSAvatar | None:
    """VTube Studio when enabled. It connects in the background, reconnects on its own and reads
    the model's hotkeys after every login and model load; the show does not wait for it. The
    emotions the model has no hotkey for go to the dashboard as the vtube_studio status."""
    cfg = settings.vtube_studio
    if not cfg.enabled:
        return None
    store = token_store(settings, sessions, "vtube_studio")
    client = VTSClient(cfg.url, plugin_name="AI VTuber Bot", plugin_developer="vtuber-bot", token_store=store)
    await client.start()
    avatar = VTSAvatar(
        client, persona.emotion_hotkeys, neutral=persona.default_emotion, speaking_hz=cfg.speaking_hz,
        on_status=None if bus is None else functools.partial(_avatar_status, bus, settings.channel),
    )  # fmt: skip
    await avatar.start()
    return avatar


async def _avatar_status(bus: Bus, channel: str, state: Literal["ok", "degraded"], detail: str) -> None:
    status = ComponentStatus(channel=channel, component="vtube_studio", state=state, detail=detail[:500])
    await publish_quietly(bus, status)


if TYPE_CHECKING:  # Twitch (twitchio, aiohttp) is imported only when it is used: it costs seconds
    from integrations.twitch import TwitchConnection, TwitchTokenStores


def broadcaster_login(settings: Settings) -> str:
    """The channel's account: ``twitch.broadcaster_login``, else ``channel``."""
    return settings.twitch.broadcaster_login or settings.channel


def twitch_tokens(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> TwitchTokenStores | None:
    """Both Twitch accounts' tokens, encrypted in the database; None without a valid VTUBER_SECRET_KEY."""
    from integrations.twitch import TwitchTokenStores

    if settings.secret_key is None or secret_key_check(settings).status != "ok":
        return None
    store = SecretStore(sessions, settings.secret_key.get_secret_value())
    return TwitchTokenStores(
        bot=NamedTokenStore(store, "twitch.bot"), broadcaster=NamedTokenStore(store, "twitch.broadcaster")
    )


async def build_twitch(
    settings: Settings, app: App, brain: Brain
) -> tuple[TwitchConnection, TwitchOut] | None:
    """Twitch when enabled: the EventSub source and the chat/moderation worker. Without a valid
    VTUBER_SECRET_KEY (the tokens are stored encrypted) it says so, as a twitch status too."""
    if not settings.twitch.enabled:
        return None
    from integrations.twitch import TwitchConnection

    tokens = twitch_tokens(settings, app.sessions)
    if tokens is None:
        key = secret_key_check(settings)
        detail = f"Twitch is off: {key.detail}; {key.fix}, then run `vtuber twitch login`"
        log.error("%s", detail)
        status = ComponentStatus(channel=settings.channel, component="twitch", state="down", detail=detail)
        try:
            await app.bus.publish(status)
        except Exception as exc:
            log.warning("could not publish the twitch status (%s)", type(exc).__name__)
        return None
    link = TwitchConnection(
        settings.twitch, channel=settings.channel, broadcaster_login=broadcaster_login(settings),
        publish=app.bus.publish_many, tokens=tokens,
        chat_replies_enabled=lambda: brain.persona.chat_replies, on_secret=redaction().add,
    )  # fmt: skip
    out = TwitchOut(
        app.bus, link, channel=settings.channel, persona=lambda: brain.persona,
        max_reply_age_s=settings.twitch.chat_reply_max_age_s,
    )  # fmt: skip
    return link, out
