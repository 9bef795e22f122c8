"""On-stream alerts for follows, subs, gifts, cheers, raids and redemptions, and scene switches
on command.

Reads the input and control streams in its own consumer group, so alerts never wait for
the character and never slow it down. Each alert is shown through the overlay for a few
seconds (the wording is :mod:`engines.alert_text`'s, shared with the overlay page); a
``control.scene`` event switches the OBS scene at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from engines import events as ev
from engines.alert_text import alert_for
from streamer.bus import Bus, Delivery, StreamName
from streamer.bus.keys import GROUP_ALERTS

log = logging.getLogger("streamer.alerts")


class AlertOverlay(Protocol):
    async def alert(self, kind: str, text: str, seconds: float = 5.0) -> bool: ...

    async def switch_scene(self, name: str) -> bool: ...


class Alerts:
    """Turns alert-worthy input events into overlay alerts, one at a time, in order."""

    def __init__(
        self,
        bus: Bus,
        overlay: AlertOverlay,
        *,
        seconds: float = 5.0,
        max_age_s: float = 60.0,
        consumer: str = "alerts",
    ) -> None:
        self.bus = bus
        self.overlay = overlay
        self.seconds = seconds
        self.max_age_s = max_age_s
        self.consumer = consumer
        self.shown = 0
        self.skipped = 0
        self.scene_switches = 0
        self._stop = asyncio.Event()

    def stop(self) -> None:
        self._stop.set()

    async def run(self) -> None:
        scenes = asyncio.create_task(self._consume("control", self._scene_command), name="scene-commands")
        try:
            await self._consume("input", self._alert)
        finally:
            scenes.cancel()
            await asyncio.gather(scenes, return_exceptions=True)

    async def _consume(self, stream: StreamName, handle: Callable[[ev.EventBase], Awaitable[None]]) -> None:
        """Read one stream in the alerts group through :meth:`Bus.consume` (replay after a
        restart, back-off, ack after the batch), handling each event in order."""

        async def each(batch: list[Delivery]) -> None:
            for d in batch:
                await handle(d.event)

        await self.bus.consume(
            GROUP_ALERTS, self.consumer, [stream], each, stop=self._stop, count=100, block_ms=500
        )

    async def _scene_command(self, e: ev.EventBase) -> None:
        if isinstance(e, ev.SceneSwitch):
            log.info("scene switch to %r by %s", e.scene, e.by)
            if await self.overlay.switch_scene(e.scene):
                self.scene_switches += 1

    async def _alert(self, e: ev.EventBase) -> None:
        found = alert_for(e)
        if found is None:
            return
        if (ev.utcnow() - e.ts).total_seconds() > self.max_age_s:  # a backlog after an outage: not news
            self.skipped += 1
            return
        if await self.overlay.alert(found.kind, found.text, self.seconds):
            self.shown += 1
            with contextlib.suppress(TimeoutError):  # each alert gets its time on screen
                async with asyncio.timeout(self.seconds):
                    await self._stop.wait()
