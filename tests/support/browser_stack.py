"""End-to-end browser tests' parts: the real dashboard served by uvicorn and the real bot (brain,
performer, recorder, heartbeat) on the same Redis bus and PostgreSQL, with a stand-in LLM server
and a fixed-timing voice; headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.
The fixtures that use them are in tests/dashboard_api/conftest.py."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from playwright.sync_api import Browser, Page, expect, sync_playwright

from config.settings import Settings
from dashboard_api.app import create_app
from engines import events as ev
from streamer.sources.replay import ReplaySource
from tests.support.dashboard_env import (
    FAST_HASHER,
    PASSWORD,
    Bot,
    LoopThread,
    Served,
    dashboard_settings,
    start_bot,
)

LONG_REPLY = (
    "Oh, I can hear you loud and clear from the replay. "
    "Let me tell you a very long story about the time I got lost in the castle for an hour. "
    "It involved three wrong turns, a grumpy ghost and a surprisingly friendly dragon."
)
WAIT_MS = 30_000
BOT_CONTEXT = 1_400
"""The test bot's context window, in tokens (the dashboard's llm.context_tokens is 2,048)."""
expect.set_options(timeout=WAIT_MS)  # this machine is slow and shared: be patient, not flaky


@dataclass
class Stack:
    settings: Settings
    bot: Bot
    bot_loop: LoopThread
    served: Served

    def twitch(self, state: Literal["ok", "degraded", "down", "revoked"], detail: str = "") -> None:
        """Twitch's health as the bot's Twitch connection reports it (this bot has no Twitch)."""
        status = ev.ComponentStatus(
            channel=self.settings.channel, component="twitch", state=state, detail=detail
        )
        self.bot_loop.run(self.bot.bus.publish(status))

    def replay(self, tmp: Path, *events: dict[str, object]) -> None:
        """Publish input events through the real replay source, as a rehearsal would."""
        path = tmp / "replay.jsonl"
        path.write_text("".join(json.dumps({"at": 0.0, "event": e}) + "\n" for e in events))
        source = ReplaySource(path, channel=self.settings.channel, speed=0)
        self.bot_loop.run(source.run(self.bot.bus.publish))


@contextmanager
def running_stack(pg_url: str, redis_url: str, redis_prefix: str) -> Iterator[Stack]:
    """The dashboard served by uvicorn and the real bot, each on its own event loop thread."""
    settings = dashboard_settings(pg_url, redis_url, redis_prefix, overlay_audio=True)
    bot_loop = LoopThread()
    # the bot's model has a smaller context than the dashboard's settings say (a persona the
    # dashboard saves may still be one this bot cannot run)
    bot = bot_loop.run(
        start_bot(settings, reply=LONG_REPLY, seconds_per_char=0.05, context_tokens=BOT_CONTEXT)
    )
    web_loop = LoopThread()
    served = Served(create_app(settings, hasher=FAST_HASHER), web_loop)
    try:
        yield Stack(settings, bot, bot_loop, served)
    finally:
        served.stop()
        web_loop.close()
        bot_loop.run(bot.stop())
        bot_loop.close()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Set up after the stack (Playwright's sync API keeps an event loop running in this
    thread, so nothing may call asyncio.run while it is open)."""
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--autoplay-policy=no-user-gesture-required"]
        )
        yield b
        b.close()


def chat_event(text: str, login: str = "pixelmage") -> dict[str, object]:
    return {
        "type": "chat.message",
        "user": {"id": "329817534", "login": login, "display_name": "PixelMage"},
        "text": text,
    }


def log_in(page: Page, base: str, name: str, target: str) -> None:
    page.goto(f"{base}/{target}")
    expect(page).to_have_url(f"{base}/login?next=/{target}")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{base}/{target}")
    expect(page.locator("#whoami")).to_contain_text(name)


def feed_row(page: Page, kind: str, text: str) -> object:
    return page.locator(f'#feed .row[data-type="{kind}"]', has_text=text)
