"""The studio's jobs over the API: the streamer builds a dataset (the real build, on the
recorded log) and starts, follows and cancels a training run in the background; moderators
only read; without the ``train`` extra the API says so, with the install command.

The training runs here are a stand-in for :func:`streamer.training.train_local` (it reports
progress and honours cancel as the real one does): the real training loop is tested in
tests/streamer/test_training.py."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from config.providers import OpenAILLMSettings
from config.settings import Settings
from dashboard_api.app import create_app
from dashboard_api.studio_jobs import StudioJobs
from engines.training.validation import ModelScore
from integrations.lora.trainer import TrainResult
from streamer.store import make_engine, make_sessionmaker
from streamer.store.model_versions import save_model_version
from streamer.store.studio_jobs import get_job
from streamer.training import LoraSettings, Progress, Trained
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.dashboard_api.test_studio_routes import recorded  # noqa: F401  (a fixture)
from tests.support.dashboard_env import FAST_HASHER, Api


class StandIn:
    """Trains ``steps`` steps of ``step_s`` each in a worker thread, like train_local: progress
    after every step, a cancel stops at the next step; the runs' arguments are kept. Each step
    waits for ``go`` (or a cancel); ``pause_after`` clears ``go`` after that step."""

    def __init__(self, steps: int = 5, step_s: float = 0.2, pause_after: int | None = None) -> None:
        self.steps, self.step_s, self.pause_after = steps, step_s, pause_after
        self.calls: list[dict[str, Any]] = []
        self.go = threading.Event()
        self.go.set()

    async def __call__(self, settings: Settings, dataset: str, version: int | None, **kw: Any) -> Trained:
        self.calls.append({"dataset": dataset, "version": version, **kw})
        on_progress: Callable[[Progress], None] = kw["on_progress"]
        cancel: threading.Event = kw["cancel"]

        def loop() -> TrainResult:
            for step in range(1, self.steps + 1):
                deadline = time.monotonic() + 30
                while not self.go.is_set() and not cancel.is_set() and time.monotonic() < deadline:
                    cancel.wait(0.05)
                if cancel.is_set():
                    return TrainResult(None, step - 1, 0, 4.0, None, 1.0, 1.0, cancelled=True)
                time.sleep(self.step_s)
                on_progress(Progress(step, self.steps, 4.0 / step, 1.5))
                if step == self.pause_after:
                    self.go.clear()
            return TrainResult(Path("/m/adapter.gguf"), self.steps, 0, 4.0, 1.0, 1.5, 1.0)

        result = await asyncio.to_thread(loop)
        assert version is not None
        done = Trained(dataset, version, result)
        if not result.cancelled:
            done.model_version = await save_model_version(
                kw["sessions"], backend="local", base_model="smol.gguf", adapter_path="/m/adapter.gguf",
                report={"deployable": True, "candidate": {"val_loss": 1.0}}, by=kw["by"],
            )  # fmt: skip
            done.current = done.candidate = ModelScore(1.0, 1.0, {}, None)
            done.deployable = True
        return done


@pytest.fixture
def stand_in() -> StandIn:
    return StandIn()


@pytest.fixture
def jobs_client(settings: Settings, accounts: None, stand_in: StandIn) -> Iterator[TestClient]:
    app = create_app(settings, hasher=FAST_HASHER)
    app.state.studio_jobs = StudioJobs(train=stand_in)
    with TestClient(app) as c:
        yield c


def wait_for(
    api: Api, job_id: int, done: Callable[[dict[str, Any]], bool], timeout: float = 60.0
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        job: dict[str, Any] = next(j for j in api.get("/api/studio/jobs").json()["jobs"] if j["id"] == job_id)
        if done(job):
            return job
        assert time.monotonic() < deadline, f"job {job_id} stuck: {job}"
        time.sleep(0.1)


def finished(job: dict[str, Any]) -> bool:
    return job["status"] not in ("running", "cancelling")


def test_the_streamer_builds_a_dataset_in_the_background(jobs_client: TestClient, recorded: None) -> None:  # noqa: F811
    sam = Api(jobs_client, STREAMER)
    sam.post("/api/studio/labels", {"turn_ids": ["t0", "t2"], "verdict": "good", "tags": ["cozy"]})
    sam.post("/api/studio/labels", {"turn_ids": ["t1"], "verdict": "bad"})  # bad without an edit: not kept
    (stream,) = sam.get("/api/studio/streams").json()  # scored on the way: the recorded stream
    assert stream["turns"] == 3 and stream["stream"].startswith("2026-03-01T20:00:00")
    started = sam.post(
        "/api/studio/datasets",
        {"name": "fun", "labels": ["good", "bad"], "tags": ["cozy"], "streams": [stream["stream"]]},
    )
    assert started.status_code == 202, started.text
    job = started.json()
    assert (job["kind"], job["dataset"], job["started_by"], job["status"]) == (
        "dataset",
        "fun",
        STREAMER,
        "running",
    )
    job = wait_for(sam, job["id"], finished)
    assert job["status"] == "succeeded", job
    r = job["result"]
    assert (r["name"], r["version"], r["candidates"]) == ("fun", 1, 3)
    assert r["dropped"]["bad_without_edit"] == 1  # t1: bad, with no edit
    assert r["train"] >= 1 and r["train"] + r["validation"] + sum(r["dropped"].values()) == 3, r
    (one,) = sam.get("/api/studio/datasets").json()
    assert (one["name"], one["version"], one["created_by"]) == ("fun", 1, STREAMER)
    assert one["recipe"]["verdicts"] == ["good", "bad"] and one["recipe"]["tags_any"] == ["cozy"]
    assert one["recipe"]["streams"] == [stream["stream"]]

    again = sam.post("/api/studio/datasets", {"name": "fun", "min_score": 1e6})  # nothing that high
    job = wait_for(sam, again.json()["id"], finished)
    assert job["status"] == "succeeded" and (job["result"]["version"], job["result"]["train"]) == (2, 0)
    other = sam.post("/api/studio/datasets", {"name": "fun", "streams": ["2020-01-01T00:00:00+00:00"]})
    job = wait_for(sam, other.json()["id"], finished)
    assert (job["result"]["version"], job["result"]["train"], job["result"]["dropped"]) == (
        3,
        0,
        {"stream": 3},
    )

    assert sam.post("/api/studio/datasets", {"name": "Not Allowed"}).status_code == 422
    assert sam.post("/api/studio/datasets", {"labels": []}).status_code == 422
    assert sam.post("/api/studio/datasets", {"validation": 1.0}).status_code == 422
    assert sam.post("/api/studio/datasets", {"paraphrases": 6}).status_code == 422


def test_the_streamer_starts_follows_and_cancels_a_training_run(
    jobs_client: TestClient,
    recorded: None,  # noqa: F811
    stand_in: StandIn,
) -> None:
    sam = Api(jobs_client, STREAMER)
    sam.post("/api/studio/labels", {"turn_ids": ["t0", "t2"], "verdict": "good"})
    built = wait_for(sam, sam.post("/api/studio/datasets", {"name": "fun"}).json()["id"], finished)
    assert built["status"] == "succeeded"
    assert sam.post("/api/studio/train", {"dataset": "nope"}).status_code == 404
    assert sam.post("/api/studio/train", {"dataset": "fun", "version": 9}).status_code == 404

    stand_in.go.clear()  # hold the run at its first step
    started = sam.post(
        "/api/studio/train",
        {"dataset": "fun", "epochs": 2, "rank": 4, "learning_rate": 0.002, "batch_size": 2},
    )
    assert started.status_code == 202, started.text
    job = started.json()
    assert (job["kind"], job["dataset"], job["status"]) == ("train", "fun", "running")
    second = sam.post("/api/studio/train", {"dataset": "fun"})
    assert second.status_code == 409 and "already running" in second.json()["detail"]
    call = stand_in.calls[0]
    assert (call["dataset"], call["version"], call["by"], call["resume"], call["current_model"]) == (
        "fun", 1, STREAMER, True, None,
    )  # fmt: skip
    assert call["lora"] == LoraSettings(rank=4, alpha=8.0, learning_rate=0.002, epochs=2, batch_size=2)

    stand_in.pause_after = 2
    stand_in.go.set()
    seen = wait_for(sam, job["id"], lambda j: j["step"] >= 2)
    assert (seen["status"], seen["step"], seen["total"], seen["loss"]) == ("running", 2, 5, 2.0)
    assert seen["phase"] == "training"
    cancelled = sam.post(f"/api/studio/jobs/{job['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelling"
    job = wait_for(sam, job["id"], finished)
    assert job["status"] == "cancelled" and "stopped at step 2" in job["phase"] and not job["resumable"]
    assert "checkpoint is kept" in job["phase"] and job["result"]["steps"] == 2
    assert sam.get("/api/studio/models").json() == []

    stand_in.pause_after = None
    stand_in.go.set()
    again = sam.post("/api/studio/train", {"dataset": "fun", "restart": True})  # starts over
    job = wait_for(sam, again.json()["id"], finished)
    assert stand_in.calls[-1]["resume"] is False
    assert job["status"] == "succeeded" and job["step"] == 5 and job["result"]["deployable"] is True
    (model,) = sam.get("/api/studio/models").json()
    assert model["version"] == job["result"]["model_version"] and model["created_by"] == STREAMER
    assert sam.post("/api/studio/jobs/999/cancel").status_code == 404
    assert sam.post(f"/api/studio/jobs/{built['id']}/cancel").status_code == 409  # a build is not cancelled


def test_moderators_follow_the_jobs_but_start_nothing(jobs_client: TestClient, recorded: None) -> None:  # noqa: F811
    sam = Api(jobs_client, STREAMER)
    job = sam.post("/api/studio/datasets", {"name": "fun"}).json()
    wait_for(sam, job["id"], finished)
    mod = Api(jobs_client, MODERATOR)
    got = mod.get("/api/studio/jobs")
    assert got.status_code == 200 and [j["id"] for j in got.json()["jobs"]] == [job["id"]]
    assert mod.post("/api/studio/datasets", {"name": "fun"}).status_code == 403
    assert mod.post("/api/studio/train", {"dataset": "fun"}).status_code == 403
    assert mod.post(f"/api/studio/jobs/{job['id']}/cancel").status_code == 403
    assert mod.post(f"/api/studio/jobs/{job['id']}/resume").status_code == 403
    assert mod.post("/api/studio/datasets/fun/1/export").status_code == 403
    assert mod.post("/api/studio/hosted", {"dataset": "fun", "base_model": "gpt-4o-mini"}).status_code == 403
    assert mod.get(f"/api/studio/jobs/{job['id']}/export.zip").status_code == 403
    jobs_client.cookies.clear()  # signed out
    assert jobs_client.get("/api/studio/jobs").status_code == 401


def test_without_the_train_extra_the_api_says_how_to_install_it(
    client: TestClient,
    recorded: None,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import streamer.training

    monkeypatch.setattr(streamer.training, "missing_extra", lambda: "torch")
    sam = Api(client, STREAMER)
    sam.post("/api/studio/labels", {"turn_ids": ["t0"], "verdict": "good"})
    wait_for(sam, sam.post("/api/studio/datasets", {"name": "fun"}).json()["id"], finished)
    training = sam.get("/api/studio/jobs").json()["training"]
    assert training["available"] is False
    assert (
        "torch is not installed" in training["reason"]
        and "bash scripts/install_train.sh" in training["reason"]
    )
    refused = sam.post("/api/studio/train", {"dataset": "fun"})
    assert refused.status_code == 409 and "bash scripts/install_train.sh" in refused.json()["detail"]
    assert [j["kind"] for j in sam.get("/api/studio/jobs").json()["jobs"]] == ["dataset"]  # nothing started

    monkeypatch.setattr(streamer.training, "missing_extra", lambda: None)
    assert sam.get("/api/studio/jobs").json()["training"] == {"available": True, "reason": ""}


async def test_a_stopping_dashboard_stops_training_at_the_next_step(settings: Settings) -> None:
    stand_in = StandIn(steps=5, step_s=0.05, pause_after=1)
    jobs = StudioJobs(train=stand_in)
    engine = make_engine(settings.database_url.get_secret_value())
    try:
        sessions = make_sessionmaker(engine)
        await jobs.attach(settings, sessions)
        job = await jobs.train("fun", 1, lora=LoraSettings(), compare_with=None, restart=False, by=STREAMER)
        for _ in range(200):
            if job.step == 1:
                break
            await asyncio.sleep(0.05)
        assert (job.status, job.step) == ("running", 1)
        await jobs.aclose(stop_wait_s=10)
        assert job.status == "interrupted" and job.result["steps"] == 1 and "checkpoint is kept" in job.phase
        row = await get_job(sessions, job.id)  # written before the dashboard is gone
        assert row is not None and (row.state, row.step, row.error) == (
            "interrupted",
            1,
            "the dashboard stopped",
        )
        assert row.active_kind is None and row.finished_at is not None
    finally:
        await engine.dispose()


async def test_the_jobs_call_the_real_functions_as_they_are_declared(settings: Settings) -> None:
    """The stand-ins take any keyword; the real train_local, build_dataset and train_hosted
    must accept what the jobs pass them (and give back what the jobs read)."""
    import dataclasses
    import inspect

    from engines.training.dataset import Recipe
    from streamer.studio import build_dataset
    from streamer.training import HostedTrained, train_hosted, train_local

    seen: dict[str, Any] = {}

    def recorder(name: str) -> Callable[..., Any]:
        async def record(*args: Any, **kw: Any) -> Any:
            seen[name] = (args, kw)
            raise RuntimeError("recorded")

        return record

    openai = settings.model_copy(update={"llm": OpenAILLMSettings(base_url="http://127.0.0.1:9/v1")})
    jobs = StudioJobs(train=recorder("train"), build=recorder("build"), hosted=recorder("hosted"))
    engine = make_engine(settings.database_url.get_secret_value())
    try:
        await jobs.attach(openai, make_sessionmaker(engine))
        started = [
            await jobs.train("fun", 1, lora=LoraSettings(), compare_with=3, restart=True, by=STREAMER),
            await jobs.build_dataset(Recipe(name="fun"), by=STREAMER),
            await jobs.train_hosted("fun", 1, base_model="gpt-4o-mini", compare_with=None, by=STREAMER),
        ]
        await asyncio.wait([j.task for j in started if j.task is not None])
        assert [j.status for j in started] == ["failed"] * 3 and started[0].error == "recorded"
        await jobs.aclose()
    finally:
        await engine.dispose()
    args, kw = seen["train"]
    inspect.signature(train_local).bind(*args, **kw)
    assert kw["current_model"] == 3 and kw["resume"] is False
    args, kw = seen["build"]
    inspect.signature(build_dataset).bind(*args, **kw)
    args, kw = seen["hosted"]
    inspect.signature(train_hosted).bind(*args, **kw)
    assert kw["resume_job_id"] is None and kw["base_model"] == "gpt-4o-mini" and args[1:] == ("fun", 1)
    read = {"dataset_version", "result", "model_version", "deployable", "refusal"}
    assert read <= {f.name for f in dataclasses.fields(Trained)}
    assert {"steps", "cancelled"} <= {f.name for f in dataclasses.fields(TrainResult)}
    assert {"job", "model_version"} <= {f.name for f in dataclasses.fields(HostedTrained)}
