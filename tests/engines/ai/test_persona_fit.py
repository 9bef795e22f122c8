"""A persona's whole prompt against the model's context window."""

from __future__ import annotations

from config.persona import Example, load_persona
from engines.ai.context import ContextBuilder, approx_tokens
from engines.ai.persona_fit import MESSAGE_TOKENS, prompt_fit

HIYORI = load_persona("hiyori")


def prefix_tokens(context: ContextBuilder) -> int:
    """The system prompt and the examples, each example message with its template marks."""
    return approx_tokens(context.system) + sum(approx_tokens(m.content) + 4 for m in context.examples)


def test_the_bundled_persona_fits_the_bundled_models_context() -> None:
    fit = prompt_fit(HIYORI, context_tokens=2_048, history_tokens=0, memory_tokens=120)
    assert fit.fits
    assert (
        fit.system_tokens
        == prefix_tokens(ContextBuilder(HIYORI))
        > approx_tokens(ContextBuilder(HIYORI).system)
    )
    assert fit.needed == fit.system_tokens + 120 + MESSAGE_TOKENS + HIYORI.max_reply_tokens


def test_too_many_style_rules_do_not_fit_and_the_reason_names_them() -> None:
    rules = tuple(
        "Speak like a pirate captain who has sailed the seven seas for decades. " * 4 for _ in range(40)
    )
    big = HIYORI.model_copy(update={"style_rules": rules})
    fit = prompt_fit(big, context_tokens=2_048, history_tokens=600)
    assert not fit.fits and fit.biggest_field == "style_rules"
    assert "context holds 2,048" in fit.reason() and "style rules" in fit.reason()
    assert prompt_fit(big, context_tokens=16_384, history_tokens=600).fits


def test_history_and_the_reply_count_too() -> None:
    tight = prefix_tokens(ContextBuilder(HIYORI)) + MESSAGE_TOKENS + HIYORI.max_reply_tokens
    assert prompt_fit(HIYORI, context_tokens=tight).fits
    assert not prompt_fit(HIYORI, context_tokens=tight, history_tokens=1).fits


def test_long_examples_are_named_as_what_to_cut() -> None:
    long = Example(viewer="Sam", says="tell me everything " * 15, reply="Well, where do I begin. " * 12)
    big = HIYORI.model_copy(update={"examples": (long,) * 8})
    fit = prompt_fit(big, context_tokens=1_024)
    assert fit.biggest_field == "examples" and not fit.fits
