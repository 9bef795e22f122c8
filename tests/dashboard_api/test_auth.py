"""Access: every route and websocket needs a login (except health, the login page and the
overlay page), moderators cannot touch personas or accounts, changes need the CSRF token,
logins are rate-limited, and cookies are locked down."""

from __future__ import annotations

import asyncio

import pytest
from fastapi.routing import APIRoute, APIWebSocketRoute
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from config.settings import Settings
from dashboard_api import account_routes, actions, auth, monitor, overlay, pages, persona_editor, stats
from dashboard_api.app import create_app
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.support.dashboard_env import FAST_HASHER, PASSWORD, Api, add_account, dashboard_settings

PUBLIC = {
    ("GET", "/health"),
    ("POST", "/api/login"),
    ("GET", "/login"),
    ("GET", "/public/{name}"),
    ("GET", "/overlay"),
    ("WS", "/overlay/ws"),
}
STREAMER_ONLY_PREFIXES = ("/api/personas", "/api/accounts", "/api/overlay", "/persona", "/accounts")
PARAMS = {"{pid}": "hiyori", "{version}": "1", "{name}": "x"}


def every_route(client: TestClient) -> list[tuple[str, str]]:
    routes: list[tuple[str, str]] = []
    modules = (auth, account_routes, monitor, actions, persona_editor, stats, overlay, pages)
    candidates = [*client.app.routes, *(r for m in modules for r in m.router.routes)]  # type: ignore[attr-defined]
    for r in candidates:
        if isinstance(r, APIWebSocketRoute):
            routes.append(("WS", r.path))
        elif isinstance(r, APIRoute):
            routes += [(m, r.path) for m in sorted(r.methods - {"HEAD"})]
    return sorted(set(routes))


def concrete(path: str) -> str:
    for k, v in PARAMS.items():
        path = path.replace(k, v)
    return path.replace("/static/x", "/static/common.js").replace(
        "/api/accounts/x", f"/api/accounts/{MODERATOR}"
    )


def test_the_route_table_is_what_these_tests_cover(client: TestClient) -> None:
    routes = every_route(client)
    assert len(routes) > 35
    assert ("WS", "/api/feed") in routes and ("POST", "/api/actions/skip") in routes
    assert set(routes) >= PUBLIC


def test_every_protected_route_refuses_anonymous_access(client: TestClient) -> None:
    refused = []
    for method, path in every_route(client):
        if (method, path) in PUBLIC:
            continue
        url = concrete(path)
        if method == "WS":
            with pytest.raises(WebSocketDisconnect) as closed, client.websocket_connect(url):
                pass
            assert closed.value.code == 1008, url
            refused.append(url)
            continue
        res = client.request(method, url, json={}, follow_redirects=False)
        if path in ("/", "/monitor", "/persona", "/stats", "/accounts"):
            assert res.status_code == 303, (method, url, res.status_code)
            assert res.headers["location"].startswith(("/login", "/monitor")), url
        else:
            assert res.status_code == 401, (method, url, res.status_code, res.text)
        refused.append(url)
    assert len(refused) > 30


def test_a_moderator_cannot_change_the_persona_or_accounts(client: TestClient) -> None:
    mod = Api(client, MODERATOR)
    checked = 0
    for method, path in every_route(client):
        if method == "WS" or not path.startswith(STREAMER_ONLY_PREFIXES):
            continue
        res = client.request(
            method, concrete(path), json={}, headers={"X-CSRF-Token": mod.csrf}, follow_redirects=False
        )
        assert res.status_code == 403, (method, path, res.status_code, res.text)
        checked += 1
    assert checked >= 14
    # and the moderator's own routes work
    assert mod.get("/api/state").status_code == 200
    assert mod.post("/api/actions/skip", {}).status_code == 202
    assert mod.get("/monitor").status_code == 200


def test_the_streamer_reaches_the_streamer_routes(client: TestClient) -> None:
    streamer = Api(client, STREAMER)
    assert streamer.get("/api/personas").status_code == 200
    assert streamer.get("/api/personas/hiyori").status_code == 200
    assert [a["name"] for a in streamer.get("/api/accounts").json()] == [MODERATOR, STREAMER]
    assert streamer.get("/persona").status_code == 200
    assert streamer.get("/api/openapi.json").json()["info"]["title"] == "VTuber bot dashboard"


def test_changes_need_the_csrf_token(client: TestClient) -> None:
    mod = Api(client, MODERATOR)
    assert client.post("/api/actions/skip", json={}).status_code == 403
    assert client.post("/api/actions/skip", json={}, headers={"X-CSRF-Token": "wrong"}).status_code == 403
    assert mod.post("/api/actions/skip", {}).status_code == 202
    assert client.post("/api/logout").status_code == 403  # logout is a change too


def test_login_cookie_is_httponly_strict_and_secure_by_default(
    pg_url: str, redis_url: str, redis_prefix: str, accounts: None
) -> None:
    secure = dashboard_settings(pg_url, redis_url, redis_prefix, cookie_secure=True)
    with TestClient(create_app(secure, hasher=FAST_HASHER), base_url="https://testserver") as c:
        res = c.post("/api/login", json={"name": MODERATOR, "password": PASSWORD})
        assert res.status_code == 200
        cookie = res.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie and "secure" in cookie
        assert PASSWORD not in res.text
        assert c.get("/api/me").json()["name"] == MODERATOR


def test_wrong_password_unknown_name_and_forged_cookie_are_refused(client: TestClient) -> None:
    assert client.post("/api/login", json={"name": MODERATOR, "password": "nope nope"}).status_code == 401
    assert client.post("/api/login", json={"name": "nobody", "password": PASSWORD}).status_code == 401
    client.cookies.clear()
    client.cookies.set("vtuber_session", "forged.value")
    assert client.get("/api/me").status_code == 401
    Api(client, MODERATOR)
    good = client.cookies.get("vtuber_session")
    assert good is not None
    token, _, signature = good.rpartition(".")
    client.cookies.clear()
    client.cookies.set("vtuber_session", f"{token[:-2]}AA.{signature}")
    assert client.get("/api/me").status_code == 401


def test_logout_ends_the_session_on_the_server(client: TestClient) -> None:
    mod = Api(client, MODERATOR)
    cookie = client.cookies.get("vtuber_session")
    assert mod.post("/api/logout").status_code == 204
    client.cookies.clear()
    client.cookies.set("vtuber_session", cookie or "")  # replaying the old cookie does not work
    assert client.get("/api/me").status_code == 401


def test_login_is_rate_limited_per_account(
    pg_url: str, redis_url: str, redis_prefix: str, accounts: None
) -> None:
    settings = dashboard_settings(
        pg_url, redis_url, redis_prefix, login_attempts_per_account=3, login_attempts_per_ip=100
    )
    with TestClient(create_app(settings, hasher=FAST_HASHER)) as c:
        for _ in range(3):
            assert (
                c.post("/api/login", json={"name": MODERATOR, "password": "guess guess"}).status_code == 401
            )
        locked = c.post("/api/login", json={"name": MODERATOR, "password": PASSWORD})
        assert locked.status_code == 429
        assert 1 <= int(locked.headers["retry-after"]) <= 300
        # another account from the same address is not locked
        assert c.post("/api/login", json={"name": STREAMER, "password": PASSWORD}).status_code == 200


def test_login_is_rate_limited_per_address_and_works_without_redis(pg_url: str, accounts: None) -> None:
    settings = dashboard_settings(
        pg_url, None, "nored", login_attempts_per_ip=4, login_attempts_per_account=100
    )
    with TestClient(create_app(settings, hasher=FAST_HASHER)) as c:
        for i in range(4):
            assert (
                c.post("/api/login", json={"name": f"someone{i}", "password": "guess guess"}).status_code
                == 401
            )
        assert c.post("/api/login", json={"name": STREAMER, "password": PASSWORD}).status_code == 429


def test_a_session_ends_when_the_account_is_removed(client: TestClient, pg_url: str) -> None:
    asyncio.run(add_account(pg_url, "mod_tmp", "moderator"))
    tmp = Api(client, "mod_tmp")
    cookie = client.cookies.get("vtuber_session") or ""
    assert tmp.get("/api/me").status_code == 200
    streamer = Api(client, STREAMER)
    assert streamer.delete("/api/accounts/mod_tmp").status_code == 204
    client.cookies.clear()
    client.cookies.set("vtuber_session", cookie)
    assert client.get("/api/me").status_code == 401


def test_the_feed_websocket_needs_a_login_and_the_same_origin(client: TestClient) -> None:
    with pytest.raises(WebSocketDisconnect), client.websocket_connect("/api/feed"):
        pass
    Api(client, MODERATOR)
    with client.websocket_connect("/api/feed") as ws:
        assert ws.receive_json()["t"] == "history"
    with (
        pytest.raises(WebSocketDisconnect),
        client.websocket_connect("/api/feed", headers={"Origin": "https://evil.example"}),
    ):
        pass


def test_security_headers_and_no_public_api_docs(client: TestClient) -> None:
    res = client.get("/login")
    assert res.status_code == 200
    assert "script-src 'self'" in res.headers["content-security-policy"]
    assert res.headers["referrer-policy"] == "no-referrer"
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert client.get(path).status_code == 404


def test_static_assets_need_a_login_but_public_ones_do_not(client: TestClient) -> None:
    assert client.get("/static/monitor.js").status_code == 401
    assert client.get("/public/login.js").status_code == 200
    assert client.get("/public/../app.py").status_code == 404
    Api(client, MODERATOR)
    assert "WebSocket" in client.get("/static/monitor.js").text


def test_settings_fixture_is_a_real_redis_bus(settings: Settings) -> None:
    assert settings.bus_backend == "redis" and settings.dashboard.cookie_secure is False
