"""Validation figures on the prompt suite, and the deploy gate."""

from __future__ import annotations

import pytest

from config.persona import load_persona
from engines.training.validation import (
    SUITE,
    ModelScore,
    Reply,
    adherence,
    deploy_verdict,
    score,
    suite_messages,
)

PERSONA = load_persona("hiyori").model_copy(update={"banned_topics": ("politics",), "max_sentences": 2})


def never(_s: str) -> str | None:
    return None


def test_the_suite_is_rendered_as_the_bots_context_renders_chat() -> None:
    convs = suite_messages(PERSONA)
    assert len(convs) == len(SUITE)
    examples = ["user", "assistant"] * len(PERSONA.examples)  # the persona's sample exchanges, as on air
    assert all([m["role"] for m in c] == ["system", *examples, "user"] for c in convs)
    assert "politics" in convs[0][0]["content"]  # the persona's system prompt, banned topics and all
    assert "mika_plays" in convs[0][-1]["content"] and "how is your day going" in convs[0][-1]["content"]


def test_adherence_checks_length_emotion_tags_and_banned_topics() -> None:
    assert adherence("[happy] Hi there! Nice to see you.", PERSONA) == {
        "length": True,
        "emotion_tags": True,
        "banned_topics": True,
    }
    assert not adherence("One. Two. Three.", PERSONA)["length"]
    assert not adherence("", PERSONA)["length"]
    assert not adherence("[furious] Grr.", PERSONA)["emotion_tags"]
    assert not adherence("Let's talk about Politics today.", PERSONA)["banned_topics"]


def test_score_counts_blocked_replies_sentence_by_sentence_and_first_token_times() -> None:
    def blocked_by(sentence: str) -> str | None:
        return "blocklist" if "darn" in sentence else None

    replies = [
        Reply("[happy] Hello! Fine day.", 100.0),
        Reply("All good. Oh darn it.", 300.0),
        Reply("Politics time.", None),
        Reply("[sad] Bye.", 200.0),
    ]
    got = score(replies, PERSONA, blocked_by, val_loss=1.5)
    assert got.safety_pass_rate == pytest.approx(0.75)
    assert got.blocked == ["", "blocklist", "", ""]
    assert got.adherence == {"length": 1.0, "emotion_tags": 1.0, "banned_topics": 0.75}
    assert got.adherence_rate == pytest.approx(0.75)
    assert got.first_token_p50_ms == 200.0 and got.val_loss == 1.5
    assert got.as_dict()["replies"][1] == "All good. Oh darn it."


def test_a_less_safe_candidate_cannot_be_deployed() -> None:
    def at(rate: float) -> ModelScore:
        return ModelScore(safety_pass_rate=rate, adherence_rate=1, adherence={}, first_token_p50_ms=None)

    assert deploy_verdict(at(0.9), at(0.9)) == (True, "")
    assert deploy_verdict(at(1.0), at(0.9)) == (True, "")
    ok, why = deploy_verdict(at(10 / 12), at(11 / 12))
    assert not ok and why == "safety pass rate fell from 92% to 83%"
