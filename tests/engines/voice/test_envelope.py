"""Lip-sync envelope: rises on speech, falls on silence, streams like a whole clip, stays in [0, 1]."""

from __future__ import annotations

import numpy as np
import pytest

from engines.voice import pcm
from engines.voice.envelope import EnvelopeConfig, MouthEnvelope, envelope

RATE = 22050


def syllables(seconds: float, rate: int = RATE, amplitude: float = 0.3) -> bytes:
    """Speech-like audio: a voiced buzz amplitude-modulated at 4 syllables a second."""
    t = np.arange(int(seconds * rate)) / rate
    carrier = np.sign(np.sin(2 * np.pi * 140 * t)) * 0.5 + np.sin(2 * np.pi * 700 * t) * 0.5
    modulation = np.clip(np.sin(2 * np.pi * 4 * t), 0, None)
    return pcm.from_float32(amplitude * carrier * modulation)


def test_rises_on_speech_and_falls_on_silence() -> None:
    env = MouthEnvelope(RATE, EnvelopeConfig(fps=60))
    quiet = env.feed(pcm.silence(0.3, RATE))
    speech = env.feed(syllables(1.0))
    after = env.feed(pcm.silence(0.5, RATE))
    assert max(quiet) == 0.0
    assert max(speech) > 0.8  # opens wide on syllables
    assert min(speech[20:]) < 0.2  # and closes between them
    assert after[-1] == 0.0  # closed again on silence
    assert after.index(0.0) <= 30  # within half a second
    assert all(0.0 <= v <= 1.0 for v in quiet + speech + after)
    assert len(quiet) + len(speech) + len(after) == pytest.approx(1.8 * 60, abs=2)


def test_noise_floor_keeps_mouth_shut() -> None:
    rng = np.random.default_rng(1)
    hiss = pcm.from_float32(rng.normal(0, 10 ** (-60 / 20), RATE))  # -60 dBFS hiss
    assert max(envelope(hiss, RATE)) == 0.0
    faint = pcm.from_float32(rng.normal(0, 10 ** (-47 / 20), RATE))  # just over the floor
    assert max(envelope(faint, RATE)) < 0.3  # minimum range: not blown up to wide open


def test_auto_gain_normalises_quiet_voices() -> None:
    loud = max(envelope(syllables(1.0, amplitude=0.5), RATE))
    quiet = max(envelope(syllables(2.0, amplitude=0.05), RATE))
    assert loud > 0.9
    assert quiet > 0.6


def test_streaming_matches_whole_clip() -> None:
    audio = syllables(0.7) + pcm.silence(0.2, RATE)
    whole = envelope(audio, RATE)
    env = MouthEnvelope(RATE)
    streamed: list[float] = []
    pos = 0
    rng = np.random.default_rng(2)
    while pos < len(audio):
        step = int(rng.integers(1, 1800))  # odd byte counts too: halves of a sample are kept
        streamed += env.feed(audio[pos : pos + step])
        pos += step
    assert streamed == pytest.approx(whole)
    assert env.frames == len(whole)


def test_attack_faster_than_release() -> None:
    cfg = EnvelopeConfig(fps=50, attack_s=0.01, release_s=0.1)
    env = MouthEnvelope(RATE, cfg)
    up = env.feed(pcm.tone(200, 0.2, RATE, amplitude=0.5))
    down = env.feed(pcm.silence(0.3, RATE))
    frames_to_open = next(i for i, v in enumerate(up) if v > 0.9)
    frames_to_close = next(i for i, v in enumerate(down) if v < 0.1)
    assert frames_to_open < frames_to_close
    env.reset()
    assert env.value == 0.0
    assert env.feed(b"\x00") == []


def test_ten_seconds_in_20ms_slices_is_one_frame_per_60th_of_a_second() -> None:
    env = MouthEnvelope(RATE)
    for piece in pcm.slices(syllables(10.0), RATE, 0.02):
        env.feed(piece)
    assert env.frames == pytest.approx(600, abs=2)


def test_config_validation() -> None:
    with pytest.raises(ValueError, match="positive"):
        EnvelopeConfig(fps=0)
    with pytest.raises(ValueError, match="attack_s"):
        EnvelopeConfig(gamma=0)
    with pytest.raises(ValueError, match="sample_rate"):
        MouthEnvelope(0)
