"""An OpenAI-compatible HTTP stand-in with exact, configurable timing.

A small asyncio HTTP/1.1 server on 127.0.0.1 (random port) that speaks the parts of the
OpenAI API the bot uses:

- ``POST /v1/chat/completions``, streamed (SSE, chunked transfer encoding, one network
  write per chunk) or not, in OpenAI's documented chunk format;
- ``POST /v1/completions`` (the legacy text completion a local server uses to continue a
  reply), streamed or not, with ``choices[0].text`` instead of a delta;
- ``POST /v1/moderations``, flagging configured words;
- ``GET /v1/models``.

Timing is scheduled against the moment the request body arrived: the first content token
is sent at ``ttft_s``, token *k* at ``ttft_s + k / tokens_per_s`` (sleeps are computed
from that start time, so they do not drift). Failure modes: an HTTP error status
(``fail_status``, optionally only for the next ``fail_count`` requests), a stall after N
tokens (the stream stays open and silent), and a dropped connection after N tokens.

Everything in :class:`FakeBehavior` may be changed between requests (``fake.behavior =
...`` or ``fake.behavior.ttft_s = 0.05``); a request reads it once, when it arrives.
Every request is recorded in ``fake.requests``.

Run it on the test's own event loop (``async with FakeOpenAI() as fake``) or, for latency
benchmarks, on a private loop in a background thread (``with FakeOpenAI() as fake``), so
the client's own work cannot delay the server's schedule.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import socket
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from tests.support.standin import Faults, SocketStandIn

__all__ = ["MODERATION_CATEGORIES", "FakeBehavior", "FakeOpenAI", "RecordedRequest", "tokenize"]

MODERATION_CATEGORIES = (
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/instructions",
    "self-harm/intent",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
)

_TOKEN_RE = re.compile(r"\s*(?:[\w']+|[^\w\s])|\s+")


def tokenize(text: str) -> list[str]:
    """Word-ish tokens whose concatenation is exactly ``text``: each word or punctuation
    mark carries its leading whitespace ("Hello, chat!" → "Hello", ",", " chat", "!")."""
    return _TOKEN_RE.findall(text)


_ERROR_BODIES: dict[int, tuple[str, str, str | None]] = {
    400: ("Invalid request.", "invalid_request_error", None),
    401: ("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"),
    403: ("You are not allowed to do that.", "invalid_request_error", None),
    404: (
        "The model does not exist or you do not have access to it.",
        "invalid_request_error",
        "model_not_found",
    ),
    429: ("Rate limit reached for requests.", "requests", "rate_limit_exceeded"),
    500: ("The server had an error while processing your request.", "server_error", None),
    503: ("The engine is currently overloaded.", "server_error", None),
}


@dataclass
class FakeBehavior(Faults):
    """How the fake answers. Mutable; read once per request. ``fail_status`` answers chat
    completions with that HTTP status and an OpenAI-style error body; ``stall_after`` and
    ``drop_after`` count content tokens (a stall keeps the stream open and silent)."""

    reply: str | Sequence[str] = "Hello chat! It is lovely to see you all here today."
    """The reply text, or a list of replies used in turn (cycled)."""
    ttft_s: float = 0.2
    """Seconds from the request's arrival to the first content token."""
    tokens_per_s: float = 50.0
    """Content tokens per second after the first; 0 or less sends them all at once."""
    tokenizer: Callable[[str], list[str]] = tokenize
    model: str = "fake-model"
    include_usage: bool = True
    """Send the usage chunk when the client asks (``stream_options.include_usage``)."""
    honour_max_tokens: bool = True
    """Stop after ``max_tokens`` tokens with finish_reason "length"."""
    fail_count: int | None = None
    """With ``fail_status``: fail only this many more requests (decremented), then succeed."""
    fail_message: str | None = None
    flagged_words: dict[str, str] = field(default_factory=lambda: {"badword": "harassment"})
    """Moderation: a word (case-insensitive, whole word) → the category it flags."""
    flagged_score: float = 0.93
    moderation_status: int | None = None
    """Answer moderation requests with this HTTP status instead (404 like local servers)."""


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    """Lower-cased header names."""
    body: Any
    """The parsed JSON body, or None."""
    received_at: float
    """``time.perf_counter()`` when the body had been read."""


class _BadRequest(Exception):
    pass


class FakeOpenAI(SocketStandIn[RecordedRequest]):
    """The stand-in server. ``base_url`` ends in ``/v1`` (what ``AsyncOpenAI`` wants).
    ``stop()`` closes every open connection, stalled streams included; ``start()`` again
    serves on the same port."""

    def __init__(self, behavior: FakeBehavior | None = None, *, host: str = "127.0.0.1") -> None:
        super().__init__()
        self.behavior = behavior or FakeBehavior()
        self.host = host
        self._reply_index = itertools.count()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def completion_requests(self) -> list[RecordedRequest]:
        """Legacy ``/v1/completions`` requests (a continued reply)."""
        return [r for r in self.requests if r.path.endswith("/v1/completions")]

    # ------------------------------------------------------------ HTTP plumbing

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        sock = writer.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            while True:
                try:
                    request = await self._read_request(reader)
                except _BadRequest:
                    await self._send_json(writer, 400, {"error": {"message": "bad request"}}, close=True)
                    break
                if request is None:
                    break
                keep_alive = await self._dispatch(request, reader, writer)
                if not keep_alive:
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()

    async def _read_request(self, reader: asyncio.StreamReader) -> tuple[RecordedRequest, bool] | None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError:
            return None
        except asyncio.LimitOverrunError as exc:
            raise _BadRequest from exc
        lines = head.decode("latin-1").split("\r\n")
        try:
            method, target, version = lines[0].split(" ", 2)
        except ValueError as exc:
            raise _BadRequest from exc
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            raw = b""
            while True:
                size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                data = await reader.readexactly(size + 2)
                if size == 0:
                    break
                raw += data[:-2]
        else:
            raw = await reader.readexactly(int(headers.get("content-length", "0") or 0))
        body: Any = None
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode("utf-8", "replace")
        keep_alive = headers.get("connection", "").lower() != "close" and version == "HTTP/1.1"
        path = target.split("?", 1)[0]
        rec = RecordedRequest(method.upper(), path, headers, body, time.perf_counter())
        self.requests.append(rec)
        return rec, keep_alive

    async def _dispatch(
        self,
        request: tuple[RecordedRequest, bool],
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
    ) -> bool:
        rec, keep_alive = request
        path = rec.path.rstrip("/")
        if rec.method == "GET" and path.endswith("/models"):
            b = self.behavior
            data = {
                "object": "list",
                "data": [{"id": b.model, "object": "model", "created": 0, "owned_by": "fake"}],
            }
            await self._send_json(writer, 200, data, close=not keep_alive)
        elif rec.method == "POST" and path.endswith("/chat/completions"):
            return await self._chat(rec, reader, writer, keep_alive)
        elif rec.method == "POST" and path.endswith("/v1/completions"):
            return await self._chat(rec, reader, writer, keep_alive, legacy=True)
        elif rec.method == "POST" and path.endswith("/moderations"):
            await self._moderations(rec, writer, keep_alive)
        else:
            err = {"error": {"message": f"no route {rec.method} {rec.path}", "type": "invalid_request_error"}}
            await self._send_json(writer, 404, err, close=not keep_alive)
        return keep_alive

    @staticmethod
    async def _send_json(writer: asyncio.StreamWriter, status: int, data: Any, *, close: bool) -> None:
        payload = json.dumps(data).encode()
        head = (
            f"HTTP/1.1 {status} {_reason(status)}\r\n"
            "content-type: application/json\r\n"
            f"content-length: {len(payload)}\r\n"
            f"connection: {'close' if close else 'keep-alive'}\r\n\r\n"
        )
        writer.write(head.encode() + payload)
        await writer.drain()

    @staticmethod
    async def _send_chunk(writer: asyncio.StreamWriter, data: bytes) -> None:
        writer.write(b"%x\r\n%s\r\n" % (len(data), data))
        await writer.drain()

    # ------------------------------------------------------------ endpoints

    def _take_failure(self) -> int | None:
        b = self.behavior
        if b.fail_status is None:
            return None
        if b.fail_count is not None:
            if b.fail_count <= 0:
                return None
            b.fail_count -= 1
        return b.fail_status

    def _next_reply(self) -> str:
        reply = self.behavior.reply
        if isinstance(reply, str):
            return reply
        return reply[next(self._reply_index) % len(reply)]

    async def _chat(
        self,
        rec: RecordedRequest,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        keep_alive: bool,
        *,
        legacy: bool = False,
    ) -> bool:
        """A chat completion, or with ``legacy`` a text completion (``prompt`` in, ``text`` out)."""
        loop = asyncio.get_running_loop()
        start = loop.time() - (time.perf_counter() - rec.received_at)
        b = self.behavior
        body = rec.body if isinstance(rec.body, dict) else {}
        status = self._take_failure()
        if status is not None:
            message, etype, code = _ERROR_BODIES.get(status, ("Error.", "server_error", None))
            err = {
                "error": {"message": b.fail_message or message, "type": etype, "param": None, "code": code}
            }
            await self._send_json(writer, status, err, close=not keep_alive)
            return keep_alive
        tokens = b.tokenizer(self._next_reply())
        finish = "stop"
        max_tokens = body.get("max_completion_tokens") or body.get("max_tokens")
        if b.honour_max_tokens and isinstance(max_tokens, int) and len(tokens) > max_tokens:
            tokens, finish = tokens[:max_tokens], "length"
        model = str(body.get("model") or b.model)
        cid = ("cmpl-" if legacy else "chatcmpl-") + uuid.uuid4().hex[:24]
        created = int(time.time())
        if legacy:
            prompt_tokens = len(tokenize(str(body.get("prompt", ""))))
        else:
            prompt_tokens = sum(
                len(tokenize(str(m.get("content", "")))) for m in body.get("messages", []) or []
            )
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": len(tokens),
            "total_tokens": prompt_tokens + len(tokens),
        }

        def due(k: int) -> float:
            """Loop time at which content token ``k`` is due."""
            gap = 1.0 / b.tokens_per_s if b.tokens_per_s > 0 else 0.0
            return start + b.ttft_s + k * gap

        async def wait_until(t: float) -> None:
            delay = t - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)

        if not body.get("stream"):
            await wait_until(due(max(len(tokens) - 1, 0)))
            whole: dict[str, Any] = (
                {"text": "".join(tokens)}
                if legacy
                else {"message": {"role": "assistant", "content": "".join(tokens), "refusal": None}}
            )
            data = {
                "id": cid,
                "object": "text_completion" if legacy else "chat.completion",
                "created": created,
                "model": model,
                "system_fingerprint": "fp_fake",
                "choices": [{"index": 0, **whole, "logprobs": None, "finish_reason": finish}],
                "usage": usage,
            }
            await self._send_json(writer, 200, data, close=not keep_alive)
            return keep_alive

        head = (
            "HTTP/1.1 200 OK\r\n"
            "content-type: text/event-stream; charset=utf-8\r\n"
            "cache-control: no-cache\r\n"
            "transfer-encoding: chunked\r\n"
            f"connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n"
        )
        writer.write(head.encode())
        await writer.drain()

        def event(choices: list[dict[str, Any]], **extra: Any) -> bytes:
            chunk = {
                "id": cid,
                "object": "text_completion" if legacy else "chat.completion.chunk",
                "created": created,
                "model": model,
                "system_fingerprint": "fp_fake",
                "choices": choices,
                **extra,
            }
            return b"data: " + json.dumps(chunk, separators=(",", ":")).encode() + b"\n\n"

        def delta(d: dict[str, Any], finish_reason: str | None = None) -> list[dict[str, Any]]:
            if legacy:  # a text completion's chunk carries the text itself
                return [
                    {
                        "index": 0,
                        "text": d.get("content", ""),
                        "logprobs": None,
                        "finish_reason": finish_reason,
                    }
                ]
            return [{"index": 0, "delta": d, "logprobs": None, "finish_reason": finish_reason}]

        async def stall() -> None:
            """Stay silent until the client hangs up (or stop())."""
            while await reader.read(65536):
                pass

        # The role chunk goes out with the headers (as OpenAI does); content follows on schedule.
        if not legacy:
            await self._send_chunk(writer, event(delta({"role": "assistant", "content": ""})))
        for k, token in enumerate([*tokens, None]):
            if b.stall_after is not None and k >= b.stall_after:
                await stall()
                return False
            if b.drop_after is not None and k >= b.drop_after:
                writer.transport.abort()
                return False
            if token is None:
                break
            await wait_until(due(k))
            await self._send_chunk(writer, event(delta({"content": token})))
        await self._send_chunk(writer, event(delta({}, finish)))
        opts = body.get("stream_options")
        if b.include_usage and isinstance(opts, dict) and opts.get("include_usage"):
            await self._send_chunk(writer, event([], usage=usage))
        await self._send_chunk(writer, b"data: [DONE]\n\n")
        await self._send_chunk(writer, b"")
        return keep_alive

    async def _moderations(
        self, rec: RecordedRequest, writer: asyncio.StreamWriter, keep_alive: bool
    ) -> None:
        b = self.behavior
        if b.moderation_status is not None:
            message, etype, code = _ERROR_BODIES.get(b.moderation_status, ("Error.", "server_error", None))
            err = {"error": {"message": message, "type": etype, "param": None, "code": code}}
            await self._send_json(writer, b.moderation_status, err, close=not keep_alive)
            return
        body = rec.body if isinstance(rec.body, dict) else {}
        raw = body.get("input", "")
        inputs = (
            [raw]
            if isinstance(raw, str)
            else [str(x.get("text", "")) if isinstance(x, dict) else str(x) for x in raw]
        )
        results = []
        for text in inputs:
            words = set(re.findall(r"[\w']+", text.lower()))
            hit = {cat for word, cat in b.flagged_words.items() if word.lower() in words}
            results.append(
                {
                    "flagged": bool(hit),
                    "categories": {c: c in hit for c in MODERATION_CATEGORIES},
                    "category_scores": {
                        c: (b.flagged_score if c in hit else 0.0001) for c in MODERATION_CATEGORIES
                    },
                    "category_applied_input_types": {c: ["text"] for c in MODERATION_CATEGORIES},
                }
            )
        data = {
            "id": "modr-" + uuid.uuid4().hex[:12],
            "model": str(body.get("model") or "omni-moderation-latest"),
            "results": results,
        }
        await self._send_json(writer, 200, data, close=not keep_alive)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _serve_forever(argv: list[str]) -> None:
    """``python -m tests.support.fake_openai REPLY TTFT_S TOKENS_PER_S``: serve in this process
    and print the port on stdout (a benchmark runs the stand-in as its own process, like a
    real model server, so it never competes with the code under test for the GIL)."""
    reply, ttft_s, tokens_per_s = argv[0], float(argv[1]), float(argv[2])

    async def serve() -> None:
        fake = FakeOpenAI(FakeBehavior(reply=reply, ttft_s=ttft_s, tokens_per_s=tokens_per_s))
        await fake.start()
        print(fake.port, flush=True)
        await asyncio.Event().wait()

    asyncio.run(serve())


if __name__ == "__main__":
    import sys

    _serve_forever(sys.argv[1:])
