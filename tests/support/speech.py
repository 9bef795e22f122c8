"""Real speech and real noises for the voice tests, made on the spot.

:func:`espeak` speaks a line with espeak-ng (``/usr/bin/espeak-ng``; ``scripts/install_test_tools.sh``
installs it on a fresh Debian machine), a voice unlike the character's piper voice, so the
streamer and the bot sound different. The noises are the short sounds that must never
cut the character off: a cough, a click, a breath, an "mm".
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import wave

import numpy as np

from engines.backends import AudioChunk
from engines.voice import pcm

RATE = 16000

__all__ = ["RATE", "breath", "click", "cough", "espeak", "hum", "noise_burst", "scaled", "word_errors"]


@functools.lru_cache(maxsize=64)
def espeak(text: str, *, voice: str = "en-us", words_per_minute: int = 140) -> AudioChunk:
    """``text`` spoken by espeak-ng, as 16 kHz mono int16, without leading or trailing silence."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise RuntimeError(
            "espeak-ng is missing: run scripts/install_test_tools.sh (apt-get install espeak-ng)"
        )
    raw = subprocess.run(
        [exe, "-v", voice, "-s", str(words_per_minute), "--stdout", text], capture_output=True, check=True
    ).stdout
    with wave.open(io.BytesIO(raw)) as w:
        chunk = AudioChunk(w.readframes(w.getnframes()), w.getframerate())
    samples = pcm.resample_float32(pcm.to_float32(chunk.pcm), chunk.sample_rate, RATE)
    loud = np.flatnonzero(np.abs(samples) > 0.01)
    pad = int(0.02 * RATE)
    trimmed = samples[max(0, int(loud[0]) - pad) : int(loud[-1]) + pad] if loud.size else samples
    return AudioChunk(pcm.from_float32(trimmed), RATE)


def _chunk(samples: np.ndarray) -> AudioChunk:
    return AudioChunk(pcm.from_float32(samples), RATE)


def noise_burst(seconds: float = 0.15, *, level: float = 0.3, seed: int = 7) -> AudioChunk:
    """White noise (a knock, a rustle)."""
    return _chunk(np.random.default_rng(seed).normal(0.0, level, int(seconds * RATE)))


def cough(seconds: float = 0.25, *, level: float = 0.5, seed: int = 1) -> AudioChunk:
    """A cough: a sharp burst of band-limited noise with a fast attack and a decay."""
    n = int(seconds * RATE)
    rng = np.random.default_rng(seed)
    noise = rng.normal(0.0, 1.0, n)
    spectrum = np.fft.rfft(noise)
    freqs = np.fft.rfftfreq(n, 1 / RATE)
    spectrum *= np.exp(-(((freqs - 900.0) / 700.0) ** 2))  # the throat's resonance
    shaped = np.fft.irfft(spectrum, n)
    t = np.arange(n) / RATE
    envelope = np.minimum(1.0, t / 0.01) * np.exp(-t / (seconds / 3))
    out = shaped * envelope
    return _chunk(level * out / (np.abs(out).max() + 1e-9))


def click(*, level: float = 0.8) -> AudioChunk:
    """A mouse or keyboard click: 5 ms."""
    n = int(0.005 * RATE)
    t = np.arange(n) / RATE
    return _chunk(level * np.sin(2 * np.pi * 3000 * t) * np.exp(-t / 0.001))


def breath(seconds: float = 0.4, *, level: float = 0.05, seed: int = 3) -> AudioChunk:
    """A breath: soft noise swelling and fading."""
    n = int(seconds * RATE)
    noise = np.random.default_rng(seed).normal(0.0, 1.0, n)
    envelope = np.sin(np.pi * np.arange(n) / n) ** 2
    return _chunk(level * noise * envelope)


def hum(seconds: float = 0.2, *, pitch: float = 140.0, level: float = 0.3) -> AudioChunk:
    """A short "mm": a voiced hum with harmonics, like a closed-mouth murmur."""
    n = int(seconds * RATE)
    t = np.arange(n) / RATE
    voiced = sum(np.sin(2 * np.pi * pitch * k * t) / k for k in range(1, 8))
    envelope = np.minimum(1.0, t / 0.02) * np.minimum(1.0, (seconds - t) / 0.03)
    return _chunk(level * voiced * envelope / 2.6)


def scaled(audio: AudioChunk, gain: float) -> AudioChunk:
    return AudioChunk(pcm.from_float32(pcm.to_float32(audio.pcm) * gain), audio.sample_rate)


def word_errors(expected: list[str], got: list[str]) -> int:
    """Levenshtein distance over words (substitutions, insertions and deletions)."""
    prev = list(range(len(got) + 1))
    for i, e in enumerate(expected, 1):
        cur = [i]
        for j, g in enumerate(got, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (e != g)))
        prev = cur
    return prev[-1]
