"""The OpenAI stand-in itself: wire format and timing (the latency benchmark relies on both)."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.support.fake_openai import FakeBehavior, FakeOpenAI, tokenize
from tests.support.virtual_clock import VirtualClock


def test_tokenize_is_lossless() -> None:
    text = "Hello, chat!  It's   a   lovely day :) \n"
    tokens = tokenize(text)
    assert "".join(tokens) == text
    assert tokens[:4] == ["Hello", ",", " chat", "!"]


async def stream_lines(fake: FakeOpenAI, clock: VirtualClock) -> list[tuple[float, str]]:
    """A streamed completion's SSE lines, each with when it arrived (seconds on ``clock``)."""
    body = {
        "model": "m",
        "messages": [{"role": "user", "content": "hi"}],
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    events: list[tuple[float, str]] = []
    async with httpx.AsyncClient() as client:
        started = clock.now
        async with client.stream("POST", fake.base_url + "/chat/completions", json=body) as resp:
            assert resp.status_code == 200
            assert resp.headers["content-type"].startswith("text/event-stream")
            async for line in resp.aiter_lines():
                if line:
                    events.append((clock.now - started, line))
    return events


async def test_stream_format_and_timing() -> None:
    """On a virtual loop clock: the tokens arrive exactly on the schedule."""
    reply = "one two three four five six seven eight nine ten"
    with VirtualClock().patch() as clock:
        async with FakeOpenAI(FakeBehavior(reply=reply, ttft_s=0.2, tokens_per_s=50)) as fake:
            events = await stream_lines(fake, clock)
    assert all(line.startswith("data: ") for _, line in events)
    assert events[-1][1] == "data: [DONE]"
    chunks = [json.loads(line[6:]) for _, line in events[:-1]]
    for c in chunks:
        assert c["object"] == "chat.completion.chunk"
        assert c["model"] == "m"
        assert isinstance(c["created"], int)
        assert c["id"] == chunks[0]["id"]
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    content = [(t, json.loads(line[6:])["choices"][0]["delta"]["content"]) for t, line in events[1:11]]
    assert "".join(text for _, text in content) == reply
    assert chunks[-2]["choices"] == [{"index": 0, "delta": {}, "logprobs": None, "finish_reason": "stop"}]
    assert chunks[-1]["choices"] == [] and chunks[-1]["usage"]["completion_tokens"] == 10
    # due at 0.2 s, then one every 20 ms (to within the microseconds the fake takes to read the request)
    assert [t for t, _ in content] == pytest.approx([0.2 + k * 0.02 for k in range(10)], abs=1e-3)
    assert fake.chat_requests()[0].body["messages"][0]["content"] == "hi"


async def test_non_stream_models_moderation_and_errors() -> None:
    async with (
        FakeOpenAI(FakeBehavior(reply=["first", "second"], ttft_s=0.0)) as fake,
        httpx.AsyncClient() as client,
    ):
        msgs = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
        r1 = (await client.post(fake.base_url + "/chat/completions", json=msgs)).json()
        r2 = (await client.post(fake.base_url + "/chat/completions", json=msgs)).json()
        assert r1["object"] == "chat.completion"
        assert [r1["choices"][0]["message"]["content"], r2["choices"][0]["message"]["content"]] == [
            "first",
            "second",
        ]
        models = (await client.get(fake.base_url + "/models")).json()
        assert models["data"][0]["id"] == "fake-model"
        mod = (
            await client.post(fake.base_url + "/moderations", json={"input": ["a BADWORD here", "fine"]})
        ).json()
        assert [r["flagged"] for r in mod["results"]] == [True, False]
        assert mod["results"][0]["categories"]["harassment"] is True
        fake.behavior.fail_status, fake.behavior.fail_count = 500, 1
        r = await client.post(fake.base_url + "/chat/completions", json=msgs)
        assert r.status_code == 500 and r.json()["error"]["type"] == "server_error"
        r = await client.post(fake.base_url + "/chat/completions", json=msgs)
        assert r.status_code == 200
        assert len(fake.chat_requests()) == 4


def test_threaded_mode() -> None:
    with FakeOpenAI(FakeBehavior(reply="hi there", ttft_s=0.05)) as fake:
        r = httpx.post(fake.base_url + "/chat/completions", json={"model": "m", "messages": []})
        assert r.json()["choices"][0]["message"]["content"] == "hi there"
    assert fake.requests and fake.requests[0].path == "/v1/chat/completions"


@pytest.mark.parametrize("mode", ["stall", "drop"])
async def test_stall_and_drop(mode: str) -> None:
    behavior = FakeBehavior(reply="a b c d e", ttft_s=0.0, tokens_per_s=0)
    if mode == "stall":
        behavior.stall_after = 2
    else:
        behavior.drop_after = 2
    body = {"model": "m", "messages": [], "stream": True}
    async with FakeOpenAI(behavior) as fake, httpx.AsyncClient() as client:
        lines: list[str] = []

        async def read() -> None:
            async with client.stream(
                "POST", fake.base_url + "/chat/completions", json=body, timeout=0.5
            ) as resp:
                async for line in resp.aiter_lines():
                    if line:
                        lines.append(line)

        with pytest.raises(httpx.ReadTimeout if mode == "stall" else httpx.RemoteProtocolError):
            await read()
        assert len(lines) == 3  # the role chunk and two tokens
