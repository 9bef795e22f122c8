"""Replies of a model on an OpenAI-compatible endpoint to the validation suite: the studio's
check of a hosted fine-tuned model against the current one. Each reply is streamed, greedily
(temperature 0), with ``max_tokens`` as the bot sends it, timing its first token. The SDK
retries a 429 or a 5xx (honouring Retry-After); what still fails becomes :class:`SuiteError`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import cast

import openai
from openai import AsyncOpenAI
from openai.types.chat import ChatCompletionMessageParam

from engines.training.validation import Reply

from .llm import translate_error


class SuiteError(RuntimeError):
    """The endpoint could not answer the suite (refused, unreachable, an unknown model)."""


async def suite_replies(
    base_url: str,
    api_key: str,
    model: str,
    conversations: Sequence[Sequence[dict[str, str]]],
    *,
    max_tokens: int = 80,
    timeout_s: float = 60.0,
    max_retries: int = 3,
) -> list[Reply]:
    """``model``'s reply to each conversation, in order."""
    client = AsyncOpenAI(base_url=base_url, api_key=api_key, timeout=timeout_s, max_retries=max_retries)
    out: list[Reply] = []
    try:
        for messages in conversations:
            out.append(await _reply(client, model, messages, max_tokens))
    except openai.APIError as exc:
        why = translate_error(
            exc,
            backend="suite",
            base_url=base_url,
            model=model,
            setting="llm",
            secrets=(api_key,),
            texts=[m["content"] for c in conversations for m in c],
        )
        detail = str(why).removeprefix("suite: ")
        raise SuiteError(f"{model} could not answer the validation suite: {detail}") from None
    finally:
        await client.close()
    return out


async def _reply(
    client: AsyncOpenAI, model: str, messages: Sequence[dict[str, str]], max_tokens: int
) -> Reply:
    start = time.perf_counter()
    first: float | None = None
    parts: list[str] = []
    stream = await client.chat.completions.create(
        model=model,
        messages=[
            cast(ChatCompletionMessageParam, {"role": m["role"], "content": m["content"]}) for m in messages
        ],
        max_tokens=max_tokens,
        temperature=0.0,
        stream=True,
    )
    try:
        async for chunk in stream:
            delta = chunk.choices[0].delta.content if chunk.choices else None
            if delta:
                if first is None:
                    first = (time.perf_counter() - start) * 1000
                parts.append(delta)
    finally:
        await stream.close()
    return Reply("".join(parts).strip(), first)
