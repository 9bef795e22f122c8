"""Any OpenAI-compatible chat-completions endpoint as an :class:`LLMBackend`.

One class for OpenAI, Ollama, vLLM, LM Studio, OpenRouter and the bundled llama.cpp
server: only ``base_url``, ``model`` and ``api_key`` change. It streams
``chat.completions.create(stream=True)`` and yields the content deltas; the base class
applies the time limits (first token, stalls, total) and records timing.

Errors become :class:`BackendError`: connection problems, timeouts, 429 and 5xx are
retryable; other HTTP errors (401, 403, 404, 400...) are not, and say what to check.
Messages never contain the API key or the prompt.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any, Literal, Protocol

import openai
from openai import AsyncOpenAI, AsyncStream
from openai.types.chat import ChatCompletion

from engines.backends import BackendError, Limits, LLMBackend, LLMRequest

from .chat_template import CHATML_STOP, ChatTemplate, render

__all__ = ["DEFAULT_API_KEY", "OpenAILLM", "SecretLike", "reveal_secret", "translate_error"]

logger = logging.getLogger(__name__)

DEFAULT_API_KEY = "local"
"""Sent when no key is configured: the SDK insists on one, local servers ignore it."""


class SecretLike(Protocol):
    def get_secret_value(self) -> str: ...


def reveal_secret(value: str | SecretLike | None) -> str:
    """The plain text of a ``str`` or a pydantic ``SecretStr`` ("" for None)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return value.get_secret_value()


def _status_hint(status: int, setting: str, base_url: str) -> str:
    if status == 401:
        return f"401 unauthorized: check {setting}.api_key"
    if status == 403:
        return f"403 forbidden: the API key may not use this model or endpoint (check {setting}.api_key and {setting}.model)"
    if status == 404:
        return f"404 not found: check {setting}.model and {setting}.base_url ({base_url})"
    if status == 400:
        return f"400 bad request: the server rejected the request (check {setting}.model and the options)"
    if status == 413:
        return "413 request too large: shorten the prompt or history"
    if status == 422:
        return "422 unprocessable request: the server rejected the parameters"
    if status == 429:
        return "429 rate limited"
    if status >= 500:
        return f"{status} server error"
    return f"HTTP {status}"


def request_client(base_url: str, api_key: str, timeout_s: float) -> AsyncOpenAI:
    """A client for one short request at a time (moderation, a judge): no retries (the caller
    holds its own deadline), and a connect timeout of at most 3 s."""
    return AsyncOpenAI(
        base_url=base_url,
        api_key=api_key,
        timeout=openai.Timeout(timeout_s, connect=min(timeout_s, 3.0)),
        max_retries=0,
    )


def translate_error(
    exc: openai.APIError,
    *,
    backend: str,
    base_url: str,
    model: str,
    setting: str,
    secrets: Sequence[str] = (),
    texts: Sequence[str] = (),
) -> BackendError:
    """An OpenAI SDK error as a :class:`BackendError`, safe to log.

    ``setting`` is the config section named in hints ("401 unauthorized: check llm.api_key").
    ``secrets`` and ``texts`` (the prompt) are cut out of any message the server sent.
    """
    if isinstance(exc, openai.APITimeoutError):
        return BackendError(backend, f"request to {base_url} timed out", retryable=True)
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__
        why = f" ({type(cause).__name__})" if cause is not None else ""
        return BackendError(backend, f"cannot connect to {base_url}{why}", retryable=True)
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        detail = _server_message(exc)
        for secret in secrets:
            if secret:
                detail = detail.replace(secret, "[api key]")
        for text in texts:
            if len(text) >= 8:
                detail = detail.replace(text, "[prompt]")
        detail = detail[:200]
        hint = _status_hint(status, setting, base_url)
        message = f"{hint} (model {model!r}){': ' + detail if detail else ''}"
        return BackendError(backend, message, retryable=status in (408, 409, 429) or status >= 500)
    # APIResponseValidationError and other SDK-level failures: the server sent something odd
    return BackendError(backend, f"unexpected response from {base_url} ({type(exc).__name__})")


def _server_message(exc: openai.APIStatusError) -> str:
    """The ``error.message`` the server sent, if any."""
    body = exc.body
    if isinstance(body, Mapping):
        err = body.get("error", body)
        if isinstance(err, Mapping):
            msg = err.get("message") or err.get("detail")
            if isinstance(msg, str):
                return msg.strip()
        elif isinstance(err, str):
            return err.strip()
    return ""


class OpenAILLM(LLMBackend):
    """Streams a reply from an OpenAI-compatible ``/chat/completions`` endpoint.

    ``api_key``: a ``str`` or ``SecretStr``; empty or None sends ``"local"``.
    ``timeout_s``: the HTTP client's timeout (connect, read gap, write); None means the
    total limit. The base class's :class:`Limits` are the real guard.
    ``extra_headers`` go with every request (OpenRouter's ``HTTP-Referer``, for example);
    ``extra_body`` is merged into every request body (``{"cache_prompt": true}`` for the
    C++ llama-server, ``{"keep_alive": "30m"}`` for Ollama...).
    ``max_tokens_param``: newer OpenAI models want ``max_completion_tokens``; local
    servers understand ``max_tokens`` (the default).
    ``include_usage``: ask for the usage chunk (OpenAI, vLLM); some servers reject it.
    ``continue_template``: the server's chat template, when the client knows it (the bundled
    model's ChatML): a request with a ``prefix`` then goes to ``/completions`` as the rendered
    prompt, so the model goes on from the reply so far. None: such requests are refused.
    """

    name = "llm"

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | SecretLike | None = None,
        timeout_s: float | None = None,
        connect_timeout_s: float = 5.0,
        extra_headers: Mapping[str, str] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        max_tokens_param: Literal["max_tokens", "max_completion_tokens"] = "max_tokens",
        include_usage: bool = False,
        limits: Limits | None = None,
        client: AsyncOpenAI | None = None,
        name: str | None = None,
        continue_template: ChatTemplate | None = None,
    ) -> None:
        super().__init__(limits=limits)
        self.continue_template = continue_template
        self.continues = continue_template is not None
        if name:
            self.name = name
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.configured_model = model
        """The model named in the settings; :meth:`use_model` (None) goes back to it."""
        self._api_key = reveal_secret(api_key) or DEFAULT_API_KEY
        self.extra_body = dict(extra_body or {})
        self.max_tokens_param = max_tokens_param
        self.include_usage = include_usage
        self.last_usage: dict[str, int] | None = None
        """Token counts of the last reply, when the server sent them."""
        self.last_finish_reason: str | None = None
        total = timeout_s if timeout_s is not None else self.limits.total_s
        self._client = client or AsyncOpenAI(
            base_url=self.base_url,
            api_key=self._api_key,
            timeout=openai.Timeout(total, connect=min(connect_timeout_s, total)),
            max_retries=0,
            default_headers=dict(extra_headers or {}),
        )

    def __repr__(self) -> str:  # never shows the key
        return f"{type(self).__name__}(base_url={self.base_url!r}, model={self.model!r})"

    async def aclose(self) -> None:
        await self._client.close()

    def use_model(self, model: str | None) -> None:
        """Send ``model`` from the next request on (a deployed fine-tuned model); None goes
        back to the configured one. A reply being written keeps the model it started with."""
        self.model = model or self.configured_model
        logger.info("llm: now sending model %r", self.model)

    # ------------------------------------------------------------ the request

    def _params(self, request: LLMRequest) -> dict[str, Any]:
        params: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in request.messages],
            "stream": True,
            "temperature": request.temperature,
            self.max_tokens_param: request.max_tokens,
        }
        if request.stop:
            params["stop"] = list(request.stop)
        if self.include_usage:
            params["stream_options"] = {"include_usage": True}
        if self.extra_body:
            params["extra_body"] = dict(self.extra_body)
        return params

    def _continue_params(self, request: LLMRequest) -> dict[str, Any]:
        """A ``/completions`` body going on from ``request.prefix`` (see ``continue_template``)."""
        assert self.continue_template is not None
        params = self._params(request)
        del params["messages"]
        params["prompt"] = render(self.continue_template, request.messages, request.prefix)
        params["stop"] = [CHATML_STOP, *request.stop]
        return params

    async def _stream_impl(self, request: LLMRequest) -> AsyncIterator[str]:
        self.last_usage = None
        self.last_finish_reason = None
        go_on = bool(request.prefix)
        params = self._continue_params(request) if go_on else self._params(request)
        body = {**params.pop("extra_body", {}), **params}
        try:
            # client.post with a plain body: the SDK's typed create() walks every message through
            # its TypedDict transformer (about 10 ms per request with a long history), and
            # parsing chunks as dicts skips a pydantic model per token.
            stream = await self._client.post(
                "/completions" if go_on else "/chat/completions",
                body=body,
                cast_to=ChatCompletion,
                stream=True,
                stream_cls=AsyncStream[dict[str, Any]],
            )
        except openai.APIError as exc:
            raise self._translate(exc, request) from None
        try:
            async for chunk in stream:
                usage = chunk.get("usage")
                if isinstance(usage, dict):
                    self.last_usage = {
                        "prompt_tokens": int(usage.get("prompt_tokens") or 0),
                        "completion_tokens": int(usage.get("completion_tokens") or 0),
                    }
                choices = chunk.get("choices")
                if not choices:
                    continue
                choice = choices[0]
                if choice.get("finish_reason"):
                    self.last_finish_reason = choice["finish_reason"]
                text = choice.get("text") if go_on else (choice.get("delta") or {}).get("content")
                if text:
                    yield text
        except openai.APIConnectionError as exc:  # wraps transport errors while reading the stream
            cause = exc.__cause__ or exc
            raise BackendError(
                self.name,
                f"the stream broke off ({type(cause).__name__}) from {self.base_url}",
                retryable=True,
            ) from None
        except openai.APIError as exc:
            raise self._translate(exc, request) from None
        except BackendError:
            raise
        except Exception as exc:  # the transport broke mid-stream (connection reset, bad chunk)
            raise BackendError(
                self.name, f"the stream broke off ({type(exc).__name__}) from {self.base_url}", retryable=True
            ) from None
        finally:
            await stream.close()

    def _translate(self, exc: openai.APIError, request: LLMRequest) -> BackendError:
        return translate_error(
            exc,
            backend=self.name,
            base_url=self.base_url,
            model=self.model,
            setting="llm",
            secrets=(self._api_key,) if self._api_key != DEFAULT_API_KEY else (),
            texts=[m.content for m in request.messages],
        )
