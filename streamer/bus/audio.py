"""The bot's speech for the dashboard's overlay page: a sink that publishes what it plays
to a Redis pub/sub channel (``Keys.overlay_audio``), and the frame format both sides use.

Live audio is lossy by design: pub/sub keeps nothing for late listeners, a full queue
drops audio instead of delaying playback, and a Redis outage is logged once and costs
only the overlay's sound, never the stream's.

Frame: one byte kind (``o`` open, ``a`` audio, ``s`` stop, ``c`` close), the sample rate
(uint32, little-endian), the turn id's length (uint8) and the turn id (ASCII), then for
``a`` the PCM (mono, 16-bit little-endian).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import struct
from dataclasses import dataclass
from typing import Final, Literal

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from engines.voice.sinks import PacedSink

log = logging.getLogger("streamer.bus.audio")

Kind = Literal["o", "a", "s", "c"]
_HEAD: Final = struct.Struct("<cIB")


@dataclass(frozen=True, slots=True)
class AudioFrame:
    kind: Kind
    sample_rate: int
    turn_id: str
    pcm: bytes = b""


def encode_frame(frame: AudioFrame) -> bytes:
    turn = frame.turn_id.encode("ascii", "replace")[:255]
    return _HEAD.pack(frame.kind.encode(), frame.sample_rate, len(turn)) + turn + frame.pcm


def decode_frame(data: bytes) -> AudioFrame:
    """Parse a frame; raises ValueError for anything malformed."""
    if len(data) < _HEAD.size:
        raise ValueError("audio frame too short")
    kind_b, rate, n = _HEAD.unpack_from(data)
    kind = kind_b.decode("ascii", "replace")
    if kind not in ("o", "a", "s", "c"):
        raise ValueError(f"unknown audio frame kind {kind!r}")
    end = _HEAD.size + n
    if len(data) < end or (len(data) - end) % 2:
        raise ValueError("audio frame truncated")
    return AudioFrame(kind, rate, data[_HEAD.size : end].decode("ascii", "replace"), data[end:])


class RedisAudioSink(PacedSink):
    """Publishes each played slice to a Redis pub/sub channel. Never blocks playback."""

    def __init__(
        self, client: aioredis.Redis, channel: str, *, pace: float | None = 1.0, queue_size: int = 250
    ) -> None:
        super().__init__(pace=pace)
        self.client = client
        self.channel = channel
        self.dropped = 0
        self.published = 0
        self._queue: asyncio.Queue[bytes] = asyncio.Queue(queue_size)
        self._task: asyncio.Task[None] | None = None
        self._failing = False

    def _send(self, kind: Kind, pcm: bytes = b"") -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._publish_loop(), name="overlay-audio")
        try:
            self._queue.put_nowait(encode_frame(AudioFrame(kind, self._rate, self._turn_id or "", pcm)))
        except asyncio.QueueFull:
            self.dropped += 1

    async def _publish_loop(self) -> None:
        while True:
            frame = await self._queue.get()
            try:
                await self.client.publish(self.channel, frame)
                self.published += 1
                if self._failing:
                    log.info("overlay audio: Redis is reachable again")
                    self._failing = False
            except (RedisError, OSError) as exc:
                self.dropped += 1
                if not self._failing:
                    log.warning(
                        "overlay audio: Redis failed (%s); the overlay misses audio", type(exc).__name__
                    )
                    self._failing = True
            finally:
                self._queue.task_done()

    async def _open_impl(self, turn_id: str, sample_rate: int) -> None:
        await super()._open_impl(turn_id, sample_rate)
        self._send("o")

    def _slice_started(self, piece: bytes, t: float) -> None:
        self._send("a", piece)

    async def _stop_impl(self) -> None:
        await super()._stop_impl()
        self._send("s")

    async def _close_impl(self) -> None:
        self._send("c")

    async def drain(self, timeout: float = 1.0) -> None:
        """Wait until queued frames were published (tests, shutdown)."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._queue.join()

    async def aclose(self) -> None:
        await super().aclose()
        await self.drain()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.client.aclose()
