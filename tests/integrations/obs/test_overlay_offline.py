"""ObsOverlay with no OBS at all (runs everywhere, also where OBS is not installed)."""

from __future__ import annotations

import logging

import pytest

from engines.backends import BackendError
from integrations.obs import ObsOverlay
from tests.support.obs_runner import free_port


def test_vendor_logger_is_quiet_on_import() -> None:
    assert logging.getLogger("obsws_python").getEffectiveLevel() >= logging.WARNING
    assert not logging.getLogger("obsws_python.baseclient.ObsClient").isEnabledFor(logging.INFO)


async def test_obs_down_fails_fast_logs_once_and_never_leaks(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    password = "s3cret-offline-password"
    ov = ObsOverlay(
        "127.0.0.1", free_port(), password, timeout_s=0.5, backoff_initial_s=0.05, backoff_max_s=0.1
    )
    try:
        with pytest.raises(BackendError) as info:
            await ov.connect()
        assert info.value.retryable and "not reachable" in str(info.value)
        results = [await ov.caption("hi")]  # finds OBS down (refused at once) and starts reconnecting
        for call in (ov.alert("follow", "x", seconds=0.1), ov.switch_scene("BRB")):
            with pytest.raises(StopIteration) as done:
                call.send(None)  # while it reconnects, a call fails without waiting for anything
            results.append(done.value.value)
        assert results == [False, False, False]
        assert not ov.connected
    finally:
        await ov.close()
    outages = [r for r in caplog.records if "OBS unavailable" in r.getMessage()]
    assert len(outages) == 1
    assert password not in caplog.text and password not in repr(ov)
