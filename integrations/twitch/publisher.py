"""Twitch's events to the bus: one bounded queue and one publisher task, in arrival order.

Handlers hand each event over synchronously (:meth:`EventQueue.put`); :meth:`EventQueue.run`
publishes the queue in batches, retrying while the bus is down. When the queue is full the
oldest event is dropped, logged and counted (a ``twitch_dropped_events`` metric follows).

Why this queue, on top of the Redis bus's own outbox: twitchio runs each notification's
handler as its own task, so handlers that awaited the publish (up to a second on a hung
Redis) could overtake each other; a synchronous hand-off to one queue and one publisher
keeps arrival order. And the bus's outbox only holds events while Redis is unreachable: a
Redis that refuses writes (out of memory, a read-only replica) makes ``publish`` raise, and
this queue is what keeps Twitch's events until it accepts them again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

from engines import events as ev

__all__ = ["EventQueue", "Publish"]

log = logging.getLogger(__name__)
Publish = Callable[[Sequence[ev.EventBase]], Awaitable[object]]
"""Hands events to the bus, in order (``Bus.publish_many``)."""
_BATCH = 500


class Counts(Protocol):
    published: int
    dropped: int


class EventQueue:
    """The queue between the handlers and the bus; run :meth:`run` as a task."""

    def __init__(self, publish: Publish, *, channel: str, limit: int, counts: Counts) -> None:
        self.publish = publish
        self.channel = channel
        self.counts = counts
        self._queue: asyncio.Queue[ev.EventBase] = asyncio.Queue(maxsize=limit)
        self._unreported_drops = 0

    def put(self, event: ev.EventBase) -> None:
        """Queue for the bus; when the bus has been down so long that the queue is full, drop the oldest."""
        if self._queue.full():
            self._queue.get_nowait()
            self._queue.task_done()
            self.counts.dropped += 1
            if not self._unreported_drops:
                log.error(
                    "twitch: the bus has been down so long that %d events wait; dropping the oldest",
                    self._queue.maxsize,
                )
            self._unreported_drops += 1
        self._queue.put_nowait(event)

    async def run(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while len(batch) < _BATCH and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            taken = len(batch)
            if self._unreported_drops:
                dropped, self._unreported_drops = self._unreported_drops, 0
                log.error("twitch: dropped %d events while the bus was down", dropped)
                batch.append(
                    ev.Metric(channel=self.channel, name="twitch_dropped_events", value=float(dropped))
                )
            await self._deliver(batch)
            for _ in range(taken):
                self._queue.task_done()

    async def _deliver(self, batch: list[ev.EventBase]) -> None:
        delay = 0.2
        while True:
            try:
                await self.publish(batch)
            except Exception as exc:  # the bus is down: keep the events and try again
                log.warning(
                    "twitch: could not publish %d events (%s); retrying", len(batch), type(exc).__name__
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
                continue
            self.counts.published += len(batch)
            return

    async def drain(self, task: asyncio.Task[None]) -> None:
        """Publish what is queued (up to 5 s), then stop the publisher ``task``."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._queue.join(), 5.0)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
