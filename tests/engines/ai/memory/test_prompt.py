"""The notes' framing read aloud counts as an echo of the prompt; using what they say does not."""

from __future__ import annotations

import pytest

from engines.ai.context import echoes_prompt


@pytest.mark.parametrize(
    "sentence",
    [
        "You remember LunarLatte:",
        "You remembered LunarLatte: last asked: 'Will you remember me next stream?'",
        "last asked: 'Hiyori did you miss us?'",
        "You know: Lore > The Shop: The Crater Cup.",
        "Earlier on stream: Sam raided with 42 viewers.",
    ],
)
def test_reading_the_notes_framing_aloud_is_an_echo(sentence: str) -> None:
    assert echoes_prompt(sentence, "Sam says: hi")


@pytest.mark.parametrize(
    "sentence",
    [
        "Welcome back, Sam! Did Mochi get over the cold?",
        "I remember you play Hollow Knight!",
        "You know what, yes.",
    ],
)
def test_using_what_the_notes_say_is_not(sentence: str) -> None:
    assert not echoes_prompt(sentence, "Sam says: hi")
