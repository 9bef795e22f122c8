"""A chat rendered as the raw prompt text a model's chat template makes, so a reply can be
continued through ``/v1/completions``: a chat endpoint always opens a new assistant message.

Only ChatML (``<|im_start|>role\\n...<|im_end|>``) is known: the bundled SmolLM2's template.
``tests/integrations/openai/test_chat_template.py`` renders the template stored in the
bundled GGUF file itself and checks that both give the same text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from engines.backends import Message

__all__ = ["CHATML_STOP", "ChatTemplate", "render"]

ChatTemplate = Literal["chatml"]

CHATML_STOP = "<|im_end|>"
_SMOLLM_DEFAULT_SYSTEM = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"
"""What SmolLM2's template puts first when a chat has no system message."""


def render(template: ChatTemplate, messages: Sequence[Message], reply_so_far: str) -> str:
    """The prompt text for ``messages`` with the assistant's reply opened and begun with
    ``reply_so_far``: the model's next token goes on from it."""
    if template != "chatml":  # pragma: no cover - the Literal admits no other value
        raise ValueError(f"unknown chat template {template!r}")
    parts = []
    if not messages or messages[0].role != "system":
        parts.append(f"<|im_start|>system\n{_SMOLLM_DEFAULT_SYSTEM}<|im_end|>\n")
    parts += [f"<|im_start|>{m.role}\n{m.content}<|im_end|>\n" for m in messages]
    parts.append(f"<|im_start|>assistant\n{reply_so_far}")
    return "".join(parts)
