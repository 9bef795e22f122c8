"""A database that is shutting down or starting up is unavailable, not refusing the data:
the recorder waits and retries, and dead-letters nothing. On a PostgreSQL of the test's own,
held in its smart-shutdown window (a session open) and in start-up (a standby, hot standby off)."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

import asyncpg
import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select

from engines.events import ChatMessage, Viewer
from streamer.bus import MemoryBus
from streamer.store import Recorder, make_engine, make_sessionmaker, upgrade
from streamer.store.models import EventRow
from streamer.store.recorder import _is_data_error
from tests.support.servers import OwnPostgres

ALICE = Viewer(id="1", login="alice", display_name="Alice")


@pytest.fixture(scope="module")
def own_pg() -> Iterator[OwnPostgres]:
    pg = OwnPostgres()
    try:
        pg.start()
        asyncio.run(upgrade(pg.create_database("vtuber")))
        yield pg
    finally:
        pg.close()


async def until(predicate: Callable[[], Awaitable[bool] | bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = predicate()
        if got if isinstance(got, bool) else await got:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not met in time")


async def refused_57p03(pg: OwnPostgres) -> bool:
    try:
        conn = await asyncpg.connect(pg.dsn("vtuber"), timeout=2)
    except asyncpg.CannotConnectNowError:
        return True
    except OSError:
        return False
    await conn.close()
    return False


async def stored(pg: OwnPostgres, prefix: str) -> int:
    engine = make_engine(pg.url("vtuber"))
    try:
        async with make_sessionmaker(engine)() as s:
            query = select(func.count()).select_from(EventRow).where(EventRow.id.startswith(prefix))
            return int((await s.execute(query)).scalar_one())
    finally:
        await engine.dispose()


@pytest.fixture
async def recording(own_pg: OwnPostgres) -> AsyncIterator[tuple[MemoryBus, Recorder, str]]:
    """A recorder on a fresh engine (no pooled session yet) with three events waiting."""
    prefix = "u" + uuid.uuid4().hex[:8]
    bus = MemoryBus()
    await bus.publish_many([ChatMessage(id=f"{prefix}-{i}", channel="chan", user=ALICE, text=f"m {i}")
                            for i in range(3)])  # fmt: skip
    engine = make_engine(own_pg.url("vtuber"))
    recorder = Recorder(bus, make_sessionmaker(engine), consumer="r", block_ms=20, retry_max_s=0.2)
    yield bus, recorder, prefix
    await engine.dispose()


async def wait_through(bus: MemoryBus, recorder: Recorder) -> None:
    """Let the recorder meet the refusing database a few times (or give up, as before the fix)."""

    async def tried_or_buried() -> bool:
        return recorder.stats.db_failures >= 4 or bool(await bus.dead_letters())

    await until(tried_or_buried)
    assert await bus.dead_letters() == []
    assert recorder.stats.rejected == 0


async def test_events_wait_through_a_smart_shutdown_and_are_stored_once(
    own_pg: OwnPostgres, recording: tuple[MemoryBus, Recorder, str]
) -> None:
    bus, recorder, prefix = recording
    held = await asyncpg.connect(own_pg.dsn())  # keeps the shutdown window open
    own_pg.smart_shutdown()
    await until(lambda: refused_57p03(own_pg))
    task = asyncio.create_task(recorder.run())
    try:
        await wait_through(bus, recorder)
        await held.close()
        await asyncio.to_thread(own_pg.wait_stopped)
        await asyncio.to_thread(own_pg.start)
        assert await recorder.wait_idle(30)
    finally:
        recorder.stop()
        await asyncio.wait_for(task, 30)
    assert await stored(own_pg, prefix) == 3
    assert await bus.dead_letters() == []
    assert await bus.pending_count("recorder") == 0


async def test_events_wait_while_the_database_starts_up(
    own_pg: OwnPostgres, recording: tuple[MemoryBus, Recorder, str]
) -> None:
    bus, recorder, prefix = recording
    await asyncio.to_thread(own_pg.stop)
    own_pg.start_held_in_recovery()
    await until(lambda: refused_57p03(own_pg))
    task = asyncio.create_task(recorder.run())
    try:
        await wait_through(bus, recorder)
        await asyncio.to_thread(own_pg.promote)
        assert await recorder.wait_idle(30)
    finally:
        recorder.stop()
        await asyncio.wait_for(task, 30)
    assert await stored(own_pg, prefix) == 3
    assert await bus.dead_letters() == []


class _Orig(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"SQLSTATE {sqlstate}")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "rejected"),
    [
        ("57P03", False),  # shutting down, starting up
        ("57P01", False),  # admin shutdown
        ("08006", False),  # connection failure
        ("53300", False),  # too many connections
        ("40P01", False),  # deadlock: try again
        ("42P01", False),  # no such table (a migration missing): wait for the operator
        ("22021", True),  # bad bytes in the data
        ("22003", True),  # number out of range
        ("23505", True),  # unique violation
    ],
)
def test_only_data_and_integrity_classes_are_rejections(sqlstate: str, rejected: bool) -> None:
    exc = sa_exc.DBAPIError("INSERT ...", None, _Orig(sqlstate))
    assert _is_data_error(exc) is rejected
