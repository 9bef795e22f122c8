"""OpenAIModeration against the local OpenAI stand-in."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from engines.ai.safety import ModerationBackend, ModerationResult, SafetyPipeline
from engines.backends import BackendError
from integrations.openai.moderation import OpenAIModeration
from tests.support.fake_openai import FakeBehavior, FakeOpenAI

KEY = "sk-mod-0123456789abcdef"


@pytest.fixture
async def fake() -> AsyncIterator[FakeOpenAI]:
    behavior = FakeBehavior(flagged_words={"badword": "harassment", "stab": "violence"}, flagged_score=0.87)
    async with FakeOpenAI(behavior) as server:
        yield server


@pytest.fixture
async def moderation(fake: FakeOpenAI) -> AsyncIterator[OpenAIModeration]:
    mod = OpenAIModeration(api_key=KEY, base_url=fake.base_url, timeout_s=2.0)
    yield mod
    await mod.aclose()


async def test_is_a_moderation_backend(moderation: OpenAIModeration) -> None:
    assert isinstance(moderation, ModerationBackend)
    assert KEY not in repr(moderation)


async def test_flagged(fake: FakeOpenAI, moderation: OpenAIModeration) -> None:
    result = await moderation.check("I will stab you, badword")
    assert result == ModerationResult(flagged=True, categories=("harassment", "violence"), score=0.87)
    [req] = fake.requests
    assert req.path == "/v1/moderations"
    assert req.body == {"model": "omni-moderation-latest", "input": "I will stab you, badword"}
    assert req.headers["authorization"] == f"Bearer {KEY}"


async def test_not_flagged(moderation: OpenAIModeration) -> None:
    result = await moderation.check("what a lovely stream")
    assert not result.flagged
    assert result.categories == ()
    assert result.score is not None and result.score < 0.01


async def test_errors(fake: FakeOpenAI, moderation: OpenAIModeration) -> None:
    fake.behavior.moderation_status = 401
    with pytest.raises(BackendError) as info:
        await moderation.check("hello")
    assert not info.value.retryable and "401 unauthorized: check moderation.api_key" in str(info.value)
    fake.behavior.moderation_status = 404  # what a local LLM server answers
    with pytest.raises(BackendError) as info:
        await moderation.check("hello")
    assert not info.value.retryable and "do not serve /v1/moderations" in str(info.value)
    fake.behavior.moderation_status = 503
    with pytest.raises(BackendError) as info:
        await moderation.check("hello")
    assert info.value.retryable


async def test_in_the_safety_pipeline(fake: FakeOpenAI, moderation: OpenAIModeration) -> None:
    fake.behavior.flagged_words = {"pineapple": "hate"}  # only the remote service objects to it
    pipeline = SafetyPipeline(classifier=None, moderation=moderation)
    blocked = await pipeline.acheck_output("Pineapple belongs on pizza.")
    assert blocked.blocked and blocked.layer == "moderation" and "hate" in blocked.reason
    assert (await pipeline.acheck_output("Thanks for the follow!")).allowed
