"""A WAV file standing in for the streamer's microphone (rehearsal, demos, tests).

:class:`WavInput` is an async iterable of :class:`~engines.backends.AudioChunk` pieces of
``chunk_ms`` each, paced like a live microphone: chunk ``k`` is handed out when
``k * chunk_ms / speed`` has passed since the first one (``speed=2`` twice as fast;
``speed=0`` or ``None`` as fast as the consumer takes them). Pacing is against a
monotonic deadline, so a slow consumer catches up instead of drifting.
The file is read (and, with ``sample_rate``, resampled) once up front: resampling a
whole recording avoids the edge effects of resampling chunk by chunk.
``tail_silence_s`` appends silence, as a microphone keeps sending after the last word.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

from engines.backends import AudioChunk
from engines.voice.pcm import read_wav, resample, silence

__all__ = ["WavInput"]


class WavInput:
    """Chunks of a WAV file (or of an :class:`AudioChunk`), paced in real time or faster."""

    def __init__(
        self,
        source: str | Path | AudioChunk,
        *,
        chunk_ms: float = 32.0,
        speed: float | None = 1.0,
        sample_rate: int | None = 16000,
        tail_silence_s: float = 0.0,
    ) -> None:
        if chunk_ms <= 0:
            raise ValueError("chunk_ms must be positive")
        if speed is not None and speed < 0:
            raise ValueError("speed must not be negative")
        if tail_silence_s < 0:
            raise ValueError("tail_silence_s must not be negative")
        audio = source if isinstance(source, AudioChunk) else read_wav(source)
        data, rate = audio.pcm, audio.sample_rate
        if sample_rate is not None and sample_rate != rate:
            data, rate = resample(data, rate, sample_rate), sample_rate
        self.audio = AudioChunk(data + silence(tail_silence_s, rate), rate)
        self.chunk_samples = max(1, round(chunk_ms * rate / 1000))
        self.speed = speed or 0.0

    @property
    def seconds(self) -> float:
        return self.audio.seconds

    def __aiter__(self) -> AsyncIterator[AudioChunk]:
        return self._chunks()

    async def _chunks(self) -> AsyncIterator[AudioChunk]:
        pcm, rate = self.audio.pcm, self.audio.sample_rate
        step = self.chunk_samples * 2
        chunk_s = self.chunk_samples / rate
        start = time.monotonic()
        for k, offset in enumerate(range(0, len(pcm), step)):
            if self.speed > 0:
                # a chunk is available once it has been "recorded": at the end of its span
                delay = start + (k + 1) * chunk_s / self.speed - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            else:
                await asyncio.sleep(0)
            yield AudioChunk(pcm[offset : offset + step], rate)
