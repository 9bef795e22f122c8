"""The dashboard health endpoint reports the database and the bus."""

from __future__ import annotations

from fastapi.testclient import TestClient

from config.settings import load_settings
from dashboard_api.app import create_app


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
