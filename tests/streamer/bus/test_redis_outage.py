"""Redis gone or hung: every bus call fails as BusError (the one error consumers handle),
quickly, and publishing never waits on it: events go to the local outbox."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from engines.events import ChatMessage, Viewer
from streamer.bus import Keys
from streamer.bus.base import BusError, DeadLetter
from streamer.bus.redis_streams import RedisBus

ALICE = Viewer(id="1", login="alice", display_name="Alice")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
async def silent_redis() -> AsyncIterator[int]:
    """A server that accepts connections and reads, but never answers (a frozen Redis)."""

    async def swallow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while await reader.read(65536):
                pass
        finally:
            writer.close()

    server = await asyncio.start_server(swallow, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()


CALLS = {
    "read": lambda b: b.read("g", "c", ["input"], count=10, block_ms=50),
    "read_pending": lambda b: b.read_pending("g", "c", ["input"], count=10),
    "claim_stale": lambda b: b.claim_stale("g", "c", ["input"], min_idle_ms=10, count=10),
    "ack": lambda b: b._ack("g", {"input": ["1-0"]}),
    "tail": lambda b: b.tail({"input": "0-0"}, count=10, block_ms=50),
    "latest_ids": lambda b: b.latest_ids(["input"]),
    "recent": lambda b: b.recent("input", 10),
    "length": lambda b: b.length("input"),
    "pending_count": lambda b: b.pending_count("g"),
    "dead_letters": lambda b: b.dead_letters(),
    "store_dead_letter": lambda b: b._store_dead_letter(
        DeadLetter("input", "1-0", "g", "bad_json", "x", b"{")
    ),
}


@pytest.mark.parametrize("call", sorted(CALLS))
async def test_every_call_fails_as_bus_error_when_redis_is_down(call: str) -> None:
    bus = RedisBus.from_url(f"redis://127.0.0.1:{closed_port()}/0", Keys("outage", "chan"))
    try:
        with pytest.raises(BusError, match="unreachable"):
            await CALLS[call](bus)
    finally:
        await bus.close()


async def test_a_hung_redis_fails_reads_after_the_socket_timeout(silent_redis: int) -> None:
    bus = RedisBus.from_url(
        f"redis://127.0.0.1:{silent_redis}/0", Keys("outage", "chan"), socket_timeout_s=0.5
    )
    try:
        with pytest.raises(BusError, match="unreachable") as info:
            await bus.read("g", "c", ["input"], count=10, block_ms=50)
        # the silent server never answers: only the socket timeout can have ended the read
        assert isinstance(info.value.__cause__, RedisTimeoutError)
    finally:
        await bus.close()  # closes the sockets (a dropped pool would leave them to the GC)


async def test_publishing_to_a_hung_redis_buffers_instead_of_waiting(silent_redis: int) -> None:
    # a socket timeout far beyond the test's own: only the publish timeout can end the publish
    bus = RedisBus.from_url(
        f"redis://127.0.0.1:{silent_redis}/0", Keys("outage", "chan"), socket_timeout_s=3600
    )
    try:
        ids = await bus.publish_many([ChatMessage(channel="chan", user=ALICE, text="hi")])
        assert ids == [None] and bus.outbox_size == 1
        # while the outbox holds anything, later events queue behind it at once: the publish
        # completes without suspending even once (no Redis round trip to wait for)
        publish = bus.publish_many([ChatMessage(channel="chan", user=ALICE, text="again")])
        with pytest.raises(StopIteration) as done:
            publish.send(None)
        assert done.value.value == [None] and bus.outbox_size == 2
    finally:
        if bus._flusher is not None:
            bus._flusher.cancel()
        await bus.close()


async def test_a_cancel_the_client_turns_into_an_error_stays_a_cancel(
    redis_url: str, redis_prefix: str
) -> None:
    """A read cancelled while blocked, whose client answers the cancel with a connection error
    (a socket closed under the read), ends as a cancel: a BusError would send a retrying reader
    round again, and whoever waited for it to stop would wait for ever."""
    bus = RedisBus.from_url(redis_url, Keys(redis_prefix, "chan"))
    real_xread = bus.client.xread
    blocked = asyncio.Event()

    async def cancel_becomes_error(*args: object, **kwargs: object) -> object:
        blocked.set()
        try:
            return await real_xread(*args, **kwargs)  # type: ignore[arg-type]
        except asyncio.CancelledError:
            raise RedisConnectionError("Connection closed by server.") from None

    bus.client.xread = cancel_becomes_error  # type: ignore[method-assign]
    reads = 0

    async def reader() -> None:  # retries on BusError, as the monitor feed does
        nonlocal reads
        while reads < 20:  # bounded, so that a lost cancel fails this test instead of hanging it
            reads += 1
            try:
                await bus.tail_advance({"input": "$"}, count=10, block_ms=5_000)
            except BusError:
                await asyncio.sleep(0)

    task = asyncio.create_task(reader())
    try:
        await asyncio.wait_for(blocked.wait(), 5)
        task.cancel()
        done, _ = await asyncio.wait({task}, timeout=3)
        assert done, "the reader went on after its cancel"
        assert task.cancelled() and reads == 1
    finally:
        task.cancel()
        await bus.close()
