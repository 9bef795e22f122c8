"""The monitor feed: one bus reader, batched frames fanned out to every monitor, history for
newcomers, and a slow monitor loses frames (with a 'skipped N' marker) without holding up the rest."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import MutableMapping

import pytest
from fastapi.testclient import TestClient

from dashboard_api.feed import FeedHub
from engines import events as ev
from streamer.bus import Delivery, MemoryBus
from streamer.bus.keys import StreamName
from tests.dashboard_api.conftest import MODERATOR
from tests.support.dashboard_env import Api

KIRI = ev.Viewer(id="7", login="kiri", display_name="Kiri")


def chat(text: str) -> ev.ChatMessage:
    return ev.ChatMessage(channel="chan", user=KIRI, text=text)


def events_of(frame: str) -> list[dict[str, object]]:
    data = json.loads(frame)
    assert data["t"] in ("history", "events")
    return [item["e"] for item in data["events"]]


async def next_frame(queue: asyncio.Queue[str], timeout: float = 3.0) -> str:
    return await asyncio.wait_for(queue.get(), timeout)


async def test_a_new_monitor_gets_the_history_then_live_batches() -> None:
    bus = MemoryBus()
    old = [chat(f"old {i}") for i in range(5)]
    await bus.publish_many(old)
    await bus.publish(ev.Interrupt(channel="chan", by="mod_mia"))
    hub = FeedHub(bus, history=4, batch_ms=20)
    await hub.start()
    try:
        client = hub.connect()
        history = json.loads(await next_frame(client.queue))
        assert history["t"] == "history"
        # the newest 4 across streams, oldest first, each tagged with its stream and entry id
        assert [i["e"]["type"] for i in history["events"]] == ["chat.message"] * 3 + ["control.interrupt"]
        assert [i["s"] for i in history["events"]] == ["input"] * 3 + ["control"]
        live = [chat("new 1"), ev.ReplySentence(channel="chan", turn_id="t1", index=0, text="Hello!")]
        await bus.publish_many(live)
        got: list[dict[str, object]] = []
        while len(got) < 2:
            got += events_of(await next_frame(client.queue))
        assert [e["id"] for e in got] == [e.id for e in live]
        assert got[1]["text"] == "Hello!"
    finally:
        await hub.stop()


async def test_a_burst_goes_out_in_few_frames_and_every_monitor_gets_every_event() -> None:
    bus = MemoryBus()
    hub = FeedHub(bus, history=0, batch_ms=50, queue_frames=1_000)
    await hub.start()
    try:
        clients = [hub.connect() for _ in range(5)]
        for c in clients:
            await next_frame(c.queue)  # empty history
        sent = [chat(f"raid {i}") for i in range(2_000)]
        for i in range(0, len(sent), 100):
            await bus.publish_many(sent[i : i + 100])
        for c in clients:
            ids: list[object] = []
            frames = 0
            while len(ids) < len(sent):
                ids += [e["id"] for e in events_of(await next_frame(c.queue))]
                frames += 1
            assert ids == [e.id for e in sent]
            assert frames < 100  # batched: far fewer frames than events
            assert c.dropped == 0
        assert hub.stats.dropped == 0
    finally:
        await hub.stop()


async def test_a_slow_monitor_loses_frames_with_a_marker_and_does_not_hold_up_others() -> None:
    bus = MemoryBus()
    hub = FeedHub(bus, history=0, batch_ms=5, queue_frames=3)
    await hub.start()
    try:
        slow = hub.connect()
        fast = hub.connect()
        await next_frame(slow.queue)
        await next_frame(fast.queue)
        fast_ids: list[object] = []
        sent = []
        for i in range(20):  # 20 separate frames; the slow monitor reads nothing meanwhile
            e = chat(f"m{i}")
            sent.append(e)
            await bus.publish(e)
            fast_ids += [x["id"] for x in events_of(await next_frame(fast.queue))]
            while len(fast_ids) < i + 1:
                fast_ids += [x["id"] for x in events_of(await next_frame(fast.queue))]
        assert fast_ids == [e.id for e in sent] and fast.dropped == 0
        assert slow.dropped > 0 and hub.stats.dropped == slow.dropped
        got = [json.loads(slow.queue.get_nowait()) for _ in range(slow.queue.qsize())]
        assert all(f["t"] == "events" for f in got)  # it kept the frames that fitted
        last = chat("after the jam")
        await bus.publish(last)
        marker = json.loads(await next_frame(slow.queue))
        assert marker == {"t": "skipped", "n": slow.dropped}
        assert [e["id"] for e in events_of(await next_frame(slow.queue))] == [last.id]
        kept = sum(len(f["events"]) for f in got)
        assert kept + slow.dropped == len(sent)  # every event is either delivered or counted
    finally:
        await hub.stop()


async def test_listeners_see_typed_events_and_a_failing_listener_is_contained() -> None:
    bus = MemoryBus()
    hub = FeedHub(bus, history=0, batch_ms=5)
    await hub.start()
    seen: list[Delivery] = []

    def broken(_d: Delivery) -> None:
        raise RuntimeError("boom")

    everything: list[Delivery] = []
    hub.listen(broken)
    hub.listen(seen.append)
    hub.listen(everything.append)  # stays: it sees the sentinel below
    try:
        e = ev.PersonaApplied(channel="chan", persona="hiyori", version=3)
        await bus.publish(e)
        async with asyncio.timeout(3):
            while not seen:
                await asyncio.sleep(0.01)
        assert [d.event for d in seen] == [e]
        hub.unlisten(seen.append)
        sentinel = chat("sentinel")
        await bus.publish_many([chat("later"), sentinel])
        async with asyncio.timeout(3):  # a guard against a hang, not a bound
            while not any(d.event == sentinel for d in everything):
                await asyncio.sleep(0.01)
        assert len(seen) == 1  # "later" went out before the sentinel, to everyone still listening
    finally:
        await hub.stop()


def test_a_chat_message_on_the_redis_bus_reaches_a_connected_monitor(client: TestClient) -> None:
    mod = Api(client, MODERATOR)
    message = chat("Hiyori, what game is this?")
    with client.websocket_connect("/api/feed") as ws:
        assert ws.receive_json()["t"] == "history"
        mod.run(client.app.state.dash.bus.publish(message))  # type: ignore[attr-defined]
        frame = ws.receive_json()
    assert frame["t"] == "events"
    item = frame["events"][0]
    assert item["s"] == "input" and item["e"]["id"] == message.id and item["e"]["text"] == message.text
    # a reconnecting monitor gets it in its history
    with client.websocket_connect("/api/feed") as ws:
        history = ws.receive_json()
    assert message.id in [i["e"]["id"] for i in history["events"]]


async def test_an_invalid_entry_is_read_once_and_the_feed_goes_on() -> None:
    bus = MemoryBus()
    await bus.publish(chat("before"))
    hub = FeedHub(bus, history=4, batch_ms=20)
    await hub.start()
    try:
        client = hub.connect()
        assert json.loads(await next_frame(client.queue))["t"] == "history"
        await bus.publish_raw("input", b"not json")
        await asyncio.sleep(0.3)  # a feed that re-read the bad entry would spin here
        await bus.publish(chat("after"))
        got = events_of(await next_frame(client.queue))
        assert [e["text"] for e in got] == ["after"]
        assert bus.stats.tail_skipped == 1
    finally:
        await hub.stop()


async def test_heartbeats_are_never_in_the_feed_and_do_not_crowd_out_the_history() -> None:
    bus = MemoryBus()
    said = [ev.ReplySentence(channel="chan", turn_id="t1", index=i, text=f"line {i}") for i in range(5)]
    await bus.publish_many(said)

    def beat() -> ev.BotHeartbeat:
        return ev.BotHeartbeat(channel="chan", every_s=2, started_at=ev.utcnow())

    await bus.publish_many([beat() for _ in range(20)])  # a quiet stream: 40 s of beats since
    hub = FeedHub(bus, history=4, batch_ms=20)
    heard: list[str] = []
    hub.listen(lambda d: heard.append(d.event.type))
    await hub.start()
    try:
        client = hub.connect()
        history = json.loads(await next_frame(client.queue))
        assert [i["e"]["text"] for i in history["events"]] == ["line 1", "line 2", "line 3", "line 4"]
        await bus.publish_many([beat(), chat("live one")])
        got = events_of(await next_frame(client.queue))
        assert [e["type"] for e in got] == ["chat.message"]  # the beat went to listeners only
        assert "status.heartbeat" in heard
    finally:
        await hub.stop()


class DeafBus(MemoryBus):
    """A bus whose tail does not end on a cancel until released (a client that lost it)."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()
        self.tailing = asyncio.Event()

    async def tail_advance(
        self, cursor: MutableMapping[StreamName, str], *, count: int, block_ms: int
    ) -> list[Delivery]:
        self.tailing.set()
        while not self.release.is_set():
            with contextlib.suppress(asyncio.CancelledError):
                await self.release.wait()
        raise asyncio.CancelledError


async def test_stopping_does_not_wait_for_ever_on_a_reader_that_ignores_its_cancel(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bus = DeafBus()
    hub = FeedHub(bus, history=0, batch_ms=5)
    await hub.start()
    await asyncio.wait_for(bus.tailing.wait(), 3)
    reader = next(t for t in asyncio.all_tasks() if t.get_name() == "feed-read")
    try:
        await asyncio.wait_for(hub.stop(wait_s=0.2), 3)
        assert not reader.done()  # left behind, and said so
        assert "feed-read did not stop within 0.2 s" in caplog.text
    finally:
        bus.release.set()
        await asyncio.wait({reader}, timeout=3)
    assert reader.cancelled()
