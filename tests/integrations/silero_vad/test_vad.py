"""SileroVAD on real audio: piper speech scores high, silence and noise low; frame checks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engines.backends import BackendError
from engines.voice import pcm
from integrations.silero_vad import SileroVAD

DATA = Path(__file__).parents[2] / "data" / "voice"


def scores(vad: SileroVAD, audio: bytes) -> list[float]:
    n = vad.frame_samples * 2
    return [vad.probability(audio[i : i + n]) for i in range(0, len(audio) - n + 1, n)]


def test_frame_is_32_ms_at_16k_and_8k() -> None:
    vad = SileroVAD()
    assert (vad.sample_rate, vad.frame_samples, vad.frame_ms) == (16000, 512, 32.0)
    vad8 = SileroVAD(8000)
    assert (vad8.frame_samples, vad8.frame_ms) == (256, 32.0)


def test_speech_scores_high_and_silence_low() -> None:
    audio = pcm.read_wav(DATA / "boss.wav")
    assert audio.sample_rate == 16000
    vad = SileroVAD()
    probs = scores(vad, audio.pcm)
    lead = probs[: int(0.4 / 0.032)]  # the file starts with 0.5 s of silence
    assert max(lead) < 0.2
    assert sum(p >= 0.5 for p in probs) * 0.032 > 1.0  # over a second of speech
    assert max(probs) > 0.9
    assert max(probs[-int(0.8 / 0.032) :]) < 0.35  # trailing second of silence


def test_white_noise_and_tone_score_low() -> None:
    vad = SileroVAD()
    noise = np.random.default_rng(1).normal(0.0, 0.2, 16000)
    for audio in (pcm.from_float32(noise), pcm.tone(440.0, 1.0, 16000, amplitude=0.3)):
        vad.reset()
        assert np.mean(scores(vad, audio)) < 0.5


def test_reset_gives_the_same_scores() -> None:
    audio = pcm.read_wav(DATA / "boss.wav").pcm[: 16000 * 2 * 2]
    vad = SileroVAD()
    first = scores(vad, audio)
    vad.reset()
    assert scores(vad, audio) == pytest.approx(first, abs=1e-5)


def test_wrong_frame_size_and_rate() -> None:
    vad = SileroVAD()
    with pytest.raises(BackendError):
        vad.probability(b"\x00" * 100)
    with pytest.raises(ValueError, match="8000 or 16000"):
        SileroVAD(44100)
    with pytest.raises(BackendError):
        SileroVAD(model_path="/nonexistent/model.onnx")
