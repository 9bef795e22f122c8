"""Long-term memory through the bus: the durable writer (extraction, safety on store,
!forgetme, outages), the recall (persona isolation, safety on retrieve) and the brain putting
a viewer's memories into the prompt. The bundled sentence encoder embeds; the databases are
real; the LLM is the local OpenAI-compatible stand-in."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from pathlib import Path

import pytest
from sqlalchemy import select

from config.persona import load_persona
from engines import events as ev
from engines.ai.memory import Fact, chunk_markdown
from engines.ai.safety import SafetyPipeline
from engines.ai.safety.semantic import SemanticLayer
from engines.backends import Limits
from engines.voice.sinks import NullSink
from integrations.openai.llm import OpenAILLM
from integrations.sentence_encoder import USEEmbedder
from streamer.brain import Brain
from streamer.bus import MemoryBus
from streamer.knowledge_index import KnowledgeIndex
from streamer.memory_recall import Recall, RecallConfig
from streamer.memory_writer import MemoryWriter
from streamer.performer import Performer
from streamer.retrieval_check import RetrievalCheck
from streamer.store import make_engine, make_sessionmaker
from streamer.store.knowledge import KnowledgeStore
from streamer.store.memory import FORGET_ACTION, MemoryStore
from streamer.store.models import MemoryRow, ModerationAction
from tests.support.fake_openai import FakeBehavior, FakeOpenAI
from tests.support.fixed_tts import FixedTimingTTS
from tests.support.tcp_proxy import TcpProxy

SAM = ev.Viewer(id="101", login="sam", display_name="Sam")
KIRI = ev.Viewer(id="202", login="kiri", display_name="Kiri")
EMBEDDER = USEEmbedder()
SAFETY = SafetyPipeline()
SAFETY.warm()


def allowed_by(safety: SafetyPipeline) -> Callable[[Sequence[str]], list[bool]]:
    return lambda texts: [not (d.blocked or d.caution) for d in safety.check_inputs(texts)]


def chat(user: ev.Viewer, text: str, **kw: object) -> ev.ChatMessage:
    return ev.ChatMessage(channel="chan", user=user, text=text, **kw)


async def until(condition: Callable[[], Awaitable[bool]], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not await condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


def writer_for(bus: MemoryBus, store: MemoryStore, persona: str = "hiyori", **kw: object) -> MemoryWriter:
    return MemoryWriter(
        bus,
        store,
        embed=EMBEDDER.embed,
        allowed=allowed_by(SAFETY),
        persona=lambda: persona,
        block_ms=50,
        **kw,  # type: ignore[arg-type]
    )


async def test_the_writer_remembers_what_viewers_say_not_what_safety_blocks(db_url: str) -> None:
    engine = make_engine(db_url)
    bus = MemoryBus()
    store = MemoryStore(make_sessionmaker(engine), "chan")
    writer = writer_for(bus, store)
    task = asyncio.create_task(writer.run())
    try:
        events: list[ev.EventBase] = [
            chat(SAM, "hi all, my cat Mochi has a cold today"),
            chat(KIRI, "my name is Kiri and you should kill yourself"),
            chat(KIRI, "lol nice jump"),
            ev.Raid(channel="chan", from_user=SAM, viewers=12),
        ]
        await bus.publish_many(events)
        assert await writer.wait_idle(20)
        await until(lambda: _count(store, 2))
        sam = await store.for_viewer("hiyori", "101")
        assert sorted((m.kind, m.source_event_id) for m in sam) == sorted(
            [("pet", events[0].id), ("history", events[3].id)]
        )
        assert any("Mochi has a cold" in m.text for m in sam)
        assert all(m.vector is not None and m.vector.shape == (512,) for m in sam)
        assert await store.for_viewer("hiyori", "202") == []  # blocked by safety: nothing stored
        assert writer.stats.withheld == 1

        await bus.publish_many(events)  # the same events again (a replay): stored once
        assert await writer.wait_idle(20)
        assert await store.count() == 2
    finally:
        writer.stop()
        await asyncio.wait_for(task, 10)
        await engine.dispose()


async def _count(store: MemoryStore, n: int) -> bool:
    return await store.count() >= n


async def test_forgetme_removes_every_row_of_the_viewer_and_is_audited(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    bus = MemoryBus()
    store = MemoryStore(sessions, "chan")
    writer = writer_for(bus, store)
    task = asyncio.create_task(writer.run())
    try:
        await bus.publish_many(
            [chat(SAM, "my name is Samuel, greetings from Lisbon!"), chat(KIRI, "I play Celeste")]
        )
        await until(lambda: _count(store, 3))
        await store.add(
            "sora", SAM.id, SAM.login, [Fact("pet", "has a dog named Rex", "x1")]
        )  # another persona's

        request = chat(SAM, "!forgetme")
        await bus.publish(request)
        await until(lambda: _gone(store, "sam"))
        assert writer.stats.forgotten == 1
        async with sessions() as s:
            left = sorted(await s.scalars(select(MemoryRow.viewer_login)))
            audit = (
                await s.scalars(select(ModerationAction).where(ModerationAction.action == FORGET_ACTION))
            ).all()
        assert left == ["kiri"]
        assert [(a.id, a.actor, a.target) for a in audit] == [(request.id, "sam", "101")]
        assert audit[0].details["memories"] == 3  # Samuel and Lisbon (hiyori), Rex (sora)
    finally:
        writer.stop()
        await asyncio.wait_for(task, 10)
        await engine.dispose()


async def _gone(store: MemoryStore, login: str) -> bool:
    return await store.of_viewer(login) == []


async def test_a_database_outage_delays_memory_writes_and_loses_none(pg_url: str) -> None:
    proxy = TcpProxy("127.0.0.1", 5432)
    await proxy.start()
    engine = make_engine(pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}"))
    bus = MemoryBus()
    store = MemoryStore(make_sessionmaker(engine), "chan")
    writer = writer_for(bus, store, retry_max_s=0.5)
    task = asyncio.create_task(writer.run())
    direct = make_engine(pg_url)
    check = MemoryStore(make_sessionmaker(direct), "chan")
    try:
        await bus.publish(chat(SAM, "I play Hollow Knight"))
        await until(lambda: _count(check, 1))
        await proxy.cut()
        await bus.publish_many([chat(SAM, "my cat Mochi is asleep"), chat(KIRI, "greetings from Oslo")])
        await until(lambda: _failed(writer))
        assert await check.count() == 1  # nothing got through while the database was away
        await proxy.restore()
        await until(lambda: _count(check, 3))
        await until(lambda: _nothing_pending(bus))  # every entry acked, after its write
        assert await check.count() == 3
    finally:
        writer.stop()
        await asyncio.wait_for(task, 15)
        await engine.dispose()
        await direct.dispose()
        await proxy.cut()


async def _nothing_pending(bus: MemoryBus) -> bool:
    return await bus.pending_count("memory") == 0


async def _failed(writer: MemoryWriter) -> bool:
    return writer.stats.failures > 0


LORE = """# Hiyori

## The Moon Tea Shop

Hiyori runs the Moon Tea Shop on the far side of the moon; the house blend is called Crater Chai.

## Schedule

Streams are on Tuesday and Friday at 8pm CET.
"""


async def test_recall_is_per_persona_and_checked_by_safety_again(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    try:
        memories = MemoryStore(sessions, "chan")
        facts = [
            ("pet", "has a cat named Mochi (Mochi has a cold)"),
            ("game", "plays Fortnite"),
            ("from", "is from Lisbon"),
        ]
        await memories.add(
            "hiyori",
            SAM.id,
            SAM.login,
            [Fact(k, t, "e1") for k, t in facts],
            EMBEDDER.embed([t for _, t in facts]),
        )
        knowledge = KnowledgeStore(sessions, "chan")
        chunks = chunk_markdown(LORE)
        await knowledge.add(
            "lore.md", LORE, chunks, EMBEDDER.embed([c.searchable for c in chunks]), by="test"
        )
        index = KnowledgeIndex(knowledge, lambda: 512)
        pipeline = {"now": SAFETY}
        check = RetrievalCheck(lambda: pipeline["now"])
        recall = Recall(
            memories,
            index,
            EMBEDDER.embed,
            check,
            RecallConfig(memories=3, wait_s=5.0),
            allowed_documents=check.documents,
        )
        question = chat(SAM, "how is your kitty doing? still playing games? and when do you stream?")

        got = await recall.recall(question, "hiyori")
        assert got.viewer == "Sam"
        assert got.memories[0].startswith("has a cat named Mochi")
        assert "plays Fortnite" in got.memories
        assert "is from Lisbon" in got.memories  # unrelated to the question, still one of the viewer's few
        assert any("Tuesday and Friday" in k for k in got.knowledge)

        banned = ["fortnite", "friday"]  # a moderator bans words after they were stored
        pipeline["now"] = SAFETY.with_blocklist(banned, source="moderator")
        got = await recall.recall(question, "hiyori")
        assert "plays Fortnite" not in got.memories  # withheld on retrieval, though it was stored
        assert got.memories[0].startswith("has a cat named Mochi")
        assert not any("Friday" in k for k in got.knowledge)  # the streamer's documents too
        assert recall.stats.withheld == 2

        other = await recall.recall(chat(SAM, "how is your kitty doing?"), "sora")
        assert other.memories == ()  # another persona does not see hiyori's memories
        assert (await recall.recall(chat(KIRI, "how is your kitty doing?"), "hiyori")).memories == ()
    finally:
        await engine.dispose()


async def test_the_recheck_reads_the_memories_stored_vectors_not_the_encoder(sqlite_url: str) -> None:
    """Safety and memory share one encoder: the recall hands it the stored vectors of the
    memories it checks again, and the check still withholds what a new ban covers."""
    shared = USEEmbedder()
    safety = SafetyPipeline(semantic=SemanticLayer(shared))
    safety.warm()
    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    try:
        memories = MemoryStore(sessions, "chan")
        facts = [("pet", "has a hamster named Biscuit"), ("game", "plays Hollow Knight every night")]
        texts = [t for _, t in facts]
        await memories.add(
            "hiyori", SAM.id, SAM.login, [Fact(k, t, "e1") for k, t in facts], EMBEDDER.embed(texts)
        )
        pipeline = {"now": safety}
        check = RetrievalCheck(lambda: pipeline["now"])
        recall = Recall(
            memories, None, shared.embed, check, RecallConfig(wait_s=5.0), remember=shared.remember
        )
        encoded: list[str] = []
        encode = shared._encode

        def counting(batch: Sequence[str]) -> object:
            encoded.extend(batch)
            return encode(batch)

        shared._encode = counting  # type: ignore[method-assign]
        got = await recall.recall(chat(SAM, "how is Biscuit?"), "hiyori")
        assert set(got.memories) == set(texts)
        assert not set(texts) & set(encoded)  # checked on their stored vectors
        assert "how is Biscuit?" in encoded  # the query itself was new to the encoder

        pipeline["now"] = safety.with_blocklist(["hollow knight"], source="moderator")
        got = await recall.recall(chat(SAM, "how is Biscuit?"), "hiyori")
        assert got.memories == ("has a hamster named Biscuit",)  # the ban still applies on retrieval
    finally:
        await engine.dispose()


@pytest.fixture
async def fake() -> AsyncIterator[FakeOpenAI]:
    server = FakeOpenAI(FakeBehavior(ttft_s=0.01, tokens_per_s=500, reply="[happy] Welcome back!"))
    await server.start()
    yield server
    await server.stop()


def brain_on(bus: MemoryBus, fake: FakeOpenAI) -> tuple[Brain, OpenAILLM]:
    """A brain that answers every line at once, on the fake model and a fixed-timing voice."""
    hiyori = load_persona("hiyori").model_copy(
        update={"min_gap_s": 0.0, "reply_frequency": 1.0, "user_cooldown_s": 0.0}
    )
    llm = OpenAILLM(
        base_url=fake.base_url, model="fake", limits=Limits(first_output_s=2.0, stall_s=1.0, total_s=10.0)
    )
    performer = Performer(FixedTimingTTS(first_audio_s=0.01, seconds_per_char=0.001), NullSink(pace=None))
    brain = Brain(bus=bus, channel="chan", persona=hiyori, llm=llm, performer=performer, safety=SAFETY)
    performer.on_sentence = brain.on_sentence
    return brain, llm


async def test_the_brain_puts_the_picked_viewers_memories_after_the_persona(
    sqlite_url: str, fake: FakeOpenAI, tmp_path: Path
) -> None:
    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    bus = MemoryBus()
    brain, llm = brain_on(bus, fake)
    store = MemoryStore(sessions, "chan")
    brain.recall = Recall(
        store, None, EMBEDDER.embed, RetrievalCheck(lambda: brain.safety), RecallConfig(wait_s=5.0)
    )
    writer = MemoryWriter(bus, store, embed=EMBEDDER.embed, allowed=allowed_by(SAFETY),
                          persona=lambda: brain.persona.id, block_ms=50)  # fmt: skip
    tasks = [asyncio.create_task(brain.run()), asyncio.create_task(writer.run())]
    try:
        await bus.publish(chat(SAM, "first time here! my cat Mochi has a cold"))
        await until(lambda: _count(store, 2))
        await until(lambda: _idle(brain))
        before = len(fake.chat_requests())
        await bus.publish(chat(SAM, "Hiyori I'm back, how are you?"))
        await until(lambda: _requests(fake, before + 1))
        messages = fake.chat_requests()[-1].body["messages"]
        assert messages[0]["role"] == "system" and "Mochi" not in messages[0]["content"]  # the cached prefix
        last = messages[-1]["content"]
        assert "You remember Sam:" in last and "has a cat named Mochi (Mochi has a cold)" in last
        assert last.index("You remember Sam") < last.index("I'm back")
        started = await _reply_started(bus)
        assert "has a cat named Mochi" in started[-1].recalled

        await until(lambda: _idle(brain))
        brain.apply_persona(brain.persona.model_copy(update={"id": "sora", "name": "Sora"}))
        before = len(fake.chat_requests())
        await bus.publish(chat(SAM, "Sora are you there? how is it going?"))
        await until(lambda: _requests(fake, before + 1))
        assert "You remember" not in fake.chat_requests()[-1].body["messages"][-1]["content"]  # no leak
    finally:
        brain.stop()
        writer.stop()
        await asyncio.wait_for(asyncio.gather(*tasks), 10)
        await llm.aclose()
        await engine.dispose()


async def test_lean_notes_welcome_a_viewer_then_carry_only_what_is_relevant(
    sqlite_url: str, fake: FakeOpenAI
) -> None:
    """memory.notes = "lean" (the default on the bundled model): the viewer's first answered
    line carries their memories, small talk after it none, a line about a memory that one."""
    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    bus = MemoryBus()
    brain, llm = brain_on(bus, fake)
    store = MemoryStore(sessions, "chan")
    facts = [
        ("pet", "has a cat named Mochi (Mochi has a cold)"),
        ("game", "plays Celeste"),
        ("from", "is from Lisbon"),
    ]
    await store.add("hiyori", SAM.id, SAM.login, [Fact(k, t, "e0") for k, t in facts],
                    EMBEDDER.embed([t for _, t in facts]))  # fmt: skip
    own = [
        ("history", "gifted 5 subs on 2026-12-01"),
        ("first_time", "first came to the stream on 2026-03-14"),
    ]
    await store.add("hiyori", SAM.id, SAM.login, [Fact(k, t, "e1") for k, t in own],
                    EMBEDDER.embed([t for _, t in own]))  # fmt: skip
    await store.add(
        "hiyori", SAM.id, SAM.login, [Fact("game", "plays Celeste", "e2")], EMBEDDER.embed(["plays Celeste"])
    )  # fmt: skip  (said twice: stored twice)
    config = RecallConfig(wait_s=5.0, memory_min_score=0.2, welcome_after_s=1800.0)
    brain.recall = Recall(store, None, EMBEDDER.embed, RetrievalCheck(lambda: brain.safety), config)
    task = asyncio.create_task(brain.run())

    async def prompt_for(text: str) -> str:
        await until(lambda: _idle(brain))
        before = len(fake.chat_requests())
        await bus.publish(chat(SAM, text))
        await until(lambda: _requests(fake, before + 1))
        content: str = fake.chat_requests()[-1].body["messages"][-1]["content"]
        return content

    try:
        fake.behavior.reply = "You have a cat named Mochi Mochi has a cold! Welcome back, Sam!"
        welcome = await prompt_for("back again for the stream, what did I miss?")
        assert "You remember Sam:" in welcome
        assert all(t in welcome for _, t in facts)
        assert not any(t in welcome for _, t in own)  # the bot's own wording stays on the monitor
        assert welcome.count("plays Celeste") == 1
        await until(lambda: _idle(brain))
        spoken = [e.text for e in await _sentences(bus)]
        assert spoken == ["Welcome back, Sam!"]  # the notes read back are dropped as a leak
        fake.behavior.reply = "Hello chat! It is lovely to see you all here today."
        small_talk = await prompt_for("that jump was so close lol")
        assert "You remember" not in small_talk
        about_mochi = await prompt_for("Mochi is still sneezing, poor thing")
        assert "has a cat named Mochi (Mochi has a cold)" in about_mochi
        assert "plays Celeste" not in about_mochi and "Lisbon" not in about_mochi
    finally:
        brain.stop()
        await asyncio.wait_for(task, 10)
        await llm.aclose()
        await engine.dispose()


async def test_memories_in_the_bots_own_wording_are_checked_as_documents(sqlite_url: str) -> None:
    """A sub or a first visit, written by the bot's templates, is checked against the
    blocklists; a memory with the viewer's words by the whole output stage."""
    engine = make_engine(sqlite_url)
    try:
        store = MemoryStore(make_sessionmaker(engine), "chan")
        facts = [("history", "gifted 5 subs on 2026-12-01"), ("first_time", "first came to the stream on 2026-03-14"),
                 ("pet", "has a cat named Mochi")]  # fmt: skip
        await store.add("hiyori", SAM.id, SAM.login, [Fact(k, t, "e0") for k, t in facts],
                        EMBEDDER.embed([t for _, t in facts]))  # fmt: skip
        checked: dict[str, list[str]] = {"output": [], "documents": []}

        def refuse_all(stage: str) -> Callable[[Sequence[str]], list[bool]]:
            def check(texts: Sequence[str]) -> list[bool]:
                checked[stage] += texts
                return [stage == "documents"] * len(texts)

            return check

        recall = Recall(store, None, EMBEDDER.embed, refuse_all("output"), RecallConfig(wait_s=5.0),
                        allowed_documents=refuse_all("documents"))  # fmt: skip
        said = chat(SAM, "thanks for having me again, my dog Rex says hi")
        await store.add("hiyori", SAM.id, SAM.login, [Fact("pet", "has a dog named Rex", said.id)],
                        EMBEDDER.embed(["has a dog named Rex"]))  # fmt: skip
        got = await recall.recall(said, "hiyori")  # its own fact, stored meanwhile, is not recalled
        assert sorted(checked["documents"]) == [
            "first came to the stream on 2026-03-14",
            "gifted 5 subs on 2026-12-01",
        ]
        assert checked["output"] == ["has a cat named Mochi"]
        assert sorted(got.memories) == sorted(checked["documents"])  # the output stage refused Mochi here
    finally:
        await engine.dispose()


async def _sentences(bus: MemoryBus) -> list[ev.ReplySentence]:
    batch = await bus.read("test-sentences", "t", ["output"], count=1000, block_ms=50)
    return [d.event for d in batch if isinstance(d.event, ev.ReplySentence)]


async def _idle(brain: Brain) -> bool:
    return not brain.busy and not brain.selector.pending


async def _requests(fake: FakeOpenAI, n: int) -> bool:
    return len(fake.chat_requests()) >= n


async def _reply_started(bus: MemoryBus) -> list[ev.ReplyStarted]:
    batch = await bus.read("test", "t", ["output"], count=1000, block_ms=50)
    return [d.event for d in batch if isinstance(d.event, ev.ReplyStarted)]


async def test_the_writer_embeds_what_the_dashboard_saved(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    try:
        store = MemoryStore(sessions, "chan")
        knowledge = KnowledgeStore(sessions, "chan")
        await store.add(
            "hiyori", SAM.id, SAM.login, [Fact("pet", "has a cat named Mochi", "e1")], EMBEDDER.embed(["x"])
        )
        assert await store.edit(
            "e1:0", "has a cat named Mochi (she got better)", by="mod1"
        )  # the dashboard: no vector
        chunks = chunk_markdown(LORE)
        await knowledge.add("lore.md", LORE, chunks, None, by="mod1")
        index = KnowledgeIndex(knowledge, lambda: 512)
        await index.refresh(force=True)
        assert index.search(EMBEDDER.embed(["tea"])[0], "", 2, 0.1) == []  # no vectors, no keywords: nothing
        writer = MemoryWriter(
            MemoryBus(), store, embed=EMBEDDER.embed, allowed=allowed_by(SAFETY), persona=lambda: "hiyori",
            knowledge=knowledge, on_knowledge_embedded=index.invalidate,
        )  # fmt: skip
        assert await writer.sweep() == 1 + len(chunks)
        assert await writer.sweep() == 0
        memory = await store.get("e1:0")
        assert memory is not None and memory.vector is not None
        expected = EMBEDDER.embed(["has a cat named Mochi (she got better)"])[0]
        assert float(memory.vector @ expected) > 0.999
        await index.refresh()
        found = index.search(EMBEDDER.embed(["what is your tea shop's house blend?"])[0], "", 1, 0.0)
        assert "Crater Chai" in found[0][1]
    finally:
        await engine.dispose()


async def test_a_stream_summary_runs_is_kept_when_offline_and_survives_a_restart(db_url: str) -> None:
    from streamer.store.writer import channel_ids, write_events

    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    bus = MemoryBus()
    store = MemoryStore(sessions, "chan")
    knowledge = KnowledgeStore(sessions, "chan")
    live: list[ev.EventBase] = [
        ev.StreamState(channel="chan", online=True, title="Maliketh, no summons", category="Elden Ring"),
        ev.Raid(channel="chan", from_user=KIRI, viewers=42),
        ev.StreamerUtterance(channel="chan", text="WE FINALLY BEAT MALIKETH"),
        ev.Subscription(channel="chan", user=SAM),
    ]
    try:
        async with sessions.begin() as s:  # the recorder's log, which a restarted writer reads back
            await write_events(s, [(ev.stream_of(e), e) for e in live], await channel_ids(s, {"chan"}, {}))
        writer = MemoryWriter(
            bus, store, embed=EMBEDDER.embed, allowed=allowed_by(SAFETY), persona=lambda: "hiyori",
            knowledge=knowledge, block_ms=50,
        )  # fmt: skip
        await writer.restore()  # a restart mid-stream
        running = writer.current_summary()
        assert running is not None and "Kiri raided with 42 viewers" in running and "1 subs" in running
        recall = Recall(store, None, EMBEDDER.embed, allowed_by(SAFETY), summary=writer.current_summary)
        assert (await recall.for_pick([], "hiyori")).summary == running  # an idle turn hears it

        await writer.handle(live[1:2])  # redelivered: counted once
        await writer.handle([ev.Cheer(channel="chan", user=SAM, bits=100)])
        await writer.handle([ev.StreamState(channel="chan", online=False)])
        assert writer.current_summary() is None
        docs = await knowledge.documents()
        assert [d.name for d in docs] == [
            "Past stream " + live[0].ts.strftime("%Y-%m-%d %H:%M") + " - Maliketh, no summons"
        ]
        _, text = await knowledge.document(docs[0].id) or ("", "")
        assert 'the streamer said "WE FINALLY BEAT MALIKETH"' in text
        assert text.count("raided") == 1 and "1 subs, 100 bits" in text
        index = KnowledgeIndex(knowledge, lambda: 512)
        await index.refresh(force=True)
        asked = "did you beat the boss last time?"
        assert "FINALLY BEAT MALIKETH" in index.search(EMBEDDER.embed([asked])[0], asked, 1, 0.0)[0][1]
        offline = ev.StreamState(channel="chan", online=False)
        async with sessions.begin() as s:
            await write_events(s, [("input", offline)], await channel_ids(s, {"chan"}, {}))
        assert await store.current_stream() == []  # recorded offline: a restart restores nothing
    finally:
        await engine.dispose()


async def test_a_recall_never_waits_for_the_knowledge_index_to_reload(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    try:
        knowledge = KnowledgeStore(sessions, "chan")
        chunks = chunk_markdown(LORE)
        await knowledge.add("lore.md", LORE, chunks, EMBEDDER.embed([c.searchable for c in chunks]), by="t")
        index = KnowledgeIndex(knowledge, lambda: 512, refresh_s=0.0)
        await index.refresh_soon()  # nothing loaded yet: this one loads it
        assert len(index) == len(chunks)
        extra = chunk_markdown("# Merch\n\nThe plushie of the shop cat Tofu ships in March.")
        await knowledge.add("merch.md", "x", extra, EMBEDDER.embed([c.searchable for c in extra]), by="t")
        await index.refresh_soon()  # due: checked in the background, the current index serves
        assert len(index) == len(chunks)
        await until(lambda: _true(len(index) == len(chunks) + 1), timeout=10)
        asked = "when does the Tofu plushie ship?"
        assert "March" in index.search(EMBEDDER.embed([asked])[0], asked, 1, 0.0)[0][1]

        async def down() -> tuple[int, int]:
            raise ConnectionError("database down")

        knowledge.version = down  # type: ignore[method-assign]
        await index.refresh_soon()  # the check fails in the background: logged, the index stays
        background = index._background
        assert background is not None
        await background
        assert len(index) == len(chunks) + 1
        assert "March" in index.search(EMBEDDER.embed([asked])[0], asked, 1, 0.0)[0][1]
    finally:
        await engine.dispose()


async def _true(value: bool) -> bool:
    return value
