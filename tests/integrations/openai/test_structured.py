"""StructuredChat against the OpenAI stand-in over HTTP: the strict json_schema request, the
json_object fallback when a server refuses json_schema with a 400, and every failure as a
BackendError that names no key and no prompt."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from config.settings import load_settings
from engines.ai.memory.llm_facts import LLMFactExtractor
from engines.backends import BackendError, Message
from integrations.openai.structured import StructuredChat
from integrations.registry import build_fact_extractor
from tests.support.fake_structured import StructuredBehavior, StructuredOpenAI

KEY = "sk-facts-0123456789abcdef"
SCHEMA = {
    "type": "object",
    "properties": {"ok": {"type": "boolean"}},
    "required": ["ok"],
    "additionalProperties": False,
}
ASK = [Message("system", "Answer in JSON."), Message("user", "is the secret prompt text fine?")]


@pytest.fixture
async def fake() -> AsyncIterator[StructuredOpenAI]:
    async with StructuredOpenAI(StructuredBehavior(reply='{"ok": true}')) as server:
        yield server


@pytest.fixture
async def chat(fake: StructuredOpenAI) -> AsyncIterator[StructuredChat]:
    client = StructuredChat(base_url=fake.base_url, model="qwen2.5", api_key=KEY, timeout_s=2.0)
    yield client
    await client.aclose()


async def test_asks_for_strict_json_schema_and_returns_the_answer(
    fake: StructuredOpenAI, chat: StructuredChat
) -> None:
    assert await chat.complete_json(ASK, schema=SCHEMA, name="verdict") == '{"ok": true}'
    body = fake.chat_requests()[0].body
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "verdict", "schema": SCHEMA, "strict": True},
    }
    assert body["model"] == "qwen2.5" and body["temperature"] == 0.0 and "stream" not in body
    assert fake.chat_requests()[0].headers["authorization"] == f"Bearer {KEY}"
    assert KEY not in repr(chat)


async def test_a_server_that_refuses_json_schema_gets_json_object_from_then_on(
    fake: StructuredOpenAI, chat: StructuredChat, caplog: pytest.LogCaptureFixture
) -> None:
    fake.behavior.refuse_formats = frozenset({"json_schema"})
    with caplog.at_level(logging.WARNING):
        assert await chat.complete_json(ASK, schema=SCHEMA, name="verdict") == '{"ok": true}'
        assert await chat.complete_json(ASK, schema=SCHEMA, name="verdict") == '{"ok": true}'
    assert fake.formats() == ["json_schema", "json_object", "json_object"]
    assert chat.mode == "json_object"
    assert "refused response_format json_schema" in caplog.text


async def test_a_server_that_refuses_both_formats_is_a_clear_error(
    fake: StructuredOpenAI, chat: StructuredChat
) -> None:
    fake.behavior.refuse_formats = frozenset({"json_schema", "json_object"})
    with pytest.raises(BackendError, match="400 bad request") as err:
        await chat.complete_json(ASK, schema=SCHEMA, name="verdict")
    assert not err.value.retryable
    assert fake.formats() == ["json_schema", "json_object"]


async def test_a_rate_limit_is_retryable_and_names_neither_key_nor_prompt(
    fake: StructuredOpenAI, chat: StructuredChat
) -> None:
    fake.behavior.fail_status = 429
    fake.behavior.fail_message = f"Rate limit for key {KEY} on: is the secret prompt text fine?"
    with pytest.raises(BackendError, match="429 rate limited") as err:
        await chat.complete_json(ASK, schema=SCHEMA, name="verdict")
    assert err.value.retryable
    assert KEY not in str(err.value) and "secret prompt text" not in str(err.value)
    assert fake.formats() == ["json_schema"]  # a 429 is not a refused format


async def test_a_slow_server_times_out_as_a_retryable_error(fake: StructuredOpenAI) -> None:
    fake.behavior.ttft_s = 3.0
    chat = StructuredChat(base_url=fake.base_url, model="m", timeout_s=0.3)
    try:
        with pytest.raises(BackendError, match="timed out") as err:
            await chat.complete_json(ASK, schema=SCHEMA, name="verdict")
        assert err.value.retryable
    finally:
        await chat.aclose()


async def test_an_empty_answer_is_an_error(fake: StructuredOpenAI, chat: StructuredChat) -> None:
    fake.behavior.reply = "  "
    with pytest.raises(BackendError, match="empty answer"):
        await chat.complete_json(ASK, schema=SCHEMA, name="verdict")


def test_the_registry_builds_the_extractor_only_when_asked() -> None:
    assert build_fact_extractor(load_settings()) is None
    settings = load_settings(memory={"extractor": "llm", "llm": {"api_key": KEY, "timeout_s": 4, "batch": 7}})
    extractor = build_fact_extractor(settings)
    assert isinstance(extractor, LLMFactExtractor)
    assert (extractor.timeout_s, extractor.batch) == (4.0, 7)
    assert isinstance(extractor.chat, StructuredChat) and KEY not in repr(extractor.chat)
