"""The recorder on both databases: batched, idempotent, projections filled, poison isolated."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from engines import events as ev
from streamer.bus import STREAMS, MemoryBus
from streamer.store import Recorder, make_engine, make_sessionmaker
from streamer.store.models import (
    EventRow,
    MetricRow,
    ModerationAction,
    ReplySentenceRow,
    SafetyDecision,
    Turn,
    Viewer,
)
from streamer.store.recorder import default_consumer_name

ALICE = ev.Viewer(id="11", login="alice", display_name="Alice")
BOB = ev.Viewer(id="22", login="bob", display_name="Bob")
T0 = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)


def at(s: float) -> datetime:
    return T0 + timedelta(seconds=s)


def a_stream() -> list[ev.EventBase]:
    ch = "chan"
    return [
        ev.ChatMessage(id="m1", channel=ch, ts=at(0), user=ALICE, text="hi Hiyori!", first_message=True),
        ev.ChatMessage(id="m2", channel=ch, ts=at(1), user=BOB, text="hello"),
        ev.ChatMessage(id="m3", channel=ch, ts=at(2), user=ALICE, text="how are you?"),
        ev.Follow(id="f1", channel=ch, ts=at(3), user=BOB),
        ev.Cheer(id="c1", channel=ch, ts=at(4), user=None, bits=100, text="anon cheer"),
        ev.Interrupt(id="i1", channel=ch, ts=at(5), by="mod_mia", reason="too long"),
        ev.ReplyStarted(id="r0", channel=ch, ts=at(6), turn_id="t1", trigger_ids=("m3",), reason="question"),
        ev.ReplySentence(
            id="r1", channel=ch, ts=at(7), turn_id="t1", index=0, text="I'm great!", emotion="happy"
        ),
        ev.ReplyBlocked(id="r2", channel=ch, ts=at(8), turn_id="t1", layer="blocklist", reason="banned word"),
        ev.ReplyFinished(
            id="r3", channel=ch, ts=at(9), turn_id="t1", text="I'm great!", sentences=1, latency_ms=210.0
        ),
        ev.Metric(id="x1", channel=ch, ts=at(10), name="ttfa_ms", value=180.5, labels={"model": "smollm2"}),
    ]


@pytest.fixture
async def sessions(db_url: str) -> AsyncIterator[object]:
    engine = make_engine(db_url)
    yield make_sessionmaker(engine)
    await engine.dispose()


async def count(sessions: object, model: object) -> int:
    async with sessions() as s:  # type: ignore[operator]
        return int((await s.execute(select(func.count()).select_from(model))).scalar_one())


async def run_until_idle(recorder: Recorder) -> None:
    task = asyncio.create_task(recorder.run())
    try:
        assert await recorder.wait_idle(10)
    finally:
        recorder.stop()
        await asyncio.wait_for(task, 5)


async def test_records_every_event_and_projects_them(sessions: object) -> None:
    bus = MemoryBus()
    await bus.publish_many(a_stream())
    recorder = Recorder(bus, sessions, consumer="r1", block_ms=20)  # type: ignore[arg-type]
    await run_until_idle(recorder)

    assert await count(sessions, EventRow) == 11
    assert recorder.stats.stored == 11
    assert await bus.pending_count("recorder") == 0
    async with sessions() as s:  # type: ignore[operator]
        viewers = {v.login: v for v in (await s.scalars(select(Viewer))).all()}
        assert viewers["alice"].messages == 2
        assert viewers["bob"].messages == 1  # the follow does not count as a message
        assert viewers["alice"].first_seen.replace(tzinfo=UTC) == at(0)
        turn = (await s.scalars(select(Turn))).one()
        assert (turn.status, turn.text, turn.latency_ms, turn.trigger_ids) == (
            "finished",
            "I'm great!",
            210.0,
            ["m3"],
        )
        sentence = (await s.scalars(select(ReplySentenceRow))).one()
        assert (sentence.text, sentence.emotion) == ("I'm great!", "happy")
        decision = (await s.scalars(select(SafetyDecision))).one()
        assert (decision.layer, decision.reason) == ("blocklist", "banned word")
        action = (await s.scalars(select(ModerationAction))).one()
        assert (action.actor, action.action, action.details["reason"]) == (
            "mod_mia",
            "control.interrupt",
            "too long",
        )
        metric = (await s.scalars(select(MetricRow))).one()
        assert (metric.name, metric.value, metric.labels) == ("ttfa_ms", 180.5, {"model": "smollm2"})
        chat = await s.get(EventRow, "m1")
        assert chat is not None
        assert ev.ChatMessage.model_validate(chat.payload) == a_stream()[0]


async def test_redelivered_events_are_stored_once(sessions: object) -> None:
    bus = MemoryBus()
    await bus.publish_many(a_stream())
    await bus.publish_many(a_stream())  # Twitch redelivery: same ids again
    recorder = Recorder(bus, sessions, consumer="r1", block_ms=20, batch_size=4)  # type: ignore[arg-type]
    await run_until_idle(recorder)
    assert await count(sessions, EventRow) == 11
    assert recorder.stats.stored == 11
    assert recorder.stats.duplicates == 11
    async with sessions() as s:  # type: ignore[operator]
        alice = (await s.scalars(select(Viewer).where(Viewer.login == "alice"))).one()
        assert alice.messages == 2  # projections are not double counted


async def test_a_row_the_database_rejects_is_isolated_and_dead_lettered(sessions: object) -> None:
    bus = MemoryBus()
    good = [ev.ChatMessage(channel="chan", user=ALICE, text=f"ok {i}") for i in range(5)]
    # passes event validation, but PostgreSQL refuses an index beyond int32; SQLite stores it
    poison = ev.ReplySentence(channel="chan", turn_id="t", index=2**40, text="x")
    await bus.publish_many([*good[:2], poison, *good[2:]])
    recorder = Recorder(bus, sessions, consumer="r1", block_ms=20)  # type: ignore[arg-type]
    await run_until_idle(recorder)
    stored = await count(sessions, EventRow)
    assert stored in (5, 6)
    if stored == 5:  # PostgreSQL: the bad row alone went to the dead-letter stream
        [letter] = await bus.dead_letters()
        assert letter.kind == "store_rejected"
        assert recorder.stats.rejected == 1
    assert await bus.pending_count("recorder") == 0


async def test_a_restarted_recorder_stores_first_what_it_had_read_before_it_died(sessions: object) -> None:
    """Its default name is the same on every restart, so no stale claim is needed (it is off here)."""
    bus = MemoryBus()
    await bus.publish_many(a_stream())
    taken = await bus.read("recorder", default_consumer_name(), STREAMS, count=100, block_ms=0)
    assert len(taken) == 11  # read, then the process died before its commit
    recorder = Recorder(bus, sessions, block_ms=20, claim_every_s=3_600)  # type: ignore[arg-type]
    await run_until_idle(recorder)
    assert await count(sessions, EventRow) == 11
    assert recorder.stats.stored == 11
    assert await bus.pending_count("recorder") == 0
