"""The chat monitor's live feed hub: ONE bus reader per dashboard process, fanned out to every
connected monitor.

- The reader tails the input, control and output streams without a consumer group, so it
  takes nothing away from the bot and needs no acks.
- Each event is validated once and encoded once; events are sent in batches (one
  websocket frame per ``batch_ms`` at most, or at once when the feed is quiet), and the
  same frame text goes to every monitor.
- Every monitor has a bounded queue of frames. A monitor that falls behind loses whole
  frames and then gets a ``{"t": "skipped", "n": N}`` marker, so a slow browser never
  holds up the others or the reader.
- A new monitor first receives the newest ``history`` events.

Frames (JSON text): ``{"t": "history"|"events", "events": [{"s": stream, "i": entry id,
"e": event}, ...]}`` and ``{"t": "skipped", "n": count}``.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from engines.events import BotHeartbeat, encode
from streamer.bus import STREAMS, Bus, BusError, Delivery, StreamName

log = logging.getLogger("dashboard_api.feed")
HEARTBEAT_SLACK = 8
STOP_WAIT_S = 5.0
"""How long the hub waits for its tasks to end after cancelling them."""
"""A new monitor's history reads this many times further back on the output stream, where the
bot's heartbeats (every 2 s, never shown) sit between the events it shows."""

Listener = Callable[[Delivery], None]


@dataclass(eq=False)
class FeedClient:
    """One connected monitor: its queue of frames, and what it lost."""

    queue: asyncio.Queue[str]
    skipped: int = 0
    """Events lost since the last frame this client got (sent as a marker before the next)."""
    dropped: int = 0
    """Events lost in all."""

    def offer(self, frame: str, events: int) -> None:
        free = self.queue.maxsize - self.queue.qsize()
        need = 2 if self.skipped else 1
        if free < need:
            self.skipped += events
            self.dropped += events
            return
        if self.skipped:
            self.queue.put_nowait(f'{{"t":"skipped","n":{self.skipped}}}')
            self.skipped = 0
        self.queue.put_nowait(frame)


@dataclass(slots=True)
class HubStats:
    events: int = 0
    frames: int = 0
    dropped: int = 0
    read_failures: int = 0


def _item(d: Delivery) -> str:
    return f'{{"s":"{d.stream}","i":"{d.entry_id}","e":{encode(d.event).decode()}}}'


class FeedHub:
    """Tails the bus and fans events out to monitors (websockets) and listeners (routes)."""

    def __init__(
        self,
        bus: Bus,
        *,
        history: int = 500,
        batch_ms: int = 50,
        queue_frames: int = 100,
        streams: tuple[StreamName, ...] = STREAMS,
    ) -> None:
        self.bus = bus
        self.batch_s = batch_ms / 1000
        self.queue_frames = queue_frames
        self.streams = streams
        self.stats = HubStats()
        self._history: deque[str] = deque(maxlen=history)
        self._history_size = history
        self._pending: list[str] = []
        self._has_pending = asyncio.Event()
        self._clients: set[FeedClient] = set()
        self._listeners: set[Listener] = set()
        self._cursor: dict[StreamName, str] = {}
        self._tasks: list[asyncio.Task[None]] = []

    @property
    def clients(self) -> int:
        return len(self._clients)

    async def start(self) -> None:
        """Load the recent history and start reading. A bus that is down is retried in the background."""
        try:
            await self._seed()
        except BusError as exc:
            log.warning("feed: bus unavailable at start (%s); retrying in the background", exc)
        self._tasks = [
            asyncio.create_task(self._read_loop(), name="feed-read"),
            asyncio.create_task(self._flush_loop(), name="feed-flush"),
        ]

    async def stop(self, wait_s: float = STOP_WAIT_S) -> None:
        """Cancel the reader and the flusher; one that does not end within ``wait_s`` is
        logged and left behind, so the dashboard still shuts down."""
        for task in self._tasks:
            task.cancel()
        if self._tasks:
            _, stuck = await asyncio.wait(self._tasks, timeout=wait_s)
            for task in stuck:
                log.error(
                    "feed: %s did not stop within %.1f s of its cancel; left behind", task.get_name(), wait_s
                )
        self._tasks = []

    # ------------------------------------------------------------ subscribers

    def connect(self) -> FeedClient:
        client = FeedClient(asyncio.Queue(self.queue_frames))
        client.queue.put_nowait(self._frame("history", list(self._history)))
        self._clients.add(client)
        return client

    def disconnect(self, client: FeedClient) -> None:
        self._clients.discard(client)

    def listen(self, listener: Listener) -> None:
        """Call ``listener`` with every new delivery (on the reader's task; keep it quick)."""
        self._listeners.add(listener)

    def unlisten(self, listener: Listener) -> None:
        self._listeners.discard(listener)

    # ------------------------------------------------------------ loops

    async def _seed(self) -> None:
        cursor = await self.bus.latest_ids(self.streams)
        recent: list[Delivery] = []
        if self._history_size:
            for stream in self.streams:
                # the output stream also holds the bot's heartbeats (left out): read further back
                count = self._history_size * (HEARTBEAT_SLACK if stream == "output" else 1)
                got = await self.bus.recent(stream, count)
                recent += [
                    d for d in got
                    if _id_key(d.entry_id) <= _id_key(cursor[stream]) and not isinstance(d.event, BotHeartbeat)
                ][-self._history_size :]  # fmt: skip
        recent.sort(key=_order)
        self._history.extend(_item(d) for d in recent)
        self._cursor = cursor

    async def _read_loop(self) -> None:
        delay = 0.2
        while not self._cursor:
            try:
                await self._seed()
            except BusError as exc:
                self.stats.read_failures += 1
                log.warning("feed: bus unavailable (%s); retrying", exc)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
        delay = 0.2
        while True:
            try:
                batch = await self.bus.tail_advance(self._cursor, count=1_000, block_ms=1_000)
            except BusError as exc:
                self.stats.read_failures += 1
                if delay == 0.2:
                    log.warning("feed: bus unavailable (%s); retrying", exc)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
                continue
            delay = 0.2
            if len(self.streams) > 1:
                batch.sort(key=_order)  # interleave the streams by time
            for d in batch:
                if not isinstance(d.event, BotHeartbeat):  # the status bar polls it (/api/status)
                    item = _item(d)
                    self._pending.append(item)
                    self._history.append(item)
                for listener in list(self._listeners):
                    try:
                        listener(d)
                    except Exception:
                        log.exception("feed listener failed (ignored)")
            if batch:
                self.stats.events += len(batch)
                self._has_pending.set()

    async def _flush_loop(self) -> None:
        while True:
            await self._has_pending.wait()
            self._has_pending.clear()
            items, self._pending = self._pending, []
            if items:
                frame = self._frame("events", items)
                self.stats.frames += 1
                for client in list(self._clients):
                    before = client.dropped
                    client.offer(frame, len(items))
                    self.stats.dropped += client.dropped - before
            await asyncio.sleep(self.batch_s)  # later events gather into the next frame

    @staticmethod
    def _frame(kind: str, items: list[str]) -> str:
        return f'{{"t":"{kind}","events":[{",".join(items)}]}}'


def _order(d: Delivery) -> tuple[int, float, int]:
    """Bus time (ms), then the event's own time within the same ms, then the entry's sequence."""
    ms, seq = _id_key(d.entry_id)
    return ms, d.event.ts.timestamp(), seq


def _id_key(entry_id: str) -> tuple[int, int]:
    ms, _, seq = entry_id.partition("-")
    return int(ms), int(seq or 0)
