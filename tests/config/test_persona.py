"""The persona's sample exchanges: validated like every other field."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from config.persona import Example, Persona, load_persona

HIYORI = load_persona("hiyori")


def with_examples(*examples: dict[str, str]) -> Persona:
    return Persona.model_validate({**HIYORI.model_dump(), "examples": list(examples)})


def test_the_bundled_persona_has_examples_whose_tags_are_its_emotions() -> None:
    assert 1 <= len(HIYORI.examples) <= 8
    assert all(isinstance(e, Example) and e.reply.strip() for e in HIYORI.examples)


def test_an_example_may_start_with_one_of_the_personas_emotions() -> None:
    p = with_examples({"viewer": "Sam", "says": "hi", "reply": "[smug] Hi, Sam."})
    assert p.examples[0].reply == "[smug] Hi, Sam."


@pytest.mark.parametrize(
    ("example", "field"),
    [
        ({"viewer": "Sam", "says": "hi", "reply": "[furious] Hi."}, "emotion tags not in the set: furious"),
        ({"viewer": "Sam Smith", "says": "hi", "reply": "Hi."}, "viewer"),
        ({"viewer": "Sam", "says": "", "reply": "Hi."}, "says"),
        ({"viewer": "Sam", "says": "hi", "reply": ""}, "reply"),
        ({"viewer": "Sam", "says": "hi"}, "reply"),
        ({"viewer": "Sam", "says": "hi", "reply": "Hi.", "role": "system"}, "role"),
    ],
)
def test_a_bad_example_is_refused_with_its_reason(example: dict[str, str], field: str) -> None:
    with pytest.raises(ValidationError, match=field):
        with_examples(example)


def test_at_most_eight_examples() -> None:
    one = {"viewer": "Sam", "says": "hi", "reply": "Hi."}
    assert len(with_examples(*[one] * 8).examples) == 8
    with pytest.raises(ValidationError, match="at most 8"):
        with_examples(*[one] * 9)
