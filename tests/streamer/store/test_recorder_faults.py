"""Fault tests on real Redis and real PostgreSQL: nothing is lost, nothing is stored twice."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import pytest
import redis.asyncio as aioredis

from engines.events import ChatMessage, Viewer
from streamer.bus import Keys
from streamer.bus.redis_streams import RedisBus
from streamer.store import Recorder, make_engine, make_sessionmaker
from tests.support.tcp_proxy import TcpProxy

ROOT = Path(__file__).resolve().parents[3]
OUTAGE_S = float(os.environ.get("VTUBER_TEST_OUTAGE_S", "30"))
USERS = [Viewer(id=str(100 + i), login=f"user{i}", display_name=f"User{i}") for i in range(50)]


def chats(prefix: str, n: int, start: int = 0) -> list[ChatMessage]:
    return [
        ChatMessage(id=f"{prefix}-{i}", channel="chan", user=USERS[i % 50], text=f"message {i}")
        for i in range(start, start + n)
    ]


async def stored_ids(pg_url: str) -> list[str]:
    conn = await asyncpg.connect(pg_url.replace("+asyncpg", ""))
    try:
        return [r["id"] for r in await conn.fetch("SELECT id FROM events")]
    finally:
        await conn.close()


async def wait_for(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await predicate():
            return True
        await asyncio.sleep(0.1)
    return False


@pytest.mark.slow
async def test_recorder_killed_mid_batch_then_every_event_is_stored_exactly_once(
    pg_url: str, redis_url: str, redis_prefix: str
) -> None:
    total = 30_000
    bus = RedisBus(aioredis.from_url(redis_url), Keys(redis_prefix, "chan"))
    for start in range(0, total, 5_000):
        await bus.publish_many(chats("k", 5_000, start))

    env = {
        **os.environ,
        "REDIS_URL": redis_url,
        "DATABASE_URL": pg_url,
        "VTUBER_CHANNEL": "chan",
        "VTUBER_BUS__PREFIX": redis_prefix,
        "VTUBER_RECORDER__BATCH_SIZE": "500",
        "VTUBER_LOG_LEVEL": "WARNING",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamer", "record", "--consumer", "victim"], cwd=ROOT, env=env
    )
    try:
        # kill it with SIGKILL while it is busy: some batches committed, one in flight
        assert await wait_for(lambda: _at_least(pg_url, 2_000), 60), "recorder never started storing"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    before = len(await stored_ids(pg_url))
    assert 0 < before < total
    assert await bus.pending_count("recorder") > 0 or await bus.length("input") == total

    # a new recorder with another name takes over the dead one's pending entries (XAUTOCLAIM)
    engine = make_engine(pg_url)
    recorder = Recorder(
        bus, make_sessionmaker(engine), consumer="rescuer", claim_idle_ms=500, claim_every_s=0.5
    )
    task = asyncio.create_task(recorder.run())
    try:
        assert await wait_for(lambda: _at_least(pg_url, total), 60)
        assert await wait_for(lambda: _no_pending(bus), 30)
    finally:
        recorder.stop()
        await asyncio.wait_for(task, 10)
        await engine.dispose()
        await bus.close()
    ids = await stored_ids(pg_url)
    assert len(ids) == total
    assert set(ids) == {f"k-{i}" for i in range(total)}


async def _at_least(pg_url: str, n: int) -> bool:
    return len(await stored_ids(pg_url)) >= n


async def _no_pending(bus: RedisBus) -> bool:
    return await bus.pending_count("recorder") == 0


@pytest.mark.slow
async def test_postgres_unreachable_for_30s_loses_nothing(
    pg_url: str, redis_url: str, redis_prefix: str
) -> None:
    proxy = TcpProxy("127.0.0.1", 5432)
    await proxy.start()
    via_proxy = pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    assert via_proxy != pg_url
    bus = RedisBus(aioredis.from_url(redis_url), Keys(redis_prefix, "chan"))
    engine = make_engine(via_proxy)
    recorder = Recorder(bus, make_sessionmaker(engine), consumer="r1", block_ms=50, retry_max_s=2.0)
    task = asyncio.create_task(recorder.run())
    try:
        await bus.publish_many(chats("p", 1_000))
        assert await wait_for(lambda: _at_least(pg_url, 1_000), 30)

        await proxy.cut()
        outage_started = time.monotonic()
        published = 1_000
        while time.monotonic() - outage_started < OUTAGE_S:  # chat keeps flowing during the outage
            await bus.publish_many(chats("p", 200, published))
            published += 200
            await asyncio.sleep(0.5)
        assert len(await stored_ids(pg_url)) == 1_000  # nothing got through...
        backlog = await bus.length("input")
        assert backlog == published  # ...and everything waits in the bus, unacked
        assert recorder.stats.db_failures > 0

        await proxy.restore()
        assert await wait_for(lambda: _at_least(pg_url, published), 60)
        assert await wait_for(lambda: _no_pending(bus), 30)
    finally:
        recorder.stop()
        await asyncio.wait_for(task, 15)
        await engine.dispose()
        await bus.close()
        await proxy.cut()
    ids = await stored_ids(pg_url)
    assert len(ids) == published
    assert set(ids) == {f"p-{i}" for i in range(published)}


async def test_redis_outage_buffers_publishes_and_delivers_them_in_order(
    redis_url: str, redis_prefix: str
) -> None:
    host_port = redis_url.split("//", 1)[1].split("/", 1)[0]
    host, port = host_port.rsplit(":", 1)
    proxy = TcpProxy(host, int(port))
    await proxy.start()
    db = redis_url.rsplit("/", 1)[1]
    bus = RedisBus(
        aioredis.from_url(f"redis://127.0.0.1:{proxy.port}/{db}", socket_connect_timeout=1, socket_timeout=1),
        Keys(redis_prefix, "chan"),
    )
    try:
        await bus.publish_many(chats("r", 10))
        await proxy.cut()
        ids = await bus.publish_many(chats("r", 20, 10))  # must not raise or block the source
        assert ids == [None] * 20
        assert bus.outbox_size == 20
        await proxy.restore()
        await bus.publish_many(chats("r", 5, 30))  # queued behind the outbox: order kept
        deadline = time.monotonic() + 20
        while bus.outbox_size and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        assert bus.outbox_size == 0
        got = await bus.read("recorder", "c", ["input"], count=100, block_ms=100)
        assert [d.event.id for d in got] == [f"r-{i}" for i in range(35)]
        assert bus.stats.dropped == 0
    finally:
        await bus.close()
        await proxy.cut()


async def test_stopping_while_postgres_is_down_returns_promptly_and_keeps_the_events(
    redis_url: str, redis_prefix: str
) -> None:
    proxy = TcpProxy("127.0.0.1", 5432)
    await proxy.start()
    await proxy.cut()  # the database is down from the start
    bus = RedisBus(aioredis.from_url(redis_url), Keys(redis_prefix, "chan"))
    engine = make_engine(f"postgresql+asyncpg://postgres@127.0.0.1:{proxy.port}/test")
    recorder = Recorder(bus, make_sessionmaker(engine), consumer="r1", block_ms=50, retry_max_s=30.0)
    pause, long_pause = recorder._pause, asyncio.Event()

    async def an_hour_from_the_third_failure(seconds: float) -> None:
        if recorder.stats.db_failures >= 3:
            long_pause.set()
            seconds = 3600.0
        await pause(seconds)

    recorder._pause = an_hour_from_the_third_failure  # type: ignore[method-assign]
    task = asyncio.create_task(recorder.run())
    try:
        await bus.publish_many(chats("s", 20))
        await asyncio.wait_for(long_pause.wait(), 15)  # retried with back-off, now pausing for an hour
        recorder.stop()
        await asyncio.wait_for(task, 10)  # the stop cut the pause short: it would last an hour
        assert await bus.pending_count(recorder.group) == 20  # unacked: the next start re-reads them
        assert recorder.stats.stored == 0
    finally:
        task.cancel()
        await engine.dispose()
        await bus.close()
        await proxy.cut()
