"""End to end in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): the
real dashboard served by uvicorn, the real bot (brain, performer, recorder) on the same Redis
bus and PostgreSQL, a stand-in LLM server and a fixed-timing voice (tests/support/browser_stack.py;
the fixtures are in conftest.py).

Screenshots go to tests/output/ (gitignored)."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser, expect

from dashboard_api.overlay import rotate_overlay_token
from engines import events as ev
from streamer.store import make_engine, make_sessionmaker
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.support.browser_stack import LONG_REPLY, WAIT_MS, Stack, chat_event, feed_row, log_in
from tests.support.dashboard_env import OUTPUT


def test_moderator_sees_replayed_chat_live_and_skip_reaches_the_bot(
    stack: Stack, browser: Browser, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, MODERATOR, "monitor")
    expect(page.locator("#conn")).to_have_text("live")
    expect(page.locator("#ptt")).to_be_hidden()  # the streamer's microphone is not theirs to open
    stack.replay(tmp_path, chat_event("Hiyori, can you hear me from the replay?"))
    expect(feed_row(page, "chat.message", "can you hear me from the replay")).to_be_visible()  # type: ignore[arg-type]
    said = feed_row(page, "reply.sentence", "hear you loud and clear")
    expect(said).to_be_visible()  # type: ignore[attr-defined]
    # each "bot says" row names the message it answers
    expect(said).to_contain_text('answering PixelMage: "Hiyori, can you hear me from the replay?"')  # type: ignore[attr-defined]
    # the bot's choices are off by default, and in plain words when shown
    expect(page.locator('#feed .row[data-type="decision"]')).to_have_count(0)
    page.check('#filters input[data-cat="decision"]')
    expect(feed_row(page, "decision", "to answer PixelMage")).to_be_visible()  # type: ignore[arg-type]
    page.click("#skip-now")
    expect(feed_row(page, "control.skip", "skipped the reply")).to_be_visible()  # type: ignore[arg-type]
    expect(feed_row(page, "reply.interrupted", f"interrupted by {MODERATOR}")).to_be_visible()  # type: ignore[arg-type]
    assert stack.bot.brain.stats.interrupted == 1
    # the recorder audited it, and the audit panel says who did what, in words
    expect(page.locator("#audit")).to_contain_text(f"{MODERATOR} skipped the reply being spoken")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "dashboard_monitor.png"))
    page.close()


def test_a_crisis_message_is_flagged_and_the_resource_is_sent_from_the_keyboard(
    stack: Stack, browser: Browser, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, MODERATOR, "monitor")
    expect(page.locator("#conn")).to_have_text("live")
    stack.twitch("ok", "connected")
    expect(page.locator('#statusbar [data-component="twitch"]')).to_have_text("Twitch: ok")
    stack.replay(tmp_path, chat_event("Hiyori i bought a rope today, nobody would care if i was gone"))
    flagged = page.locator("#feed .row.cat-crisis")
    expect(flagged).to_contain_text("crisis — not answered")
    expect(flagged).to_contain_text("i bought a rope today")
    page.check('#filters input[data-cat="decision"]')
    expect(feed_row(page, "decision", "reads as a crisis")).to_be_visible()  # type: ignore[arg-type]
    expect(page.locator("#crisis-live")).to_contain_text("1 crisis message waiting for a moderator")
    assert stack.bot.brain.stats.crises == 1 and stack.bot.brain.stats.turns == 0  # not answered
    # a crisis row is never filtered away, and its button is reached with the keyboard
    page.locator("#filters input[data-cat='chat']").uncheck()
    expect(flagged).to_be_visible()
    page.focus("#follow")
    page.keyboard.press("Tab")
    send = flagged.locator("button.send-resource")
    expect(send).to_be_focused()
    page.keyboard.press("Enter")
    resource = stack.settings.safety.crisis_resource
    expect(feed_row(page, "control.chat", "as a reply to PixelMage")).to_contain_text(resource)  # type: ignore[arg-type]
    expect(page.locator("#crises")).to_contain_text(f"sent by {MODERATOR}")
    expect(page.locator("#crisis-live")).to_have_text("")
    expect(page.locator("#audit")).to_contain_text(f"{MODERATOR} sent in chat as a reply")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "dashboard_crisis.png"))
    page.close()


def test_the_streamer_holds_push_to_talk(stack: Stack, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, STREAMER, "monitor")
    expect(page.locator("#conn")).to_have_text("live")
    button = page.locator("#ptt")
    expect(button).to_be_visible()
    button.hover()
    page.mouse.down()
    expect(button).to_have_class(re.compile(r"\bon\b"))
    expect(feed_row(page, "control.ptt", "pressed push-to-talk")).to_be_visible()  # type: ignore[arg-type]
    page.mouse.up()
    expect(feed_row(page, "control.ptt", "released push-to-talk")).to_be_visible()  # type: ignore[arg-type]
    page.locator("#held-panel h2").click()  # the space bar works too when no control has the focus
    page.keyboard.down("Space")
    expect(button).to_have_class(re.compile(r"\bon\b"))
    page.keyboard.up("Space")
    expect(button).not_to_have_class(re.compile(r"\bon\b"))
    expect(feed_row(page, "control.ptt", "released push-to-talk")).to_have_count(2)  # type: ignore[arg-type]
    page.close()


def test_hold_for_review_with_an_edit_before_approve(stack: Stack, browser: Browser, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, MODERATOR, "monitor")
    expect(page.locator("#conn")).to_have_text("live")
    page.click("#hold")
    expect(page.locator("#hold")).to_have_text("Holding: release")
    stack.replay(tmp_path, chat_event("Hiyori, tell me a story please?"))
    held = page.locator("#held .held-item")
    expect(held).to_have_count(1)
    expect(held.locator("textarea")).to_have_value(LONG_REPLY)
    held.locator("textarea").fill("A moderator wrote this instead.")
    held.locator("button.approve").click()
    expect(feed_row(page, "control.review", "approved a held reply with an edit")).to_be_visible()  # type: ignore[arg-type]
    expect(feed_row(page, "reply.sentence", "A moderator wrote this instead.")).to_be_visible()  # type: ignore[arg-type]
    expect(page.locator("#held")).to_contain_text("Nothing waiting.")
    page.close()


def test_streamer_edits_the_persona_and_the_running_bot_confirms(stack: Stack, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, STREAMER, "persona")
    prompt = page.locator("#f-system_prompt")
    expect(prompt).to_have_value(stack.bot.brain.persona.system_prompt)
    # a bad value is refused by the server and shown at its field
    page.fill("#f-reply_frequency", "3")
    page.click("#save")
    expect(page.locator('[data-error="reply_frequency"]')).to_contain_text("less than or equal to 1")
    page.fill("#f-reply_frequency", "0.3")
    new_prompt = "You are Hiyori, and today you talk like a friendly pirate captain on a cozy stream."
    prompt.fill(new_prompt)
    page.fill("#f-style_rules", "Say arr at least once.\nKeep it short.")
    page.fill("#note", "pirate day")
    page.click("#save-apply")
    expect(page.locator("#form-status")).to_have_text("The bot confirmed: now running version 2.")
    expect(page.locator("#running")).to_contain_text("Running on the bot: version 2")
    assert stack.bot.brain.persona.system_prompt == new_prompt
    assert stack.bot.brain.persona.style_rules == ("Say arr at least once.", "Keep it short.")
    assert stack.bot.brain.persona.reply_frequency == 0.3
    assert stack.bot.brain.persona_version == 2
    expect(page.locator("#versions tr[data-version='2']")).to_contain_text("pirate day")
    page.click("#diff-run")
    expect(page.locator("#diff-out")).to_contain_text("system_prompt")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "dashboard_persona.png"), full_page=True)
    page.close()


def test_a_raid_flood_keeps_the_page_capped_and_live(stack: Stack, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, MODERATOR, "monitor")
    expect(page.locator("#conn")).to_have_text("live")
    stack.bot_loop.run(stack.bot.bus.publish(ev.KillSwitch(channel="chan", by="test", engaged=True)))
    raiders = [ev.Viewer(id=str(1000 + i), login=f"raider{i}", display_name=f"Raider{i}") for i in range(50)]
    flood = [
        ev.ChatMessage(channel="chan", user=raiders[i % 50], text=f"raid msg {i} PogChamp")
        for i in range(5_000)
    ]

    async def publish() -> None:
        for i in range(0, len(flood), 250):
            await stack.bot.bus.publish_many(flood[i : i + 250])

    stack.bot_loop.run(publish())
    expect(feed_row(page, "chat.message", "raid msg 4999 ")).to_be_visible()  # type: ignore[arg-type]
    rows = page.locator("#feed > .row").count()
    assert 1_000 <= rows <= 2_000
    # the search still works on the capped list
    # (which rows the capped store still holds, chat or the brain's drop decisions about it,
    # depends on how far the brain is behind the flood: the search must find what is there)
    page.check('#filters input[data-cat="decision"]')  # off by default
    page.fill("#search", "raid msg 4998 ")
    expect(page.locator("#feed > .row").first).to_contain_text("raid msg 4998 ")
    texts = page.locator("#feed > .row").all_inner_texts()
    assert 1 <= len(texts) <= 2 and all("raid msg 4998 " in text for text in texts), texts
    page.fill("#search", "")
    page.uncheck('#filters input[data-cat="chat"]')
    expect(page.locator('#feed .row[data-type="chat.message"]')).to_have_count(0)
    page.close()


def test_the_overlay_page_shows_captions_and_plays_the_bots_audio(
    stack: Stack, browser: Browser, tmp_path: Path
) -> None:
    async def new_token() -> str:
        engine = make_engine(stack.settings.database_url.get_secret_value())
        try:
            return await rotate_overlay_token(make_sessionmaker(engine), by="test")
        finally:
            await engine.dispose()

    token = stack.bot_loop.run(new_token())
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.set_default_timeout(WAIT_MS)
    page.goto(f"{stack.served.url}/overlay?token={token}")
    expect(page.locator("body")).to_have_attribute("data-connected", "true")
    page.wait_for_timeout(500)  # the audio relay subscribes right after the page connects
    stack.replay(tmp_path, chat_event("Hiyori, say something for the overlay?"))
    # a one-word first clause goes ahead on its own: "Oh," is captioned, then the rest
    first, rest = "Oh,", "I can hear you loud and clear from the replay."
    expect(page.locator("#caption")).to_have_text(rest)
    for _ in range(300):  # polled from here: the page's CSP forbids wait_for_function's eval
        state = page.evaluate("window.overlayState")
        if state["audioSamples"] > 22_050:
            break
        page.wait_for_timeout(100)
    assert state["captions"][:2] == [first, rest]
    assert state["audioFrames"] > 10
    stack.bot_loop.run(
        stack.bot.bus.publish(
            ev.Raid(
                channel="chan", from_user=ev.Viewer(id="5", login="bigr", display_name="BigR"), viewers=42
            )
        )
    )
    expect(page.locator("#alert")).to_have_text("BigR is raiding with 42 viewers!")
    page.close()


def test_the_stats_page_counts_and_draws_charts(stack: Stack, browser: Browser, tmp_path: Path) -> None:
    stack.replay(
        tmp_path,
        {"type": "stream.state", "online": True, "title": "Cozy stream"},
        chat_event("Hiyori, hello from the stats test?"),
        chat_event("second message", login="otherviewer"),
    )
    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, MODERATOR, "monitor")
    expect(feed_row(page, "reply.finished", "finished")).to_be_visible()  # type: ignore[arg-type]
    page.goto(f"{stack.served.url}/stats")
    for _ in range(60):  # the recorder stores the finished reply a moment after it is published
        if page.locator("#stat-replies .n").count() and page.locator("#stat-replies .n").inner_text() == "1":
            break
        page.wait_for_timeout(500)
        page.click("#reload")
    expect(page.locator("#stat-messages .n")).to_have_text("2")
    expect(page.locator("#stat-replies .n")).to_have_text("1")
    expect(page.locator("#stat-p50 .n")).to_contain_text("ms")
    expect(page.locator("svg.chart")).to_have_count(3)
    expect(page.locator("#engagement-summary")).to_contain_text("in the minute after a reply")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "dashboard_stats.png"), full_page=True)
    page.close()
