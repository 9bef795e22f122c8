"""The app's VTube Studio avatar reports what the loaded model cannot show to the dashboard
(a ``status.component`` for ``vtube_studio``), against the VTube Studio stand-in."""

from __future__ import annotations

from typing import Any, cast

from config.persona import load_persona
from config.settings import Settings
from engines.events import ComponentStatus
from streamer.app import build_avatar
from streamer.bus import MemoryBus
from tests.support.fake_vts import FakeVTS


async def test_the_avatar_reports_emotions_the_model_has_no_hotkey_for() -> None:
    bus = MemoryBus()
    async with FakeVTS() as fake:  # hotkeys Smile, Angry, Neutral and Wave
        settings = Settings(channel="chan", secret_key=None, vtube_studio={"enabled": True, "url": fake.url})
        after = await bus.latest_ids(["output"])
        avatar = await build_avatar(settings, load_persona("hiyori"), cast(Any, None), bus)
        assert avatar is not None
        try:
            published = await bus.tail(after, count=10, block_ms=10_000)  # waits for the first report
        finally:
            await avatar.close()
            await avatar.client.close()
    statuses = [d.event for d in published if isinstance(d.event, ComponentStatus)]
    assert [(s.channel, s.component, s.state, s.detail) for s in statuses] == [
        (
            "chan",
            "vtube_studio",
            "degraded",
            "model 'Fake Model' has no hotkey for: embarrassed (Blush), sad (Sad), smug (Smug), "
            "surprised (Surprised)",
        )
    ]
