"""A hosted model version deployed to a bot whose LLM is an OpenAI-compatible endpoint: the real
brain, wired as `vtuber run` wires the openai provider (integrations.registry.hosted_switcher,
streamer.app._serve_hosted_version), sends the fine-tuned model's name from the next turn on and
confirms with ``status.model``; rollback goes back to llm.model; the wrong kind of version is
refused with the reason on either kind of bot; after a restart the deployed version serves again.
Also the OpenAI client itself against the fine-tuning stand-in: the request's model changes."""

from __future__ import annotations

import functools
from pathlib import Path
from types import SimpleNamespace
from typing import cast

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.settings import Settings
from engines import events as ev
from engines.backends import LLMRequest, Message, ModelServer
from integrations.openai.llm import OpenAILLM
from integrations.registry import hosted_switcher
from streamer.app import App, _resume_model_version, _serve_hosted_version, _serve_model_version
from streamer.store import make_engine, make_sessionmaker
from streamer.store.model_versions import save_model_version
from streamer.store.writer import channel_ids, write_events
from tests.streamer.test_brain import Rig, rig  # noqa: F401 - the fixture is used by name
from tests.streamer.test_brain_model_switch import switch
from tests.support.fake_fine_tuning import FakeFineTuning

TUNED = "ft:gpt-4o-mini:org-test:fun-v1:abcd1234"


async def versions(sessions: async_sessionmaker[AsyncSession]) -> tuple[int, int, int]:
    """A deployable hosted version, an unsafe hosted one, a deployable local adapter."""
    good = await save_model_version(
        sessions, backend="openai", base_model="gpt-4o-mini", remote_model=TUNED,
        report={"deployable": True}, by="t",
    )  # fmt: skip
    unsafe = await save_model_version(
        sessions, backend="openai", base_model="gpt-4o-mini", remote_model="ft:gpt-4o-mini:org-test:bad:1",
        report={"deployable": False, "refusal": "safety pass rate fell from 100% to 50%"}, by="t",
    )  # fmt: skip
    local = await save_model_version(
        sessions, backend="local", base_model="smol.gguf", adapter_path="/m/a.gguf",
        report={"deployable": True}, by="t",
    )  # fmt: skip
    return good, unsafe, local


async def models_sent(r: Rig, text: str) -> str:
    """The model the next turn's request names."""
    before = len(r.fake.requests)
    await r.say(text)
    await r.outputs(until="reply.finished")
    chats = [q for q in r.fake.requests[before:] if q.path.endswith("/chat/completions")]
    return str(chats[-1].body["model"])


async def test_the_openai_bot_sends_the_deployed_model_and_rolls_back(rig: Rig, sqlite_url: str) -> None:  # noqa: F811
    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    try:
        good, unsafe, local = await versions(sessions)
        use = hosted_switcher(rig.brain.llm, None)
        assert use is not None
        rig.brain.model_switcher = functools.partial(_serve_hosted_version, sessions, use)
        assert await models_sent(rig, "hiyori how are you?") == "fake"  # llm.model
        got = await switch(rig, "hiyori", good)
        assert got.ok and got.model_version == good and rig.brain.model_version == good
        assert await models_sent(rig, "hiyori what are we playing?") == TUNED

        refused = await switch(rig, "hiyori", local)  # an adapter on an endpoint
        assert not refused.ok and refused.error == (
            f"model version {local} is a local LoRA adapter; this bot runs a model on an "
            "OpenAI-compatible endpoint (llm.provider = openai), which serves only hosted fine-tuned models"
        )
        unsafe_refused = await switch(rig, "hiyori", unsafe)
        assert not unsafe_refused.ok and "not deployable: safety pass rate fell" in unsafe_refused.error
        assert rig.brain.model_version == good and await models_sent(rig, "hiyori tell me more") == TUNED

        back = await switch(rig, "hiyori", None)
        assert back.ok and rig.brain.model_version is None
        assert await models_sent(rig, "hiyori and now?") == "fake"
    finally:
        await engine.dispose()


async def test_a_llama_cpp_bot_refuses_a_hosted_version(rig: Rig, sqlite_url: str) -> None:  # noqa: F811
    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    served: list[Path | None] = []

    async def restart_with(adapter: Path | None) -> None:  # stands in for LlamaServer.use_adapter
        served.append(adapter)

    try:
        good, _, local = await versions(sessions)
        rig.brain.model_switcher = functools.partial(_serve_model_version, sessions, restart_with)
        refused = await switch(rig, "hiyori", good)
        assert not refused.ok and refused.error.startswith(
            f"model version {good} is a hosted fine-tuned model; this bot runs the local llama.cpp model"
        )
        assert served == [] and rig.brain.model_version is None
        assert (await switch(rig, "hiyori", local)).ok and served == [Path("/m/a.gguf")]
    finally:
        await engine.dispose()


async def test_after_a_restart_the_openai_bot_sends_the_deployed_model(rig: Rig, sqlite_url: str) -> None:  # noqa: F811
    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    try:
        good, _, _ = await versions(sessions)
        async with sessions() as s, s.begin():
            cache = await channel_ids(s, {"chan"}, {})
            applied = ev.ModelApplied(channel="chan", persona="hiyori", model_version=good)
            await write_events(s, [(ev.stream_of(applied), applied)], cache)
        use = hosted_switcher(rig.brain.llm, None)
        assert use is not None
        rig.brain.model_switcher = functools.partial(_serve_hosted_version, sessions, use)
        app = cast(App, SimpleNamespace(sessions=sessions, settings=Settings(channel="chan")))
        await _resume_model_version(app, rig.brain, "hiyori")
        answer = (await rig.outputs(until="status.model"))[-1]
        assert isinstance(answer, ev.ModelApplied) and answer.ok and answer.model_version == good
        assert await models_sent(rig, "hiyori are you back?") == TUNED
    finally:
        await engine.dispose()


async def test_the_openai_client_asks_the_stand_in_for_the_fine_tuned_model() -> None:
    async with FakeFineTuning() as fake:
        fake.state.models.add(TUNED)
        llm = OpenAILLM(base_url=fake.base_url, model="gpt-4o-mini", api_key="sk-test")
        use = hosted_switcher(llm, None)
        assert use is not None
        request = LLMRequest(messages=(Message("user", "hi hiyori!"),), max_tokens=40)
        try:
            replies = []
            for model in (TUNED, None):
                await use(model)
                replies.append("".join([t async for t in llm.stream_chat(request)]))
        finally:
            await llm.aclose()
    assert [b["model"] for b in fake.state.chat_requests] == [TUNED, "gpt-4o-mini"]
    assert replies == [fake.state.tuned_reply, fake.state.base_reply]


def test_only_an_openai_client_without_a_local_server_switches_by_name() -> None:
    llm = OpenAILLM(base_url="http://127.0.0.1:9/v1", model="m")
    assert hosted_switcher(llm, None) is not None
    assert hosted_switcher(llm, cast(ModelServer, SimpleNamespace())) is None  # a local server
