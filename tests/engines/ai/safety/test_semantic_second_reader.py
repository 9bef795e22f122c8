"""The semantic layer with a fine-tuned classifier read beside its head: either reader's block
stands, each on its own thresholds; the head alone when the classifier is down or does not fit."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from engines.ai.safety import SafetyPipeline
from engines.ai.safety.semantic import SemanticLayer
from engines.backends import BackendError
from tests.engines.ai.safety.test_semantic import CLASSES, KeywordEmbedder, head


class ScriptedClassifier:
    """A stand-in classifier: "sneaky" lines are hate to it, "iffy" ones half hate, everything
    else harmless."""

    name = "scripted"
    classes: tuple[str, ...] = CLASSES

    def __init__(self, *, fail: bool = False) -> None:
        self.meta: dict[str, Any] = {
            "own": {
                "thresholds": {"input": 0.8, "output": 0.8, "name": 0.8},
                "class_thresholds": {"minors": 0.6},
                "caution": {"input": 0.4},
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
        rows = [
            [0.0, 1.0, 0.0] if "sneaky" in t else [0.5, 0.5, 0.0] if "iffy" in t else [1.0, 0.0, 0.0]
            for t in texts
        ]
        return np.array(rows, dtype=np.float32)


def test_the_classifier_blocks_what_the_head_lets_through() -> None:
    alone = SemanticLayer(KeywordEmbedder(), head())
    classifier = ScriptedClassifier()
    layer = SemanticLayer(KeywordEmbedder(), head(), classifier=classifier)
    assert alone.check(["a sneaky insult"], ["output"]) == [None]
    (hit,) = layer.check(["a sneaky insult"], ["output"])
    assert hit is not None and hit.blocked and hit.category == "hate" and hit.score > 0.99
    assert layer.check(["what a lovely stream"], ["output"]) == [None]
    # The whole pipeline: a semantic block, so the sentence is not spoken.
    pipeline = SafetyPipeline(classifier=None, semantic=layer)
    assert pipeline.check_output("what a sneaky little remark").blocked
    assert pipeline.check_output("what a lovely stream").allowed


def test_a_line_the_head_blocks_is_not_asked_again() -> None:
    classifier = ScriptedClassifier()
    layer = SemanticLayer(KeywordEmbedder(), head(), classifier=classifier)
    hits = layer.check(["well hateword to you", "hello there chat"], ["input", "input"])
    assert hits[0] is not None and hits[0].blocked and hits[1] is None
    assert classifier.calls == [["hello there chat"]]


def test_the_classifiers_caution_applies_where_the_head_has_no_objection() -> None:
    layer = SemanticLayer(KeywordEmbedder(), head(), classifier=ScriptedClassifier())
    (hit,) = layer.check(["that is a rather iffy thing"], ["input"])
    assert hit is not None and not hit.blocked and hit.category == "hate"  # 0.5: caution, not block
    assert layer.check(["that is a rather iffy thing"], ["output"]) == [None]  # no caution on output


def test_a_classifier_with_other_classes_is_not_used(caplog: pytest.LogCaptureFixture) -> None:
    classifier = ScriptedClassifier()
    classifier.classes = ("harmless", "hate")
    layer = SemanticLayer(KeywordEmbedder(), head(), classifier=classifier)
    with caplog.at_level(logging.WARNING):
        assert layer.check(["a sneaky insult"], ["output"]) == [None]
    assert classifier.calls == []
    assert "does not fit the head" in caplog.text


def test_a_failing_classifier_leaves_the_head_reading_alone(caplog: pytest.LogCaptureFixture) -> None:
    classifier = ScriptedClassifier(fail=True)
    layer = SemanticLayer(KeywordEmbedder(), head(), classifier=classifier)
    with caplog.at_level(logging.ERROR):
        assert layer.check(["a sneaky insult"], ["output"]) == [None]
        (hit,) = layer.check(["well hateword to you"], ["output"])
        assert layer.check(["another sneaky one"], ["output"]) == [None]
    assert hit is not None and hit.blocked and hit.category == "hate"
    assert len(classifier.calls) == 1  # off after the first failure, not retried per line
    assert "the safety classifier is off" in caplog.text and "boom" in caplog.text
