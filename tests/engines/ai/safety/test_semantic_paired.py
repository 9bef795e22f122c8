"""The semantic layer with a fine-tuned classifier read beside its head: the mean of the two,
judged on the pair's own thresholds; the head alone when the classifier is down or was
calibrated with another head."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from engines.ai.safety.semantic import DEFAULT_HEAD, SemanticLayer
from engines.backends import BackendError
from tests.engines.ai.safety.test_semantic import CLASSES, KeywordEmbedder, head

SHIPPED_SHA = hashlib.sha256(DEFAULT_HEAD.read_bytes()).hexdigest()


class ScriptedClassifier:
    """A stand-in classifier: "sneaky" lines are hate to it, everything else harmless."""

    name = "scripted"
    classes: tuple[str, ...] = CLASSES

    def __init__(self, *, head_sha256: str = SHIPPED_SHA, fail: bool = False, block_at: float = 0.5) -> None:
        self.meta: dict[str, Any] = {
            "paired": {
                "thresholds": {"input": block_at, "output": block_at, "name": block_at},
                "class_thresholds": {"minors": 0.4},
                "caution": {"input": 0.3},
                "head_sha256": head_sha256,
            }
        }
        self.fail = fail
        self.calls: list[list[str]] = []

    def warm(self) -> None:
        pass

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        if self.fail:
            raise BackendError("safety-classifier", "classifying failed: boom")
        rows = [[0.0, 1.0, 0.0] if "sneaky" in t else [1.0, 0.0, 0.0] for t in texts]
        return np.array(rows, dtype=np.float32)


def test_the_pair_catches_what_the_head_alone_lets_through() -> None:
    alone = SemanticLayer(KeywordEmbedder(), head())
    classifier = ScriptedClassifier()
    paired = SemanticLayer(KeywordEmbedder(), head(), classifier=classifier)
    # The head reads "sneaky" as harmless (about 0.005 hostile); the classifier as hate (1.0).
    assert alone.check(["a sneaky insult"], ["output"]) == [None]
    (hit,) = paired.check(["a sneaky insult"], ["output"])
    assert hit is not None and hit.blocked and hit.category == "hate"
    assert 0.45 < hit.score < 0.55  # the mean of the two, judged at the pair's 0.5
    assert paired.check(["what a lovely stream"], ["output"]) == [None]
    assert classifier.calls == [["a sneaky insult"], ["what a lovely stream"]]


def test_the_pair_is_judged_on_its_own_thresholds_not_the_heads() -> None:
    # The head alone blocks at 0.9; both readers agreeing on hate gives ~1.0 either way, but a
    # line only the head calls hate gives ~0.5: under the pair's 0.6 it passes.
    paired = SemanticLayer(KeywordEmbedder(), head(), classifier=ScriptedClassifier(block_at=0.6))
    (hit,) = paired.check(["well hateword to you"], ["input"])
    assert hit is not None and not hit.blocked  # a caution: above the pair's 0.3, below 0.6
    both = paired.check(["sneaky hateword"], ["input"])[0]
    assert both is not None and both.blocked


def test_a_classifier_calibrated_with_another_head_is_not_used(caplog: pytest.LogCaptureFixture) -> None:
    classifier = ScriptedClassifier(head_sha256="0" * 64)
    layer = SemanticLayer(KeywordEmbedder(), head(), classifier=classifier)
    with caplog.at_level(logging.WARNING):
        assert layer.check(["a sneaky insult"], ["output"]) == [None]
        (hit,) = layer.check(["well hateword to you"], ["output"])
    assert hit is not None and hit.blocked and hit.score > 0.9  # the head's own verdict
    assert classifier.calls == []
    assert "calibrated with another head" in caplog.text


def test_a_failing_classifier_leaves_the_head_reading_alone(caplog: pytest.LogCaptureFixture) -> None:
    classifier = ScriptedClassifier(fail=True)
    layer = SemanticLayer(KeywordEmbedder(), head(), classifier=classifier)
    with caplog.at_level(logging.ERROR):
        (hit,) = layer.check(["well hateword to you"], ["output"])
        assert layer.check(["well hateword again"], ["output"])[0] is not None
    assert hit is not None and hit.blocked and hit.category == "hate"
    assert len(classifier.calls) == 1  # off after the first failure, not retried per line
    assert "the safety classifier is off" in caplog.text and "boom" in caplog.text


def test_a_line_the_head_finds_plainly_harmless_is_not_asked() -> None:
    classifier = ScriptedClassifier(block_at=0.8)
    classifier.meta["paired"]["class_thresholds"] = {"minors": 0.8}
    classifier.meta["paired"]["caution"] = {"input": 0.7}
    layer = SemanticLayer(KeywordEmbedder(), head(), classifier=classifier)
    # The head: ~0.005 hostile; even a classifier sure of hate would give a mean of ~0.50.
    assert layer.check(["what a lovely stream", "a sneaky insult"], ["input", "output"]) == [None, None]
    assert classifier.calls == []
    # The head leaning hostile (~0.995): the classifier is asked, and its "harmless" halves it.
    (hit,) = layer.check(["well hateword to you"], ["input"])
    assert classifier.calls == [["well hateword to you"]]
    assert hit is None  # ~0.50: under the pair's caution (0.7) and block (0.8) thresholds
