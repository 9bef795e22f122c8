"""The accounts page in headless Chromium at 1600 and 900 px: a new password goes through a
real, labelled form (never prompt()), and one's own account offers no "remove".

Screenshots go to tests/output/ (gitignored)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Dialog, expect, sync_playwright

from dashboard_api.accounts import authenticate
from dashboard_api.app import create_app
from streamer.store import make_engine, make_sessionmaker
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.support.browser_stack import WAIT_MS, log_in
from tests.support.dashboard_env import FAST_HASHER, OUTPUT, LoopThread, Served, dashboard_settings

WIDTHS = (1600, 900)


@pytest.fixture
def served(pg_url: str, redis_url: str, redis_prefix: str, accounts: None) -> Iterator[Served]:
    loop = LoopThread()
    s = Served(create_app(dashboard_settings(pg_url, redis_url, redis_prefix), hasher=FAST_HASHER), loop)
    try:
        yield s
    finally:
        s.stop()
        loop.close()


@pytest.fixture
def browser(served: Served) -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium")
        yield b
        b.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_new_password_is_set_in_a_labelled_form_and_own_account_has_no_remove(
    served: Served, browser: Browser, pg_url: str, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.set_default_timeout(WAIT_MS)
    dialogs: list[str] = []

    def no_dialog(d: Dialog) -> None:
        dialogs.append(d.type)
        d.dismiss()

    page.on("dialog", no_dialog)
    log_in(page, served.url, STREAMER, "accounts")
    own = page.locator(f'#accounts tr[data-name="{STREAMER}"]')
    other = page.locator(f'#accounts tr[data-name="{MODERATOR}"]')
    expect(other.locator("button.remove")).to_be_visible()
    expect(own).to_contain_text("(you)")
    expect(own.locator("button.remove")).to_have_count(0)
    # the add form's inputs have labels (found by them, not by placeholders)
    expect(page.get_by_label("Name", exact=True)).to_be_visible()
    expect(page.get_by_label("Password (8 or more characters)", exact=True)).to_have_attribute(
        "type", "password"
    )
    other.locator("button.set-password").click()
    field = page.get_by_label("New password (8 or more characters)")
    expect(field).to_be_focused()
    expect(field).to_have_attribute("type", "password")
    field.fill("a brand new secret")
    page.get_by_label("The same again").fill("a different one!")
    page.click("#password-form button[type=submit]")
    expect(page.locator("#accounts-status")).to_have_text("The two passwords differ.")
    expect(page.get_by_label("The same again")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("The same again").fill("a brand new secret")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"dashboard_accounts_password_{width}.png"), full_page=True)
    page.click("#password-form button[type=submit]")
    expect(page.locator("#accounts-status")).to_contain_text(f"Password of {MODERATOR} changed")
    expect(page.locator("#password-form")).to_be_hidden()
    assert dialogs == []  # no prompt(), no alert()
    page.close()

    async def check() -> bool:
        engine = make_engine(pg_url)
        try:
            got = await authenticate(
                make_sessionmaker(engine), MODERATOR, "a brand new secret", hasher=FAST_HASHER,
                dummy_hash=FAST_HASHER.hash("x"),
            )  # fmt: skip
            return got is not None
        finally:
            await engine.dispose()

    assert served.loop.run(check())


UNLABELLED = """() => [...document.querySelectorAll("input, select, textarea")]
  .filter((n) => n.type !== "hidden" && n.offsetParent !== null)
  .filter((n) => !(n.labels && n.labels.length) && !n.getAttribute("aria-label") && !n.getAttribute("aria-labelledby"))
  .map((n) => n.id || n.outerHTML.slice(0, 80))"""


@pytest.mark.parametrize("width", WIDTHS)
def test_every_field_on_every_page_has_a_label_and_focus_is_visible(
    served: Served, browser: Browser, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.set_default_timeout(WAIT_MS)
    log_in(page, served.url, STREAMER, "monitor")
    for target in ("monitor", "persona", "stats", "accounts"):
        page.goto(f"{served.url}/{target}")
        expect(page.locator("#statusbar")).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert page.evaluate(UNLABELLED) == [], target
    page.goto(f"{served.url}/monitor")
    page.focus("#search")
    page.keyboard.press("Tab")  # the keyboard's focus ring shows on the next control
    style = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert style not in ("none", ""), style
    page.close()


def test_a_moderator_gets_a_styled_refusal_for_a_streamer_page(served: Served, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 900, "height": 700})
    page.set_default_timeout(WAIT_MS)
    log_in(page, served.url, MODERATOR, "monitor")
    res = page.goto(f"{served.url}/persona")
    assert res is not None and res.status == 403
    panel = page.locator(".panel.refused")
    expect(panel).to_contain_text("Only the streamer may open this page.")
    # the dashboard's stylesheet applies: the panel is drawn, not bare text on white
    assert panel.evaluate("n => getComputedStyle(n).backgroundColor") == "rgb(29, 32, 39)"
    page.get_by_role("link", name="Back to the chat monitor").click()
    expect(page).to_have_url(f"{served.url}/monitor")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "dashboard_refused_900.png"))
    page.close()
