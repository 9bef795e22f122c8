"""Run a llama.cpp server (``python -m llama_cpp.server``) as a child process of the bot.

:class:`LlamaServer` picks a free loopback port, starts the server on a GGUF model (the
bundled SmolLM2-135M-Instruct by default), waits until ``GET /v1/models`` answers, and
exposes ``base_url`` for any OpenAI-compatible client. The child's output (stdout and
stderr, merged) is logged line by line at DEBUG on this module's logger, optionally copied
to a file, and its tail is kept for error messages.

The child never outlives the bot: :meth:`LlamaServer.stop` terminates it (SIGTERM, then
SIGKILL after ``stop_timeout_s``); an ``atexit`` hook stops any server still running at
interpreter exit; and on Linux the child is started with ``PR_SET_PDEATHSIG`` so the
kernel kills it if the bot dies without cleaning up (SIGKILL, OOM). PDEATHSIG follows the
*thread* that started the child, so start servers from the event-loop (main) thread.

Prompt caching: llama-cpp-python keeps the last prompt's KV cache and reuses the longest
common token prefix, so a stable prompt prefix (persona first, volatile parts last) is
evaluated once. ``cache=True`` adds its RAM state cache (``--cache``), which also keeps the
states of earlier, different prompts, at the cost of saving a state after every request.
:meth:`LlamaServer.warm_up` evaluates a prompt (say the persona) ahead of the first turn.

Over 400 lines on purpose: the child process's whole life (port, start, health, warm-up,
keep-alive restarts, PDEATHSIG, stop) is one resource with one owner.
"""

from __future__ import annotations

import asyncio
import atexit
import collections
import contextlib
import ctypes
import dataclasses
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from engines.backends import BackendError, LLMRequest
from integrations.llama_cpp.model import ModelNotFound, bundled_model_path
from integrations.llama_cpp.pause import ProcessPause
from integrations.llama_cpp.requantize import requantized

__all__ = ["LlamaServer", "LlamaServerConfig", "LlamaServerError", "default_threads"]

logger = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1
_TAIL_LINES = 60


class LlamaServerError(BackendError):
    """The llama.cpp server could not be started, or failed a request made here."""

    def __init__(self, message: str, *, retryable: bool = False) -> None:
        super().__init__("llama.cpp", message, retryable=retryable)


def default_threads() -> int:
    """CPUs this process may run on, capped at 8 (a tiny model gains nothing beyond)."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 2
    return max(1, min(n, 8))


@dataclass(frozen=True, slots=True)
class LlamaServerConfig:
    """How to run the server. Every field maps to one ``llama_cpp.server`` option."""

    model_path: Path | None = None
    """A ``.gguf`` file; None means the bundled SmolLM2-135M-Instruct."""
    requantize: str | None = None
    """For the bundled model: run it converted to this format (``"q8_0"``), see
    :mod:`integrations.llama_cpp.requantize`. None: as shipped."""
    cache_dir: Path | None = None
    """Where a converted model is kept; None: ``~/.cache/vtuber-bot/models``."""
    model_alias: str = "local"
    """The model id the server reports (clients may send any model name)."""
    host: str = "127.0.0.1"
    port: int = 0
    """0 picks a free port."""
    n_ctx: int = 2048
    n_threads: int | None = None
    """Generation threads; None means :func:`default_threads`."""
    n_threads_batch: int | None = None
    """Prompt-processing threads; None means the same as ``n_threads``."""
    n_batch: int = 512
    cache: bool = False
    """llama-cpp-python's RAM prompt-state cache (``--cache``), see the module docstring."""
    cache_size: int | None = None
    """Bytes for ``--cache_size`` (llama-cpp-python's default is 2 GiB)."""
    flash_attn: bool | None = None
    logits_all: bool = False
    """The server's default (True) computes logits for every prompt token, which slows prompt
    processing; only ``logprobs`` requests need it."""
    chat_format: str | None = None
    """None: the chat template stored in the GGUF file."""
    seed: int | None = None
    verbose: bool = True
    """The server logs per-request timings (to this module's DEBUG log)."""
    startup_timeout_s: float = 60.0
    stop_timeout_s: float = 5.0
    log_path: Path | None = None
    """Also append the child's output to this file."""
    extra_args: tuple[str, ...] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    """Extra environment variables for the child (``OMP_WAIT_POLICY``...)."""
    python: str = field(default_factory=lambda: sys.executable)
    pause_max_s: float = 0.4
    """The longest ``LlamaServer.pause`` may hold the child (see ``pause.py``)."""
    nice: int = 0
    """Raise the child's niceness by this much (0-19). On a small CPU the voice must not wait
    behind token generation: with a positive value the kernel runs TTS and the event loop
    first when both want the cores, and the model takes whatever is left."""

    def command(self, model: Path, port: int) -> list[str]:
        threads = self.n_threads or default_threads()
        cmd = [
            self.python,
            "-m",
            "llama_cpp.server",
            "--model",
            str(model),
            "--model_alias",
            self.model_alias,
            "--host",
            self.host,
            "--port",
            str(port),
            "--n_ctx",
            str(self.n_ctx),
            "--n_threads",
            str(threads),
            "--n_threads_batch",
            str(self.n_threads_batch or threads),
            "--n_batch",
            str(self.n_batch),
            "--n_gpu_layers",
            "0",
            "--logits_all",
            _flag(self.logits_all),
            "--verbose",
            _flag(self.verbose),
        ]
        if self.cache:
            cmd += ["--cache", "true", "--cache_type", "ram"]
            if self.cache_size is not None:
                cmd += ["--cache_size", str(self.cache_size)]
        if self.flash_attn is not None:
            cmd += ["--flash_attn", _flag(self.flash_attn)]
        if self.chat_format:
            cmd += ["--chat_format", self.chat_format]
        if self.seed is not None:
            cmd += ["--seed", str(self.seed)]
        return cmd + list(self.extra_args)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


# ------------------------------------------------------------------ never outlive the bot

_running: weakref.WeakSet[LlamaServer] = weakref.WeakSet()
_atexit_registered = False
_libc: Any = None


def _stop_all_at_exit() -> None:
    for server in list(_running):
        with contextlib.suppress(Exception):
            server.stop_sync()


def _register(server: LlamaServer) -> None:
    global _atexit_registered
    _running.add(server)
    if not _atexit_registered:
        atexit.register(_stop_all_at_exit)
        _atexit_registered = True


def _death_signal_preexec(nice: int = 0) -> Callable[[], None] | None:
    """A ``preexec_fn`` asking Linux to SIGKILL the child when its parent dies (and to run
    it ``nice`` steps nicer; every thread it starts inherits that)."""
    global _libc
    if not sys.platform.startswith("linux"):
        return None
    if _libc is None:
        try:
            _libc = ctypes.CDLL(None, use_errno=True)
        except OSError:  # pragma: no cover - no libc?
            return None
    libc = _libc
    parent = os.getpid()

    def preexec() -> None:  # runs in the child between fork and exec: keep it minimal
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)
        if nice > 0:
            os.nice(nice)

    return preexec


# ------------------------------------------------------------------ the server


class LlamaServer:
    """A llama.cpp server child process. Use ``async with`` or :meth:`start` / :meth:`stop`."""

    def __init__(self, config: LlamaServerConfig | None = None) -> None:
        self.config = config or LlamaServerConfig()
        self.port: int | None = None
        self.model_path: Path | None = None
        self.startup_s: float | None = None
        """Seconds the last :meth:`start` took (spawn to healthy)."""
        self._proc: subprocess.Popen[bytes] | None = None
        self._pump: threading.Thread | None = None
        self._tail: collections.deque[str] = collections.deque(maxlen=_TAIL_LINES)
        self._log_file: IO[bytes] | None = None
        self._wanted = False
        """Started and not stopped: :meth:`keep_alive` brings it back if it dies."""
        self._configured_model = self.config.model_path
        """The model path of the configuration before any :meth:`serve` (None: the bundled one)."""
        self.restarts = 0
        self.pause = ProcessPause(lambda: self.pid if self.running else None, max_s=self.config.pause_max_s)
        """``with server.pause(): ...`` suspends the child (at most ``pause_max_s``): the voice
        renders a turn's first audio without the model writing beside it."""

    # ------------------------------------------------------------ properties

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/v1``, for an OpenAI-compatible client."""
        if self.port is None:
            raise LlamaServerError("the server is not running")
        return f"http://{self.config.host}:{self.port}/v1"

    @property
    def model(self) -> str:
        """The model name to send in requests."""
        return self.config.model_alias

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def output_tail(self, lines: int = 20) -> str:
        """The last lines the child printed."""
        return "\n".join(list(self._tail)[-lines:])

    # ------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> LlamaServer:
        await self.start()
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    async def start(self) -> None:
        """Spawn the server and wait until it answers. Raises :class:`ModelNotFound` or
        :class:`LlamaServerError` (with the tail of the child's output)."""
        if self.running:
            return
        model = self.config.model_path or bundled_model_path()
        if not model.is_file():
            raise ModelNotFound(f"model file {str(model)!r} does not exist (set the llama.cpp model path)")
        if self.config.requantize and self.config.model_path is None:
            model = await requantized(model, self.config.requantize, self.config.cache_dir)
        self.model_path = model
        attempts = 1 if self.config.port else 3  # a picked free port can be taken before the child binds it
        for attempt in range(1, attempts + 1):
            port = self.config.port or _free_port(self.config.host)
            try:
                await self._start_once(model, port)
                return
            except LlamaServerError:
                if attempt < attempts and "address already in use" in self.output_tail(_TAIL_LINES).lower():
                    logger.info("llama.cpp server: port %d was taken meanwhile, trying another", port)
                    continue
                raise

    async def _start_once(self, model: Path, port: int) -> None:
        cfg = self.config
        cmd = cfg.command(model, port)
        self._tail.clear()
        if cfg.log_path is not None and self._log_file is None:
            cfg.log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log_file = cfg.log_path.open("ab")
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **cfg.env}
        started = time.perf_counter()
        logger.info("starting llama.cpp server on %s:%d (model %s)", cfg.host, port, model.name)
        logger.debug("llama.cpp server command: %s", cmd)
        proc = self._spawn(cmd, env)
        self._proc, self.port = proc, port
        _register(self)
        assert proc.stdout is not None
        self._pump = threading.Thread(
            target=self._pump_output,
            args=(proc.stdout, proc.pid),
            name=f"llama-cpp-log-{proc.pid}",
            daemon=True,
        )
        self._pump.start()
        try:
            await self._wait_healthy(proc, started)
        except BaseException:
            await self._terminate()
            raise
        self.startup_s = time.perf_counter() - started
        self._wanted = True
        logger.info("llama.cpp server ready at %s in %.1fs (pid %d)", self.base_url, self.startup_s, proc.pid)

    async def keep_alive(
        self,
        on_change: Callable[[bool, str], Awaitable[None]] | None = None,
        *,
        check_s: float = 0.5,
        backoff_max_s: float = 30.0,
    ) -> None:
        """Restart the server when it dies (a crash would otherwise fail every later turn).

        Runs until cancelled. The restart keeps the port, so clients need no new address.
        ``on_change(up, detail)`` is awaited when it goes down and when it is back."""
        delay = 1.0
        while True:
            await asyncio.sleep(check_s)
            proc = self._proc
            if not self._wanted or proc is None or proc.poll() is None:
                continue
            port, model = self.port, self.model_path
            code = proc.returncode
            logger.error(
                "llama.cpp server died (pid %d, exit code %s); restarting on port %s. Last output:\n%s",
                proc.pid, code, port, self.output_tail(),
            )  # fmt: skip
            await self._terminate()  # reaps the dead child
            if on_change is not None:
                await on_change(False, f"the local model server exited with code {code}; restarting")
            while self._wanted and not self.running:
                try:
                    assert port is not None and model is not None
                    await self._start_once(model, port)
                except LlamaServerError as exc:
                    logger.warning("llama.cpp server restart failed (%s); next try in %.0fs", exc, delay)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, backoff_max_s)
            self.restarts += 1
            delay = 1.0
            if on_change is not None and self.running:
                await on_change(True, "the local model server is back")

    def _spawn(self, cmd: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        """Start the child. Synchronous on purpose: PR_SET_PDEATHSIG is tied to the thread
        that forks, so it must be the long-lived event-loop thread, not a worker thread."""
        try:
            return subprocess.Popen(  # noqa: S603 - our own interpreter and arguments, no shell
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                env=env,
                close_fds=True,
                preexec_fn=_death_signal_preexec(min(max(self.config.nice, 0), 19)),
            )
        except OSError as exc:
            raise LlamaServerError(f"could not run {self.config.python!r}: {exc}") from exc

    async def _wait_healthy(self, proc: subprocess.Popen[bytes], started: float) -> None:
        deadline = started + self.config.startup_timeout_s
        delay = 0.05
        while True:
            code = proc.poll()
            if code is not None:
                if self._pump is not None:
                    await asyncio.to_thread(self._pump.join, 2.0)
                raise LlamaServerError(
                    f"the server exited with code {code} during start-up; last output:\n{self.output_tail()}"
                )
            with contextlib.suppress(OSError, TimeoutError, ValueError):
                status, _ = await self.request("GET", "/v1/models", timeout_s=2.0)
                if status == 200:
                    return
            if time.perf_counter() >= deadline:
                raise LlamaServerError(
                    f"the server did not become healthy within {self.config.startup_timeout_s:.0f}s; "
                    f"last output:\n{self.output_tail()}",
                    retryable=True,
                )
            await asyncio.sleep(delay)
            delay = min(delay * 1.5, 0.25)

    def _pump_output(self, stream: IO[bytes], pid: int) -> None:
        log_file = self._log_file
        try:
            for raw in iter(stream.readline, b""):
                line = raw.decode("utf-8", "replace").rstrip()
                self._tail.append(line)
                logger.debug("llama.cpp[%d] %s", pid, line)
                if log_file is not None:
                    with contextlib.suppress(OSError, ValueError):
                        log_file.write(raw)
                        log_file.flush()
        except (OSError, ValueError):  # pragma: no cover - pipe closed under us
            pass
        finally:
            with contextlib.suppress(OSError):
                stream.close()

    async def use_adapter(self, adapter: Path | None) -> None:
        """Serve the configured model with this GGUF LoRA adapter (None: without one)."""
        await self.serve(adapter=adapter)

    async def serve(self, *, model: Path | None = None, adapter: Path | None = None) -> None:
        """Serve ``model`` (None: the configured one, e.g. the bundled model) with ``adapter``
        applied at run time (None: none). The child restarts (seconds) on the same port, so
        clients keep their address; a reply being written meanwhile fails as any server outage
        does. If the new one does not come up, the previous model is served again and
        :class:`LlamaServerError` says why."""
        args = list(self.config.extra_args)
        if "--lora_path" in args:
            i = args.index("--lora_path")
            del args[i : i + 2]
        if adapter is not None:
            args += ["--lora_path", str(adapter)]
        previous = dataclasses.replace(self.config, port=self.port or self.config.port)
        self.config = dataclasses.replace(
            previous, model_path=model or self._configured_model, extra_args=tuple(args)
        )
        self._wanted = False
        await self._terminate()
        try:
            await self.start()
        except (LlamaServerError, ModelNotFound) as exc:
            logger.error("llama.cpp server: could not serve %s (%s); serving the previous model", model, exc)
            self.config = previous
            await self._terminate()
            await self.start()
            raise LlamaServerError(f"the server did not start on the new model: {exc}") from exc
        served = f"the model {model.name}" if model else "the configured model"
        logger.info(
            "llama.cpp server: now serving %s%s",
            served,
            f" with the adapter {adapter.name}" if adapter else "",
        )

    async def stop(self) -> None:
        """Terminate the child (SIGTERM, then SIGKILL after ``stop_timeout_s``) and reap it."""
        self._wanted = False
        await self._terminate()

    async def _terminate(self) -> None:
        """Stop (or reap) the current child; whether it is still wanted is the caller's business."""
        proc = self._proc
        if proc is None:
            return
        if proc.poll() is None:
            self.pause.release()  # a stopped child would sit on its SIGTERM
            proc.terminate()
            try:
                await asyncio.wait_for(asyncio.to_thread(proc.wait), self.config.stop_timeout_s)
            except TimeoutError:
                logger.warning("llama.cpp server (pid %d) ignored SIGTERM; killing it", proc.pid)
                proc.kill()
                await asyncio.to_thread(proc.wait)
        if self._pump is not None:
            await asyncio.to_thread(self._pump.join, 2.0)
        self._finish(proc)

    def stop_sync(self) -> None:
        """Blocking :meth:`stop` (for atexit and other non-async places)."""
        self._wanted = False
        proc = self._proc
        if proc is None:
            return
        if proc.poll() is None:
            self.pause.release()
            proc.terminate()
            try:
                proc.wait(self.config.stop_timeout_s)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._pump is not None:
            self._pump.join(2.0)
        self._finish(proc)

    def _finish(self, proc: subprocess.Popen[bytes]) -> None:
        logger.info("llama.cpp server stopped (pid %d, exit code %s)", proc.pid, proc.returncode)
        _running.discard(self)
        self._proc = None
        self._pump = None
        self.port = None
        if self._log_file is not None:
            with contextlib.suppress(OSError):
                self._log_file.close()
            self._log_file = None

    # ------------------------------------------------------------ requests

    async def request(
        self, method: str, path: str, body: Mapping[str, Any] | None = None, *, timeout_s: float = 30.0
    ) -> tuple[int, bytes]:
        """A minimal HTTP/1.1 request to the server (``Connection: close``): (status, body).

        Raises ``OSError`` / ``TimeoutError`` / ``ValueError`` on transport problems."""
        if self.port is None:
            raise LlamaServerError("the server is not running")
        payload = json.dumps(body).encode() if body is not None else b""
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {self.config.host}:{self.port}\r\n"
            "Accept: application/json\r\nConnection: close\r\n"
            + ("Content-Type: application/json\r\n" if body is not None else "")
            + f"Content-Length: {len(payload)}\r\n\r\n"
        )
        async with asyncio.timeout(timeout_s):
            reader, writer = await asyncio.open_connection(self.config.host, self.port)
            try:
                writer.write(head.encode() + payload)
                await writer.drain()
                raw = await reader.read()
            finally:
                writer.close()
                with contextlib.suppress(OSError):
                    await writer.wait_closed()
        head_raw, _, content = raw.partition(b"\r\n\r\n")
        status_line = head_raw.split(b"\r\n", 1)[0].split()
        if len(status_line) < 2 or not status_line[1].isdigit():
            raise ValueError("malformed HTTP response")
        if b"transfer-encoding: chunked" in head_raw.lower():
            content = _dechunk(content)
        return int(status_line[1]), content

    async def warm_up(
        self,
        messages: Sequence[Mapping[str, str]] | None = None,
        *,
        max_tokens: int = 1,
        timeout_s: float = 60.0,
    ) -> float:
        """Run one short completion so the first real turn is fast; returns its seconds.

        Pass the persona's system prompt (and a placeholder user line) as ``messages`` to
        have that stable prefix evaluated and cached before the first viewer message.
        """
        body = {
            "model": self.model,
            "messages": list(messages or [{"role": "user", "content": "Hi!"}]),
            "max_tokens": max_tokens,
            "temperature": 0.0,
            "stream": False,
        }
        started = time.perf_counter()
        try:
            status, content = await self.request("POST", "/v1/chat/completions", body, timeout_s=timeout_s)
        except (OSError, TimeoutError, ValueError) as exc:
            raise LlamaServerError(f"warm-up request failed: {type(exc).__name__}", retryable=True) from exc
        if status != 200:
            raise LlamaServerError(f"warm-up request answered HTTP {status}: {content[:200]!r}")
        elapsed = time.perf_counter() - started
        logger.info("llama.cpp server warmed up in %.0f ms", elapsed * 1000)
        return elapsed

    async def prefill(self, request: LLMRequest, *, timeout_s: float = 30.0) -> None:
        """Evaluate ``request``'s prompt into the server's cache (one token written, unused), so
        the same prompt sent later reuses it all but its last token: the brain sends a waiting
        event's prompt while the character is still talking. Raises :class:`LlamaServerError`."""
        body = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in request.messages],
            "max_tokens": 1,
            "temperature": 0.0,
            "stream": False,
        }
        try:
            status, content = await self.request("POST", "/v1/chat/completions", body, timeout_s=timeout_s)
        except (OSError, TimeoutError, ValueError) as exc:
            raise LlamaServerError(f"prefill request failed: {type(exc).__name__}", retryable=True) from exc
        if status != 200:
            raise LlamaServerError(f"prefill request answered HTTP {status}: {content[:200]!r}")


def _dechunk(data: bytes) -> bytes:
    out = bytearray()
    while data:
        size_line, _, rest = data.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out += rest[:size]
        data = rest[size + 2 :]
    return bytes(out)
