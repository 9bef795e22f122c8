"""Names: joined words are split, and names that only sound bad read aloud are caught."""

from __future__ import annotations

import pytest

from engines.ai.safety import SafetyPipeline
from engines.ai.safety.names import is_prank_name
from engines.ai.safety.normalize import split_name


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("KillAllJews1488", "Kill All Jews 1488"),
        ("xX_DarkLord99_Xx", "x X Dark Lord 99 Xx"),
        ("k1ll_y0u", "k1ll y0u"),  # leetspeak digits stay inside the word
    ],
)
def test_joined_names_are_split(name: str, words: str) -> None:
    assert split_name(name) == words


@pytest.mark.parametrize(
    "name", ["MikeHunt", "Myke_Hunnt", "mike-hunt99", "HughJass", "BenDover_", "Ph1l_McCracken"]
)
def test_names_that_sound_bad_aloud(name: str) -> None:
    assert is_prank_name(name)
    assert not SafetyPipeline(classifier=None).check_name(name)


@pytest.mark.parametrize(
    "name", ["Mike", "Hunter2", "MichaelHunt", "therapist_anna", "VegasTheBest", "Benjamin"]
)
def test_ordinary_names_pass(name: str) -> None:
    assert not is_prank_name(name)
