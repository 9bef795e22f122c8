"""FallbackTTS: a sentence the primary voice cannot speak in time is spoken by the fallback.

The backends here are the project's fixed-timing TTS stand-in (tests/support/fixed_tts.py)
and two small doubles for failures it cannot make (a rejected request, a break-off midway).
The cloud clients themselves are exercised against their stand-ins in tests/integrations,
and the whole path through the performer in tests/streamer/test_performer.py.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from engines.backends import AudioChunk, BackendError, Limits, TTSBackend
from engines.voice.fallback_tts import FallbackTTS, TTSFallback, fallback_reason
from engines.voice.pcm import resample
from tests.support.fixed_tts import FixedTimingTTS

QUICK = Limits(first_output_s=0.3, stall_s=0.3, total_s=5.0)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Rejecting(TTSBackend):
    """A primary whose requests are refused (a bad key: not worth retrying)."""

    name = "cloud"

    async def _synthesize_impl(self, text: str, *, voice: str | None) -> AsyncIterator[AudioChunk]:
        raise BackendError(self.name, "401 unauthorized: check tts.api_key", retryable=False)
        yield AudioChunk(b"", 1)  # pragma: no cover


class BreaksOff(TTSBackend):
    """A primary that sends one chunk, then loses the connection."""

    name = "cloud"

    async def _synthesize_impl(self, text: str, *, voice: str | None) -> AsyncIterator[AudioChunk]:
        yield AudioChunk(b"\x10\x00" * 240, 24_000)
        raise BackendError(self.name, "the stream broke off", retryable=True)


def local() -> FixedTimingTTS:
    return FixedTimingTTS(first_audio_s=0.0, seconds_per_char=0.01, sample_rate=22_050, limits=QUICK)


async def speak(tts: TTSBackend, text: str, voice: str | None = None) -> list[AudioChunk]:
    return [c async for c in tts.synthesize(text, voice=voice)]


async def expected_local(text: str, rate: int | None = None) -> bytes:
    pcm = b"".join(c.pcm for c in await speak(local(), text))
    return pcm if rate is None else resample(pcm, 22_050, rate)


def make(primary: TTSBackend, events: list[TTSFallback], **kw: object) -> tuple[FallbackTTS, FixedTimingTTS]:
    fallback = local()
    tts = FallbackTTS(primary, fallback, provider="cloud", on_fallback=events.append, **kw)  # type: ignore[arg-type]
    return tts, fallback


async def test_a_working_primary_speaks_everything() -> None:
    primary = FixedTimingTTS(first_audio_s=0.0, seconds_per_char=0.01, sample_rate=24_000, limits=QUICK)
    events: list[TTSFallback] = []
    tts, fallback = make(primary, events, sample_rate=24_000)
    chunks = await speak(tts, "Hello chat!", voice="cloud-voice")
    direct = await speak(
        FixedTimingTTS(first_audio_s=0.0, seconds_per_char=0.01, sample_rate=24_000), "Hello chat!"
    )
    assert b"".join(c.pcm for c in chunks) == b"".join(c.pcm for c in direct)
    assert primary.requests == ["Hello chat!"] and fallback.requests == []
    assert events == [] and tts.stats.fallbacks == 0 and tts.stats.calls == 1


async def test_a_failing_primary_hands_the_sentence_to_the_fallback() -> None:
    primary = FixedTimingTTS(first_audio_s=0.0, fail_on="follow", sample_rate=22_050, limits=QUICK)
    events: list[TTSFallback] = []
    tts, fallback = make(primary, events)
    chunks = await speak(tts, "Thanks for the follow!")
    assert b"".join(c.pcm for c in chunks) == await expected_local("Thanks for the follow!")
    assert fallback.requests == ["Thanks for the follow!"]
    [event] = events
    assert event.provider == "cloud" and event.reason == "unavailable"
    assert "simulated TTS outage" in event.detail
    assert tts.stats.fallbacks == 1 and tts.reasons == {"unavailable": 1}


async def test_a_primary_without_audio_in_time_is_a_timeout_fallback() -> None:
    primary = FixedTimingTTS(first_audio_s=0.0, stall_on="raid", limits=QUICK)
    events: list[TTSFallback] = []
    tts, _ = make(primary, events)
    chunks = await speak(tts, "Welcome, raiders of the raid!")
    assert b"".join(c.pcm for c in chunks) == await expected_local("Welcome, raiders of the raid!")
    assert [e.reason for e in events] == ["timeout"]


async def test_a_rejected_request_is_labelled_rejected() -> None:
    events: list[TTSFallback] = []
    tts, _ = make(Rejecting(), events)
    await speak(tts, "Hello!")
    assert [e.reason for e in events] == ["rejected"] and "check tts.api_key" in events[0].detail
    assert fallback_reason(BackendError("x", "y", retryable=False)) == "rejected"


async def test_after_a_failure_the_primary_rests_then_is_tried_again() -> None:
    clock = Clock()
    primary = FixedTimingTTS(first_audio_s=0.0, fail_on="first", sample_rate=22_050, limits=QUICK)
    events: list[TTSFallback] = []
    tts, fallback = make(primary, events, cooldown_s=30.0, clock=clock)
    await speak(tts, "The first one fails.")
    assert tts.cooling and tts.open_turn() is None
    clock.now += 10
    await speak(tts, "This one goes straight to the fallback.")
    assert primary.requests == ["The first one fails."]  # the primary was not asked again
    clock.now += 25
    assert not tts.cooling
    await speak(tts, "And now the cloud again.")
    assert primary.requests[-1] == "And now the cloud again."
    assert [e.reason for e in events] == ["unavailable", "cooldown"]
    assert fallback.requests == ["The first one fails.", "This one goes straight to the fallback."]
    assert tts.reasons == {"unavailable": 1, "cooldown": 1} and tts.stats.fallbacks == 2


async def test_without_a_cooldown_every_sentence_tries_the_primary() -> None:
    primary = FixedTimingTTS(first_audio_s=0.0, fail_on="x", limits=QUICK)
    events: list[TTSFallback] = []
    tts, _ = make(primary, events, cooldown_s=0.0)
    await speak(tts, "x one")
    await speak(tts, "x two")
    assert primary.requests == ["x one", "x two"] and [e.reason for e in events] == ["unavailable"] * 2


async def test_the_fallback_is_resampled_to_the_primarys_rate() -> None:
    primary = FixedTimingTTS(first_audio_s=0.0, fail_on="!", sample_rate=24_000, limits=QUICK)
    tts, _ = make(primary, [], sample_rate=24_000)
    chunks = await speak(tts, "Hi chat!")
    assert {c.sample_rate for c in chunks} == {24_000}
    assert b"".join(c.pcm for c in chunks) == await expected_local("Hi chat!", rate=24_000)


async def test_a_sentence_that_broke_off_is_spoken_again_by_the_fallback() -> None:
    events: list[TTSFallback] = []
    tts, _ = make(BreaksOff(), events, sample_rate=24_000)
    chunks = await speak(tts, "Hello there!")
    assert chunks[0].pcm == b"\x10\x00" * 240  # what the primary managed
    assert b"".join(c.pcm for c in chunks[1:]) == await expected_local("Hello there!", rate=24_000)
    assert [e.reason for e in events] == ["unavailable"]


async def test_a_broken_callback_does_not_stop_the_speech() -> None:
    def explode(event: TTSFallback) -> None:
        raise RuntimeError("metrics are down")

    primary = FixedTimingTTS(first_audio_s=0.0, fail_on="a", limits=QUICK)
    tts = FallbackTTS(primary, local(), on_fallback=explode)
    chunks = await speak(tts, "a sentence")
    assert b"".join(c.pcm for c in chunks) == await expected_local("a sentence")
    assert tts.provider == "fixed-tts"


async def test_when_both_fail_the_error_reaches_the_caller() -> None:
    primary = FixedTimingTTS(first_audio_s=0.0, fail_on="doomed", limits=QUICK)
    fallback = FixedTimingTTS(first_audio_s=0.0, fail_on="doomed", limits=QUICK)
    tts = FallbackTTS(primary, fallback)
    with pytest.raises(BackendError, match="simulated TTS outage"):
        await speak(tts, "A doomed sentence.")


async def test_warm_up_loads_the_fallback_and_rests_a_failing_primary() -> None:
    events: list[TTSFallback] = []
    tts, fallback = make(Rejecting(), events)
    await tts.warm_up()
    assert fallback.requests == ["Hello."]
    assert tts.cooling and events == []  # a start-up check is not a spoken sentence
