"""The OpenAI stand-in (``fake_openai.py``) with what structured output adds, as servers behave:

- it answers ``response_format`` ``json_schema`` or ``json_object`` with the configured reply
  (``FakeBehavior.reply``) or with what ``StructuredBehavior.answer`` makes of the request (a
  model that reads the prompt);
- a type in ``refuse_formats`` is answered with a 400 and an OpenAI-style error body, as older
  Ollama, LM Studio and llama.cpp servers refuse ``json_schema``;
- the rest comes from the base: ``ttft_s`` (slow), ``fail_status`` (429, 5xx), a malformed
  reply is just a reply.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.support.fake_openai import FakeBehavior, FakeOpenAI, RecordedRequest

__all__ = ["StructuredBehavior", "StructuredOpenAI", "facts_json", "user_content"]

_BODY: contextvars.ContextVar[dict[str, Any]] = contextvars.ContextVar("body")


@dataclass
class StructuredBehavior(FakeBehavior):
    reply: str | list[str] = '{"facts": []}'
    ttft_s: float = 0.0
    tokens_per_s: float = 0.0
    refuse_formats: frozenset[str] = field(default_factory=frozenset)
    """response_format types answered with a 400."""
    answer: Callable[[dict[str, Any]], str] | None = None
    """The reply made from the request body (instead of ``reply``)."""


class StructuredOpenAI(FakeOpenAI):
    behavior: StructuredBehavior

    def __init__(self, behavior: StructuredBehavior | None = None) -> None:
        super().__init__(behavior or StructuredBehavior())

    def formats(self) -> list[str | None]:
        """The response_format type of each chat request, in order."""
        return [_format(r.body) for r in self.chat_requests()]

    async def _chat(
        self,
        rec: RecordedRequest,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        keep_alive: bool,
    ) -> bool:
        body = rec.body if isinstance(rec.body, dict) else {}
        kind = _format(body)
        if kind in self.behavior.refuse_formats:
            message = f"response_format type {kind!r} is not supported by this server"
            err = {"error": {"message": message, "type": "invalid_request_error", "param": "response_format"}}
            await self._send_json(writer, 400, err, close=not keep_alive)
            return keep_alive
        _BODY.set(body)
        return await super()._chat(rec, reader, writer, keep_alive)

    def _next_reply(self) -> str:
        if self.behavior.answer is not None:
            return self.behavior.answer(_BODY.get())
        return super()._next_reply()


def _format(body: Any) -> str | None:
    fmt = body.get("response_format") if isinstance(body, dict) else None
    kind = fmt.get("type") if isinstance(fmt, dict) else None
    return kind if isinstance(kind, str) else None


def user_content(body: dict[str, Any]) -> str:
    """The last user message of a chat request."""
    return str([m for m in body["messages"] if m["role"] == "user"][-1]["content"])


def facts_json(*facts: tuple[str, str, str, str]) -> str:
    """``{"facts": [...]}`` from (message, viewer, kind, text) tuples."""
    keys = ("message", "viewer", "kind", "text")
    return json.dumps({"facts": [dict(zip(keys, f, strict=True)) for f in facts]})
