"""LlamaServer on the REAL bundled SmolLM2-135M model, spoken to through OpenAILLM.

Each server start loads the model (a second or two of CPU on a 2-core box), so the tests
share one module-scoped server; only the lifecycle tests start their own.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import re
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import psutil
import pytest

from engines.backends import Limits, LLMRequest, Message
from integrations.llama_cpp import LlamaServer, LlamaServerConfig, LlamaServerError, ModelNotFound
from integrations.llama_cpp import server as server_module
from integrations.openai.llm import OpenAILLM

ROOT = Path(__file__).resolve().parents[3]

PERSONA = (
    "You are Aiko, a cheerful and slightly chaotic VTuber who streams cozy games on Twitch. "
    "You love cats, strawberry milk, retro platformers and terrible puns. You speak in short, lively "
    "sentences, you never swear, you never share personal information, and you always stay in character. "
    "You greet new followers warmly, thank subscribers by name, and tease chat gently when they make "
    "mistakes. When someone asks a question, answer it in one or two sentences and then ask chat "
    "something back. Keep every reply under forty words so it can be spoken aloud quickly. Avoid lists, "
    "markdown, emojis and links. If someone is rude, deflect with humour and move on. Today you are "
    "playing a farming game, your crops keep dying, and chat has been helping you plan a new pumpkin "
    "field near the river. The stream has been live for two hours, there are about three hundred "
    "viewers, and the community goal is to reach one thousand followers by Friday."
)
CHAT = (
    "Recent chat: pixelpanda: the pumpkins need water every day! | mossy_frog: plant them next to the "
    "sunflowers | berry_bun: just got here, what are we doing today? | toast_knight: the river floods at "
    "night, move the field uphill | kiwi_kat: Aiko you forgot the scarecrow again lol | Now answer "
    "kiwi_kat in one short sentence."
)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_gone(pid: int, timeout_s: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def server() -> Iterator[LlamaServer]:
    """One real server for the module (started and stopped on short-lived event loops:
    the child process and its log pump do not belong to any loop)."""
    srv = LlamaServer(LlamaServerConfig(n_threads=2))
    asyncio.run(srv.start())
    pid = srv.pid
    assert pid is not None
    print(f"\nllama.cpp server start-up: {srv.startup_s:.2f} s")
    yield srv
    asyncio.run(srv.stop())
    assert not pid_alive(pid), "stop() left the llama.cpp child running"


def make_llm(server: LlamaServer) -> OpenAILLM:
    return OpenAILLM(
        base_url=server.base_url, model=server.model, limits=Limits(first_output_s=30, stall_s=10, total_s=60)
    )


async def test_health(server: LlamaServer) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/v1", server.base_url)
    status, body = await server.request("GET", "/v1/models")
    assert status == 200
    assert json.loads(body)["data"][0]["id"] == server.model == "local"
    assert server.running


async def test_streams_an_english_reply(server: LlamaServer) -> None:
    llm = make_llm(server)
    request = LLMRequest(
        messages=(
            Message("system", "You are Aiko, a friendly VTuber."),
            Message("user", "Say hello to chat."),
        ),
        max_tokens=40,
        temperature=0.0,
    )
    try:
        deltas = [d async for d in llm.stream_chat(request)]
    finally:
        await llm.aclose()
    text = "".join(deltas).strip()
    print(f"\nSmolLM2 says: {text!r}")
    assert len(deltas) > 3 and text
    letters = [c for c in text if c.isalpha()]
    assert letters and sum(c.isascii() for c in letters) / len(letters) > 0.9
    common = re.findall(
        r"\b(i|i'm|you|you're|the|a|to|is|are|and|for|what|here|it|of|in|hello|hi|hey|chat)\b", text, re.I
    )
    assert len(common) >= 2, text  # English, not noise
    assert llm.stats.failures == 0 and llm.stats.last_first_output_ms is not None


async def test_measure_ttft_and_rate(server: LlamaServer) -> None:
    """Prints figures only (no timing asserts): time to first token for a ~300-token prompt,
    cold (nothing cached) and warm (persona prefix cached, as the bot runs), and the
    generation rate."""
    llm = make_llm(server)

    async def turn(system: str, user: str, max_tokens: int = 48) -> tuple[float, float]:
        req = LLMRequest(messages=(Message("system", system), Message("user", user)), max_tokens=max_tokens)
        started = time.perf_counter()
        times = [time.perf_counter() - started async for _ in llm.stream_chat(req)]
        rate = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 5 else float("nan")
        return times[0] * 1000, rate

    try:
        await server.warm_up()
        cold = [(await turn(f"[session {i}] {PERSONA}", CHAT))[0] for i in range(2)]
        # What the bot does: the persona is evaluated once (warm_up), then each turn adds chat.
        await server.warm_up([{"role": "system", "content": PERSONA}, {"role": "user", "content": "Hi!"}])
        await turn(PERSONA, CHAT)
        warm = [
            (await turn(PERSONA, CHAT.replace("kiwi_kat", name)))[0] for name in ("pixel", "mossy", "kiwi")
        ]
        story = CHAT.replace("in one short sentence", "with a long story about your farm")
        rates = [(await turn(PERSONA, story, max_tokens=120))[1] for _ in range(2)]
    finally:
        await llm.aclose()
    body = {
        "model": server.model,
        "messages": [{"role": "system", "content": PERSONA}, {"role": "user", "content": CHAT}],
        "max_tokens": 1,
    }
    status, raw = await server.request("POST", "/v1/chat/completions", body)
    prompt_tokens = json.loads(raw)["usage"]["prompt_tokens"] if status == 200 else -1
    print(
        f"\nSmolLM2-135M Q4_1, n_threads=2, prompt {prompt_tokens} tokens:\n"
        f"  TTFT cold (nothing cached):     {[round(c) for c in cold]} ms\n"
        f"  TTFT warm (persona cached):     {[round(w) for w in warm]} ms\n"
        f"  generation rate:                {[round(r, 1) for r in rates]} tokens/s"
    )
    assert len(cold) == 2 and len(warm) == 3


async def test_an_abandoned_stream_does_not_delay_the_next_turn(server: LlamaServer) -> None:
    """An interrupted turn closes its stream; the next request must not wait for the old
    generation to run to max_tokens."""
    llm = make_llm(server)
    long_req = LLMRequest(
        messages=(
            Message("system", PERSONA),
            Message("user", "Tell chat a very long story about your farm."),
        ),
        max_tokens=400,
    )
    try:
        got = 0
        async for _ in llm.stream_chat(long_req):
            got += 1
            if got == 3:
                break  # the turn was interrupted
        started = time.perf_counter()
        reply = [
            d
            async for d in llm.stream_chat(
                LLMRequest(messages=(Message("system", PERSONA), Message("user", "Hi!")), max_tokens=8)
            )
        ]
        ttft_ms = llm.stats.last_first_output_ms
    finally:
        await llm.aclose()
    print(
        f"\nafter an abandoned 400-token stream: next reply in {(time.perf_counter() - started) * 1000:.0f} ms, TTFT {ttft_ms:.0f} ms"
    )
    assert reply


async def test_second_server_and_stop_leaves_no_child(server: LlamaServer) -> None:
    second = LlamaServer(LlamaServerConfig(n_threads=1, startup_timeout_s=60, nice=5))
    async with second:
        pid = second.pid
        assert pid is not None and pid_alive(pid)
        # settings.llm.nice: the child and every thread it started run 5 steps nicer than us
        ours = os.getpriority(os.PRIO_PROCESS, 0)
        threads = [int(t) for t in os.listdir(f"/proc/{pid}/task")]
        assert len(threads) > 1
        assert {os.getpriority(os.PRIO_PROCESS, t) for t in threads} == {min(ours + 5, 19)}
        assert second.port != server.port
        status, _ = await second.request("GET", "/v1/models")
        assert status == 200
    assert second.pid is None and not second.running
    assert not pid_alive(pid)  # reaped, not a zombie
    with pytest.raises(LlamaServerError):
        _ = second.base_url
    assert server.running  # the first one is untouched


async def test_a_paused_server_answers_after_the_pause_and_stops_while_paused() -> None:
    """The first-audio pause freezes the model (a request waits), lets it go at the block's end,
    and stop() inside a pause still ends the child with SIGTERM, not by the SIGKILL fallback."""
    srv = LlamaServer(
        LlamaServerConfig(n_threads=1, startup_timeout_s=60, pause_max_s=5.0, stop_timeout_s=5.0)
    )
    await srv.start()
    try:
        pid = srv.pid
        assert pid is not None
        with srv.pause():
            assert psutil.Process(pid).status() == psutil.STATUS_STOPPED
            asked = asyncio.create_task(srv.request("GET", "/v1/models"))
            await asyncio.sleep(0.3)
            assert not asked.done()  # frozen: nothing answers
        status, _ = await asyncio.wait_for(asked, 10)
        assert status == 200 and srv.pause.pauses == 1 and srv.pause.timeouts == 0
        with srv.pause():
            started = time.monotonic()
            await srv.stop()
            assert time.monotonic() - started < 4.0  # no wait for the 5 s SIGKILL fallback
        assert not pid_alive(pid)
    finally:
        await srv.stop()


async def test_a_crashed_server_is_restarted_on_the_same_port(monkeypatch: pytest.MonkeyPatch) -> None:
    checks = 0  # the keeper's sleeps between looks at the child

    async def counted_sleep(seconds: float) -> None:
        nonlocal checks
        checks += 1
        await asyncio.sleep(seconds)

    monkeypatch.setattr(
        server_module, "asyncio", SimpleNamespace(**{**vars(asyncio), "sleep": counted_sleep})
    )
    srv = LlamaServer(LlamaServerConfig(n_threads=2))
    await srv.start()
    llm = OpenAILLM(base_url=srv.base_url, model=srv.model, limits=Limits(first_output_s=20, total_s=40))
    changes: list[tuple[bool, str]] = []

    async def on_change(up: bool, detail: str) -> None:
        changes.append((up, detail))

    keeper = asyncio.create_task(srv.keep_alive(on_change, check_s=0.1))
    try:
        port, first_pid = srv.port, srv.pid
        assert first_pid is not None
        os.kill(first_pid, 9)  # a crash, like the AMX segfault of a native build
        async with asyncio.timeout(60):  # a guard against a hang, not a bound
            while len(changes) < 2:
                await asyncio.sleep(0.1)
        assert [up for up, _ in changes] == [False, True]
        assert "exited with code -9" in changes[0][1]
        assert srv.running and srv.pid != first_pid and srv.port == port and srv.restarts == 1
        request = LLMRequest(messages=(Message("user", "Say hello."),), max_tokens=8, temperature=0.0)
        reply = "".join([d async for d in llm.stream_chat(request)])  # the same client, the same address
        assert reply.strip()
        await srv.stop()  # stopped on purpose: not brought back
        seen = checks
        async with asyncio.timeout(10):  # the keeper has looked at least once since the stop
            while checks < seen + 2:
                await asyncio.sleep(0.01)
        assert not srv.running and len(changes) == 2
    finally:
        keeper.cancel()
        await llm.aclose()
        await srv.stop()


async def test_missing_model_fails_before_starting_anything(tmp_path: Path) -> None:
    srv = LlamaServer(LlamaServerConfig(model_path=tmp_path / "nope.gguf"))
    with pytest.raises(ModelNotFound) as info:
        await srv.start()
    assert "nope.gguf" in str(info.value) and "does not exist" in str(info.value)
    assert not info.value.retryable
    assert srv.pid is None  # no child was spawned


async def test_invalid_model_file_reports_the_child_output(tmp_path: Path) -> None:
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"this is not a gguf file" * 100)
    srv = LlamaServer(LlamaServerConfig(model_path=bad, startup_timeout_s=3600))
    with pytest.raises(LlamaServerError) as info:
        await srv.start()
    message = str(info.value)
    # the child's exit ended the start-up, not the (hour-long) start-up timeout
    assert "exited with code" in message and "during start-up" in message
    assert "gguf" in message.lower() or "failed to load" in message.lower()
    assert srv.pid is None


@pytest.mark.slow
async def test_retries_when_the_picked_port_is_taken(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Between picking a free port and the child binding it, someone else may take it."""
    caplog.set_level("INFO", logger="integrations.llama_cpp.server")
    from integrations.llama_cpp import server as server_mod

    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        ports = iter([taken])
        real = server_mod._free_port
        monkeypatch.setattr(server_mod, "_free_port", lambda host: next(ports, None) or real(host))
        async with LlamaServer(LlamaServerConfig(n_threads=1)) as srv:
            assert srv.port not in (None, taken)
            status, _ = await srv.request("GET", "/v1/models")
            assert status == 200
    assert f"port {taken} was taken" in caplog.text


PARENT = textwrap.dedent(
    """
    import asyncio, os, signal, sys
    from integrations.llama_cpp import LlamaServer, LlamaServerConfig

    async def main():
        srv = LlamaServer(LlamaServerConfig(n_threads=1))
        await srv.start()
        print(srv.pid, flush=True)
        sys.stdin.readline()
        if sys.argv[1] == "kill":
            os.kill(os.getpid(), signal.SIGKILL)  # no cleanup at all: only PR_SET_PDEATHSIG helps

    asyncio.run(main())  # "exit": returns without stop(); the atexit hook must stop the child
    """
)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux-only")
@pytest.mark.parametrize("how", ["exit", "kill"])
def test_child_never_outlives_the_parent(how: str) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", PARENT, how],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as parent:  # closes the pipes on the way out
        assert parent.stdin is not None and parent.stdout is not None
        try:
            child = int(parent.stdout.readline())
            assert pid_alive(child)
            parent.stdin.write("go\n")
            parent.stdin.flush()
            parent.wait(30)
            assert wait_gone(child), f"llama.cpp child {child} outlived its parent ({how})"
        finally:
            if parent.poll() is None:
                parent.kill()
                parent.wait()


async def _cache_line(server: LlamaServer) -> str:
    """The server's prompt-cache report (verbose log) since its output tail was cleared."""
    async with asyncio.timeout(10):
        while True:
            found = [ln for ln in server.output_tail(60).splitlines() if "Llama.generate:" in ln]
            if found:
                return found[-1]
            await asyncio.sleep(0.05)


async def test_prefill_leaves_the_prompt_cached_for_the_same_request(server: LlamaServer) -> None:
    """What the brain does while a message waits: the turn's own request then evaluates at most
    one prompt token (the log says so); a request with another viewer line evaluates that line."""
    llm = make_llm(server)

    def request(line: str) -> LLMRequest:
        return LLMRequest(
            messages=(Message("system", PERSONA), Message("user", line)), max_tokens=4, temperature=0.0
        )

    try:
        await server.prefill(request(CHAT))
        await asyncio.sleep(0.5)  # the prefill's own log lines are in before the tail is cleared
        server._tail.clear()
        [d async for d in llm.stream_chat(request(CHAT))]
        cached = await _cache_line(server)
        await server.prefill(request(CHAT))
        await asyncio.sleep(0.5)  # the prefill's own log lines are in before the tail is cleared
        server._tail.clear()
        [d async for d in llm.stream_chat(request(CHAT.replace("kiwi_kat", "berry_bun")))]
        other = await _cache_line(server)
    finally:
        await llm.aclose()
    assert "full prompt already cached" in cached or "remaining 1 prompt tokens" in cached, cached
    remaining = re.search(r"remaining (\d+) prompt tokens", other)
    assert remaining is not None and int(remaining.group(1)) > 5, other


async def test_a_reply_goes_on_from_its_first_words_reusing_the_cached_prompt(server: LlamaServer) -> None:
    """What a viewer turn with notes does (engines/ai/head_start.py): the first words come from
    the prompt without the notes, then the model goes on from them with the notes after the
    viewer's line. The second request evaluates only the notes and the words (the log says so),
    and its text continues the first words instead of starting a new reply."""
    llm = OpenAILLM(
        base_url=server.base_url, model=server.model, continue_template="chatml",
        limits=Limits(first_output_s=30, stall_s=10, total_s=60),
    )  # fmt: skip
    notes = "You remember kiwi_kat: has a cat named Mochi; plays Stardew Valley."
    without = LLMRequest(
        messages=(Message("system", PERSONA), Message("user", CHAT)), max_tokens=3, temperature=0.0
    )
    with_notes = LLMRequest(
        messages=(Message("system", PERSONA), Message("user", f"{CHAT}\n{notes}")),
        max_tokens=12,
        temperature=0.0,
    )
    try:
        head = "".join([d async for d in llm.stream_chat(without)])
        await asyncio.sleep(0.5)  # the head's own log lines are in before the tail is cleared
        server._tail.clear()
        rest = "".join([d async for d in llm.stream_chat(dataclasses.replace(with_notes, prefix=head))])
        continued = await _cache_line(server)
    finally:
        await llm.aclose()
    print(f"\nhead {head!r}, rest {rest!r}; {continued}")
    assert head.strip() and rest.strip()
    assert "<|im_start|>" not in rest and not rest.lstrip().lower().startswith(head.strip().lower())
    remaining = re.search(r"remaining (\d+) prompt tokens", continued)
    # the notes (about 20 tokens), the closing of the user message, the assistant's opening and
    # the head's words: far fewer than the whole prompt (persona and chat, over 150 tokens)
    assert remaining is not None and 10 < int(remaining.group(1)) < 45, continued
