"""Raw 16-bit PCM arriving over a network, cut into whole samples.

HTTP and websocket chunks end wherever the transport cut them, so a sample's two bytes
may arrive in two chunks. :class:`SampleAligner` keeps the odd byte for the next chunk.
"""

from __future__ import annotations

from engines.voice.pcm import SAMPLE_WIDTH

__all__ = ["SampleAligner"]


class SampleAligner:
    """``feed(data)`` returns the whole samples so far; a split sample waits for its other byte."""

    def __init__(self) -> None:
        self._carry = b""

    def feed(self, data: bytes) -> bytes:
        data = self._carry + data if self._carry else data
        cut = len(data) - len(data) % SAMPLE_WIDTH
        self._carry = data[cut:]
        return data[:cut]

    @property
    def pending(self) -> int:
        """Bytes held back (0 or 1): a stream that ends with one was cut mid-sample."""
        return len(self._carry)
