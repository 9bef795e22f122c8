"""The studio page's jobs as rows (:class:`StudioJob`): written as they change, so a dashboard
that restarts lists them, finds the ones a gone process was running, and resumes them.

One running job of each kind at a time, across processes: a running row holds its kind in
``active_kind`` (unique), so a second one cannot be inserted or claimed. Every write names the
process (``runner``) that owns the row; a row another process has taken over is not written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .studio_models import StudioJob

RUNNING = ("running", "cancelling")
"""States of a job some process is working on."""


class JobConflict(Exception):
    """A job of that kind is already running (``running``: its row, when it could be read)."""

    def __init__(self, running: StudioJob | None) -> None:
        super().__init__("a job of that kind is already running")
        self.running = running


def utc(moment: datetime) -> datetime:
    """SQLite gives the stored UTC time back without its zone."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


async def add_job(
    sessions: async_sessionmaker[AsyncSession],
    *,
    kind: str,
    dataset: str,
    dataset_version: int | None,
    params: Mapping[str, Any],
    by: str,
    runner: str,
    phase: str = "starting",
) -> StudioJob:
    """A new running job; :class:`JobConflict` when one of its kind runs."""
    now = datetime.now(UTC)
    row = StudioJob(
        kind=kind,
        active_kind=kind,
        state="running",
        phase=phase,
        dataset=dataset,
        dataset_version=dataset_version,
        step=0,
        params=dict(params),
        result={},
        error="",
        runner=runner,
        started_by=by,
        started_at=now,
        updated_at=now,
        heartbeat_at=now,
    )
    try:
        async with sessions.begin() as s:
            s.add(row)
    except IntegrityError:
        raise JobConflict(await live_job(sessions, kind)) from None
    return row


async def live_job(sessions: async_sessionmaker[AsyncSession], kind: str) -> StudioJob | None:
    async with sessions() as s:
        found: StudioJob | None = await s.scalar(select(StudioJob).where(StudioJob.active_kind == kind))
        return found


async def get_job(sessions: async_sessionmaker[AsyncSession], job_id: int) -> StudioJob | None:
    async with sessions() as s:
        return await s.get(StudioJob, job_id)


async def list_jobs(
    sessions: async_sessionmaker[AsyncSession], *, limit: int = 50, before: int | None = None
) -> list[StudioJob]:
    """Newest first; ``before``: only jobs with a smaller id (the next page)."""
    query = select(StudioJob).order_by(StudioJob.id.desc()).limit(limit)
    if before is not None:
        query = query.where(StudioJob.id < before)
    async with sessions() as s:
        return list((await s.scalars(query)).all())


async def save_job(
    sessions: async_sessionmaker[AsyncSession], job_id: int, runner: str, **values: Any
) -> bool:
    """Write a running job's fields (a state that is not running frees its kind, and is the
    last write); False when the row is no longer this runner's running job (it ended, or was
    marked interrupted or taken over by another process)."""
    now = datetime.now(UTC)
    if "state" in values and values["state"] not in RUNNING:
        values["active_kind"] = None
    async with sessions.begin() as s:
        done = await s.execute(
            update(StudioJob)
            .where(StudioJob.id == job_id, StudioJob.runner == runner, StudioJob.state.in_(RUNNING))
            .values(**values, updated_at=now, heartbeat_at=now)
        )
    return bool(getattr(done, "rowcount", 0))


async def claim_job(
    sessions: async_sessionmaker[AsyncSession], job_id: int, runner: str, *, phase: str
) -> StudioJob | None:
    """Run an interrupted job again in this process: None when it is not interrupted,
    :class:`JobConflict` when another job of its kind runs."""
    now = datetime.now(UTC)
    kind = ""
    try:
        async with sessions.begin() as s:
            row = await s.get(StudioJob, job_id, with_for_update=True)
            if row is None or row.state != "interrupted":
                return None
            kind = row.kind
            row.state, row.active_kind, row.runner, row.phase = "running", row.kind, runner, phase
            row.error, row.finished_at, row.updated_at, row.heartbeat_at = "", None, now, now
    except IntegrityError:
        raise JobConflict(await live_job(sessions, kind)) from None
    return row


async def beat(sessions: async_sessionmaker[AsyncSession], runner: str) -> None:
    """This runner is alive: refresh the heartbeat of its running jobs."""
    async with sessions.begin() as s:
        await s.execute(
            update(StudioJob)
            .where(StudioJob.runner == runner, StudioJob.state.in_(RUNNING))
            .values(heartbeat_at=datetime.now(UTC))
        )


async def interrupt_gone(
    sessions: async_sessionmaker[AsyncSession],
    runner: str,
    gone: Callable[[StudioJob], str | None],
) -> list[StudioJob]:
    """Mark the running jobs of other runners that ``gone`` says are gone (it gives the reason)
    interrupted; returns them."""
    async with sessions() as s:
        rows = (
            await s.scalars(select(StudioJob).where(StudioJob.state.in_(RUNNING), StudioJob.runner != runner))
        ).all()
    out = []
    for row in rows:
        why = gone(row)
        if why is None:
            continue
        now = datetime.now(UTC)
        async with sessions.begin() as s:
            done = await s.execute(
                update(StudioJob)
                .where(
                    StudioJob.id == row.id,
                    StudioJob.runner == row.runner,
                    StudioJob.heartbeat_at == row.heartbeat_at,
                    StudioJob.state.in_(RUNNING),
                )
                .values(state="interrupted", active_kind=None, error=why, finished_at=now, updated_at=now)
            )
        if getattr(done, "rowcount", 0):
            row.state, row.active_kind, row.error, row.finished_at = "interrupted", None, why, now
            out.append(row)
    return out
