"""The overlay audio relay: the frame format, and a sink that publishes what it plays to
Redis pub/sub without ever holding up playback."""

from __future__ import annotations

import asyncio
import time

import pytest
import redis.asyncio as aioredis

from engines.backends import AudioChunk
from streamer.bus.audio import AudioFrame, RedisAudioSink, decode_frame, encode_frame

PCM = bytes(range(256)) * 4  # 512 samples


def test_frames_round_trip() -> None:
    for frame in (
        AudioFrame("o", 22_050, "turn-1"),
        AudioFrame("a", 16_000, "t", PCM),
        AudioFrame("c", 8_000, ""),
    ):
        assert decode_frame(encode_frame(frame)) == frame


@pytest.mark.parametrize(
    "data", [b"", b"a\x00", b"x" + bytes(9), encode_frame(AudioFrame("a", 1, "t", b"\x01\x02"))[:-1]]
)
def test_malformed_frames_are_refused(data: bytes) -> None:
    with pytest.raises(ValueError, match="audio frame"):
        decode_frame(data)


async def test_the_sink_publishes_open_audio_and_close_in_order(redis_url: str, redis_prefix: str) -> None:
    channel = f"{redis_prefix}:chan:overlay_audio"
    listener = aioredis.from_url(redis_url)
    pubsub = listener.pubsub()
    await pubsub.subscribe(channel)
    sink = RedisAudioSink(aioredis.from_url(redis_url), channel, pace=None)
    try:
        await sink.open("turn-9", 16_000)
        await sink.write(AudioChunk(PCM * 20, 16_000))  # 0.64 s: 32 slices of 20 ms
        await sink.close()
        await sink.drain(5)
        frames: list[AudioFrame] = []
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and (not frames or frames[-1].kind != "c"):
            message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.5)
            if message is not None:
                frames.append(decode_frame(message["data"]))
        assert frames[0] == AudioFrame("o", 16_000, "turn-9")
        assert frames[-1].kind == "c"
        audio = [f for f in frames if f.kind == "a"]
        assert len(audio) == 32 and b"".join(f.pcm for f in audio) == PCM * 20
        assert {f.turn_id for f in frames} == {"turn-9"}
        assert sink.dropped == 0
    finally:
        await sink.aclose()
        await pubsub.aclose()
        await listener.aclose()


async def test_redis_down_costs_the_overlay_its_audio_never_the_playback() -> None:
    sink = RedisAudioSink(
        aioredis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2), "x", pace=4.0
    )
    try:
        await sink.open("t", 16_000)
        await sink.write(AudioChunk(PCM * 50, 16_000))  # 1.6 s of audio
        await sink.close()
        await sink.drain(3)
        assert sink.played_s == pytest.approx(1.6, abs=0.03)
        assert sink.published == 0 and sink.dropped > 0
    finally:
        await asyncio.wait_for(sink.aclose(), 10)


def test_the_app_tees_the_speech_to_the_overlay_only_when_asked_and_redis_is_there(tmp_path: object) -> None:
    from config.settings import load_settings
    from engines.voice.sinks import NullSink, TeeSink
    from streamer.app import with_overlay_audio

    primary = NullSink(pace=None)
    assert with_overlay_audio(load_settings(), primary) is primary
    no_redis = load_settings(dashboard={"overlay_audio": True})
    assert with_overlay_audio(no_redis, primary) is primary  # logged, and the stream goes on
    on = load_settings(
        dashboard={"overlay_audio": True}, redis_url="redis://127.0.0.1:6379/15", channel="chan"
    )
    tee = with_overlay_audio(on, primary)
    assert isinstance(tee, TeeSink) and tee.sinks[0] is primary
    relay = tee.sinks[1]
    assert isinstance(relay, RedisAudioSink) and relay.channel == "vtuber:chan:overlay_audio"
    asyncio.run(relay.aclose())
