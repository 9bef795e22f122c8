"""Captions, alerts and scene switches in OBS Studio over obs-websocket v5 (obsws-python).

obsws-python is synchronous and its ``ReqClient`` is not thread-safe, so every call runs in
one dedicated worker thread (a single-thread executor): the event loop never blocks and
two requests are never in flight at once.

Nothing here raises into the show: while OBS is down, ``caption``/``alert``/``switch_scene``
return False at once, the outage is logged once (not once per call), and a background task
reconnects with exponential backoff. ``connect()`` and ``setup()`` are the explicit calls
that raise :class:`BackendError` (a wrong password is ``retryable=False``).

The password never reaches a log line or an error message: obsws-python logs it at INFO
(and its ``repr`` shows it), so its logger is held at WARNING and its own records are
dropped; this adapter reports failures itself, without secrets.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import socket
from collections.abc import Callable
from typing import Any, TypeVar

import obsws_python as obs  # type: ignore[import-untyped]
from pydantic import SecretStr

from engines.backends import BackendError
from integrations.obs.setup import DEFAULT_ALERT_SOURCE, DEFAULT_CAPTION_SOURCE, SetupResult, ensure_sources

__all__ = ["BACKEND", "ObsOverlay", "open_client"]

log = logging.getLogger(__name__)
T = TypeVar("T")
BACKEND = "obs"


class _DropVendorRecords(logging.Filter):
    """obsws-python logs the password at INFO and a traceback for every failed request."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.CRITICAL


def _quiet_vendor_logger() -> None:
    vendor = logging.getLogger("obsws_python")
    if vendor.level == logging.NOTSET or vendor.level < logging.WARNING:
        vendor.setLevel(logging.WARNING)
    for name in (
        "obsws_python.baseclient.ObsClient",
        "obsws_python.reqs.ReqClient",
        "obsws_python.events.EventClient",
    ):
        child = logging.getLogger(name)
        if not any(isinstance(f, _DropVendorRecords) for f in child.filters):
            child.addFilter(_DropVendorRecords())


_quiet_vendor_logger()


class _RequestFailed(Exception):
    """OBS answered with a failed request status (the connection is fine)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def _secret(password: SecretStr | str | None) -> str:
    if isinstance(password, SecretStr):
        return password.get_secret_value()
    return password or ""


def _req_client(**kwargs: Any) -> Any:
    """``obs.ReqClient(**kwargs)``, except that a failed connect or identify (a wrong password)
    closes its socket: obsws-python 1.8 leaves it to the garbage collector."""
    base = obs.baseclient.ObsClient.__new__(obs.baseclient.ObsClient)
    try:
        base.__init__(**kwargs)  # connects and reads the server's hello
        base.authenticate()
    except BaseException:
        if getattr(base, "ws", None) is not None:
            base.ws.shutdown()
        raise
    client = obs.ReqClient.__new__(obs.ReqClient)
    client.logger = logging.getLogger("obsws_python.reqs.ReqClient")
    client.base_client = base
    return client


def open_client(host: str, port: int, password: SecretStr | str | None, *, timeout_s: float = 2.0) -> Any:
    """A connected, identified ``obsws_python.ReqClient`` (blocking), or a BackendError.

    The TCP port is probed first so a stopped OBS fails fast and quietly. The error message
    never contains the password.
    """
    _quiet_vendor_logger()
    try:
        with socket.create_connection((host, port), timeout=timeout_s):
            pass
    except OSError as e:
        reason = e.strerror or type(e).__name__
        raise BackendError(
            BACKEND, f"OBS not reachable at {host}:{port} ({reason})", retryable=True
        ) from None
    try:
        return _req_client(host=host, port=port, password=_secret(password), timeout=timeout_s)
    except obs.error.OBSSDKTimeoutError:
        raise BackendError(
            BACKEND, f"OBS at {host}:{port} did not answer in {timeout_s:g}s", retryable=True
        ) from None
    except obs.error.OBSSDKError:
        # A wrong password makes OBS close the socket (4009) before identifying us.
        raise BackendError(
            BACKEND,
            f"authentication with OBS at {host}:{port} failed: check the obs-websocket password",
            retryable=False,
        ) from None
    except Exception as e:  # websocket-client and socket errors
        raise BackendError(
            BACKEND, f"could not connect to OBS at {host}:{port} ({type(e).__name__})", retryable=True
        ) from None


class ObsOverlay:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 4455,
        password: SecretStr | str | None = None,
        caption_source: str = DEFAULT_CAPTION_SOURCE,
        alert_source: str = DEFAULT_ALERT_SOURCE,
        alert_scene_item: str | None = None,
        scene: str | None = None,
        *,
        timeout_s: float = 2.0,
        backoff_initial_s: float = 0.5,
        backoff_max_s: float = 10.0,
    ) -> None:
        """``alert_scene_item`` names the source whose scene item an alert shows and hides
        (default: ``alert_source``; e.g. a group holding the alert text and an image).
        ``scene`` is where that item lives (default: the current program scene)."""
        self.host = host
        self.port = port
        self._password = SecretStr(_secret(password))
        self.caption_source = caption_source
        self.alert_source = alert_source
        self.alert_scene_item = alert_scene_item or alert_source
        self.scene = scene
        self.timeout_s = timeout_s
        self.backoff_initial_s = backoff_initial_s
        self.backoff_max_s = backoff_max_s
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="obs-ws")
        self._client: Any = None  # touched only in the worker thread
        self._item_ids: dict[tuple[str, str], int] = {}  # worker thread only
        self._connected = False
        self._down = False
        self._closed = False
        self._reconnect_task: asyncio.Task[None] | None = None
        self._hide_task: asyncio.Task[None] | None = None
        self._request_errors_logged: set[str] = set()
        self._connect_lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"ObsOverlay(host={self.host!r}, port={self.port})"

    @property
    def connected(self) -> bool:
        return self._connected

    # -- worker thread -------------------------------------------------------------------

    def _disconnect_sync(self) -> None:
        client, self._client = self._client, None
        self._item_ids.clear()
        if client is not None:
            with contextlib.suppress(Exception):
                client.disconnect()

    def _connect_sync(self) -> None:
        self._disconnect_sync()
        self._client = open_client(self.host, self.port, self._password, timeout_s=self.timeout_s)

    def _request_sync(self, fn: Callable[[Any], T]) -> T:
        if self._client is None:
            raise BackendError(BACKEND, "not connected to OBS", retryable=True)
        try:
            return fn(self._client)
        except obs.error.OBSSDKRequestError as e:
            raise _RequestFailed(int(e.code), str(e)) from None
        except Exception as e:
            self._disconnect_sync()
            raise BackendError(
                BACKEND, f"connection to OBS lost ({type(e).__name__})", retryable=True
            ) from None

    def _scene_sync(self, client: Any) -> str:
        if self.scene is not None:
            return self.scene
        return str(client.send("GetCurrentProgramScene", raw=True)["currentProgramSceneName"])

    def _item_id_sync(self, client: Any, scene: str, source: str) -> int:
        key = (scene, source)
        if key not in self._item_ids:
            data = client.send("GetSceneItemId", {"sceneName": scene, "sourceName": source}, raw=True)
            self._item_ids[key] = int(data["sceneItemId"])
        return self._item_ids[key]

    # -- event loop side -----------------------------------------------------------------

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._executor, fn, *args)
        try:
            # The socket timeout bounds each step; this guard covers connect + hello + identify.
            return await asyncio.wait_for(future, timeout=self.timeout_s * 4 + 1)
        except TimeoutError:
            raise BackendError(
                BACKEND, f"OBS call took over {self.timeout_s * 4 + 1:g}s", retryable=True
            ) from None

    async def connect(self) -> None:
        """Connect now. Raises BackendError (``retryable=False`` for a wrong password)."""
        if self._closed:
            raise BackendError(BACKEND, "overlay is closed")
        await self._run(self._connect_sync)
        self._mark_up()

    def _mark_up(self) -> None:
        self._connected = True
        if self._down:
            log.info("OBS is back at %s:%s; captions and alerts resume", self.host, self.port)
            self._down = False

    def _outage(self, error: BackendError) -> None:
        self._connected = False
        if not self._down:
            self._down = True
            level = logging.WARNING if error.retryable else logging.ERROR
            log.log(level, "OBS unavailable (%s); overlay calls are skipped while reconnecting", error)
        if not self._closed and (self._reconnect_task is None or self._reconnect_task.done()):
            self._reconnect_task = asyncio.create_task(self._reconnect_loop(), name="obs-reconnect")

    async def _reconnect_loop(self) -> None:
        delay = self.backoff_initial_s
        while not self._closed and not self._connected:
            await asyncio.sleep(delay)
            try:
                await self._run(self._connect_sync)
            except BackendError:
                delay = min(delay * 2, self.backoff_max_s)
                continue
            self._mark_up()

    async def _call(self, what: str, fn: Callable[[Any], T]) -> T | None:
        """Run ``fn(client)`` in the worker; None (logged, never raised) when it fails."""
        if self._closed:
            return None
        if not self._connected:
            if self._reconnect_task is not None and not self._reconnect_task.done():
                return None  # fail fast during an outage; the background task reconnects
            async with self._connect_lock:  # concurrent first calls connect once
                if not self._connected:
                    try:
                        await self.connect()
                    except BackendError as e:
                        self._outage(e)
                        return None
        try:
            return await self._run(self._request_sync, fn)
        except _RequestFailed as e:
            key = f"{what}:{e}"
            if key not in self._request_errors_logged:
                self._request_errors_logged.add(key)
                log.warning("OBS refused %s: %s", what, e)
            return None
        except BackendError as e:
            self._outage(e)
            return None

    async def setup(self) -> SetupResult:
        """Create missing caption/alert sources (``vtuber obs setup``). Raises BackendError."""
        if not self._connected:
            await self.connect()
        scene = self.scene
        try:
            return await self._run(
                self._request_sync,
                lambda c: ensure_sources(
                    c, scene, caption_source=self.caption_source, alert_source=self.alert_source
                ),
            )
        except _RequestFailed as e:
            raise BackendError(BACKEND, f"setup failed: {e}") from None
        except BackendError as e:
            self._outage(e)
            raise

    async def caption(self, text: str) -> bool:
        """Set the caption text (True once OBS has applied it)."""
        settings = {"inputName": self.caption_source, "inputSettings": {"text": text}, "overlay": True}
        return await self._ok("caption", lambda c: c.send("SetInputSettings", settings))

    async def clear_caption(self) -> bool:
        return await self.caption("")

    async def switch_scene(self, name: str) -> bool:
        return await self._ok("switch_scene", lambda c: c.send("SetCurrentProgramScene", {"sceneName": name}))

    async def alert(self, kind: str, text: str, seconds: float = 5.0) -> bool:
        """Show ``text`` on the alert source for ``seconds`` (the hide runs in the background).

        A newer alert replaces the text and restarts the timer. ``kind`` (follow, raid, ...)
        is for logs.
        """

        def show(client: Any) -> tuple[str, int]:
            client.send(
                "SetInputSettings",
                {"inputName": self.alert_source, "inputSettings": {"text": text}, "overlay": True},
            )
            scene = self._scene_sync(client)
            item = self._item_id_sync(client, scene, self.alert_scene_item)
            client.send(
                "SetSceneItemEnabled", {"sceneName": scene, "sceneItemId": item, "sceneItemEnabled": True}
            )
            return scene, item

        shown = await self._call(f"alert {kind}", show)
        if shown is None:
            return False
        if self._hide_task is not None:
            self._hide_task.cancel()
        self._hide_task = asyncio.create_task(self._hide_later(*shown, seconds), name="obs-alert-hide")
        return True

    async def _hide_later(self, scene: str, item: int, seconds: float) -> None:
        await asyncio.sleep(seconds)
        data = {"sceneName": scene, "sceneItemId": item, "sceneItemEnabled": False}
        await self._ok("alert hide", lambda c: c.send("SetSceneItemEnabled", data))

    async def _ok(self, what: str, fn: Callable[[Any], object]) -> bool:
        def run(client: Any) -> bool:
            fn(client)
            return True

        return await self._call(what, run) is True

    async def close(self) -> None:
        self._closed = True
        for task in (self._reconnect_task, self._hide_task):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        with contextlib.suppress(Exception):
            await asyncio.wait_for(
                asyncio.get_running_loop().run_in_executor(self._executor, self._disconnect_sync), 5
            )
        self._executor.shutdown(wait=False)
        self._connected = False
