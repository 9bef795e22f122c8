"""The bot's heartbeat: every few seconds a ``status.heartbeat`` on the output stream, so the
dashboard knows the bot is running and shows its health without guessing.

It watches the output stream (no consumer group: nothing to ack, it sees every entry) for each
side system's last ``status.component`` and for the last sentence spoken, and asks the brain for
the kill switch, hold-for-review and the persona running. It starts from the components the
show was built with (``off`` for one it does not use); each part's own report wins from then on.
A part that reports nothing itself (OBS, the VTube Studio connection) is asked at each beat
through a probe.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from engines import events as ev
from streamer.bus import Bus, StreamName

if TYPE_CHECKING:
    from streamer.brain import Brain

log = logging.getLogger("streamer.heartbeat")

EVERY_S = 2.0
"""A beat this often; the dashboard shows the bot down after three missed beats."""
SEED_EVENTS = 2_000
"""Recent output entries read at start, for the components' states reported before it."""


@dataclass(frozen=True, slots=True)
class Modes:
    """What the brain says about itself for a beat."""

    killed: bool
    holding: bool
    persona: str
    persona_version: int | None


class Heartbeat:
    """Publishes :class:`engines.events.BotHeartbeat` every ``every_s`` until :meth:`stop`."""

    def __init__(
        self,
        bus: Bus,
        channel: str,
        modes: Callable[[], Modes],
        *,
        components: Mapping[str, ev.ComponentHealth],
        probes: Mapping[str, Callable[[], ev.ComponentHealth]] | None = None,
        every_s: float = EVERY_S,
        started_at: datetime | None = None,
    ) -> None:
        self.bus = bus
        self.channel = channel
        self.modes = modes
        self.every_s = every_s
        self.components = dict(components)
        self.probes = dict(probes or {})
        self.last_spoke: datetime | None = None
        self.started_at = started_at or ev.utcnow()
        self.beats = 0
        self._stop = asyncio.Event()

    def stop(self) -> None:
        self._stop.set()

    def observe(self, e: ev.EventBase) -> None:
        """Take in one output event (component health, a spoken sentence)."""
        if isinstance(e, ev.ComponentStatus) and e.channel == self.channel:
            self.components[e.component] = ev.ComponentHealth(state=e.state, detail=e.detail)
        elif (
            isinstance(e, ev.ReplySentence)
            and e.channel == self.channel
            and (self.last_spoke is None or e.ts > self.last_spoke)
        ):
            self.last_spoke = e.ts

    def beat(self) -> ev.BotHeartbeat:
        m = self.modes()
        components = dict(self.components)
        for name, probe in self.probes.items():
            try:
                components[name] = probe()
            except Exception as exc:  # a probe bug must not stop the beat
                components[name] = ev.ComponentHealth(
                    state="degraded", detail=f"unknown: {type(exc).__name__}"
                )
        return ev.BotHeartbeat(
            channel=self.channel, every_s=self.every_s, started_at=self.started_at,
            components=components, killed=m.killed, holding=m.holding,
            last_spoke=self.last_spoke, persona=m.persona, persona_version=m.persona_version,
        )  # fmt: skip

    async def run(self) -> None:
        streams: list[StreamName] = ["output"]
        cursor = dict(await self.bus.latest_ids(streams))
        for d in await self.bus.recent("output", SEED_EVENTS):
            if d.event.ts >= self.started_at:  # reported while this bot was starting, not by an earlier run
                self.observe(d.event)
        loop = asyncio.get_running_loop()
        due = loop.time()
        while not self._stop.is_set():
            if loop.time() >= due:
                due = loop.time() + self.every_s
                try:
                    await self.bus.publish(self.beat())
                    self.beats += 1
                except Exception as exc:  # the bus is down: the dashboard will show the bot as down
                    log.warning("heartbeat not sent: %s", type(exc).__name__)
            wait_ms = max(1, int((due - loop.time()) * 1000))
            try:
                got = await self.bus.tail_advance(cursor, count=500, block_ms=min(wait_ms, 1_000))
            except Exception as exc:
                log.warning("heartbeat cannot read the output stream: %s", type(exc).__name__)
                await asyncio.sleep(min(self.every_s, 1.0))
                continue
            for d in got:
                self.observe(d.event)


def for_brain(brain: Brain) -> Callable[[], Modes]:
    """The brain's modes, read at each beat."""
    return lambda: Modes(brain.killed, brain.reviews.engaged, brain.persona.id, brain.persona_version)


def starting_components(*, twitch: bool, voice: bool) -> dict[str, ev.ComponentHealth]:
    """The components a show starts with: the model and the voice are built and warm (their
    keepers report a failure), Twitch is down until it says it connected, the streamer's voice
    input is ok or off."""
    ok = ev.ComponentHealth(state="ok")
    off = ev.ComponentHealth(state="off", detail="not configured")
    return {
        "llm": ok,
        "tts": ok,
        "twitch": ev.ComponentHealth(state="down", detail="not connected yet") if twitch else off,
        "voice": ok if voice else off,
    }


def connection_probe(connected: Callable[[], bool], what: str) -> Callable[[], ev.ComponentHealth]:
    """A probe for a part that keeps a live connection (OBS, VTube Studio)."""
    return lambda: (
        ev.ComponentHealth(state="ok")
        if connected()
        else ev.ComponentHealth(state="down", detail=f"{what} not connected")
    )
