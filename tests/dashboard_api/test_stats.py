"""Per-stream stats from recorded events: counts, latency percentiles, top chatters and the
chat activity in the minute after each reply."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from config.settings import Settings
from dashboard_api.stats import percentile
from engines import events as ev
from streamer.bus import make_bus
from tests.dashboard_api.conftest import MODERATOR
from tests.support.dashboard_env import Api, record_all

T0 = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
A = ev.Viewer(id="1", login="ann", display_name="Ann")
B = ev.Viewer(id="2", login="bob", display_name="Bob")
C = ev.Viewer(id="3", login="cyd", display_name="Cyd")


def at(s: float) -> datetime:
    return T0 + timedelta(seconds=s)


def chat(user: ev.Viewer, s: float) -> ev.ChatMessage:
    return ev.ChatMessage(channel="chan", user=user, text=f"hi at {s}", ts=at(s))


def scripted_streams() -> list[ev.EventBase]:
    first = [
        ev.StreamState(channel="chan", online=True, ts=at(0)),
        chat(A, 10), chat(A, 20), chat(B, 30), chat(A, 40),
        ev.ReplyFinished(channel="chan", turn_id="t1", latency_ms=400.0, ts=at(60)),
        chat(B, 70), chat(C, 80), chat(A, 110),          # 3 in the minute after t1
        ev.ReplyFinished(channel="chan", turn_id="t2", latency_ms=800.0, ts=at(180)),
        chat(C, 200),                                    # 1 in the minute after t2
        ev.ReplyFinished(channel="chan", turn_id="t3", latency_ms=600.0, ts=at(300)),
        ev.ReplyBlocked(channel="chan", stage="input", layer="blocklist", reason="slur", ts=at(310)),
        ev.ReplyBlocked(channel="chan", turn_id="t4", layer="moderator", reason="rejected", ts=at(320)),
        ev.ReplyHeld(channel="chan", turn_id="t4", text="held", ts=at(315)),
        ev.ReplyInterrupted(channel="chan", turn_id="t5", ts=at(330)),
        ev.StreamState(channel="chan", online=False, ts=at(600)),
    ]  # fmt: skip
    second = [
        ev.StreamState(channel="chan", online=True, ts=at(3600)),
        chat(B, 3610),
        chat(B, 3620),
        ev.StreamState(channel="chan", online=False, ts=at(3700)),
    ]
    return first + second


@pytest.fixture
def recorded(settings: Settings) -> None:
    async def go() -> None:
        bus = make_bus(settings)
        await bus.publish_many(scripted_streams())
        await bus.close()
        await record_all(settings)

    asyncio.run(go())


def test_percentile_interpolates() -> None:
    assert percentile([], 50) is None
    assert percentile([5.0], 95) == 5.0
    assert percentile([400.0, 800.0, 600.0], 50) == 600.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 95) == pytest.approx(3.85)


def test_streams_are_listed_newest_first(client: TestClient, recorded: None) -> None:
    mod = Api(client, MODERATOR)
    streams = mod.get("/api/stats/streams").json()
    assert [(s["start"][:19], s["end"][:19], s["live"]) for s in streams] == [
        ("2026-03-01T21:00:00", "2026-03-01T21:01:40", False),
        ("2026-03-01T20:00:00", "2026-03-01T20:10:00", False),
    ]


def test_the_default_is_the_latest_stream(client: TestClient, recorded: None) -> None:
    stats = Api(client, MODERATOR).get("/api/stats").json()
    assert stats["messages"] == 2 and stats["replies"] == 0
    assert stats["top_chatters"] == [{"user_id": "2", "login": "bob", "display_name": "Bob", "messages": 2}]
    assert stats["engagement"]["after_reply_avg"] is None


def test_one_streams_numbers(client: TestClient, recorded: None) -> None:
    mod = Api(client, MODERATOR)
    stats = mod.get("/api/stats", params={"start": at(0).isoformat(), "end": at(600).isoformat()}).json()
    assert (stats["messages"], stats["replies"], stats["blocked"], stats["held"], stats["interrupted"]) == (
        8,
        3,
        2,
        1,
        1,
    )
    assert stats["latency"] == {"count": 3, "p50_ms": 600.0, "p95_ms": pytest.approx(780.0)}
    assert [(c["login"], c["messages"]) for c in stats["top_chatters"]] == [
        ("ann", 4),
        ("bob", 2),
        ("cyd", 2),
    ]
    engagement = stats["engagement"]
    assert [r["chat_after"] for r in engagement["replies"]] == [3, 1, 0]
    assert engagement["after_reply_avg"] == pytest.approx(4 / 3)
    assert engagement["baseline_per_min"] == pytest.approx(8 / 10)
    assert stats["bucket_s"] == 60 and len(stats["timeline"]) == 11
    assert [p["messages"] for p in stats["timeline"][:4]] == [4, 3, 0, 1]
    assert sum(p["replies"] for p in stats["timeline"]) == 3


def test_bad_windows_are_refused(client: TestClient, recorded: None) -> None:
    mod = Api(client, MODERATOR)
    assert (
        mod.get("/api/stats", params={"start": at(600).isoformat(), "end": at(0).isoformat()}).status_code
        == 422
    )
    assert mod.get("/api/stats", params={"start": "yesterday"}).status_code == 422


def test_nothing_recorded_is_a_404(client: TestClient) -> None:
    mod = Api(client, MODERATOR)
    assert mod.get("/api/stats").status_code == 404
    assert mod.get("/api/stats/streams").json() == []
