"""The recorder: consumes every stream in batches and logs each event to the database once.

- Its own consumer group, so it never slows the live path (brain, performer, dashboard).
- Acks a batch only after its transaction committed. Writes are idempotent on event id,
  so a redelivered entry (after a crash or a reclaim) is stored once.
- It reads through :meth:`Bus.batches <streamer.bus.Bus.batches>`, the loop every consumer
  shares: on start it first re-reads its own pending entries (its name is the same on
  every restart); every ``claim_every_s`` it takes over entries that a dead recorder left
  pending (XAUTOCLAIM); the next batch is read while this one is written (double
  buffering); a bus outage is backed off and logged once.
- While the database is unreachable, shutting down or starting up (SQLSTATE classes 08, 53,
  57 and connection errors) it keeps the batch in hand, backs off and retries without limit;
  the backlog waits in the bus, unacked, and drains when the database returns.
- Only an event the database refuses as data (SQLSTATE class 22 or 23) is isolated and
  dead-lettered, so one bad row cannot stall the log.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import exc as sa_exc
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from streamer.bus import STREAMS, Backoff, Bus, Delivery, StaleClaim
from streamer.bus.keys import GROUP_RECORDER

from .writer import channel_ids, write_events

log = logging.getLogger("streamer.store.recorder")

_ISOLATION_ATTEMPTS = 3
"""A batch whose every event the database refuses is retried this often before dead-lettering."""


def default_consumer_name(*, worker: bool = False) -> str:
    """The same on every restart on this host, so a restarted recorder takes back what it had
    read and not stored (a recorder on another host claims it once it is stale). The separate
    ``vtuber record`` worker is ``recorder-<host>-worker``: never the bot's own recorder's name."""
    return f"recorder-{socket.gethostname()}" + ("-worker" if worker else "")


@dataclass(slots=True)
class RecorderStats:
    batches: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    db_failures: int = 0
    bus_failures: int = 0
    last_commit: float = 0.0


class Recorder:
    """Batched, idempotent, at-least-once writer from the bus to the database."""

    def __init__(
        self,
        bus: Bus,
        sessions: async_sessionmaker[AsyncSession],
        *,
        consumer: str | None = None,
        group: str = GROUP_RECORDER,
        batch_size: int = 1_000,
        block_ms: int = 200,
        claim_idle_ms: int = 30_000,
        claim_every_s: float = 5.0,
        retry_max_s: float = 5.0,
        on_commit: Callable[[Sequence[Delivery]], None] | None = None,
    ) -> None:
        self.bus = bus
        self.sessions = sessions
        self.consumer = consumer or default_consumer_name()
        self.group = group
        self.batch_size = batch_size
        self.block_ms = block_ms
        self.claim_idle_ms = claim_idle_ms
        self.claim_every_s = claim_every_s
        self.retry_max_s = retry_max_s
        self.on_commit = on_commit
        self.stats = RecorderStats()
        self._channels: dict[str, int] = {}
        self._stop = asyncio.Event()
        self._idle = asyncio.Event()

    def stop(self) -> None:
        """Finish the batch in hand, then return from :meth:`run`."""
        self._stop.set()

    async def wait_idle(self, timeout: float) -> bool:
        """Wait until a read found nothing new (everything published so far is stored)."""
        self._idle.clear()
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True

    async def run(self) -> None:
        log.info("recorder %s starting (group %s)", self.consumer, self.group)
        batches = self.bus.batches(
            self.group, self.consumer, STREAMS, stop=self._stop, count=self.batch_size, block_ms=self.block_ms,
            claim=StaleClaim(self.claim_idle_ms, self.claim_every_s), backoff=Backoff(max_s=self.retry_max_s),
            prefetch=True, on_idle=self._idle.set,
        )  # fmt: skip
        async with batches:
            async for batch in batches:
                # acked only once stored: a stop during a database outage leaves it pending
                if await self.record(batch) and not await batches.ack(batch):
                    log.warning("ack failed; %d stored entries will come back, deduplicated", len(batch))
                self.stats.bus_failures = batches.stats.bus_failures
        self.stats.bus_failures = batches.stats.bus_failures
        log.info("recorder %s stopped: %s", self.consumer, self.stats)

    async def record(self, batch: Sequence[Delivery]) -> bool:
        """Write one batch durably, retrying while the database is down. False when stopped
        before it could: the batch must stay unacked."""
        delay = 0.1
        isolate, attempts = False, 0
        while True:
            try:
                if isolate:
                    attempts += 1
                    stored = await self._write_one_by_one(batch, final=attempts >= _ISOLATION_ATTEMPTS)
                    if stored is not None:
                        break
                else:
                    stored = await self._write(batch)
                    break
            except Exception as exc:  # classify every failure; never crash the loop
                if not isolate and _is_data_error(exc):
                    log.warning(
                        "batch of %d rejected by the database (%s); isolating", len(batch), _short(exc)
                    )
                    isolate = True
                    continue
                self.stats.db_failures += 1
                if self._stop.is_set():  # shutting down: do not hang on a dead database
                    log.error(
                        "database write failed while stopping (%s: %s); %d events stay unacked in the bus",
                        type(exc).__name__, _short(exc), len(batch),
                    )  # fmt: skip
                    return False
                log.warning(
                    "database write failed (%s); %d events wait in the bus, retry in %.1fs",
                    _unavailable_reason(exc), len(batch), delay,
                )  # fmt: skip
            await self._pause(delay)
            delay = min(delay * 2, self.retry_max_s)
        self.stats.batches += 1
        self.stats.stored += stored
        self.stats.duplicates += len(batch) - stored
        self.stats.last_commit = time.time()
        if self.on_commit is not None:
            self.on_commit(batch)
        return True

    async def _pause(self, seconds: float) -> None:
        """Sleep between retries; :meth:`stop` cuts it short."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), seconds)

    async def _write(self, batch: Sequence[Delivery]) -> int:
        channels = {d.event.channel for d in batch}
        if not channels <= self._channels.keys():  # own transaction: never cache a rolled-back id
            async with self.sessions() as session, session.begin():
                await channel_ids(session, channels, self._channels)
        async with self.sessions() as session, session.begin():
            new = await write_events(session, [(d.stream, d.event) for d in batch], self._channels)
        return len(new)

    async def _write_one_by_one(self, batch: Sequence[Delivery], *, final: bool) -> int | None:
        """Write each event alone. Events the database refuses while others succeed (or on the
        ``final`` attempt) are dead-lettered. Returns None when all were refused: likely a
        systemic fault, so the caller backs off and tries again."""
        stored, refused = 0, []
        for d in batch:
            try:
                stored += await self._write([d])
            except Exception as exc:
                if not _is_data_error(exc):
                    raise
                refused.append((d, exc))
        if refused and len(refused) == len(batch) and not final:
            log.warning("every event of the batch was refused (%s); retrying", _short(refused[0][1]))
            return None
        for d, error in refused:
            self.stats.rejected += 1
            await self.bus.dead_letter(self.group, d, kind="store_rejected", reason=_short(error))
        return stored


_REJECTED_CLASSES = frozenset({"22", "23"})
"""SQLSTATE classes that refuse the data itself: data exception, integrity violation."""
_UNAVAILABLE_CLASSES = frozenset({"08", "53", "57"})
"""Connection exception, insufficient resources, operator intervention (57P01 admin shutdown,
57P03 "the database system is shutting down" / "starting up"): the database is not there yet."""


def _sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a database error, where the driver gives one (PostgreSQL does)."""
    orig = getattr(exc, "orig", None)
    for candidate in (orig, getattr(orig, "__cause__", None)):
        code = getattr(candidate, "sqlstate", None)
        if isinstance(code, str) and len(code) == 5:
            return code
    return None


def _is_data_error(exc: BaseException) -> bool:
    """True only when the database refuses the data itself (SQLSTATE class 22 or 23; on
    SQLite, which has no SQLSTATE, an integrity or data error). Everything else, a database
    that is unreachable, shutting down, starting up or out of resources included, means
    "wait and retry": the batch is never dead-lettered for it."""
    if not isinstance(exc, sa_exc.DBAPIError) or exc.connection_invalidated:
        return False
    code = _sqlstate(exc)
    if code is not None:
        return code[:2] in _REJECTED_CLASSES
    if isinstance(exc.orig, OSError | TimeoutError):
        return False
    return isinstance(exc, sa_exc.IntegrityError | sa_exc.DataError)


def _unavailable_reason(exc: BaseException) -> str:
    """How a failed write reads in the log: unreachable, or the SQLSTATE it was refused with."""
    code = _sqlstate(exc)
    if code is None or code[:2] in _UNAVAILABLE_CLASSES:
        return f"{type(exc).__name__}: {_short(exc)}"
    return f"SQLSTATE {code}, not a data error: {_short(exc)}"


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]
