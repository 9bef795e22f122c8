"""The validation suite answered by a model on an OpenAI-compatible endpoint (the fine-tuning
stand-in's chat endpoint): streamed replies per model, a 429 with Retry-After retried, an
unknown model refused with one error type and no key in the message."""

from __future__ import annotations

import time

import pytest

from integrations.openai.suite import SuiteError, suite_replies
from tests.support.fake_fine_tuning import FakeFineTuning

CHATS = [
    [{"role": "system", "content": "You are Hiyori."}, {"role": "user", "content": f"viewer line {i}"}]
    for i in range(3)
]


async def test_each_model_answers_streamed_with_its_first_token_timed() -> None:
    async with FakeFineTuning() as fake:
        fake.state.models.add("ft:gpt-4o-mini:org-test:fun:abc")
        fake.state.replies["gpt-4o-mini"] = "Hello there, friend. Nice to see you!"
        base = await suite_replies(fake.base_url, "sk-test", "gpt-4o-mini", CHATS, max_tokens=42)
        tuned = await suite_replies(fake.base_url, "sk-test", "ft:gpt-4o-mini:org-test:fun:abc", CHATS)
    assert [r.text for r in base] == ["Hello there, friend. Nice to see you!"] * 3
    assert [r.text for r in tuned] == [fake.state.tuned_reply] * 3
    assert all(r.first_token_ms is not None and r.first_token_ms > 0 for r in base + tuned)
    sent = fake.state.chat_requests
    assert [b["model"] for b in sent] == ["gpt-4o-mini"] * 3 + ["ft:gpt-4o-mini:org-test:fun:abc"] * 3
    assert sent[0]["stream"] is True and sent[0]["temperature"] == 0.0 and sent[0]["max_tokens"] == 42
    assert sent[0]["messages"] == CHATS[0]


async def test_a_rate_limit_is_waited_out_as_retry_after_says() -> None:
    async with FakeFineTuning() as fake:
        fake.state.rate_limit_once.add("chat")
        start = time.monotonic()
        replies = await suite_replies(fake.base_url, "sk-test", "gpt-4o-mini", CHATS[:1])
        waited = time.monotonic() - start
    assert fake.state.rate_limited == ["chat"] and replies[0].text == fake.state.base_reply
    assert waited >= 0.9  # Retry-After: 1


async def test_an_unknown_model_or_a_wrong_key_is_one_error_without_the_key() -> None:
    async with FakeFineTuning() as fake:
        with pytest.raises(SuiteError, match="404 not found") as missing:
            await suite_replies(fake.base_url, "sk-test", "ft:gone", CHATS)
        assert "ft:gone could not answer the validation suite" in str(missing.value)
        with pytest.raises(SuiteError, match="401 unauthorized") as wrong:
            await suite_replies(fake.base_url, "sk-secret-wrong", "gpt-4o-mini", CHATS)
    assert "sk-secret-wrong" not in str(wrong.value)
