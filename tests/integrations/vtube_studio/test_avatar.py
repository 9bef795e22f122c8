"""The avatar adapter against the stand-in: emotions, reset, lip-sync rates, outages."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import AsyncIterator, Callable
from types import SimpleNamespace

import pytest

from integrations.vtube_studio import MemoryTokenStore, VTSAvatar, VTSClient
from integrations.vtube_studio import avatar as avatar_module
from tests.support.fake_vts import FakeVTS
from tests.support.virtual_clock import VirtualClock

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


async def until(condition: Callable[[], object], timeout: float = 10.0) -> None:
    """Wait for ``condition`` (``timeout`` only guards against a hang)."""
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


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
    await until(lambda: not client.connected)
    # dropped at once: each call completes without waiting (nothing is sent while down)
    results = []
    for emotion in ("happy", "sad", "excited", "happy"):
        call = avatar.apply(emotion)
        with pytest.raises(StopIteration) as done:
            call.send(None)
        results.append(done.value.value)
    assert results == [False] * 4
    drops = [r for r in caplog.records if "not connected" in r.getMessage()]
    assert len(drops) == 1
    await client.wait_ready(3)
    assert await avatar.apply("happy")  # resumes after the reconnect
    await fake.drop_connections(refuse_for_s=0.3)
    await until(lambda: not client.connected)
    assert not await avatar.apply("sad")
    drops = [r for r in caplog.records if "not connected" in r.getMessage()]
    assert len(drops) == 2  # a new outage logs once more


async def test_mouth_rate_speaking_and_idle(
    fake: FakeVTS, client: VTSClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a virtual clock (the stand-in stamps injections with it too): the rates are exact."""
    counter = itertools.count()

    def source() -> float:
        return (next(counter) % 10) / 10

    with VirtualClock().patch() as clock:
        monkeypatch.setattr(avatar_module, "time", SimpleNamespace(monotonic=clock.time))
        async with VTSAvatar(client, EMOTIONS, speaking_hz=60.0, idle_hz=2.0) as avatar:
            await asyncio.sleep(0.1)
            avatar.start_speaking(source)
            t0 = clock.now
            await asyncio.sleep(1.0)
            avatar.stop_speaking()
            t1 = clock.now
            await asyncio.sleep(2.6)
            t2 = clock.now

    mouth = fake.injected("MouthOpen")
    speaking = [i for i in mouth if t0 <= i.t < t1]
    idle = [i for i in mouth if t1 < i.t <= t2]
    # 60 a second while speaking
    assert len(speaking) == 60
    assert [b.t - a.t for a, b in itertools.pairwise(speaking)] == pytest.approx([1 / 60] * 59)
    assert {i.value for i in speaking} >= {0.0, 0.5, 0.9}
    assert all(0 <= i.value <= 1 for i in mouth)
    # closed the moment speech stops, then an idle keep-alive twice a second, so it never reverts
    assert [i.value for i in mouth if i.t == t1] == [0.0]
    assert [i.t - t1 for i in idle] == pytest.approx([0.5, 1.0, 1.5, 2.0, 2.5])
    assert all(i.value == 0.0 for i in idle)
    assert fake.reverts.get("MouthOpen", 0) == 0
    assert all(i.mode == "set" for i in mouth)


async def test_mouth_from_queue_sends_newest_value(fake: FakeVTS, client: VTSClient) -> None:
    q: asyncio.Queue[float] = asyncio.Queue()
    async with VTSAvatar(client, EMOTIONS, speaking_hz=30.0) as avatar:
        avatar.start_speaking(q)
        for v in (0.1, 0.2, 0.7):
            q.put_nowait(v)
        await until(lambda: fake.parameter_value("MouthOpen") == pytest.approx(0.7))
        assert [i.value for i in fake.injected()][:1] == [pytest.approx(0.7)]  # the newest, not each
        q.put_nowait(3.0)  # clamped
        await until(lambda: fake.parameter_value("MouthOpen") == pytest.approx(1.0))
        avatar.stop_speaking()
        await until(lambda: fake.parameter_value("MouthOpen") == 0.0)


async def test_mouth_loop_survives_an_outage(fake: FakeVTS, client: VTSClient) -> None:
    async with VTSAvatar(client, EMOTIONS, speaking_hz=50.0) as avatar:
        avatar.start_speaking(lambda: 0.5)
        await until(lambda: avatar.frames_sent > 0)
        await fake.drop_connections(refuse_for_s=0.3)
        await until(lambda: avatar.frames_dropped > 0)  # the loop goes on while VTS is gone
        await client.wait_ready(3)
        before = len(fake.injected())
        await until(lambda: len(fake.injected()) - before >= 10)  # and sends again once it is back


async def test_stand_in_reverts_after_one_second(fake: FakeVTS, client: VTSClient) -> None:
    with VirtualClock().patch():
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
