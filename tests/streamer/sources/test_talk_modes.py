"""Talk modes with real audio (espeak-ng speech, real Silero VAD, real faster-whisper tiny.en):
"name" marks what does not name the character and the selector drops it; "push_to_talk"
hears only what is said while the key is down, with the key driven by control.ptt events
on a real Redis bus."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta

import pytest
import redis.asyncio as aioredis

from config.persona import load_persona
from engines.ai.selector import Selector
from engines.backends import AudioChunk
from engines.events import EventBase, PushToTalk, StreamerUtterance, utcnow
from engines.voice import pcm
from integrations.faster_whisper.stt import FasterWhisperSTT
from integrations.silero_vad import SileroVAD
from streamer.brain import selector_config
from streamer.bus import Keys
from streamer.bus.keys import GROUP_BRAIN
from streamer.bus.redis_streams import RedisBus
from streamer.sources.push_to_talk import PushToTalkListener
from streamer.sources.voice import VoiceSource
from streamer.sources.wav_input import WavInput
from tests.support.speech import RATE, espeak

PERSONA = load_persona("hiyori")
NAMES = (PERSONA.name, *PERSONA.aliases)


@pytest.fixture(scope="module")
def stt() -> Iterator[FasterWhisperSTT]:
    backend = FasterWhisperSTT(initial_prompt="Chat with Hiyori, hiyo, hiyori-chan.")
    asyncio.run(backend.warm_up())
    yield backend
    asyncio.run(backend.aclose())


@pytest.fixture
async def bus(redis_url: str, redis_prefix: str) -> AsyncIterator[RedisBus]:
    client = aioredis.from_url(redis_url, decode_responses=False)
    bus = RedisBus(client, Keys(redis_prefix, "chan"))
    yield bus
    await bus.close()


def words(text: str) -> list[str]:
    return re.sub(r"[^a-z' ]+", " ", text.lower()).split()


def spoken(*parts: AudioChunk | float) -> AudioChunk:
    """Speech and silences (seconds) one after the other."""
    return AudioChunk(
        b"".join(p.pcm if isinstance(p, AudioChunk) else pcm.silence(p, RATE) for p in parts), RATE
    )


async def test_name_mode_answers_only_what_names_the_character(stt: FasterWhisperSTT) -> None:
    published: list[EventBase] = []

    async def publish(event: EventBase) -> None:
        published.append(event)

    source = VoiceSource(
        channel="chan", vad=SileroVAD(), stt=stt, publish=publish, talk_mode="name", names=NAMES
    )
    joke = espeak("Hiyori, tell me a joke about cats.")
    chat = espeak("Okay chat, let's go.")
    await source.run(WavInput(spoken(0.3, joke, 1.0, chat, 1.0), speed=None))

    said = [e for e in published if isinstance(e, StreamerUtterance)]
    assert [("cats" in words(e.text), e.addressed) for e in said] == [(True, True), (False, False)], said
    assert "hiyori" in words(said[0].text)
    assert source.stats.not_addressed == 1 and source.stats.published == 2
    # both are kept for the record; the selector answers only the one that named her
    selector = Selector(selector_config(PERSONA))
    for event in said:
        selector.offer(event, 0.0)
    pick = selector.pick(1.0)
    assert pick is not None and [e.id for e in pick.events] == [said[0].id]
    assert selector.pick(2.0) is None
    dropped = [d for d in selector.drain_decisions() if d.action == "drop"]
    assert [(d.event_id, d.reason) for d in dropped] == [(said[1].id, "not-addressed")]


async def test_push_to_talk_on_a_redis_bus_hears_only_the_held_key(
    stt: FasterWhisperSTT, bus: RedisBus
) -> None:
    """Key up: the first line is not heard. Key down, second line, key up right after it:
    that line is the utterance, ended by the release rather than by the end-of-speech wait."""
    ignored = espeak("Okay chat, let's go.")
    meant = espeak("Can you tell everyone what game we are playing today?")
    audio = spoken(0.3, ignored, 1.0, meant, 2.0)
    down_at = 0.3 + ignored.seconds + 0.5
    up_at = 0.3 + ignored.seconds + 1.0 + meant.seconds + 0.1  # before 500 ms of silence ended it

    source = VoiceSource(
        channel="chan", vad=SileroVAD(), stt=stt, publish=bus.publish, talk_mode="push_to_talk"
    )
    listener = PushToTalkListener(bus, source.set_ptt, block_ms=50)
    # a press left over from before a restart must not open the microphone
    await bus.publish(
        PushToTalk(channel="chan", by="dashboard", pressed=True, ts=utcnow() - timedelta(minutes=5))
    )
    listening = asyncio.create_task(listener.run())

    async def press() -> None:
        await asyncio.sleep(down_at)
        await bus.publish(PushToTalk(channel="chan", by="dashboard", pressed=True))
        await asyncio.sleep(up_at - down_at)
        await bus.publish(PushToTalk(channel="chan", by="dashboard", pressed=False))

    presser = asyncio.create_task(press())
    await source.run(WavInput(audio, speed=1.0))
    await presser
    listener.stop()
    await listening

    said: list[StreamerUtterance] = []
    for d in await bus.read(GROUP_BRAIN, "t", ["input"], count=100, block_ms=100):
        if isinstance(d.event, StreamerUtterance):
            said.append(d.event)
    assert len(said) == 1, [e.text for e in said]
    assert {"game", "playing", "today"} <= set(words(said[0].text)), said[0].text
    assert "chat" not in words(said[0].text)
    assert source.stats.ptt_cut == 1  # the release ended it
    assert listener.applied == 2 and listener.stale == 1
    assert not source.ptt_pressed


async def test_push_to_talk_events_do_not_take_the_brains_control_events(bus: RedisBus) -> None:
    """The voice reads control in its own group: the brain still gets every control event."""
    got: list[bool] = []
    listener = PushToTalkListener(bus, got.append, block_ms=50)
    task = asyncio.create_task(listener.run())
    for pressed in (True, False):
        await bus.publish(PushToTalk(channel="chan", by="cli", pressed=pressed))
    for _ in range(100):
        if len(got) == 2:
            break
        await asyncio.sleep(0.02)
    listener.stop()
    await task
    assert got == [True, False]
    brain = await bus.read(GROUP_BRAIN, "b", ["control"], count=10, block_ms=100)
    assert [getattr(d.event, "pressed", None) for d in brain] == [True, False]
    assert await bus.pending_count("voice") == 0  # acked


def test_talk_mode_name_needs_names() -> None:
    class NoSTT(FasterWhisperSTT):
        pass

    with pytest.raises(ValueError, match="needs the character's names"):
        VoiceSource(
            channel="c", vad=SileroVAD(), stt=NoSTT(), publish=lambda e: asyncio.sleep(0), talk_mode="name"
        )


def test_selector_drops_a_not_addressed_utterance_as_such() -> None:
    selector = Selector(selector_config(PERSONA))
    event = StreamerUtterance(channel="chan", text="okay chat, one more try", addressed=False)
    selector.offer(event, 0.0)
    assert selector.pick(1.0) is None
    decisions = selector.drain_decisions()
    assert [(d.event_id, d.action, d.reason) for d in decisions] == [(event.id, "drop", "not-addressed")]
