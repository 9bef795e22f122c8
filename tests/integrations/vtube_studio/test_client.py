"""The VTube Studio client against the local stand-in: auth, matching, errors, events, reconnect."""

from __future__ import annotations

import asyncio
import gc
import itertools
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from websockets.asyncio.client import connect

from engines.backends import BackendError, BackendTimeout
from integrations.vtube_studio import (
    MemoryTokenStore,
    NullTokenStore,
    VTSClient,
    VTSError,
    VTSHotkeyCooldown,
    VTSNotConnected,
    VTSUnknownHotkey,
)
from tests.support.fake_vts import FakeHotkey, FakeVTS
from tests.support.virtual_clock import VirtualClock


async def until(condition: Callable[[], object], timeout: float = 10.0) -> None:
    """Wait for ``condition`` (``timeout`` only guards against a hang)."""
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def make_client(fake: FakeVTS, store: Any = None, **kw: Any) -> VTSClient:
    return VTSClient(
        fake.url,
        plugin_name="Test Plugin",
        plugin_developer="Tester",
        token_store=store if store is not None else MemoryTokenStore(),
        backoff_initial_s=0.05,
        backoff_max_s=0.2,
        **kw,
    )


@pytest.fixture
async def fake() -> AsyncIterator[FakeVTS]:
    async with FakeVTS() as f:
        yield f


async def test_fake_speaks_the_documented_shapes(fake: FakeVTS) -> None:
    async with connect(fake.url) as ws:
        req = {"apiName": "VTubeStudioPublicAPI", "apiVersion": "1.0", "requestID": "r1"}
        await ws.send(json.dumps({**req, "messageType": "APIStateRequest"}))
        resp = json.loads(await ws.recv())
        assert resp["messageType"] == "APIStateResponse"
        assert resp["requestID"] == "r1"
        assert resp["apiName"] == "VTubeStudioPublicAPI"
        assert resp["apiVersion"] == "1.0"
        assert isinstance(resp["timestamp"], int)
        assert resp["data"]["currentSessionAuthenticated"] is False
        await ws.send(json.dumps({**req, "requestID": "r2", "messageType": "HotkeysInCurrentModelRequest"}))
        resp = json.loads(await ws.recv())
        assert resp["messageType"] == "APIError"
        assert resp["requestID"] == "r2"
        assert resp["data"]["errorID"] == 8


async def test_auth_happy_path_persists_token(fake: FakeVTS) -> None:
    store = MemoryTokenStore()
    async with make_client(fake, store) as client:
        await client.wait_ready(2)
        assert client.connected
        assert fake.token_requests == 1
        assert store.token is not None
        assert store.saved == [store.token]
        assert store.token in fake.valid_tokens
        state = await client.api_state()
        assert state["currentSessionAuthenticated"] is True
    # A second run reuses the stored token: no new token request (no popup for the user).
    async with make_client(fake, store) as client:
        await client.wait_ready(2)
        assert fake.token_requests == 1
        assert fake.auth_requests[-1] == (store.token, True)
        assert len(store.saved) == 1


async def test_revoked_token_requests_a_new_one_and_retries(fake: FakeVTS) -> None:
    store = MemoryTokenStore()
    async with make_client(fake, store) as client:
        await client.wait_ready(2)
    old = store.token
    fake.revoke_tokens()
    async with make_client(fake, store) as client:
        await client.wait_ready(2)
        assert fake.token_requests == 2
        assert store.token is not None
        assert store.token != old
        assert fake.auth_requests[-2] == (old, False)
        assert fake.auth_requests[-1] == (store.token, True)
        assert len(await client.hotkeys()) == 4


async def test_null_store_always_requests_a_token(fake: FakeVTS) -> None:
    for _ in range(2):
        async with make_client(fake, NullTokenStore()) as client:
            await client.wait_ready(2)
    assert fake.token_requests == 2


class BrokenStore(MemoryTokenStore):
    """A token store whose database is down: load and save raise, like asyncpg would."""

    def __init__(self) -> None:
        super().__init__()
        self.broken = True

    async def load(self) -> str | None:
        if self.broken:
            raise ConnectionRefusedError("database down")
        return await super().load()

    async def save(self, token: str) -> None:
        if self.broken:
            raise ConnectionRefusedError("database down")
        await super().save(token)


async def test_a_dead_token_store_does_not_stop_the_avatar(
    fake: FakeVTS, caplog: pytest.LogCaptureFixture
) -> None:
    store = BrokenStore()
    async with make_client(fake, store) as client:
        await client.wait_ready(2)  # a new token, used for this session though it could not be stored
        assert client.connected and fake.token_requests == 1
        assert len(await client.hotkeys()) == 4
        assert store.saved == []
        await fake.drop_connections()  # the session drops while the database is still down: reconnects
        await asyncio.sleep(0.3)
        await client.wait_ready(2)
        assert client.connected
    assert any("could not load the VTube Studio token" in r.getMessage() for r in caplog.records)
    assert any("could not store the VTube Studio token" in r.getMessage() for r in caplog.records)


async def test_denied_token_is_reported(fake: FakeVTS) -> None:
    fake.deny_tokens = True
    async with make_client(fake) as client:
        with pytest.raises(BackendTimeout, match="error 50"):
            await client.wait_ready(0.5)
        assert not client.connected
        assert isinstance(client.last_error, VTSError)
        assert client.last_error.error_id == 50


async def test_concurrent_requests_are_matched_by_id() -> None:
    hotkeys = tuple(FakeHotkey(f"Key{i}", f"id-{i}", "TriggerAnimation") for i in range(40))
    async with FakeVTS(hotkeys=hotkeys, jitter_s=0.05) as fake, make_client(fake) as client:
        await client.wait_ready(2)
        sent_before = len(fake.requests)
        results = await asyncio.gather(*(client.trigger_hotkey(f"key{i}") for i in range(40)))
        assert results == [f"id-{i}" for i in range(40)]
        # The stand-in really answered out of order.
        request_ids = [r["requestID"] for r in fake.requests[sent_before:]]
        assert sorted(request_ids) == sorted(fake.response_order[-40:])
        assert fake.response_order[-40:] != request_ids
        assert len(set(request_ids)) == 40


async def test_unknown_hotkey_and_cooldown_are_typed(fake: FakeVTS) -> None:
    async with make_client(fake) as client:
        await client.wait_ready(2)
        with pytest.raises(VTSUnknownHotkey) as unknown:
            await client.trigger_hotkey("NoSuchHotkey")
        assert unknown.value.error_id == 202
        assert isinstance(unknown.value, BackendError)
        assert await client.trigger_hotkey("wave") == "hk-wave"
        with pytest.raises(VTSHotkeyCooldown) as cooldown:
            await client.trigger_hotkey("hk-wave")
        assert cooldown.value.error_id == 203
        assert cooldown.value.retryable
        with pytest.raises(VTSError) as bad:
            await client.activate_expression("missing.exp3.json")
        assert bad.value.error_id == 651
        assert fake.triggered == ["hk-wave"]


async def test_request_timeout() -> None:
    async with FakeVTS(jitter_s=0.0) as fake, make_client(fake) as client:
        await client.wait_ready(2)
        fake.jitter_s = 3600.0  # answers within the hour: only the timeout can end the request
        with pytest.raises(BackendTimeout):
            await client.request("APIStateRequest", timeout_s=0.001)


async def test_events_reach_callbacks_and_survive_reconnect(fake: FakeVTS) -> None:
    got: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def on_test(name: str, data: dict[str, Any]) -> None:
        assert name == "TestEvent"
        await got.put(data)

    async with make_client(fake) as client:
        await client.wait_ready(2)
        client.on_event("TestEvent", on_test)
        resp = await client.subscribe("TestEvent", {"testMessageForEvent": "hello"})
        assert resp["subscribedEvents"] == ["TestEvent"]
        assert await fake.send_test_event() == 1
        first = await asyncio.wait_for(got.get(), 1)
        assert first["yourTestMessage"] == "hello"
        # Requests issued around the event are still answered correctly.
        state, _ = await asyncio.gather(client.api_state(), fake.send_test_event("again"))
        assert state["active"] is True
        assert (await asyncio.wait_for(got.get(), 1))["yourTestMessage"] == "again"

        with pytest.raises(VTSError) as unknown:
            await client.subscribe("NoSuchEvent")
        assert unknown.value.error_id == 950

        epoch = client.epoch
        await fake.drop_connections()
        await until(lambda: client.epoch > epoch)  # reconnected
        await client.wait_ready(2)
        assert await fake.send_test_event("after") == 1
        assert (await asyncio.wait_for(got.get(), 1))["yourTestMessage"] == "after"


async def test_reconnects_with_backoff_and_drops_calls_while_down(fake: FakeVTS) -> None:
    store = MemoryTokenStore()
    async with make_client(fake, store) as client:
        await client.wait_ready(2)
        epoch = client.epoch
        await fake.drop_connections(refuse_for_s=0.5)
        await until(lambda: not client.connected)
        call = client.trigger_hotkey("Smile")
        with pytest.raises(VTSNotConnected):
            call.send(None)  # refused at once: the call never waits for the connection
        await client.wait_ready(3)
        assert client.epoch == epoch + 1
        assert fake.connections == 2  # refused handshakes never reach the handler
        assert await client.trigger_hotkey("Smile") == "hk-smile"
        assert fake.token_requests == 1  # the stored token was reused


async def test_pending_requests_fail_when_connection_drops() -> None:
    async with FakeVTS() as fake, make_client(fake) as client:
        await client.wait_ready(2)
        requests_before = len(fake.requests)
        fake.jitter_s = 3600.0  # never answered, and no timeout: only the drop can end it
        task = asyncio.create_task(client.request("APIStateRequest", timeout_s=3600))
        await until(lambda: len(fake.requests) > requests_before)
        await fake.drop_connections()
        with pytest.raises(VTSNotConnected):
            await task


async def test_starts_before_vts_is_up() -> None:
    fake = FakeVTS()
    await fake.start()
    port = fake.port
    await fake.stop()
    fake2 = FakeVTS()
    fake2.port = port
    client = make_client(fake2)
    await client.start()
    try:
        await asyncio.sleep(0.2)
        assert not client.connected
        await fake2.start()
        await client.wait_ready(3)
        assert client.connected
    finally:
        await client.close()
        await fake2.stop()


async def test_revoked_session_logs_in_again_with_a_new_token(fake: FakeVTS) -> None:
    """The user revokes the plugin: VTube Studio answers error 50. The client stops sending at
    once, logs in again on the same connection with a new token, and goes on."""
    store = MemoryTokenStore()
    async with make_client(fake, store) as client:
        await client.wait_ready(2)
        old, epoch = store.token, client.epoch
        fake.revoke_tokens()
        with pytest.raises(VTSError) as refused:
            await client.inject_parameters({"MouthOpen": 0.3})
        assert refused.value.error_id == 50
        assert not client.connected
        sent = len(fake.requests)
        for _ in range(50):  # the show keeps calling: refused here, nothing reaches VTube Studio
            with pytest.raises(VTSNotConnected):
                await client.inject_parameters({"MouthOpen": 0.3})
        await client.wait_ready(5)
        assert client.epoch == epoch + 1
        assert store.token is not None and store.token != old
        assert fake.token_requests == 2
        assert fake.auth_requests[-2:] == [(old, False), (store.token, True)]
        assert [r["messageType"] for r in fake.requests[sent:]] == [
            "AuthenticationRequest",
            "AuthenticationTokenRequest",
            "AuthenticationRequest",
        ]
        await client.inject_parameters({"MouthOpen": 0.3})
        assert fake.connections == 1
    assert [e for e in fake.errors if e[1] == 50] == [("InjectParameterDataRequest", 50)]


async def test_a_refused_login_after_a_revoke_backs_off(fake: FakeVTS) -> None:
    """Revoked, and the user denies the new token: the client asks again with growing pauses,
    never in a flood, and sends nothing else meanwhile."""
    with VirtualClock().patch() as clock:
        client = VTSClient(fake.url, plugin_name="Test Plugin", plugin_developer="Tester")
        async with client:
            await client.wait_ready(2)
            fake.revoke_tokens()
            fake.deny_tokens = True
            t0 = clock.now
            with pytest.raises(VTSError):
                await client.trigger_hotkey("Smile")
            await asyncio.sleep(60)
            asked = list(fake.token_request_times[1:])
            refused = [e for e in fake.errors if e[0] != "AuthenticationTokenRequest"]
    assert refused == [("HotkeyTriggerRequest", 50)]
    assert 5 <= len(asked) <= 8  # 0.5, 1, 2, 4, 8, 16, 30 s apart (±20%)
    gaps = [b - a for a, b in itertools.pairwise([t0, *asked])]
    assert gaps[-1] >= 12
    assert all(b >= a for a, b in itertools.pairwise(gaps[1:]))


async def test_api_turned_off_pauses_requests_until_it_is_on_again(fake: FakeVTS) -> None:
    with VirtualClock().patch() as clock:
        async with make_client(fake) as client:
            await client.wait_ready(2)
            fake.set_api_active(False)
            with pytest.raises(VTSError) as off:
                await client.trigger_hotkey("Wave")
            assert off.value.error_id == 1
            assert not client.connected
            with pytest.raises(VTSNotConnected, match="API turned off"):
                await client.trigger_hotkey("Wave")
            before = len(fake.requests)
            await asyncio.sleep(30)
            polls = [r["messageType"] for r in fake.requests[before:]]
            assert set(polls) == {"APIStateRequest"}
            assert 28 <= len(polls) <= 33  # at most a second apart
            fake.set_api_active(True)
            t_on = clock.now
            await client.wait_ready(5)
            assert clock.now - t_on <= 1.0
            assert await client.trigger_hotkey("Wave") == "hk-wave"


async def test_reconnects_soon_after_a_long_outage(fake: FakeVTS) -> None:
    """The reconnect back-off stops growing at ``reconnect_max_s`` (2 s): VTube Studio back
    after 40 s is used again within about 2 s, not after up to 30 s."""
    with VirtualClock().patch() as clock:
        client = VTSClient(fake.url, plugin_name="Test Plugin", plugin_developer="Tester")
        async with client:
            await client.wait_ready(2)
            await fake.drop_connections(refuse_for_s=40)
            back = clock.now + 40
            await until(lambda: not client.connected)
            await client.wait_ready(60)
            assert clock.now - back <= 2.0 * 1.2 + 0.1


async def test_a_closing_drop_leaves_no_unretrieved_failure(fake: FakeVTS) -> None:
    """VTube Studio closes the connection (closing handshake) while requests are being sent:
    the requests fail with VTSNotConnected and no 'Future exception was never retrieved' is
    logged for a request that had already given up."""
    loop = asyncio.get_running_loop()
    unretrieved: list[str] = []
    default = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, ctx: unretrieved.append(str(ctx.get("message"))))

    def more_requests(n: int) -> Callable[[], bool]:
        start = fake.injection_requests()
        return lambda: fake.injection_requests() > start + n

    try:
        async with make_client(fake) as client:
            for _ in range(10):  # a request caught sending during the close is a matter of timing
                await client.wait_ready(2)

                async def keep_sending() -> None:
                    while client.connected:
                        try:
                            await client.inject_parameters({"MouthOpen": 0.5}, timeout_s=0.25)
                        except BackendError:
                            await asyncio.sleep(0)  # a failed send may not suspend: let the drop be seen

                senders = [asyncio.create_task(keep_sending()) for _ in range(5)]
                await until(more_requests(10))
                await fake.close_connections()
                await asyncio.gather(*senders)
        gc.collect()
    finally:
        loop.set_exception_handler(default)
    assert unretrieved == []
