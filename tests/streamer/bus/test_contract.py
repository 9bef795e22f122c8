"""One contract, two buses: the in-process bus and Redis Streams must behave the same."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis

from engines.events import ChatMessage, Interrupt, ReplySentence, Viewer, encode
from streamer.bus import Bus, Keys, MemoryBus
from streamer.bus.redis_streams import RedisBus

ALICE = Viewer(id="1", login="alice", display_name="Alice")


def chat(text: str, **kw: object) -> ChatMessage:
    return ChatMessage(channel="chan", user=ALICE, text=text, **kw)  # type: ignore[arg-type]


@pytest.fixture(params=["memory", "redis"])
async def bus(request: pytest.FixtureRequest, redis_prefix: str) -> AsyncIterator[Bus]:
    if request.param == "memory":
        b: Bus = MemoryBus(maxlen=1_000, max_deliveries=3)
    else:
        client = aioredis.from_url(request.getfixturevalue("redis_url"), decode_responses=False)
        b = RedisBus(client, Keys(redis_prefix, "chan"), maxlen=1_000, max_deliveries=3)
    yield b
    await b.close()


async def test_publish_read_ack_roundtrip(bus: Bus) -> None:
    sent = [chat(f"hello {i}") for i in range(5)]
    ids = await bus.publish_many(sent)
    assert all(ids) and len(set(ids)) == 5
    got = await bus.read("recorder", "c1", ["input"], count=10, block_ms=100)
    assert [d.event for d in got] == sent
    assert [d.entry_id for d in got] == ids
    assert await bus.pending_count("recorder") == 5
    await bus.ack("recorder", got)
    assert await bus.pending_count("recorder") == 0
    assert await bus.read("recorder", "c1", ["input"], count=10, block_ms=50) == []


async def test_events_go_to_their_own_streams(bus: Bus) -> None:
    await bus.publish(chat("hi"))
    await bus.publish(Interrupt(channel="chan", by="mod"))
    await bus.publish(ReplySentence(channel="chan", turn_id="t", index=0, text="Hello!"))
    control = await bus.read("brain", "c1", ["control"], count=10, block_ms=50)
    assert [d.event.type for d in control] == ["control.interrupt"]
    assert [d.stream for d in control] == ["control"]
    assert await bus.length("input") == 1 and await bus.length("output") == 1
    everything = await bus.read("recorder", "c1", ["input", "control", "output"], count=10, block_ms=50)
    assert sorted(d.event.type for d in everything) == ["chat.message", "control.interrupt", "reply.sentence"]


async def test_groups_are_independent(bus: Bus) -> None:
    await bus.publish(chat("one"))
    a = await bus.read("recorder", "c1", ["input"], count=10, block_ms=50)
    b = await bus.read("brain", "c1", ["input"], count=10, block_ms=50)
    assert len(a) == len(b) == 1
    await bus.ack("recorder", a)
    assert await bus.pending_count("brain") == 1


async def test_consumers_in_a_group_share_the_work(bus: Bus) -> None:
    await bus.publish_many([chat(str(i)) for i in range(6)])
    first = await bus.read("recorder", "c1", ["input"], count=4, block_ms=50)
    second = await bus.read("recorder", "c2", ["input"], count=4, block_ms=50)
    assert len(first) == 4 and len(second) == 2
    assert {d.entry_id for d in first}.isdisjoint(d.entry_id for d in second)


async def test_restarted_consumer_rereads_its_pending_entries(bus: Bus) -> None:
    await bus.publish_many([chat("a"), chat("b")])
    got = await bus.read("recorder", "c1", ["input"], count=10, block_ms=50)
    assert len(got) == 2
    # "crash" before acking: the same consumer name finds them again
    again = await bus.read_pending("recorder", "c1", ["input"], count=10)
    assert [d.entry_id for d in again] == [d.entry_id for d in got]
    assert await bus.read_pending("recorder", "other", ["input"], count=10) == []


async def test_claim_stale_takes_over_a_dead_consumers_entries(bus: Bus) -> None:
    await bus.publish_many([chat("x"), chat("y")])
    await bus.read("recorder", "dead", ["input"], count=10, block_ms=50)
    assert await bus.claim_stale("recorder", "alive", ["input"], min_idle_ms=60_000, count=10) == []
    await asyncio.sleep(0.06)
    claimed = await bus.claim_stale("recorder", "alive", ["input"], min_idle_ms=50, count=10)
    assert [d.event.text for d in claimed] == ["x", "y"]  # type: ignore[attr-defined]
    assert await bus.read_pending("recorder", "dead", ["input"], count=10) == []
    await bus.ack("recorder", claimed)
    assert await bus.pending_count("recorder") == 0


async def test_poison_entry_is_dead_lettered_after_max_deliveries(bus: Bus) -> None:
    await bus.publish(chat("poison"))
    await bus.read("recorder", "c1", ["input"], count=1, block_ms=50)  # delivery 1
    for _ in range(3):  # deliveries 2, 3, 4 (> max 3)
        got = await bus.read_pending("recorder", "c1", ["input"], count=1)
    assert got == []
    letters = await bus.dead_letters()
    assert [(dl.kind, dl.stream) for dl in letters] == [("poison", "input")]
    assert await bus.pending_count("recorder") == 0


async def test_streams_are_bounded(bus: Bus) -> None:
    for start in range(0, 3_000, 500):
        await bus.publish_many([chat(str(i)) for i in range(start, start + 500)])
    length = await bus.length("input")
    assert 1_000 <= length < 1_500  # approximate MAXLEN ~ 1000


async def test_blocking_read_wakes_on_publish(bus: Bus) -> None:
    async def later() -> None:
        await asyncio.sleep(0.05)
        await bus.publish(chat("late"))

    task = asyncio.create_task(later())
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    got = await bus.read("recorder", "c1", ["input"], count=10, block_ms=2_000)
    assert [d.event.text for d in got] == ["late"]  # type: ignore[attr-defined]
    assert loop.time() - t0 < 1.0
    await task


async def test_blocking_read_on_several_streams_wakes_on_either(bus: Bus) -> None:
    async def later() -> None:
        await asyncio.sleep(0.05)
        await bus.publish(ReplySentence(channel="chan", turn_id="t", index=0, text="Hi!"))  # not read
        await asyncio.sleep(0.05)
        await bus.publish(Interrupt(channel="chan", by="mod"))

    task = asyncio.create_task(later())
    got = await bus.read("brain", "c1", ["input", "control"], count=10, block_ms=2_000)
    assert [d.event.type for d in got] == ["control.interrupt"]
    await task


async def test_a_reader_stays_blocked_while_other_streams_get_entries() -> None:
    """The in-process bus wakes only the readers of the stream that got an entry: a busy
    output stream must not spin the brain's input reader (each spurious wake costs a
    turn ~0.1 ms of loop time)."""
    bus = MemoryBus()
    wakes = 0
    take_new = bus._take_new

    def counting(*args: object, **kw: object) -> object:
        nonlocal wakes
        wakes += 1
        return take_new(*args, **kw)  # type: ignore[arg-type]

    bus._take_new = counting  # type: ignore[method-assign]
    reader = asyncio.create_task(bus.read("brain", "c1", ["input"], count=10, block_ms=2_000))
    await asyncio.sleep(0.01)
    for i in range(20):
        await bus.publish(ReplySentence(channel="chan", turn_id="t", index=i, text="Hi!"))
        await asyncio.sleep(0)
    assert wakes == 1 and not reader.done()
    await bus.publish(chat("now"))
    got = await asyncio.wait_for(reader, 1)
    assert [d.event.text for d in got] == ["now"]  # type: ignore[attr-defined]
    assert wakes == 2


BAD_ENTRIES = {
    "bad_json": b'{"type": "chat.message", "channel": ',
    "unknown_type": b'{"type": "chat.telepathy", "channel": "chan"}',
    "newer_schema": encode(chat("from the future")).replace(b'"v":1', b'"v":7'),
    "too_large": b'{"type":"chat.message","text":"' + b"a" * 100_000 + b'"}',
    "bad_utf8": b'{"type":"chat.message","text":"\xff\xfe"}',
    "invalid": encode(chat("nul")).replace(b'"nul"', b'"n\\u0000ul"'),
    "not_object": b"[1, 2, 3]",
}


@pytest.mark.parametrize("kind", sorted(BAD_ENTRIES))
async def test_bad_entries_are_logged_counted_and_dead_lettered(
    bus: Bus, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    await bus.publish(chat("before"))
    await bus.publish_raw("input", BAD_ENTRIES[kind])
    await bus.publish(chat("after"))
    with caplog.at_level(logging.WARNING, logger="streamer.bus"):
        got = await bus.read("recorder", "c1", ["input"], count=10, block_ms=50)
    assert [d.event.text for d in got] == ["before", "after"]  # type: ignore[attr-defined]
    assert bus.stats.dead_lettered[kind] == 1
    letters = await bus.dead_letters()
    assert len(letters) == 1 and letters[0].kind == kind and letters[0].group == "recorder"
    assert letters[0].raw == BAD_ENTRIES[kind][:4096]
    assert any("dead-lettered" in r.message and kind in r.message for r in caplog.records)
    # the bad entry is acked; only the two good ones wait for the consumer
    assert await bus.pending_count("recorder") == 2


async def test_missing_required_field_is_dead_lettered(bus: Bus) -> None:
    await bus.publish_raw("input", b'{"type":"chat.message","channel":"chan","user":{"id":"1"}}')
    assert await bus.read("recorder", "c1", ["input"], count=10, block_ms=50) == []
    [letter] = await bus.dead_letters()
    assert letter.kind == "invalid"
    assert "user.login" in letter.reason and "text" in letter.reason
