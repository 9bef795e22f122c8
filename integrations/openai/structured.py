"""One chat-completions request whose answer is JSON, from any OpenAI-compatible endpoint:
the memory's fact extractor (``engines/ai/memory/llm_facts.py``) speaks through it.

It asks for ``response_format={"type": "json_schema", "json_schema": {..., "strict": true}}``.
A server that refuses that with a 400 (older Ollama, LM Studio and llama.cpp builds) is asked
again with ``{"type": "json_object"}``, and from then on gets only that. The answer's text is
returned as it is; the caller parses and validates it. Errors become :class:`BackendError`
(timeouts, refused connections, 429 and 5xx retryable); messages never hold the API key or the
prompt.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import openai
from openai import AsyncOpenAI
from openai.types.chat import ChatCompletion

from engines.backends import BackendError, Message
from integrations.openai.llm import (
    DEFAULT_API_KEY,
    SecretLike,
    request_client,
    reveal_secret,
    translate_error,
)

__all__ = ["StructuredChat"]

logger = logging.getLogger(__name__)

Mode = Literal["json_schema", "json_object"]


class StructuredChat:
    """``complete_json(messages, schema=..., name=...)`` → the model's JSON answer (text).
    Implements ``engines.ai.memory.llm_facts.JSONChat``."""

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | SecretLike | None = None,
        timeout_s: float = 10.0,
        max_tokens: int = 800,
        setting: str = "memory.llm",
        name: str = "fact extractor",
        client: AsyncOpenAI | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.name = name
        self.setting = setting
        self.max_tokens = max_tokens
        self.mode: Mode = "json_schema"
        """json_object once the server refused json_schema."""
        self._api_key = reveal_secret(api_key) or DEFAULT_API_KEY
        self._client = client or request_client(self.base_url, self._api_key, timeout_s)

    def __repr__(self) -> str:  # never shows the key
        return f"{type(self).__name__}(base_url={self.base_url!r}, model={self.model!r})"

    async def aclose(self) -> None:
        await self._client.close()

    async def complete_json(
        self, messages: Sequence[Message], *, schema: Mapping[str, Any], name: str
    ) -> str:
        """The answer's content, asked for as JSON that matches ``schema``."""
        if self.mode == "json_schema":
            try:
                return await self._ask(messages, _schema_format(schema, name))
            except _Refused:
                logger.warning(
                    "%s: %s refused response_format json_schema (400); using json_object from now on",
                    self.name,
                    self.base_url,
                )
                self.mode = "json_object"
        try:
            return await self._ask(messages, {"type": "json_object"})
        except _Refused as exc:
            raise exc.error from None

    async def _ask(self, messages: Sequence[Message], response_format: dict[str, Any]) -> str:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "temperature": 0.0,
            "max_tokens": self.max_tokens,
            "response_format": response_format,
        }
        try:
            answer = await self._client.post("/chat/completions", body=body, cast_to=ChatCompletion)
        except openai.APIError as exc:
            error = translate_error(
                exc, backend=self.name, base_url=self.base_url, model=self.model, setting=self.setting,
                secrets=(self._api_key,) if self._api_key != DEFAULT_API_KEY else (),
                texts=[m.content for m in messages],
            )  # fmt: skip
            if isinstance(exc, openai.BadRequestError):
                raise _Refused(error) from None
            raise error from None
        except ValueError as exc:  # a 200 whose body is not JSON
            raise BackendError(
                self.name, f"unexpected response from {self.base_url} ({type(exc).__name__})"
            ) from None
        return _content(answer, self.name, self.model)


class _Refused(Exception):
    """A 400: the server refused the request (the response format, most likely)."""

    def __init__(self, error: BackendError) -> None:
        super().__init__(str(error))
        self.error = error


def _schema_format(schema: Mapping[str, Any], name: str) -> dict[str, Any]:
    return {"type": "json_schema", "json_schema": {"name": name, "schema": dict(schema), "strict": True}}


def _content(answer: ChatCompletion, backend: str, model: str) -> str:
    message = answer.choices[0].message if answer.choices else None
    if message is not None and message.refusal:
        raise BackendError(backend, f"model {model!r} refused to answer")
    text = message.content if message is not None else None
    if not text or not text.strip():
        raise BackendError(backend, f"model {model!r} gave an empty answer")
    return text
