"""Group-less watching (``tail``, ``recent``, ``latest_ids``): the same on both buses."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis

from engines.events import ChatMessage, Interrupt, ReplySentence, Viewer
from streamer.bus import Bus, Keys, MemoryBus
from streamer.bus.redis_streams import RedisBus

ALICE = Viewer(id="1", login="alice", display_name="Alice")


def chat(text: str) -> ChatMessage:
    return ChatMessage(channel="chan", user=ALICE, text=text)


@pytest.fixture(params=["memory", "redis"])
async def bus(request: pytest.FixtureRequest, redis_prefix: str) -> AsyncIterator[Bus]:
    if request.param == "memory":
        b: Bus = MemoryBus(maxlen=1_000)
    else:
        client = aioredis.from_url(request.getfixturevalue("redis_url"), decode_responses=False)
        b = RedisBus(client, Keys(redis_prefix, "chan"), maxlen=1_000)
    yield b
    await b.close()


async def test_tail_from_latest_sees_only_new_entries_on_every_stream(bus: Bus) -> None:
    await bus.publish(chat("old"))
    start = await bus.latest_ids(["input", "control", "output"])
    assert start["control"] == "0-0" and start["input"] != "0-0"
    new = [
        chat("new"),
        Interrupt(channel="chan", by="mod"),
        ReplySentence(channel="chan", turn_id="t", index=0, text="Hi!"),
    ]
    await bus.publish_many(new)
    got = await bus.tail(start, count=100, block_ms=100)
    assert sorted(d.event.id for d in got) == sorted(e.id for e in new)
    assert {d.stream for d in got} == {"input", "control", "output"}


async def test_tail_leaves_no_pending_entries_and_two_watchers_both_see_everything(bus: Bus) -> None:
    start = await bus.latest_ids(["input"])
    sent = [chat(f"m{i}") for i in range(5)]
    await bus.publish_many(sent)
    first = await bus.tail(start, count=100, block_ms=100)
    second = await bus.tail(start, count=100, block_ms=100)
    assert [d.event for d in first] == sent == [d.event for d in second]
    assert await bus.pending_count("dashboard") == 0
    # a consumer group still gets every entry: watching took nothing away
    grouped = await bus.read("recorder", "c", ["input"], count=100, block_ms=100)
    assert [d.event for d in grouped] == sent


async def test_tail_resumes_after_the_last_seen_id_and_honours_count(bus: Bus) -> None:
    start = await bus.latest_ids(["input"])
    sent = [chat(f"m{i}") for i in range(7)]
    await bus.publish_many(sent)
    page = await bus.tail(start, count=3, block_ms=100)
    assert [d.event for d in page] == sent[:3]
    rest = await bus.tail({"input": page[-1].entry_id}, count=100, block_ms=100)
    assert [d.event for d in rest] == sent[3:]


async def test_tail_blocks_until_an_entry_arrives(bus: Bus) -> None:
    start = await bus.latest_ids(["control"])
    waiting = asyncio.create_task(bus.tail(start, count=10, block_ms=5_000))
    await asyncio.sleep(0.1)  # pacing: a tail that did not block would return [] meanwhile
    event = Interrupt(channel="chan", by="mod")
    await bus.publish(event)
    got = await waiting
    assert [d.event for d in got] == [event]


async def test_tail_times_out_empty(bus: Bus) -> None:
    start = await bus.latest_ids(["output"])
    assert await bus.tail(start, count=10, block_ms=50) == []


async def test_tail_and_recent_skip_bad_entries(bus: Bus) -> None:
    start = await bus.latest_ids(["input"])
    await bus.publish_raw("input", b"{not json")
    good = chat("fine")
    await bus.publish(good)
    got = await bus.tail(start, count=10, block_ms=100)
    assert [d.event for d in got] == [good]
    assert bus.stats.tail_skipped == 1
    assert [d.event for d in await bus.recent("input", 10)] == [good]
    assert bus.stats.tail_skipped == 2


async def test_recent_is_the_newest_entries_oldest_first(bus: Bus) -> None:
    sent = [chat(f"m{i}") for i in range(10)]
    await bus.publish_many(sent)
    assert [d.event for d in await bus.recent("input", 4)] == sent[-4:]
    assert await bus.recent("input", 0) == []
    assert await bus.recent("control", 5) == []


async def test_tail_advance_moves_past_an_invalid_entry_and_then_waits(bus: Bus) -> None:
    cursor = dict(await bus.latest_ids(["input"]))
    await bus.publish_raw("input", b"not json")
    assert await bus.tail_advance(cursor, count=10, block_ms=100) == []
    assert cursor["input"] != "0-0" and bus.stats.tail_skipped == 1
    waiting = asyncio.create_task(bus.tail_advance(cursor, count=10, block_ms=5_000))
    await asyncio.sleep(0.2)
    assert not waiting.done()  # blocks for new entries instead of reading the bad one again
    good = chat("after")
    await bus.publish(good)
    assert [d.event for d in await waiting] == [good]
    assert bus.stats.tail_skipped == 1
