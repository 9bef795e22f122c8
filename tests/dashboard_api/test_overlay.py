"""The OBS overlay page: its own rotatable token instead of a login, captions and alerts
from the bus, and the bot's audio relayed from Redis pub/sub."""

from __future__ import annotations

import asyncio

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from config.settings import Settings
from dashboard_api.app import create_app
from dashboard_api.overlay import rotate_overlay_token
from engines import events as ev
from engines.backends import AudioChunk
from streamer.bus import Keys
from streamer.bus.audio import RedisAudioSink, decode_frame
from streamer.store import make_engine, make_sessionmaker
from tests.dashboard_api.conftest import STREAMER
from tests.support.dashboard_env import FAST_HASHER, Api, dashboard_settings

RAIDER = ev.Viewer(id="9", login="big_raider", display_name="BigRaider")


def new_token(client: TestClient) -> str:
    res = Api(client, STREAMER).post("/api/overlay/token")
    assert res.status_code == 201
    body = res.json()
    assert body["url"].endswith(f"/overlay?token={body['token']}")
    client.cookies.clear()  # the overlay itself has no login
    return str(body["token"])


def test_the_page_needs_its_current_token_and_rotation_ends_the_old_one(client: TestClient) -> None:
    assert client.get("/overlay").status_code == 403
    assert client.get("/overlay", params={"token": "guess"}).status_code == 403
    first = new_token(client)
    page = client.get("/overlay", params={"token": first})
    assert page.status_code == 200 and "overlay.js" in page.text
    assert client.get("/public/overlay.js").status_code == 200
    second = new_token(client)
    assert client.get("/overlay", params={"token": first}).status_code == 403
    assert client.get("/overlay", params={"token": second}).status_code == 200
    with pytest.raises(WebSocketDisconnect) as closed, client.websocket_connect(f"/overlay/ws?token={first}"):
        pass
    assert closed.value.code == 1008
    info = Api(client, STREAMER).get("/api/overlay").json()
    assert info["configured"] is True and info["created_by"] == STREAMER and "token" not in info


def test_captions_and_alerts_reach_the_overlay(client: TestClient) -> None:
    token = new_token(client)
    bus = client.app.state.dash.bus  # type: ignore[attr-defined]
    with client.websocket_connect(f"/overlay/ws?token={token}") as ws:
        events = [
            ev.ChatMessage(channel="chan", user=RAIDER, text="not for the overlay"),
            ev.Raid(channel="chan", from_user=RAIDER, viewers=120),
            ev.ReplySentence(
                channel="chan", turn_id="t1", index=0, text="Welcome, raiders!", emotion="happy"
            ),
            ev.ReplyFinished(channel="chan", turn_id="t1"),
            ev.GiftSubs(channel="chan", total=5),
        ]
        client.portal.call(bus.publish_many, events)  # type: ignore[union-attr]
        got = [ws.receive_json() for _ in range(4)]
    assert got == [
        {"t": "alert", "kind": "channel.raid", "text": "BigRaider is raiding with 120 viewers!"},
        {"t": "caption", "turn_id": "t1", "text": "Welcome, raiders!", "emotion": "happy"},
        {"t": "clear", "turn_id": "t1"},
        {"t": "alert", "kind": "channel.gift", "text": "An anonymous gifter gifted 5 subs!"},
    ]


def test_the_bots_audio_is_relayed_to_the_overlay(
    pg_url: str, redis_url: str, redis_prefix: str, accounts: None
) -> None:
    settings: Settings = dashboard_settings(pg_url, redis_url, redis_prefix, overlay_audio=True)
    with TestClient(create_app(settings, hasher=FAST_HASHER)) as client:

        async def new_token() -> str:  # one loop for the engine's whole life: its connection closes
            engine = make_engine(pg_url)
            try:
                return await rotate_overlay_token(make_sessionmaker(engine), by="test")
            finally:
                await engine.dispose()

        token = asyncio.run(new_token())
        with client.websocket_connect(f"/overlay/ws?token={token}") as ws:

            async def speak() -> None:
                import redis.asyncio as aioredis

                channel = Keys(redis_prefix, "chan").overlay_audio
                client = aioredis.from_url(redis_url)
                sink = RedisAudioSink(client, channel, pace=None)
                async with asyncio.timeout(10):  # the relay subscribes when the page connects
                    while not dict(await client.pubsub_numsub(channel)).get(channel.encode()):
                        await asyncio.sleep(0.01)
                await sink.open("turn-a", 22_050)
                await sink.write(AudioChunk(b"\x01\x00" * 2_205, 22_050))  # 0.1 s: 5 slices
                await sink.close()
                await sink.aclose()

            client.portal.call(speak)  # type: ignore[union-attr]
            frames = [decode_frame(ws.receive_bytes()) for _ in range(7)]
    assert [f.kind for f in frames] == ["o", "a", "a", "a", "a", "a", "c"]
    assert all(f.turn_id == "turn-a" and f.sample_rate == 22_050 for f in frames)
    assert sum(len(f.pcm) for f in frames) == 2 * 2_205
