"""A guard model behind an OpenAI-compatible server: the OpenAI stand-in, answering chat
completions the way Llama Guard 3 or ShieldGemma do, as their documentation describes.

It follows the models' documentation, not our client:

- **Llama Guard 3** (``style="llama_guard"``), as vLLM serves it with the model's own chat
  template: the roles must alternate user/assistant starting with the user, with no system
  turn, or the request is refused with a 400 (the template raises "Conversation roles must
  alternate user/assistant/user/assistant/..."). The *last* turn is judged: the user's
  ("User") when the conversation has an odd length, the assistant's ("Agent") when even. The
  answer is ``safe``, or ``unsafe`` and a line of comma-separated hazard codes (``S1,S10``).
- **ShieldGemma** (``style="shieldgemma"``), as Ollama's template builds the prompt: the
  "Human Question" is the last user turn, the "Chatbot Response" the assistant turn when it is
  the last message, and the response is judged when there is one. The answer is ``Yes`` (it
  violates the policy) or ``No``.

What is unsafe: a text containing one of ``unsafe_words`` (whole words, any case), each
with the Llama Guard hazard codes it stands for. Every judgement is kept in ``judged``
as ``(role, text)``: the role the model would have judged ("User" or "Agent").

Faults (from :class:`~tests.support.standin.Faults`, read when a request arrives):
``fail_status`` answers with that HTTP status and an OpenAI-style error body (5xx, 429...);
``stall_after=0`` keeps the request unanswered until the client hangs up (counted in
``hangups``), so a judge is late by any timeout; ``drop_after=0`` resets the connection
without an answer. ``garbage`` answers 200 with that text as the model's answer, and
``raw_body`` answers 200 with those bytes as the body (not JSON).
"""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

from tests.support.fake_openai import FakeOpenAI, RecordedRequest
from tests.support.standin import Faults

__all__ = ["FakeGuard", "GuardBehavior"]

_ERRORS: dict[int, tuple[str, str, str | None]] = {
    400: ("Invalid request.", "invalid_request_error", None),
    401: ("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"),
    404: ("The model does not exist.", "invalid_request_error", "model_not_found"),
    429: ("Rate limit reached for requests.", "requests", "rate_limit_exceeded"),
    500: ("The server had an error while processing your request.", "server_error", None),
    502: ("Bad gateway.", "server_error", None),
    503: ("The engine is currently overloaded.", "server_error", None),
}


@dataclass
class GuardBehavior(Faults):
    """How the guard answers. Mutable; read once per request."""

    style: Literal["llama_guard", "shieldgemma"] = "llama_guard"
    unsafe_words: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {"stab": ("S1",), "vermin": ("S10",), "nudes": ("S12",)}
    )
    """A word (whole word, any case) → the Llama Guard hazard codes it stands for."""
    garbage: str | None = None
    """Answer this text instead of a verdict."""
    raw_body: bytes | None = None
    """Answer 200 with this body (not JSON) instead of a completion."""
    fail_message: str | None = None
    """With ``fail_status``: the error body's message (a server may echo what it got)."""


class FakeGuard(FakeOpenAI):
    """The OpenAI stand-in with a guard model on ``/v1/chat/completions``. ``guard`` is its
    behaviour; the rest of the API (``/v1/models``, ``/v1/moderations``) is the stand-in's."""

    def __init__(self, guard: GuardBehavior | None = None) -> None:
        super().__init__()
        self.guard = guard or GuardBehavior()
        self.judged: list[tuple[str, str]] = []
        """``(role, text)`` for each conversation judged: "User" or "Agent", the last turn."""

    def guard_requests(self) -> list[RecordedRequest]:
        return self.chat_requests()

    async def _dispatch(
        self,
        request: tuple[RecordedRequest, bool],
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
    ) -> bool:
        rec, keep_alive = request
        if rec.method == "POST" and rec.path.rstrip("/").endswith("/chat/completions"):
            return await self._judge(rec, reader, writer, keep_alive)
        return await super()._dispatch(request, reader, writer)

    async def _judge(
        self,
        rec: RecordedRequest,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        keep_alive: bool,
    ) -> bool:
        g = self.guard
        gone = lambda: reader.at_eof() or writer.transport.is_closing()  # noqa: E731
        if await self.interrupt(g, 0, writer.transport.abort, gone=gone):
            return False
        if g.fail_status is not None:
            await self._error(writer, g.fail_status, keep_alive, g.fail_message)
            return keep_alive
        if g.raw_body is not None:
            head = (
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                f"content-length: {len(g.raw_body)}\r\nconnection: close\r\n\r\n"
            )
            writer.write(head.encode() + g.raw_body)
            await writer.drain()
            return False
        body = rec.body if isinstance(rec.body, dict) else {}
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            await self._error(writer, 400, keep_alive, "messages must be a non-empty list")
            return keep_alive
        try:
            role, text, answer = self._verdict(messages)
        except ValueError as exc:
            await self._error(writer, 400, keep_alive, str(exc))
            return keep_alive
        self.judged.append((role, text))
        content = g.garbage if g.garbage is not None else answer
        data = {
            "id": "chatcmpl-" + uuid.uuid4().hex[:24],
            "object": "chat.completion",
            "created": int(time.time()),
            "model": str(body.get("model") or "llama-guard3"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 200, "completion_tokens": 3, "total_tokens": 203},
        }
        await self._send_json(writer, 200, data, close=not keep_alive)
        return keep_alive

    def _verdict(self, messages: list[Any]) -> tuple[str, str, str]:
        """The role judged, the text judged and the model's answer."""
        turns: list[tuple[str, str]] = []
        for m in messages:
            if not isinstance(m, dict) or not isinstance(m.get("content"), str):
                raise ValueError("each message needs a role and text content")
            turns.append((str(m.get("role")), m["content"]))
        if self.guard.style == "llama_guard":
            for i, (role, _) in enumerate(turns):
                if (role == "user") != (i % 2 == 0) or role not in ("user", "assistant"):
                    raise ValueError("Conversation roles must alternate user/assistant/user/assistant/...")
            judged = "Agent" if len(turns) % 2 == 0 else "User"
            text = turns[-1][1]
            codes = self._codes(text)
            return judged, text, ("unsafe\n" + ",".join(codes)) if codes else "safe"
        question = next((c for r, c in reversed(turns) if r == "user"), "")
        response = turns[-1][1] if turns[-1][0] == "assistant" else ""
        judged, text = ("Agent", response) if response else ("User", question)
        return judged, text, "Yes" if self._codes(text) else "No"

    def _codes(self, text: str) -> list[str]:
        words = set(re.findall(r"[\w']+", text.lower()))
        codes: list[str] = []
        for word, hazards in self.guard.unsafe_words.items():
            if word.lower() in words:
                codes.extend(c for c in hazards if c not in codes)
        return codes

    async def _error(
        self, writer: asyncio.StreamWriter, status: int, keep_alive: bool, message: str | None = None
    ) -> None:
        default, etype, code = _ERRORS.get(status, ("Error.", "server_error", None))
        err = {"error": {"message": message or default, "type": etype, "param": None, "code": code}}
        await self._send_json(writer, status, err, close=not keep_alive)
