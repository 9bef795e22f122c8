"""The dashboard app's own shutdown: no step of it can hold the process up."""

from __future__ import annotations

import asyncio
import time

import pytest

from dashboard_api.app import _bounded


async def test_a_hung_shutdown_step_is_logged_and_skipped(caplog: pytest.LogCaptureFixture) -> None:
    hung = asyncio.Event()
    started = time.monotonic()
    await _bounded("closing the bus", hung.wait(), timeout_s=0.1)
    assert time.monotonic() - started < 2
    assert "shutdown: closing the bus took over 0.1 s; skipped" in caplog.text


async def test_a_failing_shutdown_step_is_logged_and_the_rest_go_on(caplog: pytest.LogCaptureFixture) -> None:
    async def broken() -> None:
        raise OSError("socket already closed")

    await _bounded("closing the Redis client", broken())
    assert "shutdown: closing the Redis client failed; skipped" in caplog.text
    assert "socket already closed" in caplog.text
