"""The composition root: the one place that builds the bot's parts and wires them together.

Everything else receives its collaborators; nothing else picks an implementation.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from config.persona import Persona, PersonaError, load_persona
from config.settings import OpenAILLMSettings, Settings
from engines.ai.context import ContextBuilder
from engines.ai.safety import DEFAULT_CLASSIFIER_THRESHOLD, SafetyPipeline
from engines.backends import BackendError, Limits, LLMBackend, TTSBackend
from engines.voice.sinks import AudioSink, NullSink, WavFileSink
from engines.voice.vad import EndpointConfig
from integrations.audio.sounddevice_sink import SoundDeviceSink
from integrations.faster_whisper.stt import FasterWhisperSTT
from integrations.llama_cpp.server import LlamaServer, LlamaServerConfig
from integrations.obs import ObsOverlay
from integrations.openai.llm import OpenAILLM
from integrations.openai.moderation import OpenAIModeration
from integrations.piper.tts import PiperTTS
from integrations.silero_vad import SileroVAD
from integrations.vtube_studio import MemoryTokenStore, TokenStore, VTSAvatar, VTSClient
from streamer.alerts import Alerts
from streamer.brain import Brain
from streamer.bus import Bus, make_bus
from streamer.performer import Performer
from streamer.rehearsal import RehearsalSummary, run_rehearsal
from streamer.stage import Stage

__all__ = [
    "App",
    "RehearsalSummary",
    "Show",
    "build_app",
    "build_show",
    "rehearse",
    "run_bot",
    "run_recorder",
]
from streamer.sources.replay import SAMPLE_STREAM, ReplaySource
from streamer.sources.voice import SpeechSignal, VoiceSource
from streamer.sources.wav_input import WavInput
from streamer.store import Recorder, make_engine, make_sessionmaker, upgrade
from streamer.store.personas import current_persona, load_persona_version
from streamer.store.secrets import NamedTokenStore, SecretStore

log = logging.getLogger("streamer.app")
_background: set[asyncio.Task[None]] = set()
"""Fire-and-forget start-up tasks, referenced so they are not garbage-collected."""


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
    llm_server: LlamaServer | None = None
    avatar: VTSAvatar | None = None
    overlay: ObsOverlay | None = None
    alerts: Alerts | None = None

    async def close(self) -> None:
        self.brain.stop()
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


async def build_llm(settings: Settings) -> tuple[LLMBackend, LlamaServer | None]:
    """The configured LLM; for the bundled model, also the llama.cpp server it runs on."""
    t = settings.llm_timeouts
    limits = Limits(first_output_s=t.first_token_s, stall_s=t.stall_s, total_s=t.total_s)
    cfg = settings.llm
    if isinstance(cfg, OpenAILLMSettings):
        return OpenAILLM(base_url=cfg.base_url, model=cfg.model, api_key=cfg.api_key, limits=limits), None
    server = LlamaServer(
        LlamaServerConfig(
            model_path=cfg.model_path, n_threads=cfg.threads, n_ctx=cfg.context_tokens,
            startup_timeout_s=cfg.start_timeout_s, verbose=False, nice=cfg.nice,
        )
    )  # fmt: skip
    await server.start()
    return OpenAILLM(base_url=server.base_url, model=server.model, api_key="local", limits=limits), server


def build_tts(settings: Settings, persona: Persona) -> TTSBackend:
    voice = settings.tts.model_path or (Path(persona.voice) if persona.voice else None)
    limits = Limits(
        first_output_s=settings.performer.tts_first_audio_s, stall_s=settings.performer.tts_first_audio_s
    )
    return PiperTTS(
        model_path=voice,
        length_scale=settings.tts.length_scale,
        clause_split=settings.tts.clause_split,
        limits=limits,
    )


def build_sink(settings: Settings, audio_dir: Path, *, pace: float | None = 1.0) -> AudioSink:
    if settings.performer.sink == "device":
        return SoundDeviceSink(settings.performer.device)
    if settings.performer.sink == "none":
        return NullSink(pace=pace)
    return WavFileSink(audio_dir, pace=pace)


def build_safety(settings: Settings) -> SafetyPipeline:
    moderation = None
    if settings.safety.moderation == "openai" and isinstance(settings.llm, OpenAILLMSettings):
        moderation = OpenAIModeration(base_url=settings.llm.base_url, api_key=settings.llm.api_key)
    threshold = settings.safety.classifier_threshold or DEFAULT_CLASSIFIER_THRESHOLD
    return SafetyPipeline(
        allowed_domains=settings.safety.allowed_domains, moderation=moderation, classifier_threshold=threshold
    )


async def build_show(app: App, *, audio_dir: Path, pace: float | None = 1.0) -> Show:
    """Start the LLM (and warm it), load the TTS voice and safety models, wire the brain."""
    settings = app.settings
    persona, persona_version = await _starting_persona(app)
    safety = build_safety(settings)
    tts = build_tts(settings, persona)
    llm, server = await build_llm(settings)
    try:
        await asyncio.gather(asyncio.to_thread(safety.warm), _warm_tts(tts))
        if server is not None:
            context = ContextBuilder(persona)
            await server.warm_up(
                [{"role": "system", "content": context.system}, {"role": "user", "content": "Hi!"}]
            )
    except BaseException:
        if server is not None:
            await server.stop()
        raise
    sink = build_sink(settings, audio_dir, pace=pace)
    avatar = await build_avatar(settings, persona, app.sessions)
    overlay = await build_overlay(settings)
    performer = Performer(tts, sink, voice=None, stage=Stage(sink, avatar=avatar, overlay=overlay))
    brain = Brain(
        bus=app.bus, channel=settings.channel, persona=persona, llm=llm, performer=performer, safety=safety,
        memory_tokens=settings.llm.memory_tokens, persona_version=persona_version,
        persona_loader=functools.partial(load_persona_version, app.sessions),
        on_persona=functools.partial(_follow_persona, avatar),
    )  # fmt: skip
    performer.on_sentence = brain.on_sentence
    alerts = None if overlay is None else Alerts(app.bus, overlay, seconds=settings.obs.alert_seconds)
    return Show(brain, performer, llm, tts, sink, server, avatar, overlay, alerts)


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


def _follow_persona(avatar: VTSAvatar | None, persona: Persona) -> None:
    """What besides the brain follows a live persona switch: the avatar's expression hotkeys."""
    if avatar is not None:
        avatar.emotion_map = dict(persona.emotion_hotkeys)


def _obs_overlay(settings: Settings) -> ObsOverlay:
    cfg = settings.obs
    return ObsOverlay(
        cfg.host, cfg.port, cfg.password, caption_source=cfg.caption_source, alert_source=cfg.alert_source
    )


async def build_overlay(settings: Settings) -> ObsOverlay | None:
    """OBS when enabled. If OBS is not up yet the show starts anyway; calls reconnect."""
    if not settings.obs.enabled:
        return None
    overlay = _obs_overlay(settings)
    try:
        await overlay.connect()
    except BackendError as exc:
        log.warning("OBS not reachable yet (%s); captions resume when it is", exc)
    return overlay


def build_voice(settings: Settings, bus: Bus, brain: Brain) -> VoiceSource:
    """The streamer's voice: Silero VAD, faster-whisper off the loop, utterances on the bus,
    and barge-in: speech longer than ``min_barge_in_ms`` interrupts the bot."""
    cfg = settings.voice
    stt = FasterWhisperSTT(
        cfg.stt_model, language=cfg.language or "en", initial_prompt=f"Chat with {brain.persona.name}."
    )

    def barge_in(signal: SpeechSignal) -> None:
        if cfg.barge_in and brain.interrupt("barge-in"):
            log.info("barge-in: the streamer spoke for %.0f ms over the bot", signal.voiced_ms)

    endpoint = EndpointConfig(
        min_speech_ms=cfg.min_speech_ms,
        end_silence_ms=cfg.end_silence_ms,
        min_barge_in_ms=cfg.min_barge_in_ms,
    )
    return VoiceSource(
        channel=settings.channel,
        vad=SileroVAD(),
        stt=stt,
        publish=bus.publish,
        config=endpoint,
        on_speech_start=barge_in,
    )


async def obs_setup(settings: Settings) -> str:
    """Create the caption and alert sources OBS is missing (``vtuber obs setup``)."""
    overlay = _obs_overlay(settings)
    try:
        result = await overlay.setup()
    finally:
        await overlay.close()
    created = [*result.created_inputs, *result.created_scene_items]
    return f"scene {result.scene!r}: " + (
        f"created {', '.join(created)}" if created else "everything was there"
    )


def token_store(settings: Settings, sessions: async_sessionmaker[AsyncSession], name: str) -> TokenStore:
    """Encrypted in the database with VTUBER_SECRET_KEY; in memory (with a warning) without one."""
    if settings.secret_key is None:
        log.warning("VTUBER_SECRET_KEY is not set: the %s token is kept in memory only", name)
        return MemoryTokenStore()
    return NamedTokenStore(SecretStore(sessions, settings.secret_key.get_secret_value()), name)


async def build_avatar(
    settings: Settings, persona: Persona, sessions: async_sessionmaker[AsyncSession]
) -> VTSAvatar | None:
    """VTube Studio when enabled. It connects in the background and reconnects on its own;
    the show does not wait for it."""
    cfg = settings.vtube_studio
    if not cfg.enabled:
        return None
    store = token_store(settings, sessions, "vtube_studio")
    client = VTSClient(cfg.url, plugin_name="AI VTuber Bot", plugin_developer="vtuber-bot", token_store=store)
    await client.start()
    avatar = VTSAvatar(
        client, persona.emotion_hotkeys, neutral=persona.default_emotion, speaking_hz=cfg.speaking_hz
    )
    await avatar.start()
    task = asyncio.create_task(_check_avatar_map(client, avatar), name="vts-check-map")
    _background.add(task)
    task.add_done_callback(_background.discard)
    return avatar


async def _check_avatar_map(client: VTSClient, avatar: VTSAvatar) -> None:
    """Once VTube Studio is connected, check the persona's hotkeys against the model."""
    try:
        await client.wait_ready(None)
        await avatar.check_map()
    except BackendError as exc:
        log.warning("could not check the VTube Studio hotkeys: %s", exc)


async def _warm_tts(tts: TTSBackend) -> None:
    async for _chunk in tts.synthesize("Hello."):
        pass


async def rehearse(
    settings: Settings,
    *,
    path: Path | None = None,
    speed: float | None = None,
    with_show: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
) -> RehearsalSummary:
    """Replay a chat log through the whole bot (or only into the store) and summarise it."""
    speed = settings.replay.speed if speed is None else speed
    source = ReplaySource(
        path or settings.replay.path or SAMPLE_STREAM, channel=settings.channel, speed=speed
    )
    out_dir = settings.data_dir / "rehearsals" / source.run_id
    app = await build_app(settings)
    show = None
    try:
        if with_show:
            show = await build_show(app, audio_dir=out_dir / "audio", pace=speed or None)
        return await run_rehearsal(app.bus, app.sessions, app.recorder, show.brain if show else None, source,
                                   out_dir=out_dir, on_progress=on_progress)  # fmt: skip
    finally:
        if show is not None:
            await show.close()
        await app.close()


async def run_recorder(
    settings: Settings, *, consumer: str | None = None, stop: asyncio.Event | None = None
) -> None:
    """Run only the recorder until ``stop`` is set (a separate worker next to the bot)."""
    app = await build_app(settings, consumer=consumer)
    task = asyncio.create_task(app.recorder.run(), name="recorder")
    try:
        if stop is None:
            await task
        else:
            await stop.wait()
    finally:
        app.recorder.stop()
        await asyncio.wait_for(task, 30)
        await app.close()


async def run_bot(
    settings: Settings,
    *,
    replay: Path | None = None,
    stop: asyncio.Event | None = None,
    on_status: Callable[[App], None] | None = None,
) -> None:
    """The long-running bot: recorder, brain and performer, plus every configured source.

    Sources so far: a replayed chat log. Twitch and voice plug in here.
    """
    app = await build_app(settings)
    show = await build_show(app, audio_dir=settings.data_dir / "audio", pace=1.0)
    tasks: list[asyncio.Task[object]] = [
        asyncio.create_task(app.recorder.run(), name="recorder"),
        asyncio.create_task(show.brain.run(), name="brain"),
    ]
    if show.alerts is not None:
        tasks.append(asyncio.create_task(show.alerts.run(), name="alerts"))
    if replay is not None:
        source = ReplaySource(replay, channel=settings.channel, speed=settings.replay.speed)
        tasks.append(asyncio.create_task(source.run(app.bus.publish), name="replay"))
    if settings.voice.wav is not None:
        voice = build_voice(settings, app.bus, show.brain)
        tasks.append(asyncio.create_task(voice.run(WavInput(settings.voice.wav)), name="voice"))
    stop = stop or asyncio.Event()
    try:
        while not stop.is_set():
            if on_status is not None:
                on_status(app)
            await asyncio.wait([asyncio.create_task(stop.wait())], timeout=2)
    finally:
        app.recorder.stop()
        show.brain.stop()
        if show.alerts is not None:
            show.alerts.stop()
        for task in tasks[2:]:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await show.close()
        await app.close()
