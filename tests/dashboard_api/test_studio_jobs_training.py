"""A real training run started from the studio's API: labelled turns -> the dataset job -> the
training job (LoRA on the bundled model, on the CPU) with its progress -> validation on
llama.cpp -> the stored model version. Needs the optional `train` extra (CI installs it:
scripts/install_train.sh)."""

from __future__ import annotations

import asyncio
import importlib.util
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from config.settings import Settings
from dashboard_api.app import create_app
from engines import events as ev
from streamer.store import make_engine, make_sessionmaker
from streamer.store.writer import channel_ids, write_events
from tests.dashboard_api.conftest import STREAMER
from tests.streamer.test_training import FOODS, log
from tests.support.dashboard_env import FAST_HASHER, Api

MISSING = [m for m in ("torch", "transformers", "peft", "gguf") if importlib.util.find_spec(m) is None]
pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason=f"the optional train extra is not installed ({', '.join(MISSING)}): bash scripts/install_train.sh",
)


@pytest.fixture
def trained_client(settings: Settings, accounts: None, tmp_path: Path) -> Iterator[TestClient]:
    settings = settings.model_copy(update={"data_dir": tmp_path / "data"})

    async def record() -> None:
        engine = make_engine(settings.database_url.get_secret_value())
        try:
            sessions = make_sessionmaker(engine)
            events = [e.model_copy(update={"channel": settings.channel}) for e in log()]
            async with sessions() as s, s.begin():
                cache = await channel_ids(s, {settings.channel}, {})
                await write_events(s, [(ev.stream_of(e), e) for e in events], cache)
        finally:
            await engine.dispose()

    asyncio.run(record())
    with TestClient(create_app(settings, hasher=FAST_HASHER)) as c:
        yield c


def job(api: Api, job_id: int) -> dict[str, Any]:
    found: dict[str, Any] = next(j for j in api.get("/api/studio/jobs").json()["jobs"] if j["id"] == job_id)
    return found


def test_a_training_run_from_the_api_stores_a_validated_model_version(
    trained_client: TestClient, tmp_path: Path
) -> None:
    sam = Api(trained_client, STREAMER)
    assert sam.get("/api/studio/jobs").json()["training"] == {"available": True, "reason": ""}
    ids = [f"t{n}" for n in range(len(FOODS))]
    assert sam.post("/api/studio/labels", {"turn_ids": ids, "verdict": "good"}).json() == {"labelled": 16}
    built = sam.post("/api/studio/datasets", {"name": "nya", "validation": 0.5}).json()
    deadline = time.monotonic() + 120
    while (b := job(sam, built["id"]))["status"] == "running":
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert b["status"] == "succeeded" and b["result"]["train"] >= 4 and b["result"]["validation"] >= 1, b

    started = sam.post("/api/studio/train", {"dataset": "nya", "batch_size": 4, "learning_rate": 0.003})
    assert started.status_code == 202, started.text
    steps: list[tuple[int, int | None, str]] = []
    deadline = time.monotonic() + 900
    while (t := job(sam, started.json()["id"]))["status"] == "running":
        if t["step"] and (not steps or steps[-1][0] != t["step"]):
            steps.append((t["step"], t["total"], t["phase"]))
        assert time.monotonic() < deadline, t
        time.sleep(0.5)
    assert t["status"] == "succeeded", t
    total = b["result"]["train"] // 4 + (1 if b["result"]["train"] % 4 else 0)
    assert steps and all(s[1] == total for s in steps) and steps[-1][0] == total
    assert t["loss"] is not None and t["examples_per_s"] is not None and t["step"] == total

    (model,) = sam.get("/api/studio/models").json()
    assert model["version"] == t["result"]["model_version"] and model["created_by"] == STREAMER
    assert model["deployable"] == t["result"]["deployable"]
    report = model["report"]
    assert report["train"]["steps"] == total and report["train"]["settings"]["learning_rate"] == 0.003
    assert len(report["candidate"]["replies"]) == len(report["current"]["replies"]) == 12
    assert report["candidate"]["val_loss"] < report["current"]["val_loss"]  # it learned her style
    assert (tmp_path / "data" / "models" / "nya-v1" / "adapter.gguf").stat().st_size > 100_000
