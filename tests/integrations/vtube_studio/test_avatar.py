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
from tests.support.fake_vts import FakeHotkey, FakeModel, FakeVTS
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
    assert await avatar.apply("excited")  # an animation: the expression stays on
    assert fake.triggered[-1] == "hk-wave"
    assert fake.expressions["smile.exp3.json"] is True
    assert await avatar.apply("sad")  # another expression: the toggle is pressed again, then sad
    assert fake.triggered == ["hk-smile", "hk-wave", "hk-smile"]
    assert fake.expressions["smile.exp3.json"] is False
    assert fake.expressions["sad.exp3.json"] is True
    assert not await avatar.apply("confused")  # unmapped: nothing sent
    assert await avatar.reset()
    assert fake.triggered[-1] == "hk-neutral"  # neutral hotkey (RemoveAllExpressions)
    assert not any(fake.expressions.values())
    sent = len(fake.requests)
    assert await avatar.apply("neutral")  # already neutral: nothing sent
    assert await avatar.reset()
    assert len(fake.requests) == sent


async def test_expression_switch_deactivates_the_previous(fake: FakeVTS, client: VTSClient) -> None:
    avatar = VTSAvatar(client, {"sad": "sad.exp3.json", "mad": "angry.exp3.json"})
    assert await avatar.apply("sad")
    assert await avatar.apply("mad")
    assert fake.expressions == {"smile.exp3.json": False, "sad.exp3.json": False, "angry.exp3.json": True}
    assert await avatar.reset()
    assert not any(fake.expressions.values())


async def test_apply_errors_never_raise(fake: FakeVTS, client: VTSClient) -> None:
    avatar = VTSAvatar(client, {"excited": "Wave", "odd": "NoSuchHotkey", "gone": "gone.exp3.json"})
    assert await avatar.apply("excited")
    assert not await avatar.apply("excited")  # 203 cooldown on an animation: skipped, not replayed late
    assert not await avatar.apply("odd")  # not on the model: nothing sent
    assert not await avatar.apply("gone")  # 651 expression file not found
    assert fake.triggered == ["hk-wave"]
    assert ("HotkeyTriggerRequest", 202) not in fake.errors


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
    assert avatar.missing == {"shy": "Blush"}
    assert avatar.status == ("degraded", "model 'Fake Model' has no hotkey for: shy (Blush)")
    assert any("Blush" in r.getMessage() for r in caplog.records)
    assert await avatar.apply("happy")  # name (any case) resolved to the id
    assert await avatar.apply("angry")  # by id
    assert fake.triggered == ["hk-smile", "hk-smile", "hk-angry"]
    assert fake.requests[-1]["data"] == {"hotkeyID": "hk-angry"}
    assert not await avatar.apply("shy")
    assert fake.triggered[-1] == "hk-angry"


DUPLICATES = (
    FakeHotkey("Smile", "hk-smile-exp", "ToggleExpression", "smile.exp3.json"),
    FakeHotkey("smile", "hk-smile-anim", "TriggerAnimation", "smile.motion3.json"),
    FakeHotkey("Neutral", "hk-neutral", "RemoveAllExpressions"),
)


async def test_duplicate_hotkey_names_resolve_to_the_first_like_vts(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """VTube Studio runs the first hotkey (UI order) of a name, case-insensitive; the avatar
    picks the same one and warns about the ambiguity when it reads the model."""
    async with FakeVTS(hotkeys=DUPLICATES, cooldown_s=0.0) as fake:
        client = VTSClient(fake.url, plugin_name="Test Plugin", plugin_developer="Tester")
        async with client:
            await client.wait_ready(2)
            # the stand-in resolves a name the way VTube Studio does
            assert await client.trigger_hotkey("SMILE") == "hk-smile-exp"
            fake.triggered.clear()
            fake.expressions["smile.exp3.json"] = False
            avatar = VTSAvatar(client, {"happy": "smile", "neutral": "Neutral"})
            with caplog.at_level(logging.WARNING, logger="integrations.vtube_studio.avatar"):
                assert await avatar.check_map() == []
            for _ in range(3):  # three happy sentences in a turn, then the turn ends
                assert await avatar.apply("happy")
            assert await avatar.reset()
    assert fake.triggered == ["hk-smile-exp", "hk-neutral"]
    warnings = [r.getMessage() for r in caplog.records if "2 hotkeys" in r.getMessage()]
    assert len(warnings) == 1
    assert "'Smile' (ToggleExpression smile.exp3.json)" in warnings[0]
    assert "'smile' (TriggerAnimation smile.motion3.json)" in warnings[0]
    assert "triggers 'Smile' (ToggleExpression" in warnings[0]


SECOND_MODEL = FakeModel(
    "model-2",
    "Second Model",
    (
        FakeHotkey("Neutral", "m2-neutral", "RemoveAllExpressions"),
        FakeHotkey("Smile", "m2-smile", "ToggleExpression", "grin.exp3.json"),
    ),
    expressions=("grin.exp3.json",),
)


async def test_model_switch_rereads_hotkeys_and_reports_missing_emotions(fake: FakeVTS) -> None:
    statuses: asyncio.Queue[tuple[str, str]] = asyncio.Queue()

    def hotkey_reads() -> int:
        return sum(r["messageType"] == "HotkeysInCurrentModelRequest" for r in fake.requests)

    client = VTSClient(fake.url, plugin_name="Test Plugin", plugin_developer="Tester")
    async with client:
        await client.wait_ready(2)
        avatar = VTSAvatar(client, EMOTIONS | {"angry": "Angry"})
        avatar.on_status = lambda *s: statuses.put_nowait(s)
        async with avatar:
            assert await avatar.check_map() == []
            assert await avatar.apply("happy")
            assert fake.triggered == ["hk-smile"]

            reads = hotkey_reads()
            await fake.load_model(SECOND_MODEL)  # the streamer switches models in VTube Studio
            await fake.wait_for(lambda: hotkey_reads() > reads, timeout=5)
            status = await asyncio.wait_for(statuses.get(), 5)
            while "Second Model" not in status[1]:
                status = await asyncio.wait_for(statuses.get(), 5)
            assert status == (
                "degraded",
                "model 'Second Model' has no hotkey for: angry (Angry), excited (hk-wave)",
            )
            assert avatar.status == status
            assert await avatar.apply("happy")  # same name, new id; nothing was on after the load
            assert fake.triggered == ["hk-smile", "m2-smile"]
            assert fake.expressions == {"grin.exp3.json": True}
            assert not await avatar.apply("angry")
            assert await avatar.reset()
            assert fake.triggered == ["hk-smile", "m2-smile", "m2-neutral"]
            assert ("HotkeyTriggerRequest", 202) not in fake.errors
            # a reconnect reads the hotkeys again too (the model may have changed meanwhile)
            reads = hotkey_reads()
            epoch = client.epoch
            await fake.drop_connections()
            await fake.wait_for(lambda: client.epoch > epoch)
            await fake.wait_for(lambda: hotkey_reads() > reads)
    subscriptions = [r["data"] for r in fake.requests if r["messageType"] == "EventSubscriptionRequest"]
    assert subscriptions[:2] == [{"eventName": "ModelLoadedEvent", "subscribe": True}] * 2


async def test_neutral_is_sent_only_to_undo_an_expression(fake: FakeVTS, client: VTSClient) -> None:
    """A neutral sentence with nothing on sends nothing; so the turn's reset is not refused for
    the neutral hotkey's cooldown, and the smile comes off."""
    avatar = VTSAvatar(client, EMOTIONS)
    assert await avatar.apply("neutral")
    assert await avatar.apply("happy")
    assert await avatar.reset()  # within the neutral hotkey's cooldown of the first neutral
    assert fake.triggered == ["hk-smile", "hk-neutral"]
    assert not any(fake.expressions.values())
    assert fake.errors == []


async def test_a_reset_refused_for_cooldown_is_sent_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """happy, neutral, happy, neutral in quick succession with a 0.5 s hotkey cooldown: the
    second smile and the second reset are refused (203), then sent once the cooldown is over."""
    with VirtualClock().patch() as clock:
        async with FakeVTS(cooldown_s=0.5) as fake:
            client = VTSClient(fake.url, plugin_name="Test Plugin", plugin_developer="Tester")
            async with client:
                await client.wait_ready(2)
                avatar = VTSAvatar(client, {"happy": "Smile", "neutral": "Neutral"})
                t0 = clock.now
                for emotion in ("happy", "neutral", "happy", "neutral"):
                    assert await avatar.apply(emotion)
                t1 = clock.now
    assert fake.triggered == ["hk-smile", "hk-neutral", "hk-smile", "hk-neutral"]
    assert not any(fake.expressions.values())
    assert [e for e in fake.errors if e[1] == 203]  # the cooldown really refused them first
    assert 0.5 <= t1 - t0 <= 1.5  # after the cooldown, not seconds later


async def test_a_toggle_is_pressed_once_to_show_and_again_to_hide() -> None:
    """Without a neutral hotkey, the expression toggles are pressed again to turn them off;
    showing the same emotion again sends nothing (a second press would turn it off)."""
    async with FakeVTS(cooldown_s=0.0) as fake:
        client = VTSClient(fake.url, plugin_name="Test Plugin", plugin_developer="Tester")
        async with client:
            await client.wait_ready(2)
            avatar = VTSAvatar(client, {"happy": "Smile", "angry": "Angry"})
            assert await avatar.apply("happy")
            assert await avatar.apply("happy")
            assert fake.expressions["smile.exp3.json"] is True
            assert await avatar.apply("angry")
            assert fake.expressions == {
                "smile.exp3.json": False,
                "sad.exp3.json": False,
                "angry.exp3.json": True,
            }
            assert await avatar.reset()
            assert not any(fake.expressions.values())
    assert fake.triggered == ["hk-smile", "hk-smile", "hk-angry", "hk-angry"]


async def test_mouth_frames_stop_while_the_api_is_off_and_resume_when_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The API turned off (error 1) for 10 s while speaking at 60 Hz: one refused frame, then
    only API state checks at most a second apart; frames resume within a second of the API
    coming back."""
    with VirtualClock().patch() as clock:
        monkeypatch.setattr(avatar_module, "time", SimpleNamespace(monotonic=clock.time))
        async with FakeVTS() as fake:
            client = VTSClient(fake.url, plugin_name="Test Plugin", plugin_developer="Tester")
            async with client:
                await client.wait_ready(2)
                async with VTSAvatar(client, EMOTIONS, speaking_hz=60.0) as avatar:
                    avatar.start_speaking(lambda: 0.5)
                    await asyncio.sleep(0.5)
                    assert avatar.frames_sent >= 25
                    fake.set_api_active(False)
                    before = len(fake.requests)
                    await asyncio.sleep(10.0)
                    during = fake.requests[before:]
                    fake.set_api_active(True)
                    t_on = clock.now
                    await fake.wait_for(lambda: fake.injected() and fake.injected()[-1].t > t_on)
                    resumed = fake.injected()[-1].t
    frames = [r for r in during if r["messageType"] == "InjectParameterDataRequest"]
    assert len(frames) == 1  # refused (error 1); nothing more is sent while off
    polls = [r for r in during if r["messageType"] == "APIStateRequest"]
    assert len(during) == len(frames) + len(polls)
    assert 9 <= len(polls) <= 14  # back-off to one check a second
    assert resumed - t_on <= 1.0 + 0.1
