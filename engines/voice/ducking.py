"""Ducking: the bot talks on, quieter, while the streamer speaks over it.

:class:`DuckingSink` wraps the sink that plays the bot's speech. :meth:`~DuckingSink.duck`
lowers the volume by ``duck_db`` and :meth:`~DuckingSink.unduck` restores it; the audio is
handed to the inner sink in pieces of ``step_s`` and each piece ramps linearly from the
previous gain to the current one, so a change is heard within one piece and never clicks.
Everything else (open, stop, close, ``played_s``, ``on_frame``) passes straight through.
"""

from __future__ import annotations

import numpy as np

from engines.backends import AudioChunk
from engines.voice.pcm import SAMPLE_WIDTH, from_float32, to_float32
from engines.voice.sinks import AudioSink

__all__ = ["DuckingSink"]


class DuckingSink(AudioSink):
    """Plays through ``inner`` at full volume, or ``duck_db`` lower while ducked."""

    def __init__(self, inner: AudioSink, *, duck_db: float = -15.0, step_s: float = 0.04) -> None:
        super().__init__()
        if duck_db > 0:
            raise ValueError("duck_db must not be positive")
        if not 0 < step_s <= 0.2:
            raise ValueError("step_s must be in (0, 0.2]")
        self.inner = inner
        self.duck_gain = 10 ** (duck_db / 20)
        self.step_s = step_s
        self._target = 1.0
        self._gain = 1.0  # the gain at the end of the last piece handed over
        self.ducks = 0
        inner.on_frame = self._emit_frame

    @property
    def ducked(self) -> bool:
        return self._target < 1.0

    def duck(self) -> None:
        """Lower the volume from the next piece on."""
        if not self.ducked:
            self.ducks += 1
        self._target = self.duck_gain

    def unduck(self) -> None:
        """Back to full volume from the next piece on."""
        self._target = 1.0

    @property
    def played_s(self) -> float:
        return self.inner.played_s

    async def _open_impl(self, turn_id: str, sample_rate: int) -> None:
        self._gain = self._target
        await self.inner.open(turn_id, sample_rate)

    async def _write_impl(self, pcm: bytes) -> None:
        step = max(1, int(self.step_s * self._rate)) * SAMPLE_WIDTH
        for start in range(0, len(pcm), step):
            if self._stopped:
                return
            piece = pcm[start : start + step]
            target = self._target
            if target != 1.0 or self._gain != 1.0:
                samples = to_float32(piece)
                ramp = np.linspace(self._gain, target, samples.size, endpoint=False, dtype=np.float32)
                piece = from_float32(samples * ramp)
                self._gain = target
            await self.inner.write(AudioChunk(piece, self._rate))

    async def _stop_impl(self) -> None:
        await self.inner.stop()

    async def _close_impl(self) -> None:
        await self.inner.close()

    async def aclose(self) -> None:
        await super().aclose()
        await self.inner.aclose()
