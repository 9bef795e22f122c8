"""The project's own asyncio client for the VTube Studio public API (websocket JSON).

One connection, one reader task, a ``requestID -> Future`` map (concurrent requests are
matched by id, never by arrival order), pushed events routed to registered callbacks,
``APIError`` turned into :class:`VTSError`, and a supervisor that keeps the session going:

- it connects and logs in with the stored token, and asks for a new one when VTube Studio
  refuses it (``authenticated: false``);
- a request answered with error 8 or 50 (the user revoked the plugin) makes it log in again
  on the same socket, backing off while that keeps happening;
- a request answered with error 1 (the user turned the API off) makes it ask
  ``APIStateRequest`` with back-off (at most ``api_poll_max_s`` apart) and go on as soon as
  the API is on again;
- a lost connection is opened again with back-off up to ``reconnect_max_s``; a failed login
  backs off up to ``backoff_max_s``, so a user who said no is not asked every few seconds.

While not logged in, :meth:`VTSClient.request` fails at once with :class:`VTSNotConnected`:
callers on the show's hot path never wait for VTube Studio, and nothing is sent that would
only be refused.

Over 400 lines on purpose: the connection, request matching, authentication and the
supervisor share one socket's state and are only correct together.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import itertools
import json
import logging
import random
import uuid
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from engines.backends import BackendError, BackendTimeout
from engines.tokens import MemoryTokenStore, NullTokenStore, TokenStore
from integrations.vtube_studio.errors import (
    BACKEND,
    ERR_API_OFF,
    LOGIN_AGAIN,
    VTSError,
    VTSHotkeyCooldown,
    VTSNotConnected,
    VTSUnknownHotkey,
)

__all__ = [
    "API_NAME",
    "API_VERSION",
    "DEFAULT_URL",
    "EventCallback",
    "MemoryTokenStore",
    "NullTokenStore",
    "TokenStore",
    "VTSClient",
    "VTSError",
    "VTSHotkeyCooldown",
    "VTSNotConnected",
    "VTSUnknownHotkey",
]

log = logging.getLogger(__name__)

API_NAME = "VTubeStudioPublicAPI"
API_VERSION = "1.0"
DEFAULT_URL = "ws://localhost:8001"

EventCallback = Callable[[str, dict[str, Any]], Awaitable[None] | None]
"""Called with (event name, event data) for every pushed event of a subscribed type."""
ReadyCallback = Callable[[], Awaitable[None] | None]
"""Called after every login (first connection, reconnection, login again, API back on)."""


class VTSClient:
    """``await client.start()`` connects in the background; :meth:`wait_ready` waits for it."""

    def __init__(
        self,
        url: str = DEFAULT_URL,
        *,
        plugin_name: str = "AI VTuber Bot",
        plugin_developer: str = "AI VTuber Bot",
        plugin_icon: str | None = None,
        token_store: TokenStore | None = None,
        request_timeout_s: float = 5.0,
        connect_timeout_s: float = 5.0,
        token_timeout_s: float = 120.0,
        backoff_initial_s: float = 0.5,
        backoff_max_s: float = 30.0,
        reconnect_max_s: float = 2.0,
        api_poll_max_s: float = 1.0,
    ) -> None:
        if not 3 <= len(plugin_name) <= 32 or not 3 <= len(plugin_developer) <= 32:
            raise ValueError("plugin_name and plugin_developer must be 3 to 32 characters")
        self.url = url
        self.plugin_name = plugin_name
        self.plugin_developer = plugin_developer
        self.plugin_icon = plugin_icon
        self.token_store: TokenStore = token_store if token_store is not None else MemoryTokenStore()
        self.request_timeout_s = request_timeout_s
        self.connect_timeout_s = connect_timeout_s
        self.token_timeout_s = token_timeout_s
        self.backoff_initial_s = backoff_initial_s
        self.backoff_max_s = backoff_max_s
        self.reconnect_max_s = reconnect_max_s
        self.api_poll_max_s = api_poll_max_s
        self.epoch = 0
        """Incremented on every login (connection, login again, API back on); lets callers log
        once per outage."""
        self.last_error: BaseException | None = None
        self._ws: ClientConnection | None = None
        self._pending: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._ids = itertools.count(1)
        self._prefix = uuid.uuid4().hex[:8]
        self._ready = asyncio.Event()
        self._trouble = asyncio.Event()
        self._trouble_error: VTSError | None = None
        self._down_reason = "not connected"
        self._relogins = 0
        self._attempt = 0
        self._outage = False
        self._closing = False
        self._supervisor: asyncio.Task[None] | None = None
        self._callbacks: dict[str, list[EventCallback]] = {}
        self._ready_callbacks: list[ReadyCallback] = []
        self._subscriptions: dict[str, dict[str, Any] | None] = {}
        self._callback_tasks: set[asyncio.Task[Any]] = set()

    # lifecycle -----------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        """True while a logged-in connection is open and the API is on."""
        return self._ready.is_set()

    async def start(self) -> None:
        if self._supervisor is None:
            self._closing = False
            self._supervisor = asyncio.create_task(self._supervise(), name="vts-supervisor")

    async def wait_ready(self, timeout_s: float | None = None) -> None:
        """Wait until connected and authenticated; raises :class:`BackendTimeout`."""
        try:
            await asyncio.wait_for(self._ready.wait(), timeout_s)
        except TimeoutError:
            detail = f" (last error: {self.last_error})" if self.last_error else ""
            raise BackendTimeout(BACKEND, f"not connected within {timeout_s}s{detail}") from None

    async def close(self) -> None:
        self._closing = True
        self._ready.clear()
        ws = self._ws
        if ws is not None:
            await ws.close()
        if self._supervisor is not None:
            self._supervisor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._supervisor
            self._supervisor = None
        for task in list(self._callback_tasks):
            task.cancel()
        self._fail_pending(VTSNotConnected("client closed"))

    async def __aenter__(self) -> VTSClient:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # requests ------------------------------------------------------------------------------

    async def request(
        self, message_type: str, data: Mapping[str, Any] | None = None, *, timeout_s: float | None = None
    ) -> dict[str, Any]:
        """Send ``<Type>Request`` and return the response's ``data``.

        Raises :class:`VTSNotConnected` at once when not logged in (or the API is off),
        :class:`VTSError` on ``APIError``, :class:`BackendTimeout` after ``timeout_s``.
        """
        if not self._ready.is_set():
            raise VTSNotConnected(self._down_reason)
        epoch = self.epoch
        try:
            body = await self._call(message_type, data, timeout_s)
        except VTSError as e:
            if e.error_id in LOGIN_AGAIN or e.error_id == ERR_API_OFF:
                self._session_lost(e, epoch)
            raise
        self._relogins = 0
        return body

    def _session_lost(self, error: VTSError, epoch: int) -> None:
        """Stop sending and hand the session to the supervisor (once per login)."""
        if not self._ready.is_set() or epoch != self.epoch:
            return  # an answer to a request sent before the last login
        self._ready.clear()
        self._down_reason = "API turned off" if error.error_id == ERR_API_OFF else "logging in again"
        self._trouble_error = error
        self._trouble.set()

    async def _call(
        self, message_type: str, data: Mapping[str, Any] | None, timeout_s: float | None
    ) -> dict[str, Any]:
        ws = self._ws
        if ws is None:
            raise VTSNotConnected()
        rid = f"{self._prefix}-{next(self._ids)}"
        msg: dict[str, Any] = {
            "apiName": API_NAME,
            "apiVersion": API_VERSION,
            "requestID": rid,
            "messageType": message_type,
        }
        if data is not None:
            msg["data"] = dict(data)
        fut: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[rid] = fut
        timeout = self.request_timeout_s if timeout_s is None else timeout_s
        try:
            try:
                await ws.send(json.dumps(msg))
            except ConnectionClosed:
                raise VTSNotConnected("connection closed while sending") from None
            response = await asyncio.wait_for(fut, timeout)
        except TimeoutError:
            raise BackendTimeout(BACKEND, f"{message_type} got no response within {timeout:.1f}s") from None
        finally:
            self._pending.pop(rid, None)
            _settle(fut)
        body = response.get("data")
        body = body if isinstance(body, dict) else {}
        if response.get("messageType") == "APIError":
            raise VTSError.from_data(body)
        return body

    # typed helpers -------------------------------------------------------------------------

    async def api_state(self) -> dict[str, Any]:
        return await self.request("APIStateRequest")

    async def current_hotkeys(self) -> dict[str, Any]:
        """``HotkeysInCurrentModelResponse``'s data: modelLoaded, modelID, modelName and
        availableHotkeys (in the order VTube Studio shows them)."""
        return await self.request("HotkeysInCurrentModelRequest", {})

    async def hotkeys(self) -> list[dict[str, Any]]:
        """The current model's hotkeys (each has name, type, file, hotkeyID, ...)."""
        found = (await self.current_hotkeys()).get("availableHotkeys")
        return [h for h in found if isinstance(h, dict)] if isinstance(found, list) else []

    async def trigger_hotkey(self, hotkey: str, *, timeout_s: float | None = None) -> str:
        """Trigger by unique id or (case-insensitive) name; returns the hotkey's id."""
        data = await self.request("HotkeyTriggerRequest", {"hotkeyID": hotkey}, timeout_s=timeout_s)
        return str(data.get("hotkeyID", hotkey))

    async def activate_expression(
        self,
        expression_file: str,
        *,
        active: bool = True,
        fade_s: float = 0.25,
        timeout_s: float | None = None,
    ) -> None:
        await self.request(
            "ExpressionActivationRequest",
            {"expressionFile": expression_file, "fadeTime": min(max(fade_s, 0.0), 2.0), "active": active},
            timeout_s=timeout_s,
        )

    async def inject_parameters(
        self,
        values: Mapping[str, float],
        *,
        face_found: bool = False,
        mode: str = "set",
        timeout_s: float | None = None,
    ) -> None:
        await self.request(
            "InjectParameterDataRequest",
            {
                "faceFound": face_found,
                "mode": mode,
                "parameterValues": [{"id": k, "value": float(v)} for k, v in values.items()],
            },
            timeout_s=timeout_s,
        )

    # events --------------------------------------------------------------------------------

    def on_event(self, event_name: str, callback: EventCallback) -> None:
        """Register ``callback`` for pushed events named ``event_name`` (e.g. "TestEvent")."""
        self._callbacks.setdefault(event_name, []).append(callback)

    def on_ready(self, callback: ReadyCallback) -> None:
        """Register ``callback`` to run after every login (the model may have changed)."""
        self._ready_callbacks.append(callback)

    async def subscribe(self, event_name: str, config: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Subscribe now and again after every login."""
        conf = dict(config) if config is not None else None
        data = await self.request("EventSubscriptionRequest", self._sub_data(event_name, conf, True))
        self._subscriptions[event_name] = conf
        return data

    def keep_subscribed(self, event_name: str, config: Mapping[str, Any] | None = None) -> None:
        """Subscribe at every login from now on (at the next one if not connected now)."""
        self._subscriptions[event_name] = dict(config) if config is not None else None

    async def unsubscribe(self, event_name: str) -> None:
        self._subscriptions.pop(event_name, None)
        await self.request("EventSubscriptionRequest", self._sub_data(event_name, None, False))

    @staticmethod
    def _sub_data(name: str, config: dict[str, Any] | None, subscribe: bool) -> dict[str, Any]:
        data: dict[str, Any] = {"eventName": name, "subscribe": subscribe}
        if config is not None:
            data["config"] = config
        return data

    def _dispatch_event(self, name: str, data: dict[str, Any]) -> None:
        for cb in self._callbacks.get(name, []):
            self._run_callback(cb, name, data)

    def _run_callback(self, cb: Callable[..., Awaitable[None] | None], *args: Any) -> None:
        try:
            result = cb(*args)
        except Exception:
            log.exception("VTube Studio callback %r failed", cb)
            return
        if inspect.isawaitable(result):
            task = asyncio.ensure_future(result)
            self._callback_tasks.add(task)
            task.add_done_callback(self._callback_done)

    def _callback_done(self, task: asyncio.Future[Any]) -> None:
        self._callback_tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("VTube Studio callback failed: %r", task.exception())

    # connection ----------------------------------------------------------------------------

    async def _supervise(self) -> None:
        while not self._closing:
            login_failed = False
            try:
                ws = await connect(
                    self.url, open_timeout=self.connect_timeout_s, ping_interval=10, ping_timeout=10
                )
            except (OSError, InvalidHandshake, TimeoutError) as e:
                self.last_error = e
            else:
                self._ws = ws
                reader = asyncio.create_task(self._read(ws), name="vts-reader")
                try:
                    await self._serve(reader)
                    self.last_error = VTSNotConnected("connection closed by VTube Studio")
                except (BackendError, ConnectionClosed) as e:
                    self.last_error = e
                    # refused or unanswered (not a dropped connection): don't ask again soon
                    login_failed = isinstance(e, BackendError) and not isinstance(e, VTSNotConnected)
                except Exception as e:  # anything else (a bug, a token store error): reconnect, never die
                    log.exception("VTube Studio session failed unexpectedly")
                    self.last_error = e
                    login_failed = True
                finally:
                    self._ready.clear()
                    self._down_reason = "not connected"
                    self._ws = None
                    reader.cancel()
                    with contextlib.suppress(asyncio.CancelledError, Exception):
                        await reader
                    await ws.close()
                    self._fail_pending(VTSNotConnected("connection lost"))
            if self._closing:
                break
            if not self._outage:
                log.warning("VTube Studio unavailable at %s (%s); reconnecting", self.url, self.last_error)
                self._outage = True
            cap = self.backoff_max_s if login_failed else min(self.backoff_max_s, self.reconnect_max_s)
            delay = min(cap, self.backoff_initial_s * 2**self._attempt)
            self._attempt = min(self._attempt + 1, 30)
            await asyncio.sleep(delay * random.uniform(0.8, 1.2))

    async def _serve(self, reader: asyncio.Task[None]) -> None:
        """Log in, then keep the session logged in until the connection ends (returns) or a
        login fails (raises)."""
        while True:
            try:
                await self._login()
            except VTSError as e:
                if e.error_id != ERR_API_OFF:
                    raise
                self._trouble_error = e
            else:
                self._go_ready()
                if not await self._until(reader, self._trouble.wait()):
                    return
            trouble = self._trouble_error
            self._trouble.clear()
            if trouble is not None and trouble.error_id == ERR_API_OFF:
                if not await self._wait_api_on(reader):
                    return
                continue
            self._relogins += 1
            delay = min(self.backoff_max_s, self.backoff_initial_s * 2 ** (self._relogins - 1))
            log.warning(
                "VTube Studio refused a request as not logged in (%s; revoked?); logging in again in %.1f s",
                trouble,
                delay,
            )
            if not await self._until(reader, asyncio.sleep(delay)):
                return

    async def _wait_api_on(self, reader: asyncio.Task[None]) -> bool:
        """Ask ``APIStateRequest`` with back-off until the API is on; False if the
        connection ended first."""
        log.warning("VTube Studio's API is turned off; waiting for it to be turned on again")
        delay = min(self.backoff_initial_s, self.api_poll_max_s)
        while True:
            if not await self._until(reader, asyncio.sleep(delay)):
                return False
            try:
                state = await self._call("APIStateRequest", None, None)
            except VTSError as e:
                if e.error_id != ERR_API_OFF:
                    raise
                state = {}
            if state.get("active") is True:
                log.info("VTube Studio's API is on again")
                return True
            delay = min(self.api_poll_max_s, delay * 2)

    @staticmethod
    async def _until(reader: asyncio.Task[None], awaitable: Awaitable[Any]) -> bool:
        """Await ``awaitable`` unless the connection ends first; True when it finished."""
        other = asyncio.ensure_future(awaitable)
        try:
            await asyncio.wait({reader, other}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            other.cancel()
        return not reader.done()

    async def _login(self) -> None:
        await self._authenticate()
        for name, conf in list(self._subscriptions.items()):
            await self._call("EventSubscriptionRequest", self._sub_data(name, conf, True), None)

    def _go_ready(self) -> None:
        self.epoch += 1
        self._attempt = 0
        self.last_error = None
        self._trouble_error = None
        self._trouble.clear()
        if self._outage:
            log.info("VTube Studio reconnected at %s", self.url)
        elif self.epoch == 1:
            log.info("VTube Studio connected at %s", self.url)
        else:
            log.info("VTube Studio session logged in again")
        self._outage = False
        self._ready.set()
        for cb in list(self._ready_callbacks):
            self._run_callback(cb)

    async def _authenticate(self) -> None:
        try:
            token = await self.token_store.load()
        except Exception as exc:  # e.g. the database is down: ask VTube Studio for a new token
            log.warning(
                "could not load the VTube Studio token (%s); requesting a new one", type(exc).__name__
            )
            token = None
        if token and await self._auth_with(token):
            return
        if token:
            log.warning("VTube Studio rejected the stored token; requesting a new one")
        data: dict[str, Any] = {"pluginName": self.plugin_name, "pluginDeveloper": self.plugin_developer}
        if self.plugin_icon:
            data["pluginIcon"] = self.plugin_icon
        resp = await self._call("AuthenticationTokenRequest", data, self.token_timeout_s)
        new_token = resp.get("authenticationToken")
        if not isinstance(new_token, str) or not new_token:
            raise BackendError(BACKEND, "AuthenticationTokenResponse carried no token")
        try:
            await self.token_store.save(new_token)
        except Exception as exc:  # the show goes on; the streamer is asked to allow it again next time
            log.warning(
                "could not store the VTube Studio token (%s); using it for this session", type(exc).__name__
            )
        if not await self._auth_with(new_token):
            raise BackendError(BACKEND, "authentication failed with a freshly issued token")

    async def _auth_with(self, token: str) -> bool:
        resp = await self._call(
            "AuthenticationRequest",
            {
                "pluginName": self.plugin_name,
                "pluginDeveloper": self.plugin_developer,
                "authenticationToken": token,
            },
            None,
        )
        return resp.get("authenticated") is True

    async def _read(self, ws: ClientConnection) -> None:
        try:
            await self._read_messages(ws)
        finally:  # requests still waiting (a login among them) fail now, not at their timeout
            self._fail_pending(VTSNotConnected("connection lost"))

    async def _read_messages(self, ws: ClientConnection) -> None:
        with contextlib.suppress(ConnectionClosed):
            async for raw in ws:
                try:
                    msg = json.loads(raw)
                except ValueError:
                    log.warning("VTube Studio sent invalid JSON; ignored")
                    continue
                if not isinstance(msg, dict):
                    continue
                mtype = str(msg.get("messageType", ""))
                rid = msg.get("requestID")
                data = msg.get("data")
                data = data if isinstance(data, dict) else {}
                fut = self._pending.get(rid) if isinstance(rid, str) else None
                if mtype.endswith("Event") and not mtype.endswith("Response"):
                    self._dispatch_event(mtype, data)
                elif fut is not None and not fut.done():
                    fut.set_result(msg)
                else:
                    log.debug("VTube Studio message %s (%s) matched no request", mtype, rid)

    def _fail_pending(self, error: BaseException) -> None:
        for fut in self._pending.values():
            if not fut.done():
                fut.set_exception(error)
        self._pending.clear()


def _settle(fut: asyncio.Future[Any]) -> None:
    """A request is over: cancel its future, or mark a failure set on it as seen (a request
    that gave up while sending must not leave 'exception was never retrieved' behind)."""
    if not fut.done():
        fut.cancel()
    elif not fut.cancelled():
        fut.exception()
