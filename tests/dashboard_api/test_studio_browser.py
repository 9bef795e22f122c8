"""The stats page shows engagement per persona version and model version (the studio's
feedback loop), in a real browser against the real bot."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser, expect

from tests.dashboard_api.conftest import MODERATOR
from tests.support.browser_stack import WAIT_MS, Stack, chat_event, feed_row, log_in
from tests.support.dashboard_env import OUTPUT


def test_the_stats_page_shows_engagement_per_version(stack: Stack, browser: Browser, tmp_path: Path) -> None:
    stack.replay(
        tmp_path,
        {"type": "stream.state", "online": True, "title": "Cozy stream"},
        chat_event("Hiyori, what are we playing today?"),
        chat_event("hiyori you are funny", login="otherviewer"),
    )
    page = browser.new_page(viewport={"width": 1400, "height": 1300})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, MODERATOR, "monitor")
    expect(feed_row(page, "reply.finished", "finished")).to_be_visible()  # type: ignore[call-overload]
    page.goto(f"{stack.served.url}/stats")
    rows = page.locator("#version-engagement tr.version-row")
    for _ in range(60):  # the recorder stores the finished reply a moment after it is published
        if rows.count():
            break
        page.wait_for_timeout(500)
        page.click("#reload")
    expect(rows).to_have_count(1)
    cells = rows.first.locator("td")
    expect(cells.nth(0)).to_have_text("hiyori")
    expect(cells.nth(2)).to_have_text("base")  # no model version deployed
    expect(cells.nth(3)).to_have_text(re.compile(r"^[12]$"))  # she answered one or both lines
    expect(cells.nth(4)).to_have_text(re.compile(r"^-?\d+\.\d\d$"))  # the average score
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "dashboard_stats_versions.png"), full_page=True)
    page.close()
