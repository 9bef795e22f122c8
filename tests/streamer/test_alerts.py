"""Alerts: alerting events become overlay alerts, in order, paced; chat does not (the wording
is tested in tests/engines/test_alert_text.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta

from engines import events as ev
from engines.alert_text import alert_for
from streamer.alerts import Alerts
from streamer.bus import MemoryBus

V = ev.Viewer(id="1", login="kiri", display_name="Kiri")


class RecordingOverlay:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

        self.scenes: list[str] = []
        self._changed = asyncio.Event()

    async def alert(self, kind: str, text: str, seconds: float = 5.0) -> bool:
        self.shown.append((kind, text))
        self._changed.set()
        return True

    async def switch_scene(self, name: str) -> bool:
        self.scenes.append(name)
        self._changed.set()
        return True

    async def until(self, check: Callable[[], bool]) -> None:
        """Wait until ``check()`` holds after something was shown (10 s guard against a hang)."""
        async with asyncio.timeout(10):
            while not check():
                self._changed.clear()
                await self._changed.wait()


async def test_alerts_are_shown_in_order_and_stale_ones_skipped() -> None:
    bus = MemoryBus()
    overlay = RecordingOverlay()
    alerts = Alerts(bus, overlay, seconds=0.01, max_age_s=30)
    old = ev.Follow(channel="c", user=V, ts=ev.utcnow() - timedelta(minutes=5))
    await bus.publish_many(
        [
            old,
            ev.ChatMessage(channel="c", user=V, text="hello"),
            ev.Raid(channel="c", from_user=V, viewers=12),
            ev.Cheer(channel="c", user=None, bits=100),
        ]
    )
    task = asyncio.create_task(alerts.run())
    await overlay.until(lambda: len(overlay.shown) == 2)
    alerts.stop()
    await asyncio.wait_for(task, 10)
    assert overlay.shown == [
        ("raid", "Kiri is raiding with 12 viewers!"),
        ("cheer", "Anonymous cheered 100 bits!"),
    ]
    assert alerts.shown == 2
    assert alerts.skipped == 1
    assert await bus.pending_count("alerts") == 0


async def test_each_alert_has_the_screen_for_its_time_and_stop_cuts_it_short() -> None:
    bus = MemoryBus()
    overlay = RecordingOverlay()
    alerts = Alerts(bus, overlay, seconds=600.0)
    await bus.publish_many([ev.Raid(channel="c", from_user=V, viewers=12), ev.Follow(channel="c", user=V)])
    task = asyncio.create_task(alerts.run())
    await overlay.until(lambda: bool(overlay.shown))
    assert overlay.shown == [("raid", "Kiri is raiding with 12 viewers!")]  # the follow waits its turn
    alerts.stop()
    await asyncio.wait_for(task, 10)  # not the raid's ten minutes


async def test_a_scene_switch_command_switches_at_once_even_during_an_alert() -> None:
    bus = MemoryBus()
    overlay = RecordingOverlay()
    alerts = Alerts(bus, overlay, seconds=600.0)
    task = asyncio.create_task(alerts.run())
    await bus.publish(ev.Raid(channel="c", from_user=V, viewers=3))
    await overlay.until(lambda: bool(overlay.shown))
    await bus.publish(ev.SceneSwitch(channel="c", by="mod_mia", scene="Just Chatting"))
    await overlay.until(lambda: bool(overlay.scenes))  # not queued behind the ten-minute raid alert
    assert overlay.scenes == ["Just Chatting"]
    alerts.stop()
    await asyncio.wait_for(task, 10)


async def test_obs_shows_redemptions_and_not_each_gifted_sub_in_the_shared_wording() -> None:
    bus = MemoryBus()
    overlay = RecordingOverlay()
    alerts = Alerts(bus, overlay, seconds=0.01)
    redeem = ev.Redemption(channel="c", user=V, reward_id="r1", reward_title="Hydrate")
    await bus.publish_many(
        [
            ev.Subscription(channel="c", user=V, is_gift=True),  # the gift event announces the burst
            redeem,
            ev.Follow(channel="c", user=V),
        ]
    )
    task = asyncio.create_task(alerts.run())
    async with asyncio.timeout(5):
        while len(overlay.shown) < 2:
            await asyncio.sleep(0.01)
    alerts.stop()
    await asyncio.wait_for(task, 2)
    assert overlay.shown == [("redemption", "Kiri redeemed Hydrate!"), ("follow", "Kiri followed!")]
    assert overlay.shown[0] == alert_for(redeem)
