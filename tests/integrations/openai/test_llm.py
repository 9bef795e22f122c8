"""OpenAILLM against the local OpenAI stand-in: streaming, timing and error translation."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from types import SimpleNamespace

import pytest
from pydantic import SecretStr

from engines import backends
from engines.backends import BackendError, BackendTimeout, Limits, LLMRequest, Message
from integrations.openai.llm import OpenAILLM
from tests.support.fake_openai import FakeBehavior, FakeOpenAI
from tests.support.virtual_clock import VirtualClock

PROMPT = "Tell chat about your favourite snack, secret-prompt-words."
REQUEST = LLMRequest(
    messages=(Message("system", "You are Aiko, a cheerful VTuber."), Message("user", PROMPT)),
    max_tokens=50,
    temperature=0.5,
    stop=("\n\n",),
)
KEY = "sk-test-abcdef0123456789"


@pytest.fixture
async def fake() -> AsyncIterator[FakeOpenAI]:
    async with FakeOpenAI(FakeBehavior(ttft_s=0.0, tokens_per_s=0)) as server:
        yield server


def make_llm(fake: FakeOpenAI, **kw: object) -> OpenAILLM:
    kw.setdefault("limits", Limits(first_output_s=5, stall_s=2, total_s=10))
    return OpenAILLM(base_url=fake.base_url, model="test-model", api_key=SecretStr(KEY), **kw)  # type: ignore[arg-type]


async def collect(llm: OpenAILLM, request: LLMRequest = REQUEST, into: list[str] | None = None) -> list[str]:
    got = into if into is not None else []
    async for d in llm.stream_chat(request):
        got.append(d)
    return got


async def test_deltas_concatenate_to_the_reply(fake: FakeOpenAI) -> None:
    fake.behavior.reply = "Hello chat! Pocky is the best snack, fight me."
    llm = make_llm(fake, extra_headers={"X-Title": "vtuber-bot"}, extra_body={"cache_prompt": True})
    try:
        deltas = await collect(llm)
    finally:
        await llm.aclose()
    assert len(deltas) > 5
    assert "".join(deltas) == "Hello chat! Pocky is the best snack, fight me."
    assert llm.last_finish_reason == "stop"
    assert llm.stats.calls == 1 and llm.stats.failures == 0
    [req] = fake.chat_requests()
    assert req.headers["authorization"] == f"Bearer {KEY}"
    assert req.headers["x-title"] == "vtuber-bot"
    body = req.body
    assert body["model"] == "test-model" and body["stream"] is True
    assert body["messages"] == [
        {"role": "system", "content": "You are Aiko, a cheerful VTuber."},
        {"role": "user", "content": PROMPT},
    ]
    assert body["max_tokens"] == 50 and body["temperature"] == 0.5 and body["stop"] == ["\n\n"]
    assert body["cache_prompt"] is True
    assert "stream_options" not in body  # not every local server accepts it


async def test_usage_and_max_completion_tokens(fake: FakeOpenAI) -> None:
    fake.behavior.reply = "one two three"
    llm = make_llm(fake, include_usage=True, max_tokens_param="max_completion_tokens")
    assert "".join(await collect(llm)) == "one two three"
    await llm.aclose()
    body = fake.chat_requests()[0].body
    assert body["max_completion_tokens"] == 50 and "max_tokens" not in body
    assert llm.last_usage is not None and llm.last_usage["completion_tokens"] == 3


async def test_no_api_key_sends_a_placeholder(fake: FakeOpenAI) -> None:
    llm = OpenAILLM(base_url=fake.base_url, model="m")
    await collect(llm)
    await llm.aclose()
    assert fake.chat_requests()[0].headers["authorization"] == "Bearer local"


async def test_time_to_first_token_and_rate_match_the_fake(
    fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a virtual loop clock (the backend's own timing reads it too): the stream arrives
    exactly on the fake's schedule, and the measured time to first token is that schedule's."""
    words = " ".join(f"w{i}" for i in range(25))
    fake.behavior = FakeBehavior(reply=words, ttft_s=0.2, tokens_per_s=50)
    llm = make_llm(fake)
    await collect(llm)  # the first call opens the connection
    arrivals: list[float] = []
    with VirtualClock().patch() as clock:
        monkeypatch.setattr(backends, "time", SimpleNamespace(perf_counter=clock.time))
        started = clock.now
        async for _ in llm.stream_chat(REQUEST):
            arrivals.append(clock.now - started)
    await llm.aclose()
    # (to within the microseconds of real time the fake takes to read the request)
    assert arrivals == pytest.approx([0.2 + k / 50 for k in range(25)], abs=1e-3)
    assert llm.stats.last_first_output_ms == pytest.approx(200, abs=1)


async def test_server_error_is_retryable(fake: FakeOpenAI) -> None:
    fake.behavior.fail_status = 500
    llm = make_llm(fake)
    with pytest.raises(BackendError) as info:
        await collect(llm)
    assert info.value.retryable
    assert "500 server error" in str(info.value)
    assert len(fake.chat_requests()) == 1  # no hidden SDK retries
    fake.behavior.fail_status = 429
    with pytest.raises(BackendError) as info:
        await collect(llm)
    assert info.value.retryable and "429" in str(info.value)
    assert llm.stats.failures == 2
    await llm.aclose()


async def test_unauthorized_is_not_retryable_and_says_what_to_check(fake: FakeOpenAI) -> None:
    fake.behavior.fail_status = 401
    fake.behavior.fail_message = f"Incorrect API key provided: {KEY}. Your prompt was: {PROMPT}"
    llm = make_llm(fake)
    with pytest.raises(BackendError) as info:
        await collect(llm)
    await llm.aclose()
    message = str(info.value)
    assert not info.value.retryable
    assert "401 unauthorized: check llm.api_key" in message
    assert KEY not in message and "abcdef" not in message
    assert PROMPT not in message and "secret-prompt-words" not in message
    assert info.value.__cause__ is None and info.value.__suppress_context__
    assert KEY not in repr(llm)


async def test_model_not_found_is_not_retryable(fake: FakeOpenAI) -> None:
    fake.behavior.fail_status = 404
    fake.behavior.fail_message = "model 'test-model' not found"
    llm = make_llm(fake)
    with pytest.raises(BackendError) as info:
        await collect(llm)
    await llm.aclose()
    assert not info.value.retryable
    assert "404 not found: check llm.model" in str(info.value)
    assert "model 'test-model' not found" in str(info.value)


async def test_stall_becomes_backend_timeout(fake: FakeOpenAI) -> None:
    fake.behavior.stall_after = 3
    llm = make_llm(fake, limits=Limits(first_output_s=2, stall_s=0.3, total_s=10))
    got: list[str] = []
    with pytest.raises(BackendTimeout) as info:
        await collect(llm, into=got)
    await llm.aclose()
    assert len(got) == 3
    # the stall limit (0.3 s) ended it, not the total one (10 s)
    assert info.value.retryable and "no next output within 0.3s" in str(info.value)
    assert llm.stats.timeouts == 1


async def test_connection_drop_mid_stream(fake: FakeOpenAI) -> None:
    fake.behavior.drop_after = 2
    llm = make_llm(fake)
    got: list[str] = []
    with pytest.raises(BackendError) as info:
        await collect(llm, into=got)
    await llm.aclose()
    assert len(got) == 2
    assert info.value.retryable
    assert not isinstance(info.value, BackendTimeout)
    assert "stream broke off" in str(info.value)


async def test_connection_refused_is_retryable() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    llm = OpenAILLM(base_url=f"http://127.0.0.1:{port}/v1", model="m", limits=Limits(2, 2, 5))
    with pytest.raises(BackendError) as info:
        await collect(llm)
    await llm.aclose()
    assert info.value.retryable and "cannot connect" in str(info.value)


async def test_recovers_after_a_failure(fake: FakeOpenAI) -> None:
    fake.behavior.fail_status, fake.behavior.fail_count = 503, 1
    fake.behavior.reply = "back again"
    llm = make_llm(fake)
    with pytest.raises(BackendError):
        await collect(llm)
    assert "".join(await collect(llm)) == "back again"
    await llm.aclose()
