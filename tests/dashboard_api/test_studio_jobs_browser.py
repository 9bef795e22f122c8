"""The studio page's jobs in a real browser against the real bot: without the train extra the
streamer reads how to install it; the streamer builds a dataset from the page (the real build)
and starts, follows and cancels a training run, then trains to the end and sees the model
version; a moderator follows the jobs and cannot start or cancel one.

The training is the stand-in of test_studio_jobs.py (the test is of the page); the real
training loop is tested in tests/streamer/test_training.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from dashboard_api.studio_jobs import StudioJobs
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.dashboard_api.test_studio_jobs import StandIn
from tests.support.browser_stack import WAIT_MS, Stack, chat_event, log_in
from tests.support.dashboard_env import OUTPUT


def served_app(stack: Stack) -> Any:
    return stack.served.server.config.app


def turns_recorded(page: Page, count: int) -> None:
    turns = page.locator("#turns .turn")
    for _ in range(60):  # the recorder stores the turns a moment after they end
        if turns.count() == count:
            break
        page.wait_for_timeout(500)
        page.click("#filters button[type=submit]")
    expect(turns).to_have_count(count)


def test_build_and_train_from_the_page(
    stack: Stack, browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import streamer.training

    stack.replay(
        tmp_path,
        {"type": "stream.state", "online": True, "title": "Cozy stream"},
        chat_event("Hiyori, what are we playing today?"),
        chat_event("Hiyori, do you like cats?", login="catfan"),
    )
    monkeypatch.setattr(streamer.training, "missing_extra", lambda: "torch")
    page = browser.new_page(viewport={"width": 1300, "height": 1400})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, STREAMER, "studio")
    turns_recorded(page, 2)
    unavailable = page.locator("#train-unavailable")
    expect(unavailable).to_be_visible()
    expect(unavailable).to_contain_text("torch is not installed")
    expect(unavailable).to_contain_text("bash scripts/install_train.sh")
    expect(page.locator("#train-form")).to_be_hidden()

    page.keyboard.press("j")  # label both turns good, in bulk
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.keyboard.press("G")
    expect(page.locator("#turns .turn .labels .good")).to_have_count(2)
    page.reload()  # the stream list is read when the page loads (and after every job)
    page.fill("#b-name", "cozy")
    streams = page.locator("#b-streams option")
    expect(streams).to_have_count(1)
    expect(streams.first).to_contain_text("(2 turns)")
    page.select_option("#b-streams", index=0)
    page.click("#build-form button[type=submit]")
    expect(page.locator("#build-state")).to_contain_text("started")
    build_row = page.locator("#jobs tr.job-row", has_text="dataset build")
    expect(build_row.locator(".job-status")).to_have_text("succeeded")
    expect(build_row.locator(".job-result")).to_contain_text(
        re.compile(r"cozy v1: \d+ train, \d+ validation from \d+ turns")
    )
    expect(page.locator("#datasets")).to_contain_text("cozy")
    recipe = page.evaluate("fetch('/api/studio/datasets').then((r) => r.json()).then((d) => d[0].recipe)")
    assert len(recipe["streams"]) == 1 and recipe["verdicts"] == ["good"]

    stand_in = StandIn(steps=5, step_s=0.3, pause_after=2)
    served_app(stack).state.studio_jobs = StudioJobs(train=stand_in)  # training installed, and stood in
    page.reload()
    expect(page.locator("#train-unavailable")).to_be_hidden()
    expect(page.locator("#train-form")).to_be_visible()
    expect(page.locator("#t-dataset")).to_contain_text("cozy v1")
    page.fill("#t-epochs", "2")
    stand_in.go.clear()  # hold the run at its first step until the page shows it
    page.click("#train-form button[type=submit]")
    run = page.locator("#jobs tr.job-row", has_text="training")
    expect(run.locator(".job-status")).to_have_text("running")
    stand_in.go.set()  # two steps, then it waits
    expect(run.locator(".job-progress")).to_contain_text("2/5 · loss 2.000 · 1.50 examples/s")
    expect(run.locator(".job-progress progress")).to_have_attribute("value", "2")
    run.locator("button.cancel").click()
    expect(run.locator(".job-status")).to_have_text("cancelled")
    expect(run.locator(".job-result")).to_contain_text("stopped at step 2; the checkpoint is kept")
    assert stand_in.calls[0]["lora"].epochs == 2

    stand_in.pause_after = None
    stand_in.go.set()

    page.check("#t-restart")
    page.click("#train-form button[type=submit]")
    newest = page.locator("#jobs tr.job-row").first
    expect(newest.locator(".job-status")).to_have_text("succeeded")
    expect(newest.locator(".job-progress")).to_contain_text("5/5")
    expect(newest.locator(".job-result")).to_contain_text(re.compile(r"model version v\d+: deployable"))
    expect(page.locator("#models tr.model-row")).to_have_count(1)  # the table was reloaded
    assert stand_in.calls[-1]["resume"] is False
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "dashboard_studio_jobs.png"), full_page=True)
    page.close()

    page = browser.new_page(viewport={"width": 1300, "height": 1100})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, MODERATOR, "studio")
    expect(page.locator("#readonly-note")).to_be_visible()
    expect(page.locator("#build-form")).to_be_hidden()
    expect(page.locator("#train-form")).to_be_hidden()
    expect(page.locator("#jobs tr.job-row")).to_have_count(
        2
    )  # the runs (the build was the replaced manager's)
    expect(page.locator("#jobs button.cancel")).to_have_count(0)
    page.close()
