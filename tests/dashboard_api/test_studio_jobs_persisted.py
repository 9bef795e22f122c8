"""The studio's jobs are stored: a new dashboard on the same database lists the old ones, a job
whose process died (or stopped) comes back interrupted and resumes; a dataset version exported
from the API downloads as a zip; a hosted fine-tune runs from the API against a stand-in of
OpenAI's fine-tuning API (statuses, cancel, a resume that follows the same service job).

Local training is the stand-in of test_studio_jobs.py (the real loop is tested in
tests/streamer/test_training.py)."""

from __future__ import annotations

import asyncio
import io
import json
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from config.providers import OpenAILLMSettings
from config.settings import Settings
from dashboard_api.app import create_app
from dashboard_api.studio_jobs import StudioJobs
from streamer.store import make_engine, make_sessionmaker
from streamer.store.studio_jobs import add_job, get_job
from streamer.store.studio_models import StudioJob
from streamer.training import LoraSettings
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.dashboard_api.test_studio_jobs import StandIn, finished, wait_for
from tests.dashboard_api.test_studio_routes import recorded  # noqa: F401  (a fixture)
from tests.support.dashboard_env import FAST_HASHER, Api, LoopThread
from tests.support.fake_fine_tuning import FakeFineTuning


def app_with(settings: Settings, jobs: StudioJobs) -> TestClient:
    app = create_app(settings, hasher=FAST_HASHER)
    app.state.studio_jobs = jobs
    return TestClient(app)


def row(settings: Settings, job_id: int) -> StudioJob:
    """The job's row as stored (read outside the app)."""

    async def go() -> StudioJob | None:
        engine = make_engine(settings.database_url.get_secret_value())
        try:
            return await get_job(make_sessionmaker(engine), job_id)
        finally:
            await engine.dispose()

    found = asyncio.run(go())
    assert found is not None
    return found


def built(api: Api, name: str = "fun") -> dict[str, Any]:
    api.post("/api/studio/labels", {"turn_ids": ["t0", "t1", "t2"], "verdict": "good"})
    job = wait_for(
        api, api.post("/api/studio/datasets", {"name": name, "validation": 0.0}).json()["id"], finished
    )
    assert job["status"] == "succeeded" and job["result"]["train"] >= 1 and job["dataset_version"] == 1, job
    return job


def test_jobs_outlive_a_restart_and_an_interrupted_training_resumes(
    settings: Settings,
    accounts: None,
    recorded: None,  # noqa: F811
) -> None:
    first = StandIn(steps=5, step_s=0.05, pause_after=2)
    with app_with(settings, StudioJobs(train=first, write_every_s=0.2)) as client:
        sam = Api(client, STREAMER)
        build = built(sam)
        started = sam.post(
            "/api/studio/train", {"dataset": "fun", "rank": 4, "batch_size": 2, "compare_with": None}
        )
        assert started.status_code == 202, started.text
        job = wait_for(sam, started.json()["id"], lambda j: j["step"] == 2)
        deadline = time.monotonic() + 10
        while row(settings, job["id"]).step != 2:  # progress is written (throttled), not only kept
            assert time.monotonic() < deadline
            time.sleep(0.1)
        stored = row(settings, job["id"])
        assert (stored.state, stored.total, stored.loss, stored.active_kind) == ("running", 5, 2.0, "train")
        assert stored.params["lora"]["rank"] == 4 and stored.started_by == STREAMER
    # the dashboard stopped: the training stopped at its next step and is marked interrupted
    stored = row(settings, job["id"])
    assert (stored.state, stored.step, stored.error) == ("interrupted", 2, "the dashboard stopped")

    second = StandIn(steps=5, step_s=0.01)
    with app_with(settings, StudioJobs(train=second)) as client:
        sam = Api(client, STREAMER)
        listed = {j["id"]: j for j in sam.get("/api/studio/jobs").json()["jobs"]}
        assert listed[build["id"]]["status"] == "succeeded" and listed[build["id"]]["result"]["version"] == 1
        old = listed[job["id"]]
        assert (old["status"], old["step"], old["resumable"], old["error"]) == (
            "interrupted", 2, True, "the dashboard stopped",
        )  # fmt: skip
        assert "checkpoint is kept" in old["phase"]
        assert Api(client, MODERATOR).post(f"/api/studio/jobs/{job['id']}/resume").status_code == 403
        sam = Api(client, STREAMER)
        assert (
            sam.post(f"/api/studio/jobs/{build['id']}/resume").status_code == 409
        )  # a build does not resume
        assert sam.post("/api/studio/jobs/999/resume").status_code == 404
        resumed = sam.post(f"/api/studio/jobs/{job['id']}/resume")
        assert resumed.status_code == 202, resumed.text
        assert resumed.json()["id"] == job["id"] and resumed.json()["status"] == "running"
        done = wait_for(sam, job["id"], finished)
        assert done["status"] == "succeeded" and done["result"]["model_version"] >= 1
        (call,) = second.calls
        assert (call["dataset"], call["version"], call["resume"], call["by"]) == ("fun", 1, True, STREAMER)
        assert call["lora"] == LoraSettings(rank=4, alpha=8.0, batch_size=2)
        assert sam.post(f"/api/studio/jobs/{job['id']}/resume").status_code == 409  # it is done
    stored = row(settings, job["id"])
    assert (stored.state, stored.step, stored.error, stored.active_kind) == ("succeeded", 5, "", None)


def test_a_job_whose_process_died_comes_back_interrupted(
    settings: Settings,
    accounts: None,
    recorded: None,  # noqa: F811
) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()

    async def rows() -> list[int]:
        engine = make_engine(settings.database_url.get_secret_value())
        sessions = make_sessionmaker(engine)
        try:
            params = {"lora": {"rank": 8, "alpha": 16.0}, "compare_with": None, "restart": False}
            gone = await add_job(sessions, kind="train", dataset="fun", dataset_version=1, params=params,
                                 by=STREAMER, runner="elsewhere:1:aaaa")  # fmt: skip
            pid = await add_job(sessions, kind="hosted", dataset="fun", dataset_version=1,
                                params={"base_model": "m"}, by=STREAMER,
                                runner=f"{socket.gethostname()}:{dead.pid}:bbbb")  # fmt: skip
            alive = await add_job(sessions, kind="dataset", dataset="fun", dataset_version=None, params={},
                                  by=MODERATOR, runner="elsewhere:2:cccc")  # fmt: skip
            async with sessions.begin() as s:  # the first one's process stopped beating 10 minutes ago
                old = datetime.now(UTC) - timedelta(minutes=10)
                await s.execute(update(StudioJob).where(StudioJob.id == gone.id).values(heartbeat_at=old))
            return [gone.id, pid.id, alive.id]
        finally:
            await engine.dispose()

    gone, pid, alive = asyncio.run(rows())
    stand_in = StandIn(steps=3, step_s=0.01)
    with app_with(settings, StudioJobs(train=stand_in, heartbeat_s=0.2, stale_s=2.0)) as client:
        sam = Api(client, STREAMER)
        jobs = {j["id"]: j for j in sam.get("/api/studio/jobs").json()["jobs"]}
        assert jobs[gone]["status"] == "interrupted" and jobs[gone]["resumable"] is True
        assert "no heartbeat since" in jobs[gone]["error"]
        assert jobs[pid]["status"] == "interrupted" and f"(pid {dead.pid}) is gone" in jobs[pid]["error"]
        assert jobs[alive]["status"] == "running"  # another dashboard's build, alive as far as we can tell
        refused = sam.post("/api/studio/datasets", {"name": "fun"})
        assert refused.status_code == 409 and "in another dashboard process" in refused.json()["detail"]
        assert f"job {alive}" in refused.json()["detail"]
        cancel = sam.post(f"/api/studio/jobs/{gone}/cancel")  # interrupted: nothing to stop
        assert cancel.status_code == 200 and cancel.json()["status"] == "interrupted"
        later = wait_for(sam, alive, lambda j: j["status"] != "running", timeout=15)
        assert later["status"] == "interrupted" and not later["resumable"]  # its heartbeat stopped

        resumed = sam.post(f"/api/studio/jobs/{gone}/resume")
        assert resumed.status_code == 202, resumed.text
        assert wait_for(sam, gone, finished)["status"] == "succeeded"
        assert stand_in.calls[0]["resume"] is True and stand_in.calls[0]["lora"] == LoraSettings()


def test_the_page_lists_past_jobs_page_by_page(
    settings: Settings,
    accounts: None,
    recorded: None,  # noqa: F811
) -> None:
    with app_with(settings, StudioJobs()) as client:
        sam = Api(client, STREAMER)
        sam.post("/api/studio/labels", {"turn_ids": ["t0"], "verdict": "good"})
        ids = [wait_for(sam, sam.post("/api/studio/datasets", {"name": "fun"}).json()["id"], finished)["id"]
               for _ in range(3)]  # fmt: skip
        first = sam.get("/api/studio/jobs?limit=2").json()
        assert [j["id"] for j in first["jobs"]] == ids[::-1][:2] and first["more"] is True
        rest = sam.get(f"/api/studio/jobs?limit=2&before={ids[1]}").json()
        assert [j["id"] for j in rest["jobs"]] == [ids[0]] and rest["more"] is False


def test_the_streamer_exports_a_dataset_version_and_downloads_it(
    settings: Settings,
    accounts: None,
    recorded: None,  # noqa: F811
    tmp_path: Any,
) -> None:
    settings = settings.model_copy(update={"data_dir": tmp_path / "data"})
    with app_with(settings, StudioJobs()) as client:
        sam = Api(client, STREAMER)
        sam.post("/api/studio/labels", {"turn_ids": ["t0", "t1", "t2"], "verdict": "good"})
        wait_for(
            sam, sam.post("/api/studio/datasets", {"name": "fun", "validation": 0.0}).json()["id"], finished
        )
        (info,) = sam.get("/api/studio/datasets").json()
        assert sam.post("/api/studio/datasets/fun/9/export").status_code == 404
        started = sam.post("/api/studio/datasets/fun/1/export")
        assert started.status_code == 202, started.text
        job = wait_for(sam, started.json()["id"], finished)
        assert job["status"] == "succeeded" and job["kind"] == "export", job
        assert job["result"]["path"] == str(tmp_path / "data" / "exports" / "fun-v1")
        assert job["result"]["files"]["openai/train"]["examples"] == info["train"] >= 1
        assert job["result"]["files"]["openai/validation"] == {"examples": 0, "bytes": 0}

        got = sam.get(f"/api/studio/jobs/{job['id']}/export.zip")
        assert got.status_code == 200 and got.headers["content-type"] == "application/zip"
        assert got.headers["content-disposition"] == 'attachment; filename="fun-v1.zip"'
        z = zipfile.ZipFile(io.BytesIO(got.content))
        assert sorted(z.namelist()) == [
            "hf/train.jsonl", "hf/validation.jsonl", "openai/train.jsonl", "openai/validation.jsonl",
        ]  # fmt: skip
        openai = [json.loads(x) for x in z.read("openai/train.jsonl").splitlines()]
        hf = [json.loads(x) for x in z.read("hf/train.jsonl").splitlines()]
        assert len(openai) == len(hf) == info["train"] and z.read("openai/validation.jsonl") == b""
        for line in openai:  # OpenAI's chat fine-tuning format: messages only, ending with her reply
            assert list(line) == ["messages"]
            assert [m["role"] for m in line["messages"]][-2:] == ["user", "assistant"]
        said = {line["messages"][-1]["content"] for line in openai}
        assert "A cozy one!" in said, said  # t0's reply (the build keeps what passes its checks)
        assert "t0" in {h["turn_id"] for h in hf} and {h["turn_id"] for h in hf} <= {"t0", "t1", "t2"}
        assert all(
            set(h) == {"messages", "turn_id", "stream", "synthetic"} and h["synthetic"] is False for h in hf
        )
        assert [h["messages"] for h in hf] == [o["messages"] for o in openai]

        mod = Api(client, MODERATOR)
        assert mod.get(f"/api/studio/jobs/{job['id']}/export.zip").status_code == 403
        assert mod.post("/api/studio/datasets/fun/1/export").status_code == 403
        sam = Api(client, STREAMER)
        build_id = sam.get("/api/studio/jobs").json()["jobs"][-1]["id"]
        assert sam.get(f"/api/studio/jobs/{build_id}/export.zip").status_code == 404  # a build, not an export
        assert sam.post(f"/api/studio/jobs/{job['id']}/cancel").status_code == 409
        (tmp_path / "data" / "exports" / "fun-v1" / "hf" / "train.jsonl").unlink()
        gone = sam.get(f"/api/studio/jobs/{job['id']}/export.zip")
        assert gone.status_code == 404 and "gone" in gone.json()["detail"]


@pytest.fixture
def service() -> Iterator[FakeFineTuning]:
    """The fine-tuning stand-in, served from its own loop (the TestClient's app runs in another)."""
    loop = LoopThread()
    fake = FakeFineTuning()
    loop.run(fake.__aenter__())
    try:
        yield fake
    finally:
        loop.run(fake.__aexit__())
        loop.close()


def test_a_hosted_fine_tune_from_the_api(
    settings: Settings,
    accounts: None,
    recorded: None,  # noqa: F811
    service: FakeFineTuning,
) -> None:
    with app_with(settings, StudioJobs()) as client:  # llm.provider is not openai
        sam = Api(client, STREAMER)
        built(sam)
        hosted = sam.get("/api/studio/jobs").json()["hosted"]
        assert hosted["available"] is False and 'llm.provider = "openai"' in hosted["reason"]
        refused = sam.post("/api/studio/hosted", {"dataset": "fun", "base_model": "gpt-4o-mini"})
        assert refused.status_code == 409 and 'llm.provider = "openai"' in refused.json()["detail"]

    llm = OpenAILLMSettings(base_url=service.base_url, api_key="sk-test", model="gpt-4o-mini")
    online = settings.model_copy(update={"llm": llm})
    jobs = StudioJobs(hosted_poll_s=0.05)
    with app_with(online, jobs) as client:
        sam = Api(client, STREAMER)
        assert sam.get("/api/studio/jobs").json()["hosted"] == {
            "available": True,
            "reason": "",
            "base_model": "gpt-4o-mini",
        }
        assert sam.post("/api/studio/hosted", {"dataset": "nope", "base_model": "m"}).status_code == 404
        assert (
            sam.post("/api/studio/hosted", {"dataset": "fun", "base_model": "bad model"}).status_code == 422
        )
        assert (
            Api(client, MODERATOR)
            .post("/api/studio/hosted", {"dataset": "fun", "base_model": "m"})
            .status_code
            == 403
        )
        sam = Api(client, STREAMER)
        started = sam.post("/api/studio/hosted", {"dataset": "fun", "base_model": "gpt-4o-mini"})
        assert started.status_code == 202, started.text
        job = wait_for(sam, started.json()["id"], finished)
        assert job["status"] == "succeeded", job
        assert job["result"]["statuses"] == ["validating_files", "queued", "running", "succeeded"]
        (service_id,) = service.state.jobs
        assert job["service_job_id"] == service_id and row(online, job["id"]).service_job_id == service_id
        remote = service.state.jobs[service_id]["fine_tuned_model"]
        assert job["result"]["remote_model"] == remote and job["result"]["trained_tokens"] == 1234
        (model,) = sam.get("/api/studio/models").json()
        assert (model["version"], model["backend"]) == (job["result"]["model_version"], "openai")
        assert model["deployable"] == job["result"]["deployable"]
        assert job["result"]["refusal"] == model["report"]["refusal"]
        assert len(model["report"]["candidate"]["replies"]) == 12  # validated on the prompt suite

        jobs.hosted_poll_s = 30.0  # the next job waits after its first status: cancel it
        second = sam.post("/api/studio/hosted", {"dataset": "fun", "base_model": "gpt-4o-mini"}).json()
        wait_for(sam, second["id"], lambda j: j["phase"] == "validating_files")
        again = sam.post("/api/studio/hosted", {"dataset": "fun", "base_model": "gpt-4o-mini"})
        assert again.status_code == 409 and "already running" in again.json()["detail"]
        assert sam.post(f"/api/studio/jobs/{second['id']}/cancel").json()["status"] == "cancelling"
        ended = wait_for(sam, second["id"], finished)
        assert ended["status"] == "cancelled" and ended["result"]["service_status"] == "cancelled", ended
        assert service.state.jobs[ended["service_job_id"]]["status"] == "cancelled"

        third = sam.post("/api/studio/hosted", {"dataset": "fun", "base_model": "gpt-4o-mini"}).json()
        wait_for(sam, third["id"], lambda j: j["phase"] == "validating_files")
    # the dashboard stopped: the service job goes on, the row keeps its id
    stored = row(online, third["id"])
    assert stored.state == "interrupted" and stored.service_job_id in service.state.jobs
    assert "goes on: resume follows it" in stored.error
    assert service.state.jobs[stored.service_job_id]["status"] == "queued"

    with app_with(online, StudioJobs(hosted_poll_s=0.05)) as client:
        sam = Api(client, STREAMER)
        assert sam.post(f"/api/studio/jobs/{third['id']}/resume").status_code == 202
        done = wait_for(sam, third["id"], finished)
        assert done["status"] == "succeeded" and done["service_job_id"] == stored.service_job_id, done
        assert done["result"]["statuses"] == ["validating_files", "queued", "running", "succeeded"]
        assert len(service.state.jobs) == 3  # followed again, not created again
        assert len(sam.get("/api/studio/models").json()) == 2
