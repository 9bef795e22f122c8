"""run_bot's watch over its tasks: one that ends on its own is logged once, with its error."""

from __future__ import annotations

import asyncio
import logging

import pytest

from streamer.app import _report_dead


async def test_a_crashed_or_stopped_task_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    async def crash() -> None:
        raise RuntimeError("the brain fell over")

    async def finish() -> None:
        return None

    running = asyncio.create_task(asyncio.sleep(10), name="recorder")
    crashed = asyncio.create_task(crash(), name="brain")
    finished = asyncio.create_task(finish(), name="alerts")
    await asyncio.wait([crashed, finished])
    tasks: list[asyncio.Task[object]] = [running, crashed, finished]  # type: ignore[list-item]
    reported: set[asyncio.Task[object]] = set()
    with caplog.at_level(logging.ERROR, logger="streamer.app"):
        _report_dead(tasks, reported)
        _report_dead(tasks, reported)
    messages = [r.getMessage() for r in caplog.records]
    assert messages == ["bot task brain crashed: the brain fell over", "bot task alerts stopped"]
    assert tasks == [running, crashed, finished]  # run_bot still cancels and awaits them all
    running.cancel()
