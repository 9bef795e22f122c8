"""The in-process bus: the same semantics as Redis Streams, for the zero-setup default.

Entries are kept as encoded bytes, exactly as on Redis, so validation and dead-lettering
behave the same. Ids are ``<ms>-<seq>`` like Redis ids.
"""

from __future__ import annotations

import asyncio
import bisect
import time
from collections import OrderedDict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from .base import Bus, DeadLetter, RawEntry
from .keys import STREAMS, StreamName

_TRIM_SLACK = 0.1
"""Like MAXLEN ~: trim only once a stream is 10% over its cap."""


@dataclass(slots=True)
class _Pending:
    consumer: str
    delivered_ms: float
    deliveries: int


@dataclass(slots=True)
class _Group:
    next_seq: int = 0
    """Absolute position of the next never-delivered entry."""
    pending: OrderedDict[str, _Pending] = field(default_factory=OrderedDict)


@dataclass(slots=True)
class _Stream:
    entries: deque[tuple[str, bytes]] = field(default_factory=deque)
    first_seq: int = 0
    """Absolute position of entries[0]; grows as the stream is trimmed."""
    by_id: dict[str, bytes] = field(default_factory=dict)
    groups: dict[str, _Group] = field(default_factory=dict)


class MemoryBus(Bus):
    """Single-process bus. Not shared between processes; everything is lost on exit."""

    def __init__(self, *, maxlen: int = 200_000, max_deliveries: int = 5) -> None:
        super().__init__(max_deliveries=max_deliveries)
        self.maxlen = maxlen
        self._streams: dict[StreamName, _Stream] = {name: _Stream() for name in STREAMS}
        self._dead: deque[DeadLetter] = deque(maxlen=10_000)
        self._last_ms = 0
        self._seq = 0
        self._waiters: dict[StreamName, set[asyncio.Future[None]]] = {name: set() for name in STREAMS}
        """Readers blocked on each stream: a publish wakes only the readers of its streams."""

    def _next_id(self) -> str:
        now = int(time.time() * 1000)
        if now > self._last_ms:
            self._last_ms, self._seq = now, 0
        else:
            self._seq += 1
        return f"{self._last_ms}-{self._seq}"

    async def _append(self, items: Sequence[tuple[StreamName, bytes]]) -> list[str | None]:
        ids: list[str | None] = []
        touched: set[StreamName] = set()
        for stream_name, data in items:
            touched.add(stream_name)
            stream = self._streams[stream_name]
            entry_id = self._next_id()
            stream.entries.append((entry_id, data))
            stream.by_id[entry_id] = data
            ids.append(entry_id)
            if len(stream.entries) > self.maxlen * (1 + _TRIM_SLACK):
                while len(stream.entries) > self.maxlen:
                    old_id, _ = stream.entries.popleft()
                    del stream.by_id[old_id]
                    stream.first_seq += 1
        for stream_name in touched:
            waiters = self._waiters[stream_name]
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(None)
            waiters.clear()
        return ids

    async def _wait(self, streams: Sequence[StreamName], timeout: float) -> bool:
        """Wait until one of ``streams`` gets an entry; False on timeout. No task per wait."""
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        for name in streams:
            self._waiters[name].add(waiter)
        try:
            async with asyncio.timeout(timeout):
                await waiter
            return True
        except TimeoutError:
            return False
        finally:
            for name in streams:
                self._waiters[name].discard(waiter)

    def _group(self, stream: StreamName, group: str) -> _Group:
        s = self._streams[stream]
        if group not in s.groups:
            s.groups[group] = _Group(next_seq=s.first_seq)
        return s.groups[group]

    async def _read(
        self,
        group: str,
        consumer: str,
        streams: Sequence[StreamName],
        *,
        count: int,
        block_ms: int,
        pending: bool,
    ) -> dict[StreamName, list[RawEntry]]:
        if pending:
            return self._own_pending(group, consumer, streams, count)
        deadline = time.monotonic() + block_ms / 1000
        while True:
            found = self._take_new(group, consumer, streams, count)
            if found or block_ms <= 0:
                return found
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not await self._wait(streams, remaining):
                return {}

    def _take_new(
        self, group: str, consumer: str, streams: Sequence[StreamName], count: int
    ) -> dict[StreamName, list[RawEntry]]:
        out: dict[StreamName, list[RawEntry]] = {}
        now = time.time() * 1000
        for name in streams:
            s = self._streams[name]
            g = self._group(name, group)
            start = max(g.next_seq, s.first_seq) - s.first_seq
            taken: list[RawEntry] = []
            for i in range(start, min(start + count, len(s.entries))):
                entry_id, data = s.entries[i]
                g.pending[entry_id] = _Pending(consumer, now, 1)
                taken.append(RawEntry(entry_id, data, 1))
            if taken:
                g.next_seq = s.first_seq + start + len(taken)
                out[name] = taken
        return out

    def _own_pending(
        self, group: str, consumer: str, streams: Sequence[StreamName], count: int
    ) -> dict[StreamName, list[RawEntry]]:
        out: dict[StreamName, list[RawEntry]] = {}
        now = time.time() * 1000
        for name in streams:
            s = self._streams[name]
            taken: list[RawEntry] = []
            for entry_id, p in self._group(name, group).pending.items():
                if p.consumer != consumer:
                    continue
                p.deliveries += 1
                p.delivered_ms = now
                taken.append(RawEntry(entry_id, s.by_id.get(entry_id), p.deliveries))
                if len(taken) >= count:
                    break
            if taken:
                out[name] = taken
        return out

    async def _claim(
        self, group: str, consumer: str, streams: Sequence[StreamName], *, min_idle_ms: int, count: int
    ) -> dict[StreamName, list[RawEntry]]:
        out: dict[StreamName, list[RawEntry]] = {}
        now = time.time() * 1000
        for name in streams:
            s = self._streams[name]
            taken: list[RawEntry] = []
            for entry_id, p in self._group(name, group).pending.items():
                if now - p.delivered_ms < min_idle_ms:
                    continue
                p.consumer, p.delivered_ms, p.deliveries = consumer, now, p.deliveries + 1
                taken.append(RawEntry(entry_id, s.by_id.get(entry_id), p.deliveries))
                if len(taken) >= count:
                    break
            if taken:
                out[name] = taken
        return out

    async def _ack(self, group: str, ids: dict[StreamName, list[str]]) -> None:
        for name, entry_ids in ids.items():
            pending = self._group(name, group).pending
            for entry_id in entry_ids:
                pending.pop(entry_id, None)

    async def _latest_id(self, stream: StreamName) -> str:
        entries = self._streams[stream].entries
        return entries[-1][0] if entries else "0-0"

    async def _tail(
        self, after: Mapping[StreamName, str], *, count: int, block_ms: int
    ) -> dict[StreamName, list[RawEntry]]:
        deadline = time.monotonic() + block_ms / 1000
        while True:
            found = {name: got for name, since in after.items() if (got := self._newer(name, since, count))}
            if found or block_ms <= 0:
                return found
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not await self._wait(list(after), remaining):
                return {}

    def _newer(self, stream: StreamName, since: str, count: int) -> list[RawEntry]:
        """The oldest ``count`` entries after ``since`` (ids are ordered: binary search)."""
        entries = self._streams[stream].entries
        i = bisect.bisect_right(entries, _id_key(since), key=lambda e: _id_key(e[0]))
        return [RawEntry(entries[j][0], entries[j][1]) for j in range(i, min(i + count, len(entries)))]

    async def _recent(self, stream: StreamName, count: int) -> list[RawEntry]:
        entries = self._streams[stream].entries
        start = max(0, len(entries) - count)
        return [RawEntry(entries[j][0], entries[j][1]) for j in range(start, len(entries))]

    async def _store_dead_letter(self, letter: DeadLetter) -> None:
        self._dead.append(replace(letter, id=self._next_id()))

    async def dead_letters(self, count: int = 100) -> list[DeadLetter]:
        return list(self._dead)[-count:] if count > 0 else []

    async def find_dead_letter(self, letter_id: str) -> DeadLetter | None:
        return next((d for d in self._dead if d.id == letter_id), None)

    async def drop_dead_letters(self, letter_ids: Sequence[str]) -> int:
        gone = set(letter_ids)
        kept = [d for d in self._dead if d.id not in gone]
        dropped = len(self._dead) - len(kept)
        self._dead = deque(kept, maxlen=self._dead.maxlen)
        return dropped

    async def dead_letter_count(self) -> int:
        return len(self._dead)

    async def pending_count(self, group: str) -> int:
        return sum(len(s.groups[group].pending) for s in self._streams.values() if group in s.groups)

    async def length(self, stream: StreamName) -> int:
        return len(self._streams[stream].entries)


def _id_key(entry_id: str) -> tuple[int, int]:
    ms, _, seq = entry_id.partition("-")
    return int(ms), int(seq or 0)
