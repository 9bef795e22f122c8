"""OpenAITTS (the openai SDK's streaming response) against the local /v1/audio/speech stand-in."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr

from engines.backends import AudioChunk, BackendError, BackendTimeout, Limits
from integrations.openai.tts import OpenAITTS
from tests.support.fake_openai_tts import API_KEY, SAMPLE_RATE, FakeOpenAITTS, SpeechBehavior

TEXT = "Welcome to the stream, secret-spoken-words!"


@pytest.fixture
async def fake() -> AsyncIterator[FakeOpenAITTS]:
    async with FakeOpenAITTS() as server:
        yield server


async def collect(stream: AsyncIterator[AudioChunk], into: list[bytes]) -> None:
    async for chunk in stream:
        into.append(chunk.pcm)


def make_tts(fake: FakeOpenAITTS, **kw: object) -> OpenAITTS:
    kw.setdefault("limits", Limits(first_output_s=2.0, stall_s=1.0, total_s=10.0))
    kw.setdefault("api_key", SecretStr(API_KEY))
    return OpenAITTS(base_url=fake.base_url, **kw)  # type: ignore[arg-type]


@pytest.fixture
async def tts(fake: FakeOpenAITTS) -> AsyncIterator[OpenAITTS]:
    client = make_tts(fake)
    yield client
    await client.aclose()


async def test_streams_exactly_the_24khz_pcm_the_server_sent(fake: FakeOpenAITTS, tts: OpenAITTS) -> None:
    chunks = [c async for c in tts.synthesize(TEXT)]
    assert b"".join(c.pcm for c in chunks) == fake.render(TEXT)
    assert {c.sample_rate for c in chunks} == {SAMPLE_RATE} and tts.sample_rate == SAMPLE_RATE
    # 3001-byte network pieces: every chunk handed on is whole samples
    assert len(chunks) > 3 and all(len(c.pcm) % 2 == 0 for c in chunks)
    [req] = fake.requests
    assert req["key_ok"]
    assert req["body"] == {
        "model": "gpt-4o-mini-tts",
        "input": TEXT,
        "voice": "alloy",
        "response_format": "pcm",
    }


async def test_voice_instructions_speed_and_custom_voices_are_sent(fake: FakeOpenAITTS) -> None:
    tts = make_tts(fake, model="tts-1", voice="nova", instructions="Cheerful and quick.", speed=1.25)
    try:
        async for _ in tts.synthesize("Hi!"):
            pass
        async for _ in tts.synthesize("Hi again!", voice="voice_1234"):
            pass
    finally:
        await tts.aclose()
    first, second = (r["body"] for r in fake.requests)
    assert first["voice"] == "nova" and first["model"] == "tts-1"
    assert first["instructions"] == "Cheerful and quick." and first["speed"] == 1.25
    assert second["voice"] == {"id": "voice_1234"}


@pytest.mark.parametrize(
    ("status", "retryable", "hint"),
    [
        (401, False, "401 unauthorized: check tts.api_key"),
        (404, False, "404 not found: check tts.model"),
        (429, True, "429 rate limited"),
        (500, True, "500 server error"),
    ],
)
async def test_http_errors_are_translated_with_a_hint(
    fake: FakeOpenAITTS,
    tts: OpenAITTS,
    status: int,
    retryable: bool,
    hint: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake.behavior.fail_status = status
    caplog.set_level(logging.DEBUG)
    with pytest.raises(BackendError) as info:
        async for _ in tts.synthesize(TEXT):
            pass
    assert info.value.retryable is retryable
    assert str(info.value).startswith(f"openai-tts: {hint}")
    assert API_KEY not in str(info.value) and "secret-spoken-words" not in str(info.value)
    assert API_KEY not in caplog.text
    assert len(fake.requests) == 1  # no SDK retries: the fallback decides


async def test_a_wrong_key_is_rejected_and_not_shown(fake: FakeOpenAITTS) -> None:
    tts = make_tts(fake, api_key="sk-wrong-key-987654321")
    try:
        with pytest.raises(BackendError, match=r"check tts\.api_key") as info:
            async for _ in tts.synthesize(TEXT):
                pass
    finally:
        await tts.aclose()
    assert not info.value.retryable
    assert "sk-wrong-key-987654321" not in str(info.value) and "sk-wrong" not in repr(tts)


async def test_a_stall_and_a_dropped_stream_fail_the_sentence(fake: FakeOpenAITTS, tts: OpenAITTS) -> None:
    fake.behavior = SpeechBehavior(stall_after=1)
    tts.limits = Limits(first_output_s=2.0, stall_s=0.3, total_s=10.0)
    with pytest.raises(BackendTimeout, match="no next output"):
        async for _ in tts.synthesize(TEXT):
            pass
    fake.behavior = SpeechBehavior(drop_after=2)
    pieces: list[bytes] = []
    with pytest.raises(BackendError, match="stream broke off") as info:
        await collect(tts.synthesize(TEXT), pieces)
    assert info.value.retryable
    got = b"".join(pieces)
    assert got and fake.render(TEXT).startswith(got)
