"""`vtuber train --backend openai`: the dataset's OpenAI export fine-tuned through the
fine-tuning API (a local stand-in of it), the resulting model stored as a model version."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from config.settings import Settings, load_settings
from engines import events as ev
from engines.ai.safety.pipeline import SafetyPipeline
from engines.training.dataset import Recipe
from engines.training.validation import SUITE
from streamer.cli import cli
from streamer.store import make_engine, make_sessionmaker, upgrade
from streamer.store.labels import set_labels
from streamer.store.studio_models import ModelVersion
from streamer.store.writer import channel_ids, write_events
from streamer.studio import build_dataset
from streamer.training import revalidate, train_hosted
from tests.streamer.test_studio import two_streams
from tests.support.fake_fine_tuning import FakeFineTuning


async def seeded(url: str) -> None:
    await upgrade(url)
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    async with sessions() as s, s.begin():
        cache = await channel_ids(s, {"demo"}, {})
        await write_events(s, [(ev.stream_of(e), e) for e in two_streams()], cache)
    await set_labels(sessions, ["a1", "a3", "b1", "b2"], by="mod", verdict="good")
    await build_dataset(
        Settings(channel="demo"),
        Recipe(name="fun", validation_fraction=0.5),
        by="t",
        sessions=sessions,
        safety=SafetyPipeline(),
    )
    await engine.dispose()


def settings_for(url: str, base_url: str) -> Settings:
    return load_settings(
        database_url=url,
        channel="demo",
        llm={"provider": "openai", "base_url": base_url, "api_key": "sk-test"},
    )


async def test_a_hosted_job_ends_as_a_stored_model_version(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'v.db'}"
    await seeded(url)
    async with FakeFineTuning() as fake:
        done = await train_hosted(
            settings_for(url, fake.base_url), "fun", base_model="gpt-4o-mini", poll_s=0.01
        )
    assert done.job.status == "succeeded" and done.model_version is not None
    (job,) = fake.state.jobs.values()
    assert job["suffix"] == "fun-v1" and job["validation_file"] is not None
    uploaded = fake.state.files[job["training_file"]].decode().splitlines()
    assert len(uploaded) == 2 and all('"messages"' in line for line in uploaded)  # one stream trains
    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine)() as s:
            row = (await s.scalars(select(ModelVersion))).one()
    finally:
        await engine.dispose()
    assert (row.backend, row.remote_model, row.report["deployable"]) == (
        "openai",
        done.job.fine_tuned_model,
        True,
    )


def test_the_cli_reports_the_job_and_the_model(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'v.db'}"
    asyncio.run(seeded(url))
    fake_ready, stop = threading.Event(), threading.Event()
    holder: dict[str, str] = {}

    def serve() -> None:  # the stand-in on its own loop: the CLI runs asyncio.run itself
        async def main() -> None:
            async with FakeFineTuning() as fake:
                holder["url"] = fake.base_url
                fake_ready.set()
                while not stop.is_set():
                    await asyncio.sleep(0.05)

        asyncio.run(main())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert fake_ready.wait(10)
    try:
        env = {
            "DATABASE_URL": url,
            "VTUBER_CHANNEL": "demo",
            "VTUBER_LLM__PROVIDER": "openai",
            "VTUBER_LLM__BASE_URL": holder["url"],
            "VTUBER_LLM__API_KEY": "sk-test",
            "COLUMNS": "200",
        }
        result = CliRunner().invoke(cli, ["train", "fun", "--backend", "openai", "--poll-s", "0.05"], env=env)
        again = CliRunner().invoke(cli, ["validate", "1"], env=env)
        local = CliRunner().invoke(cli, ["validate", "7"], env=env)
    finally:
        stop.set()
        thread.join(10)
    assert result.exit_code == 0, result.output
    assert "validating_files" in result.output and "succeeded" in result.output
    assert "model version 1: ft:gpt-4o-mini:org-test:fun-v1:" in result.output
    assert "safety pass rate" in result.output and "deployable" in result.output
    assert again.exit_code == 0, again.output
    assert "current: gpt-4o-mini   candidate: ft:gpt-4o-mini:org-test:fun-v1:" in again.output
    assert "safety pass rate" in again.output and "deployable" in again.output
    assert local.exit_code == 1 and "no hosted model version 7" in local.output


async def test_on_started_gets_the_job_id_and_a_resumed_job_is_followed_not_recreated(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'v.db'}"
    await seeded(url)
    started: list[str] = []
    async with FakeFineTuning() as fake:
        settings = settings_for(url, fake.base_url)
        cancel = asyncio.Event()
        cancel.set()  # the first run is cancelled: the job ends, like a dashboard that stopped
        first = await train_hosted(
            settings, "fun", base_model="gpt-4o-mini", poll_s=0.01, on_started=started.append, cancel=cancel
        )
        assert started == [first.job.id] and first.job.status == "cancelled"
        fake.state.jobs[first.job.id]["status"] = "running"  # as if it had gone on running
        files_before = len(fake.state.files)
        resumed = await train_hosted(
            settings,
            "fun",
            base_model="gpt-4o-mini",
            poll_s=0.01,
            on_started=started.append,
            resume_job_id=first.job.id,
        )
    assert resumed.job.id == first.job.id and resumed.job.status == "succeeded"
    assert len(fake.state.jobs) == 1 and len(fake.state.files) == files_before  # nothing uploaded again
    assert started == [first.job.id]  # on_started is for a created job only
    assert resumed.model_version is not None


async def stored(url: str) -> list[ModelVersion]:
    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine)() as s:
            return list((await s.scalars(select(ModelVersion).order_by(ModelVersion.id))).all())
    finally:
        await engine.dispose()


async def test_a_safe_candidate_is_validated_against_the_base_model_and_deployable(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'v.db'}"
    await seeded(url)
    async with FakeFineTuning() as fake:
        fake.state.valid_loss = 0.31
        fake.state.rate_limit_once.add("chat")  # OpenAI may answer 429 with Retry-After: waited out
        done = await train_hosted(
            settings_for(url, fake.base_url), "fun", base_model="gpt-4o-mini", poll_s=0.01
        )
    tuned = done.job.fine_tuned_model
    assert tuned and done.deployable and done.refusal == "" and fake.state.rate_limited == ["chat"]
    asked = [b["model"] for b in fake.state.chat_requests]
    assert asked == ["gpt-4o-mini"] * len(SUITE) + [tuned] * len(SUITE)  # llm.model, then the candidate
    assert all(b["stream"] and b["temperature"] == 0.0 for b in fake.state.chat_requests)
    (row,) = await stored(url)
    report = row.report
    assert report["deployable"] is True and report["job"] == done.job.id
    assert report["suite"] == [f"{who}: {text}" for who, text in SUITE]  # the page's side by side
    current, candidate = report["current"], report["candidate"]
    assert (current["model_version"], current["model"], candidate["model"]) == (None, "gpt-4o-mini", tuned)
    assert current["replies"] == [fake.state.base_reply] * len(SUITE)
    assert candidate["replies"] == [fake.state.tuned_reply] * len(SUITE)
    assert candidate["blocked"] == [""] * len(SUITE) and candidate["safety_pass_rate"] == 1.0
    assert candidate["val_loss"] == pytest.approx(0.31) and current["val_loss"] is None
    assert candidate["first_token_p50_ms"] > 0 and candidate["adherence_rate"] == 1.0


async def test_an_unsafe_candidate_is_stored_not_deployable_with_the_reason(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'v.db'}"
    await seeded(url)
    async with FakeFineTuning() as fake:
        fake.state.tuned_reply = "[angry] Kill yourself, you worthless idiot."
        done = await train_hosted(
            settings_for(url, fake.base_url), "fun", base_model="gpt-4o-mini", poll_s=0.01
        )
    assert done.model_version is not None and not done.deployable
    assert done.refusal == "safety pass rate fell from 100% to 0%"
    (row,) = await stored(url)
    assert row.report["deployable"] is False and row.report["refusal"] == done.refusal
    assert row.report["candidate"]["blocked"] == ["blocklist"] * len(SUITE)


async def test_a_job_that_fails_stores_nothing_and_an_unanswered_suite_is_not_deployable(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'v.db'}"
    await seeded(url)
    async with FakeFineTuning() as fake:
        fake.state.fail_jobs = True
        failed = await train_hosted(
            settings_for(url, fake.base_url), "fun", base_model="gpt-4o-mini", poll_s=0.01
        )
        assert failed.job.status == "failed" and failed.model_version is None and not fake.state.chat_requests
        fake.state.fail_jobs = False
        fake.state.models.discard("gpt-4o-mini")  # llm.model is gone from the endpoint
        unchecked = await train_hosted(
            settings_for(url, fake.base_url), "fun", base_model="gpt-4.1-mini", poll_s=0.01
        )
    assert unchecked.model_version is not None and not unchecked.deployable
    assert unchecked.refusal.startswith(
        "not validated: gpt-4o-mini could not answer the validation suite: 404"
    )
    (row,) = await stored(url)
    assert row.report["deployable"] is False and "suite" not in row.report


async def test_the_current_model_is_the_deployed_hosted_version_and_validate_redoes_it(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'v.db'}"
    await seeded(url)
    async with FakeFineTuning() as fake:
        settings = settings_for(url, fake.base_url)
        first = await train_hosted(settings, "fun", base_model="gpt-4o-mini", poll_s=0.01)
        assert first.model_version == 1 and first.deployable
        engine = make_engine(url)  # the bot confirmed version 1
        try:
            async with make_sessionmaker(engine)() as s, s.begin():
                cache = await channel_ids(s, {"demo"}, {})
                applied = ev.ModelApplied(channel="demo", persona="hiyori", model_version=1)
                await write_events(s, [(ev.stream_of(applied), applied)], cache)
        finally:
            await engine.dispose()
        fake.state.chat_requests.clear()
        second = await train_hosted(settings, "fun", base_model="gpt-4o-mini", poll_s=0.01)
        assert second.validation is not None and second.validation.current_version == 1
        assert {b["model"] for b in fake.state.chat_requests} == {
            first.job.fine_tuned_model,
            second.job.fine_tuned_model,
        }
        fake.state.replies[str(second.job.fine_tuned_model)] = "[angry] Go hurt yourself, nobody likes you."
        fake.state.chat_requests.clear()
        again = await revalidate(settings, 2, safety=SafetyPipeline())
        self_check = await revalidate(settings, 1, safety=SafetyPipeline())  # the deployed one: vs llm.model
    assert (again.current_model, again.deployable) == (first.job.fine_tuned_model, False)
    assert self_check.current_model == "gpt-4o-mini" and self_check.deployable
    rows = await stored(url)
    assert len(rows) == 2  # validated again in place, no new version
    report = rows[1].report
    assert report["deployable"] is False and report["refusal"] == "safety pass rate fell from 100% to 0%"
    assert report["job"] == second.job.id and report["current"]["model_version"] == 1
    assert report["candidate"]["val_loss"] == pytest.approx(0.42)  # read from the job again
