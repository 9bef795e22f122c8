"""The composition root: the one place that builds the bot's parts and wires them together.

Everything else receives its collaborators; nothing else picks an implementation.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from config.settings import Settings
from streamer.bus import Bus, make_bus
from streamer.sources.replay import SAMPLE_STREAM, ReplaySource
from streamer.store import Recorder, make_engine, make_sessionmaker, upgrade
from streamer.store.models import EventRow, Viewer

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
class RehearsalSummary:
    published: int
    stored_total: int
    seconds: float
    by_type: Counter[str] = field(default_factory=Counter)
    viewers: int = 0
    dead_letters: int = 0
    problems: list[str] = field(default_factory=list)


async def rehearse(
    settings: Settings,
    *,
    path: Path | None = None,
    speed: float | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> RehearsalSummary:
    """Replay a chat log through the bus into the store and summarise what was recorded."""
    app = await build_app(settings)
    source = ReplaySource(
        path or settings.replay.path or SAMPLE_STREAM,
        channel=settings.channel,
        speed=settings.replay.speed if speed is None else speed,
    )
    recorder_task = asyncio.create_task(app.recorder.run(), name="recorder")
    started = time.monotonic()
    try:
        published = await source.run(app.bus.publish, on_progress=on_progress)
        await _wait_recorded(app, published, source)
        elapsed = time.monotonic() - started
        summary = await _summarise(app, source, published, elapsed)
    finally:
        app.recorder.stop()
        await asyncio.wait_for(recorder_task, 10)
        await app.close()
    return summary


async def _wait_recorded(app: App, published: int, source: ReplaySource) -> None:
    """Wait until the recorder has stored this run's events (or gives up after 60 s)."""
    deadline = time.monotonic() + 60
    prefix = f"replay-{source.run_id}-"
    while time.monotonic() < deadline:
        async with app.sessions() as s:
            stored = (
                await s.execute(
                    select(func.count()).select_from(EventRow).where(EventRow.id.startswith(prefix))
                )
            ).scalar_one()
        if stored >= published:
            return
        await asyncio.sleep(0.1)
    log.error("recorder did not store all %d events within 60 s", published)


async def _summarise(app: App, source: ReplaySource, published: int, elapsed: float) -> RehearsalSummary:
    prefix = f"replay-{source.run_id}-"
    async with app.sessions() as s:
        rows = await s.execute(
            select(EventRow.type, func.count()).where(EventRow.id.startswith(prefix)).group_by(EventRow.type)
        )
        by_type = Counter({t: int(n) for t, n in rows})
        total = (await s.execute(select(func.count()).select_from(EventRow))).scalar_one()
        viewers = (await s.execute(select(func.count()).select_from(Viewer))).scalar_one()
    return RehearsalSummary(
        published=published,
        stored_total=int(total),
        seconds=elapsed,
        by_type=by_type,
        viewers=int(viewers),
        dead_letters=len(await app.bus.dead_letters()),
        problems=source.problems,
    )


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
    """The long-running bot: recorder plus every configured source, until ``stop`` is set.

    Only the replay source exists so far; Twitch, voice, brain and performer plug in here.
    """
    app = await build_app(settings)
    tasks: list[asyncio.Task[object]] = [asyncio.create_task(app.recorder.run(), name="recorder")]
    if replay is not None:
        source = ReplaySource(replay, channel=settings.channel, speed=settings.replay.speed)
        tasks.append(asyncio.create_task(source.run(app.bus.publish), name="replay"))
    stop = stop or asyncio.Event()
    try:
        while not stop.is_set():
            if on_status is not None:
                on_status(app)
            await asyncio.wait([asyncio.create_task(stop.wait())], timeout=2)
    finally:
        app.recorder.stop()
        for task in tasks[1:]:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await app.close()
