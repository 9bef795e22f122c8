"""One read loop for every bus consumer: the brain, alerts, push-to-talk, Twitch out, the recorder.

:meth:`Bus.consume <streamer.bus.base.Bus.consume>` hands each batch to a handler and acks
it once the handler returns. :meth:`Bus.batches <streamer.bus.base.Bus.batches>` yields
the batches and leaves the ack to the caller: the recorder acks only after its commit, and
reads the next batch while it writes this one (``prefetch``). Both:

- **replay first.** After a (re)start the consumer's own pending entries come back first:
  what it read and never acked before a crash or a stop. Consumer names are therefore
  stable across restarts (never a PID), so a restarted consumer takes back its entries.
- **then new entries**, waiting up to ``block_ms``. With ``claim``, every ``every_s`` it
  takes over entries other consumers of the group left unacked for ``min_idle_ms``.
- **back off** on :class:`BusError`: one capped exponential back-off, cut short by
  ``stop`` and by the bus answering again (:meth:`Bus.recovery`), so a consumer reads at
  once when Redis is back. An outage is logged once when it starts and once when it ends.
- **a handler that raises** leaves its batch pending. The error is logged, the loop backs
  off and replays the pending entries one at a time, so the batch is tried again and an
  entry that keeps failing is dead-lettered as poison after the bus's ``max_deliveries``
  without taking its batch with it.
- **stop** ends it at once, cutting a blocking read short. What a cut read took stays
  pending and is replayed on the next start.

An error that is not a :class:`BusError` (a bug) propagates to the caller.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Literal, Self

from .base import BusError, Delivery
from .keys import StreamName

if TYPE_CHECKING:
    from .base import Bus

log = logging.getLogger("streamer.bus.consume")

Handler = Callable[[list[Delivery]], Awaitable[None]]
"""Handles one batch; the batch is acked when it returns, and stays pending when it raises."""
_Source = Literal["pending", "claim", "new"]


@dataclass(frozen=True, slots=True)
class Backoff:
    """Capped exponential back-off: ``first_s`` after the first failure, doubling up to ``max_s``.

    The default cap is short because the live consumers (the brain's control stream above
    all) should pick up again soon after Redis is back; the recorder passes its own."""

    first_s: float = 0.25
    max_s: float = 2.0

    def delay(self, failures: int) -> float:
        """The wait after the ``failures``-th failure in a row (counting from 1)."""
        return min(self.first_s * 2.0 ** min(max(failures - 1, 0), 30), self.max_s)


@dataclass(frozen=True, slots=True)
class StaleClaim:
    """Every ``every_s``, take over entries another consumer left unacked for ``min_idle_ms``."""

    min_idle_ms: int = 30_000
    every_s: float = 5.0


@dataclass(slots=True)
class ConsumerStats:
    batches: int = 0
    """Batches handed to the caller."""
    replayed: int = 0
    """Entries handed over again from this consumer's pending list."""
    claimed: int = 0
    bus_failures: int = 0
    outages: int = 0
    handler_failures: int = 0


class Batches:
    """Batches of one consumer in one group, until ``stop`` is set (see the module doc).

    Use as ``async with bus.batches(...) as batches: async for batch in batches: ...`` and
    call :meth:`ack` once a batch is done, or :meth:`failed` when it could not be handled.
    """

    def __init__(
        self,
        bus: Bus,
        group: str,
        consumer: str,
        streams: Sequence[StreamName],
        *,
        stop: asyncio.Event,
        count: int = 100,
        block_ms: int = 500,
        claim: StaleClaim | None = None,
        backoff: Backoff | None = None,
        prefetch: bool = False,
        on_idle: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.bus = bus
        self.group = group
        self.consumer = consumer
        self.streams = list(streams)
        self.stop = stop
        self.count = count
        self.block_ms = block_ms
        self.claim = claim
        self.backoff = backoff or Backoff()
        self.prefetch = prefetch
        self.on_idle = on_idle
        self.clock = clock
        self.stats = ConsumerStats()
        self._replay = True
        self._isolate = False
        """Replaying after a handler failure: one entry at a time, to single out a poison entry."""
        self._claiming = False
        self._new_first = False
        """A claim round just ended: read new entries before the next one."""
        self._last_claim = clock()
        self._reading: asyncio.Task[list[Delivery]] | None = None
        """A read of new entries started before the caller asked (``prefetch``)."""
        self._stopper: asyncio.Task[bool] | None = None
        self._bus_failures = 0
        """Failed bus calls in a row: the current outage."""
        self._handler_failures = 0
        self._unacked: list[Delivery] = []
        """Done, but the ack failed: acked before the next read."""

    @property
    def name(self) -> str:
        return f"{self.group}/{self.consumer}"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Cancel the reads in flight; what they took stays pending and is replayed next start."""
        tasks = [t for t in (self._reading, self._stopper) if t is not None]
        self._reading = self._stopper = None
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> list[Delivery]:
        while not self.stop.is_set():
            source = self._next_source()
            batch = await self._fetch(source)
            if batch is None:  # the bus failed (backed off) or stop cut the read short
                continue
            if not batch:
                if source == "pending":
                    self._replay = self._isolate = False
                elif source == "claim":  # nothing (more) to take over: read new entries next
                    self._claiming, self._new_first, self._last_claim = False, True, self.clock()
                elif self.on_idle is not None:
                    self.on_idle()
                continue
            self.stats.batches += 1
            if source == "pending":
                self.stats.replayed += len(batch)
            elif source == "claim":
                self.stats.claimed += len(batch)
            elif self.prefetch:  # read the next batch while the caller handles this one
                self._reading = asyncio.create_task(self._read_new(), name=f"bus-read-{self.name}")
            return batch
        await self.aclose()
        raise StopAsyncIteration

    async def ack(self, batch: Sequence[Delivery]) -> bool:
        """Ack a batch whose work is done. False when the bus failed: the ack is tried again
        before the next read (the entries stay pending meanwhile, never handed over twice)."""
        self._handler_failures = 0
        try:
            await self.bus.ack(self.group, batch)
        except BusError as exc:
            self._unacked.extend(batch)
            self._bus_failed(exc)
            return False
        return True

    async def failed(self, batch: Sequence[Delivery], exc: BaseException) -> None:
        """The caller could not handle ``batch``: leave it pending, back off, then replay."""
        self.stats.handler_failures += 1
        self._handler_failures += 1
        delay = self.backoff.delay(self._handler_failures)
        log.error(
            "bus consumer %s: handling %d entries failed; they stay pending and are tried again in %.2f s",
            self.name, len(batch), delay, exc_info=exc,
        )  # fmt: skip
        await self._drop_prefetch()  # what it took is pending too: the replay hands it over
        self._replay = self._isolate = True
        await self._pause(delay)

    async def handle_each(self, handler: Handler) -> None:
        """Hand every batch to ``handler``; ack it when the handler returns (see :meth:`failed`)."""
        async with self:
            async for batch in self:
                try:
                    await handler(batch)
                except Exception as exc:
                    await self.failed(batch, exc)
                    continue
                await self.ack(batch)

    # ------------------------------------------------------------------ inside

    def _next_source(self) -> _Source:
        if self._replay:
            return "pending"
        if (
            self.claim is not None
            and not self._new_first
            and (self._claiming or self.clock() - self._last_claim >= self.claim.every_s)
        ):
            self._claiming = True
            return "claim"
        self._new_first = False
        return "new"

    async def _fetch(self, source: _Source) -> list[Delivery] | None:
        """One read; None when the bus failed (after backing off) or ``stop`` cut it short."""
        try:
            if self._unacked:
                await self.bus.ack(self.group, self._unacked)
                self._unacked.clear()
            if source == "pending":
                count = 1 if self._isolate else self.count
                batch = await self.bus.read_pending(self.group, self.consumer, self.streams, count=count)
            elif source == "claim":
                assert self.claim is not None
                batch = await self.bus.claim_stale(
                    self.group,
                    self.consumer,
                    self.streams,
                    min_idle_ms=self.claim.min_idle_ms,
                    count=self.count,
                )
            else:
                reading, self._reading = self._reading, None
                got = await self._until_stopped(reading or asyncio.create_task(self._read_new()))
                if got is None:
                    return None
                batch = got
        except BusError as exc:
            self._bus_failed(exc)
            await self._pause(self.backoff.delay(self._bus_failures))
            return None
        if self._bus_failures:
            log.info("bus consumer %s: the bus is back after %d failed calls", self.name, self._bus_failures)
            self._bus_failures = 0
        return batch

    async def _read_new(self) -> list[Delivery]:
        return await self.bus.read(
            self.group, self.consumer, self.streams, count=self.count, block_ms=self.block_ms
        )

    async def _until_stopped(self, reading: asyncio.Task[list[Delivery]]) -> list[Delivery] | None:
        """The read's result, or None when ``stop`` came first (the read is cancelled)."""
        if self._stopper is None:
            self._stopper = asyncio.create_task(self.stop.wait(), name=f"bus-stop-{self.name}")
        try:
            await asyncio.wait((reading, self._stopper), return_when=asyncio.FIRST_COMPLETED)
        finally:
            if not reading.done():  # stopped, or the caller was cancelled
                reading.cancel()
                await asyncio.gather(reading, return_exceptions=True)
        return None if reading.cancelled() else reading.result()

    async def _drop_prefetch(self) -> None:
        reading, self._reading = self._reading, None
        if reading is not None:
            reading.cancel()
            await asyncio.gather(reading, return_exceptions=True)

    def _bus_failed(self, exc: BusError) -> None:
        self.stats.bus_failures += 1
        self._bus_failures += 1
        if self._bus_failures == 1:
            self.stats.outages += 1
            log.warning(
                "bus consumer %s: the bus is unavailable (%s); retrying with back-off up to %g s",
                self.name, exc, self.backoff.max_s,
            )  # fmt: skip
        else:
            log.debug("bus consumer %s: still unavailable (%s)", self.name, exc)

    async def _pause(self, seconds: float) -> None:
        """Wait ``seconds``; ``stop`` cuts it short, and so does the bus answering again."""
        waits = [asyncio.ensure_future(self.stop.wait())]
        if (back := self.bus.recovery()) is not None:
            waits.append(asyncio.ensure_future(back.wait()))
        try:
            await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiting in waits:
                waiting.cancel()
            await asyncio.gather(*waits, return_exceptions=True)
