"""Audio sinks: where a turn's speech is played.

One sink plays one turn at a time: :meth:`AudioSink.open` starts a turn, :meth:`~AudioSink.write`
plays a chunk and returns once it has been played, :meth:`~AudioSink.stop` cuts playback now
(an interrupt), :meth:`~AudioSink.close` ends the turn after the audio written so far.

Paced sinks (:class:`WavFileSink`, :class:`BroadcastSink`) stand in for a sound card: they
"play" in slices of at most 20 ms against the event loop's clock (``pace`` times real time,
or instantly with ``pace=None``), so a stop takes effect within one slice and
:attr:`~AudioSink.played_s` is what an audience would have heard. The clock is absolute
within a turn: consecutive writes play back to back without drift; a gap between writes
(the next sentence still being synthesised) is a gap in playback, never made up by
playing faster later.

``on_frame(pcm, t)`` is called on the event loop as each slice starts playing, ``t`` being
its start in seconds from the turn's start: lip-sync and caption timing hang off it.
Exceptions in it are logged and swallowed; playback never stops for a callback.

Over 400 lines on purpose: the sink contract and its paced implementations share the one
slice clock that makes a stop cut within 20 ms; they are tested as one family.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import logging
import re
import wave
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from engines.backends import AudioChunk
from engines.voice.pcm import SAMPLE_WIDTH, resample

__all__ = [
    "AudioSink",
    "BroadcastSink",
    "FrameCallback",
    "NullSink",
    "PacedSink",
    "SinkEvent",
    "Subscription",
    "TeeSink",
    "WavFileSink",
]

log = logging.getLogger(__name__)

FrameCallback = Callable[[bytes, float], None]

SLICE_S = 0.02
"""Longest slice a paced sink plays in one step (stop latency and on_frame granularity)."""

UNDERRUN_S = 0.05
"""A write starting later than this after the previous audio ended is a gap in playback;
less is scheduler jitter, absorbed so that long playback does not drift."""


class AudioSink(abc.ABC):
    """Playback of one turn at a time. Subclasses implement the ``_*_impl`` hooks.

    The base class keeps the turn state, resamples chunks that arrive at another rate than
    the turn was opened with, and makes :meth:`write` a no-op after :meth:`stop` (until the
    next :meth:`open`), so a producer that is still writing when it is interrupted just sees
    its writes return at once. Calls to :meth:`write` must not overlap each other; :meth:`stop`
    may be called at any time from another task.
    """

    def __init__(self) -> None:
        self.on_frame: FrameCallback | None = None
        self._turn_id: str | None = None
        self._rate = 0
        self._played_samples = 0
        self._is_open = False
        self._stopped = False

    # -------------------------------------------------------------- public interface

    @property
    def turn_id(self) -> str | None:
        return self._turn_id

    @property
    def sample_rate(self) -> int:
        """The rate the current (or last) turn was opened with."""
        return self._rate

    @property
    def is_open(self) -> bool:
        return self._is_open

    @property
    def stopped(self) -> bool:
        """True once :meth:`stop` cut the current turn."""
        return self._stopped

    @property
    def played_s(self) -> float:
        """Seconds actually played this turn (kept after :meth:`close` until the next open)."""
        return self._played_samples / self._rate if self._rate else 0.0

    async def open(self, turn_id: str, sample_rate: int) -> None:
        """Start a turn. An open turn is closed first."""
        if sample_rate <= 0:
            raise ValueError("sample_rate must be positive")
        if self._is_open:
            await self.close()
        self._turn_id = turn_id
        self._rate = sample_rate
        self._played_samples = 0
        self._stopped = False
        await self._open_impl(turn_id, sample_rate)
        self._is_open = True

    async def write(self, chunk: AudioChunk) -> None:
        """Play ``chunk``; return once it has been played (or the turn was stopped)."""
        if not self._is_open:
            raise RuntimeError("AudioSink.write() before open()")
        if self._stopped or not chunk.pcm:
            return
        pcm = chunk.pcm
        if len(pcm) % SAMPLE_WIDTH:
            raise ValueError("16-bit PCM must have an even number of bytes")
        if chunk.sample_rate != self._rate:
            pcm = resample(pcm, chunk.sample_rate, self._rate)
        await self._write_impl(pcm)

    async def stop(self) -> None:
        """Cut playback now and drop anything buffered; later writes this turn are ignored."""
        if not self._is_open or self._stopped:
            return
        self._stopped = True
        await self._stop_impl()

    async def close(self) -> None:
        """End the turn after what was written (a paced sink has nothing left to flush)."""
        if not self._is_open:
            return
        self._is_open = False
        await self._close_impl()

    async def aclose(self) -> None:
        """Release the sink for good (closes an open turn)."""
        await self.close()

    # -------------------------------------------------------------- for subclasses

    def _emit_frame(self, pcm: bytes, t: float) -> None:
        callback = self.on_frame
        if callback is None:
            return
        try:
            callback(pcm, t)
        except Exception:
            log.exception("on_frame callback failed (ignored)")

    async def _open_impl(self, turn_id: str, sample_rate: int) -> None:  # noqa: B027 - optional hook
        """Prepare for a turn."""

    @abc.abstractmethod
    async def _write_impl(self, pcm: bytes) -> None:
        """Play ``pcm`` (already at :attr:`sample_rate`); add to ``_played_samples`` as it plays."""

    async def _stop_impl(self) -> None:  # noqa: B027 - optional hook
        """Cut now; :attr:`stopped` is already True."""

    async def _close_impl(self) -> None:  # noqa: B027 - optional hook
        """Finish the turn."""


class PacedSink(AudioSink):
    """A sink that plays against the event loop clock in slices of at most 20 ms.

    Subclasses receive each slice in :meth:`_slice_started` (as it starts playing) and
    :meth:`_slice_played` (once played; after a stop, only the part that played).
    ``pace`` 1.0 is real time, 4.0 four times faster, ``None`` no waiting at all.
    """

    def __init__(self, *, pace: float | None = 1.0, slice_s: float = SLICE_S) -> None:
        super().__init__()
        if pace is not None and pace <= 0:
            raise ValueError("pace must be positive or None")
        if not 0 < slice_s <= SLICE_S:
            raise ValueError(f"slice_s must be in (0, {SLICE_S}]")
        self.pace = pace
        self.slice_s = slice_s
        self._next_due = 0.0  # loop time at which the next slice may start
        self._wake: asyncio.Event | None = None
        self._write_lock = asyncio.Lock()

    async def _open_impl(self, turn_id: str, sample_rate: int) -> None:
        self._next_due = 0.0
        self._wake = asyncio.Event()

    async def _stop_impl(self) -> None:
        if self._wake is not None:
            self._wake.set()

    async def _write_impl(self, pcm: bytes) -> None:
        async with self._write_lock:
            await self._play(pcm)

    async def _play(self, pcm: bytes) -> None:
        rate = self._rate
        step = max(1, int(self.slice_s * rate)) * SAMPLE_WIDTH
        view = memoryview(pcm)
        loop = asyncio.get_running_loop()
        wake = self._wake
        if self.pace is None:
            for start in range(0, len(pcm), step):
                piece = bytes(view[start : start + step])
                self._start_slice(piece)
                self._finish_slice(piece)
            await asyncio.sleep(0)  # let a pending stop() or other tasks run
            return
        for start in range(0, len(pcm), step):
            if self._stopped:
                return
            piece = bytes(view[start : start + step])
            now = loop.time()
            due = self._next_due
            # a little late is timer jitter: keep the clock (no drift); later is an underrun
            begin = due if due > now - UNDERRUN_S else now
            if begin > now:
                # the previous slice is still "playing": wait for it to end first
                await self._sleep_until(begin, wake)
                if self._stopped:
                    return
            length = len(piece) // SAMPLE_WIDTH / rate / self.pace
            end = begin + length
            self._next_due = end
            self._start_slice(piece)
            try:
                await self._sleep_until(end, wake)
            except BaseException:
                self._finish_partial(piece, begin, length, loop.time())
                raise
            if self._stopped:
                self._finish_partial(piece, begin, length, loop.time())
                return
            self._finish_slice(piece)

    @staticmethod
    async def _sleep_until(deadline: float, wake: asyncio.Event | None) -> None:
        delay = deadline - asyncio.get_running_loop().time()
        if delay <= 0:
            return
        if wake is None:
            await asyncio.sleep(delay)
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), delay)

    def _start_slice(self, piece: bytes) -> None:
        t = self._played_samples / self._rate
        self._emit_frame(piece, t)
        self._slice_started(piece, t)

    def _finish_slice(self, piece: bytes) -> None:
        self._played_samples += len(piece) // SAMPLE_WIDTH
        self._slice_played(piece)

    def _finish_partial(self, piece: bytes, begin: float, length: float, now: float) -> None:
        fraction = min(1.0, max(0.0, (now - begin) / length)) if length > 0 else 1.0
        samples = int(len(piece) // SAMPLE_WIDTH * fraction)
        if samples:
            self._finish_slice(piece[: samples * SAMPLE_WIDTH])

    def _slice_started(self, piece: bytes, t: float) -> None:
        """A slice starts playing at ``t`` seconds into the turn."""

    def _slice_played(self, piece: bytes) -> None:
        """A slice (or, after a stop, the part of it that played) has been played."""


class NullSink(PacedSink):
    """Plays into nothing (paced like the others): timing without output."""


def _safe_name(turn_id: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]", "_", turn_id).strip(".")
    if not name:
        raise ValueError(f"turn id {turn_id!r} cannot be a file name")
    return name[:200]


class WavFileSink(PacedSink):
    """Writes what was played in each turn to ``<directory>/<turn_id>.wav``.

    The file grows as slices play, so a turn cut by :meth:`stop` ends exactly where playback
    stopped. Turn ids are sanitised into safe file names.
    """

    def __init__(self, directory: str | Path, pace: float | None = 1.0) -> None:
        super().__init__(pace=pace)
        self.directory = Path(directory)
        self.path: Path | None = None
        """The current (or last) turn's file."""
        self._wav: wave.Wave_write | None = None

    async def _open_impl(self, turn_id: str, sample_rate: int) -> None:
        await super()._open_impl(turn_id, sample_rate)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path = self.directory / f"{_safe_name(turn_id)}.wav"
        wav = wave.open(str(self.path), "wb")  # noqa: SIM115 - kept open for the whole turn
        wav.setnchannels(1)
        wav.setsampwidth(SAMPLE_WIDTH)
        wav.setframerate(sample_rate)
        self._wav = wav

    def _slice_played(self, piece: bytes) -> None:
        if self._wav is not None:
            self._wav.writeframesraw(piece)

    async def _close_impl(self) -> None:
        wav, self._wav = self._wav, None
        if wav is not None:
            wav.close()  # patches the header with the final length


# ---------------------------------------------------------------- broadcast


@dataclass(frozen=True, slots=True)
class SinkEvent:
    """What a :class:`BroadcastSink` subscriber receives.

    ``open`` starts a turn, ``audio`` carries one slice (``t`` its start in the turn),
    ``stop`` means cut now (drop anything queued for playback), ``close`` ends the turn.
    """

    kind: Literal["open", "audio", "stop", "close"]
    turn_id: str
    sample_rate: int
    pcm: bytes = b""
    t: float = 0.0


class Subscription:
    """One subscriber's bounded queue. Iterate it (``async for event in sub``) or call :meth:`get`.

    When the queue is full, new audio is dropped and counted in :attr:`dropped` (control
    events push the oldest item out instead, so turn boundaries always arrive). A subscriber
    that keeps dropping for ``evict_after`` events in a row is unsubscribed: its iteration ends.
    """

    def __init__(self, sink: BroadcastSink, maxsize: int, evict_after: int | None) -> None:
        self._sink = sink
        self._queue: asyncio.Queue[SinkEvent | None] = asyncio.Queue(maxsize)
        self._evict_after = evict_after
        self._drop_run = 0
        self.dropped = 0
        self.closed = False

    def _offer(self, event: SinkEvent) -> None:
        if self.closed:
            return
        try:
            self._queue.put_nowait(event)
            self._drop_run = 0
            return
        except asyncio.QueueFull:
            pass
        self._drop_run += 1
        if event.kind == "audio":
            self.dropped += 1
        else:
            self._evict_oldest()
            self._queue.put_nowait(event)
        if self._evict_after is not None and self._drop_run >= self._evict_after:
            log.warning("broadcast subscriber too slow (%d dropped), unsubscribed", self.dropped)
            self._sink._evicted += 1
            self.close()

    def _evict_oldest(self) -> None:
        with contextlib.suppress(asyncio.QueueEmpty):
            old = self._queue.get_nowait()
            if old is not None and old.kind == "audio":
                self.dropped += 1

    def close(self) -> None:
        """Unsubscribe; a pending :meth:`get` or iteration ends once the queue is read."""
        if self.closed:
            return
        self.closed = True
        self._sink._subscribers.discard(self)
        if self._queue.full():
            self._evict_oldest()
        self._queue.put_nowait(None)

    @property
    def qsize(self) -> int:
        return self._queue.qsize()

    async def get(self) -> SinkEvent | None:
        """The next event, or None once unsubscribed and drained."""
        if self.closed and self._queue.empty():
            return None
        return await self._queue.get()

    def __aiter__(self) -> AsyncIterator[SinkEvent]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[SinkEvent]:
        while True:
            event = await self.get()
            if event is None:
                return
            yield event


class BroadcastSink(PacedSink):
    """Fans played audio out to any number of subscribers (e.g. the browser overlay).

    Paced like :class:`WavFileSink`; each slice is published as it starts playing. Publishing
    never blocks: a subscriber whose queue is full loses audio (counted), never playback.
    """

    def __init__(
        self,
        pace: float | None = 1.0,
        *,
        queue_size: int = 100,
        evict_after: int | None = 250,
    ) -> None:
        super().__init__(pace=pace)
        if queue_size < 2:
            raise ValueError("queue_size must be at least 2")
        self.queue_size = queue_size
        self.evict_after = evict_after
        self._subscribers: set[Subscription] = set()
        self._evicted = 0

    def subscribe(self, maxsize: int | None = None) -> Subscription:
        sub = Subscription(self, maxsize or self.queue_size, self.evict_after)
        self._subscribers.add(sub)
        if self._is_open and self._turn_id is not None and not self._stopped:
            sub._offer(SinkEvent("open", self._turn_id, self._rate))  # joined mid-turn
        return sub

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    @property
    def dropped(self) -> int:
        """Audio events dropped across current subscribers."""
        return sum(s.dropped for s in self._subscribers)

    @property
    def evicted(self) -> int:
        """Subscribers unsubscribed for being too slow."""
        return self._evicted

    def _publish(self, event: SinkEvent) -> None:
        for sub in list(self._subscribers):
            sub._offer(event)

    async def _open_impl(self, turn_id: str, sample_rate: int) -> None:
        await super()._open_impl(turn_id, sample_rate)
        self._publish(SinkEvent("open", turn_id, sample_rate))

    def _slice_started(self, piece: bytes, t: float) -> None:
        self._publish(SinkEvent("audio", self._turn_id or "", self._rate, piece, t))

    async def _stop_impl(self) -> None:
        await super()._stop_impl()
        self._publish(SinkEvent("stop", self._turn_id or "", self._rate, t=self.played_s))

    async def _close_impl(self) -> None:
        self._publish(SinkEvent("close", self._turn_id or "", self._rate, t=self.played_s))

    async def aclose(self) -> None:
        """Close the turn and end every subscription."""
        await super().aclose()
        for sub in list(self._subscribers):
            sub.close()


# ---------------------------------------------------------------- tee


class TeeSink(AudioSink):
    """Plays to several sinks at once. The first is the primary: it gives :attr:`played_s`
    and drives :attr:`on_frame` (each child may also have its own ``on_frame``).

    Children run concurrently; one child's failure is raised after the others finished
    their part, and does not stop them.
    """

    def __init__(self, *sinks: AudioSink) -> None:
        super().__init__()
        if not sinks:
            raise ValueError("TeeSink needs at least one sink")
        self.sinks = sinks
        primary = sinks[0]
        own = primary.on_frame

        def forward(pcm: bytes, t: float) -> None:
            if own is not None:
                try:
                    own(pcm, t)
                except Exception:
                    log.exception("on_frame callback failed (ignored)")
            self._emit_frame(pcm, t)

        primary.on_frame = forward

    @property
    def played_s(self) -> float:
        return self.sinks[0].played_s

    @staticmethod
    async def _all(calls: list[asyncio.Future[None] | asyncio.Task[None]]) -> None:
        results = await asyncio.gather(*calls, return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                raise result

    async def _open_impl(self, turn_id: str, sample_rate: int) -> None:
        await self._all([asyncio.ensure_future(s.open(turn_id, sample_rate)) for s in self.sinks])

    async def _write_impl(self, pcm: bytes) -> None:
        chunk = AudioChunk(pcm, self._rate)
        tasks = [asyncio.ensure_future(s.write(chunk)) for s in self.sinks]
        try:
            await self._all(list(tasks))
        except asyncio.CancelledError:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
        self._played_samples = round(self.sinks[0].played_s * self._rate)

    async def _stop_impl(self) -> None:
        await self._all([asyncio.ensure_future(s.stop()) for s in self.sinks])

    async def _close_impl(self) -> None:
        await self._all([asyncio.ensure_future(s.close()) for s in self.sinks])

    async def aclose(self) -> None:
        await super().aclose()
        await self._all([asyncio.ensure_future(s.aclose()) for s in self.sinks])
