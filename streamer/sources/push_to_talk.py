"""Push-to-talk for the streamer's voice: ``control.ptt`` events → the voice source's key.

The dashboard (or ``vtuber ptt down|up``) publishes :class:`~engines.events.PushToTalk` on
the control stream. :class:`PushToTalkListener` reads that stream in its own consumer group
(``voice``), so the key never waits behind the brain, and hands each press and release to
``set_ptt`` in order, through :meth:`Bus.consume <streamer.bus.Bus.consume>` (replay after
a restart, back-off, ack). Key changes older than ``max_age_s`` are ignored: after a restart
the group may hand back presses from before it, and a stale "down" must not open the mic.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from engines.events import PushToTalk, utcnow
from streamer.bus import Bus, Delivery
from streamer.bus.keys import GROUP_VOICE

__all__ = ["PushToTalkListener"]

log = logging.getLogger("streamer.sources.push_to_talk")


class PushToTalkListener:
    """Applies ``control.ptt`` events to ``set_ptt`` (see the module doc)."""

    def __init__(
        self,
        bus: Bus,
        set_ptt: Callable[[bool], None],
        *,
        consumer: str = "voice",
        max_age_s: float = 10.0,
        block_ms: int = 200,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.bus = bus
        self.set_ptt = set_ptt
        self.consumer = consumer
        self.max_age_s = max_age_s
        self.block_ms = block_ms
        self.clock = clock
        self.applied = 0
        self.stale = 0
        self._stop = asyncio.Event()

    def stop(self) -> None:
        self._stop.set()

    async def run(self) -> None:
        await self.bus.consume(
            GROUP_VOICE,
            self.consumer,
            ["control"],
            self._apply,
            stop=self._stop,
            count=100,
            block_ms=self.block_ms,
        )

    async def _apply(self, batch: list[Delivery]) -> None:
        for delivery in batch:
            event = delivery.event
            if not isinstance(event, PushToTalk):
                continue
            if (self.clock() - event.ts).total_seconds() > self.max_age_s:
                self.stale += 1
                log.info("push-to-talk: ignored a key change from %s (stale)", event.ts.isoformat())
                continue
            self.applied += 1
            log.debug("push-to-talk %s by %s", "down" if event.pressed else "up", event.by)
            self.set_ptt(event.pressed)
