"""The one place where twitchio 3.3.2 is adjusted. README ("Connect Twitch") explains each point.

1. **Base URLs.** twitchio has no option for them: Helix and OAuth bases are class
   variables on ``twitchio.http.Route`` and the EventSub address is the module global
   ``twitchio.eventsub.websockets.WSS``. :func:`point_at` sets all three from the settings
   (a proxy, or the test stand-in). They are process-wide.
2. **Reconnect without loss.** On ``session_reconnect`` twitchio opens the new socket from
   inside the old socket's read loop, so notifications Twitch still sends on the old socket
   meanwhile are never read and are dropped when it closes. The move now runs beside the
   read loop, which keeps reading until the new socket is welcomed. While a move is pending
   the old socket does not start twitchio's own full reconnect when it closes or misses a
   keepalive (the move replaces it), and :func:`stop_reconnects` cancels pending moves and
   reconnects (closing their sockets) when a session ends.
3. **stream.offline.** Twitch's ``stream.offline`` event has only the broadcaster fields,
   but twitchio's model also reads ``id``, so every real stream.offline would be dropped.
4. **Unreadable messages.** twitchio's read loop reads ``metadata.message_type`` outside any
   ``try``: one message without it would end the loop, and the events after it would be lost
   until the keepalive timeout. A notification twitchio cannot parse (a missing key) is
   logged at CRITICAL with a traceback. Now every message is checked first, and an unreadable
   one (not JSON, no metadata, or a payload twitchio cannot read) is dropped and reported to
   the client as one ``malformed_notification`` event, which logs and counts it.
5. **Helix answers.** twitchio's ``HTTPClient.request`` sends a request again 3 s after a 503,
   chat messages included, so a message Twitch posted before answering 503 would be posted
   twice; and its error drops the response headers, so ``Ratelimit-Reset`` cannot be read.
   Now a chat send is never repeated here (the adapter decides what to retry), and every HTTP
   error is a :class:`~integrations.twitch.errors.HelixHTTPException` carrying
   ``Ratelimit-Remaining`` and ``Ratelimit-Reset``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import twitchio
import twitchio.eventsub.websockets as tio_websockets
from multidict import CIMultiDictProxy
from twitchio.eventsub.websockets import Websocket
from twitchio.http import HTTPClient, Route, json_or_text
from twitchio.models.eventsub_ import BaseEvent
from twitchio.utils import _from_json

from integrations.twitch.errors import HelixHTTPException

log = logging.getLogger(__name__)
_tio_log = logging.getLogger("twitchio.http")
"""twitchio's own request log lines, kept."""
_MALFORMED = "_vtuber_malformed"
"""Key of the stand-in envelope that carries an unreadable message to the notification handler."""
_moves: dict[int, tuple[Websocket, asyncio.Task[None]]] = {}
"""Pending moves to a reconnect URL, by ``id()`` of the old socket (twitchio's sockets have slots)."""
_installed = False
Handler = Callable[[Websocket, Any], Coroutine[Any, Any, None]]


def point_at(*, helix_url: str, oauth_url: str, eventsub_ws_url: str) -> None:
    """Send every twitchio request and websocket to these bases (process-wide)."""
    twitchio.Route.BASE = helix_url
    twitchio.Route.ID_BASE = oauth_url
    tio_websockets.WSS = eventsub_ws_url


class StreamOffline(twitchio.StreamOffline):
    """``stream.offline`` as Twitch documents it: broadcaster fields only, no ``id``."""

    subscription_type = "stream.offline"

    def __init__(self, payload: Any, *, http: Any) -> None:
        self.broadcaster = twitchio.PartialUser(
            payload["broadcaster_user_id"],
            payload["broadcaster_user_login"],
            payload["broadcaster_user_name"],
            http=http,
        )
        self.id = str(payload.get("id") or "")


def _checked(original: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """twitchio's JSON parser, returning a stand-in notification for what its read loop cannot read."""

    def parse(text: Any) -> Any:
        try:
            data = original(text)
        except Exception as exc:
            data, problem = None, f"not JSON ({type(exc).__name__})"
        else:
            meta = data.get("metadata") if isinstance(data, dict) else None
            if isinstance(meta, dict) and isinstance(meta.get("message_type"), str):
                return data
            problem = "no metadata.message_type"
        meta = data.get("metadata") if isinstance(data, dict) else None
        meta = meta if isinstance(meta, dict) else {}
        return {
            "metadata": {
                "message_type": "notification",
                "subscription_type": str(meta.get("subscription_type", "?")),
                "message_id": str(meta.get("message_id", "?")),
            },
            _MALFORMED: problem,
        }

    return parse


def _guarded(original: Handler) -> Handler:
    """A message handler that reports an unreadable message to the client instead of raising."""

    async def handle(self: Websocket, data: Any) -> None:
        problem = data.get(_MALFORMED) if isinstance(data, dict) else "not a JSON object"
        if problem is None:
            try:
                return await original(self, data)
            except Exception as exc:
                problem = f"{type(exc).__name__}: {exc}"[:200]
        meta = data.get("metadata", {}) if isinstance(data, dict) else {}
        info = {
            "subscription_type": str(meta.get("subscription_type", "?")),
            "message_id": str(meta.get("message_id", "?")),
            "problem": str(problem),
        }
        if self._client is not None:
            self._client.dispatch("malformed_notification", payload=info)
        else:
            log.warning("dropped an unreadable EventSub message: %s", info)

    return handle


async def _move(old: Websocket, url: str) -> None:
    """twitchio's ``Websocket._reconnect``, run beside the old socket's reader; closes the new
    socket when cancelled."""
    new = Websocket(
        keep_alive_timeout=old._keep_alive_timeout, reconnect_attempts=old._original_attempts,
        client=old._client, token_for=old._token_for, http=old._http, shard_id=old._shard_id,
    )  # fmt: skip
    new._subscriptions = old._subscriptions
    try:
        await new.connect(url=url, reconnect=False, fail_once=True)
    except asyncio.CancelledError:
        await new.close()
        raise
    except Exception as exc:
        log.warning("could not open the reconnect URL (%s); reconnecting afresh", type(exc).__name__)
        await old.connect(reconnect=True)
        return
    if old._client is not None and old._token_for is not None and new.session_id is not None:
        old._client._websockets[old._token_for][new.session_id] = new
    await old.close()


async def _move_beside_reader(self: Websocket, data: Any) -> None:
    if id(self) in _moves:  # a second reconnect message while moving: the move is under way
        return
    key = id(self)
    task = asyncio.create_task(
        _move(self, str(data["payload"]["session"]["reconnect_url"])), name="twitch-eventsub-reconnect"
    )
    _moves[key] = (self, task)
    task.add_done_callback(lambda _task: _moves.pop(key, None))


async def stop_reconnects(client: twitchio.Client) -> None:
    """Cancel the moves and twitchio reconnects still running for ``client`` (a session ends)."""
    tasks = [task for socket, task in list(_moves.values()) if socket._client is client]
    for group in client._websockets.values():
        for socket in group.values():
            tasks.extend(socket._connection_tasks)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def _number(headers: CIMultiDictProxy[str], name: str) -> float | None:
    try:
        return float(headers[name])
    except (KeyError, ValueError):
        return None


async def _request(self: HTTPClient, route: Route) -> Any:
    """twitchio 3.3.2's ``HTTPClient.request``, without the retry of a chat send after a 503, and
    with the Ratelimit headers on the error."""
    if not self._session_set:
        await self._init_session()
    assert self._session is not None
    name = self.__class__.__qualname__
    _tio_log.debug("Attempting a request to %r with %s.", route, name)
    route.headers.update(self.headers)
    chat_send = route.method == "POST" and route.path.strip("/") == "chat/messages"
    retried = False
    while True:
        async with self._session.request(
            route.method, route.url, headers=route.headers, json=route.json or None
        ) as resp:
            data = await json_or_text(resp)
            _tio_log.debug("Request to %r with %s returned: status=%d", route, name, resp.status)
            if resp.status == 503 and not retried and not chat_send:  # twitchio's one retry, kept elsewhere
                retried = True
                await asyncio.sleep(3)
                continue
            if resp.status >= 400:
                remaining = _number(resp.headers, "Ratelimit-Remaining")
                raise HelixHTTPException(
                    f"Request {route} failed with status {resp.status}: {data}",
                    route=route, status=resp.status, extra=data,
                    remaining=None if remaining is None else int(remaining),
                    reset_at=_number(resp.headers, "Ratelimit-Reset"),
                )  # fmt: skip
            if resp.status == 204:
                return None
        return data


def install() -> None:
    """Apply points 2 to 5 once (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    BaseEvent._registry["stream.offline"] = StreamOffline
    websocket = tio_websockets.Websocket
    reconnect_afresh = websocket._create_connection_task

    async def reconnect_unless_moving(self: Websocket) -> None:
        if id(self) not in _moves:  # a pending move replaces this socket
            await reconnect_afresh(self)

    HTTPClient.request = _request  # type: ignore[method-assign]
    tio_websockets._from_json = _checked(_from_json)  # type: ignore[attr-defined]
    websocket._create_connection_task = reconnect_unless_moving  # type: ignore[method-assign]
    websocket._process_reconnect = _guarded(_move_beside_reader)  # type: ignore[method-assign,assignment]
    websocket._process_notification = _guarded(websocket._process_notification)  # type: ignore[method-assign,assignment]
    websocket._process_welcome = _guarded(websocket._process_welcome)  # type: ignore[method-assign,assignment]
    websocket._process_revocation = _guarded(websocket._process_revocation)  # type: ignore[method-assign,assignment]
