"""A local stand-in for the VTube Studio public API (there is no Linux build of VTS).

Speaks the documented JSON over a ``websockets`` server on 127.0.0.1 (random port):
APIStateRequest, AuthenticationTokenRequest, AuthenticationRequest, HotkeysInCurrentModelRequest,
HotkeyTriggerRequest (by id, else the first hotkey of that name, case-insensitive; 202 unknown,
203 cooldown; a ToggleExpression hotkey toggles its expression), ExpressionActivationRequest,
InjectParameterDataRequest (recorded with timestamps; a parameter reverts after 1 s without
data) and EventSubscriptionRequest (TestEvent, ModelLoadedEvent).

Tests can drop every connection (``drop_connections``, or ``close_connections`` with a closing
handshake), refuse connections for a while, revoke tokens (every request of a logged-in
session is then answered with error 50 until it logs in again), turn the API off (error 1,
``APIStateResponse.active`` false) and on, load another model (new hotkey ids, a
``ModelLoadedEvent`` for the unload and the load) and add per-request latency jitter.
Behaviour follows DenchiSoft/VTubeStudio's README, Events/README.md and ErrorID.cs.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import time
import uuid
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from tests.support.standin import StandIn

API_NAME = "VTubeStudioPublicAPI"
API_VERSION = "1.0"
REVERT_AFTER_S = 1.0
OPEN_REQUESTS = frozenset({"APIStateRequest", "AuthenticationTokenRequest", "AuthenticationRequest"})


@dataclass(frozen=True, slots=True)
class FakeHotkey:
    name: str
    hotkey_id: str
    type: str = "ToggleExpression"
    file: str = ""


@dataclass(frozen=True, slots=True)
class Injection:
    t: float
    """The event loop's clock (``time.monotonic()`` unless a test runs a virtual one) when the
    stand-in received it."""
    parameter: str
    value: float
    weight: float
    mode: str


@dataclass(frozen=True, slots=True)
class FakeModel:
    model_id: str
    name: str
    hotkeys: tuple[FakeHotkey, ...]
    expressions: tuple[str, ...] = ("smile.exp3.json", "sad.exp3.json", "angry.exp3.json")


@dataclass(slots=True)
class _Session:
    ws: ServerConnection
    authenticated: bool = False
    revoked: bool = False
    """The user revoked the plugin while this session was logged in: requests get error 50."""
    events: dict[str, str] = field(default_factory=dict)
    """Subscribed event name -> the subscription's requestID."""
    test_message: str = ""


DEFAULT_HOTKEYS = (
    FakeHotkey("Smile", "hk-smile", "ToggleExpression", "smile.exp3.json"),
    FakeHotkey("Angry", "hk-angry", "ToggleExpression", "angry.exp3.json"),
    FakeHotkey("Neutral", "hk-neutral", "RemoveAllExpressions"),
    FakeHotkey("Wave", "hk-wave", "TriggerAnimation"),
)


def _now() -> float:
    """The running loop's clock (the same as ``time.monotonic()`` on a real loop)."""
    try:
        return asyncio.get_running_loop().time()
    except RuntimeError:
        return time.monotonic()


def _parse(raw: str | bytes) -> dict[str, Any] | None:
    try:
        msg = json.loads(raw)
    except ValueError:
        return None
    return msg if isinstance(msg, dict) else None


class FakeVTS(StandIn[dict[str, Any]]):
    """``async with FakeVTS() as vts: ...``; connect to ``vts.url``. ``requests`` holds every
    JSON request, in arrival order."""

    def __init__(
        self,
        *,
        hotkeys: tuple[FakeHotkey, ...] = DEFAULT_HOTKEYS,
        expressions: tuple[str, ...] = ("smile.exp3.json", "sad.exp3.json", "angry.exp3.json"),
        cooldown_s: float = 0.5,
        jitter_s: float = 0.0,
        deny_tokens: bool = False,
        model_id: str = "fake-model",
        model_name: str = "Fake Model",
    ) -> None:
        super().__init__()
        self.hotkeys = list(hotkeys)
        self.model_id = model_id
        self.model_name = model_name
        self.api_active = True
        """False while the user has the API turned off (every request but APIStateRequest gets error 1)."""
        self.errors: list[tuple[str, int]] = []
        """(request type, errorID) of every APIError sent, in order."""
        self._request_types: dict[str, str] = {}
        self.cooldown_s = cooldown_s
        self.jitter_s = jitter_s
        self.deny_tokens = deny_tokens
        self.valid_tokens: dict[str, tuple[str, str]] = {}
        """token -> (pluginName, pluginDeveloper)."""
        self.token_requests = 0
        self.token_request_times: list[float] = []
        """The loop's clock at each AuthenticationTokenRequest (each would be a popup for the user)."""
        self.auth_requests: list[tuple[str, bool]] = []
        """(token, authenticated) per AuthenticationRequest."""
        self.connections = 0
        self.response_order: list[str] = []
        """requestIDs in the order responses were sent (differs from request order under jitter)."""
        self.triggered: list[str] = []
        """hotkeyIDs executed, in order."""
        self.expressions: dict[str, bool] = dict.fromkeys(expressions, False)
        self.injections: list[Injection] = []
        self.reverts: dict[str, int] = {}
        """parameter -> how many times it reverted (a gap over 1 s between injections)."""
        self._last_trigger: dict[str, float] = {}
        self._last_inject: dict[str, float] = {}
        self._server: Server | None = None
        self._sessions: dict[ServerConnection, _Session] = {}
        self._refuse_until = 0.0
        self._event_counter = 0

    # lifecycle -----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}"

    async def _listen(self, port: int) -> int:
        self._server = await serve(
            self._handle, self.host, port, process_request=self._process_request, ping_interval=None
        )
        return int(next(iter(self._server.sockets)).getsockname()[1])

    async def _close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    # controls ------------------------------------------------------------------------------

    async def drop_connections(self, refuse_for_s: float = 0.0) -> None:
        """Abort every open connection; refuse new handshakes (HTTP 503) for ``refuse_for_s``."""
        self._refuse_until = _now() + refuse_for_s
        for ws in list(self._sessions):
            ws.transport.abort()
        self._sessions.clear()

    async def close_connections(self) -> None:
        """Close every open connection with a closing handshake (VTube Studio quitting)."""
        await asyncio.gather(*(ws.close() for ws in list(self._sessions)), return_exceptions=True)

    def revoke_tokens(self) -> None:
        """Forget every issued token (the user revoked the plugin in VTS's settings); logged-in
        sessions are refused with error 50 until they log in again."""
        self.valid_tokens.clear()
        for s in self._sessions.values():
            if s.authenticated:
                s.authenticated, s.revoked = False, True

    def set_api_active(self, active: bool) -> None:
        """Turn the plugin API off or on; open connections stay open."""
        self.api_active = active

    async def load_model(self, model: FakeModel) -> None:
        """Switch to ``model``: its hotkeys and expressions replace the old ones (none active),
        and subscribed sessions get a ModelLoadedEvent for the unload and one for the load."""
        old_id, old_name = self.model_id, self.model_name
        self.hotkeys = list(model.hotkeys)
        self.expressions = dict.fromkeys(model.expressions, False)
        self._last_trigger.clear()
        self.model_id, self.model_name = model.model_id, model.name
        await self._push("ModelLoadedEvent", {"modelLoaded": False, "modelName": old_name, "modelID": old_id})
        await self._push(
            "ModelLoadedEvent", {"modelLoaded": True, "modelName": model.name, "modelID": model.model_id}
        )

    async def _push(self, event: str, data: dict[str, Any]) -> int:
        """Send ``event`` to every session subscribed to it; returns how many got it."""
        sent = 0
        for s in list(self._sessions.values()):
            if event not in s.events:
                continue
            with contextlib.suppress(ConnectionClosed):
                await s.ws.send(json.dumps(self._envelope(event, s.events[event], data)))
                sent += 1
        return sent

    @property
    def open_sessions(self) -> int:
        return len(self._sessions)

    async def send_test_event(self, message: str | None = None) -> int:
        """Push a TestEvent to every subscribed session; returns how many received it."""
        self._event_counter += 1
        sent = 0
        for s in list(self._sessions.values()):
            if "TestEvent" not in s.events:
                continue
            data = {"yourTestMessage": message or s.test_message, "counter": self._event_counter}
            with contextlib.suppress(ConnectionClosed):
                await s.ws.send(json.dumps(self._envelope("TestEvent", s.events["TestEvent"], data)))
                sent += 1
        return sent

    def injection_requests(self) -> int:
        """How many InjectParameterDataRequests arrived, answered or refused."""
        return sum(1 for r in self.requests if r.get("messageType") == "InjectParameterDataRequest")

    # parameter state -----------------------------------------------------------------------

    def injected(self, parameter: str = "MouthOpen") -> list[Injection]:
        return [i for i in self.injections if i.parameter == parameter]

    def parameter_value(self, parameter: str = "MouthOpen", now: float | None = None) -> float | None:
        """The injected value in effect, or None once it reverted (no data for over 1 s)."""
        mine = self.injected(parameter)
        if not mine:
            return None
        now = _now() if now is None else now
        last = mine[-1]
        return last.value if now - last.t <= REVERT_AFTER_S else None

    # protocol ------------------------------------------------------------------------------

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        if _now() < self._refuse_until:
            return connection.respond(HTTPStatus.SERVICE_UNAVAILABLE, "VTube Studio is restarting\n")
        return None

    async def _handle(self, ws: ServerConnection) -> None:
        self.connections += 1
        session = _Session(ws)
        self._sessions[ws] = session
        try:
            async for raw in ws:
                msg = _parse(raw)
                if msg is not None:
                    self.requests.append(msg)  # in arrival order
                if self.jitter_s > 0:
                    self.spawn(self._answer_later(session, msg))
                else:
                    await self._answer(session, msg)
        except ConnectionClosed:
            pass
        finally:
            self._sessions.pop(ws, None)

    async def _answer_later(self, session: _Session, msg: dict[str, Any] | None) -> None:
        await asyncio.sleep(random.uniform(0, self.jitter_s))
        with contextlib.suppress(ConnectionClosed):
            await self._answer(session, msg)

    def _envelope(self, message_type: str, request_id: str, data: dict[str, Any]) -> dict[str, Any]:
        return {
            "apiName": API_NAME,
            "apiVersion": API_VERSION,
            "timestamp": int(time.time() * 1000),
            "messageType": message_type,
            "requestID": request_id,
            "data": data,
        }

    async def _answer(self, session: _Session, msg: dict[str, Any] | None) -> None:
        if msg is None:
            await self._send(session, "APIError", "", {"errorID": 2, "message": "JSON invalid"})
            return
        rid = str(msg.get("requestID", ""))
        if msg.get("apiName") != API_NAME:
            await self._error(session, rid, 3, "API name invalid")
            return
        if msg.get("apiVersion") != API_VERSION:
            await self._error(session, rid, 4, "API version invalid")
            return
        mtype = msg.get("messageType")
        self._request_types[rid] = str(mtype)
        if not isinstance(mtype, str) or not mtype:
            await self._error(session, rid, 6, "Request type missing or empty")
            return
        data = msg.get("data") or {}
        if not self.api_active and mtype != "APIStateRequest":
            await self._error(session, rid, 1, "API access deactivated")
            return
        if mtype not in OPEN_REQUESTS and session.revoked:
            await self._error(session, rid, 50, "User has denied API access for your plugin.")
            return
        if mtype not in OPEN_REQUESTS and not session.authenticated:
            await self._error(
                session,
                rid,
                8,
                "Current session is not authenticated. The only requests you can send without "
                "authenticating are: [APIStateRequest, AuthenticationTokenRequest, AuthenticationRequest]",
            )
            return
        handler = getattr(self, f"_on_{mtype}", None)
        if handler is None:
            await self._error(session, rid, 7, f"Request type unknown: {mtype}")
            return
        await handler(session, rid, data)

    async def _send(self, session: _Session, mtype: str, rid: str, data: dict[str, Any]) -> None:
        await session.ws.send(json.dumps(self._envelope(mtype, rid, data)))
        self.response_order.append(rid)

    async def _error(self, session: _Session, rid: str, error_id: int, message: str) -> None:
        self.errors.append((self._request_types.get(rid, ""), error_id))
        await self._send(session, "APIError", rid, {"errorID": error_id, "message": message})

    async def _on_APIStateRequest(self, s: _Session, rid: str, data: dict[str, Any]) -> None:
        await self._send(
            s,
            "APIStateResponse",
            rid,
            {
                "active": self.api_active,
                "vTubeStudioVersion": "1.9.0",
                "currentSessionAuthenticated": s.authenticated,
            },
        )

    async def _on_AuthenticationTokenRequest(self, s: _Session, rid: str, data: dict[str, Any]) -> None:
        self.token_requests += 1
        self.token_request_times.append(_now())
        name, dev = str(data.get("pluginName", "")), str(data.get("pluginDeveloper", ""))
        if not 3 <= len(name) <= 32:
            await self._error(s, rid, 52, "Plugin name invalid")
        elif not 3 <= len(dev) <= 32:
            await self._error(s, rid, 53, "Plugin developer invalid")
        elif self.deny_tokens:
            await self._error(s, rid, 50, "User has denied API access for your plugin.")
        else:
            token = uuid.uuid4().hex
            self.valid_tokens[token] = (name, dev)
            await self._send(s, "AuthenticationTokenResponse", rid, {"authenticationToken": token})

    async def _on_AuthenticationRequest(self, s: _Session, rid: str, data: dict[str, Any]) -> None:
        token = data.get("authenticationToken")
        if not token:
            await self._error(s, rid, 100, "Authentication token missing")
            return
        if not data.get("pluginName"):
            await self._error(s, rid, 101, "Plugin name missing")
            return
        if not data.get("pluginDeveloper"):
            await self._error(s, rid, 102, "Plugin developer missing")
            return
        ok = self.valid_tokens.get(str(token)) == (data["pluginName"], data["pluginDeveloper"])
        s.authenticated = ok
        s.revoked = s.revoked and not ok
        self.auth_requests.append((str(token), ok))
        reason = (
            "Token valid. The plugin is authenticated for the duration of this session."
            if ok
            else "Token invalid. The plugin is not authenticated."
        )
        await self._send(s, "AuthenticationResponse", rid, {"authenticated": ok, "reason": reason})

    async def _on_HotkeysInCurrentModelRequest(self, s: _Session, rid: str, data: dict[str, Any]) -> None:
        hotkeys = [
            {
                "name": h.name,
                "type": h.type,
                "description": h.type,
                "file": h.file,
                "hotkeyID": h.hotkey_id,
                "keyCombination": [],
                "onScreenButtonID": -1,
            }
            for h in self.hotkeys
        ]
        await self._send(
            s,
            "HotkeysInCurrentModelResponse",
            rid,
            {
                "modelLoaded": True,
                "modelName": self.model_name,
                "modelID": self.model_id,
                "availableHotkeys": hotkeys,
            },
        )

    async def _on_HotkeyTriggerRequest(self, s: _Session, rid: str, data: dict[str, Any]) -> None:
        wanted = str(data.get("hotkeyID", ""))
        found = next((h for h in self.hotkeys if h.hotkey_id == wanted), None) or next(
            (h for h in self.hotkeys if h.name and h.name.lower() == wanted.lower()), None
        )  # by id, else the first of that name in UI order
        if found is None:
            await self._error(s, rid, 202, f"Hotkey {wanted!r} not found in the current model")
            return
        now = _now()
        last = self._last_trigger.get(found.hotkey_id)
        if last is not None and now - last < self.cooldown_s:
            await self._error(s, rid, 203, "Hotkey cooldown not over")
            return
        self._last_trigger[found.hotkey_id] = now
        self.triggered.append(found.hotkey_id)
        if found.type == "ToggleExpression" and found.file in self.expressions:
            self.expressions[found.file] = not self.expressions[found.file]
        elif found.type == "RemoveAllExpressions":
            self.expressions = dict.fromkeys(self.expressions, False)
        await self._send(s, "HotkeyTriggerResponse", rid, {"hotkeyID": found.hotkey_id})

    async def _on_ExpressionActivationRequest(self, s: _Session, rid: str, data: dict[str, Any]) -> None:
        file = str(data.get("expressionFile", ""))
        if not file.endswith(".exp3.json"):
            await self._error(s, rid, 650, "Expression file name invalid")
            return
        if file not in self.expressions:
            await self._error(s, rid, 651, f"Expression file {file!r} not found")
            return
        self.expressions[file] = bool(data.get("active", True))
        await self._send(s, "ExpressionActivationResponse", rid, {})

    async def _on_InjectParameterDataRequest(self, s: _Session, rid: str, data: dict[str, Any]) -> None:
        values = data.get("parameterValues")
        if not isinstance(values, list) or not values:
            await self._error(s, rid, 450, "No data provided")
            return
        mode = str(data.get("mode", "set"))
        if mode not in ("set", "add"):
            await self._error(s, rid, 455, "Mode unknown")
            return
        parsed: list[tuple[str, float, float]] = []
        for v in values:
            value, weight = v.get("value"), v.get("weight", 1.0)
            if not isinstance(value, (int, float)) or not -1_000_000 <= value <= 1_000_000:
                await self._error(s, rid, 451, "Value invalid")
                return
            if not isinstance(weight, (int, float)) or not 0 <= weight <= 1:
                await self._error(s, rid, 452, "Weight invalid")
                return
            parsed.append((str(v.get("id")), float(value), float(weight)))
        now = _now()
        for pid, value, weight in parsed:
            prev = self._last_inject.get(pid)
            if prev is not None and now - prev > REVERT_AFTER_S:
                self.reverts[pid] = self.reverts.get(pid, 0) + 1
            self._last_inject[pid] = now
            self.injections.append(Injection(now, pid, value, weight, mode))
        await self._send(s, "InjectParameterDataResponse", rid, {})

    async def _on_EventSubscriptionRequest(self, s: _Session, rid: str, data: dict[str, Any]) -> None:
        name = data.get("eventName")
        subscribe = bool(data.get("subscribe", True))
        if not name and not subscribe:
            s.events.clear()
        elif name not in ("TestEvent", "ModelLoadedEvent"):
            await self._error(s, rid, 950, f"Event type unknown: {name}")
            return
        elif subscribe:
            s.events[name] = rid
            if name == "TestEvent":
                s.test_message = str((data.get("config") or {}).get("testMessageForEvent", ""))
        else:
            s.events.pop(name, None)
        await self._send(
            s,
            "EventSubscriptionResponse",
            rid,
            {"subscribedEventCount": len(s.events), "subscribedEvents": sorted(s.events)},
        )
