"""A viewer's memories on the chat monitor, in headless Chromium against the real dashboard and
the real bot: a moderator opens them from a chat row (the viewer's name, or m on a focused row),
corrects one and deletes one through the memory page's API, closes the panel with Escape, and the
live feed goes on meanwhile. Typing in a memory does not fire the monitor's row keys.

Screenshots go to tests/output/ (gitignored)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Dialog, Locator, Page, expect
from sqlalchemy import select

from engines import events as ev
from engines.ai.memory import Fact
from streamer.store import make_engine, make_sessionmaker
from streamer.store.memory import MemoryStore
from streamer.store.models import MemoryRow
from tests.dashboard_api.conftest import MODERATOR
from tests.support.browser_stack import WAIT_MS, Stack, chat_event, log_in
from tests.support.dashboard_env import OUTPUT

VIEWER_ID = "329817534"  # chat_event's viewer


def seed(stack: Stack, url: str) -> None:
    async def go() -> None:
        engine = make_engine(url)
        store = MemoryStore(make_sessionmaker(engine), stack.settings.channel)
        await store.add(
            "hiyori",
            VIEWER_ID,
            "troll_99",
            [
                Fact("pet", "has a cat named Mochi (Mochi has a cold)", "m1"),
                Fact("game", "plays Celeste", "m1"),
            ],
        )
        await store.add("hiyori", "202", "kiri", [Fact("from", "is from Osaka", "k1")])
        await engine.dispose()

    stack.bot_loop.run(go())


def stored(stack: Stack, url: str) -> dict[str, tuple[str, str, str | None]]:
    """id -> (login, text, edited_by), read on the bot's loop (Playwright holds this thread's)."""

    async def go() -> dict[str, tuple[str, str, str | None]]:
        engine = make_engine(url)
        async with make_sessionmaker(engine)() as s:
            rows = {m.id: (m.viewer_login, m.text, m.edited_by) for m in await s.scalars(select(MemoryRow))}
        await engine.dispose()
        return rows

    return stack.bot_loop.run(go())


def chat_row(page: Page, text: str) -> Locator:
    return page.locator('#feed .row[data-type="chat.message"]', has_text=text)


def overlaps(a: Locator, b: Locator) -> bool:
    x, y = a.bounding_box(), b.bounding_box()
    assert x is not None and y is not None
    return (
        x["x"] < y["x"] + y["width"]
        and y["x"] < x["x"] + x["width"]
        and x["y"] < y["y"] + y["height"]
        and y["y"] < x["y"] + x["height"]
    )


def test_a_moderator_sees_edits_and_deletes_a_viewers_memories_from_the_monitor(
    stack: Stack, browser: Browser, tmp_path: Path, pg_url: str
) -> None:
    seed(stack, pg_url)
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.set_default_timeout(WAIT_MS)
    dialogs: list[str] = []

    def accept(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    log_in(page, stack.served.url, MODERATOR, "monitor")
    expect(page.locator("#conn")).to_have_text("live")
    expect(page.locator("#shortcuts")).to_contain_text("the viewer's memories")
    # the bot stays quiet: nothing it says or remembers gets in the way
    stack.bot_loop.run(stack.bot.bus.publish(ev.KillSwitch(channel="chan", by="test", engaged=True)))
    expect(page.locator("#sb-kill")).to_contain_text("KILL SWITCH ON")
    stack.replay(tmp_path, chat_event("Hiyori, my cat is better now!", login="troll_99"))
    row = chat_row(page, "my cat is better now")
    expect(row.locator("button[data-act]")).to_have_count(5)  # the row's own actions, unchanged
    panel = page.locator("#memories-panel")
    expect(panel).to_be_hidden()

    # the name opens the viewer's memories, and only theirs
    name = row.locator("button.who-open")
    expect(name).to_have_text("PixelMage")
    name.click()
    expect(panel).to_be_visible()
    expect(page.locator("#memories-title")).to_have_text("Memories of PixelMage")
    expect(page.locator("#memories-title")).to_be_focused()
    items = panel.locator("li.memory-item")
    expect(items).to_have_count(2)
    expect(panel.locator('li[data-id="m1:0"] input.memory-text')).to_have_value(
        "has a cat named Mochi (Mochi has a cold)"
    )
    expect(panel).not_to_contain_text("Osaka")
    expect(page.locator("#memories-link")).to_have_attribute("href", "/memory?viewer=troll_99")

    # correct one: typing in the field does not fire the row keys (s, b, t, d, x, u, m, j, k)
    field = panel.locator('li[data-id="m1:0"] input.memory-text')
    field.fill("has a cat named Mochi")
    field.press_sequentially(" (she got better; thanks mods, just kidding by the way)")
    panel.locator('li[data-id="m1:0"] button.save-memory').click()
    expect(page.locator("#memories-status")).to_have_text("Memory saved.")
    expect(panel.locator('li[data-id="m1:0"]')).to_contain_text(f"edited by {MODERATOR}")
    expect(page.locator("#pending")).to_be_empty()
    expect(page.locator('#feed .row[data-type="control.skip"]')).to_have_count(0)

    # delete the other, after confirming
    panel.locator('li[data-id="m1:1"] button.delete-memory').click()
    expect(page.locator("#memories-status")).to_have_text("Memory deleted.")
    expect(panel.locator('li[data-id="m1:1"]')).to_have_count(0)
    expect(items).to_have_count(1)
    assert dialogs == ["Delete this memory?"]
    page.screenshot(path=str(OUTPUT / "monitor_memories_1600.png"))
    for covered in ("#feed", "#kill", "#sb-kill", "#crisis-panel"):  # the panel hides none of these
        assert not overlaps(page.locator("#memories-panel"), page.locator(covered)), covered
    assert stored(stack, pg_url) == {
        "m1:0": (
            "troll_99",
            "has a cat named Mochi (she got better; thanks mods, just kidding by the way)",
            MODERATOR,
        ),
        "k1:0": ("kiri", "is from Osaka", None),
    }

    # Escape closes it and gives the focus back to the name
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(name).to_be_focused()

    # from the keyboard: j focuses the row, m opens its viewer's memories, Escape goes back to the row
    page.locator("#held-panel h2").click()  # the pointer leaves the feed
    page.keyboard.press("j")
    expect(row).to_be_focused()
    page.keyboard.press("m")
    expect(panel).to_be_visible()
    expect(page.locator("#memories-title")).to_be_focused()
    expect(items).to_have_count(1)
    # with the panel open the feed stays live: a new message comes in at the bottom
    expect(page.locator("#jump-live")).to_be_hidden()
    stack.replay(tmp_path, chat_event("Hiyori, second message while mods read", login="kiri_fan"))
    expect(chat_row(page, "second message while mods read")).to_be_visible()
    expect(page.locator("#jump-live")).to_be_hidden()
    expect(panel).to_be_visible()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(row).to_be_focused()
    # half a screen: the side panels are under the feed, and so is this one, scrolled to
    page.set_viewport_size({"width": 900, "height": 1000})
    page.keyboard.press("m")
    expect(page.locator("#memories-title")).to_be_focused()
    expect(page.locator("#memories-title")).to_be_in_viewport()
    assert not overlaps(panel, page.locator("#feed"))
    page.screenshot(path=str(OUTPUT / "monitor_memories_900.png"))
    page.close()
