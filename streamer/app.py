"""The composition root: the one place that builds the bot's parts and wires them together.

Everything else receives its collaborators; nothing else picks an implementation.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterable, Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from config.persona import Persona, PersonaError, load_persona
from config.settings import ElevenLabsSettings, OpenAILLMSettings, OpenAITTSSettings, PiperSettings, Settings
from engines.ai.context import ContextBuilder
from engines.ai.safety import DEFAULT_CLASSIFIER_THRESHOLD, SafetyPipeline
from engines.backends import AudioChunk, BackendError, Limits, LLMBackend, STTBackend, TTSBackend
from engines.events import ComponentStatus, Metric, PushToTalk
from engines.voice.ducking import DuckingSink
from engines.voice.echo import EchoConfig, EchoGate, tap_playback
from engines.voice.fallback_tts import FallbackTTS, TTSFallback
from engines.voice.sinks import AudioSink, NullSink, TeeSink, WavFileSink
from engines.voice.vad import EndpointConfig
from integrations.audio.sounddevice_mic import AudioDevice, SoundDeviceMic
from integrations.audio.sounddevice_mic import audio_devices as list_audio_devices
from integrations.audio.sounddevice_sink import SoundDeviceSink
from integrations.elevenlabs import DEFAULT_VOICE_ID, ElevenLabsTTS
from integrations.faster_whisper.stt import FasterWhisperSTT
from integrations.llama_cpp.server import LlamaServer, LlamaServerConfig
from integrations.obs import ObsOverlay
from integrations.openai.llm import OpenAILLM
from integrations.openai.moderation import OpenAIModeration
from integrations.openai.tts import DEFAULT_TTS_VOICE, OpenAITTS
from integrations.piper.tts import PiperTTS
from integrations.silero_vad import SileroVAD
from integrations.vtube_studio import MemoryTokenStore, TokenStore, VTSAvatar, VTSClient
from streamer import heap
from streamer.alerts import Alerts
from streamer.brain import Brain
from streamer.bus import Bus, BusError, make_bus
from streamer.logs import redaction
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
from streamer.sources.push_to_talk import PushToTalkListener
from streamer.sources.replay import SAMPLE_STREAM, ReplaySource
from streamer.sources.voice import SpeechSignal, VoiceSource, listen
from streamer.sources.wav_input import WavInput
from streamer.store import Recorder, make_engine, make_sessionmaker, upgrade
from streamer.store.personas import current_persona, load_persona_version
from streamer.store.secrets import NamedTokenStore, SecretStore
from streamer.twitch_doctor import Check, local_checks, secret_key_check
from streamer.twitch_out import TwitchOut

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
            requantize=None if cfg.requantize == "off" else cfg.requantize,
        )
    )  # fmt: skip
    await server.start()
    return OpenAILLM(base_url=server.base_url, model=server.model, api_key="local", limits=limits), server


def build_tts(settings: Settings, persona: Persona, *, bus: Bus | None = None) -> TTSBackend:
    """The configured voice. A cloud voice gets piper as its per-sentence fallback (unless
    ``tts.fallback`` is off); each fallback is published on ``bus`` as a ``tts_fallback`` metric."""
    cfg = settings.tts
    limits = Limits(
        first_output_s=settings.performer.tts_first_audio_s, stall_s=settings.performer.tts_first_audio_s
    )
    if isinstance(cfg, PiperSettings):
        voice = cfg.model_path or (Path(v) if (v := persona.voice_for("piper")) else None)
        return PiperTTS(
            model_path=voice, length_scale=cfg.length_scale, clause_split=cfg.clause_split, limits=limits
        )
    cloud = _cloud_tts(cfg, persona)
    if not cfg.fallback:
        return cloud
    local_voice = persona.voices.get("piper")
    local = PiperTTS(
        model_path=Path(local_voice) if local_voice else None, clause_split="first", limits=limits
    )
    return FallbackTTS(
        cloud, local, provider=cfg.provider, sample_rate=cloud.sample_rate, cooldown_s=cfg.fallback_cooldown_s,
        on_fallback=None if bus is None else functools.partial(_publish_fallback, bus, settings.channel),
    )  # fmt: skip


def _cloud_tts(cfg: ElevenLabsSettings | OpenAITTSSettings, persona: Persona) -> ElevenLabsTTS | OpenAITTS:
    limits = Limits(first_output_s=cfg.first_audio_s, stall_s=cfg.stall_s)
    voice = cfg.voice or persona.voice_for(cfg.provider)
    if isinstance(cfg, ElevenLabsSettings):
        return ElevenLabsTTS(
            api_key=cfg.api_key, voice_id=voice or DEFAULT_VOICE_ID, model=cfg.model, base_url=cfg.base_url,
            ws_url=cfg.ws_url, sample_rate=cfg.sample_rate, mode=cfg.mode, stability=cfg.stability,
            similarity_boost=cfg.similarity_boost, speed=cfg.speed, limits=limits,
        )  # fmt: skip
    return OpenAITTS(
        base_url=cfg.base_url, model=cfg.model, voice=voice or DEFAULT_TTS_VOICE, api_key=cfg.api_key,
        instructions=cfg.instructions, speed=cfg.speed, limits=limits,
    )  # fmt: skip


def _publish_fallback(bus: Bus, channel: str, fallback: TTSFallback) -> None:
    """Publish a ``tts_fallback`` metric in the background: the audio never waits for the bus."""
    metric = Metric(
        channel=channel, name="tts_fallback", value=1.0,
        labels={"provider": fallback.provider, "reason": fallback.reason},
    )  # fmt: skip
    task = asyncio.create_task(_publish_quietly(bus, metric), name="tts-fallback-metric")
    _background.add(task)
    task.add_done_callback(_background.discard)


async def _publish_quietly(bus: Bus, event: Metric | ComponentStatus) -> None:
    """A side report (a metric, a component's health): a bus failure is only logged."""
    try:
        await bus.publish(event)
    except Exception as exc:
        log.warning("could not publish %s: %s", event.type, exc)


async def _component_status(bus: Bus, channel: str, component: str, up: bool, detail: str) -> None:
    state: Literal["ok", "down"] = "ok" if up else "down"
    status = ComponentStatus(channel=channel, component=component, state=state, detail=detail[:500])
    await _publish_quietly(bus, status)


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
    tts = build_tts(settings, persona, bus=app.bus)
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
    if settings.voice.input != "none" and settings.voice.barge_in_action == "duck":
        sink = DuckingSink(sink, duck_db=settings.voice.duck_db)
    avatar = await build_avatar(settings, persona, app.sessions)
    overlay = await build_overlay(settings)
    performer = Performer(tts, sink, voice=None, stage=Stage(sink, avatar=avatar, overlay=overlay))
    brain = Brain(
        bus=app.bus, channel=settings.channel, persona=persona, llm=llm, performer=performer, safety=safety,
        memory_tokens=settings.llm.memory_tokens, persona_version=persona_version,
        persona_loader=functools.partial(load_persona_version, app.sessions),
        on_persona=functools.partial(_follow_persona, settings, avatar, performer),
        bot_logins=frozenset({settings.twitch.bot_login} if settings.twitch.bot_login else ()),
    )  # fmt: skip
    performer.on_sentence = brain.on_sentence
    alerts = None if overlay is None else Alerts(app.bus, overlay, seconds=settings.obs.alert_seconds)
    heap.settle()  # everything is loaded: a full collection over it would stall a sentence later
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


def _follow_persona(
    settings: Settings, avatar: VTSAvatar | None, performer: Performer, persona: Persona
) -> None:
    """What besides the brain follows a live persona switch: the avatar's expression hotkeys,
    and a cloud voice named by the persona (piper's voice is a model file, loaded at start)."""
    if avatar is not None:
        avatar.emotion_map = dict(persona.emotion_hotkeys)
    cfg = settings.tts
    if not isinstance(cfg, PiperSettings) and cfg.voice is None:
        performer.voice = persona.voice_for(cfg.provider)


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


def build_stt(settings: Settings, persona: Persona) -> FasterWhisperSTT:
    """faster-whisper for the streamer's voice, primed with the character's names (tiny.en
    otherwise hears "Hiyori" as "He worried")."""
    cfg = settings.voice
    names = ", ".join(dict.fromkeys((persona.name, *persona.aliases)))
    return FasterWhisperSTT(
        cfg.stt_model,
        language=cfg.language or "en",
        initial_prompt=f"Chat with {names}.",
        beam_size=cfg.stt_beam_size,
        short_window_s=cfg.stt_window_s,
    )


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

    def barge_in(signal: SpeechSignal) -> None:
        if not cfg.barge_in:
            return
        if duck is not None:
            if brain.busy and not signal.by_word:  # a late word-based barge-in has nothing to un-duck it
                duck.duck()
                log.info("barge-in: ducking the bot while the streamer talks (%.0f ms)", signal.voiced_ms)
        elif (turn_id := brain.turn_id) is not None and brain.interrupt("barge-in", turn_id=turn_id):
            how = "said a word" if signal.by_word else f"spoke for {signal.voiced_ms:.0f} ms"
            log.info("barge-in: the streamer %s over the bot", how)
            _spawn(until_quiet(brain, turn_id))

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
        stt=stt or build_stt(settings, persona),
        publish=bus.publish,
        config=endpoint,
        on_speech_start=barge_in,
        on_speech_end=None if duck is None else duck.unduck,
        talk_mode=cfg.talk_mode,
        names=(persona.name, *persona.aliases),
        echo=echo,
        early_stt_ms=cfg.early_stt_ms,
        preempt=cfg.preemptive_reply,
    )


async def until_quiet(brain: Brain, turn_id: str, *, every_s: float = 0.25, tries: int = 8) -> None:
    """After a barge-in, interrupt that turn again while it still runs: a backend that
    swallows a cancellation (``asyncio.wait_for`` on Python 3.11 can, when it lands just as a
    chunk arrives) would have it talk on over the streamer. Only that turn: the next one
    (the answer to the streamer, perhaps already prepared) must live."""
    for _ in range(tries):
        await asyncio.sleep(every_s)
        if brain.turn_id != turn_id:
            return
        if brain.interrupt("barge-in", turn_id=turn_id):
            log.warning("barge-in: the turn did not stop; interrupting it again")


def voice_input(settings: Settings) -> Callable[[], AsyncIterable[AudioChunk]]:
    """Opens the configured voice input: the microphone, or the WAV standing in for it."""
    cfg = settings.voice
    if cfg.input == "mic":
        return lambda: SoundDeviceMic(cfg.device)
    if cfg.wav is None:
        raise ValueError("no voice input is configured")
    wav = cfg.wav
    return lambda: WavInput(wav)


def start_voice(settings: Settings, bus: Bus, show: Show) -> list[asyncio.Task[None]]:
    """The voice tasks for ``run_bot``: the source (its STT warmed first) and, in talk mode
    push_to_talk, the listener for control.ptt. A voice part that cannot start is logged and
    reported as a component status; the show goes on without it."""
    cfg = settings.voice
    component = "mic" if cfg.input == "mic" else "voice"
    try:
        voice = build_voice(settings, bus, show.brain, show.sink)
    except BackendError as exc:
        log.error("the streamer's voice cannot start: %s", exc)
        _spawn(_component_status(bus, settings.channel, component, False, str(exc)))
        return []

    async def run() -> None:
        warm = getattr(voice.stt, "warm_up", None)
        if warm is not None:
            try:
                await warm()
            except BackendError as exc:
                log.error("speech recognition cannot start (%s); the streamer's voice is off", exc)
                await _component_status(bus, settings.channel, "stt", False, str(exc))
                return
        await listen(voice, voice_input(settings), publish_status=bus.publish, component=component)

    tasks = [asyncio.create_task(run(), name="voice")]
    if cfg.talk_mode == "push_to_talk":
        tasks.append(asyncio.create_task(PushToTalkListener(bus, voice.set_ptt).run(), name="push-to-talk"))
    return tasks


def _spawn(coro: Coroutine[Any, Any, None]) -> None:
    task = asyncio.create_task(coro)
    _background.add(task)
    task.add_done_callback(_background.discard)


def audio_devices() -> list[AudioDevice]:
    """Every sound device PortAudio sees (``vtuber audio devices``)."""
    return list_audio_devices()


async def send_ptt(settings: Settings, pressed: bool, *, by: str = "cli") -> None:
    """Publish a push-to-talk key change on the bus (``vtuber ptt down|up``)."""
    bus = make_bus(settings)
    try:
        delivered = (
            await bus.publish(PushToTalk(channel=settings.channel, by=by, pressed=pressed))
        ) is not None
    finally:
        await bus.close()
    if not delivered:  # only in the local outbox, which this short-lived command drops on exit
        raise BusError("Redis is unreachable: the push-to-talk change did not reach the bot")


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
    """Load the voice. A cloud voice that fails here is logged, never fatal."""
    if isinstance(tts, FallbackTTS):
        await tts.warm_up()
        return
    try:
        async for _chunk in tts.synthesize("Hello."):
            pass
    except BackendError as exc:
        if isinstance(tts, PiperTTS):
            raise
        log.warning(
            "the %s voice is not working at start-up (%s); its sentences are skipped until it is",
            tts.name,
            exc,
        )


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


async def twitch_login(
    settings: Settings, *, say: Callable[[str], None], roles: tuple[str, ...] = ("bot", "broadcaster")
) -> list[str]:
    """`vtuber twitch login`: device logins for the accounts, tokens stored encrypted in the database."""
    from config.settings import ConfigError
    from integrations.twitch import login as twitch_login_flow

    if settings.secret_key is None:
        raise ConfigError(
            "VTUBER_SECRET_KEY is not set: Twitch tokens are stored encrypted with it. Run `vtuber config "
            "keygen`, export VTUBER_SECRET_KEY=<the key>, and run this again"
        )
    if (key := secret_key_check(settings)).status != "ok":
        raise ConfigError(f"{key.detail}: {key.fix}, and run this again")
    if not settings.twitch.client_id:
        raise ConfigError(
            "twitch.client_id is not set: register an application at dev.twitch.tv/console first"
        )
    url = settings.database_url.get_secret_value()
    await upgrade(url)
    engine = make_engine(url)
    try:
        tokens = twitch_tokens(settings, make_sessionmaker(engine))
        assert tokens is not None
        stored = await twitch_login_flow.login(
            settings.twitch, broadcaster_login=broadcaster_login(settings), tokens=tokens, say=say,
            roles=[r for r in ("bot", "broadcaster") if r in roles],
        )  # fmt: skip
    finally:
        await engine.dispose()
    return [t.login for t in stored]


async def doctor(settings: Settings) -> list[Check]:
    """`vtuber doctor`: key, database, Redis, then Twitch (credentials, tokens, scopes, connectivity)."""
    from integrations.twitch import doctor as twitch_doctor

    checks = await local_checks(settings)
    tokens: TwitchTokenStores | None = None
    failed = [c for c in checks if c.name in ("secret key", "database") and c.status != "ok"]
    engine = make_engine(settings.database_url.get_secret_value())
    try:
        if not failed:
            tokens = twitch_tokens(settings, make_sessionmaker(engine))
        no_tokens = (f"cannot read the stored tokens: {failed[0].detail}", failed[0].fix) if failed else None
        found = await twitch_doctor.run_checks(
            settings.twitch, broadcaster_login=broadcaster_login(settings), tokens=tokens, no_tokens=no_tokens
        )
    finally:
        await engine.dispose()
    return [*checks, *(Check(c.name, c.status, c.detail, c.fix) for c in found)]


def _report_dead(tasks: list[asyncio.Task[object]], reported: set[asyncio.Task[object]]) -> None:
    """Log a bot task that ended on its own, once (each loop handles its own failures, so
    this is a bug, and the show may be missing a part: the operator must know)."""
    for task in [t for t in tasks if t.done() and t not in reported]:
        reported.add(task)
        if task.cancelled():
            log.error("bot task %s was cancelled", task.get_name())
        elif (error := task.exception()) is not None:
            log.error("bot task %s crashed: %s", task.get_name(), error, exc_info=error)
        else:
            log.error("bot task %s stopped", task.get_name())


async def run_bot(
    settings: Settings,
    *,
    replay: Path | None = None,
    stop: asyncio.Event | None = None,
    on_status: Callable[[App], None] | None = None,
) -> None:
    """The long-running bot: recorder, brain and performer, plus every configured source:
    Twitch (EventSub in, chat replies and moderation out), the streamer's voice, a replayed log.
    """
    app = await build_app(settings)
    if settings.performer.sink == "wav" and not settings.dashboard.overlay_audio:
        log.warning(
            "the voice only goes to WAV files in %s: nobody hears it live. "
            'Set performer.sink = "device" (or dashboard.overlay_audio = true) for the stream',
            settings.data_dir / "audio",
        )
    show = await build_show(app, audio_dir=settings.data_dir / "audio", pace=1.0)
    tasks: list[asyncio.Task[object]] = [
        asyncio.create_task(app.recorder.run(), name="recorder"),
        asyncio.create_task(show.brain.run(), name="brain"),
    ]
    if show.alerts is not None:
        tasks.append(asyncio.create_task(show.alerts.run(), name="alerts"))
    if show.llm_server is not None:
        llm_status = functools.partial(_component_status, app.bus, settings.channel, "llm")
        tasks.append(asyncio.create_task(show.llm_server.keep_alive(llm_status), name="llm-keeper"))
    if replay is not None:
        source = ReplaySource(replay, channel=settings.channel, speed=settings.replay.speed)
        tasks.append(asyncio.create_task(source.run(app.bus.publish), name="replay"))
    if settings.voice.input != "none":
        tasks.extend(start_voice(settings, app.bus, show))
    twitch: tuple[TwitchConnection, TwitchOut] | None = None
    twitch_tasks: list[asyncio.Task[object]] = []
    stop = stop or asyncio.Event()
    reported: set[asyncio.Task[object]] = set()
    try:
        twitch = await build_twitch(settings, app, show.brain)
        twitch_tasks = [] if twitch is None else [
            asyncio.create_task(twitch[0].run(), name="twitch"), asyncio.create_task(twitch[1].run(), name="twitch-out")
        ]  # fmt: skip
        tasks.extend(twitch_tasks)
        while not stop.is_set():
            if on_status is not None:
                on_status(app)
            _report_dead(tasks, reported)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 2)
    finally:
        if twitch is not None:  # first, so what Twitch still has queued reaches the bus and the recorder
            twitch[0].stop()
            twitch[1].stop()
            await asyncio.wait(twitch_tasks, timeout=10)
        app.recorder.stop()
        show.brain.stop()
        if show.alerts is not None:
            show.alerts.stop()
        for task in tasks[2:]:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await show.close()
        await app.close()
