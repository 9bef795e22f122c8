"""Reading an early transcript for the end of the streamer's turn."""

from __future__ import annotations

import pytest

from engines.voice.turn_end import sounds_finished
from engines.voice.vad import Endpointer


@pytest.mark.parametrize(
    "text",
    [
        "What game is this?",
        "Hiyori, say hello to the new followers.",
        "That was amazing!",
        ' Okay, "let\'s go."',
        "Hiyori, if we win this fight, can we take a short break?",
        "When does the stream start?",
        "I stayed up late because the raid was fun.",
        "If we win, we rest.",
    ],
)
def test_a_finished_sentence_or_question(text: str) -> None:
    assert sounds_finished(text)


@pytest.mark.parametrize(
    "text",
    [
        "I was playing and.", "So what do you think so?", "Hiyori, um.", "It was fine, but.",
        "We lost because.", "Can you tell me about...", "Can you tell me about the", "Well, I think,",
        "what do you think about", "Hiyori.", "", "I wonder\u2026", "Tell me about.",
        "Hiyori, if we win this fight.", "When the boss comes back.", "Okay. Because the map is big.",
        "Oh, once we get the sword.",
    ],
)  # fmt: skip
def test_a_trailing_conjunction_filler_or_open_clause_waits(text: str) -> None:
    assert not sounds_finished(text)


def test_the_endpointer_ends_an_utterance_when_told() -> None:
    ep = Endpointer(16000, 512)
    frame = bytes(1024)
    assert ep.end_now() is None  # nothing in progress
    for _ in range(10):
        ep.push(frame, 0.9)
    for _ in range(3):
        ep.push(frame, 0.0)
    utterance = ep.end_now()
    assert utterance is not None and utterance.reason == "silence"
    assert utterance.end_s == pytest.approx(10 * 0.032) and ep.state == "idle"
