"""`vtuber audio devices` and `vtuber ptt` as a user runs them: a real process, a real Redis."""

from __future__ import annotations

import socket
from pathlib import Path

import redis.asyncio as aioredis

from engines.events import PushToTalk
from streamer.bus import Keys
from streamer.bus.redis_streams import RedisBus
from tests.streamer.test_cli import vtuber

FAKE_PORTAUDIO = '''
"""A stand-in for the sounddevice module: two microphones, a headset, HDMI out."""
import types

default = types.SimpleNamespace(device=[1, 2])


def query_devices(device=None, kind=None):
    return [
        {"name": "Built-in Microphone", "hostapi": 0, "max_input_channels": 2,
         "max_output_channels": 0, "default_samplerate": 48000.0},
        {"name": "Blue Yeti USB Microphone", "hostapi": 0, "max_input_channels": 1,
         "max_output_channels": 0, "default_samplerate": 44100.0},
        {"name": "HyperX Headset", "hostapi": 0, "max_input_channels": 1,
         "max_output_channels": 2, "default_samplerate": 48000.0},
        {"name": "HDMI 0", "hostapi": 0, "max_input_channels": 0,
         "max_output_channels": 8, "default_samplerate": 48000.0},
    ]


def query_hostapis():
    return [{"name": "ALSA"}]
'''


def test_audio_devices_without_portaudio_says_what_to_install(tmp_path: Path) -> None:
    out = vtuber("audio", "devices", cwd=tmp_path)
    assert out.returncode == 1
    assert "libportaudio2" in out.stdout


def test_audio_devices_lists_inputs_outputs_and_defaults(tmp_path: Path) -> None:
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sounddevice.py").write_text(FAKE_PORTAUDIO)
    out = vtuber("audio", "devices", cwd=tmp_path, env={"PYTHONPATH": f"{shim}:{Path.cwd()}"})
    assert out.returncode == 0, out.stdout + out.stderr
    lines = {line.split()[0]: line for line in out.stdout.splitlines() if line.strip()[:1].isdigit()}
    assert set(lines) == {"0", "1", "2", "3"}
    assert "Blue Yeti USB Microphone" in lines["1"] and "44100 Hz" in lines["1"] and "input" in lines["1"]
    assert "HyperX Headset" in lines["2"] and lines["2"].rstrip().endswith("output")
    assert "default" not in lines["3"] and "HDMI 0" in lines["3"]


async def test_ptt_reaches_the_bot_over_redis(tmp_path: Path, redis_url: str, redis_prefix: str) -> None:
    env = {"REDIS_URL": redis_url, "VTUBER_BUS__PREFIX": redis_prefix, "VTUBER_CHANNEL": "chan"}
    for state in ("down", "up"):
        out = vtuber("ptt", state, cwd=tmp_path, env=env)
        assert out.returncode == 0, out.stdout + out.stderr
        assert f"push-to-talk {state}" in out.stdout
    client = aioredis.from_url(redis_url, decode_responses=False)
    bus = RedisBus(client, Keys(redis_prefix, "chan"))
    try:
        got = await bus.read("voice", "t", ["control"], count=10, block_ms=200)
    finally:
        await bus.close()
    events = [d.event for d in got]
    assert all(isinstance(e, PushToTalk) and e.by == "cli" for e in events)
    assert [getattr(e, "pressed", None) for e in events] == [True, False]


def test_ptt_needs_the_bots_redis_bus(tmp_path: Path) -> None:
    local = vtuber("ptt", "down", cwd=tmp_path)
    assert local.returncode == 2 and "REDIS_URL" in local.stdout


def test_ptt_with_redis_down_fails_instead_of_claiming_success(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = vtuber("ptt", "down", cwd=tmp_path, env={"REDIS_URL": f"redis://127.0.0.1:{port}/0"})
    assert out.returncode == 1, out.stdout + out.stderr
    assert "did not reach the bot" in out.stdout
    assert "push-to-talk down" not in out.stdout
