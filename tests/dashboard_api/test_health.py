"""The dashboard health endpoint reports the database, the bus and the dead letters."""

from __future__ import annotations

import asyncio

from fastapi.testclient import TestClient

from config.settings import load_settings
from dashboard_api.app import create_app
from streamer.bus import DeadLetter, make_bus


def test_health_ok_on_real_postgres_and_redis(pg_url: str, redis_url: str) -> None:
    app = create_app(load_settings(database_url=pg_url, redis_url=redis_url))
    with TestClient(app) as client:
        res = client.get("/health")
    assert res.status_code == 200
    assert res.json()["database"] == "ok"
    assert res.json()["bus"] == "ok"


def test_health_degraded_when_the_database_is_down() -> None:
    app = create_app(load_settings(database_url="postgresql+asyncpg://nobody@127.0.0.1:1/none"))
    with TestClient(app) as client:
        res = client.get("/health")
    assert res.status_code == 503
    assert res.json()["status"] == "degraded"
    assert res.json()["database"].startswith("unreachable")


def test_health_counts_the_dead_letters(pg_url: str, redis_url: str, redis_prefix: str) -> None:
    settings = load_settings(database_url=pg_url, redis_url=redis_url, bus={"prefix": redis_prefix})
    app = create_app(settings)
    with TestClient(app) as client:
        assert client.get("/health").json()["dead_letters"] == 0

        async def bury_one() -> None:
            bus = make_bus(settings)
            try:  # as a consumer does with an entry it cannot handle
                await bus._store_dead_letter(DeadLetter("input", "1-0", "recorder", "poison", "x", b"{}"))
            finally:
                await bus.close()

        asyncio.run(bury_one())
        assert client.get("/health").json()["dead_letters"] == 1
