"""A room with a microphone in it, in real time: the stand-in for the streamer's desk.

:class:`Room` is an async iterable of 16 kHz microphone blocks (32 ms, with ``captured_at``
like :class:`~integrations.audio.sounddevice_mic.MicChunk`), produced in real time. What
the microphone hears is the sum of:

- the streamer's lines, scheduled with :meth:`Room.say` at a time on the monotonic clock;
- the bot's own voice: whatever the bot's sink plays (hook :meth:`Room.playback` to the
  sink's ``on_frame``) comes back ``echo_delay_s`` later through a room impulse response
  (a direct path plus an exponentially decaying reverb tail) at ``echo_gain``; 0 is a
  headset (no echo at all);
- a quiet noise floor.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import numpy as np

from engines.backends import AudioChunk
from engines.voice import pcm

RATE = 16000
BLOCK_S = 0.032

__all__ = ["Heard", "Room"]


@dataclass(frozen=True, slots=True)
class Heard(AudioChunk):
    """A microphone block and the monotonic time at its end."""

    captured_at: float = 0.0


class Room:
    def __init__(
        self,
        *,
        echo_gain: float = 0.0,
        echo_delay_s: float = 0.06,
        reverb_s: float = 0.25,
        noise_level: float = 0.002,
        seconds: float | None = 10.0,
        seed: int = 0,
    ) -> None:
        self.echo_gain = echo_gain
        self.delay = round(echo_delay_s * RATE)
        rng = np.random.default_rng(seed)
        n = max(1, round(reverb_s * RATE))
        t = np.arange(n) / RATE
        rir = rng.normal(0.0, 1.0, n) * np.exp(-t / (reverb_s / 6.9)) * 0.25  # -60 dB at reverb_s
        rir[0] = 1.0
        self.rir = rir / np.sqrt(np.sum(rir**2))
        self.noise_level = noise_level
        self.seconds = seconds
        """How long the microphone delivers; None: until the iteration is stopped."""
        self._rng = rng
        self._size = round((seconds or 60.0) * RATE) + RATE
        self._ref = np.zeros(self._size)  # the bot's audio, placed where it played
        self._voice = np.zeros(self._size)  # the streamer's lines
        self.t0 = 0.0
        self._started = False

    def start(self) -> None:
        """Start the room's clock (the first microphone block ends 32 ms later)."""
        self.t0 = time.monotonic()
        self._started = True

    def _pos(self, at: float) -> int:
        return round((at - self.t0) * RATE)

    def _grow(self, end: int) -> None:
        if end + RATE > self._size:
            size = max(end + RATE, 2 * self._size)
            self._ref = np.concatenate((self._ref, np.zeros(size - self._size)))
            self._voice = np.concatenate((self._voice, np.zeros(size - self._size)))
            self._size = size

    def say(self, audio: AudioChunk, at: float) -> None:
        """The streamer says ``audio`` starting at monotonic time ``at``."""
        samples = pcm.resample_float32(pcm.to_float32(audio.pcm), audio.sample_rate, RATE)
        start = max(0, self._pos(at))
        if self.seconds is None:
            self._grow(start + samples.size)
        end = min(self._size, start + samples.size)
        self._voice[start:end] += samples[: end - start]

    def playback(self, piece: bytes, sample_rate: int) -> None:
        """The bot's sink starts playing ``piece`` now."""
        if not self._started or self.echo_gain == 0.0:
            return
        samples = pcm.resample_float32(pcm.to_float32(piece), sample_rate, RATE)
        start = max(0, self._pos(time.monotonic()))
        if self.seconds is None:
            self._grow(start + samples.size)
        end = min(self._size, start + samples.size)
        self._ref[start:end] = samples[: end - start]

    def echo_of(self, ref: np.ndarray) -> np.ndarray:
        """Offline: what the microphone hears of ``ref`` (16 kHz, played from sample 0)."""
        wet = np.convolve(ref, self.rir)[: ref.size]
        return self.echo_gain * np.concatenate((np.zeros(self.delay), wet))[: ref.size]

    def _block(self, a: int, b: int) -> np.ndarray:
        out = self._voice[a:b].copy()
        if self.echo_gain:
            lo, hi = a - self.delay - self.rir.size + 1, b - self.delay
            src = np.zeros(hi - lo)
            s0, s1 = max(0, lo), max(0, hi)
            if s1 > s0:
                src[s0 - lo : s1 - lo] = self._ref[s0:s1]
            out += self.echo_gain * np.convolve(src, self.rir, mode="valid")
        out += self._rng.normal(0.0, self.noise_level, out.size)
        return out

    def __aiter__(self) -> AsyncIterator[Heard]:
        return self._blocks()

    async def _blocks(self) -> AsyncIterator[Heard]:
        if not self._started:
            self.start()
        step = round(BLOCK_S * RATE)
        k = 0
        while self.seconds is None or (k + 1) * step <= self._size - RATE:
            if self.seconds is None:
                self._grow((k + 1) * step)
            due = self.t0 + (k + 1) * BLOCK_S
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            a, b = k * step, (k + 1) * step
            yield Heard(pcm.from_float32(self._block(a, b)), RATE, due)
            k += 1
