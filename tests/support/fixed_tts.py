"""A TTS with fixed, known timing: the stand-in the turn-latency benchmark and stage tests
use so that model time is constant and only the pipeline's own overhead varies."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator

import numpy as np

from engines.backends import AudioChunk, TTSBackend


class FixedTimingTTS(TTSBackend):
    """First audio after ``first_audio_s``; then the rest in chunks; audio length grows with the text.

    The audio is a quiet 220 Hz tone whose length is ``seconds_per_char`` per character, so
    tests can tell how much of a sentence was played. ``fail_on`` makes sentences containing
    that text fail like a broken cloud TTS; ``stall_on`` makes them hang.
    """

    name = "fixed-tts"

    def __init__(
        self,
        *,
        first_audio_s: float = 0.05,
        seconds_per_char: float = 0.03,
        sample_rate: int = 22_050,
        chunk_s: float = 0.25,
        fail_on: str | None = None,
        stall_on: str | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.first_audio_s = first_audio_s
        self.seconds_per_char = seconds_per_char
        self.sample_rate = sample_rate
        self.chunk_s = chunk_s
        self.fail_on = fail_on
        self.stall_on = stall_on
        self.requests: list[str] = []

    async def _synthesize_impl(self, text: str, *, voice: str | None) -> AsyncIterator[AudioChunk]:
        self.requests.append(text)
        if self.fail_on and self.fail_on in text:
            await asyncio.sleep(self.first_audio_s)
            raise ConnectionError("simulated TTS outage")
        if self.stall_on and self.stall_on in text:
            await asyncio.sleep(3600)
        await asyncio.sleep(self.first_audio_s)
        total = max(1, int(len(text) * self.seconds_per_char * self.sample_rate))
        step = int(self.chunk_s * self.sample_rate)
        for start in range(0, total, step):
            n = min(step, total - start)
            yield AudioChunk(_tone(start, n, self.sample_rate), self.sample_rate)


def _tone(start: int, n: int, rate: int) -> bytes:
    t = np.arange(start, start + n) / rate
    return (3000 * np.sin(2 * math.pi * 220 * t)).astype("<i2").tobytes()
