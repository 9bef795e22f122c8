"""Deploy and roll back a model version through the studio's API, confirmed by the running bot
(the real brain, wired as `vtuber run` wires the local model: the store finds the version's
adapter; the llama.cpp restart itself is a stand-in here, tested with the real server in
tests/integrations/llama_cpp/test_server_adapter.py). Engagement then shows per model version."""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from config.settings import Settings
from engines import events as ev
from streamer.app import _serve_model_version
from streamer.store import make_sessionmaker
from streamer.store.model_versions import deployed_versions, save_model_version
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.support.dashboard_env import Api, Bot, LoopThread, start_bot


@pytest.fixture
def served() -> list[Path | None]:
    return []


@pytest.fixture
def bot(settings: Settings, served: list[Path | None]) -> Iterator[Bot]:
    loop = LoopThread()
    running = loop.run(start_bot(settings))

    async def restart_with(adapter: Path | None) -> None:  # stands in for LlamaServer.use_adapter
        served.append(adapter)

    sessions = make_sessionmaker(running.engine)
    running.brain.model_switcher = functools.partial(_serve_model_version, sessions, restart_with)
    try:
        yield running
    finally:
        loop.run(running.stop())
        loop.close()


def wait_for(check: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


def test_deploy_is_confirmed_gated_by_safety_and_rolled_back(
    client: TestClient, bot: Bot, served: list[Path | None], settings: Settings
) -> None:
    sam = Api(client, STREAMER)
    sessions = client.app.state.dash.sessions  # type: ignore[attr-defined]

    def version(deployable: bool, path: str) -> int:
        report = {
            "deployable": deployable,
            "refusal": "" if deployable else "safety pass rate fell from 92% to 75%",
        }
        return sam.run(
            save_model_version(
                sessions,
                backend="local",
                base_model="smol.gguf",
                adapter_path=path,
                report=report,
                by=STREAMER,
            )
        )

    good, unsafe, later = version(True, "/m/a.gguf"), version(False, "/m/b.gguf"), version(True, "/m/c.gguf")

    assert sam.post("/api/studio/deploy", {"model_version": good}).json() == {
        "status": "applied",
        "persona": "hiyori",
        "model_version": good,
        "error": "",
    }
    assert served == [Path("/m/a.gguf")] and bot.brain.model_version == good

    refused = sam.post("/api/studio/deploy", {"model_version": unsafe})
    assert refused.status_code == 409 and "safety pass rate fell" in refused.json()["detail"]
    assert sam.post("/api/studio/deploy", {"model_version": 999}).status_code == 404
    assert served == [Path("/m/a.gguf")]

    assert sam.post("/api/studio/deploy", {"model_version": later}).json()["status"] == "applied"
    wait_for(lambda: sam.run(deployed_versions(sessions, "chan", "hiyori"))[:1] == [later])
    back = sam.post("/api/studio/rollback").json()
    assert back["status"] == "applied" and back["model_version"] == good  # one action: the one before
    assert served[-1] == Path("/m/a.gguf") and bot.brain.model_version == good
    wait_for(lambda: sam.run(deployed_versions(sessions, "chan", "hiyori"))[:1] == [good])

    # a turn spoken now counts for the deployed version on the stats
    async def chat() -> None:
        who = ev.Viewer(id="5", login="ann", display_name="Ann")
        await bot.bus.publish(ev.ChatMessage(channel="chan", user=who, text="hiyori, how are you today?"))

    asyncio.run_coroutine_threadsafe(chat(), bot.tasks[0].get_loop()).result(5)

    def counted() -> bool:
        rows = sam.get("/api/studio/engagement").json()
        return any(r["model_version"] == good and r["turns"] >= 1 for r in rows)

    wait_for(counted, 20)

    mia = Api(client, MODERATOR)
    assert mia.post("/api/studio/deploy", {"model_version": good}).status_code == 403


def test_a_bot_that_cannot_switch_refuses_and_the_page_says_why(client: TestClient, bot: Bot) -> None:
    bot.brain.model_switcher = None
    sam = Api(client, STREAMER)
    sessions = client.app.state.dash.sessions  # type: ignore[attr-defined]
    v = sam.run(
        save_model_version(
            sessions,
            backend="local",
            base_model="smol.gguf",
            adapter_path="/m/a.gguf",
            report={"deployable": True},
            by=STREAMER,
        )
    )
    got = sam.post("/api/studio/deploy", {"model_version": v}).json()
    assert got["status"] == "refused" and "cannot switch versions" in got["error"]
    assert sam.post("/api/studio/rollback").status_code == 409  # nothing was ever deployed
