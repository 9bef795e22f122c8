"""The stats page's charts in headless Chromium at 1600 and 900 px: axes with a zero, the last
time label inside the chart, named axes on both charts, and latency against its target.

Screenshots go to tests/output/ (gitignored)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.dashboard_api.conftest import MODERATOR
from tests.support.browser_stack import WAIT_MS, Stack, chat_event, feed_row, log_in
from tests.support.dashboard_env import OUTPUT


def inside(page: Page, chart: str, selector: str) -> None:
    """Every ``selector`` text of the chart lies within the chart's box (nothing cut off)."""
    box = page.locator(chart).bounding_box()
    assert box is not None
    for label in page.locator(f"{chart} {selector}").all():
        b = label.bounding_box()
        assert b is not None, (label.text_content(), page.locator(f"{chart} {selector}").all_text_contents())
        assert box["x"] - 1 <= b["x"] and b["x"] + b["width"] <= box["x"] + box["width"] + 1, (
            label.text_content(), b, box,
        )  # fmt: skip


@pytest.mark.parametrize("width", [1600, 900])
def test_the_stats_charts_have_readable_axes_and_latency_against_its_target(
    stack: Stack, browser: Browser, tmp_path: Path, width: int
) -> None:
    stack.replay(
        tmp_path,
        {"type": "stream.state", "online": True, "title": "Cozy stream"},
        chat_event("Hiyori, hello from the stats test?"),
        chat_event("second message", login="otherviewer"),
    )
    page = browser.new_page(viewport={"width": width, "height": 1100})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, MODERATOR, "monitor")
    expect(feed_row(page, "reply.finished", "finished")).to_be_visible()  # type: ignore[arg-type]
    page.goto(f"{stack.served.url}/stats")
    for _ in range(60):  # the recorder stores the finished reply a moment after it is published
        if page.locator("#stat-replies .n").count() and page.locator("#stat-replies .n").inner_text() == "1":
            break
        page.wait_for_timeout(500)
        page.click("#reload")
    page.wait_for_load_state("networkidle")  # the last reload has drawn its charts
    timeline = "#timeline svg.chart"
    ticks = page.locator(f"{timeline} .y-tick").all_text_contents()
    assert ticks[0] == "0" and len(ticks) == 3, ticks
    expect(page.locator(f"{timeline} .axis-title").first).to_have_text(re.compile("^messages per "))
    inside(page, timeline, ".x-tick")
    inside(page, timeline, ".axis-title")
    engagement = "#engagement svg.chart"
    expect(page.locator(f"{engagement} .axis-title").first).to_have_text("chat messages in the next minute")
    assert page.locator(f"{engagement} .y-tick").first.text_content() == "0"
    assert re.fullmatch(r"\d\d:\d\d", page.locator(f"{engagement} .x-tick").first.text_content() or "")
    inside(page, engagement, ".x-tick")
    p50 = page.locator("#stat-p50")
    expect(p50).to_contain_text("first audio p50 (target under 250 ms)")
    expect(p50.locator(".verdict")).to_have_text(
        re.compile(r"^(within the target|\d+\.\d× the target: too slow)$")
    )
    expect(p50.locator(".n")).to_have_text(re.compile(r"^\d+ ms$|^\d+\.\d+ s$"))
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"stats_{width}.png"), full_page=True)
    page.close()
