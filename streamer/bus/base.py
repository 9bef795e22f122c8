"""The bus interface shared by the Redis Streams and the in-process implementations.

Semantics (both implementations, proved by one contract test suite):

- Three streams per channel: ``input`` (chat, events, voice), ``control`` (interrupt, skip,
  kill switch...) and ``output`` (what the bot did). Control never waits behind chat.
- Consumer groups give at-least-once delivery: an entry stays pending until acked, a
  restarted consumer re-reads its own pending entries, and ``claim_stale`` takes over
  entries left by a dead consumer. Ack only after the work is durable.
- Every consumer reads through :meth:`Bus.consume` (or :meth:`Bus.batches`), the one loop
  that replays, backs off and acks (:mod:`streamer.bus.consume`), under a consumer name
  that is the same on every restart.
- Anything on a stream that is not a valid event (bad JSON, unknown type, newer schema,
  bad UTF-8, oversize...) is logged, counted, copied to the dead-letter stream and acked,
  so it never reaches a consumer and never blocks one. So is an entry delivered more than
  ``max_deliveries`` times (poison).
"""

from __future__ import annotations

import abc
import asyncio
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from engines.events import EventBase, EventDecodeError, decode, encode, stream_of

from .keys import StreamName

if TYPE_CHECKING:
    from .consume import Backoff, Batches, Handler, StaleClaim

log = logging.getLogger("streamer.bus")

RAW_KEEP_BYTES = 4_096
"""How much of a bad entry the dead-letter stream keeps."""


class BusError(RuntimeError):
    """The bus backend failed. ``retryable`` says whether trying again later may work."""

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


@dataclass(frozen=True, slots=True)
class Delivery:
    """One event handed to a consumer, to be acked once the work is durable."""

    stream: StreamName
    entry_id: str
    event: EventBase

    @property
    def published_ms(self) -> int:
        """When the bus accepted the entry (milliseconds since the epoch, from the entry id)."""
        return int(self.entry_id.split("-", 1)[0])


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """An entry a consumer group could not handle, kept with its raw bytes (the first 4 KiB)."""

    stream: str
    entry_id: str
    """Its id on ``stream`` when it was dead-lettered."""
    group: str
    kind: str
    reason: str
    raw: bytes
    id: str = ""
    """The letter's own id in the dead-letter stream (empty until it is stored)."""


@dataclass(slots=True)
class BusStats:
    published: int = 0
    delivered: int = 0
    acked: int = 0
    claimed: int = 0
    buffered: int = 0
    """Events held locally while the backend was unreachable (Redis only)."""
    dropped: int = 0
    """Events lost because the local buffer overflowed; should stay 0."""
    dead_lettered: Counter[str] = field(default_factory=Counter)
    tail_skipped: int = 0
    """Entries a :meth:`Bus.tail` or :meth:`Bus.recent` reader skipped as not valid events."""


@dataclass(frozen=True, slots=True)
class RawEntry:
    """An entry as stored: id, payload bytes, and how many times it was delivered."""

    entry_id: str
    data: bytes | None
    deliveries: int = 1


class Bus(abc.ABC):
    """Publish events and consume them through consumer groups."""

    def __init__(self, *, max_deliveries: int = 5) -> None:
        self.stats = BusStats()
        self.max_deliveries = max_deliveries

    # ------------------------------------------------------------------ publishing
    async def publish(self, event: EventBase) -> str | None:
        """Append one event to its stream. Returns the entry id, or None if buffered for retry."""
        return (await self.publish_many([event]))[0]

    async def publish_many(self, events: Sequence[EventBase]) -> list[str | None]:
        """Append events in order (one round trip where the backend allows)."""
        items = [(stream_of(e), encode(e)) for e in events]
        ids = await self._append(items)
        self.stats.published += len(items)
        return ids

    async def publish_raw(self, stream: StreamName, data: bytes) -> str | None:
        """Append bytes as they are (bridges and tests); consumers still validate them."""
        return (await self._append([(stream, data)]))[0]

    # ------------------------------------------------------------------ consuming
    async def read(
        self, group: str, consumer: str, streams: Sequence[StreamName], *, count: int, block_ms: int
    ) -> list[Delivery]:
        """New entries for this group, waiting up to ``block_ms`` when there are none."""
        raw = await self._read(group, consumer, streams, count=count, block_ms=block_ms, pending=False)
        return await self._accept(group, raw)

    async def read_pending(
        self, group: str, consumer: str, streams: Sequence[StreamName], *, count: int
    ) -> list[Delivery]:
        """This consumer's own unacked entries (call on start-up, before ``read``). Empty only
        when none is left: entries dead-lettered on the way do not end the replay early."""
        while True:
            raw = await self._read(group, consumer, streams, count=count, block_ms=0, pending=True)
            good = await self._accept(group, raw)
            if good or not raw:
                return good

    async def claim_stale(
        self, group: str, consumer: str, streams: Sequence[StreamName], *, min_idle_ms: int, count: int
    ) -> list[Delivery]:
        """Take over entries another consumer left unacked for at least ``min_idle_ms``. Empty
        only when none is left to take (as :meth:`read_pending`)."""
        while True:
            raw = await self._claim(group, consumer, streams, min_idle_ms=min_idle_ms, count=count)
            self.stats.claimed += sum(len(v) for v in raw.values())
            good = await self._accept(group, raw)
            if good or not raw:
                return good

    def batches(
        self,
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
    ) -> Batches:
        """The consumer's batches until ``stop``: its own pending entries first, then new ones
        (and stale ones of other consumers, with ``claim``), backing off while the bus is down.
        The caller acks each batch (see :mod:`streamer.bus.consume`)."""
        from .consume import Batches

        return Batches(
            self, group, consumer, streams, stop=stop, count=count, block_ms=block_ms, claim=claim,
            backoff=backoff, prefetch=prefetch, on_idle=on_idle,
        )  # fmt: skip

    async def consume(
        self,
        group: str,
        consumer: str,
        streams: Sequence[StreamName],
        handler: Handler,
        *,
        stop: asyncio.Event,
        count: int = 100,
        block_ms: int = 500,
        claim: StaleClaim | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        """Hand each batch to ``handler`` until ``stop``, and ack it when the handler returns.

        The one read loop every consumer uses: pending replay after a restart, back-off while
        the bus is down, and a batch whose handler raised stays pending and is tried again
        (see :mod:`streamer.bus.consume`). ``consumer`` must be the same on every restart.
        """
        await self.batches(
            group, consumer, streams, stop=stop, count=count, block_ms=block_ms, claim=claim, backoff=backoff
        ).handle_each(handler)

    async def ack(self, group: str, deliveries: Iterable[Delivery]) -> None:
        by_stream: dict[StreamName, list[str]] = {}
        for d in deliveries:
            by_stream.setdefault(d.stream, []).append(d.entry_id)
        if by_stream:
            await self._ack(group, by_stream)
            self.stats.acked += sum(len(v) for v in by_stream.values())

    async def dead_letter(self, group: str, delivery: Delivery, *, kind: str, reason: str) -> None:
        """Move a well-formed event that its consumer cannot handle to the dead-letter stream."""
        await self._bury(
            group, delivery.stream, RawEntry(delivery.entry_id, encode(delivery.event)), kind, reason
        )
        await self._ack(group, {delivery.stream: [delivery.entry_id]})

    # ------------------------------------------------------------------ watching (no group)
    async def latest_ids(self, streams: Sequence[StreamName]) -> dict[StreamName, str]:
        """Each stream's newest entry id (``0-0`` when empty): a :meth:`tail` from these sees only new entries."""
        return {s: await self._latest_id(s) for s in streams}

    async def tail(self, after: Mapping[StreamName, str], *, count: int, block_ms: int) -> list[Delivery]:
        """Entries newer than ``after[stream]`` (up to ``count`` per stream, oldest first), waiting
        up to ``block_ms`` when there are none.

        No consumer group: nothing becomes pending and nothing is acked, and every watcher sees
        every entry (live views such as the dashboard feed). Entries that are not valid events
        are skipped and counted in ``stats.tail_skipped``; the group consumers dead-letter them.
        """
        return self._decode_quietly(await self._tail(after, count=count, block_ms=block_ms))

    async def tail_advance(
        self, cursor: MutableMapping[StreamName, str], *, count: int, block_ms: int
    ) -> list[Delivery]:
        """:meth:`tail` from ``cursor``, which moves past every entry read, a skipped invalid
        one included: a watcher that moved its cursor only by what it was given would read an
        invalid entry again at once, for ever (a hot loop instead of a blocking wait)."""
        raw = await self._tail(cursor, count=count, block_ms=block_ms)
        for stream, entries in raw.items():
            if entries:
                cursor[stream] = entries[-1].entry_id
        return self._decode_quietly(raw)

    async def recent(self, stream: StreamName, count: int) -> list[Delivery]:
        """The newest ``count`` valid entries of a stream, oldest first."""
        return self._decode_quietly({stream: await self._recent(stream, count)})

    def _decode_quietly(self, raw: dict[StreamName, list[RawEntry]]) -> list[Delivery]:
        out: list[Delivery] = []
        for stream, entries in raw.items():
            for entry in entries:
                try:
                    out.append(Delivery(stream, entry.entry_id, decode(entry.data or b"")))
                except EventDecodeError:
                    self.stats.tail_skipped += 1
        return out

    async def _accept(self, group: str, raw: dict[StreamName, list[RawEntry]]) -> list[Delivery]:
        good: list[Delivery] = []
        bad: dict[StreamName, list[str]] = {}
        for stream, entries in raw.items():
            for entry in entries:
                if entry.data is None:  # trimmed away while pending: nothing left to deliver
                    bad.setdefault(stream, []).append(entry.entry_id)
                    continue
                if entry.deliveries > self.max_deliveries:
                    await self._bury(group, stream, entry, "poison", f"delivered {entry.deliveries} times")
                    bad.setdefault(stream, []).append(entry.entry_id)
                    continue
                try:
                    good.append(Delivery(stream, entry.entry_id, decode(entry.data)))
                except EventDecodeError as exc:
                    await self._bury(group, stream, entry, exc.kind, exc.reason)
                    bad.setdefault(stream, []).append(entry.entry_id)
        if bad:
            await self._ack(group, bad)
        self.stats.delivered += len(good)
        return good

    async def _bury(self, group: str, stream: StreamName, entry: RawEntry, kind: str, reason: str) -> None:
        self.stats.dead_lettered[kind] += 1
        log.warning(
            "dead-lettered %s entry %s for group %s: %s (%s)", stream, entry.entry_id, group, reason, kind
        )
        letter = DeadLetter(stream, entry.entry_id, group, kind, reason, (entry.data or b"")[:RAW_KEEP_BYTES])
        await self._store_dead_letter(letter)

    # ------------------------------------------------------------------ backend hooks
    @abc.abstractmethod
    async def _append(self, items: Sequence[tuple[StreamName, bytes]]) -> list[str | None]: ...

    @abc.abstractmethod
    async def _read(
        self,
        group: str,
        consumer: str,
        streams: Sequence[StreamName],
        *,
        count: int,
        block_ms: int,
        pending: bool,
    ) -> dict[StreamName, list[RawEntry]]: ...

    @abc.abstractmethod
    async def _claim(
        self, group: str, consumer: str, streams: Sequence[StreamName], *, min_idle_ms: int, count: int
    ) -> dict[StreamName, list[RawEntry]]: ...

    @abc.abstractmethod
    async def _ack(self, group: str, ids: dict[StreamName, list[str]]) -> None: ...

    @abc.abstractmethod
    async def _store_dead_letter(self, letter: DeadLetter) -> None: ...

    @abc.abstractmethod
    async def _latest_id(self, stream: StreamName) -> str: ...

    @abc.abstractmethod
    async def _tail(
        self, after: Mapping[StreamName, str], *, count: int, block_ms: int
    ) -> dict[StreamName, list[RawEntry]]: ...

    @abc.abstractmethod
    async def _recent(self, stream: StreamName, count: int) -> list[RawEntry]: ...

    @abc.abstractmethod
    async def dead_letters(self, count: int = 100) -> list[DeadLetter]:
        """The newest dead letters, oldest first."""

    @abc.abstractmethod
    async def find_dead_letter(self, letter_id: str) -> DeadLetter | None:
        """One dead letter by its id, or None."""

    @abc.abstractmethod
    async def drop_dead_letters(self, letter_ids: Sequence[str]) -> int:
        """Delete dead letters; returns how many there were."""

    @abc.abstractmethod
    async def dead_letter_count(self) -> int:
        """How many dead letters are kept."""

    @abc.abstractmethod
    async def pending_count(self, group: str) -> int:
        """Entries delivered to the group and not yet acked, over all streams."""

    @abc.abstractmethod
    async def length(self, stream: StreamName) -> int:
        """Entries currently held in a stream."""

    def recovery(self) -> asyncio.Event | None:
        """While the backend is known to be unreachable, an event set the moment it answers
        again (a consumer's back-off ends there); None otherwise."""
        return None

    async def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""
