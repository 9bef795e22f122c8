"""ProcessPause on a real child process: suspended while held, resumed at the end, by its time
limit, or by release(); a missing or dead process is no error."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator

import psutil
import pytest

from integrations.llama_cpp.pause import ProcessPause

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="status names differ on Windows")


@pytest.fixture
def child() -> Iterator[subprocess.Popen[bytes]]:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()


def status(proc: subprocess.Popen[bytes]) -> str:
    return str(psutil.Process(proc.pid).status())


def wait_for(proc: subprocess.Popen[bytes], want: str, within_s: float = 2.0) -> str:
    deadline = time.monotonic() + within_s
    while (got := status(proc)) != want and time.monotonic() < deadline:
        time.sleep(0.005)
    return got


def test_the_process_is_stopped_while_held_and_runs_after(child: subprocess.Popen[bytes]) -> None:
    pause = ProcessPause(lambda: child.pid, max_s=5.0)
    with pause():
        assert wait_for(child, psutil.STATUS_STOPPED) == psutil.STATUS_STOPPED
        assert pause.paused
    assert wait_for(child, psutil.STATUS_SLEEPING) == psutil.STATUS_SLEEPING
    assert not pause.paused and pause.pauses == 1 and pause.timeouts == 0


def test_a_pause_held_too_long_ends_at_its_limit(child: subprocess.Popen[bytes]) -> None:
    pause = ProcessPause(lambda: child.pid, max_s=0.1)
    with pause():
        assert wait_for(child, psutil.STATUS_STOPPED) == psutil.STATUS_STOPPED
        started = time.monotonic()
        assert wait_for(child, psutil.STATUS_SLEEPING) == psutil.STATUS_SLEEPING
        assert time.monotonic() - started < 1.0
        assert pause.timeouts == 1 and not pause.paused
    assert status(child) == psutil.STATUS_SLEEPING  # leaving the block afterwards is harmless


def test_release_resumes_at_once_and_a_nested_pause_rides_on_the_outer(
    child: subprocess.Popen[bytes],
) -> None:
    pause = ProcessPause(lambda: child.pid, max_s=5.0)
    with pause():
        with pause():  # taken by the outer one: no second suspend
            assert pause.pauses == 1
        assert wait_for(child, psutil.STATUS_STOPPED) == psutil.STATUS_STOPPED  # the inner one let nothing go
        pause.release()
        assert wait_for(child, psutil.STATUS_SLEEPING) == psutil.STATUS_SLEEPING


def test_no_process_or_a_dead_one_is_no_error(caplog: pytest.LogCaptureFixture) -> None:
    with ProcessPause(lambda: None)():
        pass
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    pause = ProcessPause(lambda: dead.pid)
    with pause(), pause():
        pass
    assert pause.pauses == 0
    assert sum("cannot pause the model server" in r.getMessage() for r in caplog.records) == 1  # said once


def test_the_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_s"):
        ProcessPause(lambda: None, max_s=0)
