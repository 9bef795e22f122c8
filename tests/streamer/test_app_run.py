"""run_bot's watch over its tasks (one that ends on its own is logged once, with its error),
its warning when nobody would hear the voice, and its heartbeat."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from config.settings import load_settings
from engines import events as ev
from streamer.app import App
from streamer.status import spawn
from streamer.supervisor import report_dead, run_bot
from tests.support.fake_openai import FakeBehavior, FakeOpenAI


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
    with caplog.at_level(logging.ERROR, logger="streamer.supervisor"):
        report_dead(tasks, reported)
        report_dead(tasks, reported)
    messages = [r.getMessage() for r in caplog.records]
    assert messages == ["bot task brain crashed: the brain fell over", "bot task alerts stopped"]
    assert tasks == [running, crashed, finished]  # run_bot still cancels and awaits them all
    running.cancel()


@pytest.mark.parametrize(("sink", "warned"), [("wav", True), ("none", False)])
async def test_run_warns_when_the_voice_only_goes_to_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, sink: str, warned: bool
) -> None:
    for key in ("REDIS_URL", "DATABASE_URL", "VTUBER_CONFIG"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)
    async with FakeOpenAI(FakeBehavior(reply="Hi!", ttft_s=0.01)) as fake:
        settings = load_settings(
            data_dir=tmp_path / "data",
            database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
            llm={"provider": "openai", "base_url": fake.base_url, "model": "fake", "api_key": "x"},
            performer={"sink": sink},
        )
        stop = asyncio.Event()
        with caplog.at_level(logging.WARNING, logger="streamer.supervisor"):
            bot = asyncio.create_task(run_bot(settings, stop=stop, on_status=lambda app: stop.set()))
            await asyncio.wait_for(bot, 60)  # on_status runs once the show is up: stop there
    said = any("nobody hears it live" in r.getMessage() for r in caplog.records)
    assert said is warned


async def test_the_running_bot_beats_with_its_components_and_persona(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in ("REDIS_URL", "DATABASE_URL", "VTUBER_CONFIG"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)
    beats: list[ev.BotHeartbeat] = []
    async with FakeOpenAI(FakeBehavior(reply="Hi!", ttft_s=0.01)) as fake:
        settings = load_settings(
            data_dir=tmp_path / "data",
            database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
            llm={"provider": "openai", "base_url": fake.base_url, "model": "fake", "api_key": "x"},
            performer={"sink": "none"},
        )
        stop = asyncio.Event()

        def watch(app: App) -> None:
            async def look() -> None:
                got = [d.event for d in await app.bus.recent("output", 100)]
                beats.extend(e for e in got if isinstance(e, ev.BotHeartbeat))
                if beats:
                    stop.set()

            spawn(look())

        bot = asyncio.create_task(run_bot(settings, stop=stop, on_status=watch))
        await asyncio.wait_for(bot, 60)  # on_status runs every 2 s once the show is up
    beat = beats[0]
    assert beat.persona == "hiyori" and beat.persona_version == 1
    assert not beat.killed and not beat.holding
    states = {name: health.state for name, health in beat.components.items()}
    assert states == {
        "llm": "ok",
        "tts": "ok",
        "twitch": "off",
        "voice": "off",
        "obs": "off",
        "vtube_studio": "off",
    }
