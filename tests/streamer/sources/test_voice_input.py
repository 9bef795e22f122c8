"""``listen``: a voice input that fails (a missing or unplugged microphone) never stops the
show: the failure is published as the component's status, the input is opened again with
back-off, and what was heard before the failure is still transcribed. Real audio, real VAD,
real faster-whisper."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest

from engines.backends import AudioChunk, BackendError
from engines.events import ComponentStatus, EventBase, StreamerUtterance
from engines.voice import pcm
from integrations.faster_whisper.stt import FasterWhisperSTT
from integrations.silero_vad import SileroVAD
from streamer.sources.voice import VoiceSource, listen
from streamer.sources.wav_input import WavInput
from tests.support.speech import RATE, espeak


@pytest.fixture(scope="module")
def stt() -> Iterator[FasterWhisperSTT]:
    backend = FasterWhisperSTT(initial_prompt="Chat with Hiyori.")
    asyncio.run(backend.warm_up())
    yield backend
    asyncio.run(backend.aclose())


class Recorder:
    def __init__(self) -> None:
        self.events: list[EventBase] = []

    async def __call__(self, event: EventBase) -> None:
        self.events.append(event)

    def statuses(self) -> list[tuple[str, str]]:
        return [(e.component, e.state) for e in self.events if isinstance(e, ComponentStatus)]

    def said(self) -> list[str]:
        return [e.text.lower() for e in self.events if isinstance(e, StreamerUtterance)]


def line(text: str, tail_s: float = 1.0) -> AudioChunk:
    speech = espeak(text)
    return AudioChunk(pcm.silence(0.3, RATE) + speech.pcm + pcm.silence(tail_s, RATE), RATE)


async def test_a_missing_microphone_is_reported_and_tried_again(stt: FasterWhisperSTT) -> None:
    out = Recorder()
    source = VoiceSource(channel="chan", vad=SileroVAD(), stt=stt, publish=out)
    opened = 0

    def open_input() -> WavInput:
        nonlocal opened
        opened += 1
        if opened < 3:
            raise BackendError("microphone", "no audio input device found (PortAudio sees no microphone)")
        return WavInput(line("Okay chat, let's go."), speed=None)

    await asyncio.wait_for(
        listen(source, open_input, publish_status=out, component="mic", retry_s=(0.01, 0.02)), 30
    )
    assert opened == 3
    assert out.statuses() == [("mic", "down"), ("mic", "ok")]  # reported once per change
    down = next(e for e in out.events if isinstance(e, ComponentStatus))
    assert "no audio input device" in down.detail
    assert len(out.said()) == 1 and "chat" in out.said()[0]


async def test_an_unplugged_microphone_keeps_what_was_said_and_comes_back(stt: FasterWhisperSTT) -> None:
    out = Recorder()
    source = VoiceSource(channel="chan", vad=SileroVAD(), stt=stt, publish=out)
    first = line("Can you tell everyone what game we are playing today?", tail_s=0.0)
    attempts = 0

    async def unplugged() -> AsyncIterator[AudioChunk]:
        async for chunk in WavInput(first, speed=None):
            yield chunk
        raise BackendError("microphone", "no audio from 'USB mic' for 2 s (unplugged?)")

    def open_input() -> AsyncIterator[AudioChunk]:
        nonlocal attempts
        attempts += 1
        if attempts == 1:
            return unplugged()
        return aiter(WavInput(line("That was a close one."), speed=None))

    await asyncio.wait_for(listen(source, open_input, publish_status=out, retry_s=(0.01,)), 30)
    assert out.statuses() == [("mic", "ok"), ("mic", "down"), ("mic", "ok")]
    said = out.said()
    assert len(said) == 2, said
    assert "game" in said[0]  # cut off mid-air by the failure, still transcribed
    assert "close" in said[1]


async def test_cancelling_listen_stops_without_waiting(stt: FasterWhisperSTT) -> None:
    out = Recorder()
    source = VoiceSource(channel="chan", vad=SileroVAD(), stt=stt, publish=out)

    def forever() -> WavInput:
        return WavInput(AudioChunk(pcm.silence(60.0, RATE), RATE), speed=1.0)

    task = asyncio.create_task(listen(source, forever, publish_status=out))
    while not out.statuses():  # listening: the microphone is reported up
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert out.statuses() == [("mic", "ok")]
