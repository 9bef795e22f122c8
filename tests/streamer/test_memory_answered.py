"""How often a viewer was answered, as one history memory per viewer and persona: the memory
writer reads the brain's output events (reply.started's triggers, then reply.finished or a
reply.interrupted that was heard), keeps the count current in one row on a real database,
counts a redelivered answer once, survives a restart, is recalled like other history, and is
deleted with the rest by !forgetme."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from engines import events as ev
from integrations.sentence_encoder import USEEmbedder
from streamer.bus import MemoryBus
from streamer.memory_recall import Recall
from streamer.memory_writer import MemoryWriter, answered_count, answered_id, answered_text
from streamer.store import make_engine, make_sessionmaker
from streamer.store.memory import MemoryStore
from tests import pgvector_server as pgv
from tests.support.memory_stand_ins import allowed

pgvector_server, pgvector_template, pgvector_url = (
    pgv.pgvector_server,
    pgv.pgvector_template,
    pgv.pgvector_url,
)

SAM = ev.Viewer(id="101", login="sam", display_name="Sam")
KIRI = ev.Viewer(id="202", login="kiri", display_name="Kiri")
EMBEDDER = USEEmbedder()
T0 = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)


@pytest.fixture
async def store(db_url: str) -> AsyncIterator[MemoryStore]:
    engine = make_engine(db_url)
    yield MemoryStore(make_sessionmaker(engine), "chan")
    await engine.dispose()


def writer_for(bus: MemoryBus, store: MemoryStore) -> MemoryWriter:
    return MemoryWriter(
        bus,
        store,
        embed=EMBEDDER.embed,
        allowed=allowed,
        persona=lambda: "hiyori",
        block_ms=50,
        retry_max_s=0.2,
    )


def turn(
    trigger: ev.EventBase, at: datetime, *, persona: str = "hiyori", heard: str = "Hi Sam, welcome back!"
) -> list[ev.EventBase]:
    """A turn that answered ``trigger``: reply.started, then reply.finished with what was heard."""
    turn_id = f"turn-{trigger.id}-{at.timestamp()}"
    return [
        ev.ReplyStarted(channel="chan", turn_id=turn_id, trigger_ids=(trigger.id,), persona=persona, ts=at),
        ev.ReplyFinished(
            channel="chan", turn_id=turn_id, text=heard, sentences=1, ts=at + timedelta(seconds=2)
        ),
    ]


def chat(user: ev.Viewer, text: str, at: datetime) -> ev.ChatMessage:
    return ev.ChatMessage(channel="chan", user=user, text=text, ts=at)


async def answered(store: MemoryStore, viewer: ev.Viewer, persona: str = "hiyori") -> list[tuple[str, str]]:
    return [
        (m.id, m.text) for m in await store.of_viewer(viewer.login, persona=persona) if m.kind == "history"
    ]


def test_the_count_reads_back_from_its_text() -> None:
    assert answered_text(1, T0) == "was answered once on stream (last on 2026-12-07)"
    assert answered_text(12, T0) == "was answered 12 times on stream (last on 2026-12-07)"
    assert [answered_count(answered_text(n, T0)) for n in (1, 2, 12)] == [1, 2, 12]
    assert answered_count(None) == 0 and answered_count("a moderator rewrote this") == 0


async def test_answers_are_counted_in_one_row_per_viewer_and_persona(store: MemoryStore) -> None:
    writer = writer_for(MemoryBus(), store)
    hello = chat(SAM, "hi Hiyori!", T0)
    again = chat(SAM, "what game is next?", T0 + timedelta(minutes=5))
    both = [chat(SAM, "gg", T0 + timedelta(minutes=9)), chat(KIRI, "gg", T0 + timedelta(minutes=9))]
    joint = [
        ev.ReplyStarted(channel="chan", turn_id="t-both", trigger_ids=(both[0].id, both[1].id), persona="hiyori",
                        ts=T0 + timedelta(minutes=10)),
        ev.ReplyFinished(channel="chan", turn_id="t-both", text="GG both of you!", ts=T0 + timedelta(minutes=10)),
    ]  # fmt: skip
    await writer.handle([hello, *turn(hello, T0 + timedelta(seconds=1))])
    assert await answered(store, SAM) == [(answered_id("hiyori", "101"), answered_text(1, T0))]
    await writer.handle([again, *turn(again, T0 + timedelta(minutes=5, seconds=1)), *both, *joint])
    assert await answered(store, SAM) == [(answered_id("hiyori", "101"), answered_text(3, T0))]
    assert await answered(store, KIRI) == [(answered_id("hiyori", "202"), answered_text(1, T0))]
    # another persona keeps its own count; a turn nobody heard and a blocked reply count nothing
    other = chat(SAM, "who are you?", T0 + timedelta(minutes=20))
    silent = chat(SAM, "hello??", T0 + timedelta(minutes=21))
    await writer.handle([
        other, *turn(other, T0 + timedelta(minutes=20), persona="kumo"),
        silent, *turn(silent, T0 + timedelta(minutes=21), heard=""),
    ])  # fmt: skip
    assert await answered(store, SAM, "kumo") == [(answered_id("kumo", "101"), answered_text(1, T0))]
    assert await answered(store, SAM) == [(answered_id("hiyori", "101"), answered_text(3, T0))]
    rows = [m for m in await store.of_viewer("sam") if m.kind == "history"]
    assert len(rows) == 2 and all(m.vector is not None for m in rows)  # embedded for recall
    assert writer.stats.answered == 5


async def test_an_interrupted_reply_that_was_heard_counts(store: MemoryStore) -> None:
    writer = writer_for(MemoryBus(), store)
    said = chat(KIRI, "tell me a story", T0)
    started = ev.ReplyStarted(channel="chan", turn_id="t1", trigger_ids=(said.id,), persona="hiyori", ts=T0)
    cut = ev.ReplyInterrupted(channel="chan", turn_id="t1", heard_text="Once upon a time", ts=T0)
    await writer.handle([said, started, cut])
    assert [t for _, t in await answered(store, KIRI)] == [answered_text(1, T0)]


async def until(condition: Callable[[], Awaitable[bool]], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not await condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


async def test_the_count_survives_a_restart_and_a_redelivery_counts_once(store: MemoryStore) -> None:
    """Through the bus: the writer reads the input and output streams; a restarted writer (and a
    redelivered batch) go on from the stored count."""
    bus = MemoryBus()
    writer = writer_for(bus, store)
    task = asyncio.create_task(writer.run())
    first = chat(SAM, "hi Hiyori!", T0)
    try:
        await bus.publish(first)
        for e in turn(first, T0 + timedelta(seconds=1)):
            await bus.publish(e)
        await until(lambda: _count(store, SAM, 1))
    finally:
        writer.stop()
        await asyncio.wait_for(task, 10)

    restarted = writer_for(bus, store)
    second = chat(SAM, "I'm back", T0 + timedelta(hours=1))
    task = asyncio.create_task(restarted.run())
    try:
        await bus.publish(second)
        for e in turn(second, T0 + timedelta(hours=1, seconds=1)):
            await bus.publish(e)
        await until(lambda: _count(store, SAM, 2))
        assert await bus.pending_count("memory") == 0
    finally:
        restarted.stop()
        await asyncio.wait_for(task, 10)
    again = writer_for(MemoryBus(), store)  # the same events once more (a redelivery after a crash)
    await again.handle([first, *turn(first, T0 + timedelta(seconds=1))])
    await again.handle([second, *turn(second, T0 + timedelta(hours=1, seconds=1))])
    assert [t for _, t in await answered(store, SAM)] == [answered_text(2, T0)]
    assert again.stats.answered == 0


async def _count(store: MemoryStore, viewer: ev.Viewer, n: int) -> bool:
    return [answered_count(t) for _, t in await answered(store, viewer)] == [n]


async def test_an_answer_read_before_its_trigger_is_counted_when_the_trigger_comes(
    store: MemoryStore,
) -> None:
    writer = writer_for(MemoryBus(), store)
    said = chat(SAM, "hi!", T0)
    await writer.handle(turn(said, T0 + timedelta(seconds=1)))  # the output stream ran ahead
    assert await answered(store, SAM) == []
    await writer.handle([said])
    assert [t for _, t in await answered(store, SAM)] == [answered_text(1, T0)]


async def test_forgetting_a_viewer_removes_the_count_and_recall_finds_it_before(store: MemoryStore) -> None:
    writer = writer_for(MemoryBus(), store)
    said = chat(SAM, "hi Hiyori, do you remember me?", T0)
    await writer.handle([said, *turn(said, T0 + timedelta(seconds=1))])
    recall = Recall(store, None, EMBEDDER.embed, allowed)
    asked = chat(SAM, "how often have you answered me?", T0 + timedelta(minutes=1))
    found = await recall.recall(asked, "hiyori")
    assert answered_text(1, T0) in found.memories
    late = chat(SAM, "one more thing before I go", T0 + timedelta(minutes=2))
    forget = chat(SAM, "!forgetme", T0 + timedelta(minutes=3))
    await writer.handle([late, forget, *turn(late, T0 + timedelta(minutes=4))])  # answered after the request
    assert await store.of_viewer("sam") == []
    assert (await recall.recall(asked, "hiyori")).memories == ()
    after = chat(SAM, "hello again", T0 + timedelta(days=1))
    await writer.handle([after, *turn(after, T0 + timedelta(days=1, seconds=1))])
    assert [t for _, t in await answered(store, SAM)] == [answered_text(1, T0 + timedelta(days=1))]


async def test_on_pgvector_the_counts_vector_follows_its_text(pgvector_url: str) -> None:
    """Where migration 0007 made memory_vectors, the row's vector there is the current text's."""
    engine = make_engine(pgvector_url)
    try:
        store = MemoryStore(make_sessionmaker(engine), "chan")
        assert await store.has_pgvector_tables()
        writer = writer_for(MemoryBus(), store)
        for minute in (0, 5):
            said = chat(SAM, f"hello number {minute}", T0 + timedelta(minutes=minute))
            await writer.handle([said, *turn(said, T0 + timedelta(minutes=minute, seconds=1))])
        memory_id = answered_id("hiyori", "101")
        async with engine.connect() as conn:
            rows = (
                await conn.execute(
                    text("SELECT vector_dims(embedding) FROM memory_vectors WHERE memory_id = :i"),
                    {"i": memory_id},
                )
            ).all()
        assert rows == [(512,)]
        like = EMBEDDER.embed([answered_text(2, T0)])[0]
        found = await store.for_viewer("hiyori", "101", like=like)
        assert [(m.text, round(m.similarity or 0, 3)) for m in found] == [(answered_text(2, T0), 1.0)]
    finally:
        await engine.dispose()


async def test_a_turn_that_answered_the_streamer_counts_for_nobody(store: MemoryStore) -> None:
    writer = writer_for(MemoryBus(), store)
    words = ev.StreamerUtterance(channel="chan", text="Hiyori, what do you think of this boss?", ts=T0)
    typed = ev.ModeratorInput(channel="chan", author="mod_anna", text="say hi to the new followers", ts=T0)
    await writer.handle(
        [words, typed, *turn(words, T0 + timedelta(seconds=1)), *turn(typed, T0 + timedelta(1))]
    )
    assert await store.count() == 0 and writer.stats.answered == 0
    assert not writer._awaiting  # known inputs without a viewer: nothing waits for them
