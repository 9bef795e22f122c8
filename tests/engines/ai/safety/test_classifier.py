"""Layer 5: the offline classifier and the context it is given."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

from engines.ai.safety.classifier import (
    Classifier,
    ProfanityCheckClassifier,
    _LinearScorer,
    classifier_text,
    default_classifier,
)
from engines.ai.safety.normalize import normalize


def test_is_a_classifier() -> None:
    assert isinstance(ProfanityCheckClassifier(), Classifier)
    assert default_classifier() is default_classifier()


def test_fast_scorer_matches_the_package_exactly(pipeline: Any) -> None:
    from profanity_check import predict_prob

    texts = [
        "that boss killed me",
        "you are a stupid idiot",
        "",
        "zzzz qqq",
        "fuck fuck you shit",
        "hello there friend",
        "Ich liebe die Musik",
        "the quick brown fox jumps over the lazy dog " * 5,
    ]
    clf = default_classifier()
    clf.load()
    assert clf._scorer is not None, "profanity_check's model changed shape: fast path disabled"
    ours = clf.scores(texts)
    theirs = [float(p) for p in predict_prob(texts)]
    assert ours == pytest.approx(theirs, abs=1e-9)
    assert clf.scores([]) == []


def test_unexpected_model_shape_falls_back() -> None:
    class Vectorizer:
        def get_params(self) -> dict[str, Any]:
            return {"analyzer": "char"}

    assert _LinearScorer.from_sklearn(Vectorizer(), object()) is None
    assert _LinearScorer.from_sklearn(object(), object()) is None


def test_fallback_uses_predict_prob(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_pc = types.ModuleType("profanity_check.profanity_check")
    fake_pc.vectorizer = object()  # type: ignore[attr-defined]
    fake_pc.model = object()  # type: ignore[attr-defined]
    fake_pc.predict_prob = lambda texts: [0.25 for _ in texts]  # type: ignore[attr-defined]
    fake_pkg = types.ModuleType("profanity_check")
    fake_pkg.profanity_check = fake_pc  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "profanity_check", fake_pkg)
    monkeypatch.setitem(sys.modules, "profanity_check.profanity_check", fake_pc)
    clf = ProfanityCheckClassifier()
    assert not clf.loaded
    assert clf.scores(["a", "b"]) == [0.25, 0.25]
    assert clf.loaded


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("kill the dragon", "the dragon"),
        ("that boss killed me", "that boss me"),
        ("shoot him in the head", "him in the head"),
        ("i will kill you", "i will kill you"),  # aimed at a person: kept
        ("holy shit that was insane", "that was"),
        ("shit you suck", "shit you suck"),  # exclamation next to 'you': kept
        ("fuck that boss honestly", "that boss honestly"),
        ("fuck this streamer", "fuck this streamer"),
        ("Ich liebe die Musik", "ich liebe musik"),
    ],
)
def test_classifier_text_drops_harmless_context(text: str, kept: str) -> None:
    assert classifier_text(normalize(text).tokens) == kept


@pytest.mark.parametrize(
    "text",
    ["that boss killed me", "shoot him in the head", "holy shit that was insane", "this game is sick"],
)
def test_gaming_lines_score_low_after_context(pipeline: Any, text: str) -> None:
    assert pipeline.check_input(text).allowed


@pytest.mark.parametrize("text", ["you are a stupid idiot", "your mom is a whore", "you suck so much"])
def test_insults_score_high(pipeline: Any, text: str) -> None:
    decision = pipeline.check_input(text)
    assert decision.blocked
    assert decision.score is None or decision.score >= pipeline.classifier_threshold
