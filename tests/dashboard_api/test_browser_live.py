"""The chat monitor in a live show, in headless Chromium at 1600 and 900 px, against the real
dashboard and the real bot (brain, recorder, heartbeat) on one Redis bus: the status bar and a
component down, a Twitch action while Twitch is down, the feed holding still for a reader and
in a raid, row actions from the keyboard with undo, a held reply's context, an expired session,
the space bar on a focused button, and the contrast of the alarm colours.

Screenshots go to tests/output/ (gitignored)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from engines import events as ev
from streamer.store import make_engine, make_sessionmaker
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.support.browser_stack import WAIT_MS, Stack, chat_event, feed_row, log_in
from tests.support.dashboard_env import OUTPUT, PASSWORD

WIDTHS = (1600, 900)
LONG = (
    "Hiyori, this is a deliberately long message from a viewer who has a lot to say about the castle "
    "story, the grumpy ghost, the dragon and whether the stream should go on for another hour tonight, "
    "and a moderator has to read every word of it to judge it fairly before acting on it."
)


def open_monitor(stack: Stack, browser: Browser, width: int, who: str = MODERATOR) -> Page:
    page = browser.new_page(viewport={"width": width, "height": 1000})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, who, "monitor")
    expect(page.locator("#conn")).to_have_text("live")
    expect(page.locator("#sb-bot")).to_have_text("Bot running")
    return page


def shot(page: Page, name: str, width: int) -> None:
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"monitor_{name}_{width}.png"))


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(page: Page, selector: str) -> float:
    """WCAG contrast of an element's text against its own (filled) background."""
    colours = page.locator(selector).evaluate(
        "n => [getComputedStyle(n).color, getComputedStyle(n).backgroundColor]"
    )
    fg, bg = (tuple(float(x) for x in re.findall(r"[\d.]+", c)) for c in colours)
    assert len(bg) == 3 or bg[3] == 1, f"{selector} has no filled background: {colours}"
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_status_bar_shows_a_component_down_and_a_twitch_action_is_refused(
    stack: Stack, browser: Browser, tmp_path: Path, width: int
) -> None:
    page = open_monitor(stack, browser, width)
    bar = page.locator("#statusbar")
    expect(bar.locator('[data-component="llm"]')).to_have_text("LLM: ok")
    expect(bar.locator('[data-component="twitch"]')).to_have_text("Twitch: off")  # this bot has no Twitch
    expect(page.locator("#sb-kill")).to_have_text("kill switch off")
    stack.twitch("down", "EventSub connection lost")
    twitch = bar.locator('[data-component="twitch"]')
    expect(twitch).to_have_text("Twitch: down")
    expect(twitch).to_have_attribute("title", "EventSub connection lost")
    stack.replay(tmp_path, chat_event("Hiyori, watch me get timed out?", login="troll_99"))
    row = feed_row(page, "chat.message", "watch me get timed out")
    row.locator('button[data-act="timeout"]').click()  # type: ignore[attr-defined]
    expect(page.locator("#pending")).to_contain_text("Time out PixelMage for 10 minutes in")
    shot(page, "status_twitch_down", width)
    expect(page.locator("#action-error")).to_have_text(
        "Not done: time out PixelMage. not sent: twitch is down: EventSub connection lost", timeout=10_000
    )
    expect(page.locator("#action-error")).to_have_class("error")
    expect(page.locator('#feed .row[data-type="control.moderate"]')).to_have_count(0)
    # the kill switch, on, is a large filled label that reads at WCAG AA and better
    page.click("#kill")
    expect(page.locator("#sb-kill")).to_have_text("KILL SWITCH ON: the bot is silent")
    expect(page.locator("#kill")).to_have_text("Silenced: resume")
    assert contrast(page, "#sb-kill") >= 4.5
    assert contrast(page, "#kill") >= 4.5  # was white on red, 2.78:1
    assert contrast(page, '#statusbar [data-component="twitch"]') >= 4.5
    page.click("#hold")
    expect(page.locator("#sb-hold")).to_have_text("HOLDING: replies wait for review")
    assert contrast(page, "#sb-hold") >= 4.5 and contrast(page, "#hold") >= 4.5
    shot(page, "status_killed", width)
    page.close()


def test_with_the_bot_stopped_the_bar_says_so_and_live_actions_are_refused(
    stack: Stack, browser: Browser
) -> None:
    page = open_monitor(stack, browser, 1600)
    stack.bot.heartbeat.stop()
    expect(page.locator("#sb-bot")).to_contain_text("Bot NOT running", timeout=15_000)
    expect(page.locator('#statusbar [data-component="llm"]')).to_have_text("LLM: unknown")
    expect(page.locator("#sb-kill")).to_have_text("kill switch off (last known)")
    page.click("#skip-now")
    expect(page.locator("#action-error")).to_contain_text("not sent: the bot is not running")
    page.click("#hold")  # a mode waits for the bot
    expect(page.locator("#action-error")).to_contain_text("Queued: hold. The bot is not running")
    shot(page, "status_bot_down", 1600)
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_feed_holds_still_for_a_reader_and_stays_live_in_a_raid(
    stack: Stack, browser: Browser, tmp_path: Path, width: int
) -> None:
    page = open_monitor(stack, browser, width)
    stack.bot_loop.run(stack.bot.bus.publish(ev.KillSwitch(channel="chan", by="test", engaged=True)))
    raiders = [ev.Viewer(id=str(1000 + i), login=f"raider{i}", display_name=f"Raider{i}") for i in range(50)]

    async def flood(start: int, n: int) -> None:
        msgs = [
            ev.ChatMessage(channel="chan", user=raiders[i % 50], text=f"raid msg {i} PogChamp")
            for i in range(start, start + n)
        ]
        for i in range(0, n, 250):
            await stack.bot.bus.publish_many(msgs[i : i + 250])

    stack.bot_loop.run(flood(0, 1_500))
    expect(feed_row(page, "chat.message", "raid msg 1499 ")).to_be_visible()  # type: ignore[arg-type]
    stack.replay(tmp_path, chat_event(LONG))
    long_row = feed_row(page, "chat.message", "every word of it")
    expect(long_row).to_be_visible()  # type: ignore[attr-defined]
    msg = long_row.locator(".msg")  # type: ignore[attr-defined]
    # the whole message is on the page, wrapped: nothing cut off
    assert msg.evaluate("n => n.scrollWidth <= n.clientWidth + 1")
    assert msg.bounding_box()["height"] > 30  # more than one line
    # the reader scrolls up: the feed holds still and counts what came
    feed = page.locator("#feed")
    feed.evaluate("n => { n.scrollTop = 0; }")
    first = page.locator("#feed > .row").first.inner_text()
    stack.bot_loop.run(flood(1_500, 500))
    jump = page.locator("#jump-live")
    # the count grows as the 500 arrive: wait for 100 or more (three digits), not the first one
    expect(jump).to_have_text(re.compile(r"^[1-9]\d{2,} new, jump to live$"))
    expect(page.locator("#feed-state")).to_contain_text("Paused while you read back")
    page.wait_for_timeout(500)
    assert page.locator("#feed > .row").first.inner_text() == first  # nothing moved
    expect(feed_row(page, "chat.message", "raid msg 1999 ")).to_have_count(0)  # type: ignore[arg-type]
    shot(page, "raid_paused", width)
    jump.click()
    expect(feed_row(page, "chat.message", "raid msg 1999 ")).to_be_visible()  # type: ignore[arg-type]
    expect(jump).to_be_hidden()
    assert page.locator("#feed > .row").count() <= 2_000
    # hovering the feed holds it still too (rows do not move under the pointer)
    page.mouse.move(1, 1)
    feed.hover()
    expect(page.locator("#feed-state")).to_contain_text("while the pointer is over the feed")
    stack.bot_loop.run(flood(2_000, 10))
    expect(jump).to_have_text("10 new, jump to live")
    expect(feed_row(page, "chat.message", "raid msg 2009 ")).to_have_count(0)  # type: ignore[arg-type]
    page.mouse.move(1, 1)  # off the feed: it goes live by itself
    expect(feed_row(page, "chat.message", "raid msg 2009 ")).to_be_visible()  # type: ignore[arg-type]
    shot(page, "raid_live", width)
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_row_actions_by_keyboard_with_undo_and_a_held_reply_with_its_context(
    stack: Stack, browser: Browser, tmp_path: Path, width: int
) -> None:
    page = open_monitor(stack, browser, width)
    expect(page.locator("#shortcuts")).to_contain_text("undo the last block, timeout, delete or ban")
    page.click("#kill")  # the bot stays quiet, so the message stays queued
    expect(page.locator("#sb-kill")).to_contain_text("KILL SWITCH ON")
    stack.replay(tmp_path, chat_event("Hiyori, please block me, I dare you?", login="troll_99"))
    row = feed_row(page, "chat.message", "please block me")
    expect(row.locator("button[data-act]")).to_have_count(5)  # type: ignore[attr-defined]
    expect(row.locator('button[data-act="ban"]')).to_be_visible()  # type: ignore[attr-defined]  # no hover needed
    page.locator("#held-panel h2").click()
    page.keyboard.press("j")
    expect(row).to_be_focused()  # type: ignore[arg-type]
    page.keyboard.press("b")
    expect(page.locator("#pending")).to_contain_text("Block PixelMage from the bot in")
    page.keyboard.press("u")
    expect(page.locator("#action-error")).to_have_text("Undone: Block PixelMage from the bot.")
    expect(page.locator("#pending")).to_be_empty()
    row.focus()  # type: ignore[attr-defined]
    page.keyboard.press("s")
    expect(page.locator("#action-error")).to_have_text("Sent to the bot: skip PixelMage's message.")
    expect(page.locator("#jump-live")).to_be_visible()  # a focused row holds the feed still
    page.keyboard.press("End")  # back to live
    expect(feed_row(page, "control.skip", "dropped a queued message")).to_have_count(1)  # type: ignore[arg-type]
    page.wait_for_timeout(5_500)  # past the undo window: the undone block was never sent
    expect(page.locator('#feed .row[data-type="control.block"]')).to_have_count(0)
    # Tab reaches a row's buttons too
    page.locator('#feed .row button[data-act="skip"]').first.focus()
    page.keyboard.press("Tab")
    expect(page.locator('#feed .row button[data-act="block"]').first).to_be_focused()
    # a held reply shows who asked what, and how long it has waited
    page.click("#kill")
    page.click("#hold")
    expect(page.locator("#sb-hold")).to_contain_text("HOLDING")
    expect(page.locator("#sb-kill")).to_have_text("kill switch off")
    stack.replay(tmp_path, chat_event("Hiyori, tell me a story please?"))
    held = page.locator("#held .held-item")
    expect(held).to_have_count(1)
    expect(held.locator(".held-asked")).to_have_text("PixelMage: Hiyori, tell me a story please?")
    expect(held.locator(".held-age")).to_have_text(re.compile(r"^waiting \d+ s$"))
    # the age counts up (the page redraws it on a timer, which a busy machine delays): wait for 2 s or more
    expect(held.locator(".held-age")).to_have_text(re.compile(r"^waiting ([2-9]|\d{2,}) s$"))
    shot(page, "held_and_shortcuts", width)
    held.locator("button.reject").click()
    expect(page.locator("#held")).to_contain_text("Nothing waiting.")
    expect(page.locator("#audit")).to_contain_text(f"{MODERATOR} rejected a held reply")
    expect(page.locator("#audit")).to_contain_text(f"{MODERATOR} turned the kill switch on")
    times = page.locator("#audit .audit-row .dim").all_inner_texts()
    assert times and all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ", t) for t in times), times
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_an_expired_session_opens_a_login_over_the_page_within_seconds(
    stack: Stack, browser: Browser, width: int
) -> None:
    page = open_monitor(stack, browser, width)

    async def expire_all() -> None:
        engine = make_engine(stack.settings.database_url.get_secret_value())
        try:
            async with make_sessionmaker(engine)() as s, s.begin():
                from sqlalchemy import text

                await s.execute(
                    text("UPDATE dashboard_sessions SET expires_at = now() - interval '1 second'")
                )
        finally:
            await engine.dispose()

    stack.bot_loop.run(expire_all())
    overlay = page.locator("#session-overlay")
    expect(overlay).to_be_visible(timeout=5_000)  # the status bar asks every 2 s
    expect(overlay).to_contain_text("Your session ended")
    expect(page.locator("#relogin-password")).to_be_focused()
    shot(page, "session_expired", width)
    page.fill("#relogin-password", "not it")
    page.click("#relogin button[type=submit]")
    expect(page.locator("#relogin-error")).to_have_text("Wrong name or password.")
    page.fill("#relogin-password", PASSWORD)
    page.click("#relogin button[type=submit]")
    expect(overlay).to_have_count(0)
    expect(page.locator("#conn")).to_have_text("live", timeout=15_000)
    page.click("#kill")  # the new session's CSRF token is used
    expect(page.locator("#sb-kill")).to_contain_text("KILL SWITCH ON")
    page.close()


def test_the_space_bar_presses_a_focused_button_not_push_to_talk(stack: Stack, browser: Browser) -> None:
    page = open_monitor(stack, browser, 1600, who=STREAMER)
    page.focus("#hold")
    page.keyboard.press("Space")
    expect(page.locator("#sb-hold")).to_contain_text("HOLDING")
    expect(page.locator("#ptt")).not_to_have_class(re.compile(r"\bon\b"))
    expect(feed_row(page, "control.hold", "turned hold-for-review on")).to_be_visible()  # type: ignore[arg-type]
    expect(page.locator('#feed .row[data-type="control.ptt"]')).to_have_count(0)
    page.close()
