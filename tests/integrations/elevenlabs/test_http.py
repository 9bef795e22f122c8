"""ElevenLabsTTS over HTTP (the official SDK) against the local ElevenLabs stand-in."""

from __future__ import annotations

import logging
import socket
from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr

from engines.backends import AudioChunk, BackendError, BackendTimeout, Limits
from integrations.elevenlabs import ElevenLabsTTS
from tests.support.fake_elevenlabs import API_KEY, ElevenBehavior, FakeElevenLabs, render_speech

TEXT = "Thanks for the follow, secret-spoken-words!"


@pytest.fixture
async def fake() -> AsyncIterator[FakeElevenLabs]:
    async with FakeElevenLabs() as server:
        yield server


@pytest.fixture
async def tts(fake: FakeElevenLabs) -> AsyncIterator[ElevenLabsTTS]:
    client = make_tts(fake)
    yield client
    await client.aclose()


async def collect(stream: AsyncIterator[AudioChunk], into: list[bytes]) -> None:
    async for chunk in stream:
        into.append(chunk.pcm)


def make_tts(fake: FakeElevenLabs, **kw: object) -> ElevenLabsTTS:
    kw.setdefault("limits", Limits(first_output_s=2.0, stall_s=1.0, total_s=10.0))
    kw.setdefault("api_key", SecretStr(API_KEY))
    return ElevenLabsTTS(base_url=fake.base_url, mode="http", **kw)  # type: ignore[arg-type]


async def test_streams_exactly_the_pcm_the_server_sent(fake: FakeElevenLabs, tts: ElevenLabsTTS) -> None:
    chunks = [c async for c in tts.synthesize(TEXT)]
    expected = render_speech(TEXT, 22_050)
    assert b"".join(c.pcm for c in chunks) == expected
    assert {c.sample_rate for c in chunks} == {22_050}
    # the stand-in writes 2049-byte pieces: every chunk handed on is still whole samples
    assert len(chunks) > 3 and all(len(c.pcm) % 2 == 0 for c in chunks)
    [req] = fake.requests
    assert req.key_ok
    assert req.voice_id == "JBFqnCBsd6RMkjVDRZzb"
    assert req.query == {"output_format": "pcm_22050"}
    assert req.body["text"] == TEXT and req.body["model_id"] == "eleven_flash_v2_5"
    assert tts.stats.calls == 1 and tts.stats.failures == 0
    assert tts.stats.last_first_output_ms is not None


async def test_voice_rate_model_and_voice_settings_are_sent(fake: FakeElevenLabs) -> None:
    tts = make_tts(
        fake, sample_rate=16_000, model="eleven_turbo_v2_5", voice_id="base-voice", stability=0.4, speed=1.1
    )
    try:
        pcm = b"".join([c.pcm async for c in tts.synthesize("Hi there!", voice="persona-voice")])
    finally:
        await tts.aclose()
    assert pcm == render_speech("Hi there!", 16_000)
    [req] = fake.requests
    assert req.voice_id == "persona-voice"
    assert req.query == {"output_format": "pcm_16000"}
    assert req.body["model_id"] == "eleven_turbo_v2_5"
    assert req.body["voice_settings"]["stability"] == 0.4 and req.body["voice_settings"]["speed"] == 1.1


@pytest.mark.parametrize(
    ("status", "retryable", "hint"),
    [
        (401, False, "401 unauthorized: check tts.api_key"),
        (404, False, "404 not found: check the voice id"),
        (422, False, "422 unprocessable request"),
        (429, True, "429 rate limited"),
        (500, True, "500 server error"),
    ],
)
async def test_http_errors_are_translated_with_a_hint(
    fake: FakeElevenLabs,
    tts: ElevenLabsTTS,
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
    err = info.value
    assert not isinstance(err, BackendTimeout)
    assert err.retryable is retryable
    assert str(err).startswith(f"elevenlabs: {hint}")
    assert API_KEY not in str(err) and "secret-spoken-words" not in str(err)
    assert API_KEY not in caplog.text
    assert len(fake.requests) == 1  # no hidden SDK retries: the fallback decides
    assert tts.stats.failures == 1


async def test_a_bad_key_names_the_setting_and_never_shows_the_key(fake: FakeElevenLabs) -> None:
    tts = make_tts(fake, api_key="sk_wrong_key_123456")
    try:
        with pytest.raises(BackendError, match=r"check tts\.api_key") as info:
            async for _ in tts.synthesize(TEXT):
                pass
    finally:
        await tts.aclose()
    assert "invalid_api_key" in str(info.value)
    assert "sk_wrong_key_123456" not in str(info.value) and "sk_wrong_key_123456" not in repr(tts)
    assert not fake.requests[0].key_ok


async def test_no_first_audio_in_time_is_a_timeout(fake: FakeElevenLabs, tts: ElevenLabsTTS) -> None:
    fake.behavior.first_audio_s = 5.0
    tts.limits = Limits(first_output_s=0.3, stall_s=1.0, total_s=10.0)
    with pytest.raises(BackendTimeout, match=r"no first output within 0\.3s"):
        async for _ in tts.synthesize(TEXT):
            pass
    assert tts.stats.timeouts == 1


async def test_a_stall_mid_sentence_is_a_timeout(fake: FakeElevenLabs, tts: ElevenLabsTTS) -> None:
    fake.behavior = ElevenBehavior(stall_after=2)
    tts.limits = Limits(first_output_s=2.0, stall_s=0.3, total_s=10.0)
    got: list[bytes] = []
    with pytest.raises(BackendTimeout, match="no next output"):
        await collect(tts.synthesize(TEXT), got)
    assert b"".join(got) == render_speech(TEXT, 22_050)[: len(b"".join(got))] and got


async def test_a_connection_dropped_mid_stream_is_a_retryable_error(
    fake: FakeElevenLabs, tts: ElevenLabsTTS
) -> None:
    fake.behavior = ElevenBehavior(drop_after=2)
    got: list[bytes] = []
    with pytest.raises(BackendError, match="stream broke off") as info:
        await collect(tts.synthesize(TEXT), got)
    assert info.value.retryable
    assert 0 < len(b"".join(got)) < len(render_speech(TEXT, 22_050))


async def test_nothing_listening_is_a_clear_retryable_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    tts = ElevenLabsTTS(api_key=API_KEY, base_url=f"http://127.0.0.1:{port}", mode="http")
    try:
        with pytest.raises(BackendError, match=f"cannot connect to http://127.0.0.1:{port}") as info:
            async for _ in tts.synthesize(TEXT):
                pass
    finally:
        await tts.aclose()
    assert info.value.retryable


def test_bad_configuration_is_refused_at_construction() -> None:
    with pytest.raises(ValueError, match="API key"):
        ElevenLabsTTS(api_key="")
    with pytest.raises(ValueError, match="sample_rate"):
        ElevenLabsTTS(api_key="k", sample_rate=8_000)
