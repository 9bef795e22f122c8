"""Does a persona's whole prompt fit the model's context window?

A turn's prompt is the persona's system prompt (its text, style rules, banned topics and the
emotion tags, :meth:`ContextBuilder._system_prompt`), the recent conversation, what long-term
memory recalled, the viewer's message, and room for the reply. A persona whose prompt does not
fit gets replies that end with no words, so the dashboard refuses to save it and the bot refuses
to run it, both with :meth:`PromptFit.reason`. Token counts are the same estimate the context
builder trims history with (:func:`approx_tokens`).
"""

from __future__ import annotations

from dataclasses import dataclass

from config.persona import Persona
from engines.ai.context import ContextBuilder, approx_tokens

MESSAGE_TOKENS = 200
"""Room for the viewer's message, the stream line and the framing around them."""


@dataclass(frozen=True, slots=True)
class PromptFit:
    """The estimated prompt of one persona against a context window."""

    context_tokens: int
    system_tokens: int
    other_tokens: int
    """History, recalled memory, the viewer's message and the reply's room."""
    biggest_field: str
    """The persona field that takes the most of the system prompt (where to cut)."""

    @property
    def needed(self) -> int:
        return self.system_tokens + self.other_tokens

    @property
    def fits(self) -> bool:
        return self.needed <= self.context_tokens

    def reason(self) -> str:
        return (
            f"the prompt needs about {self.needed:,} tokens but the model's context holds "
            f"{self.context_tokens:,} (this persona's system prompt alone is about {self.system_tokens:,}; "
            f"the most is in {self.biggest_field.replace('_', ' ')})"
        )


def prompt_fit(
    persona: Persona, *, context_tokens: int, history_tokens: int = 0, memory_tokens: int = 0
) -> PromptFit:
    """The estimate for ``persona`` on a model with ``context_tokens``, with ``history_tokens`` of
    recent conversation and ``memory_tokens`` of recalled memory in each turn."""
    context = ContextBuilder(persona)
    examples = sum(approx_tokens(m.content) + 4 for m in context.examples)  # + the chat template's marks
    fields = {
        "examples": examples,
        "system_prompt": approx_tokens(persona.system_prompt),
        "style_rules": sum(approx_tokens(r) + 1 for r in persona.style_rules),
        "banned_topics": sum(approx_tokens(t) for t in persona.banned_topics),
        "emotions": sum(approx_tokens(e) for e in persona.emotions),
    }
    other = history_tokens + memory_tokens + MESSAGE_TOKENS + persona.max_reply_tokens
    return PromptFit(
        context_tokens, approx_tokens(context.system) + examples, other, max(fields, key=lambda k: fields[k])
    )
