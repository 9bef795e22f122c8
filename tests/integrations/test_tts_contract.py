"""One behavioural contract for every TTS adapter: the same checks, run against each.

- ``piper``: PiperTTS on the bundled voice (real, local);
- ``openai``: OpenAITTS against the local ``/v1/audio/speech`` stand-in;
- ``elevenlabs-http``: ElevenLabsTTS per sentence over HTTP, against the ElevenLabs stand-in;
- ``elevenlabs-websocket``: ElevenLabsTTS's websocket turn (one sentence said on it);
- ``fallback``: FallbackTTS speaking with OpenAI, ElevenLabs over HTTP behind it.

The contract:

- a sentence comes back as non-empty chunks of whole 16-bit samples at the adapter's declared
  rate (exactly the stand-in's audio, where the voice is known);
- blank text is no audio, no error and no request;
- a stream cancelled midway lets go of what it held (the service sees the client hang up),
  and the adapter speaks the next sentence;
- a failure is a :class:`BackendError` that says whether trying again may help, and late
  first audio is a :class:`BackendTimeout`;
- ``aclose()`` may be called twice.

What is particular to one adapter (request bodies, hints, secrets, voices) stays in its own
test module.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator, Iterator
from typing import Any, ClassVar

import pytest

from engines.backends import AudioChunk, BackendError, BackendTimeout, Limits, TTSBackend
from engines.voice import pcm
from engines.voice.fallback_tts import FallbackTTS
from integrations.elevenlabs import ElevenLabsTTS
from integrations.openai.tts import OpenAITTS
from integrations.piper.tts import PiperTTS
from tests.support import fake_elevenlabs, fake_openai_tts
from tests.support.fake_elevenlabs import FakeElevenLabs
from tests.support.fake_openai_tts import FakeOpenAITTS

TEXT = "Hello chat, thanks for the raid. Welcome in, everyone!"
LIMITS = Limits(first_output_s=3.0, stall_s=3.0, total_s=30.0)
"""Loose: no check here relies on them, except the timeout check, which sets its own."""


class Harness:
    """One adapter, its stand-ins and the hooks the checks need."""

    failures: ClassVar[tuple[str, ...]] = ("rejected", "unavailable")
    """What the adapter can be made to fail with: ``rejected`` (not worth retrying) and
    ``unavailable`` (worth retrying)."""
    can_be_late: ClassVar[bool] = True
    """Its service can be made to hold back the first audio."""

    tts: TTSBackend
    rate: int

    async def start(self) -> None: ...

    async def stop(self) -> None:
        await self.tts.aclose()

    def speak(self, text: str, voice: str | None = None) -> AsyncGenerator[AudioChunk, None]:
        return self.tts.synthesize(text, voice=voice)

    def exact(self, text: str) -> bytes | None:
        """The audio ``text`` must come back as, where the voice is known."""
        return None

    def requests(self) -> int:
        """Requests the service received (sockets, for a websocket)."""
        return 0

    def fail(self, kind: str) -> str | None:
        """Make sentences fail with ``kind``; returns the voice to ask for."""
        raise NotImplementedError

    def hold_first_audio(self, seconds: float) -> None:
        raise NotImplementedError

    def stall_after_first_piece(self) -> None:
        """Make the service go silent after the first piece of audio (a stream to abandon)."""

    def recover(self) -> None:
        """Undo :meth:`stall_after_first_piece`: the service speaks normally again."""

    def released(self) -> bool:
        """The abandoned stream was let go of (the service saw the client hang up)."""
        return True


class PiperHarness(Harness):
    failures = ("rejected",)
    can_be_late = False

    def __init__(self, voices: dict[Any, Any]) -> None:
        self.tts = tts = PiperTTS(limits=LIMITS)
        tts._voices = dict(voices)  # the loaded voice, shared by every test (loading takes a while)
        self.rate = tts.sample_rate

    def fail(self, kind: str) -> str | None:
        return "no-such-voice"


class OpenAIHarness(Harness):
    def __init__(self) -> None:
        self.fake = FakeOpenAITTS()
        self.rate = fake_openai_tts.SAMPLE_RATE

    async def start(self) -> None:
        await self.fake.start()
        self.tts = OpenAITTS(base_url=self.fake.base_url, api_key=fake_openai_tts.API_KEY, limits=LIMITS)

    async def stop(self) -> None:
        await super().stop()
        await self.fake.stop()

    def exact(self, text: str) -> bytes:
        return self.fake.render(text)

    def requests(self) -> int:
        return len(self.fake.requests)

    def fail(self, kind: str) -> str | None:
        self.fake.behavior.fail_status = 401 if kind == "rejected" else 500
        return None

    def hold_first_audio(self, seconds: float) -> None:
        self.fake.behavior.first_audio_s = seconds

    def stall_after_first_piece(self) -> None:
        self.fake.behavior.stall_after = 1

    def recover(self) -> None:
        self.fake.behavior.stall_after = None

    def released(self) -> bool:
        return self.fake.hangups == 1


class ElevenLabsHttpHarness(Harness):
    def __init__(self, rate: int = 22_050) -> None:
        self.fake = FakeElevenLabs()
        self.rate = rate

    async def start(self) -> None:
        await self.fake.start()
        self.tts = self._client()

    def _client(self) -> ElevenLabsTTS:
        return ElevenLabsTTS(
            api_key=fake_elevenlabs.API_KEY,
            base_url=self.fake.base_url,
            mode="http",
            sample_rate=self.rate,
            limits=LIMITS,
        )

    async def stop(self) -> None:
        await super().stop()
        await self.fake.stop()

    def exact(self, text: str) -> bytes:
        return self.fake.render(text, self.rate)

    def requests(self) -> int:
        return len(self.fake.requests) + len(self.fake.sockets)

    def fail(self, kind: str) -> str | None:
        self.fake.behavior.fail_status = 401 if kind == "rejected" else 500
        return None

    def hold_first_audio(self, seconds: float) -> None:
        self.fake.behavior.first_audio_s = seconds

    def stall_after_first_piece(self) -> None:
        self.fake.behavior.stall_after = 1

    def recover(self) -> None:
        self.fake.behavior.stall_after = None

    def released(self) -> bool:
        return self.fake.hangups == 1


class ElevenLabsWebsocketHarness(ElevenLabsHttpHarness):
    """A turn on the websocket, one sentence said on it."""

    def _client(self) -> ElevenLabsTTS:
        return ElevenLabsTTS(
            api_key=fake_elevenlabs.API_KEY, base_url=self.fake.base_url, mode="websocket", limits=LIMITS
        )

    async def speak(self, text: str, voice: str | None = None) -> AsyncGenerator[AudioChunk, None]:
        mine = len(self.fake.sockets)  # the index this turn's socket will have
        turn = self.tts.open_turn(voice=voice)
        assert turn is not None
        try:
            audio = await turn.say(text)
            await turn.end()
            async for chunk in audio:
                yield chunk
            # the end of input reached the service, so did every sentence sent before it
            sockets = self.fake.sockets
            await self.fake.wait_for(lambda: len(sockets) > mine and {"text": ""} in sockets[mine].messages)
        finally:
            await turn.aclose()

    def exact(self, text: str) -> bytes:
        return self.fake.render(text + " ", self.rate)  # each sentence is sent with a trailing space

    def requests(self) -> int:
        """Sentences sent (the socket itself opens with the turn, before any text)."""
        return sum(1 for s in self.fake.sockets for m in s.messages if "flush" in m)

    def released(self) -> bool:
        return [s.client_closed for s in self.fake.sockets] == [True]


class FallbackHarness(Harness):
    """OpenAI speaks; ElevenLabs over HTTP, at OpenAI's rate, speaks what OpenAI cannot."""

    def __init__(self) -> None:
        self.primary = OpenAIHarness()
        self.backup = ElevenLabsHttpHarness(rate=fake_openai_tts.SAMPLE_RATE)
        self.rate = fake_openai_tts.SAMPLE_RATE

    async def start(self) -> None:
        await self.primary.start()
        await self.backup.start()
        self.tts = FallbackTTS(self.primary.tts, self.backup.tts, sample_rate=self.rate, cooldown_s=0.0)

    async def stop(self) -> None:
        await self.tts.aclose()
        await self.primary.fake.stop()
        await self.backup.fake.stop()

    def exact(self, text: str) -> bytes:
        return self.primary.exact(text)

    def requests(self) -> int:
        return self.primary.requests() + self.backup.requests()

    def fail(self, kind: str) -> str | None:  # both voices fail: nothing is left to speak
        self.primary.fail(kind)
        return self.backup.fail(kind)

    def hold_first_audio(self, seconds: float) -> None:
        self.primary.hold_first_audio(seconds)
        self.backup.hold_first_audio(seconds)

    def stall_after_first_piece(self) -> None:
        self.primary.stall_after_first_piece()

    def recover(self) -> None:
        self.primary.recover()

    def released(self) -> bool:
        return self.primary.released()


HARNESSES: dict[str, type[Harness]] = {
    "piper": PiperHarness,
    "openai": OpenAIHarness,
    "elevenlabs-http": ElevenLabsHttpHarness,
    "elevenlabs-websocket": ElevenLabsWebsocketHarness,
    "fallback": FallbackHarness,
}


@pytest.fixture(scope="module")
def piper_voices() -> Iterator[dict[Any, Any]]:
    """The bundled voice, loaded once for the module."""
    tts = PiperTTS()
    tts._load(tts.default_voice)
    yield dict(tts._voices)
    asyncio.run(tts.aclose())


@pytest.fixture(params=list(HARNESSES))
async def harness(request: pytest.FixtureRequest, piper_voices: dict[Any, Any]) -> AsyncIterator[Harness]:
    cls = HARNESSES[request.param]
    h = PiperHarness(piper_voices) if cls is PiperHarness else cls()
    await h.start()
    yield h
    await h.stop()


async def collect(stream: AsyncIterator[AudioChunk]) -> list[AudioChunk]:
    return [chunk async for chunk in stream]


# ---------------------------------------------------------------- the contract


async def test_a_sentence_is_whole_samples_at_the_declared_rate(harness: Harness) -> None:
    chunks = await collect(harness.speak(TEXT))
    assert chunks
    assert harness.tts.sample_rate == harness.rate  # type: ignore[attr-defined]
    assert {c.sample_rate for c in chunks} == {harness.rate}
    assert all(c.pcm and len(c.pcm) % 2 == 0 for c in chunks)
    audio = b"".join(c.pcm for c in chunks)
    expected = harness.exact(TEXT)
    if expected is not None:
        assert audio == expected
    else:  # a real voice: about two seconds of clearly audible speech
        assert 1.5 <= len(audio) / 2 / harness.rate <= 8.0
        assert pcm.dbfs(audio) > -30
    assert harness.tts.stats.calls == 1 and harness.tts.stats.failures == 0


@pytest.mark.parametrize("blank", ["", "   ", "\n\t "])
async def test_blank_text_is_no_audio_no_error_and_no_request(harness: Harness, blank: str) -> None:
    assert await collect(harness.speak(blank)) == []
    assert harness.requests() == 0


async def test_a_stream_cancelled_midway_lets_go_and_the_next_sentence_speaks(harness: Harness) -> None:
    harness.stall_after_first_piece()
    got: list[AudioChunk] = []
    first = asyncio.Event()

    async def listen() -> None:
        async for chunk in harness.speak(TEXT):
            got.append(chunk)
            first.set()

    task = asyncio.create_task(listen())
    await first.wait()
    task.cancel()  # an interrupt, while the rest of the sentence is still due
    with pytest.raises(asyncio.CancelledError):
        await task
    async with asyncio.timeout(10):  # a guard against a hang, not a bound on how long it takes
        while not harness.released():
            await asyncio.sleep(0.01)
    harness.recover()
    again = b"".join(c.pcm for c in await collect(harness.speak(TEXT)))
    expected = harness.exact(TEXT)
    if expected is not None:
        assert again == expected
    else:
        assert len(again) > sum(len(c.pcm) for c in got)  # the whole sentence this time


@pytest.mark.parametrize(
    ("harness", "kind"),
    [(name, kind) for name, cls in HARNESSES.items() for kind in cls.failures],
    indirect=["harness"],
)
async def test_a_failure_is_a_backend_error_that_says_whether_to_retry(harness: Harness, kind: str) -> None:
    voice = harness.fail(kind)
    with pytest.raises(BackendError) as info:
        await collect(harness.speak(TEXT, voice))
    assert not isinstance(info.value, BackendTimeout)
    assert info.value.retryable is (kind == "unavailable")


@pytest.mark.parametrize("harness", [n for n, cls in HARNESSES.items() if cls.can_be_late], indirect=True)
async def test_late_first_audio_is_a_timeout(harness: Harness) -> None:
    harness.hold_first_audio(5.0)
    harness.tts.limits = Limits(first_output_s=0.3, stall_s=3.0, total_s=30.0)
    for tts in (getattr(harness.tts, "primary", None), getattr(harness.tts, "fallback", None)):
        if isinstance(tts, TTSBackend):  # FallbackTTS: its voices keep their own limits
            tts.limits = harness.tts.limits
    with pytest.raises(BackendTimeout, match=r"no first output within 0\.3s") as info:
        await collect(harness.speak(TEXT))
    assert info.value.retryable


async def test_aclose_may_be_called_twice(harness: Harness) -> None:
    assert await collect(harness.speak(TEXT))
    await harness.tts.aclose()
    await harness.tts.aclose()  # and the fixture closes it once more
