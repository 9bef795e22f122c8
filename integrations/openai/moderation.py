"""OpenAI's moderation endpoint as the safety pipeline's :class:`ModerationBackend`.

Uses its own client: local LLM servers (llama.cpp, Ollama, vLLM...) do not serve
``/v1/moderations``, so this normally points at api.openai.com with a real key even when
the LLM is local. Failures raise :class:`BackendError`; the safety pipeline applies its
own timeout and decides whether a failure blocks (fail closed) or not.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import openai
from openai import AsyncOpenAI

from engines.ai.safety.decision import ModerationResult, Stage
from engines.backends import BackendError
from integrations.openai.llm import (
    DEFAULT_API_KEY,
    SecretLike,
    request_client,
    reveal_secret,
    translate_error,
)

__all__ = ["OPENAI_BASE_URL", "OpenAIModeration"]

logger = logging.getLogger(__name__)

OPENAI_BASE_URL = "https://api.openai.com/v1"


class OpenAIModeration:
    """``check(text)`` → :class:`ModerationResult` (flagged, the categories that fired, the
    highest category score). Implements ``engines.ai.safety.ModerationBackend``."""

    name = "moderation"

    def __init__(
        self,
        *,
        api_key: str | SecretLike | None,
        base_url: str = OPENAI_BASE_URL,
        model: str = "omni-moderation-latest",
        timeout_s: float = 5.0,
        client: AsyncOpenAI | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self._api_key = reveal_secret(api_key) or DEFAULT_API_KEY
        self._client = client or request_client(self.base_url, self._api_key, timeout_s)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, model={self.model!r})"

    async def aclose(self) -> None:
        await self._client.close()

    async def check(self, text: str, *, stage: Stage = "input") -> ModerationResult:
        """``stage`` is ignored: the endpoint judges any text the same way."""
        try:
            response = await self._client.moderations.create(model=self.model, input=text)
        except openai.APIError as exc:
            error = translate_error(
                exc,
                backend=self.name,
                base_url=self.base_url,
                model=self.model,
                setting="moderation",
                secrets=(self._api_key,) if self._api_key != DEFAULT_API_KEY else (),
                texts=(text,),
            )
            if isinstance(exc, openai.NotFoundError):
                error = BackendError(
                    self.name,
                    f"{self.base_url} has no moderation endpoint or model {self.model!r} "
                    "(local LLM servers do not serve /v1/moderations; use OpenAI's)",
                )
            raise error from None
        if not response.results:
            raise BackendError(self.name, "the moderation response held no result")
        result = response.results[0]
        categories = _truthy(result.categories.model_dump(by_alias=True))
        scores = [
            float(v) for v in result.category_scores.model_dump(by_alias=True).values() if _is_number(v)
        ]
        return ModerationResult(
            flagged=bool(result.flagged),
            categories=tuple(sorted(categories)),
            score=max(scores) if scores else None,
        )


def _truthy(values: Mapping[str, object]) -> list[str]:
    return [name for name, fired in values.items() if fired is True]


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
