"""Reading a transcript: was the character named, is it more than "mm", what is a noise tag."""

from __future__ import annotations

import pytest

from engines.voice.addressing import has_real_words, names_character, only_fillers, strip_noise_tags

NAMES = ("Hiyori", "hiyo", "hiyori-chan")


@pytest.mark.parametrize(
    "text",
    [
        "Hiyori, what do you think?",
        "hey hiyori!",
        "HIYORI look at this",
        "Hiyory, say hi",  # one letter off, as speech recognition spells names
        "Hi-yori, come on",
        "hi yori, you there?",
        "hiyo!",
        "Hiyori-chan, hello",
        "hiyorichan is cute",
    ],
)
def test_the_name_or_an_alias_is_heard(text: str) -> None:
    assert names_character(text, NAMES)


@pytest.mark.parametrize(
    "text",
    ["Okay chat, let's go", "He worried about it", "that was history", "hiya everyone", "Hayato is here", ""],
)
def test_other_speech_does_not_name_the_character(text: str) -> None:
    assert not names_character(text, NAMES)


def test_short_names_must_match_exactly() -> None:
    assert names_character("ok Mia, go", ["Mia"])
    assert not names_character("ok Mira, go", ["Mia"])


@pytest.mark.parametrize(
    ("text", "real", "fillers"),
    [
        ("mm", False, True),
        ("Mm-hmm.", False, True),
        ("uh, um", False, True),
        ("(coughs)", False, True),
        ("[BLANK_AUDIO]", False, True),
        ("Yeah.", False, False),
        ("okay, wow", False, False),
        ("wait", True, False),
        ("Stop!", True, False),
        ("uh, hold on", True, False),
        ("oo-", False, True),
        ("Mmmmm.", False, True),
        ("Ummm, uhh", False, True),
        ("Ooooh!", False, False),
        ("Nooo!", True, False),
    ],
)
def test_fillers_backchannels_and_real_words(text: str, real: bool, fillers: bool) -> None:
    assert has_real_words(text) is real
    assert only_fillers(text) is fillers


def test_noise_tags_are_removed() -> None:
    assert strip_noise_tags(" (laughs) Okay [Music] chat *coughs* let's go ♪ ") == "Okay chat let's go"
