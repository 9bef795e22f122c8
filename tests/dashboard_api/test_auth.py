"""Access: every route and websocket needs a login (except health, the login page and the
overlay page), moderators cannot touch personas or accounts, changes need the CSRF token,
logins are rate-limited, and cookies are locked down."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fastapi.routing import APIRoute, APIWebSocketRoute
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from config.settings import Settings
from dashboard_api import account_routes, actions, auth, monitor, overlay, pages, persona_editor, stats
from dashboard_api.app import create_app
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.support.dashboard_env import (
    FAST_HASHER,
    PASSWORD,
    Api,
    LoopThread,
    Served,
    add_account,
    dashboard_settings,
)

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
        if path == "/" or path.lstrip("/") in pages.PAGES:  # every page, the other features' too
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
    assert mod.post("/api/actions/kill", {"engaged": False}).status_code == 202
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
    assert mod.post("/api/actions/kill", {"engaged": False}).status_code == 202
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


def test_a_wrong_password_flood_from_elsewhere_does_not_lock_the_streamer_out(
    pg_url: str, redis_url: str, redis_prefix: str, accounts: None
) -> None:
    settings = dashboard_settings(
        pg_url, redis_url, redis_prefix, login_attempts_per_account=5, login_attempts_per_ip=100
    )
    app = create_app(settings, hasher=FAST_HASHER)
    with TestClient(app, client=("203.0.113.9", 40000)) as attacker:
        for _ in range(8):
            attacker.post("/api/login", json={"name": STREAMER, "password": "guess guess"})
        # the attacker's address is locked out of that account, even with the right password
        assert attacker.post("/api/login", json={"name": STREAMER, "password": PASSWORD}).status_code == 429
    with TestClient(app, client=("192.0.2.5", 40001)) as streamer:
        assert streamer.post("/api/login", json={"name": STREAMER, "password": PASSWORD}).status_code == 200


def test_forwarded_for_is_believed_only_from_a_configured_proxy(
    pg_url: str, redis_url: str, redis_prefix: str, accounts: None
) -> None:
    def wrong(c: TestClient, forwarded: str) -> int:
        res = c.post(
            "/api/login", json={"name": MODERATOR, "password": "guess guess"},
            headers={"X-Forwarded-For": forwarded},
        )  # fmt: skip
        return res.status_code

    limits = {"login_attempts_per_ip": 3, "login_attempts_per_account": 100}
    plain = dashboard_settings(pg_url, redis_url, f"{redis_prefix}a", **limits)
    assert plain.dashboard.trusted_proxies == ()  # the default: no proxy is trusted
    with TestClient(create_app(plain, hasher=FAST_HASHER), client=("127.0.0.1", 40000)) as c:
        # a new forged address each time does not dodge the per-address limit, even from loopback
        assert [wrong(c, f"198.51.100.{i}") for i in range(4)] == [401, 401, 401, 429]
    proxied = dashboard_settings(
        pg_url, redis_url, f"{redis_prefix}b", trusted_proxies=["127.0.0.1"], **limits
    )
    with TestClient(create_app(proxied, hasher=FAST_HASHER), client=("127.0.0.1", 40000)) as c:
        assert [wrong(c, "198.51.100.1") for _ in range(4)] == [401, 401, 401, 429]
        assert wrong(c, "198.51.100.2") == 401  # another client behind the proxy is not limited


def test_a_422_never_echoes_a_large_input(client: TestClient) -> None:
    api = Api(client, MODERATOR)
    huge = "x" * 100_000
    res = api.post("/api/actions/chat", json={"text": huge})
    assert res.status_code == 422
    assert len(res.content) < 2_000 and "xxxxxxxxxx" not in res.text
    assert res.json()["detail"][0]["loc"] == ["body", "text"]
    extra = api.post("/api/actions/skip", json={"y" * 50_000: 1})
    assert extra.status_code == 422 and len(extra.content) < 2_000


def test_the_streamer_cannot_remove_their_own_account(client: TestClient, pg_url: str) -> None:
    asyncio.run(add_account(pg_url, "streamer_two", "streamer"))  # so it is not the last-streamer rule
    api = Api(client, STREAMER)
    res = api.delete(f"/api/accounts/{STREAMER}")
    assert res.status_code == 409 and "your own account" in res.json()["detail"]
    assert api.get("/api/me").status_code == 200
    assert api.delete("/api/accounts/streamer_two").status_code == 204


def test_the_served_dashboard_ignores_forwarded_for_from_loopback(
    pg_url: str, redis_url: str, redis_prefix: str, accounts: None
) -> None:
    """Through uvicorn as `vtuber dashboard` runs it (uvicorn alone would believe loopback)."""
    settings = dashboard_settings(
        pg_url, redis_url, redis_prefix, login_attempts_per_ip=3, login_attempts_per_account=100
    )
    loop = LoopThread()
    served = Served(create_app(settings, hasher=FAST_HASHER), loop)
    try:
        codes = [
            httpx.post(
                f"{served.url}/api/login", json={"name": f"nobody{i}", "password": "guess guess"},
                headers={"X-Forwarded-For": f"198.51.100.{i}"}, timeout=10,
            ).status_code
            for i in range(4)
        ]  # fmt: skip
    finally:
        served.stop()
        loop.close()
    assert codes == [401, 401, 401, 429]
