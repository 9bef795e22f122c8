"""The supervisor's report of bot tasks that ended: a replay that played to its end is normal."""

from __future__ import annotations

import asyncio
import logging

import pytest

from streamer.supervisor import report_dead


async def test_a_replay_that_finished_is_logged_at_info_and_other_stops_at_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def finish() -> int:
        return 3

    async def crash() -> None:
        raise RuntimeError("bad file")

    replay = asyncio.create_task(finish(), name="replay")
    brain = asyncio.create_task(finish(), name="brain")
    await asyncio.wait([replay, brain])
    reported: set[asyncio.Task[object]] = set()
    with caplog.at_level(logging.INFO, logger="streamer.supervisor"):
        report_dead([replay, brain], reported)  # type: ignore[list-item]
    levels = {r.getMessage(): r.levelno for r in caplog.records}
    assert levels == {"bot task replay finished": logging.INFO, "bot task brain stopped": logging.ERROR}

    caplog.clear()
    failed = asyncio.create_task(crash(), name="replay")
    await asyncio.wait([failed])
    with caplog.at_level(logging.INFO, logger="streamer.supervisor"):
        report_dead([failed], reported)  # type: ignore[list-item]
    [record] = caplog.records
    assert record.levelno == logging.ERROR  # a replay that crashed is still an error
    assert record.getMessage() == "bot task replay crashed: bad file"
