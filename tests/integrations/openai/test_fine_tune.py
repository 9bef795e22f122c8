"""Hosted fine-tuning through the openai SDK against a local stand-in of OpenAI's documented
fine-tuning API: upload, create, poll to success, a failed validation, cancel, refused calls."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from integrations.openai.fine_tune import FineTuneError, HostedFineTuner, JobStatus
from tests.support.fake_fine_tuning import FakeFineTuning


def chat_jsonl(path: Path, n: int) -> Path:
    rows = [
        {
            "messages": [
                {"role": "system", "content": "You are Hiyori."},
                {"role": "user", "content": f"q{i}"},
                {"role": "assistant", "content": f"Nyan {i}!"},
            ]
        }
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


async def test_upload_create_poll_and_get_the_model_name(tmp_path: Path) -> None:
    async with FakeFineTuning() as fake:
        tuner = HostedFineTuner.connect(fake.base_url, "sk-test", poll_s=0.01)
        try:
            train, val = chat_jsonl(tmp_path / "train.jsonl", 10), chat_jsonl(tmp_path / "val.jsonl", 2)
            job_id = await tuner.start(train, val, model="gpt-4o-mini", suffix="hiyori")
            seen: list[JobStatus] = []
            done = await tuner.wait(job_id, on_status=seen.append)
        finally:
            await tuner.aclose()
    assert [s.status for s in seen] == ["validating_files", "queued", "running", "succeeded"]
    assert (
        done.status == "succeeded"
        and done.fine_tuned_model == f"ft:gpt-4o-mini:org-test:hiyori:{job_id[-8:]}"
    )
    assert done.trained_tokens == 1234 and done.error == ""
    job = fake.state.jobs[job_id]
    assert (
        fake.state.files[job["training_file"]] == train.read_bytes()
    )  # the upload is the file, byte for byte
    assert fake.state.files[job["validation_file"]] == val.read_bytes()


async def test_a_file_the_service_rejects_ends_the_job_as_failed_with_the_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"prompt": "old completion format", "completion": "x"}\n')
    async with FakeFineTuning() as fake:
        tuner = HostedFineTuner.connect(fake.base_url, "sk-test", poll_s=0.01)
        try:
            done = await tuner.wait(await tuner.start(bad, None, model="gpt-4o-mini"))
        finally:
            await tuner.aclose()
    assert done.status == "failed" and done.fine_tuned_model is None
    assert (
        done.error == "invalid_training_file: line 1 is not a chat example ending with an assistant message"
    )


async def test_cancel_stops_the_job_on_the_service(tmp_path: Path) -> None:
    async with FakeFineTuning() as fake:
        tuner = HostedFineTuner.connect(fake.base_url, "sk-test", poll_s=5.0)
        try:
            job_id = await tuner.start(chat_jsonl(tmp_path / "t.jsonl", 3), None, model="gpt-4o-mini")
            cancel = asyncio.Event()
            done = await asyncio.wait_for(
                tuner.wait(job_id, on_status=lambda s: cancel.set(), cancel=cancel), 3
            )
        finally:
            await tuner.aclose()
    assert done.status == "cancelled" and fake.state.jobs[job_id]["status"] == "cancelled"


async def test_refused_calls_raise_one_error_type(tmp_path: Path) -> None:
    async with FakeFineTuning() as fake:
        wrong = HostedFineTuner.connect(fake.base_url, "sk-wrong", poll_s=0.01)
        try:
            with pytest.raises(FineTuneError, match="could not start"):
                await wrong.start(chat_jsonl(tmp_path / "t.jsonl", 1), None, model="gpt-4o-mini")
        finally:
            await wrong.aclose()
        tuner = HostedFineTuner.connect(fake.base_url, "sk-test", poll_s=0.01)
        try:
            with pytest.raises(FineTuneError, match="could not read job ftjob-nope"):
                await tuner.status("ftjob-nope")
            job_id = await tuner.start(chat_jsonl(tmp_path / "t.jsonl", 1), None, model="gpt-4o-mini")
            await tuner.wait(job_id)
            with pytest.raises(FineTuneError, match="already completed"):
                await tuner.cancel(job_id)
        finally:
            await tuner.aclose()


async def test_the_validation_loss_is_read_from_the_checkpoints_else_the_events(tmp_path: Path) -> None:
    async with FakeFineTuning() as fake:
        fake.state.valid_loss = 0.37
        fake.state.rate_limit_once.add("checkpoints")  # a 429 with Retry-After: the SDK waits it out
        tuner = HostedFineTuner.connect(fake.base_url, "sk-test", poll_s=0.01)
        try:
            train, val = chat_jsonl(tmp_path / "t.jsonl", 4), chat_jsonl(tmp_path / "v.jsonl", 2)
            job_id = (await tuner.wait(await tuner.start(train, val, model="gpt-4o-mini"))).id
            assert await tuner.val_loss(job_id) == pytest.approx(0.37)  # the last epoch's full loss
            assert fake.state.rate_limited == ["checkpoints"]
            fake.state.checkpoints[job_id] = []  # a service that keeps no checkpoints: the events
            fake.state.events[job_id][0]["data"]["full_valid_loss"] = 0.35
            assert await tuner.val_loss(job_id) == pytest.approx(0.35)
            for event in fake.state.events[job_id]:  # only batch losses: the latest one
                event["data"].pop("full_valid_loss", None)
            assert await tuner.val_loss(job_id) == pytest.approx(0.37)
            no_val = (await tuner.wait(await tuner.start(train, None, model="gpt-4o-mini"))).id
            assert await tuner.val_loss(no_val) is None  # no validation file: no loss to report
        finally:
            await tuner.aclose()


async def test_a_job_the_service_fails_ends_with_its_reason(tmp_path: Path) -> None:
    async with FakeFineTuning() as fake:
        fake.state.fail_jobs = True
        fake.state.rate_limit_once.add("jobs")
        tuner = HostedFineTuner.connect(fake.base_url, "sk-test", poll_s=0.01)
        try:
            done = await tuner.wait(
                await tuner.start(chat_jsonl(tmp_path / "t.jsonl", 3), None, model="gpt-4o-mini")
            )
        finally:
            await tuner.aclose()
    assert done.status == "failed" and done.fine_tuned_model is None
    assert done.error == "server_error: The job failed due to an internal error."
    assert fake.state.rate_limited == ["jobs"]
