"""ObsOverlay and ensure_sources against a REAL OBS Studio, headless under Xvfb.

OBS is started once per module by ``tests.support.obs_runner`` (temp config, websocket on
a free port with a random password). Skipped only when OBS or Xvfb is not installed
(``scripts/install_obs.sh``); a failure to start is a test error, not a skip.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import struct
import zlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from engines.backends import BackendError
from integrations.obs import ObsOverlay, ensure_sources, open_client
from integrations.obs import overlay as obs_overlay
from tests.support.obs_runner import ObsRunner

CAPTION = "VTuber Caption"
ALERT = "VTuber Alert"
OUTPUT = Path(__file__).resolve().parents[2] / "output"

pytestmark = pytest.mark.skipif(ObsRunner.available() is not None, reason=str(ObsRunner.available()))


@pytest.fixture(scope="module")
def obs_runner() -> Iterator[ObsRunner]:
    runner = ObsRunner(fps=10)
    try:
        runner.start()
        yield runner
    finally:
        runner.stop()


@pytest.fixture(scope="module")
def checker(obs_runner: ObsRunner) -> Iterator[Any]:
    """An independent client to look at what OBS really shows."""
    client = open_client(obs_runner.host, obs_runner.port, obs_runner.password, timeout_s=5)
    ensure_sources(client, obs_runner.scene)
    yield client
    with contextlib.suppress(Exception):  # OBS may have been restarted under it
        client.disconnect()


@pytest.fixture
async def overlay(obs_runner: ObsRunner, checker: Any) -> AsyncIterator[ObsOverlay]:
    ov = ObsOverlay(
        obs_runner.host,
        obs_runner.port,
        SecretStr(obs_runner.password),
        scene=obs_runner.scene,
        timeout_s=1.0,
        backoff_initial_s=0.2,
        backoff_max_s=0.5,
    )
    yield ov
    await ov.close()


def _text(client: Any, source: str) -> str:
    return str(
        client.send("GetInputSettings", {"inputName": source}, raw=True)["inputSettings"].get("text", "")
    )


def _screenshot(client: Any, source: str) -> bytes:
    data = client.send("GetSourceScreenshot", {"sourceName": source, "imageFormat": "png"}, raw=True)[
        "imageData"
    ]
    return base64.b64decode(str(data).split(",", 1)[1])


def _png_pixels(png: bytes) -> tuple[int, int, bytes]:
    """Width, height and the raw (filtered) scanlines of a PNG; enough to see if anything is drawn."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, body = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def _item_enabled(client: Any, scene: str, source: str) -> bool:
    item = client.send("GetSceneItemId", {"sceneName": scene, "sourceName": source}, raw=True)["sceneItemId"]
    return bool(
        client.send("GetSceneItemEnabled", {"sceneName": scene, "sceneItemId": item}, raw=True)[
            "sceneItemEnabled"
        ]
    )


def test_ensure_sources_creates_inputs_and_is_idempotent(checker: Any, obs_runner: ObsRunner) -> None:
    names = {i["inputName"]: i["inputKind"] for i in checker.send("GetInputList", raw=True)["inputs"]}
    assert names[CAPTION] == "text_ft2_source_v2"
    assert names[ALERT] == "text_ft2_source_v2"
    items = {
        i["sourceName"]
        for i in checker.send("GetSceneItemList", {"sceneName": obs_runner.scene}, raw=True)["sceneItems"]
    }
    assert {CAPTION, ALERT} <= items
    assert not _item_enabled(checker, obs_runner.scene, ALERT)  # alerts start hidden
    again = ensure_sources(checker, obs_runner.scene)
    assert again.created_inputs == [] and again.created_scene_items == []


async def test_caption_sets_text_renders_and_clears(
    overlay: ObsOverlay, checker: Any, obs_runner: ObsRunner
) -> None:
    assert await overlay.caption("Hi")
    await asyncio.sleep(0.3)  # two frames at 10 FPS
    before = _screenshot(checker, CAPTION)

    text = "Hello chat, welcome to the stream!"
    assert await overlay.caption(text)
    assert _text(checker, CAPTION) == text  # True means OBS has applied it

    await asyncio.sleep(0.3)
    after = _screenshot(checker, CAPTION)
    assert after != before
    w0, _h0, _ = _png_pixels(before)
    w1, h1, pixels = _png_pixels(after)
    assert w1 > w0 and h1 > 0  # the longer caption renders wider
    assert any(pixels)  # something is drawn (not an all-transparent image)

    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "obs_caption.png").write_bytes(_screenshot(checker, obs_runner.scene))

    assert await overlay.clear_caption()
    assert _text(checker, CAPTION) == ""


async def test_alert_shows_then_hides_without_blocking(
    overlay: ObsOverlay, checker: Any, obs_runner: ObsRunner
) -> None:
    assert await overlay.alert("follow", "Thanks for the follow, Ada!", seconds=1.0)
    # returned with the alert showing: it did not wait for the hide
    assert _text(checker, ALERT) == "Thanks for the follow, Ada!"
    assert _item_enabled(checker, obs_runner.scene, ALERT)
    async with asyncio.timeout(10):  # a guard against a hang, not a bound
        while _item_enabled(checker, obs_runner.scene, ALERT):  # then hidden in the background
            await asyncio.sleep(0.05)


async def test_switch_scene_and_missing_source(
    overlay: ObsOverlay, checker: Any, obs_runner: ObsRunner
) -> None:
    checker.send("CreateScene", {"sceneName": "BRB"})
    try:
        assert await overlay.switch_scene("BRB")
        assert checker.send("GetCurrentProgramScene", raw=True)["currentProgramSceneName"] == "BRB"
        assert await overlay.switch_scene(obs_runner.scene)
        assert not await overlay.switch_scene("No such scene")  # refused, not raised
        assert overlay.connected  # a refused request is not an outage
    finally:
        checker.send("SetCurrentProgramScene", {"sceneName": obs_runner.scene})
        checker.send("RemoveScene", {"sceneName": "BRB"})


async def test_wrong_password_is_a_clear_error_without_the_password(
    obs_runner: ObsRunner, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = "wrong-" + obs_runner.password[::-1]
    caplog.set_level(logging.DEBUG)
    ov = ObsOverlay(obs_runner.host, obs_runner.port, SecretStr(wrong), timeout_s=1.0, backoff_initial_s=0.2)
    try:
        with pytest.raises(BackendError) as info:
            await ov.connect()
        assert not info.value.retryable
        assert "password" in str(info.value) and "authentication" in str(info.value)
        assert wrong not in str(info.value) and wrong not in repr(ov)
        assert await ov.caption("x") is False  # the show goes on
    finally:
        await ov.close()
    assert caplog.records, "the failure should be logged"
    for record in caplog.records:
        assert wrong not in record.getMessage()
        assert obs_runner.password not in record.getMessage()
    assert wrong not in caplog.text and obs_runner.password not in caplog.text


async def test_obs_killed_calls_fail_fast_log_once_and_recover(
    overlay: ObsOverlay,
    checker: Any,
    obs_runner: ObsRunner,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.INFO, logger="integrations.obs")
    attempts = 0
    open_real = obs_overlay.open_client

    def counting_open(*args: Any, **kwargs: Any) -> Any:
        nonlocal attempts
        attempts += 1
        return open_real(*args, **kwargs)

    monkeypatch.setattr(obs_overlay, "open_client", counting_open)
    assert await overlay.caption("before the crash")
    obs_runner.kill()
    try:
        results = [await overlay.caption("during 0")]  # finds the connection lost
        calls = [overlay.caption(f"during {i}") for i in range(1, 5)]
        for call in [*calls, overlay.alert("raid", "raid!", seconds=0.1)]:
            with pytest.raises(StopIteration) as done:
                call.send(None)  # while it reconnects, a call fails without waiting for anything
            results.append(done.value.value)
        assert results == [False] * 6
        seen = attempts
        async with asyncio.timeout(30):  # several reconnect attempts (a guard, not a bound)
            while attempts < seen + 3:
                await asyncio.sleep(0.05)
        assert await overlay.caption("still down") is False
        outages = [r for r in caplog.records if "OBS unavailable" in r.getMessage()]
        assert len(outages) == 1, [r.getMessage() for r in caplog.records]
    finally:
        obs_runner.start()

    fresh = open_client(obs_runner.host, obs_runner.port, obs_runner.password, timeout_s=5)
    try:
        ensure_sources(fresh, obs_runner.scene)  # the crash may have lost unsaved sources
        async with asyncio.timeout(10):  # the overlay reconnects (a guard, not a bound)
            while not await overlay.caption("after the restart"):
                await asyncio.sleep(0.2)
        assert _text(fresh, CAPTION) == "after the restart"
    finally:
        fresh.disconnect()
    assert any("OBS is back" in r.getMessage() for r in caplog.records)
    assert not any(obs_runner.password in r.getMessage() for r in caplog.records)
