"""The reply splitter releases a piece on the token that closes it, where the text allows."""

from __future__ import annotations

import pytest

from engines.ai.reply_stage import REPLY_SPLITTER
from engines.ai.sentences import SentenceSplitter, SplitterConfig


def releases(tokens: list[str], config: SplitterConfig = REPLY_SPLITTER) -> list[list[str]]:
    """What each token released, then what the flush gave."""
    splitter = SentenceSplitter(config)
    return [splitter.feed(t) for t in tokens] + [splitter.flush()]


@pytest.mark.parametrize(
    ("tokens", "first"),
    [
        (["Oh", " hi", " there", ",", " More"], "Oh hi there,"),
        (["Oh", " hi", " there", ", ", "More"], "Oh hi there,"),
        (["Oh", " hi", ";", " More"], "Oh hi;"),
        (["That", " is", " great", ".", " More"], "That is great."),
        (["That", " is", " great", "!", " More"], "That is great!"),
        (["Is", " it", " fun", "?", " More"], "Is it fun?"),
        (["Is", " it", " fun", "?!", " More"], "Is it fun?!"),
        (["I", " said", ' "', "hi", '."', " More"], 'I said "hi."'),
        (["[happy]", " Hi", " there", "!", " More"], "[happy] Hi there!"),
        (["Oh", ",", " More"], "Oh,"),  # a first clause of one word goes alone
        (["M", "ika", ",", " More"], "Mika,"),
    ],
)
def test_a_closing_token_releases_its_piece_at_once(tokens: list[str], first: str) -> None:
    out = releases(tokens)
    assert out[len(tokens) - 2] == [first]  # on the closing token itself, not one token later
    assert out[-2:] == [[], ["More"]]


def test_without_the_option_the_next_token_releases_it() -> None:
    out = releases(["Oh", " hi", " there", ",", " welcome"], SplitterConfig(first_clause_min_words=2))
    assert out[3] == [] and out[4] == ["Oh hi there,"]


def test_with_two_words_a_first_clause_of_one_waits() -> None:
    two = SplitterConfig(first_clause_min_words=2, release_on_token=True)
    assert releases(["Oh", ",", " hi", " there", "!"], two)[:-1] == [[], [], [], [], ["Oh, hi there!"]]


@pytest.mark.parametrize(
    "tokens",
    [
        ["It", " costs", " 3", "."],  # 3.14 may follow
        ["It", " is", " 3", ","],  # 3,5 / 1,000 may follow
        ["I", " met", " Mr", "."],
        ["Use", " tools", " e", ".", "g", "."],  # e.g.
        ["Bring", " snacks", " etc", "."],  # ends only before a capital
        ["It", " is", " No", "."],  # "No. 5"
        ["By", " J", "."],  # initials
        ["Well", "..."],  # an ellipsis goes on before a lowercase word
        ["Well", "\u2026"],
        ["He", " said", ' "', "Really", '?"'],  # '"Really?" she said.'
    ],
)
def test_the_text_does_not_allow_a_release_yet(tokens: list[str]) -> None:
    assert releases(tokens)[:-1] == [[] for _ in tokens]


def test_an_ellipsis_still_waits_for_the_next_word() -> None:
    assert releases(["Well", "...", " maybe", " not", "."])[:4] == [[], [], [], []]
    assert releases(["Well", "...", " Anyway", ","])[2] == ["Well..."]


def test_only_the_first_chunk_is_cut_at_a_comma() -> None:
    out = releases(["Hi", " all", ",", " this", " is", " fun", ",", " really", "."])
    assert out[2] == ["Hi all,"] and out[6] == [] and out[8] == ["this is fun, really."]


def test_marks_that_finish_a_released_piece_are_dropped() -> None:
    out = releases(["Really", "?", "!", " Wow", "."])
    assert out[1] == ["Really?"] and out[-2:] == [["Wow."], []]
    assert releases(["Well", ".", " ..", " maybe", "."])[-2:] == [["maybe."], []]
    assert releases(["Fine", ".", "."]) == [[], ["Fine."], [], []]


def test_after_a_release_the_next_sentence_is_whole() -> None:
    tokens = ["Oh", " hi", " there", ",", " welcome", " to", " the", " stream", "!", " I", " love", " it", "."]  # fmt: skip
    assert [s for got in releases(tokens) for s in got] == [
        "Oh hi there,", "welcome to the stream!", "I love it.",
    ]  # fmt: skip
