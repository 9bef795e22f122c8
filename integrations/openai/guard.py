"""A guard model as the safety pipeline's :class:`ModerationBackend`: Llama Guard 3 or
ShieldGemma behind any OpenAI-compatible chat endpoint (Ollama, vLLM, llama.cpp's server).

The guard model is asked through ``POST /v1/chat/completions``. Which turn it judges depends
on the stage: a viewer's message is sent as the user turn; the bot's own sentence is sent as
the assistant turn, after a neutral user turn (both models judge the last turn of the
conversation, and Llama Guard 3's chat template wants user and assistant turns to alternate,
starting with the user).

What the models answer, as their model cards document it:

- **Llama Guard 3** (``style="llama_guard"``): a first line ``safe`` or ``unsafe``; when
  unsafe, a second line of comma-separated hazard codes ``S1``..``S14``, mapped here to
  :data:`LLAMA_GUARD_CATEGORIES`.
- **ShieldGemma** (``style="shieldgemma"``): ``Yes`` (the text violates the policy) or
  ``No``, possibly followed by an explanation. Ollama's template carries the policies; vLLM
  applies the Hugging Face chat template, which takes them as the ``guideline`` template
  argument, sent here in ``chat_template_kwargs`` (servers that do not know it ignore it).

Any other answer raises :class:`BackendError`, as do HTTP errors, refused connections and the
client's own timeout; the safety pipeline applies its own timeout too and decides what a
failure means (by default: the bot's sentence is dropped, a viewer's message keeps the local
layers' decision).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any, Final, Literal

import openai
from openai import AsyncOpenAI
from openai.types.chat import ChatCompletionMessageParam

from engines.ai.safety.decision import ModerationResult, Stage
from engines.backends import BackendError
from integrations.openai.llm import (
    DEFAULT_API_KEY,
    SecretLike,
    request_client,
    reveal_secret,
    translate_error,
)

__all__ = [
    "LLAMA_GUARD_CATEGORIES",
    "OUTPUT_CONTEXT",
    "GuardModeration",
    "GuardStyle",
    "parse_llama_guard",
    "parse_shieldgemma",
]

logger = logging.getLogger(__name__)

GuardStyle = Literal["llama_guard", "shieldgemma"]

LLAMA_GUARD_CATEGORIES: Final[Mapping[str, str]] = {
    "S1": "violent_crimes",
    "S2": "non_violent_crimes",
    "S3": "sex_crimes",
    "S4": "child_sexual_exploitation",
    "S5": "defamation",
    "S6": "specialized_advice",
    "S7": "privacy",
    "S8": "intellectual_property",
    "S9": "indiscriminate_weapons",
    "S10": "hate",
    "S11": "self_harm",
    "S12": "sexual_content",
    "S13": "elections",
    "S14": "code_interpreter_abuse",
}
"""Llama Guard 3's hazard codes → the category names a :class:`ModerationResult` carries."""

OUTPUT_CONTEXT: Final = "Say something to your live stream chat."
"""The user turn before the bot's sentence when an output is judged (the viewer's own words
are not known here, and only the last turn is judged)."""

SHIELDGEMMA_FLAG: Final = "policy_violation"
"""ShieldGemma says only whether the policy is violated, not which part of it."""

_SUBJECT: Final[Mapping[Stage, str]] = {"input": "The prompt", "output": "The chatbot"}
_POLICIES: Final = (
    '"No Dangerous Content": {subject} shall not contain or seek content that harms oneself '
    "and/or others (e.g., building weapons or explosives, promotion of terrorism, instructions "
    "for suicide).\n"
    '* "No Harassment": {subject} shall not contain or seek content that is malicious, '
    "intimidating, bullying, or abusive towards another individual (e.g., physical threats, "
    "denial of tragic events, disparaging victims of violence).\n"
    '* "No Hate Speech": {subject} shall not contain or seek content that targets identity '
    "and/or protected attributes (e.g., racial slurs, promotion of discrimination, calls to "
    "violence against protected groups) or dehumanizes people on the basis of a protected status.\n"
    '* "No Sexually Explicit Information": {subject} shall not contain or seek content that '
    "references sexual acts or other lewd content (e.g., sexually graphic descriptions, content "
    "aimed at causing arousal)."
)

_CODE_RE: Final = re.compile(r"\bS(\d{1,2})\b", re.IGNORECASE)
_UNSAFE_RE: Final = re.compile(r"unsafe\b(.*)", re.IGNORECASE)
_MAX_TOKENS: Final[Mapping[GuardStyle, int]] = {"llama_guard": 48, "shieldgemma": 8}
"""Enough for "unsafe" and every hazard code; ShieldGemma's first word is its verdict."""


class GuardModeration:
    """``check(text, stage=...)`` → :class:`ModerationResult` (flagged, the categories that
    fired; no score). Implements ``engines.ai.safety.ModerationBackend``."""

    name = "judge"

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | SecretLike | None = None,
        style: GuardStyle = "llama_guard",
        timeout_s: float = 1.5,
        client: AsyncOpenAI | None = None,
    ) -> None:
        if style not in _MAX_TOKENS:
            raise ValueError(f"style must be llama_guard or shieldgemma, not {style!r}")
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.style: GuardStyle = style
        self._api_key = reveal_secret(api_key) or DEFAULT_API_KEY
        self._client = client or request_client(self.base_url, self._api_key, timeout_s)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, model={self.model!r}, style={self.style!r})"
        )

    async def aclose(self) -> None:
        await self._client.close()

    def messages(self, text: str, stage: Stage) -> list[ChatCompletionMessageParam]:
        """The conversation sent: the text as the turn that is judged."""
        if stage == "output":
            return [
                {"role": "user", "content": OUTPUT_CONTEXT},
                {"role": "assistant", "content": text},
            ]
        return [{"role": "user", "content": text}]

    async def check(self, text: str, *, stage: Stage = "input") -> ModerationResult:
        extra: dict[str, Any] | None = None
        if self.style == "shieldgemma":
            extra = {"chat_template_kwargs": {"guideline": _POLICIES.format(subject=_SUBJECT[stage])}}
        try:
            response = await self._client.chat.completions.create(
                model=self.model,
                messages=self.messages(text, stage),
                temperature=0.0,
                max_tokens=_MAX_TOKENS[self.style],
                extra_body=extra,
            )
        except openai.APIError as exc:
            raise translate_error(
                exc,
                backend=self.name,
                base_url=self.base_url,
                model=self.model,
                setting="safety.judge",
                secrets=(self._api_key,) if self._api_key != DEFAULT_API_KEY else (),
                texts=(text,),
            ) from None
        except ValueError as exc:  # a 200 whose body is not JSON
            raise BackendError(
                self.name, f"unexpected response from {self.base_url} ({type(exc).__name__})"
            ) from None
        choices = getattr(response, "choices", None)
        answer = choices[0].message.content if choices else None
        if not answer or not answer.strip():
            raise BackendError(self.name, f"model {self.model!r} gave an empty answer")
        parse = parse_llama_guard if self.style == "llama_guard" else parse_shieldgemma
        try:
            return parse(answer)
        except ValueError:
            # the answer itself is not logged: a confused model may repeat the text it judged
            raise BackendError(
                self.name,
                f"model {self.model!r} answered outside the {self.style} format "
                f"({len(answer)} characters; check safety.judge.style and safety.judge.model)",
            ) from None


def parse_llama_guard(answer: str) -> ModerationResult:
    """Llama Guard 3's answer: ``safe``, or ``unsafe`` and a line of hazard codes
    (``"unsafe\\nS1,S10"``). Raises ``ValueError`` for anything else. Codes that are not
    S1-S14 keep their own name; ``unsafe`` without codes is flagged as ``unsafe``."""
    lines = [line.strip() for line in answer.strip().splitlines() if line.strip()]
    if not lines:
        raise ValueError("empty answer")
    if lines[0].lower().rstrip(".") == "safe":
        return ModerationResult(flagged=False)
    unsafe = _UNSAFE_RE.match(lines[0])
    if unsafe is None:
        raise ValueError("not a Llama Guard verdict")
    codes = [f"S{int(n)}" for n in _CODE_RE.findall(" ".join([unsafe.group(1), *lines[1:]]))]
    names = [LLAMA_GUARD_CATEGORIES.get(code, code.lower()) for code in codes]
    return ModerationResult(flagged=True, categories=tuple(dict.fromkeys(names)) or ("unsafe",))


def parse_shieldgemma(answer: str) -> ModerationResult:
    """ShieldGemma's answer: it starts with ``Yes`` (violates the policy) or ``No``.
    Raises ``ValueError`` for anything else."""
    words = answer.strip().split(maxsplit=1)
    first = words[0].strip(".,:;!\"'*").lower() if words else ""
    if first == "yes":
        return ModerationResult(flagged=True, categories=(SHIELDGEMMA_FLAG,))
    if first == "no":
        return ModerationResult(flagged=False)
    raise ValueError("not a ShieldGemma verdict")
