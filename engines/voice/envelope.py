"""Mouth-open envelope for lip-sync: PCM in as it plays, one value in [0, 1] per frame out.

Per frame (``fps`` frames a second, 30 to 60 for VTube Studio) the level is the RMS of the
last ``window_s`` of audio, in dBFS. Levels at or below the noise floor map to 0; above it
the level is normalised against a slowly decaying peak (automatic gain, so a quiet voice
still opens the mouth fully and a loud one does not stay pinned at 1), shaped by a gentle
curve, then smoothed with a fast attack and a slower release so the mouth snaps open on a
syllable and closes without flicker.

Pure and cheap: RMS is vectorised with numpy, the per-frame smoothing is a few float ops.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engines.voice.pcm import SAMPLE_WIDTH, to_float32

__all__ = ["EnvelopeConfig", "MouthEnvelope", "envelope"]


@dataclass(frozen=True, slots=True)
class EnvelopeConfig:
    fps: float = 60.0
    """Output frames per second."""
    window_s: float = 0.032
    """RMS window (at least one frame's hop)."""
    floor_db: float = -50.0
    """Noise floor in dBFS: levels at or below it close the mouth."""
    peak_init_db: float = -18.0
    """Starting reference peak in dBFS (typical speech)."""
    min_range_db: float = 18.0
    """The normalisation range never shrinks below this many dB above the floor, so faint
    noise just over the floor is not blown up to a wide-open mouth."""
    peak_decay_db_per_s: float = 6.0
    """How fast the reference peak falls back after a loud passage."""
    attack_s: float = 0.015
    """Time constant of opening."""
    release_s: float = 0.07
    """Time constant of closing."""
    gamma: float = 0.8
    """Curve applied to the normalised level (< 1 opens the mouth more for mid levels)."""

    def __post_init__(self) -> None:
        if self.fps <= 0 or self.window_s <= 0:
            raise ValueError("fps and window_s must be positive")
        if self.attack_s < 0 or self.release_s < 0 or self.min_range_db <= 0 or self.gamma <= 0:
            raise ValueError("attack_s, release_s must be >= 0; min_range_db, gamma > 0")


class MouthEnvelope:
    """Streaming envelope follower for one audio stream at ``sample_rate``.

    :meth:`feed` accepts PCM of any length (a 20 ms playback slice, a whole sentence) and
    returns the values of the frames it completed; leftover samples wait for the next call.
    :meth:`reset` between turns.
    """

    def __init__(self, sample_rate: int, config: EnvelopeConfig | None = None) -> None:
        if sample_rate <= 0:
            raise ValueError("sample_rate must be positive")
        self.config = cfg = config or EnvelopeConfig()
        self.sample_rate = sample_rate
        self.hop = max(1, round(sample_rate / cfg.fps))
        self.window = max(self.hop, round(sample_rate * cfg.window_s))
        frame_s = self.hop / sample_rate
        self.frame_s = frame_s
        self._attack = 1.0 if cfg.attack_s == 0 else 1.0 - math.exp(-frame_s / cfg.attack_s)
        self._release = 1.0 if cfg.release_s == 0 else 1.0 - math.exp(-frame_s / cfg.release_s)
        self._peak_decay = cfg.peak_decay_db_per_s * frame_s
        self.reset()

    def reset(self) -> None:
        """Forget everything (mouth closed, gain back to its initial reference)."""
        # history: the last (window - hop) samples before the pending ones, zero at the start
        self._buf = np.zeros(self.window - self.hop, dtype=np.float32)
        self._carry = b""
        self._pending = 0  # samples in _buf after the history part, not yet framed
        self._peak_db = self.config.peak_init_db
        self._value = 0.0
        self.frames = 0

    @property
    def value(self) -> float:
        """The latest frame's value."""
        return self._value

    def feed(self, pcm: bytes) -> list[float]:
        """Append ``pcm`` (mono int16 at ``sample_rate``); return one value per completed frame."""
        if self._carry:
            pcm = self._carry + pcm
        cut = len(pcm) - len(pcm) % SAMPLE_WIDTH
        self._carry = pcm[cut:]  # an odd trailing byte waits for its other half
        if cut == 0:
            return []
        new = to_float32(pcm[:cut])
        buf = np.concatenate((self._buf, new))
        self._pending += new.size
        count = self._pending // self.hop
        if count == 0:
            self._buf = buf
            return []
        hist = self.window - self.hop
        start = buf.size - self._pending - hist  # index where the first frame's window starts
        used = count * self.hop
        region = buf[start : start + hist + used].astype(np.float64)
        # window RMS for each hop via a cumulative sum of squares
        csum = np.concatenate(([0.0], np.cumsum(region * region)))
        ends = hist + self.hop * np.arange(1, count + 1)
        energy = (csum[ends] - csum[ends - self.window]) / self.window
        levels = 10.0 * np.log10(np.maximum(energy, 1e-14))
        out = [self._step(float(db)) for db in levels]
        self._pending -= used
        keep = hist + self._pending
        self._buf = buf[buf.size - keep :].copy() if keep else np.zeros(0, dtype=np.float32)
        return out

    def _step(self, level_db: float) -> float:
        cfg = self.config
        self._peak_db = max(level_db, self._peak_db - self._peak_decay, cfg.floor_db + cfg.min_range_db)
        span = self._peak_db - cfg.floor_db
        norm = min(1.0, max(0.0, (level_db - cfg.floor_db) / span))
        target = norm**cfg.gamma if norm > 0 else 0.0
        coeff = self._attack if target > self._value else self._release
        self._value += (target - self._value) * coeff
        if self._value < 0.01:  # snap shut (and keep values exact) once invisible
            self._value = 0.0
        self.frames += 1
        return self._value


def envelope(pcm: bytes, sample_rate: int, config: EnvelopeConfig | None = None) -> list[float]:
    """The envelope of a whole clip (one value per frame)."""
    return MouthEnvelope(sample_rate, config).feed(pcm)
