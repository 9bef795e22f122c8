"""The studio jobs' rows on both databases: one running job of each kind, writes only by the
owning process while the job runs, the gone processes' jobs interrupted, a resume claims one."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from streamer.store import make_engine, make_sessionmaker
from streamer.store.studio_jobs import (
    JobConflict,
    add_job,
    beat,
    claim_job,
    get_job,
    interrupt_gone,
    list_jobs,
    save_job,
    utc,
)
from streamer.store.studio_models import StudioJob


@pytest.fixture
async def sessions(db_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(db_url)
    yield make_sessionmaker(engine)
    await engine.dispose()


async def new(sessions: async_sessionmaker[AsyncSession], kind: str, runner: str) -> StudioJob:
    return await add_job(sessions, kind=kind, dataset="fun", dataset_version=1, params={"a": 1}, by="sam",
                         runner=runner)  # fmt: skip


async def test_one_running_job_of_each_kind(sessions: async_sessionmaker[AsyncSession]) -> None:
    first = await new(sessions, "train", "a:1:x")
    assert (first.state, first.active_kind, first.params, first.result) == ("running", "train", {"a": 1}, {})
    with pytest.raises(JobConflict) as refused:
        await new(sessions, "train", "b:2:y")  # another process, same kind
    assert refused.value.running is not None and refused.value.running.id == first.id
    other = await new(sessions, "hosted", "b:2:y")  # another kind runs beside it
    assert await save_job(sessions, first.id, "a:1:x", state="succeeded", result={"model_version": 3})
    again = await new(sessions, "train", "b:2:y")  # the kind is free again
    row = await get_job(sessions, first.id)
    assert row is not None and (row.state, row.active_kind, row.result) == (
        "succeeded",
        None,
        {"model_version": 3},
    )
    assert [j.id for j in await list_jobs(sessions)] == [again.id, other.id, first.id]
    assert [j.id for j in await list_jobs(sessions, limit=1, before=other.id)] == [first.id]


async def test_only_the_owner_writes_a_running_job(sessions: async_sessionmaker[AsyncSession]) -> None:
    job = await new(sessions, "dataset", "a:1:x")
    assert not await save_job(sessions, job.id, "b:2:y", step=5)  # not its runner
    assert await save_job(sessions, job.id, "a:1:x", step=2, phase="half")
    assert await save_job(sessions, job.id, "a:1:x", state="failed", error="boom")
    assert not await save_job(sessions, job.id, "a:1:x", state="running")  # ended: its last write was the end
    row = await get_job(sessions, job.id)
    assert row is not None and (row.step, row.phase, row.state, row.error) == (2, "half", "failed", "boom")


async def test_gone_jobs_are_interrupted_and_a_resume_claims_one(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    mine = await new(sessions, "export", "me:1:x")
    gone = await new(sessions, "train", "gone:2:y")
    alive = await new(sessions, "hosted", "alive:3:z")
    before = (await get_job(sessions, mine.id)).heartbeat_at  # type: ignore[union-attr]
    await beat(sessions, "me:1:x")
    assert utc((await get_job(sessions, mine.id)).heartbeat_at) > utc(before)  # type: ignore[union-attr]

    asked: list[int] = []

    def verdict(row: StudioJob) -> str | None:
        asked.append(row.id)
        return "its process is gone" if row.runner.startswith("gone:") else None

    (out,) = await interrupt_gone(sessions, "me:1:x", verdict)
    assert sorted(asked) == sorted([gone.id, alive.id])  # never its own jobs
    assert out.id == gone.id and (out.state, out.error) == ("interrupted", "its process is gone")
    row = await get_job(sessions, gone.id)
    assert row is not None and (row.state, row.active_kind, row.error) == (
        "interrupted",
        None,
        "its process is gone",
    )
    assert row.finished_at is not None and utc(row.finished_at) > datetime.now(UTC) - timedelta(minutes=1)
    assert not await save_job(sessions, gone.id, "gone:2:y", step=9)  # the old process cannot write it back

    assert await claim_job(sessions, alive.id, "me:1:x", phase="x") is None  # not interrupted
    blocker = await new(sessions, "train", "alive:3:z")
    with pytest.raises(JobConflict):
        await claim_job(sessions, gone.id, "me:1:x", phase="resumed")
    assert await save_job(sessions, blocker.id, "alive:3:z", state="cancelled")
    claimed = await claim_job(sessions, gone.id, "me:1:x", phase="resumed by sam")
    assert claimed is not None and (claimed.state, claimed.runner, claimed.active_kind) == (
        "running",
        "me:1:x",
        "train",
    )
    assert (claimed.error, claimed.finished_at, claimed.phase) == ("", None, "resumed by sam")
    assert await claim_job(sessions, gone.id, "other:4:w", phase="x") is None  # claimed once
    assert await save_job(sessions, gone.id, "me:1:x", step=3)
