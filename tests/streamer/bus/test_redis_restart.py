"""A Redis restart (append-only on, a redis-server of the test's own): connections from before
it are dropped, and nothing waits out a back-off once Redis answers again."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest

from engines.events import ChatMessage, Viewer
from streamer.bus import Backoff, Delivery, Keys
from streamer.bus.redis_streams import RedisBus
from tests.support.servers import OwnRedis

ALICE = Viewer(id="1", login="alice", display_name="Alice")


def chat(text: str) -> ChatMessage:
    return ChatMessage(channel="chan", user=ALICE, text=text)


@pytest.fixture
def own_redis() -> Iterator[OwnRedis]:
    server = OwnRedis(appendonly=True)
    try:
        server.start()
        yield server
    finally:
        server.close()


async def test_no_call_fails_on_a_connection_from_before_the_restart(own_redis: OwnRedis) -> None:
    bus = RedisBus.from_url(own_redis.url, Keys("r", "chan"))
    try:
        await bus.publish(chat("before"))
        # several pooled connections, all idle once these return
        reads = await asyncio.gather(
            *(bus.read("g", f"c{i}", ["input"], count=10, block_ms=20) for i in range(4))
        )
        await bus.ack("g", [d for read in reads for d in read])
        await asyncio.to_thread(own_redis.stop)
        await asyncio.to_thread(own_redis.start)  # the bus made no call meanwhile: it saw no outage
        assert await bus.publish(chat("after")) is not None  # reached Redis, not the outbox
        got = await bus.read("g", "c0", ["input"], count=10, block_ms=20)
        assert [d.event.text for d in got if isinstance(d.event, ChatMessage)] == ["after"]
        await bus.ack("g", got)
        assert await bus.pending_count("g") == 0  # the append-only file kept the group's state
    finally:
        await bus.close()


@pytest.mark.slow
async def test_the_outbox_drains_and_consumers_read_as_soon_as_redis_answers_again(
    own_redis: OwnRedis,
) -> None:
    bus = RedisBus.from_url(own_redis.url, Keys("r", "chan"))
    stop = asyncio.Event()
    heard: list[Delivery] = []
    new_entry = asyncio.Event()

    async def handle(batch: list[Delivery]) -> None:
        heard.extend(batch)
        new_entry.set()

    # the brain's back-off, capped well above the bound checked below
    consumer = asyncio.create_task(
        bus.consume("g", "brain", ["input"], handle, stop=stop, block_ms=100, backoff=Backoff(max_s=5.0))
    )
    try:
        await bus.publish(chat("before"))
        await asyncio.wait_for(new_entry.wait(), 10)
        await asyncio.to_thread(own_redis.stop)
        await bus.publish_many([chat(f"during {i}") for i in range(3)])
        assert bus.outbox_size == 3
        # down long enough for a doubling back-off to reach its 5 s cap
        await asyncio.sleep(7.0)
        new_entry.clear()
        await asyncio.to_thread(own_redis.start)
        back = time.monotonic()
        while bus.outbox_size:
            await asyncio.sleep(0.01)
            assert time.monotonic() - back < 2.5, "the outbox waited out its back-off"

        def texts() -> list[str]:
            return [d.event.text for d in heard if isinstance(d.event, ChatMessage)]

        # the consumer did not wait out its own back-off either; it may read the drained entries
        # over more than one call (it read "during 0" alone once, in CI)
        while len(texts()) < 4:
            new_entry.clear()
            await asyncio.wait_for(new_entry.wait(), max(0.01, 2.5 - (time.monotonic() - back)))
        assert texts() == ["before", "during 0", "during 1", "during 2"]
    finally:
        stop.set()
        await consumer
        await bus.close()
