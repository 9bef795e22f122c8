"""One contract, two buses: the in-process bus and Redis Streams must behave the same,
including :meth:`Bus.consume`, the read loop every consumer uses."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest
import redis.asyncio as aioredis

from engines.events import ChatMessage, Interrupt, ReplySentence, Viewer, encode
from streamer.bus import Backoff, Bus, BusError, Delivery, Keys, MemoryBus, StaleClaim
from streamer.bus.keys import GROUP_BRAIN, consumer_name
from streamer.bus.redis_streams import RedisBus
from tests.support.tcp_proxy import TcpProxy

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
    got = await bus.read("recorder", "c1", ["input"], count=10, block_ms=2_000)
    # a read that did not wake would have returned nothing when its block ran out
    assert [d.event.text for d in got] == ["late"]  # type: ignore[attr-defined]
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
    while wakes == 0:  # the reader looked once, found nothing and now waits
        await asyncio.sleep(0)
    for i in range(20):
        await bus.publish(ReplySentence(channel="chan", turn_id="t", index=i, text="Hi!"))
        await asyncio.sleep(0)  # a woken reader would look again here
    await bus.publish(chat("now"))  # the sentinel: the first entry this reader wants
    got = await reader
    assert [d.event.text for d in got] == ["now"]  # type: ignore[attr-defined]
    assert wakes == 2  # once at the start, once for "now": the 20 other entries never woke it


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


# ---------------------------------------------------------------- consume(): the one read loop

FAST = Backoff(first_s=0.001, max_s=0.004)


class Handled:
    """A handler that keeps what it was given and sets ``done`` once ``want`` entries passed."""

    def __init__(self, want: int, *, fail_on: str | None = None) -> None:
        self.want = want
        self.fail_on = fail_on
        self.calls: list[list[str]] = []
        self.ok: list[str] = []
        self.done = asyncio.Event()

    async def __call__(self, batch: list[Delivery]) -> None:
        texts = [d.event.text for d in batch]  # type: ignore[attr-defined]
        self.calls.append(texts)
        if self.fail_on in texts:
            raise RuntimeError(f"cannot handle {self.fail_on}")
        self.ok.extend(texts)
        if len(self.ok) >= self.want:
            self.done.set()


async def consuming(bus: Bus, handler: Handled, stop: asyncio.Event, **kw: Any) -> None:
    """Run consume until the handler is done, then stop it and wait for it to return."""
    task = asyncio.create_task(
        bus.consume("brain", "c1", ["input"], handler, stop=stop, block_ms=kw.pop("block_ms", 50), **kw)
    )
    try:
        await asyncio.wait_for(handler.done.wait(), 10)
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)


async def test_consume_acks_a_batch_only_after_its_handler_returned(bus: Bus) -> None:
    await bus.publish_many([chat("a"), chat("b")])
    unacked_while_handling: list[int] = []

    class Checking(Handled):
        async def __call__(self, batch: list[Delivery]) -> None:
            unacked_while_handling.append(await bus.pending_count("brain"))
            await super().__call__(batch)

    handler = Checking(2)
    await consuming(bus, handler, asyncio.Event())
    assert handler.calls == [["a", "b"]]
    assert unacked_while_handling == [2]
    assert await bus.pending_count("brain") == 0


async def test_consume_replays_its_own_pending_entries_first(bus: Bus) -> None:
    await bus.publish_many([chat("old 1"), chat("old 2")])
    await bus.read("brain", "c1", ["input"], count=10, block_ms=50)  # read before a crash, never acked
    await bus.read_pending("brain", "c1", ["input"], count=10)  # delivered twice now
    await bus.publish(chat("new"))
    handler = Handled(3)
    await consuming(bus, handler, asyncio.Event())
    assert handler.calls == [["old 1", "old 2"], ["new"]]
    assert await bus.pending_count("brain") == 0


async def test_a_restarted_consumer_with_its_default_name_takes_back_what_it_had_not_acked(bus: Bus) -> None:
    """The brain "crashes" mid-batch; a new instance (a new process: same default name) gets the
    entries back before anything new."""
    await bus.publish_many([chat("a"), chat("b")])
    name = consumer_name(GROUP_BRAIN, "chan")
    started = asyncio.Event()

    async def stuck(batch: list[Delivery]) -> None:
        started.set()
        await asyncio.Event().wait()  # never returns: the process dies here

    crashed = asyncio.create_task(bus.consume(GROUP_BRAIN, name, ["input"], stuck, stop=asyncio.Event()))
    await asyncio.wait_for(started.wait(), 10)
    crashed.cancel()
    await asyncio.gather(crashed, return_exceptions=True)
    assert await bus.pending_count(GROUP_BRAIN) == 2
    await bus.publish(chat("c"))

    handler = Handled(3)
    stop = asyncio.Event()
    task = asyncio.create_task(
        bus.consume(
            GROUP_BRAIN, consumer_name(GROUP_BRAIN, "chan"), ["input"], handler, stop=stop, block_ms=50
        )
    )
    await asyncio.wait_for(handler.done.wait(), 10)
    stop.set()
    await asyncio.wait_for(task, 10)
    assert handler.calls == [["a", "b"], ["c"]]
    assert await bus.pending_count(GROUP_BRAIN) == 0


async def test_a_batch_whose_handler_raised_stays_pending_and_comes_again(
    bus: Bus, caplog: pytest.LogCaptureFixture
) -> None:
    await bus.publish_many([chat("a"), chat("b")])
    failures = 0

    class OnceBroken(Handled):
        async def __call__(self, batch: list[Delivery]) -> None:
            nonlocal failures
            if not failures:
                failures += 1
                assert await bus.pending_count("brain") == 2
                raise RuntimeError("a bug, once")
            await super().__call__(batch)

    handler = OnceBroken(2)
    with caplog.at_level(logging.ERROR, logger="streamer.bus.consume"):
        await consuming(bus, handler, asyncio.Event(), backoff=FAST)
    assert handler.ok == ["a", "b"]  # replayed one at a time after the failure
    assert await bus.pending_count("brain") == 0
    assert await bus.dead_letters() == []
    assert [r.getMessage().split(";")[0] for r in caplog.records if r.name == "streamer.bus.consume"] == [
        "bus consumer brain/c1: handling 2 entries failed"
    ]


async def test_an_entry_that_keeps_failing_is_dead_lettered_alone(bus: Bus) -> None:
    await bus.publish_many([chat("good 1"), chat("poison"), chat("good 2")])
    handler = Handled(2, fail_on="poison")
    await consuming(bus, handler, asyncio.Event(), backoff=FAST)
    assert handler.ok == ["good 1", "good 2"]
    assert handler.calls[0] == ["good 1", "poison", "good 2"]
    assert [(dl.kind, dl.group) for dl in await bus.dead_letters()] == [("poison", "brain")]
    assert await bus.pending_count("brain") == 0


async def test_consume_claims_what_a_dead_consumer_left(bus: Bus) -> None:
    await bus.publish_many([chat("x"), chat("y")])
    await bus.read("brain", "dead", ["input"], count=10, block_ms=50)
    handler = Handled(2)
    await consuming(bus, handler, asyncio.Event(), claim=StaleClaim(min_idle_ms=0, every_s=0))
    assert handler.ok == ["x", "y"]
    assert await bus.pending_count("brain") == 0


async def test_stop_ends_a_blocked_read_and_leaves_nothing_pending(bus: Bus) -> None:
    stop = asyncio.Event()
    reading = asyncio.Event()
    original = bus.read

    async def read(*args: Any, **kw: Any) -> list[Delivery]:
        reading.set()
        return await original(*args, **kw)

    bus.read = read  # type: ignore[method-assign]
    handler = Handled(1)
    task = asyncio.create_task(bus.consume("brain", "c1", ["input"], handler, stop=stop, block_ms=600_000))
    await asyncio.wait_for(reading.wait(), 10)
    stop.set()
    await asyncio.wait_for(task, 10)  # the ten-minute read was cut short
    assert handler.calls == []
    assert await bus.pending_count("brain") == 0


async def test_batches_prefetch_the_next_read_while_the_caller_works(bus: Bus) -> None:
    await bus.publish_many([chat("1"), chat("2")])
    stop = asyncio.Event()
    async with bus.batches(
        "recorder", "c1", ["input"], stop=stop, count=1, block_ms=50, prefetch=True
    ) as batches:
        first = await anext(batches)
        # the second entry is taken while the first is still in hand
        while await bus.pending_count("recorder") < 2:
            await asyncio.sleep(0.01)
        assert await batches.ack(first)
        second = await anext(batches)
        assert [d.event.text for d in (*first, *second)] == ["1", "2"]  # type: ignore[attr-defined]
        assert await batches.ack(second)
        stop.set()
        assert [b async for b in batches] == []
    assert await bus.pending_count("recorder") == 0


@pytest.fixture(params=["memory", "redis"])
async def breakable(request: pytest.FixtureRequest, redis_prefix: str) -> AsyncIterator[Breakable]:
    """A bus whose backend can be made unreachable and brought back."""
    if request.param == "memory":
        mem = FlakyMemoryBus()
        yield Breakable(mem, mem.cut, mem.restore)
        await mem.close()
        return
    redis_url = request.getfixturevalue("redis_url")
    host, port = redis_url.split("//", 1)[1].split("/", 1)[0].rsplit(":", 1)
    proxy = TcpProxy(host, int(port))
    await proxy.start()
    client = aioredis.from_url(
        f"redis://127.0.0.1:{proxy.port}/{redis_url.rsplit('/', 1)[1]}",
        decode_responses=False,
        socket_connect_timeout=1,
        socket_timeout=1,
    )
    b = RedisBus(client, Keys(redis_prefix, "chan"))
    yield Breakable(b, proxy.cut, proxy.restore)
    await b.close()
    await proxy.cut()


class FlakyMemoryBus(MemoryBus):
    def __init__(self) -> None:
        super().__init__()
        self.down = False

    async def cut(self) -> None:
        self.down = True

    async def restore(self) -> None:
        self.down = False

    async def _read(self, *args: Any, **kw: Any) -> Any:
        if self.down:
            raise BusError("unreachable while reading: a test cut")
        return await super()._read(*args, **kw)

    async def _ack(self, *args: Any, **kw: Any) -> Any:
        if self.down:
            raise BusError("unreachable while acking: a test cut")
        return await super()._ack(*args, **kw)


@dataclass
class Breakable:
    bus: Bus
    cut: Callable[[], Awaitable[None]]
    restore: Callable[[], Awaitable[None]]


async def test_consume_backs_off_while_the_bus_is_down_logs_once_and_says_when_it_is_back(
    breakable: Breakable, caplog: pytest.LogCaptureFixture
) -> None:
    bus = breakable.bus
    failed_calls = 0
    several_failed = asyncio.Event()

    def counting(call: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def counted(*args: Any, **kw: Any) -> Any:
            nonlocal failed_calls
            try:
                return await call(*args, **kw)
            except BusError:
                failed_calls += 1
                if failed_calls >= 4:
                    several_failed.set()
                raise

        return counted

    bus.read, bus.ack = counting(bus.read), counting(bus.ack)  # type: ignore[method-assign,assignment]
    first, second = Handled(1), Handled(2)

    async def handler(batch: list[Delivery]) -> None:
        await (first if not first.done.is_set() else second)(batch)

    stop = asyncio.Event()
    with caplog.at_level(logging.DEBUG, logger="streamer.bus.consume"):
        task = asyncio.create_task(
            bus.consume("brain", "c1", ["input"], handler, stop=stop, block_ms=50, backoff=FAST)
        )
        await bus.publish(chat("before"))
        await asyncio.wait_for(first.done.wait(), 10)
        await breakable.cut()
        await asyncio.wait_for(several_failed.wait(), 30)
        await breakable.restore()
        await bus.publish_many([chat("after 1"), chat("after 2")])
        await asyncio.wait_for(second.done.wait(), 30)
        stop.set()
        await asyncio.wait_for(task, 10)
    assert first.ok + second.ok == ["before", "after 1", "after 2"]
    logged = [r for r in caplog.records if r.name == "streamer.bus.consume"]
    warnings = [r.getMessage() for r in logged if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "bus consumer brain/c1: the bus is unavailable" in warnings[0]
    back = [r.getMessage() for r in logged if r.levelno == logging.INFO]
    assert len(back) == 1 and back[0].startswith("bus consumer brain/c1: the bus is back after")
    assert await bus.pending_count("brain") == 0


async def test_stop_cuts_the_back_off_short(breakable: Breakable) -> None:
    await breakable.cut()
    failed = asyncio.Event()
    original = breakable.bus.read_pending

    async def read_pending(*args: Any, **kw: Any) -> list[Delivery]:
        try:
            return await original(*args, **kw)
        except BusError:
            failed.set()
            raise

    breakable.bus.read_pending = read_pending  # type: ignore[method-assign]
    stop = asyncio.Event()
    task = asyncio.create_task(
        breakable.bus.consume("brain", "c1", ["input"], Handled(1), stop=stop, backoff=Backoff(first_s=600))
    )
    await asyncio.wait_for(failed.wait(), 30)
    stop.set()
    await asyncio.wait_for(task, 10)  # not the ten-minute back-off
    await breakable.restore()


def test_backoff_doubles_up_to_its_cap() -> None:
    b = Backoff(first_s=0.25, max_s=5.0)
    assert [b.delay(n) for n in range(1, 8)] == [0.25, 0.5, 1.0, 2.0, 4.0, 5.0, 5.0]
    assert b.delay(10_000) == 5.0
