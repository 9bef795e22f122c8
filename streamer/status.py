"""Side reports on the bus (metrics, component health) that must never hold up the show: a bus
failure is only logged, and a report sent from synchronous code runs as a background task."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, Literal

from engines.events import ComponentStatus, Metric
from engines.voice.fallback_tts import TTSFallback
from streamer.bus import Bus

log = logging.getLogger("streamer.status")
_background: set[asyncio.Task[None]] = set()
"""Fire-and-forget tasks, referenced so they are not garbage-collected."""


def spawn(coro: Coroutine[Any, Any, None], *, name: str | None = None) -> None:
    """Run ``coro`` in the background, keeping a reference until it ends."""
    task = asyncio.create_task(coro, name=name)
    _background.add(task)
    task.add_done_callback(_background.discard)


async def publish_quietly(bus: Bus, event: Metric | ComponentStatus) -> None:
    """Publish a side report; a bus failure is only logged."""
    try:
        await bus.publish(event)
    except Exception as exc:
        log.warning("could not publish %s: %s", event.type, exc)


async def component_status(bus: Bus, channel: str, component: str, up: bool, detail: str) -> None:
    """Publish a component's health (``ok`` or ``down``) for the dashboard."""
    state: Literal["ok", "down"] = "ok" if up else "down"
    status = ComponentStatus(channel=channel, component=component, state=state, detail=detail[:500])
    await publish_quietly(bus, status)


def publish_fallback(bus: Bus, channel: str, fallback: TTSFallback) -> None:
    """Publish a ``tts_fallback`` metric in the background: the audio never waits for the bus."""
    metric = Metric(
        channel=channel, name="tts_fallback", value=1.0,
        labels={"provider": fallback.provider, "reason": fallback.reason},
    )  # fmt: skip
    spawn(publish_quietly(bus, metric), name="tts-fallback-metric")
