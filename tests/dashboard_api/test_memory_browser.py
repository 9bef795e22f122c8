"""The memory page in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright),
served by uvicorn on the test's PostgreSQL: a moderator finds a viewer, corrects and deletes a
memory and forgets the viewer after confirming; the streamer adds, edits and removes a
knowledge document. Screenshots go to tests/output/ (gitignored)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect, sync_playwright
from sqlalchemy import select

from config.settings import Settings
from dashboard_api.app import create_app
from engines.ai.memory import Fact
from streamer.store import make_engine, make_sessionmaker
from streamer.store.memory import FORGET_ACTION, MemoryStore
from streamer.store.models import MemoryRow, ModerationAction
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.support.dashboard_env import FAST_HASHER, OUTPUT, PASSWORD, LoopThread, Served

expect.set_options(timeout=30_000)  # a slow shared machine: patient, not flaky


def seed(url: str) -> None:
    async def go() -> None:
        engine = make_engine(url)
        store = MemoryStore(make_sessionmaker(engine), "chan")
        await store.add(
            "hiyori",
            "101",
            "sam",
            [
                Fact("pet", "has a cat named Mochi (Mochi has a cold)", "e1"),
                Fact("game", "plays Celeste", "e1"),
            ],
        )
        await store.add("hiyori", "202", "kiri", [Fact("from", "is from Osaka", "e2")])
        await engine.dispose()

    asyncio.run(go())


def stored(served: Served, url: str) -> tuple[list[tuple[str, str]], list[tuple[str, str | None]]]:
    """Read the database on the server's loop (Playwright's sync API holds this thread's)."""

    async def go() -> tuple[list[tuple[str, str]], list[tuple[str, str | None]]]:
        engine = make_engine(url)
        async with make_sessionmaker(engine)() as s:
            memories = [
                (m.viewer_login, m.text) for m in await s.scalars(select(MemoryRow).order_by(MemoryRow.id))
            ]
            audit = [
                (a.actor, a.target)
                for a in await s.scalars(
                    select(ModerationAction).where(ModerationAction.action == FORGET_ACTION)
                )
            ]
        await engine.dispose()
        return memories, audit

    return served.loop.run(go())


@pytest.fixture
def served(settings: Settings, accounts: None, pg_url: str) -> Iterator[Served]:
    seed(pg_url)
    loop = LoopThread()
    server = Served(create_app(settings, hasher=FAST_HASHER), loop)
    try:
        yield server
    finally:
        server.stop()
        loop.close()


@pytest.fixture
def browser(served: Served) -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium")
        yield b
        b.close()


def log_in(page: Page, base: str, name: str) -> None:
    page.goto(f"{base}/memory")
    expect(page).to_have_url(f"{base}/login?next=/memory")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{base}/memory")
    expect(page.locator("#whoami")).to_contain_text(name)


def test_a_moderator_corrects_deletes_and_forgets(served: Served, browser: Browser, pg_url: str) -> None:
    page = browser.new_page()
    dialogs: list[str] = []

    def accept(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    log_in(page, served.url, MODERATOR)
    expect(page.locator('header.nav a[href="/memory"]')).to_have_count(1)
    expect(page.locator('#viewers tr[data-viewer="kiri"]')).to_be_visible()
    page.fill("#search", "sa")
    page.click("#viewer-search button[type=submit]")
    expect(page.locator('#viewers tr[data-viewer="kiri"]')).to_have_count(0)
    page.click('#viewers tr[data-viewer="sam"] button.open-viewer')
    expect(page.locator("#viewer-title")).to_have_text("Memories of sam")
    row = page.locator('#memories tr[data-id="e1:0"]')
    expect(row.locator("input.memory-text")).to_have_value("has a cat named Mochi (Mochi has a cold)")

    row.locator("input.memory-text").fill("has a cat named Mochi (she got better)")
    row.locator("button.save-memory").click()
    expect(page.locator("#memory-status")).to_have_text("Memory saved.")
    expect(page.locator('#memories tr[data-id="e1:0"]')).to_contain_text(f"edited by {MODERATOR}")
    page.locator('#memories tr[data-id="e1:1"] button.delete-memory').click()
    expect(page.locator("#memory-status")).to_have_text("Memory deleted.")
    expect(page.locator('#memories tr[data-id="e1:1"]')).to_have_count(0)
    memories, _ = stored(served, pg_url)
    assert memories == [("sam", "has a cat named Mochi (she got better)"), ("kiri", "is from Osaka")]

    page.click("#forget")
    expect(page.locator("#memory-status")).to_have_text("Forgot sam: 1 memories deleted.")
    expect(page.locator("#viewer-panel")).to_be_hidden()
    expect(page.locator('#viewers tr[data-viewer="sam"]')).to_have_count(0)  # the list was refreshed...
    expect(page.locator("#memory-status")).to_have_text(
        "Forgot sam: 1 memories deleted."
    )  # ...and says so still
    assert any("Forget everything about sam" in d for d in dialogs)  # asked to confirm first
    page.screenshot(path=str(OUTPUT / "memory_page.png"))
    memories, audit = stored(served, pg_url)
    assert memories == [("kiri", "is from Osaka")]
    assert audit == [(MODERATOR, "sam")]
    expect(page.locator("#doc-form")).to_be_hidden()  # knowledge is the streamer's

    page.goto(f"{served.url}/memory?viewer=kiri")  # the chat monitor's link to a viewer
    expect(page.locator("#viewer-title")).to_have_text("Memories of kiri")
    expect(page.locator("#memories input.memory-text")).to_have_value("is from Osaka")


def test_the_streamer_adds_edits_and_removes_a_document(served: Served, browser: Browser) -> None:
    page = browser.new_page()
    page.on("dialog", lambda d: d.accept())
    log_in(page, served.url, STREAMER)
    page.fill("#doc-name", "lore.md")
    page.fill("#doc-text", "# Lore\n\n## Shop\n\nThe Crater Cup.\n\n## Cat\n\nPebble sleeps on the counter.")
    page.click("#doc-form button[type=submit]")
    expect(page.locator("#memory-status")).to_have_text("Saved lore.md: 2 chunks.")
    doc = page.locator('#documents tr[data-doc="lore.md"]')
    expect(doc).to_contain_text(STREAMER)
    doc.locator("button.edit-doc").click()
    expect(page.locator("#doc-title")).to_have_text("Edit lore.md")
    expect(page.locator("#doc-text")).to_have_value(
        "# Lore\n\n## Shop\n\nThe Crater Cup.\n\n## Cat\n\nPebble sleeps on the counter."
    )
    page.fill("#doc-text", "# Lore\n\nJust one paragraph now.")
    page.click("#doc-form button[type=submit]")
    expect(page.locator("#memory-status")).to_have_text("Saved lore.md: 1 chunks.")
    page.locator('#documents tr[data-doc="lore.md"] button.remove-doc').click()
    expect(page.locator("#memory-status")).to_have_text("Removed lore.md.")
    expect(page.locator('#documents tr[data-doc="lore.md"]')).to_have_count(0)
