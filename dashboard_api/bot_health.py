"""The bot's status as the dashboard knows it, from the bot's heartbeat.

A feed listener keeps the newest ``status.heartbeat`` (and any ``status.component`` since it).
The bot is up while beats keep coming; after :data:`MISSED_BEATS` missed beats it is down.
``GET /api/status`` (:mod:`.monitor`) serves it to the status bar on every page (polled every
few seconds, which also finds an expired session within seconds). Actions that need a part of the bot ask
:meth:`BotStatus.refusal` first, so they are refused with the reason instead of reported done.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from pydantic import BaseModel

from engines import events as ev
from streamer.bus import Delivery

MISSED_BEATS = 3
"""The bot is shown down after this many beats did not come (6 s at the bot's 2 s)."""
GRACE_S = 3.0
"""A dashboard that just started waits this long for a first beat before it says 'down'."""


@dataclass
class BotStatus:
    """The newest heartbeat and component reports; fed by :meth:`on_delivery`."""

    beat: ev.BotHeartbeat | None = None
    beat_at: float = 0.0
    components: dict[str, ev.ComponentHealth] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def now(self) -> float:
        return time.monotonic()

    def on_delivery(self, delivery: Delivery) -> None:
        """Feed listener: keep the newest beat, and component reports between beats."""
        e = delivery.event
        if isinstance(e, ev.BotHeartbeat):
            self.beat, self.beat_at = e, self.now()
            self.components = dict(e.components)
        elif isinstance(e, ev.ComponentStatus):
            self.components[e.component] = ev.ComponentHealth(state=e.state, detail=e.detail)

    def bot_state(self) -> Literal["up", "down", "waiting"]:
        if self.beat is None:
            return "waiting" if self.now() - self.started < GRACE_S else "down"
        return "up" if self.now() - self.beat_at <= MISSED_BEATS * self.beat.every_s else "down"

    def refusal(self, component: str | None = None) -> str | None:
        """Why an action cannot be carried out now (None: it can): the bot is not running, or
        the part it needs (``twitch``) is not connected."""
        state = self.bot_state()
        if state != "up":
            return (
                "the bot is not running (no heartbeat)"
                if state == "down"
                else "waiting for the bot's first heartbeat"
            )
        if component is not None:
            health = self.components.get(component)
            if health is None or health.state != "ok":
                what = "not configured" if health is None else health.state
                detail = f": {health.detail}" if health is not None and health.detail else ""
                return f"{component} is {what}{detail}"
        return None


class StatusOut(BaseModel):
    bot: Literal["up", "down", "waiting"]
    last_beat_s: float | None
    """Seconds since the last heartbeat (None: none yet)."""
    started_at: datetime | None
    components: dict[str, ev.ComponentHealth]
    killed: bool | None
    holding: bool | None
    last_spoke: datetime | None
    persona: str | None
    persona_version: int | None


def snapshot(s: BotStatus) -> StatusOut:
    b = s.beat
    return StatusOut(
        bot=s.bot_state(),
        last_beat_s=None if b is None else round(s.now() - s.beat_at, 1),
        started_at=None if b is None else b.started_at,
        components=dict(s.components),
        killed=None if b is None else b.killed,
        holding=None if b is None else b.holding,
        last_spoke=None if b is None else b.last_spoke,
        persona=None if b is None else b.persona,
        persona_version=None if b is None else b.persona_version,
    )
