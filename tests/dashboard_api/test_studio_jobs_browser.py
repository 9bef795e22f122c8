"""The studio page's jobs in a real browser against the real bot: without the train extra the
streamer reads how to install it; the streamer builds a dataset from the page (the real build),
exports it and downloads the zip, starts, follows and cancels a training run, sees a run that a
dashboard restart interrupted and resumes it, then trains to the end and sees the model version;
a moderator follows the jobs and cannot start, cancel, resume or download one.

The training is the stand-in of test_studio_jobs.py (the test is of the page); the real
training loop is tested in tests/streamer/test_training.py."""

from __future__ import annotations

import json
import re
import zipfile
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
    app = served_app(stack)
    settings = app.state.dash.settings.model_copy(update={"data_dir": tmp_path / "data"})
    jobs = StudioJobs(train=stand_in)  # training installed, and stood in; exports under tmp_path
    stack.served.loop.run(jobs.attach(settings, app.state.dash.sessions))
    app.state.studio_jobs = jobs
    page.reload()
    expect(page.locator("#hosted-unavailable")).to_contain_text('llm.provider = "openai"')
    expect(page.locator("#hosted-form")).to_be_hidden()
    page.locator("#datasets tr.dataset-row", has_text="cozy").locator("button.export").click()
    exported = page.locator("#jobs tr.job-row", has_text="export")
    expect(exported.locator(".job-status")).to_have_text("succeeded")
    expect(exported.locator(".job-result")).to_contain_text(
        re.compile(r"v1: \d+ train, 0 validation examples")
    )
    with page.expect_download() as download:
        exported.locator("a.download").click()
    assert download.value.suggested_filename == "cozy-v1.zip"
    z = zipfile.ZipFile(download.value.path())
    assert sorted(z.namelist()) == [
        "hf/train.jsonl",
        "hf/validation.jsonl",
        "openai/train.jsonl",
        "openai/validation.jsonl",
    ]
    lines = [json.loads(x) for x in z.read("openai/train.jsonl").splitlines()]
    assert lines and all(list(x) == ["messages"] and x["messages"][-1]["role"] == "assistant" for x in lines)

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

    stand_in.go.set()  # again (it resumes from the checkpoint); two steps, then the dashboard restarts
    page.click("#train-form button[type=submit]")
    expect(page.locator("#jobs tr.job-row")).to_have_count(4)  # the build, the export, two runs
    interrupted = page.locator("#jobs tr.job-row").first
    expect(interrupted.locator(".job-status")).to_have_text("running")
    expect(interrupted.locator(".job-progress")).to_contain_text("2/5")
    stack.served.loop.run(jobs.aclose(stop_wait_s=10))  # the dashboard stops: the run is marked interrupted
    jobs = StudioJobs(train=stand_in)
    stack.served.loop.run(jobs.attach(settings, app.state.dash.sessions))  # and starts again
    app.state.studio_jobs = jobs
    stand_in.pause_after = None
    stand_in.go.set()
    page.reload()
    expect(interrupted.locator(".job-status")).to_have_text("interrupted")
    expect(interrupted.locator(".job-result")).to_contain_text("the dashboard stopped")
    expect(interrupted.locator(".job-result")).to_contain_text("stopped at step 2; the checkpoint is kept")
    interrupted.locator("button.resume").click()
    expect(interrupted.locator(".job-status")).to_have_text("succeeded")
    expect(interrupted.locator(".job-result")).to_contain_text(re.compile(r"model version v\d+: deployable"))
    assert [c["resume"] for c in stand_in.calls] == [True, True, True]

    page.check("#t-restart")
    page.click("#train-form button[type=submit]")
    newest = page.locator("#jobs tr.job-row").first
    expect(newest.locator(".job-status")).to_have_text("succeeded")
    expect(newest.locator(".job-progress")).to_contain_text("5/5")
    expect(newest.locator(".job-result")).to_contain_text(re.compile(r"model version v\d+: deployable"))
    expect(page.locator("#models tr.model-row")).to_have_count(2)  # the table was reloaded
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
    expect(page.locator("#jobs tr.job-row")).to_have_count(5)  # stored: the build, the export, three runs
    expect(page.locator("#jobs button.cancel")).to_have_count(0)
    expect(page.locator("#jobs button.resume")).to_have_count(0)
    expect(page.locator("#jobs a.download")).to_have_count(0)
    expect(page.locator("#datasets button.export")).to_have_count(0)
    page.close()
