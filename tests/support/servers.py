"""Throwaway Redis and PostgreSQL servers on free loopback ports, for fault tests and the
fault benchmark. Each is started by the caller, lives in its own temporary folder, and is
the only server these helpers ever signal: the shared services are never touched.

PostgreSQL refuses to run as root, so when we are root it runs as the ``postgres`` user.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import redis

__all__ = ["OwnPostgres", "OwnRedis", "free_port"]

T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _run_async(fn: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to the end on a private loop in a thread: callable from sync code and
    from inside a running event loop alike."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, fn()).result()


def _wait(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise RuntimeError(f"timed out after {timeout:g} s waiting for {what}")


class OwnRedis:
    """``redis-server`` with append-only persistence (as in docker-compose.yml)."""

    def __init__(self, *, appendonly: bool = True) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="own-redis-"))
        self.port = free_port()
        self.appendonly = appendonly
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 20.0) -> None:
        args = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.dir),
                "--appendonly", "yes" if self.appendonly else "no", "--save", "",
                "--logfile", str(self.dir / "redis.log")]  # fmt: skip
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait(self.ping, timeout, f"redis-server on port {self.port}")

    def ping(self) -> bool:
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2, socket_timeout=0.5)
        try:
            return bool(client.ping())
        except (redis.RedisError, OSError):
            return False
        finally:
            client.close()

    def stop(self, timeout: float = 20.0) -> None:
        """A clean shutdown (SIGTERM: the append-only file is flushed)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)  # a frozen server cannot shut down
            self.proc.terminate()
            self.proc.wait(timeout)

    def freeze(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGCONT)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.stop()
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        shutil.rmtree(self.dir, ignore_errors=True)


class OwnPostgres:
    """A PostgreSQL cluster of our own (``initdb`` once, then start and stop at will).

    - :meth:`smart_shutdown` sends SIGTERM, as ``docker stop`` does: while any session stays
      open the server keeps running and answers new connections with SQLSTATE 57P03.
    - :meth:`start_held_in_recovery` starts it as a standby with hot standby off: it stays in
      start-up, answering 57P03, until :meth:`promote`.
    """

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="own-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self._user = "postgres" if os.geteuid() == 0 else None
        if self._user is not None:
            pw = pwd.getpwnam(self._user)
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        self._run(["initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync",
                   "-E", "UTF8", "--locale=C"])  # fmt: skip

    def _run(self, args: list[str]) -> None:
        subprocess.run(args, check=True, capture_output=True, user=self._user, cwd=self.dir)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/{database}"

    def dsn(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self, *, wait: bool = True, extra: tuple[str, ...] = ()) -> None:
        args = ["postgres", "-D", str(self.data), "-p", str(self.port), "-k", str(self.dir),
                "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off", *extra]  # fmt: skip
        log = (self.dir / "postgres.log").open("ab")
        self.proc = subprocess.Popen(args, stdout=log, stderr=log, user=self._user, cwd=self.dir)
        log.close()
        if wait:
            _wait(self.accepting, 60, f"PostgreSQL on port {self.port}")

    def accepting(self) -> bool:
        """True once a new session can be opened (not refused, not 57P03)."""

        async def probe() -> bool:
            try:
                conn = await asyncpg.connect(self.dsn(), timeout=1)
            except (OSError, asyncpg.PostgresError, TimeoutError):
                return False
            await conn.close()
            return True

        return _run_async(probe)

    def smart_shutdown(self) -> None:
        """SIGTERM: no new sessions (57P03); it stops once the open ones end."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)

    def wait_stopped(self, timeout: float = 60.0) -> None:
        if self.proc is not None:
            self.proc.wait(timeout)

    def stop(self, timeout: float = 60.0) -> None:
        """A fast shutdown (SIGINT): open sessions are ended."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            self.proc.wait(timeout)

    def start_held_in_recovery(self) -> None:
        """Start as a standby that never becomes consistent for clients (hot_standby off):
        every new session is refused with 57P03 until :meth:`promote`."""
        signal_file = self.data / "standby.signal"
        signal_file.touch()
        if self._user is not None:
            pw = pwd.getpwnam(self._user)
            os.chown(signal_file, pw.pw_uid, pw.pw_gid)
        self.start(wait=False, extra=("-c", "hot_standby=off"))

    def promote(self) -> None:
        """End the recovery started by :meth:`start_held_in_recovery`."""
        self._run(["pg_ctl", "promote", "-D", str(self.data)])

    def create_database(self, name: str) -> str:
        async def create() -> None:
            conn = await asyncpg.connect(self.dsn())
            try:
                await conn.execute(f'CREATE DATABASE "{name}"')
            finally:
                await conn.close()

        _run_async(create)
        return self.url(name)

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)  # immediate: nothing here needs to be kept
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        shutil.rmtree(self.dir, ignore_errors=True)
