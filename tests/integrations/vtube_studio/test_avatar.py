"""The avatar adapter against the stand-in: emotions, reset, lip-sync rates, outages."""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import AsyncIterator

import pytest

from integrations.vtube_studio import MemoryTokenStore, VTSAvatar, VTSClient
from tests.support.fake_vts import FakeVTS

EMOTIONS = {"happy": "Smile", "excited": "hk-wave", "sad": "sad.exp3.json", "neutral": "Neutral"}


@pytest.fixture
async def fake() -> AsyncIterator[FakeVTS]:
    async with FakeVTS(cooldown_s=0.2) as f:
        yield f


@pytest.fixture
async def client(fake: FakeVTS) -> AsyncIterator[VTSClient]:
    c = VTSClient(
        fake.url,
        plugin_name="Test Plugin",
        plugin_developer="Tester",
        token_store=MemoryTokenStore(),
        backoff_initial_s=0.05,
        backoff_max_s=0.2,
    )
    async with c:
        await c.wait_ready(2)
        yield c


def rate(times: list[float]) -> float:
    return (len(times) - 1) / (times[-1] - times[0])


async def test_apply_and_reset(fake: FakeVTS, client: VTSClient) -> None:
    avatar = VTSAvatar(client, EMOTIONS)
    assert await avatar.apply("happy")
    assert fake.triggered == ["hk-smile"]
    assert fake.expressions["smile.exp3.json"] is True
    assert await avatar.apply("excited")
    assert fake.triggered[-1] == "hk-wave"
    assert await avatar.apply("sad")
    assert fake.expressions["sad.exp3.json"] is True
    assert not await avatar.apply("confused")  # unmapped: nothing sent
    assert await avatar.reset()
    assert fake.expressions["sad.exp3.json"] is False  # our expression deactivated
    assert fake.triggered[-1] == "hk-neutral"  # neutral hotkey (RemoveAllExpressions)
    assert not any(fake.expressions.values())
    await asyncio.sleep(0.25)
    assert await avatar.apply("neutral")  # same as reset
    assert fake.triggered[-1] == "hk-neutral"


async def test_expression_switch_deactivates_the_previous(fake: FakeVTS, client: VTSClient) -> None:
    avatar = VTSAvatar(client, {"sad": "sad.exp3.json", "mad": "angry.exp3.json"})
    assert await avatar.apply("sad")
    assert await avatar.apply("mad")
    assert fake.expressions == {"smile.exp3.json": False, "sad.exp3.json": False, "angry.exp3.json": True}
    assert await avatar.reset()
    assert not any(fake.expressions.values())


async def test_apply_errors_never_raise(fake: FakeVTS, client: VTSClient) -> None:
    avatar = VTSAvatar(client, {"happy": "Smile", "odd": "NoSuchHotkey", "gone": "gone.exp3.json"})
    assert await avatar.apply("happy")
    assert not await avatar.apply("happy")  # 203 cooldown: skipped
    assert not await avatar.apply("odd")  # 202 unknown hotkey
    assert not await avatar.apply("gone")  # 651 expression file not found
    assert fake.triggered == ["hk-smile"]


async def test_calls_dropped_quickly_and_logged_once_per_outage(
    fake: FakeVTS, client: VTSClient, caplog: pytest.LogCaptureFixture
) -> None:
    avatar = VTSAvatar(client, EMOTIONS)
    caplog.set_level(logging.WARNING, logger="integrations.vtube_studio.avatar")
    await fake.drop_connections(refuse_for_s=0.6)
    await asyncio.sleep(0.05)
    started = time.monotonic()
    results = [await avatar.apply(e) for e in ("happy", "sad", "excited", "happy")]
    assert time.monotonic() - started < 0.05
    assert results == [False] * 4
    drops = [r for r in caplog.records if "not connected" in r.getMessage()]
    assert len(drops) == 1
    await client.wait_ready(3)
    assert await avatar.apply("happy")  # resumes after the reconnect
    await fake.drop_connections(refuse_for_s=0.3)
    await asyncio.sleep(0.05)
    assert not await avatar.apply("sad")
    drops = [r for r in caplog.records if "not connected" in r.getMessage()]
    assert len(drops) == 2  # a new outage logs once more


async def test_mouth_rate_speaking_and_idle(fake: FakeVTS, client: VTSClient) -> None:
    counter = itertools.count()

    def source() -> float:
        return (next(counter) % 10) / 10

    async with VTSAvatar(client, EMOTIONS, speaking_hz=60.0, idle_hz=2.0) as avatar:
        await asyncio.sleep(0.1)
        avatar.start_speaking(source)
        t0 = time.monotonic()
        await asyncio.sleep(1.0)
        avatar.stop_speaking()
        t1 = time.monotonic()
        await asyncio.sleep(2.6)
        t2 = time.monotonic()

    mouth = fake.injected("MouthOpen")
    speaking = [i.t for i in mouth if t0 <= i.t <= t1]
    idle = [i.t for i in mouth if t1 + 0.05 <= i.t <= t2]
    assert len(speaking) >= 30 * (t1 - t0)
    assert rate(speaking) >= 30
    assert {i.value for i in mouth if t0 <= i.t <= t1} >= {0.0, 0.5, 0.9}
    assert all(0 <= i.value <= 1 for i in mouth)
    # Idle keep-alive: at least once a second, closed mouth, and the parameter never reverted.
    assert len(idle) >= 2
    gaps = [b - a for a, b in itertools.pairwise([t1, *idle, t2])]
    assert max(gaps) < 1.0
    assert all(i.value == 0.0 for i in mouth if i.t > t1 + 0.05)
    assert fake.reverts.get("MouthOpen", 0) == 0
    assert all(i.mode == "set" for i in mouth)


async def test_mouth_from_queue_sends_newest_value(fake: FakeVTS, client: VTSClient) -> None:
    q: asyncio.Queue[float] = asyncio.Queue()
    async with VTSAvatar(client, EMOTIONS, speaking_hz=30.0) as avatar:
        avatar.start_speaking(q)
        for v in (0.1, 0.2, 0.7):
            q.put_nowait(v)
        await asyncio.sleep(0.2)
        assert fake.parameter_value("MouthOpen") == pytest.approx(0.7)
        q.put_nowait(3.0)  # clamped
        await asyncio.sleep(0.1)
        assert fake.parameter_value("MouthOpen") == pytest.approx(1.0)
        avatar.stop_speaking()
        await asyncio.sleep(0.1)
        assert fake.parameter_value("MouthOpen") == 0.0


async def test_mouth_loop_survives_an_outage(fake: FakeVTS, client: VTSClient) -> None:
    async with VTSAvatar(client, EMOTIONS, speaking_hz=50.0) as avatar:
        avatar.start_speaking(lambda: 0.5)
        await asyncio.sleep(0.2)
        await fake.drop_connections(refuse_for_s=0.3)
        await asyncio.sleep(0.1)
        assert avatar.frames_dropped > 0
        await client.wait_ready(3)
        before = len(fake.injected())
        await asyncio.sleep(0.3)
        assert len(fake.injected()) - before >= 10
        assert avatar.frames_sent > 0


async def test_stand_in_reverts_after_one_second(fake: FakeVTS, client: VTSClient) -> None:
    await client.inject_parameters({"MouthOpen": 0.4})
    assert fake.parameter_value("MouthOpen") == pytest.approx(0.4)
    await asyncio.sleep(1.1)
    assert fake.parameter_value("MouthOpen") is None
    await client.inject_parameters({"MouthOpen": 0.2})
    assert fake.reverts["MouthOpen"] == 1


def test_rates_are_validated() -> None:
    client = VTSClient("ws://127.0.0.1:1")
    with pytest.raises(ValueError, match="speaking_hz"):
        VTSAvatar(client, {}, speaking_hz=100)
    with pytest.raises(ValueError, match="idle_hz"):
        VTSAvatar(client, {}, idle_hz=0.5)


async def test_check_map_resolves_names_to_ids_and_reports_missing_hotkeys(
    client: VTSClient, fake: FakeVTS, caplog: pytest.LogCaptureFixture
) -> None:
    avatar = VTSAvatar(
        client, {"happy": "smile", "angry": "hk-angry", "shy": "Blush", "sad": "sad.exp3.json"}
    )
    with caplog.at_level(logging.WARNING):
        missing = await avatar.check_map()
    assert missing == ["Blush"]
    assert avatar.emotion_map["happy"] == "hk-smile"  # name (any case) resolved to the id
    assert avatar.emotion_map["angry"] == "hk-angry"
    assert any("Blush" in r.getMessage() for r in caplog.records)
    assert await avatar.apply("happy")
    assert fake.triggered[-1] == "hk-smile"
