"""One base for the local stand-ins of outside services (OpenAI, ElevenLabs, Twitch, VTube
Studio) and the loopback TCP proxy.

What every stand-in does, done once here:

- **Listening.** It binds 127.0.0.1. The first start takes a free port. A later start (the
  service coming back) binds the same port again.
- **Running.** ``async with X() as x`` runs it on the test's loop. ``with X() as x`` runs it
  on a private loop in a daemon thread, so the client's own work cannot delay the server's
  schedule (latency benchmarks).
- **Logging.** Every request served is appended to ``requests``.
- **Background work.** Tasks started with :meth:`StandIn.spawn` are cancelled by ``stop()``.
- **Faults.** :class:`Faults` can inject an HTTP error status, a stall after N pieces or a
  dropped connection after N pieces. :meth:`StandIn.interrupt` applies them to a stream.
  :meth:`StandIn.stall` keeps a stream open and silent until the client hangs up (counted
  in ``hangups``) or the stand-in stops.

Three transports build on it:

- :class:`AiohttpStandIn`, for HTTP and websocket services on aiohttp;
- :class:`SocketStandIn`, for raw asyncio stream servers;
- subclasses of :class:`StandIn` itself for anything else (the ``websockets`` server of
  the VTube Studio stand-in).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

from aiohttp import web

__all__ = ["AiohttpStandIn", "Faults", "SocketStandIn", "StandIn"]

R = TypeVar("R")


@dataclass
class Faults:
    """Failures to inject. Mutable: a request reads them when it arrives."""

    fail_status: int | None = None
    """Answer with this HTTP status and the service's error body."""
    stall_after: int | None = None
    """Pieces sent before the stream goes silent, the connection left open."""
    drop_after: int | None = None
    """Pieces sent before the connection is dropped (no orderly close)."""


class StandIn(Generic[R]):
    """A local server on 127.0.0.1. Subclasses implement :meth:`_listen` and :meth:`_close`."""

    host = "127.0.0.1"

    def __init__(self) -> None:
        self.port = 0
        self.requests: list[R] = []
        self.hangups = 0
        """Stalled streams that ended because the client hung up."""
        self._tasks: set[asyncio.Task[Any]] = set()
        self._release = asyncio.Event()
        self._thread: threading.Thread | None = None
        self._thread_loop: asyncio.AbstractEventLoop | None = None

    # ------------------------------------------------------------ for subclasses

    async def _listen(self, port: int) -> int:
        """Start serving on ``port`` (0: any free port); return the port bound."""
        raise NotImplementedError

    async def _close(self) -> None:
        """Stop serving and drop open connections."""
        raise NotImplementedError

    # ------------------------------------------------------------ lifecycle

    async def start(self) -> Self:
        """Listen: on a free port the first time, on the same port after a ``stop()``."""
        self._release = asyncio.Event()
        self.port = await self._listen(self.port)
        return self

    async def stop(self) -> None:
        """End stalls, close the listener and every connection, cancel background tasks."""
        self._release.set()
        await self._close()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    def start_in_thread(self) -> None:
        """Run on a private event loop in a daemon thread."""
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.run_until_complete(self.start())
            ready.set()
            loop.run_forever()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

        self._thread_loop = loop
        self._thread = threading.Thread(target=run, name=f"{type(self).__name__}-standin", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError(f"{type(self).__name__} did not start")

    def stop_thread(self) -> None:
        loop, thread = self._thread_loop, self._thread
        if loop is None or thread is None:
            return
        asyncio.run_coroutine_threadsafe(self.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        self._thread_loop = self._thread = None

    def __enter__(self) -> Self:
        self.start_in_thread()
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop_thread()

    # ------------------------------------------------------------ helpers

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run ``coro`` in the background; ``stop()`` cancels it if it is still running."""
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def release(self) -> None:
        """End every stall now (``stop()`` does this too)."""
        self._release.set()

    async def stall(self, gone: Callable[[], bool] | None = None) -> None:
        """Stay silent until the stand-in stops or is released. With ``gone`` (the client's
        connection is closed), also until the client hangs up: that counts in ``hangups``."""
        if gone is None:
            await self._release.wait()
            return
        while not self._release.is_set():
            if gone():
                self.hangups += 1
                return
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(0.01):
                    await self._release.wait()

    async def interrupt(
        self,
        faults: Faults,
        sent: int,
        abort: Callable[[], None],
        gone: Callable[[], bool] | None = None,
    ) -> bool:
        """Apply ``faults`` before piece ``sent`` (0-based) of a stream: drop the connection
        (``drop_after``) or stall (``stall_after``). True when the stream ends here."""
        if faults.drop_after is not None and sent >= faults.drop_after:
            abort()
            return True
        if faults.stall_after is not None and sent >= faults.stall_after:
            await self.stall(gone)
            return True
        return False

    async def wait_for(self, condition: Callable[[], object], timeout: float = 10.0) -> None:
        """Wait until ``condition()`` is true (``timeout`` only guards against a hang)."""
        async with asyncio.timeout(timeout):
            while not condition():
                await asyncio.sleep(0.01)


class AiohttpStandIn(StandIn[R]):
    """A stand-in on aiohttp. Subclasses add their routes in :meth:`_routes`."""

    shutdown_timeout_s = 1.0
    """How long ``stop()`` lets open handlers finish before cancelling them."""

    def __init__(self) -> None:
        super().__init__()
        self._runner: web.AppRunner | None = None

    def _routes(self, app: web.Application) -> None:
        raise NotImplementedError

    async def _listen(self, port: int) -> int:
        app = web.Application()
        self._routes(app)
        self._runner = web.AppRunner(
            app, handle_signals=False, access_log=None, shutdown_timeout=self.shutdown_timeout_s
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, port).start()
        return int(self._runner.addresses[0][1])

    async def _close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @staticmethod
    def client_gone(request: web.Request) -> bool:
        """The client closed the connection this request came on."""
        return request.transport is None or request.transport.is_closing()

    @staticmethod
    def abort(request: web.Request) -> None:
        """Drop the request's connection (a reset, no orderly end)."""
        assert request.transport is not None
        request.transport.abort()

    async def stream_bytes(
        self,
        request: web.Request,
        data: bytes,
        *,
        piece_bytes: int,
        faults: Faults,
        first_delay_s: float = 0.0,
    ) -> web.StreamResponse:
        """Send ``data`` as a chunked body, one network write per piece, after ``first_delay_s``,
        with ``faults`` applied before each piece."""
        response = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        if first_delay_s:
            await asyncio.sleep(first_delay_s)
        for i, start in enumerate(range(0, len(data), piece_bytes)):
            if await self.interrupt(
                faults, i, lambda: self.abort(request), gone=lambda: self.client_gone(request)
            ):
                return response
            await response.write(data[start : start + piece_bytes])
        await response.write_eof()
        return response


class SocketStandIn(StandIn[R]):
    """A stand-in on a raw asyncio stream server: one :meth:`_connection` call per client.
    ``stop()`` resets every open connection."""

    def __init__(self) -> None:
        super().__init__()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        raise NotImplementedError

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.add(writer)
        try:
            await self._connection(reader, writer)
        except asyncio.CancelledError:
            pass  # stop() ended it: Python 3.11's stream server would log a handler ending cancelled
        finally:
            self._writers.discard(writer)
            self._tasks.discard(task)

    async def _listen(self, port: int) -> int:
        self._server = await asyncio.start_server(self._serve, self.host, port)
        return int(self._server.sockets[0].getsockname()[1])

    async def _close(self) -> None:
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()
        tasks = [t for t in self._tasks if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()
            self._server = None

    def track(self, writer: asyncio.StreamWriter) -> None:
        """Reset ``writer``'s connection too on ``stop()`` (an outgoing one, as a proxy opens)."""
        self._writers.add(writer)

    def untrack(self, writer: asyncio.StreamWriter) -> None:
        self._writers.discard(writer)
