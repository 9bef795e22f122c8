"""The performer with the real voices: ElevenLabs' websocket turn session (against the local
stand-in), interruption, and the piper fallback when the cloud voice fails, with the
fallback published on the real Redis bus."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import time
import wave
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from config.persona import load_persona
from config.settings import Settings
from engines import events as ev
from engines.backends import AudioChunk, Limits
from engines.voice.fallback_tts import FallbackTTS
from engines.voice.sinks import NullSink, WavFileSink
from integrations.elevenlabs import ElevenLabsTTS
from integrations.registry import build_tts
from streamer.bus import Bus, make_bus
from streamer.performer import Performer, PerformResult, Utterance
from streamer.status import publish_fallback
from tests.support.fake_elevenlabs import API_KEY, ElevenBehavior, FakeElevenLabs, render_speech
from tests.support.fake_openai_tts import API_KEY as OPENAI_KEY
from tests.support.fake_openai_tts import FakeOpenAITTS, SpeechBehavior
from tests.support.fixed_tts import FixedTimingTTS

SENTENCES = ["Hi Kiri,", "welcome in!", "It is a cozy game today."]


@pytest.fixture
async def fake() -> AsyncIterator[FakeElevenLabs]:
    async with FakeElevenLabs() as server:
        yield server


async def utterances(texts: list[str]) -> AsyncIterator[Utterance]:
    for i, text in enumerate(texts):
        yield Utterance(i, text, "neutral")


def wav_pcm(path: Path) -> tuple[bytes, int]:
    with wave.open(str(path)) as w:
        return w.readframes(w.getnframes()), w.getframerate()


async def wait_until(check: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not check() and time.monotonic() < deadline:  # type: ignore[operator]
        await asyncio.sleep(0.01)


async def test_a_websocket_turn_plays_each_sentence_as_the_server_sent_it(
    fake: FakeElevenLabs, tmp_path: Path
) -> None:
    tts = ElevenLabsTTS(api_key=API_KEY, base_url=fake.base_url, limits=Limits(first_output_s=2, stall_s=1))
    sink = WavFileSink(tmp_path, pace=None)
    started: list[tuple[str, float]] = []

    async def on_sentence(turn_id: str, u: Utterance) -> None:
        started.append((u.text, sink.played_s))

    performer = Performer(tts, sink, voice="persona-voice", on_sentence=on_sentence)
    result = PerformResult()
    try:
        await performer.perform("turn-1", utterances(SENTENCES), result)
    finally:
        await tts.aclose()
    pcm, rate = wav_pcm(tmp_path / "turn-1.wav")
    parts = [render_speech(s + " ", 22_050) for s in SENTENCES]
    assert rate == 22_050 and pcm == b"".join(parts)
    assert [u.text for u in result.spoken] == SENTENCES and result.tts_failures == 0
    # each sentence's caption hook fired exactly where its audio starts
    offsets = [sum(len(p) for p in parts[:i]) / 2 / 22_050 for i in range(len(parts))]
    assert [t for _, t in started] == pytest.approx(offsets)
    [sock] = fake.sockets  # one connection for the turn
    assert sock.voice_id == "persona-voice"
    assert [m["text"] for m in sock.messages] == [" ", *(s + " " for s in SENTENCES), ""]


async def test_an_interrupt_cuts_the_audio_and_closes_the_socket(fake: FakeElevenLabs) -> None:
    fake.behavior.message_interval_s = 0.05  # the server is still sending when the interrupt comes
    tts = ElevenLabsTTS(api_key=API_KEY, base_url=fake.base_url, limits=Limits(first_output_s=2, stall_s=1))
    sink = NullSink(pace=1.0)
    playing = asyncio.Event()

    async def on_sentence(turn_id: str, u: Utterance) -> None:
        playing.set()

    performer = Performer(tts, sink, on_sentence=on_sentence)
    result = PerformResult()
    long = ["This is a long first sentence that the streamer talks over.", "Never heard.", "Nor this."]
    task = asyncio.create_task(performer.perform("turn-2", utterances(long), result))
    try:
        await asyncio.wait_for(playing.wait(), 5)
        await asyncio.sleep(0.3)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(task, 5)  # returns at once, not after the audio or the server
        assert sink.stopped and not sink.is_open
        assert 0 < sink.played_s < len(render_speech(long[0], 22_050)) / 2 / 22_050
        assert result.spoken == [] and 0 < len(result.partial.split()) < len(long[0].split())
        [sock] = fake.sockets
        await wait_until(lambda: sock.closed_at is not None)
        assert sock.client_closed and not sock.final_sent
    finally:
        await tts.aclose()


async def test_cancelling_with_sentences_queued_ahead_returns_at_once() -> None:
    """With the look-ahead queue full, a cancel used to leave the turn hanging forever."""
    performer = Performer(FixedTimingTTS(first_audio_s=0.0, seconds_per_char=0.05), NullSink(pace=1.0))
    texts = [f"This is a fairly long sentence number {i}." for i in range(6)]
    task = asyncio.create_task(performer.perform("turn-3", utterances(texts), PerformResult()))
    await asyncio.sleep(0.5)  # sentence 0 plays; 1 and 2 wait in the queue; 3 waits to be queued
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, 5)


# ------------------------------------------------------------ the fallback, wired by the app


@pytest.fixture
async def bus(redis_url: str, redis_prefix: str) -> AsyncIterator[Bus]:
    settings = Settings(channel="chan", redis_url=redis_url, bus={"prefix": redis_prefix})
    b = make_bus(settings)
    yield b
    await b.close()


def cloud_settings(fake: FakeElevenLabs, redis_url: str, redis_prefix: str, **tts: object) -> Settings:
    return Settings(
        channel="chan",
        redis_url=redis_url,
        bus={"prefix": redis_prefix},
        tts={
            "provider": "elevenlabs",
            "api_key": API_KEY,
            "base_url": fake.base_url,
            "first_audio_s": 1.0,
            **tts,
        },
    )


async def fallback_metrics(bus: Bus, expected: int) -> list[ev.Metric]:
    got: list[ev.Metric] = []
    deadline = time.monotonic() + 5
    while len(got) < expected and time.monotonic() < deadline:
        for d in await bus.read("test", "t", ["output"], count=100, block_ms=100):
            if isinstance(d.event, ev.Metric) and d.event.name == "tts_fallback":
                got.append(d.event)
    return got


async def test_a_failing_cloud_voice_still_speaks_every_sentence_with_piper(
    fake: FakeElevenLabs, bus: Bus, redis_url: str, redis_prefix: str, tmp_path: Path
) -> None:
    fake.behavior.fail_status = 500  # the websocket handshake is refused
    settings = cloud_settings(fake, redis_url, redis_prefix)
    tts = build_tts(
        settings,
        load_persona("hiyori"),
        on_fallback=functools.partial(publish_fallback, bus, settings.channel),
    )
    assert isinstance(tts, FallbackTTS) and tts.sample_rate == 22_050
    sink = WavFileSink(tmp_path, pace=None)
    starts: list[float] = []

    async def on_sentence(turn_id: str, u: Utterance) -> None:
        starts.append(sink.played_s)

    performer = Performer(tts, sink, on_sentence=on_sentence)
    result = PerformResult()
    try:
        await performer.perform("turn-4", utterances(SENTENCES), result)
    finally:
        await tts.aclose()
    assert [u.text for u in result.spoken] == SENTENCES and result.tts_failures == 0
    pcm, rate = wav_pcm(tmp_path / "turn-4.wav")
    total = len(pcm) / 2 / rate
    lengths = [b - a for a, b in zip(starts, [*starts[1:], total], strict=True)]
    assert all(length > 0.3 for length in lengths)  # piper's voice for every sentence
    assert tts.stats.fallbacks == 3 and tts.reasons == {"unavailable": 1, "cooldown": 2}
    metrics = await fallback_metrics(bus, 3)
    assert sorted(m.labels["reason"] for m in metrics) == ["cooldown", "cooldown", "unavailable"]
    assert all(
        m.labels["provider"] == "elevenlabs" and m.value == 1.0 and m.channel == "chan" for m in metrics
    )


async def test_a_socket_lost_mid_turn_hands_the_rest_of_the_turn_to_piper(
    fake: FakeElevenLabs, bus: Bus, redis_url: str, redis_prefix: str, tmp_path: Path
) -> None:
    fake.behavior = ElevenBehavior(drop_after=5)  # sentence 1 (360 ms) arrives, sentence 2 breaks off
    settings = cloud_settings(fake, redis_url, redis_prefix)
    tts = build_tts(
        settings,
        load_persona("hiyori"),
        on_fallback=functools.partial(publish_fallback, bus, settings.channel),
    )
    assert isinstance(tts, FallbackTTS)
    sink = WavFileSink(tmp_path, pace=None)
    performer = Performer(tts, sink)
    result = PerformResult()
    try:
        await performer.perform("turn-5", utterances(SENTENCES), result)
    finally:
        await tts.aclose()
    assert [u.text for u in result.spoken] == SENTENCES and result.tts_failures == 0
    pcm, _ = wav_pcm(tmp_path / "turn-5.wav")
    cloud = render_speech(SENTENCES[0] + " ", 22_050)
    assert pcm.startswith(cloud)  # the first sentence in the cloud voice, byte for byte
    assert len(pcm) / 2 / 22_050 > len(cloud) / 2 / 22_050 + 1.0  # then piper spoke the other two
    assert tts.reasons == {"unavailable": 1, "cooldown": 1}
    metrics = await fallback_metrics(bus, 2)
    assert sorted(m.labels["reason"] for m in metrics) == ["cooldown", "unavailable"]


async def test_openai_voice_with_one_failing_sentence_plays_the_turn_at_24khz(
    redis_url: str, redis_prefix: str, tmp_path: Path
) -> None:
    async with FakeOpenAITTS(SpeechBehavior(fail_on="welcome")) as fake:
        settings = Settings(
            channel="chan", redis_url=redis_url, bus={"prefix": redis_prefix},
            tts={"provider": "openai", "api_key": OPENAI_KEY, "base_url": fake.base_url, "voice": "nova"},
        )  # fmt: skip
        tts = build_tts(settings, load_persona("hiyori"))
        assert isinstance(tts, FallbackTTS) and tts.sample_rate == 24_000
        sink = WavFileSink(tmp_path, pace=None)
        result = PerformResult()
        try:
            await Performer(tts, sink).perform("turn-7", utterances(SENTENCES[:2]), result)
        finally:
            await tts.aclose()
    assert [u.text for u in result.spoken] == SENTENCES[:2]
    pcm, rate = wav_pcm(tmp_path / "turn-7.wav")
    cloud = fake.render(SENTENCES[0])
    assert rate == 24_000 and pcm.startswith(cloud)  # piper's sentence was resampled to the turn's rate
    assert len(pcm) > len(cloud) + 24_000  # and spoken: more than a second of it
    assert [r["body"]["voice"] for r in fake.requests] == ["nova", "nova"]
    assert tts.reasons == {"unavailable": 1}


async def test_with_the_fallback_off_a_failing_sentence_is_skipped(
    fake: FakeElevenLabs, redis_url: str, redis_prefix: str, tmp_path: Path
) -> None:
    fake.behavior.fail_status = 401
    settings = cloud_settings(fake, redis_url, redis_prefix, fallback=False, mode="http")
    tts = build_tts(settings, load_persona("hiyori"))
    assert isinstance(tts, ElevenLabsTTS)
    result = PerformResult()
    try:
        await Performer(tts, NullSink(pace=None)).perform("turn-6", utterances(SENTENCES[:2]), result)
    finally:
        await tts.aclose()
    assert result.spoken == [] and result.tts_failures == 2


# ------------------------------------------------------------ the first audio's hold


async def test_the_hold_covers_the_first_sentence_until_its_first_chunk_only() -> None:
    """The local model server is paused while the turn's first audio renders: the performer
    holds ``first_audio_hold`` from the first sentence's synthesis to its first chunk, and not
    for the sentences after it, nor after the first sentence failed."""
    log: list[str] = []

    @contextlib.contextmanager
    def hold() -> Iterator[None]:
        log.append("hold")
        try:
            yield
        finally:
            log.append("let go")

    class Recording(FixedTimingTTS):
        async def _synthesize_impl(self, text: str, *, voice: str | None) -> AsyncIterator[AudioChunk]:
            log.append(f"synth {text}")
            async for chunk in super()._synthesize_impl(text, voice=voice):
                log.append(f"chunk {text}")
                yield chunk

    tts = Recording(first_audio_s=0.0, seconds_per_char=0.002, chunk_s=0.01)
    performer = Performer(tts, NullSink(), first_audio_hold=hold)
    result = PerformResult()
    await performer.perform("turn-h", utterances(["Hi Kiri,", "welcome in!"]), result)
    assert log[:4] == ["hold", "synth Hi Kiri,", "chunk Hi Kiri,", "let go"]  # at the first chunk
    assert log.index("let go") < log.index("synth welcome in!")
    assert log.count("hold") == 1 and log.count("let go") == 1
    assert [u.text for u in result.spoken] == ["Hi Kiri,", "welcome in!"]

    log.clear()  # a failing first sentence lets go too, and the next turn holds again
    failing = Performer(Recording(first_audio_s=0.0, fail_on="Hi"), NullSink(), first_audio_hold=hold)
    await failing.perform("turn-f", utterances(["Hi Kiri,", "welcome in!"]), PerformResult())
    assert log[:3] == ["hold", "synth Hi Kiri,", "let go"] and log.count("hold") == 1
    await failing.perform("turn-g", utterances(["welcome in!"]), PerformResult())
    assert log.count("hold") == 2 and log.count("let go") == 2
