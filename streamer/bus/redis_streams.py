"""The Redis Streams bus: consumer groups, XAUTOCLAIM, approximate MAXLEN, dead letters.

Each entry has one field, ``e``, holding the encoded event. When Redis is unreachable,
``publish`` keeps events in a bounded local outbox and a background task flushes them in
order once Redis is back, so a short Redis outage loses nothing and never blocks a source.

When a call finds Redis unreachable, a watcher pings it on a connection of its own every
``PROBE_EVERY_S``. The moment it answers, the pooled connections opened before the outage
are dropped (after a restart they are all dead) and everyone waiting is woken: the outbox
flushes and the consumers read at once, instead of waiting out a back-off. A command that
meets a dead pooled connection anyway is retried once, at once, on a fresh one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError, ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .base import Bus, BusError, DeadLetter, RawEntry
from .keys import Keys, StreamName

log = logging.getLogger("streamer.bus.redis")

FIELD = b"e"
DEADLETTER_MAXLEN = 10_000
_UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
SOCKET_TIMEOUT_S = 10.0
"""A Redis that stops answering without closing the socket (a frozen server, a partition)
fails a command after this long instead of hanging the caller. Above every ``block_ms``."""
PUBLISH_TIMEOUT_S = 1.0
"""A publish that Redis has not confirmed by then goes to the local outbox: the performer
publishes before each sentence, so a hung Redis must not hold up speech for longer."""
PROBE_EVERY_S = 0.05
"""While Redis is unreachable it is pinged this often, so the bus goes on within this of its return."""
PROBE_TIMEOUT_S = 0.5
"""A ping that takes longer counts as no answer (a frozen Redis)."""
OUTBOX_RETRY_S = 1.0
"""The outbox tries again at least this often even without the watcher's word."""


class RedisBus(Bus):
    """Bus on Redis Streams. One instance per process; safe for concurrent tasks."""

    def __init__(
        self,
        client: aioredis.Redis,
        keys: Keys,
        *,
        maxlen: int = 200_000,
        max_deliveries: int = 5,
        outbox_limit: int = 100_000,
    ) -> None:
        super().__init__(max_deliveries=max_deliveries)
        self.client = client
        self.keys = keys
        self.maxlen = maxlen
        self._groups: set[tuple[str, str]] = set()
        self._outbox: deque[tuple[StreamName, bytes]] = deque()
        self._outbox_limit = outbox_limit
        self._flusher: asyncio.Task[None] | None = None
        self._back: asyncio.Event | None = None
        """Set when Redis answers again; None while no outage is known."""
        self._watcher: asyncio.Task[None] | None = None
        self._closed = False

    @classmethod
    def from_url(
        cls, url: str, keys: Keys, *, socket_timeout_s: float = SOCKET_TIMEOUT_S, **kwargs: Any
    ) -> RedisBus:
        client = aioredis.from_url(
            url,
            decode_responses=False,
            socket_connect_timeout=2,
            socket_timeout=socket_timeout_s,
            health_check_interval=10,
            # a pooled connection Redis closed (a restart) fails once: retry at once on a new one
            retry=Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)),
        )
        return cls(client, keys, **kwargs)

    # ------------------------------------------------------------------ outages
    @contextlib.contextmanager
    def _translated(self, doing: str) -> Iterator[None]:
        """Redis and socket errors become :class:`BusError`, the one error consumers handle;
        an unreachable Redis starts the watcher."""
        try:
            yield
        except _UNREACHABLE as exc:
            _cancel_stays_a_cancel()
            self._lost()
            raise BusError(f"Redis unreachable while {doing}: {type(exc).__name__}") from exc
        except RedisError as exc:
            _cancel_stays_a_cancel()
            raise BusError(f"Redis refused {doing}: {exc}", retryable=False) from exc

    def recovery(self) -> asyncio.Event | None:
        return self._back

    def _lost(self) -> asyncio.Event:
        """Redis did not answer: watch for its return (once per outage)."""
        if self._back is None and self._closed:
            return asyncio.Event()  # closed: nobody to wake, nothing to watch
        if self._back is None:
            self._back = asyncio.Event()
            self._watcher = asyncio.create_task(self._watch(self._back), name="redis-watch")
        return self._back

    async def _watch(self, back: asyncio.Event) -> None:
        started = time.monotonic()
        missed = 0
        while not await self._probe():  # Redis cannot tell us it is back: ask it
            missed += 1
            await asyncio.sleep(PROBE_EVERY_S)
        self._back = None
        if not missed:  # it answered at once: no outage to end, the callers' back-off stands
            return
        # connections opened before the outage are dead if Redis restarted: drop the idle ones
        await self.client.connection_pool.disconnect(inuse_connections=False)
        back.set()
        log.info("Redis answers again (after %.1f s); carrying on at once", time.monotonic() - started)

    async def _probe(self) -> bool:
        """One PING on a socket of its own: True once Redis answers (an auth error is an
        answer too), False while it refuses, hangs, or is still loading its data."""
        kwargs = self.client.connection_pool.connection_kwargs
        try:
            async with asyncio.timeout(PROBE_TIMEOUT_S):
                if "path" in kwargs:
                    reader, writer = await asyncio.open_unix_connection(kwargs["path"])
                elif kwargs.get("ssl") or "SSL" in self.client.connection_pool.connection_class.__name__:
                    return bool(await self.client.ping())  # TLS: ask through the client itself
                else:
                    reader, writer = await asyncio.open_connection(kwargs.get("host", "localhost"),
                                                                   kwargs.get("port", 6379))  # fmt: skip
                try:
                    writer.write(b"PING\r\n")
                    await writer.drain()
                    line = await reader.readline()
                finally:
                    writer.close()
                    with contextlib.suppress(OSError):
                        await writer.wait_closed()
        except (*_UNREACHABLE, RedisError, TimeoutError):
            _cancel_stays_a_cancel()
            return False
        return bool(line) and not line.startswith((b"-LOADING", b"-BUSY"))

    # ------------------------------------------------------------------ publishing
    async def _append(self, items: Sequence[tuple[StreamName, bytes]]) -> list[str | None]:
        if self._outbox:  # keep order: while anything waits, new events queue behind it
            return self._buffer(items)
        try:
            async with asyncio.timeout(PUBLISH_TIMEOUT_S):
                return await self._xadd(items)
        except (*_UNREACHABLE, TimeoutError) as exc:
            # after a timeout Redis may still have some of them: delivery is at least once
            log.warning("Redis unreachable while publishing (%s); buffering locally", type(exc).__name__)
            self._lost()
            return self._buffer(items)
        except RedisError as exc:
            raise BusError(f"Redis refused the publish: {exc}", retryable=False) from exc

    async def _xadd(self, items: Sequence[tuple[StreamName, bytes]]) -> list[str | None]:
        pipe = self.client.pipeline(transaction=False)
        for stream, data in items:
            pipe.xadd(self.keys.stream(stream), {FIELD: data}, maxlen=self.maxlen, approximate=True)
        return [i.decode() for i in await pipe.execute()]

    def _buffer(self, items: Sequence[tuple[StreamName, bytes]]) -> list[str | None]:
        for item in items:
            if len(self._outbox) >= self._outbox_limit:
                self.stats.dropped += 1
                log.error("local outbox full (%d); dropping an event", self._outbox_limit)
                continue
            self._outbox.append(item)
            self.stats.buffered += 1
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_outbox(), name="redis-outbox-flush")
        return [None] * len(items)

    async def _flush_outbox(self) -> None:
        """Flush in order; after a failure, wait for the watcher's word that Redis is back."""
        while self._outbox:
            batch = [self._outbox[i] for i in range(min(500, len(self._outbox)))]
            try:
                await self._xadd(batch)
            except _UNREACHABLE:
                back = self._lost()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(back.wait(), OUTBOX_RETRY_S)
                continue
            for _ in batch:
                self._outbox.popleft()
        log.info("local outbox flushed; Redis is reachable again")

    @property
    def outbox_size(self) -> int:
        return len(self._outbox)

    # ------------------------------------------------------------------ consuming
    async def _ensure_group(self, stream: StreamName, group: str) -> None:
        key = self.keys.stream(stream)
        if (key, group) in self._groups:
            return
        try:
            await self.client.xgroup_create(key, group, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
        self._groups.add((key, group))

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
        with self._translated("reading"):
            for s in streams:
                await self._ensure_group(s, group)
            names = {self.keys.stream(s): s for s in streams}
            start = b"0" if pending else b">"
            try:
                reply: Any = await self.client.xreadgroup(
                    group,
                    consumer,
                    dict.fromkeys(names, start),
                    count=count,
                    block=None if pending else block_ms,
                )
            except ResponseError as exc:
                if "NOGROUP" in str(exc):  # the stream was deleted under us: recreate next time
                    self._groups.clear()
                    return {}
                raise
            out: dict[StreamName, list[RawEntry]] = {}
            if pending:  # re-reads our own pending entries: fetch their delivery counts
                for key_b, entries in reply or []:
                    name = names[key_b.decode()]
                    counts = await self._delivery_counts(key_b.decode(), group, entries)
                    out[name] = [
                        RawEntry(i.decode(), _field(f), counts.get(i.decode(), 1)) for i, f in entries
                    ]
                return {k: v for k, v in out.items() if v}
        for key_b, entries in reply or []:
            out[names[key_b.decode()]] = [RawEntry(i.decode(), _field(f)) for i, f in entries]
        return out

    async def _delivery_counts(self, key: str, group: str, entries: list[Any]) -> dict[str, int]:
        if not entries:
            return {}
        rows: Any = await self.client.xpending_range(
            key, group, min=entries[0][0], max=entries[-1][0], count=len(entries) + 10
        )
        return {r["message_id"].decode(): int(r["times_delivered"]) for r in rows}

    async def _claim(
        self, group: str, consumer: str, streams: Sequence[StreamName], *, min_idle_ms: int, count: int
    ) -> dict[StreamName, list[RawEntry]]:
        out: dict[StreamName, list[RawEntry]] = {}
        with self._translated("claiming"):
            for stream in streams:
                await self._ensure_group(stream, group)
                key = self.keys.stream(stream)
                claim_reply: Any = await self.client.xautoclaim(
                    key, group, consumer, min_idle_time=min_idle_ms, start_id="0-0", count=count
                )
                claimed, deleted = claim_reply[1], claim_reply[2] if len(claim_reply) > 2 else []
                if deleted:
                    log.warning("%d pending entries of %s were trimmed before being acked", len(deleted), key)
                counts = await self._delivery_counts(key, group, claimed)
                if claimed:
                    out[stream] = [
                        RawEntry(i.decode(), _field(f), counts.get(i.decode(), 1)) for i, f in claimed
                    ]
        return out

    async def _ack(self, group: str, ids: dict[StreamName, list[str]]) -> None:
        with self._translated("acking"):  # unacked entries stay pending and are re-read later: safe
            pipe = self.client.pipeline(transaction=False)
            for stream, entry_ids in ids.items():
                pipe.xack(self.keys.stream(stream), group, *entry_ids)
            await pipe.execute()

    async def _store_dead_letter(self, letter: DeadLetter) -> None:
        fields: dict[bytes, bytes] = {
            b"stream": letter.stream.encode(),
            b"entry_id": letter.entry_id.encode(),
            b"group": letter.group.encode(),
            b"kind": letter.kind.encode(),
            b"reason": letter.reason.encode(),
            b"raw": letter.raw,
        }
        with self._translated("dead-lettering"):
            await self.client.xadd(self.keys.deadletter, fields, maxlen=DEADLETTER_MAXLEN, approximate=True)  # type: ignore[arg-type]

    async def _latest_id(self, stream: StreamName) -> str:
        with self._translated("reading the latest id"):
            rows: Any = await self.client.xrevrange(self.keys.stream(stream), count=1)
        return str(rows[0][0].decode()) if rows else "0-0"

    async def _tail(
        self, after: Mapping[StreamName, str], *, count: int, block_ms: int
    ) -> dict[StreamName, list[RawEntry]]:
        names = {self.keys.stream(s): s for s in after}
        with self._translated("tailing"):
            reply: Any = await self.client.xread(
                {self.keys.stream(s): i for s, i in after.items()},
                count=count,
                block=block_ms if block_ms > 0 else None,  # BLOCK 0 would wait forever
            )
        return {names[key_b.decode()]: [RawEntry(i.decode(), _field(f)) for i, f in entries]
                for key_b, entries in reply or [] if entries}  # fmt: skip

    async def _recent(self, stream: StreamName, count: int) -> list[RawEntry]:
        if count <= 0:
            return []
        with self._translated("reading recent entries"):
            rows: Any = await self.client.xrevrange(self.keys.stream(stream), count=count)
        return [RawEntry(i.decode(), _field(f)) for i, f in reversed(rows)]

    async def dead_letters(self, count: int = 100) -> list[DeadLetter]:
        if count <= 0:
            return []
        with self._translated("reading dead letters"):
            rows: Any = await self.client.xrevrange(self.keys.deadletter, count=count)
        return [_letter(i, f) for i, f in reversed(rows)]

    async def find_dead_letter(self, letter_id: str) -> DeadLetter | None:
        with self._translated("reading a dead letter"):
            try:
                rows: Any = await self.client.xrange(self.keys.deadletter, min=letter_id, max=letter_id)
            except ResponseError:  # not a stream id at all
                return None
        return _letter(*rows[0]) if rows else None

    async def drop_dead_letters(self, letter_ids: Sequence[str]) -> int:
        if not letter_ids:
            return 0
        with self._translated("dropping dead letters"):
            return int(await self.client.xdel(self.keys.deadletter, *letter_ids))

    async def dead_letter_count(self) -> int:
        with self._translated("counting dead letters"):
            return int(await self.client.xlen(self.keys.deadletter))

    async def pending_count(self, group: str) -> int:
        total = 0
        with self._translated("counting pending entries"):
            for key in (self.keys.stream(s) for s in ("input", "control", "output")):
                try:
                    info: Any = await self.client.xpending(key, group)
                except ResponseError:  # no such group or stream yet
                    continue
                total += int(info["pending"])
        return total

    async def length(self, stream: StreamName) -> int:
        with self._translated("measuring a stream"):
            return int(await self.client.xlen(self.keys.stream(stream)))

    async def close(self) -> None:
        self._closed = True
        if self._flusher is not None and not self._flusher.done():
            done, _ = await asyncio.wait({self._flusher}, timeout=2.0)
            if not done:
                log.error("closing with %d events still in the local outbox", len(self._outbox))
                self._flusher.cancel()
        if self._watcher is not None and not self._watcher.done():
            self._watcher.cancel()
            await asyncio.gather(self._watcher, return_exceptions=True)
        await self.client.aclose()


def _cancel_stays_a_cancel() -> None:
    """Raise CancelledError when the task was asked to stop and the client turned the cancel into
    an error (a socket closed under a cancelled read, a timeout racing it). Translated into a
    BusError, the cancel was lost: a reader that retries on BusError then never stopped, and
    whoever waited for it (a dashboard's shutdown) waited for ever."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError from None


def _letter(letter_id: bytes, f: dict[bytes, bytes]) -> DeadLetter:
    return DeadLetter(
        stream=f[b"stream"].decode(), entry_id=f[b"entry_id"].decode(), group=f[b"group"].decode(),
        kind=f[b"kind"].decode(), reason=f[b"reason"].decode(), raw=f[b"raw"], id=letter_id.decode(),
    )  # fmt: skip


def _field(fields: dict[bytes, bytes] | None) -> bytes | None:
    """The payload of an entry; a stray entry without our field is treated as bad data."""
    if not fields:
        return None
    data = fields.get(FIELD)
    return data if data is not None else b"{}"
