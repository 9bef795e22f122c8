"""The long-running processes: the bot (recorder, brain, performer and every configured source)
and the separate recorder worker. They start what ``streamer.app`` built, report a task that
died, and shut down in the order that loses nothing."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from config.settings import Settings
from engines.backends import BackendError
from engines.events import ComponentHealth, utcnow
from streamer.app import App, Show, build_app, build_show, build_twitch, build_voice, voice_input
from streamer.bus import Bus
from streamer.heartbeat import Heartbeat, connection_probe, for_brain, starting_components
from streamer.sources.push_to_talk import PushToTalkListener
from streamer.sources.replay import ReplaySource, ReplayStart
from streamer.sources.voice import listen
from streamer.status import component_status, spawn
from streamer.store.recorder import default_consumer_name

log = logging.getLogger("streamer.supervisor")

FINITE_TASKS = frozenset({"replay"})
"""Bot tasks whose work has an end (a replay file played to its last line): returning is
normal for them, and logged at INFO. Any other task that returns has stopped by mistake."""


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
        spawn(component_status(bus, settings.channel, component, False, str(exc)))
        return []

    async def run() -> None:
        warm = getattr(voice.stt, "warm_up", None)
        if warm is not None:
            try:
                await warm()
            except BackendError as exc:
                log.error("speech recognition cannot start (%s); the streamer's voice is off", exc)
                await component_status(bus, settings.channel, "stt", False, str(exc))
                return
        await listen(voice, voice_input(settings), publish_status=bus.publish, component=component)

    tasks = [asyncio.create_task(run(), name="voice")]
    if cfg.talk_mode == "push_to_talk":
        tasks.append(asyncio.create_task(PushToTalkListener(bus, voice.set_ptt).run(), name="push-to-talk"))
    return tasks


def start_heartbeat(settings: Settings, bus: Bus, show: Show, started: datetime) -> Heartbeat:
    """The bot's heartbeat for the dashboard: the components this show runs with, OBS and
    VTube Studio asked at each beat."""
    probes = {}
    if show.overlay is not None:
        probes["obs"] = connection_probe(lambda: show.overlay is not None and show.overlay.connected, "OBS")
    if show.avatar is not None:
        probes["vtube_studio"] = connection_probe(
            lambda: show.avatar is not None and show.avatar.client.connected, "VTube Studio"
        )
    components = starting_components(twitch=settings.twitch.enabled, voice=settings.voice.input != "none")
    components.setdefault("obs", ComponentHealth(state="off", detail="not configured"))
    components.setdefault("vtube_studio", ComponentHealth(state="off", detail="not configured"))
    return Heartbeat(
        bus, settings.channel, for_brain(show.brain), components=components, probes=probes, started_at=started
    )


def report_dead(tasks: list[asyncio.Task[object]], reported: set[asyncio.Task[object]]) -> None:
    """Log a bot task that ended on its own, once. A finite task (:data:`FINITE_TASKS`) that
    returns has finished, at INFO. Otherwise it is at ERROR: each loop handles its own failures,
    so this is a bug, and the show may be missing a part: the operator must know."""
    for task in [t for t in tasks if t.done() and t not in reported]:
        reported.add(task)
        if task.cancelled():
            log.error("bot task %s was cancelled", task.get_name())
        elif (error := task.exception()) is not None:
            log.error("bot task %s crashed: %s", task.get_name(), error, exc_info=error)
        elif task.get_name() in FINITE_TASKS:
            log.info("bot task %s finished", task.get_name())
        else:
            log.error("bot task %s stopped", task.get_name())


async def run_bot(
    settings: Settings,
    *,
    replay: Path | None = None,
    replay_from: ReplayStart | None = None,
    stop: asyncio.Event | None = None,
    on_status: Callable[[App], None] | None = None,
) -> None:
    """The long-running bot: recorder, brain and performer, plus every configured source:
    Twitch (EventSub in, chat replies and moderation out), the streamer's voice, a replayed log
    (its ids come from the file, so playing it again stores nothing twice; ``replay_from``
    resumes it at a line or a time).
    """
    started = utcnow()
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
    heartbeat = start_heartbeat(settings, app.bus, show, started)
    tasks.append(asyncio.create_task(heartbeat.run(), name="heartbeat"))
    if show.memory is not None:
        tasks.append(asyncio.create_task(show.memory.run(), name="memory"))
    if show.llm_server is not None:
        llm_status = functools.partial(component_status, app.bus, settings.channel, "llm")
        tasks.append(asyncio.create_task(show.llm_server.keep_alive(llm_status), name="llm-keeper"))
    if replay is not None:
        source = ReplaySource(
            replay, channel=settings.channel, speed=settings.replay.speed, start=replay_from
        )
        tasks.append(asyncio.create_task(source.run(app.bus.publish), name="replay"))
    if settings.voice.input != "none":
        tasks.extend(start_voice(settings, app.bus, show))
    twitch = None
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
            report_dead(tasks, reported)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 2)
    finally:
        if twitch is not None:  # first, so what Twitch still has queued reaches the bus and the recorder
            twitch[0].stop()
            twitch[1].stop()
            await asyncio.wait(twitch_tasks, timeout=10)
        app.recorder.stop()
        show.brain.stop()
        heartbeat.stop()
        if show.alerts is not None:
            show.alerts.stop()
        if show.memory is not None:
            show.memory.stop()
        for task in tasks[2:]:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await show.close()
        await app.close()


async def run_recorder(
    settings: Settings, *, consumer: str | None = None, stop: asyncio.Event | None = None
) -> None:
    """Run only the recorder until ``stop`` is set (a separate worker next to the bot)."""
    app = await build_app(settings, consumer=consumer or default_consumer_name(worker=True))
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
