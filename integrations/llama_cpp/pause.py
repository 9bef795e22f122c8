"""Pausing the local model server while the voice renders a turn's first audio.

On a small CPU the bundled model and piper share the cores. Once the reply's first clause is
written, the model goes on writing the rest of the reply while piper renders that clause, and
the listener waits for piper. :class:`ProcessPause` suspends the server process (SIGSTOP on
POSIX, ``NtSuspendProcess`` on Windows, both through psutil) until the first audio chunk is
out, then resumes it; the model has the reply's remaining sentences' playing time to catch up.

Every pause ends within ``max_s`` even if its owner never returns (a timer thread resumes the
process), and :meth:`ProcessPause.release` resumes it at once (the server calls it before it
terminates the child, so a stopped child never waits on a SIGTERM it cannot handle). A pause
that cannot be taken (no process, psutil refused) is logged once and skipped: the turn speaks
either way.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator

import psutil

__all__ = ["ProcessPause"]

log = logging.getLogger(__name__)


class ProcessPause:
    """``with pause(): ...`` suspends the process ``pid_of()`` names for at most ``max_s``."""

    def __init__(self, pid_of: Callable[[], int | None], *, max_s: float = 0.4) -> None:
        if max_s <= 0:
            raise ValueError("max_s must be above 0")
        self._pid_of = pid_of
        self.max_s = max_s
        self._lock = threading.Lock()
        self._paused: psutil.Process | None = None
        self._process: psutil.Process | None = None
        self._timer: threading.Timer | None = None
        self._warned = False
        self.pauses = 0
        """Pauses taken."""
        self.timeouts = 0
        """Pauses the timer ended (their owner held on past ``max_s``)."""

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        taken = self._suspend()
        try:
            yield
        finally:
            if taken:
                self._resume(timed_out=False)

    def release(self) -> None:
        """Resume now if paused (before the process is stopped or killed)."""
        self._resume(timed_out=False)

    @property
    def paused(self) -> bool:
        return self._paused is not None

    def _suspend(self) -> bool:
        pid = self._pid_of()
        if pid is None:
            return False
        with self._lock:
            if self._paused is not None:  # one pause at a time: a nested one rides on it
                return False
            try:
                process = self._process if self._process is not None and self._process.pid == pid else None
                process = process or psutil.Process(pid)  # kept: reading it from /proc costs ~0.5 ms
                process.suspend()
                self._process = process
            except (psutil.Error, OSError) as exc:
                self._process = None  # a restarted server gets a fresh handle
                if not self._warned:
                    self._warned = True
                    log.warning("cannot pause the model server (pid %s) for first audio: %s", pid, exc)
                return False
            self._paused = process
            self.pauses += 1
            self._timer = threading.Timer(self.max_s, self._resume, kwargs={"timed_out": True})
            self._timer.daemon = True
            self._timer.start()
            return True

    def _resume(self, *, timed_out: bool) -> None:
        with self._lock:
            process, self._paused = self._paused, None
            timer, self._timer = self._timer, None
            if process is None:
                return
            if timer is not None and not timed_out:
                timer.cancel()
            if timed_out:
                self.timeouts += 1
                log.info("model server pause ended by its %.2f s limit", self.max_s)
            with contextlib.suppress(psutil.Error, OSError):  # gone meanwhile: nothing to resume
                process.resume()
