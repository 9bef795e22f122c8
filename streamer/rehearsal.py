"""Rehearsal: replay a chat log through the running bot, then report what happened.

The replay publishes to the bus like a live source; the brain answers on the local models;
the recorder logs everything. When the log is done and the brain has nothing left to say,
the run's events are read back from the database into a summary and a transcript.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import orjson
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from engines import events as ev
from streamer import transcript
from streamer.brain import Brain, BrainStats
from streamer.bus import Bus
from streamer.memory_writer import MemoryWriter
from streamer.sources.replay import ReplaySource
from streamer.store import Recorder
from streamer.store.models import EventRow, Viewer

log = logging.getLogger("streamer.rehearsal")

QUIET_WAIT_S = 60.0
"""After the log ends, how long the bot may keep talking before the rehearsal stops."""


@dataclass
class RehearsalSummary:
    published: int
    stored: int
    stored_total: int
    seconds: float
    by_type: Counter[str] = field(default_factory=Counter)
    viewers: int = 0
    dead_letters: int = 0
    problems: list[str] = field(default_factory=list)
    brain: BrainStats | None = None
    transcript_path: Path | None = None
    audio_dir: Path | None = None
    log_path: Path | None = None
    """The run's full log (the terminal showed only warnings)."""
    excerpt: list[str] = field(default_factory=list)


async def run_rehearsal(
    bus: Bus,
    sessions: async_sessionmaker[AsyncSession],
    recorder: Recorder,
    brain: Brain | None,
    source: ReplaySource,
    *,
    out_dir: Path,
    on_progress: Callable[[int, int], None] | None = None,
    memory: MemoryWriter | None = None,
) -> RehearsalSummary:
    started_at = datetime.now(UTC)
    started = time.monotonic()
    tasks = [asyncio.create_task(recorder.run(), name="recorder")]
    if brain is not None:
        tasks.append(asyncio.create_task(brain.run(), name="brain"))
    if memory is not None:
        tasks.append(asyncio.create_task(memory.run(), name="memory"))
    try:
        published = await source.run(bus.publish, on_progress=on_progress)
        if brain is not None:
            await _wait_quiet(brain)
            brain.stop()
        await _wait_recorded(sessions, published, source.run_id, since=started_at)
    finally:
        if brain is not None:
            brain.stop()
        if memory is not None:
            await memory.wait_idle(5.0)
            memory.stop()
        recorder.stop()
        await asyncio.gather(*tasks, return_exceptions=True)
    elapsed = time.monotonic() - started
    summary = await _summarise(sessions, bus, source, published, elapsed, since=started_at)
    summary.brain = brain.stats if brain is not None else None
    if brain is not None:
        events = await _run_events(sessions, since=started_at)
        summary.transcript_path = out_dir / "transcript.md"
        text = transcript.render(events, start=started_at)
        await asyncio.to_thread(_write, summary.transcript_path, text)
        summary.audio_dir = out_dir / "audio"
        summary.excerpt = [line for line in text.splitlines() if "  SAY " in line or "  PICK " in line][:12]
    return summary


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


async def _wait_quiet(brain: Brain) -> None:
    """Until the brain has no turn running and nothing waiting (or QUIET_WAIT_S passes)."""
    deadline = time.monotonic() + QUIET_WAIT_S
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        if brain.busy or brain.selector.pending:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > 1.0:
            return
        await asyncio.sleep(0.1)
    log.warning("the bot was still talking %.0f s after the log ended; stopping it", QUIET_WAIT_S)


async def _wait_recorded(
    sessions: async_sessionmaker[AsyncSession], published: int, run_id: str, *, since: datetime
) -> None:
    """Until the recorder stored this run's inputs and went quiet (or 60 s pass)."""
    deadline = time.monotonic() + 60
    prefix = f"replay-{run_id}-"
    last = -1
    while time.monotonic() < deadline:
        async with sessions() as s:
            stored = (
                await s.execute(select(func.count()).where(EventRow.id.startswith(prefix)))
            ).scalar_one()
            total = (await s.execute(select(func.count()).where(EventRow.recorded_at >= since))).scalar_one()
        if stored >= published and total == last:
            return
        last = total
        await asyncio.sleep(0.3)
    log.error("the recorder did not store all %d events within 60 s", published)


async def _run_events(sessions: async_sessionmaker[AsyncSession], *, since: datetime) -> list[ev.EventBase]:
    async with sessions() as s:
        rows = (
            await s.execute(select(EventRow.payload).where(EventRow.ts >= since).order_by(EventRow.ts))
        ).scalars()
        out = []
        for payload in rows:
            try:
                out.append(ev.decode(orjson.dumps(payload)))
            except ev.EventDecodeError:
                continue
        return out


async def _summarise(
    sessions: async_sessionmaker[AsyncSession],
    bus: Bus,
    source: ReplaySource,
    published: int,
    elapsed: float,
    *,
    since: datetime,
) -> RehearsalSummary:
    prefix = f"replay-{source.run_id}-"
    async with sessions() as s:
        rows = await s.execute(
            select(EventRow.type, func.count()).where(EventRow.ts >= since).group_by(EventRow.type)
        )
        by_type = Counter({t: int(n) for t, n in rows})
        stored = (await s.execute(select(func.count()).where(EventRow.id.startswith(prefix)))).scalar_one()
        total = (await s.execute(select(func.count()).select_from(EventRow))).scalar_one()
        viewers = (await s.execute(select(func.count()).select_from(Viewer))).scalar_one()
    return RehearsalSummary(
        published=published,
        stored=int(stored),
        stored_total=int(total),
        seconds=elapsed,
        by_type=by_type,
        viewers=int(viewers),
        dead_letters=len(await bus.dead_letters()),
        problems=source.problems,
    )
