"""VoiceSource end to end on real audio: piper speech WAVs → WavInput → Silero VAD →
faster-whisper tiny.en → StreamerUtterance; short noises give nothing; barge-in signal;
plus unit checks with a scripted detector and a fake STT."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from engines.backends import AudioChunk, BackendError, STTBackend, Transcript
from engines.events import EventBase, StreamerUtterance
from engines.voice import pcm
from engines.voice.vad import EndpointConfig
from integrations.faster_whisper.stt import FasterWhisperSTT
from integrations.silero_vad import SileroVAD
from streamer.sources import wav_input
from streamer.sources.voice import SpeechSignal, VoiceSource
from streamer.sources.wav_input import WavInput
from tests.support.loudness_vad import LoudnessVAD
from tests.support.virtual_clock import VirtualClock

DATA = Path(__file__).parents[2] / "data" / "voice"
RATE = 16000


@pytest.fixture(scope="module")
def stt() -> Iterator[FasterWhisperSTT]:
    # the character's name in the prompt, as the app would set it: plain tiny.en hears
    # piper's "Hiyori" as "He worried"
    backend = FasterWhisperSTT(initial_prompt="Chat with Hiyori, the VTuber.")
    asyncio.run(backend.warm_up())
    yield backend
    asyncio.run(backend.aclose())


def words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split()


class Collector:
    def __init__(self) -> None:
        self.events: list[StreamerUtterance] = []
        self.at: list[datetime] = []

    async def __call__(self, event: EventBase) -> None:
        assert isinstance(event, StreamerUtterance)
        self.events.append(event)
        self.at.append(datetime.now(UTC))


class AudioClock:
    """The microphone's own clock: the end of the audio handed out so far, as a datetime.
    Times derived from it depend on the audio alone, never on how fast the machine is."""

    EPOCH = datetime(2030, 1, 1, tzinfo=UTC)

    def __init__(self, chunks: WavInput) -> None:
        self.chunks = chunks
        self.seconds = 0.0

    def now(self) -> datetime:
        return self.EPOCH + timedelta(seconds=self.seconds)

    async def __aiter__(self) -> AsyncIterator[AudioChunk]:
        async for chunk in self.chunks:
            self.seconds += chunk.seconds
            yield chunk


class Ticker:
    """Counts event-loop ticks, so a test can tell whether the loop ran while something else
    (a transcription) was in progress."""

    def __init__(self) -> None:
        self.ticks = 0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            self.ticks += 1
            await asyncio.sleep(0.005)

    def __enter__(self) -> Ticker:
        self._task = asyncio.create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


# ---------------------------------------------------------------- real VAD + real whisper


async def test_boss_question_in_real_time_is_one_utterance(stt: FasterWhisperSTT) -> None:
    out = Collector()
    signals: list[SpeechSignal] = []
    mic = AudioClock(WavInput(DATA / "boss.wav", speed=1.0))  # 0.5 s silence, speech, 1 s silence
    source = VoiceSource(
        channel="hiyori", vad=SileroVAD(), stt=stt, publish=out, on_speech_start=signals.append, clock=mic.now
    )
    transcribe = stt.transcribe
    ticks_during_stt: list[int] = []

    async def timed_transcribe(audio: AudioChunk) -> Transcript:
        before = ticker.ticks
        try:
            return await transcribe(audio)
        finally:
            ticks_during_stt.append(ticker.ticks - before)

    stt.transcribe = timed_transcribe  # type: ignore[method-assign]
    try:
        with Ticker() as ticker:
            await source.run(mic)
    finally:
        del stt.transcribe  # back to the class's method
    t0 = mic.EPOCH

    assert len(out.events) == 1
    event = out.events[0]
    got = words(event.text)
    assert got == ["hiyori", "what", "do", "you", "think", "about", "this", "boss"], event.text
    assert 0.3 < event.confidence <= 1.0
    assert event.channel == "hiyori"
    assert event.started_at is not None and event.ended_at is not None
    # speech starts ~0.5 s into the file and lasts ~2.4 s
    assert t0 + timedelta(seconds=0.3) < event.started_at < t0 + timedelta(seconds=0.9)
    assert 1.8 < (event.ended_at - event.started_at).total_seconds() < 3.2
    assert event.ended_at <= mic.now()
    assert len(signals) == 1 and signals[0].voiced_ms >= 300
    assert abs((signals[0].started_at - event.started_at).total_seconds()) < 0.05
    # the loop went on (the microphone was read) while whisper worked: it never blocks on STT
    assert ticks_during_stt and all(ticks > 0 for ticks in ticks_during_stt)


async def test_two_phrases_become_two_utterances_in_order(stt: FasterWhisperSTT) -> None:
    out = Collector()
    signals: list[SpeechSignal] = []
    source = VoiceSource(channel="c", vad=SileroVAD(), stt=stt, publish=out, on_speech_start=signals.append)
    await source.run(WavInput(DATA / "two_phrases.wav", speed=4.0))
    assert [words(e.text) for e in out.events] == [
        ["okay", "chat", "let's", "go"],
        ["that", "was", "a", "close", "one"],
    ], [e.text for e in out.events]
    first, second = out.events
    assert first.ended_at is not None and second.started_at is not None
    assert first.ended_at < second.started_at
    assert len(signals) == 2
    assert source.stats.utterances == 2


def noise_wav() -> AudioChunk:
    """Silence with three 150 ms bursts: white noise, a tone, and a 150 ms slice of real
    speech (an "mm"), each followed by a second of silence."""
    boss = pcm.read_wav(DATA / "boss.wav").pcm
    burst = int(0.15 * RATE) * 2
    speech_slice = boss[int(2.0 * RATE) * 2 :][:burst]
    white = pcm.from_float32(np.random.default_rng(7).normal(0.0, 0.3, burst // 2))
    tone = pcm.tone(300.0, 0.15, RATE, amplitude=0.5)
    gap = pcm.silence(1.0, RATE)
    return AudioChunk(gap + white + gap + tone + gap + speech_slice + gap, RATE)


async def test_short_noises_produce_nothing(stt: FasterWhisperSTT) -> None:
    out = Collector()
    signals: list[SpeechSignal] = []
    source = VoiceSource(channel="c", vad=SileroVAD(), stt=stt, publish=out, on_speech_start=signals.append)
    calls = stt.stats.calls
    await source.run(WavInput(noise_wav(), speed=None))
    assert out.events == []
    assert signals == []
    assert source.stats.utterances == 0
    assert stt.stats.calls == calls  # whisper was never asked
    assert source.stats.frames > 100


async def test_resampled_input_and_big_chunks(stt: FasterWhisperSTT) -> None:
    """A 48 kHz file handed over in 1-second chunks still gives the phrase."""
    audio = pcm.read_wav(DATA / "boss.wav")
    at48 = AudioChunk(pcm.resample(audio.pcm, RATE, 48000), 48000)
    out = Collector()
    source = VoiceSource(channel="c", vad=SileroVAD(), stt=stt, publish=out)
    await source.run(WavInput(at48, chunk_ms=1000, speed=None, sample_rate=None))
    assert len(out.events) == 1
    assert words(out.events[0].text)[-3:] == ["about", "this", "boss"]


# ---------------------------------------------------------------- unit: scripted VAD, fake STT


class FakeSTT(STTBackend):
    name = "fake-stt"

    def __init__(self, texts: list[str], *, delay: float = 0.0, fail: bool = False) -> None:
        super().__init__(timeout_s=5.0)
        self.texts = texts
        self.delay = delay
        self.fail = fail
        self.seconds: list[float] = []

    async def _transcribe_impl(self, audio: AudioChunk) -> Transcript:
        self.seconds.append(audio.seconds)
        await asyncio.sleep(self.delay)
        if self.fail:
            raise BackendError(self.name, "boom")
        return Transcript(text=self.texts.pop(0), confidence=0.8)


def loud(seconds: float) -> bytes:
    return pcm.tone(200.0, seconds, RATE, amplitude=0.3)


async def test_async_barge_in_callback_and_ordered_publishing() -> None:
    out = Collector()
    fired: list[float] = []

    async def interrupt(signal: SpeechSignal) -> None:
        await asyncio.sleep(0)
        fired.append(signal.voiced_ms)

    stt = FakeSTT(["first", "second"], delay=0.05)
    source = VoiceSource(channel="c", vad=LoudnessVAD(), stt=stt, publish=out, on_speech_start=interrupt)
    audio = pcm.silence(0.3, RATE) + loud(0.6) + pcm.silence(0.8, RATE) + loud(0.5) + pcm.silence(0.8, RATE)
    await source.run(WavInput(AudioChunk(audio, RATE), speed=None))
    assert [e.text for e in out.events] == ["first", "second"]
    assert all(e.confidence == 0.8 for e in out.events)
    assert len(fired) == 2 and all(ms >= 300 for ms in fired)
    # pre-roll (300 ms) + speech + post-pad (200 ms), in whole frames
    assert stt.seconds[0] == pytest.approx(0.3 + 0.6 + 0.2, abs=0.07)


async def test_speech_between_250_and_300_ms_is_an_utterance_without_barge_in() -> None:
    out = Collector()
    signals: list[SpeechSignal] = []
    cfg = EndpointConfig(min_speech_ms=250, min_barge_in_ms=300)
    source = VoiceSource(
        channel="c",
        vad=LoudnessVAD(),
        stt=FakeSTT(["mhm yes"]),
        publish=out,
        config=cfg,
        on_speech_start=signals.append,
    )
    audio = pcm.silence(0.3, RATE) + loud(0.27) + pcm.silence(0.8, RATE)
    await source.run(WavInput(AudioChunk(audio, RATE), speed=None))
    assert [e.text for e in out.events] == ["mhm yes"]
    assert signals == []


async def test_stt_failure_and_empty_text_publish_nothing() -> None:
    audio = AudioChunk(pcm.silence(0.3, RATE) + loud(0.6) + pcm.silence(0.8, RATE), RATE)
    out = Collector()
    failing = VoiceSource(channel="c", vad=LoudnessVAD(), stt=FakeSTT([], fail=True), publish=out)
    await failing.run(WavInput(audio, speed=None))
    assert out.events == [] and failing.stats.stt_failures == 1

    empty = VoiceSource(channel="c", vad=LoudnessVAD(), stt=FakeSTT(["  "]), publish=out)
    await empty.run(WavInput(audio, speed=None))
    assert out.events == [] and empty.stats.empty == 1


async def test_speech_at_end_of_input_is_flushed() -> None:
    out = Collector()
    source = VoiceSource(channel="c", vad=LoudnessVAD(), stt=FakeSTT(["cut off"]), publish=out)
    await source.run(WavInput(AudioChunk(pcm.silence(0.2, RATE) + loud(0.5), RATE), speed=None))
    assert [e.text for e in out.events] == ["cut off"]
    with pytest.raises(RuntimeError):
        await source.feed(AudioChunk(loud(0.1), RATE))


async def test_wav_input_pacing_and_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    audio = AudioChunk(pcm.silence(0.5, RATE), RATE)
    wav = WavInput(audio, chunk_ms=32, speed=2.0, tail_silence_s=0.1)
    assert wav.seconds == pytest.approx(0.6)
    with VirtualClock().patch() as clock:
        monkeypatch.setattr(wav_input, "time", SimpleNamespace(monotonic=clock.time))
        start = clock.now
        chunks, handed_out = [], []
        async for c in wav:
            chunks.append(c)
            handed_out.append(clock.now - start)
    assert sum(c.seconds for c in chunks) == pytest.approx(0.6)
    assert all(len(c.pcm) == 512 * 2 for c in chunks[:-1])
    # each chunk once it has been "recorded", at twice real time: 16 ms apart
    assert handed_out == pytest.approx([0.016 * (k + 1) for k in range(len(chunks))])
    with pytest.raises(ValueError, match="chunk_ms"):
        WavInput(audio, chunk_ms=0)
    with pytest.raises(ValueError, match="speed"):
        WavInput(audio, speed=-1)


async def test_cancelling_run_stops_a_slow_transcription(monkeypatch: pytest.MonkeyPatch) -> None:
    out = Collector()
    vad = LoudnessVAD()
    stt = FakeSTT(["never"], delay=30.0)
    source = VoiceSource(channel="c", vad=vad, stt=stt, publish=out)
    assert vad.resets == 1
    audio = AudioChunk(
        pcm.silence(0.3, RATE) + loud(0.6) + pcm.silence(0.8, RATE) + pcm.silence(5.0, RATE), RATE
    )
    with VirtualClock().patch() as clock:  # the 30 s transcription would take 30 s here too
        monkeypatch.setattr(wav_input, "time", SimpleNamespace(monotonic=clock.time))
        task = asyncio.create_task(source.run(WavInput(audio, speed=4.0)))
        while not stt.seconds:  # the utterance reached the STT
            await asyncio.sleep(0.01)
        cancelled_at = clock.now
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert clock.now == cancelled_at  # at once: it did not wait for the transcription
    assert out.events == []
