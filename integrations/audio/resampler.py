"""Streaming resampling of a live input, block by block, without seams.

:func:`engines.voice.pcm.resample` is meant for whole recordings: applied block by block it
pads every block's edges with zeros, a click each 32 ms. :class:`StreamResampler` keeps the
filter's history between blocks instead, so a stream resampled in blocks of any size equals
the whole stream resampled at once (the same Kaiser-windowed sinc as ``pcm.resample``),
delayed by the filter's half length (10 output samples, well under a millisecond).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import numpy.typing as npt

from engines.voice.pcm import polyphase_filter

__all__ = ["StreamResampler"]


class StreamResampler:
    """Resamples float samples from ``src_rate`` to ``dst_rate`` as they arrive."""

    def __init__(self, src_rate: int, dst_rate: int) -> None:
        if src_rate <= 0 or dst_rate <= 0:
            raise ValueError("sample rates must be positive")
        self.src_rate = src_rate
        self.dst_rate = dst_rate
        ratio = Fraction(dst_rate, src_rate)
        self.up, self.down = ratio.numerator, ratio.denominator
        self._bank = polyphase_filter(self.up, self.down) if src_rate != dst_rate else np.zeros((1, 1))
        self._per_phase = self._bank.shape[1]
        self._history = np.zeros(self._per_phase - 1, dtype=np.float64)
        self._consumed = 0  # input samples received so far
        self._produced = 0  # output samples produced so far

    @property
    def delay_s(self) -> float:
        """How far the output lags the input (the filter's half length)."""
        if self.src_rate == self.dst_rate:
            return 0.0
        return 10 * max(self.up, self.down) / self.up / self.src_rate

    def process(self, samples: npt.NDArray[np.floating]) -> npt.NDArray[np.float32]:
        """The output samples that ``samples`` (the next block of input) completes."""
        x = np.asarray(samples, dtype=np.float64).reshape(-1)
        if self.src_rate == self.dst_rate:
            return x.astype(np.float32)
        first = self._consumed - self._history.size  # input index of buf[0]
        buf = np.concatenate((self._history, x))
        self._consumed += x.size
        # output n needs input up to index (n * down) // up, and that many back
        n_end = -(-self._consumed * self.up // self.down)  # outputs whose newest input has arrived
        n = np.arange(self._produced, n_end, dtype=np.int64)
        out = np.empty(n.size, dtype=np.float64)
        if n.size:
            m = n * self.down
            phase = m % self.up
            newest = m // self.up - first  # index into buf
            idx = newest[:, None] - np.arange(self._per_phase)[None, :]
            valid = idx >= 0
            values = np.where(valid, buf[np.clip(idx, 0, buf.size - 1)], 0.0)
            out = np.einsum("ij,ij->i", self._bank[phase], values)
        self._produced = int(n_end)
        keep = self._per_phase - 1
        self._history = buf[-keep:] if keep else np.zeros(0)
        if self._history.size < keep:
            self._history = np.concatenate((np.zeros(keep - self._history.size), self._history))
        return out.astype(np.float32)
