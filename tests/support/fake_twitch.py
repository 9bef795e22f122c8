"""A local Twitch stand-in: the EventSub WebSocket, the Helix endpoints and the OAuth endpoints
the bot uses, on 127.0.0.1 (random port), on aiohttp.

It speaks Twitch's documented wire protocol, so the bot runs its real twitchio code against it:

- **OAuth** (``/oauth2/``): ``token`` (client_credentials, refresh_token, device_code),
  ``device``, ``validate``, ``revoke``. Parameters are read from the query string or the form
  body, as Twitch accepts both. A wrong client id gets ``400 invalid client``, a wrong secret
  ``403 invalid client secret``, an unknown or expired token ``401 invalid access token``.
- **Helix** (``/helix/``): ``eventsub/subscriptions``, ``chat/messages``, ``moderation/bans``,
  ``moderation/chat``, ``users``. Each checks the ``Client-Id`` header, the bearer token, the
  token's user against the request and the scopes Twitch requires, and answers with Twitch's
  error shapes (``{"error","status","message"}``). Every answer carries Twitch's rate-limit
  headers (``Ratelimit-Limit``, ``Ratelimit-Remaining``, ``Ratelimit-Reset`` in epoch seconds);
  :meth:`FakeTwitch.rate_limit` empties the bucket, and until its reset every request is
  answered 429.
- **EventSub WebSocket** (``/ws``): ``session_welcome``, ``session_keepalive``,
  ``notification``, ``session_reconnect`` (the reconnect URL carries a ``reconnect_id``;
  subscriptions move to the new session once it is welcomed, and notifications sent before
  that still go to the old socket; ``reconnect_welcome_delay_s`` holds the new socket's
  welcome back), and ``revocation``. A client that sends anything is closed with 4001, as
  Twitch does. A dropped session loses its subscriptions.

Event bodies come from the builders at the bottom (``chat_message_event`` ...), copied from
Twitch's EventSub reference: every key present, nulls included. :meth:`FakeTwitch.notify`
delivers to the session holding the subscription; :meth:`FakeTwitch.deliver` does the same, or
nothing when nobody is subscribed (as Twitch does). Tests steer failures with
:meth:`FakeTwitch.fail_next` (``after_posting``: the request takes effect, then fails, as a 5xx
from a gateway can), :meth:`FakeTwitch.rate_limit`, :meth:`FakeTwitch.expire`,
:meth:`FakeTwitch.revoke`, :meth:`FakeTwitch.drop` and :meth:`FakeTwitch.reconnect`. Sent chat messages are echoed back
as ``channel.chat.message`` notifications, as Twitch does for the sender's own messages; with
``chat_answer_delay_s`` the echo goes out before the send is answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import secrets
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import WSMsgType, web

from tests.support.standin import AiohttpStandIn

__all__ = [
    "FakeTwitch",
    "FakeUser",
    "channel_update_event",
    "chat_message_event",
    "cheer_event",
    "follow_event",
    "raid_event",
    "redemption_event",
    "stream_offline_event",
    "stream_online_event",
    "subscribe_event",
    "subscription_gift_event",
    "subscription_message_event",
]

# The scopes Twitch requires per subscription type, and whose token must ask (condition key).
_SUB_RULES: dict[str, tuple[tuple[str, ...], str | None]] = {
    "channel.chat.message": (("user:read:chat",), "user_id"),
    "channel.follow": (("moderator:read:followers",), "moderator_user_id"),
    "channel.subscribe": (("channel:read:subscriptions",), "broadcaster_user_id"),
    "channel.subscription.message": (("channel:read:subscriptions",), "broadcaster_user_id"),
    "channel.subscription.gift": (("channel:read:subscriptions",), "broadcaster_user_id"),
    "channel.cheer": (("bits:read",), "broadcaster_user_id"),
    "channel.raid": ((), None),
    "channel.channel_points_custom_reward_redemption.add": (
        ("channel:read:redemptions", "channel:manage:redemptions"),
        "broadcaster_user_id",
    ),
    "stream.online": ((), None),
    "stream.offline": ((), None),
    "channel.update": ((), None),
}
_VERSIONS = {"channel.follow": "2", "channel.update": "2"}
RATELIMIT_LIMIT = 800
"""Points in an app's Helix bucket per minute (Twitch's default)."""


def now_rfc3339() -> str:
    """Twitch's timestamp format: RFC3339 with nanoseconds."""
    t = datetime.now(UTC)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}123Z"


@dataclass
class FakeUser:
    id: str
    login: str
    display_name: str = ""

    def __post_init__(self) -> None:
        self.display_name = self.display_name or self.login.capitalize()

    def helix(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "login": self.login,
            "display_name": self.display_name,
            "type": "",
            "broadcaster_type": "",
            "description": "",
            "profile_image_url": f"https://static-cdn.jtvnw.net/jtv_user_pictures/{self.login}-300x300.png",
            "offline_image_url": "",
            "view_count": 0,
            "created_at": "2016-12-14T20:32:28Z",
        }


@dataclass
class Token:
    access: str
    refresh: str
    user_id: str | None
    scopes: tuple[str, ...]
    client_id: str
    expires_in: int = 14_400
    valid: bool = True


@dataclass
class Session:
    id: str
    ws: web.WebSocketResponse
    connected_at: str
    keepalive: bool = True
    retired: bool = False
    closed: bool = False
    notifications: int = 0
    """Notifications sent on this socket."""
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)


@dataclass
class Subscription:
    id: str
    type: str
    version: str
    condition: dict[str, str]
    session_id: str
    user_id: str
    created_at: str
    status: str = "enabled"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "type": self.type,
            "version": self.version,
            "condition": self.condition,
            "transport": {"method": "websocket", "session_id": self.session_id},
            "created_at": self.created_at,
            "cost": 0,
        }


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    user_id: str | None


@dataclass
class DeviceCode:
    device_code: str
    user_code: str
    scopes: tuple[str, ...]
    approved_by: str | None = None


@dataclass
class _Failure:
    status: int
    message: str
    headers: dict[str, str]
    drop: tuple[str, str] | None = None
    after_posting: bool = False


class FakeTwitch(AiohttpStandIn[Recorded]):
    """Run with ``async with FakeTwitch() as twitch``; see the module docstring."""

    shutdown_timeout_s = 60.0
    """aiohttp's default: open EventSub sockets are closed by ``stop()`` before that."""

    def __init__(
        self,
        *,
        client_id: str = "fakeclientid0123456789",
        client_secret: str = "fakeclientsecret0123456789",
        keepalive_every_s: float = 5.0,
        reconnect_grace_s: float = 30.0,
        echo_chat: bool = True,
        device_interval: int = 5,
    ) -> None:
        super().__init__()
        self.client_id = client_id
        self.client_secret = client_secret
        self.keepalive_every_s = keepalive_every_s
        self.reconnect_grace_s = reconnect_grace_s
        self.echo_chat = echo_chat
        self.device_interval = device_interval
        self.users: dict[str, FakeUser] = {}
        self.tokens: dict[str, Token] = {}
        self.refresh_tokens: dict[str, Token] = {}
        self.sessions: dict[str, Session] = {}
        self.subscriptions: dict[str, Subscription] = {}
        self.chat: list[dict[str, Any]] = []
        """Every chat message sent: the body, plus ``sender_login`` and ``message_id``."""
        self.bans: list[dict[str, Any]] = []
        self.unbans: list[dict[str, str]] = []
        self.deleted: list[str] = []
        self.refreshes = 0
        self.devices: dict[str, DeviceCode] = {}
        self.delivered_chat_ids: set[str] = set()
        self.auto_approve: list[str] = []
        """User ids that authorise the next device codes, in order (a person at twitch.tv/activate)."""
        self.refuse_subscriptions: dict[str, tuple[int, str]] = {}
        """Subscription type → (status, message) Twitch answers when it is requested."""
        self.refuse_once: dict[str, tuple[int, str]] = {}
        """The same, for the next request of that type only."""
        self.chat_answer_delay_s = 0.0
        """Echo a sent chat message first, then answer the send this much later."""
        self.reconnect_welcome_delay_s = 0.0
        """Hold back the welcome on a reconnect URL this long."""
        self.rate_limited = 0
        """Requests answered 429 because the bucket was empty (:meth:`rate_limit`)."""
        self._bucket_reset_at = 0.0
        self._failures: dict[tuple[str, str], list[_Failure]] = {}
        self._reconnects: dict[str, str] = {}

    # ------------------------------------------------------------------ lifecycle

    def _routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/oauth2/{name}", self._oauth)
        app.router.add_route("*", "/helix/{path:.*}", self._helix)
        app.router.add_get("/ws", self._ws)

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def helix_url(self) -> str:
        return f"{self.base}/helix/"

    @property
    def oauth_url(self) -> str:
        return f"{self.base}/"

    @property
    def ws_url(self) -> str:
        return f"ws://{self.host}:{self.port}/ws"

    def settings(self, **overrides: Any) -> dict[str, Any]:
        """``twitch`` settings pointing at this stand-in."""
        return {
            "enabled": True,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "helix_url": self.helix_url,
            "oauth_url": self.oauth_url,
            "eventsub_ws_url": self.ws_url,
            "retry_base_s": 0.01,
            **overrides,
        }

    async def _close(self) -> None:
        for session in list(self.sessions.values()):
            for task in session.tasks:
                task.cancel()
            with contextlib.suppress(Exception):
                await session.ws.close(code=1001)
        await super()._close()

    # ------------------------------------------------------------------ set-up helpers

    def add_user(self, user_id: str, login: str, display_name: str = "") -> FakeUser:
        user = FakeUser(user_id, login, display_name)
        self.users[user_id] = user
        return user

    def issue_token(
        self, user_id: str | None, scopes: Iterable[str] = (), *, expires_in: int = 14_400
    ) -> Token:
        token = Token(
            access=secrets.token_hex(15), refresh=secrets.token_hex(25), user_id=user_id,
            scopes=tuple(scopes), client_id=self.client_id, expires_in=expires_in,
        )  # fmt: skip
        self.tokens[token.access] = token
        self.refresh_tokens[token.refresh] = token
        return token

    def expire(self, access: str) -> None:
        """The token stops working (401); its refresh token still works."""
        self.tokens[access].valid = False

    def revoke_user(self, user_id: str) -> None:
        """The user disconnected the app: every token and refresh token of theirs stops working."""
        for token in [*self.tokens.values(), *self.refresh_tokens.values()]:
            if token.user_id == user_id:
                token.valid = False
        for refresh in [r for r, t in self.refresh_tokens.items() if t.user_id == user_id]:
            del self.refresh_tokens[refresh]

    def fail_next(
        self,
        method: str,
        path: str,
        status: int,
        message: str = "",
        *,
        count: int = 1,
        headers: dict[str, str] | None = None,
        after_posting: bool = False,
    ) -> None:
        """The next ``count`` requests to ``method path`` (``"POST", "chat/messages"``) fail; with
        ``after_posting`` each takes effect first (a chat message is posted), then fails."""
        failure = _Failure(status, message, headers or {}, after_posting=after_posting)
        self._failures.setdefault((method, path), []).extend([failure] * count)

    def rate_limit(self, reset_in_s: float) -> int:
        """The Helix bucket is empty for ``reset_in_s``: every request meanwhile is answered 429.
        Returns the ``Ratelimit-Reset`` those answers carry."""
        self._bucket_reset_at = time.time() + reset_in_s
        return math.ceil(self._bucket_reset_at)

    def drop_next_chat(self, code: str, message: str) -> None:
        """The next chat message is accepted but not sent (``is_sent: false``, ``drop_reason``)."""
        self._failures.setdefault(("POST", "chat/messages"), []).append(
            _Failure(200, "", {}, (code, message))
        )

    def approve(self, user_code: str, user_id: str) -> None:
        """The user entered the code at twitch.tv/activate and authorised the app."""
        for code in self.devices.values():
            if code.user_code == user_code:
                code.approved_by = user_id
                return
        raise KeyError(user_code)

    def subscribed(self, sub_type: str | None = None) -> list[Subscription]:
        return [
            s
            for s in self.subscriptions.values()
            if s.status == "enabled" and (sub_type is None or s.type == sub_type)
        ]

    def live_sessions(self) -> list[Session]:
        return [s for s in self.sessions.values() if not s.closed and not s.retired]

    # ------------------------------------------------------------------ EventSub: sending

    async def notify(
        self,
        sub_type: str,
        event: dict[str, Any],
        *,
        message_id: str | None = None,
        timestamp: str | None = None,
    ) -> str:
        """Deliver one notification to the session holding that subscription; returns its message id."""
        mid = await self.deliver(sub_type, event, message_id=message_id, timestamp=timestamp)
        if mid is None:
            raise AssertionError(f"nobody is subscribed to {sub_type}")
        return mid

    async def deliver(
        self,
        sub_type: str,
        event: dict[str, Any],
        *,
        message_id: str | None = None,
        timestamp: str | None = None,
    ) -> str | None:
        """As Twitch does: to the session holding that subscription, or to nobody (None) when
        there is none at this moment."""
        subs = self.subscribed(sub_type)
        if not subs:
            return None
        sub = subs[0]
        mid = message_id or str(uuid.uuid4())
        message = {
            "metadata": {
                "message_id": mid,
                "message_type": "notification",
                "message_timestamp": timestamp or now_rfc3339(),
                "subscription_type": sub.type,
                "subscription_version": sub.version,
            },
            "payload": {"subscription": sub.as_json(), "event": event},
        }
        if sub_type == "channel.chat.message":
            self.delivered_chat_ids.add(str(event.get("message_id")))
        await self._send(self.sessions[sub.session_id], message)
        return mid

    async def send_raw(self, session_id: str, text: str) -> None:
        session = self.sessions[session_id]
        async with session.lock:
            await session.ws.send_str(text)

    async def reconnect(self, session_id: str) -> None:
        """Send ``session_reconnect``; subscriptions move once the client connects to the new URL."""
        session = self.sessions[session_id]
        rid = secrets.token_urlsafe(12)
        self._reconnects[rid] = session_id
        await self._send(
            session,
            {
                "metadata": self._meta("session_reconnect"),
                "payload": {
                    "session": {
                        "id": session_id,
                        "status": "reconnecting",
                        "keepalive_timeout_seconds": None,
                        "reconnect_url": f"{self.ws_url}?reconnect_id={rid}",
                        "connected_at": session.connected_at,
                    }
                },
            },
        )

    async def drop(self, session_id: str, code: int = 4006) -> None:
        """Close the socket from the server side (4006: network error); its subscriptions are gone."""
        session = self.sessions[session_id]
        await session.ws.close(code=code, message=b"network error")

    def pause_keepalives(self, session_id: str) -> None:
        self.sessions[session_id].keepalive = False

    async def revoke(self, subscription_id: str, status: str = "authorization_revoked") -> None:
        sub = self.subscriptions[subscription_id]
        sub.status = status
        message = {
            "metadata": {
                **self._meta("revocation"),
                "subscription_type": sub.type,
                "subscription_version": sub.version,
            },
            "payload": {"subscription": sub.as_json()},
        }
        await self._send(self.sessions[sub.session_id], message)

    @staticmethod
    def _meta(message_type: str) -> dict[str, str]:
        return {
            "message_id": str(uuid.uuid4()),
            "message_type": message_type,
            "message_timestamp": now_rfc3339(),
        }

    async def _send(self, session: Session, message: dict[str, Any]) -> None:
        async with session.lock:
            await session.ws.send_str(json.dumps(message))
        if message["metadata"]["message_type"] == "notification":
            session.notifications += 1

    # ------------------------------------------------------------------ EventSub: the socket

    async def _ws(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        session = Session(id="AgoQ" + secrets.token_urlsafe(18), ws=ws, connected_at=now_rfc3339())
        self.sessions[session.id] = session
        requested = request.query.get("keepalive_timeout_seconds", "10")
        keepalive_s = max(10, min(int(requested), 600)) if requested.isdigit() else 10
        old_id = self._reconnects.pop(request.query.get("reconnect_id", ""), None)
        try:
            if old_id is not None and self.reconnect_welcome_delay_s:
                await asyncio.sleep(self.reconnect_welcome_delay_s)
            welcome = self._send(
                session,
                {
                    "metadata": self._meta("session_welcome"),
                    "payload": {
                        "session": {
                            "id": session.id,
                            "status": "connected",
                            "connected_at": session.connected_at,
                            "keepalive_timeout_seconds": keepalive_s,
                            "reconnect_url": None,
                            "recovery_url": None,
                        }
                    },
                },
            )
            with contextlib.suppress(ConnectionError, RuntimeError):  # the client left during the delay
                await welcome
            if old_id is not None and not ws.closed:  # move the subscriptions, retire the old socket
                for sub in self.subscriptions.values():
                    if sub.session_id == old_id:
                        sub.session_id = session.id
                old = self.sessions[old_id]
                old.retired = True
                old.tasks.append(asyncio.create_task(self._close_later(old, self.reconnect_grace_s, 4004)))
            session.tasks.append(asyncio.create_task(self._keepalives(session)))
            async for msg in ws:
                if msg.type in (WSMsgType.TEXT, WSMsgType.BINARY):  # clients must never send
                    await ws.close(code=4001, message=b"client sent inbound traffic")
                    break
        finally:
            session.closed = True
            for task in session.tasks:
                task.cancel()
            if not session.retired:  # a lost connection loses its subscriptions
                for sub_id in [s.id for s in self.subscriptions.values() if s.session_id == session.id]:
                    del self.subscriptions[sub_id]
        return ws

    async def _keepalives(self, session: Session) -> None:
        while not session.closed:
            await asyncio.sleep(self.keepalive_every_s)
            if session.keepalive and not session.closed:
                with contextlib.suppress(ConnectionError, RuntimeError):
                    await self._send(session, {"metadata": self._meta("session_keepalive"), "payload": {}})

    async def _close_later(self, session: Session, delay: float, code: int) -> None:
        await asyncio.sleep(delay)
        with contextlib.suppress(Exception):
            await session.ws.close(code=code)

    # ------------------------------------------------------------------ HTTP helpers

    def _ratelimit_headers(self, *, empty: bool = False) -> dict[str, str]:
        now = time.time()
        reset = math.ceil(self._bucket_reset_at) if empty else int(now)
        return {
            "Ratelimit-Limit": str(RATELIMIT_LIMIT),
            "Ratelimit-Remaining": "0" if empty else str(RATELIMIT_LIMIT - 1),
            "Ratelimit-Reset": str(reset),
        }

    @staticmethod
    def _error(status: int, message: str) -> web.Response:
        names = {
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict",
            422: "Unprocessable Entity", 429: "Too Many Requests", 500: "Internal Server Error",
            502: "Bad Gateway", 503: "Service Unavailable",
        }  # fmt: skip
        return web.json_response(
            {"error": names.get(status, "Error"), "status": status, "message": message}, status=status
        )

    @staticmethod
    async def _params(request: web.Request) -> dict[str, str]:
        params = dict(request.query)
        if request.can_read_body and request.content_type == "application/x-www-form-urlencoded":
            params.update({k: str(v) for k, v in (await request.post()).items()})
        return params

    def _failure(self, method: str, path: str) -> _Failure | None:
        queue = self._failures.get((method, path))
        return queue.pop(0) if queue else None

    # ------------------------------------------------------------------ OAuth

    async def _oauth(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        params = await self._params(request)
        self.requests.append(Recorded(request.method, f"oauth2/{name}", dict(request.query), params, None))
        failure = self._failure(request.method, f"oauth2/{name}")
        if failure is not None:
            return self._error(failure.status, failure.message)
        if name == "validate" and request.method == "GET":
            return self._validate(request)
        if name == "token" and request.method == "POST":
            return self._token(params)
        if name == "device" and request.method == "POST":
            return self._device(params)
        if name == "revoke" and request.method == "POST":
            token = self.tokens.get(params.get("token", ""))
            if token is not None:
                token.valid = False
            return web.Response(status=200)
        return self._error(404, "")

    def _validate(self, request: web.Request) -> web.Response:
        header = request.headers.get("Authorization", "")  # Twitch documents OAuth and accepts Bearer
        token = self.tokens.get(header.removeprefix("OAuth ").removeprefix("Bearer ").strip())
        if not header.startswith(("OAuth ", "Bearer ")) or token is None or not token.valid:
            return web.json_response({"status": 401, "message": "invalid access token"}, status=401)
        body: dict[str, Any] = {"client_id": token.client_id, "scopes": list(token.scopes)}
        if token.user_id is not None:
            body.update(login=self.users[token.user_id].login, user_id=token.user_id)
        body["expires_in"] = token.expires_in
        return web.json_response(body)

    def _client_ok(self, params: dict[str, str], *, secret: bool) -> web.Response | None:
        if params.get("client_id") != self.client_id:
            return web.json_response({"status": 400, "message": "invalid client"}, status=400)
        if secret and params.get("client_secret") != self.client_secret:
            return web.json_response({"status": 403, "message": "invalid client secret"}, status=403)
        return None

    def _token(self, params: dict[str, str]) -> web.Response:
        grant = params.get("grant_type")
        if grant == "client_credentials":
            if (bad := self._client_ok(params, secret=True)) is not None:
                return bad
            token = self.issue_token(None, expires_in=5_000_000)
            return web.json_response(
                {"access_token": token.access, "expires_in": 5_000_000, "token_type": "bearer"}
            )
        if grant == "refresh_token":
            if (bad := self._client_ok(params, secret=True)) is not None:
                return bad
            old = self.refresh_tokens.pop(params.get("refresh_token", ""), None)
            if old is None:
                return web.json_response({"status": 400, "message": "Invalid refresh token"}, status=400)
            old.valid = False
            self.refreshes += 1
            new = self.issue_token(old.user_id, old.scopes)
            return web.json_response(
                {
                    "access_token": new.access, "refresh_token": new.refresh, "expires_in": new.expires_in,
                    "scope": list(new.scopes), "token_type": "bearer",
                }
            )  # fmt: skip
        if grant == "urn:ietf:params:oauth:grant-type:device_code":
            if (bad := self._client_ok(params, secret=False)) is not None:
                return bad
            code = self.devices.get(params.get("device_code", ""))
            if code is None:
                return web.json_response({"status": 400, "message": "invalid device code"}, status=400)
            if code.approved_by is None:
                return web.json_response({"status": 400, "message": "authorization_pending"}, status=400)
            del self.devices[code.device_code]
            token = self.issue_token(code.approved_by, code.scopes)
            return web.json_response(
                {
                    "access_token": token.access, "expires_in": token.expires_in,
                    "refresh_token": token.refresh, "scope": list(token.scopes), "token_type": "bearer",
                }
            )  # fmt: skip
        return web.json_response({"status": 400, "message": "unsupported grant type"}, status=400)

    def _device(self, params: dict[str, str]) -> web.Response:
        if (bad := self._client_ok(params, secret=False)) is not None:
            return bad
        scopes = tuple(s for s in params.get("scopes", "").replace("+", " ").split() if s)
        if not scopes:
            return web.json_response({"status": 400, "message": "missing scopes"}, status=400)
        code = DeviceCode(secrets.token_urlsafe(30), secrets.token_hex(4).upper(), scopes)
        if self.auto_approve:
            code.approved_by = self.auto_approve.pop(0)
        self.devices[code.device_code] = code
        return web.json_response(
            {
                "device_code": code.device_code, "expires_in": 1800, "interval": self.device_interval,
                "user_code": code.user_code,
                "verification_uri": f"https://www.twitch.tv/activate?public=true&device-code={code.user_code}",
            }
        )  # fmt: skip

    # ------------------------------------------------------------------ Helix

    async def _helix(self, request: web.Request) -> web.StreamResponse:
        if time.time() < self._bucket_reset_at:
            self.rate_limited += 1
            self.requests.append(
                Recorded(request.method, request.match_info["path"].strip("/"), {}, None, None)
            )
            response = self._error(429, "Too Many Requests")
            response.headers.update(self._ratelimit_headers(empty=True))
            return response
        response = await self._helix_answer(request)
        for name, value in self._ratelimit_headers().items():
            response.headers.setdefault(name, value)
        return response

    async def _helix_answer(self, request: web.Request) -> web.Response:
        path = request.match_info["path"].strip("/")
        body: Any = None
        if request.can_read_body:
            with contextlib.suppress(ValueError):
                body = await request.json()
        header = request.headers.get("Authorization", "")
        token = self.tokens.get(header.removeprefix("Bearer ").strip())
        self.requests.append(
            Recorded(request.method, path, dict(request.query), body, token.user_id if token else None)
        )
        if request.headers.get("Client-Id") != self.client_id:
            return self._error(401, "Client ID and OAuth token do not match")
        if not header.startswith("Bearer ") or token is None or not token.valid:
            return self._error(401, "Invalid OAuth token")
        if token.client_id != self.client_id:
            return self._error(401, "Client ID and OAuth token do not match")
        failure = self._failure(request.method, path)
        if failure is not None and failure.drop is None:
            if failure.after_posting:
                await self._helix_call(request, path, token, body, None)
            response = self._error(failure.status, failure.message)
            if failure.status == 429:
                response.headers.update(self._ratelimit_headers(empty=True))
            response.headers.update(failure.headers)
            return response
        return await self._helix_call(request, path, token, body, failure)

    async def _helix_call(
        self, request: web.Request, path: str, token: Token, body: Any, failure: _Failure | None
    ) -> web.Response:
        q = request.query
        match (request.method, path):
            case ("POST", "eventsub/subscriptions"):
                return self._subscribe(token, body or {})
            case ("DELETE", "eventsub/subscriptions"):
                self.subscriptions.pop(q.get("id", ""), None)
                return web.Response(status=204)
            case ("POST", "chat/messages"):
                return await self._chat(token, body or {}, failure)
            case ("POST", "moderation/bans"):
                return self._ban(token, q, body or {})
            case ("DELETE", "moderation/bans"):
                return self._unban(token, q)
            case ("DELETE", "moderation/chat"):
                return self._delete(token, q)
            case ("GET", "users"):
                ids, logins = q.getall("id", []), [x.lower() for x in q.getall("login", [])]
                found = [u.helix() for u in self.users.values() if u.id in ids or u.login in logins]
                return web.json_response({"data": found})
        return self._error(404, "")

    def _subscribe(self, token: Token, body: dict[str, Any]) -> web.Response:
        sub_type, version = str(body.get("type", "")), str(body.get("version", ""))
        condition = body.get("condition") or {}
        transport = body.get("transport") or {}
        if sub_type not in _SUB_RULES:
            return self._error(400, "unknown subscription type")
        if version != _VERSIONS.get(sub_type, "1"):
            return self._error(400, "unsupported subscription version")
        if token.user_id is None:
            return self._error(400, "a user access token is required for a websocket transport")
        session = self.sessions.get(str(transport.get("session_id", "")))
        if transport.get("method") != "websocket" or session is None or session.closed:
            return self._error(400, "websocket transport session does not exist or has already disconnected")
        if sub_type in self.refuse_subscriptions:
            return self._error(*self.refuse_subscriptions[sub_type])
        if sub_type in self.refuse_once:
            return self._error(*self.refuse_once.pop(sub_type))
        scopes, owner_key = _SUB_RULES[sub_type]
        if owner_key is not None and (
            condition.get(owner_key) != token.user_id or (scopes and not set(scopes) & set(token.scopes))
        ):
            return self._error(403, "subscription missing proper authorization")
        for existing in self.subscribed(sub_type):
            if existing.condition == condition and existing.session_id == session.id:
                return self._error(409, f"subscription already exists id={existing.id}")
        sub = Subscription(
            id=str(uuid.uuid4()), type=sub_type, version=version, condition=dict(condition),
            session_id=session.id, user_id=token.user_id, created_at=now_rfc3339(),
        )  # fmt: skip
        self.subscriptions[sub.id] = sub
        data = {
            **sub.as_json(),
            "transport": {**sub.as_json()["transport"], "connected_at": session.connected_at},
        }
        return web.json_response(
            {"data": [data], "total": len(self.subscriptions), "total_cost": 0, "max_total_cost": 10},
            status=202,
        )

    async def _chat(self, token: Token, body: dict[str, Any], failure: _Failure | None) -> web.Response:
        sender = str(body.get("sender_id", ""))
        if "user:write:chat" not in token.scopes or token.user_id != sender:
            return self._error(403, "The sender must have authorized the app with the user:write:chat scope.")
        text = str(body.get("message", ""))
        if len(text) > 500:
            return self._error(400, "The message is too long.")
        parent = body.get("reply_parent_message_id")
        if parent is not None and parent not in self.delivered_chat_ids:
            return self._error(400, "The reply parent message ID is not valid.")
        if failure is not None and failure.drop is not None:
            code, message = failure.drop
            return web.json_response(
                {
                    "data": [
                        {
                            "message_id": "",
                            "is_sent": False,
                            "drop_reason": {"code": code, "message": message},
                        }
                    ]
                }
            )
        message_id = str(uuid.uuid4())
        self.chat.append({**body, "sender_login": self.users[sender].login, "message_id": message_id})
        if self.echo_chat and self.subscribed("channel.chat.message"):
            broadcaster = self.users[str(body.get("broadcaster_id"))]
            echo = chat_message_event(broadcaster, self.users[sender], text, message_id=message_id)
            task = self.spawn(self.notify("channel.chat.message", echo))
            if self.chat_answer_delay_s:  # the echo is on its way before the send is answered
                await task
                await asyncio.sleep(self.chat_answer_delay_s)
        return web.json_response({"data": [{"message_id": message_id, "is_sent": True, "drop_reason": None}]})

    def _moderator_ok(self, token: Token, q: Any, scope: str) -> web.Response | None:
        if q.get("broadcaster_id") not in self.users:
            return self._error(400, "The broadcaster_id query parameter is required.")
        if token.user_id != q.get("moderator_id") or scope not in token.scopes:
            return self._error(
                403, f"The user in moderator_id must have authorized the app with the {scope} scope."
            )
        return None

    def _ban(self, token: Token, q: Any, body: dict[str, Any]) -> web.Response:
        if (bad := self._moderator_ok(token, q, "moderator:manage:banned_users")) is not None:
            return bad
        data = body.get("data") or {}
        user_id = str(data.get("user_id", ""))
        if user_id not in self.users:
            return self._error(400, "The user_id field is required.")
        if user_id == q.get("broadcaster_id"):
            return self._error(400, "The user specified in the user_id field may not be banned.")
        duration = data.get("duration")
        created = datetime.now(UTC)
        end = None if duration is None else (created + timedelta(seconds=int(duration))).isoformat()
        self.bans.append({"user_id": user_id, "duration": duration, "reason": data.get("reason")})
        return web.json_response(
            {
                "data": [
                    {
                        "broadcaster_id": q["broadcaster_id"], "moderator_id": q["moderator_id"],
                        "user_id": user_id, "created_at": created.isoformat(), "end_time": end,
                    }
                ]
            }
        )  # fmt: skip

    def _unban(self, token: Token, q: Any) -> web.Response:
        if (bad := self._moderator_ok(token, q, "moderator:manage:banned_users")) is not None:
            return bad
        self.unbans.append({"user_id": q.get("user_id", "")})
        return web.Response(status=204)

    def _delete(self, token: Token, q: Any) -> web.Response:
        if (bad := self._moderator_ok(token, q, "moderator:manage:chat_messages")) is not None:
            return bad
        message_id = q.get("message_id")
        if message_id is not None and message_id not in self.delivered_chat_ids:
            return self._error(404, "The ID in message_id was not found.")
        self.deleted.append(message_id or "*")
        return web.Response(status=204)


# ---------------------------------------------------------------------- event bodies (Twitch's reference)


def _broadcaster(b: FakeUser, prefix: str = "broadcaster_user") -> dict[str, str]:
    return {f"{prefix}_id": b.id, f"{prefix}_login": b.login, f"{prefix}_name": b.display_name}


def _user(u: FakeUser | None) -> dict[str, str | None]:
    if u is None:
        return {"user_id": None, "user_login": None, "user_name": None}
    return {"user_id": u.id, "user_login": u.login, "user_name": u.display_name}


def chat_message_event(
    broadcaster: FakeUser,
    chatter: FakeUser,
    text: str,
    *,
    message_id: str | None = None,
    badges: Iterable[dict[str, str]] = (),
    reply_to: tuple[str, FakeUser, str] | None = None,
    bits: int | None = None,
    message_type: str = "text",
    color: str = "#B22222",
    source_broadcaster: FakeUser | None = None,
) -> dict[str, Any]:
    """``channel.chat.message`` v1 ``event``: every key, nulls included."""
    reply = None
    if reply_to is not None:
        parent_id, parent_user, parent_body = reply_to
        reply = {
            "parent_message_id": parent_id, "parent_message_body": parent_body,
            "parent_user_id": parent_user.id, "parent_user_name": parent_user.display_name,
            "parent_user_login": parent_user.login, "thread_message_id": parent_id,
            "thread_user_id": parent_user.id, "thread_user_name": parent_user.display_name,
            "thread_user_login": parent_user.login,
        }  # fmt: skip
    source = _broadcaster(source_broadcaster, "source_broadcaster_user") if source_broadcaster else {
        "source_broadcaster_user_id": None, "source_broadcaster_user_login": None,
        "source_broadcaster_user_name": None,
    }  # fmt: skip
    return {
        **_broadcaster(broadcaster),
        **source,
        "chatter_user_id": chatter.id,
        "chatter_user_login": chatter.login,
        "chatter_user_name": chatter.display_name,
        "message_id": message_id or str(uuid.uuid4()),
        "source_message_id": str(uuid.uuid4()) if source_broadcaster else None,
        "is_source_only": False if source_broadcaster else None,
        "message": {
            "text": text,
            "fragments": [{"type": "text", "text": text, "cheermote": None, "emote": None, "mention": None}],
        },
        "color": color,
        "badges": [
            {"set_id": b["set_id"], "id": b.get("id", "1"), "info": b.get("info", "")} for b in badges
        ],
        "source_badges": [] if source_broadcaster else None,
        "message_type": message_type,
        "cheer": None if bits is None else {"bits": bits},
        "reply": reply,
        "channel_points_custom_reward_id": None,
        "channel_points_animation_id": None,
    }


def follow_event(broadcaster: FakeUser, user: FakeUser) -> dict[str, Any]:
    """``channel.follow`` v2."""
    return {**_user(user), **_broadcaster(broadcaster), "followed_at": now_rfc3339()}


def subscribe_event(
    broadcaster: FakeUser, user: FakeUser, *, tier: str = "1000", is_gift: bool = False
) -> dict[str, Any]:
    """``channel.subscribe`` v1."""
    return {**_user(user), **_broadcaster(broadcaster), "tier": tier, "is_gift": is_gift}


def subscription_message_event(
    broadcaster: FakeUser,
    user: FakeUser,
    text: str,
    *,
    tier: str = "1000",
    cumulative_months: int = 15,
    streak_months: int | None = 1,
    duration_months: int = 6,
) -> dict[str, Any]:
    """``channel.subscription.message`` v1 (``streak_months`` is null when not shared)."""
    return {
        **_user(user), **_broadcaster(broadcaster), "tier": tier,
        "message": {"text": text, "emotes": [{"begin": 0, "end": 3, "id": "302976485"}]},
        "cumulative_months": cumulative_months, "streak_months": streak_months, "duration_months": duration_months,
    }  # fmt: skip


def subscription_gift_event(
    broadcaster: FakeUser,
    user: FakeUser | None,
    *,
    total: int,
    tier: str = "1000",
    cumulative_total: int | None = 284,
) -> dict[str, Any]:
    """``channel.subscription.gift`` v1 (user fields and ``cumulative_total`` null when anonymous)."""
    return {
        **_user(user), **_broadcaster(broadcaster), "total": total, "tier": tier,
        "cumulative_total": None if user is None else cumulative_total, "is_anonymous": user is None,
    }  # fmt: skip


def cheer_event(broadcaster: FakeUser, user: FakeUser | None, *, bits: int, message: str) -> dict[str, Any]:
    """``channel.cheer`` v1 (user fields null when anonymous)."""
    return {
        "is_anonymous": user is None,
        **_user(user),
        **_broadcaster(broadcaster),
        "message": message,
        "bits": bits,
    }


def raid_event(from_user: FakeUser, to_broadcaster: FakeUser, *, viewers: int) -> dict[str, Any]:
    """``channel.raid`` v1."""
    return {
        **_broadcaster(from_user, "from_broadcaster_user"),
        **_broadcaster(to_broadcaster, "to_broadcaster_user"),
        "viewers": viewers,
    }


def redemption_event(
    broadcaster: FakeUser, user: FakeUser, *, title: str, cost: int, user_input: str = "", prompt: str = ""
) -> dict[str, Any]:
    """``channel.channel_points_custom_reward_redemption.add`` v1."""
    return {
        "id": str(uuid.uuid4()), **_broadcaster(broadcaster), **_user(user), "user_input": user_input,
        "status": "unfulfilled",
        "reward": {"id": str(uuid.uuid4()), "title": title, "cost": cost, "prompt": prompt},
        "redeemed_at": now_rfc3339(),
    }  # fmt: skip


def stream_online_event(broadcaster: FakeUser, *, stream_type: str = "live") -> dict[str, Any]:
    """``stream.online`` v1."""
    return {
        "id": str(secrets.randbelow(10**10)),
        **_broadcaster(broadcaster),
        "type": stream_type,
        "started_at": now_rfc3339(),
    }


def stream_offline_event(broadcaster: FakeUser) -> dict[str, Any]:
    """``stream.offline`` v1: only the broadcaster's fields."""
    return _broadcaster(broadcaster)


def channel_update_event(
    broadcaster: FakeUser,
    *,
    title: str,
    category_name: str,
    category_id: str = "509658",
    language: str = "en",
) -> dict[str, Any]:
    """``channel.update`` v2."""
    return {
        **_broadcaster(broadcaster), "title": title, "language": language, "category_id": category_id,
        "category_name": category_name, "content_classification_labels": [],
    }  # fmt: skip
