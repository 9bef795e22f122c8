"""The bot's heartbeat: a beat every few seconds on the output stream with each component's
last reported health, the brain's modes and when the character last spoke; not stored."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from engines import events as ev
from streamer.bus import MemoryBus
from streamer.heartbeat import Heartbeat, Modes, connection_probe, starting_components
from streamer.store.writer import write_events

modes = Modes(killed=False, holding=False, persona="hiyori", persona_version=3)


async def beats(bus: MemoryBus, n: int) -> list[ev.BotHeartbeat]:
    async with asyncio.timeout(10):
        while True:
            got = [d.event for d in await bus.recent("output", 1_000) if isinstance(d.event, ev.BotHeartbeat)]
            if len(got) >= n:
                return got
            await asyncio.sleep(0.02)


async def test_beats_carry_component_health_modes_and_the_last_sentence() -> None:
    bus = MemoryBus()
    state = {"killed": False}
    obs_up = {"up": True}
    beat = Heartbeat(
        bus, "chan",
        lambda: Modes(killed=state["killed"], holding=True, persona="hiyori", persona_version=3),
        components=starting_components(twitch=True, voice=False),
        probes={"obs": connection_probe(lambda: obs_up["up"], "OBS")},
        every_s=0.05,
    )  # fmt: skip
    task = asyncio.create_task(beat.run())
    try:
        first = (await beats(bus, 1))[0]
        assert first.every_s == 0.05 and first.persona == "hiyori" and first.persona_version == 3
        assert first.components["twitch"].state == "down"  # until the connection says it is up
        assert first.components["voice"].state == "off" and first.components["llm"].state == "ok"
        assert first.components["obs"].state == "ok" and first.holding and not first.killed
        assert first.last_spoke is None
        spoken = ev.ReplySentence(channel="chan", turn_id="t1", index=0, text="Hello!")
        await bus.publish(
            ev.ComponentStatus(channel="chan", component="twitch", state="ok", detail="connected")
        )
        await bus.publish(ev.ComponentStatus(channel="other", component="llm", state="down"))  # not ours
        await bus.publish(spoken)
        state["killed"] = True
        obs_up["up"] = False
        async with asyncio.timeout(10):
            while True:
                last = (await beats(bus, 1))[-1]
                if last.components["twitch"].state == "ok" and last.killed and last.last_spoke:
                    break
                await asyncio.sleep(0.02)
        assert last.components["twitch"].detail == "connected"
        assert last.components["llm"].state == "ok"
        assert last.components["obs"].state == "down" and "OBS" in last.components["obs"].detail
        assert last.last_spoke == spoken.ts
    finally:
        beat.stop()
        await asyncio.wait_for(task, 5)
    n = beat.beats
    await asyncio.sleep(0.2)
    assert beat.beats == n  # stopped


async def test_a_status_from_before_this_bot_started_is_not_taken() -> None:
    bus = MemoryBus()
    old = ev.ComponentStatus(
        channel="chan", component="twitch", state="revoked", ts=ev.utcnow() - timedelta(hours=3)
    )
    await bus.publish(old)
    beat = Heartbeat(
        bus, "chan", lambda: modes, components=starting_components(twitch=True, voice=True), every_s=0.05
    )
    task = asyncio.create_task(beat.run())
    try:
        first = (await beats(bus, 1))[0]
    finally:
        beat.stop()
        await asyncio.wait_for(task, 5)
    assert first.components["twitch"].state == "down"


async def test_a_heartbeat_is_never_stored() -> None:
    hb = Heartbeat(MemoryBus(), "chan", lambda: modes, components={}).beat()
    assert await write_events(None, [("output", hb)], {}) == set()  # type: ignore[arg-type]
