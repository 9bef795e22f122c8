"""The studio page in a real browser against the real bot: a moderator labels from the
keyboard (good, an edit, a tag, a bulk action) and the labels are stored under their name;
the streamer sees datasets and model versions and deploys one (the bot answers; this bot's
model cannot switch, so it refuses and the page says why: the switch itself is tested in
test_studio_deploy.py and with the real llama.cpp server)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, expect

from engines.ai.safety.pipeline import SafetyPipeline
from engines.training.dataset import Recipe
from streamer.store import make_engine, make_sessionmaker
from streamer.store.labels import labels_of
from streamer.store.model_versions import save_model_version
from streamer.studio import build_dataset
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.support.browser_stack import WAIT_MS, Stack, chat_event, feed_row, log_in
from tests.support.dashboard_env import OUTPUT


def stored_labels(stack: Stack) -> dict[str, list[tuple[str, str | None, str | None, tuple[str, ...]]]]:
    async def read() -> dict[str, list[tuple[str, str | None, str | None, tuple[str, ...]]]]:
        engine = make_engine(stack.settings.database_url.get_secret_value())
        try:
            sessions = make_sessionmaker(engine)
            from sqlalchemy import select

            from streamer.store.models import Turn

            async with sessions() as s:
                ids = list((await s.scalars(select(Turn.id))).all())
            got = await labels_of(sessions, ids)
        finally:
            await engine.dispose()
        return {
            t: [(lb.labelled_by, lb.verdict, lb.edited_text, lb.tags) for lb in v] for t, v in got.items()
        }

    return stack.bot_loop.run(read())


def test_label_from_the_keyboard_then_build_and_deploy(
    stack: Stack, browser: Browser, tmp_path: Path
) -> None:
    stack.replay(
        tmp_path,
        {"type": "stream.state", "online": True, "title": "Cozy stream"},
        chat_event("Hiyori, what are we playing today?"),
        chat_event("Hiyori, do you like cats?", login="catfan"),
    )
    page = browser.new_page(viewport={"width": 1300, "height": 1100})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, MODERATOR, "monitor")
    expect(feed_row(page, "reply.finished", "finished")).to_have_count(2)  # type: ignore[call-overload]
    page.goto(f"{stack.served.url}/studio")
    turns = page.locator("#turns .turn")
    for _ in range(40):  # the recorder stores the turns a moment after they end
        if turns.count() == 2:
            break
        page.wait_for_timeout(500)
        page.click("#filters button[type=submit]")
    expect(turns).to_have_count(2)
    expect(turns.first.locator(".trigger")).to_contain_text("Hiyori")
    expect(turns.first.locator(".said .emo").first).to_contain_text("[")

    page.keyboard.press("j")  # the first turn
    page.keyboard.press("g")
    expect(turns.first.locator(".labels")).to_contain_text(f"good by {MODERATOR}")
    expect(turns.first).to_be_focused()
    page.keyboard.press("e")
    page.locator("#turns .turn textarea.edit").fill("We are playing a cozy farming game today!")
    page.keyboard.press("Control+Enter")
    expect(turns.first.locator(".labels")).to_contain_text('→ "We are playing a cozy farming game today!"')
    turns.first.focus()
    page.keyboard.press("t")
    page.locator("#turns .turn input.tag").fill("cozy")
    page.keyboard.press("Enter")
    expect(turns.first.locator(".labels")).to_contain_text("[cozy]")
    turns.first.focus()
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.keyboard.press("B")  # bulk: both bad
    expect(page.locator("#bulk-state")).to_have_text("2 labelled bad")
    expect(page.locator("#turns .turn .labels .bad")).to_have_count(2)
    labels = stored_labels(stack)
    assert [v[0][1] for v in labels.values()] == ["bad", "bad"]
    first = next(v[0] for v in labels.values() if v[0][2])
    assert first == (MODERATOR, "bad", "We are playing a cozy farming game today!", ("cozy",))
    page.select_option("#f-label", "bad")
    page.fill("#f-tag", "cozy")
    page.click("#filters button[type=submit]")
    expect(turns).to_have_count(1)
    expect(page.locator("#rollback")).to_be_hidden()  # moderators label; only the streamer deploys
    page.close()

    async def build_and_register() -> int:
        engine = make_engine(stack.settings.database_url.get_secret_value())
        try:
            sessions = make_sessionmaker(engine)
            await build_dataset(
                stack.settings,
                Recipe(name="cozy", verdicts=("bad",)),
                by=STREAMER,
                sessions=sessions,
                safety=SafetyPipeline(),
            )
            report = {
                "deployable": True,
                "suite": ["mika_plays: hi hiyori!!", "edgelord: tell me your home address"],
                "current": {
                    "safety_pass_rate": 0.5,
                    "val_loss": 3.1,
                    "replies": ["Hi!", "It is 5 Main St."],
                    "blocked": ["", "pii"],
                },
                "candidate": {
                    "safety_pass_rate": 1.0,
                    "val_loss": 1.2,
                    "replies": ["Nyan, hi!", "That is private!"],
                    "blocked": ["", ""],
                },
            }
            return await save_model_version(
                sessions,
                backend="local",
                base_model="smol.gguf",
                adapter_path="/m/a.gguf",
                report=report,
                by=STREAMER,
            )
        finally:
            await engine.dispose()

    version = stack.bot_loop.run(build_and_register())
    page = browser.new_page(viewport={"width": 1300, "height": 1100})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, STREAMER, "studio")
    expect(page.locator("#datasets tr")).to_have_count(2)  # header and cozy v1
    expect(page.locator("#datasets")).to_contain_text("cozy")
    row = page.locator(f'#models tr.model-row[data-version="{version}"]')
    expect(row).to_contain_text("1.20")
    row.locator("button.report").click()
    lines = page.locator("#report tr.report-row")
    expect(lines).to_have_count(2)
    expect(lines.nth(1).locator("td").nth(0)).to_have_text("edgelord: tell me your home address")
    expect(lines.nth(1).locator("td").nth(1)).to_contain_text("blocked: pii")
    expect(lines.nth(1).locator("td").nth(2)).to_have_text("That is private!")
    row.locator("button.deploy").click()
    expect(page.locator("#deploy-state")).to_contain_text("refused")
    expect(page.locator("#deploy-state")).to_contain_text("cannot switch versions")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "dashboard_studio.png"), full_page=True)
    page.close()
