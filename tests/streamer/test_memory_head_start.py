"""The brain reads a viewer's notes after the reply's first piece (memory.head_words), on a
model the client can continue: the first piece comes from the prompt without the notes, the
rest from the prompt with them, going on from the words written (engines/ai/head_start.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from engines import events as ev
from integrations.openai.llm import OpenAILLM
from streamer.bus import MemoryBus
from streamer.memory_recall import Recall, RecallConfig
from streamer.memory_writer import MemoryWriter
from streamer.retrieval_check import RetrievalCheck
from streamer.store import make_engine, make_sessionmaker
from streamer.store.memory import MemoryStore
from tests.streamer.test_memory import (
    EMBEDDER,
    SAFETY,
    SAM,
    _count,
    _idle,
    allowed_by,
    brain_on,
    chat,
    until,
)  # fmt: skip
from tests.support.fake_openai import FakeBehavior, FakeOpenAI


@pytest.fixture
async def fake() -> AsyncIterator[FakeOpenAI]:
    server = FakeOpenAI(FakeBehavior(ttft_s=0.01, tokens_per_s=500))
    await server.start()
    yield server
    await server.stop()


async def _output(bus: MemoryBus) -> list[ev.EventBase]:
    return [d.event for d in await bus.read("test", "t", ["output"], count=1000, block_ms=50)]


@pytest.mark.parametrize("head_words", [4, 0])
async def test_a_returning_viewers_notes_are_read_after_the_first_piece(
    sqlite_url: str, fake: FakeOpenAI, head_words: int
) -> None:
    engine = make_engine(sqlite_url)
    bus = MemoryBus()
    brain, plain = brain_on(bus, fake)
    await plain.aclose()
    brain.llm = llm = OpenAILLM(
        base_url=fake.base_url, model="fake", limits=plain.limits, continue_template="chatml"
    )
    brain.head_words = head_words
    store = MemoryStore(make_sessionmaker(engine), "chan")
    brain.recall = Recall(
        store, None, EMBEDDER.embed, RetrievalCheck(lambda: brain.safety), RecallConfig(wait_s=5.0)
    )
    writer = MemoryWriter(bus, store, embed=EMBEDDER.embed, allowed=allowed_by(SAFETY),
                          persona=lambda: brain.persona.id, block_ms=50)  # fmt: skip
    tasks = [asyncio.create_task(brain.run()), asyncio.create_task(writer.run())]
    # replies in the order asked: the first line's, then the head's, then the rest's
    fake.behavior.reply = ["Nice to meet you!", "Oh, Sam! Hello", " Sam! How is Mochi?"]
    try:
        await bus.publish(chat(SAM, "first time here! my cat Mochi has a cold"))
        await until(lambda: _count(store, 2))
        await until(lambda: _idle(brain))
        await _output(bus)  # the first turn's events
        await bus.publish(chat(SAM, "Hiyori I'm back, how are you?"))

        async def finished() -> list[ev.ReplyFinished]:
            return [e for e in await _output(bus) if isinstance(e, ev.ReplyFinished)]

        done: list[ev.ReplyFinished] = []
        for _ in range(100):
            done += await finished()
            if done:
                break
    finally:
        brain.stop()
        writer.stop()
        await asyncio.wait_for(asyncio.gather(*tasks), 10)
        await llm.aclose()
        await engine.dispose()
    chats, going_on = fake.chat_requests(), fake.completion_requests()
    assert len(done) == 1
    if head_words:
        assert brain.stats.headed == 1 and len(chats) == 2 and len(going_on) == 1
        assert all("You remember" not in m["content"] for m in chats[1].body["messages"])
        prompt = going_on[0].body["prompt"]
        # the notes after the viewer's line, the reply going on from its first piece
        assert prompt.index("I'm back") < prompt.index("You remember Sam:") and "Mochi" in prompt
        assert prompt.endswith("<|im_start|>assistant\nOh,")
        assert done[0].text == "Oh, Sam! How is Mochi?"
    else:
        assert brain.stats.headed == 0 and len(chats) == 2 and going_on == []
        last = chats[1].body["messages"][-1]["content"]
        assert last.index("You remember Sam:") < last.index("I'm back")  # the notes first
        assert done[0].text == "Oh, Sam! Hello"
