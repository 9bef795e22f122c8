"""The brain's prefill: a message that waits while the character talks has its turn's prompt
sent to the model server's cache ahead of its turn (the real brain, selector and OpenAI client
against a local stand-in; the prefill itself is a recording stand-in)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from config.persona import load_persona
from engines import events as ev
from engines.ai.safety import SafetyPipeline
from engines.backends import Limits, LLMRequest
from engines.voice.sinks import WavFileSink
from integrations.openai.llm import OpenAILLM
from streamer.brain import Brain
from streamer.bus import MemoryBus
from streamer.performer import Performer
from tests.support.fake_openai import FakeBehavior, FakeOpenAI, tokenize
from tests.support.fixed_tts import FixedTimingTTS

SAFETY = SafetyPipeline()
SAFETY.warm()
REPLY = "[happy] Hi there, welcome in! It is a cozy game today."


@dataclass
class Prefills:
    """Records each prefill (when, what); ``fail`` makes it raise as a dead server would."""

    calls: list[tuple[float, LLMRequest]] = field(default_factory=list)
    fail: bool = False

    async def __call__(self, request: LLMRequest) -> None:
        self.calls.append((time.perf_counter(), request))
        if self.fail:
            raise OSError("connection refused")


@dataclass
class Rig:
    bus: MemoryBus
    brain: Brain
    fake: FakeOpenAI
    prefills: Prefills

    async def say(self, login: str, text: str) -> ev.ChatMessage:
        user = ev.Viewer(id=login, login=login, display_name=login.title())
        event = ev.ChatMessage(channel="chan", user=user, text=text)
        await self.bus.publish(event)
        return event

    async def until(
        self, kind: type[ev.EventBase], count: int = 1, timeout: float = 15.0
    ) -> list[ev.EventBase]:
        got: list[ev.EventBase] = []
        async with asyncio.timeout(timeout):
            while sum(isinstance(e, kind) for e in got) < count:
                got += [d.event for d in await self.bus.read("test", "t", ["output"], count=100, block_ms=50)]
        return got


@pytest.fixture
async def rig(tmp_path: Path) -> AsyncIterator[Rig]:
    # 40 tokens/s: the reply streams for about half a second; spoken at 0.02 s a character it
    # plays for about a second more, the window in which a waiting message is prefilled
    fake = FakeOpenAI(FakeBehavior(reply=REPLY, ttft_s=0.05, tokens_per_s=40))
    await fake.start()
    bus = MemoryBus()
    persona = load_persona("hiyori").model_copy(
        update={"min_gap_s": 0.0, "reply_frequency": 1.0, "user_cooldown_s": 0.0, "max_sentences": 6}
    )
    llm = OpenAILLM(
        base_url=fake.base_url, model="fake", limits=Limits(first_output_s=2, stall_s=1, total_s=10)
    )
    performer = Performer(
        FixedTimingTTS(first_audio_s=0.02, seconds_per_char=0.02), WavFileSink(tmp_path, pace=1.0)
    )
    prefills = Prefills()
    brain = Brain(
        bus=bus, channel="chan", persona=persona, llm=llm, performer=performer, safety=SAFETY,
        memory_tokens=0, prefill=prefills,
    )  # fmt: skip
    performer.on_sentence = brain.on_sentence
    task = asyncio.create_task(brain.run())
    try:
        yield Rig(bus, brain, fake, prefills)
    finally:
        brain.stop()
        await asyncio.wait_for(task, 5)
        await llm.aclose()
        await fake.stop()


async def test_a_message_waiting_behind_a_turn_is_prefilled_with_the_prompt_its_turn_sends(rig: Rig) -> None:
    await rig.say("kiri", "Hiyori what game is this?")
    await rig.until(ev.ReplyStarted)
    await rig.say("mossy", "Hiyori do you like cats?")
    await rig.until(ev.ReplyFinished, count=2)
    requests = rig.fake.chat_requests()
    assert len(requests) == 2
    first_stream_end = requests[0].received_at + 0.05 + len(tokenize(REPLY)) / 40
    [(at, prefilled)] = rig.prefills.calls
    # not while the first turn's reply was still being written (it would cut it off) ...
    assert at >= first_stream_end - 0.05
    # ... and before the second turn asked for its own, with exactly the messages it then sent
    assert at < requests[1].received_at
    assert [{"role": m.role, "content": m.content} for m in prefilled.messages] == requests[1].body[
        "messages"
    ]
    assert 'Mossy says: "Hiyori do you like cats?"' in prefilled.messages[-1].content
    assert rig.brain.stats.prefills == 1 and rig.brain.stats.prefill_hits == 1


async def test_a_message_answered_at_once_is_not_prefilled(rig: Rig) -> None:
    """An idle brain picks at once: a prefill would only hold its own request up."""
    await rig.say("kiri", "Hiyori what game is this?")
    await rig.until(ev.ReplyFinished)
    await asyncio.sleep(0.3)
    assert rig.prefills.calls == []
    assert rig.brain.stats.prefill_hits == 0


async def test_a_failing_prefill_costs_the_turn_nothing(rig: Rig) -> None:
    rig.prefills.fail = True
    await rig.say("kiri", "Hiyori what game is this?")
    await rig.until(ev.ReplyStarted)
    await rig.say("mossy", "Hiyori do you like cats?")
    out = await rig.until(ev.ReplyFinished, count=2)
    assert len(rig.prefills.calls) == 1
    finished = [e for e in out if isinstance(e, ev.ReplyFinished)]
    assert finished[-1].sentences >= 2 and "welcome in" in finished[-1].text
    assert rig.brain.stats.prefills == 0 and rig.brain.stats.prefill_hits == 0


async def test_of_several_waiting_messages_the_newest_is_prefilled(rig: Rig) -> None:
    await rig.say("kiri", "Hiyori what game is this?")
    await rig.until(ev.ReplyStarted)
    await rig.say("mossy", "Hiyori do you like cats?")
    await rig.say("pixel", "Hiyori is it raining there?")
    await rig.until(ev.ReplyFinished, count=3)
    # Pixel's prompt, again after Mossy's turn if that came first (its prompt then filled the cache)
    said = [request.messages[-1].content for _, request in rig.prefills.calls]
    assert said and all('Pixel says: "Hiyori is it raining there?"' in s for s in said)


async def test_a_message_naming_the_character_is_prefilled_before_newer_chat(rig: Rig) -> None:
    await rig.say("kiri", "Hiyori what game is this?")
    await rig.until(ev.ReplyStarted)
    await rig.say("mossy", "Hiyori do you like cats?")
    await rig.say("pixel", "what a cozy little farm")
    await rig.until(ev.ReplyFinished, count=2)
    said = [request.messages[-1].content for _, request in rig.prefills.calls]
    assert said and 'Mossy says: "Hiyori do you like cats?"' in said[0]


async def test_a_raid_is_prefilled_before_chat_that_came_after_it(rig: Rig) -> None:
    await rig.say("kiri", "Hiyori what game is this?")
    await rig.until(ev.ReplyStarted)
    raider = ev.Viewer(id="9", login="bigstreamer", display_name="BigStreamer")
    await rig.bus.publish(ev.Raid(channel="chan", from_user=raider, viewers=40))
    await rig.say("mossy", "Hiyori do you like cats?")
    await rig.until(ev.ReplyFinished, count=2)
    said = [request.messages[-1].content for _, request in rig.prefills.calls]
    assert said and "BigStreamer raided the channel with 40 viewers." in said[0]
    assert rig.brain.stats.prefill_hits == 1  # the selector picked the raid, as guessed
