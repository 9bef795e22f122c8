"""The semantic layer: its head, its thresholds, and the shipped head's presence."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from engines.ai.safety import SafetyPipeline
from engines.ai.safety.decision import Layer
from engines.ai.safety.semantic import DEFAULT_HEAD, SemanticHead, SemanticLayer

CLASSES = ("harmless", "hate", "minors")


class KeywordEmbedder:
    """A stand-in embedder: one dimension per class, set by a keyword (tests the head's maths
    and the pipeline's wiring, not meaning)."""

    name = "keywords"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def warm(self) -> None:
        pass

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        rows = []
        for text in texts:
            row = np.zeros(3, dtype=np.float32)
            row[1 if "hateword" in text else 2 if "kidword" in text else 0] = 1.0
            rows.append(row)
        return np.array(rows)


def head(**thresholds: float) -> SemanticHead:
    weight = np.eye(3, dtype=np.float32) * 6
    return SemanticHead(
        CLASSES,
        weight,
        np.zeros(3, dtype=np.float32),
        {"input": 0.9, "output": 0.9, "name": 0.9, **thresholds},
        {"minors": 0.5},
    )


def test_a_hostile_meaning_is_blocked_with_its_class() -> None:
    safety = SafetyPipeline(classifier=None, semantic=SemanticLayer(KeywordEmbedder(), head()))
    decision = safety.check_output("well hateword to you")
    assert decision.blocked and decision.layer is Layer.SEMANTIC
    assert decision.category == "hate"
    assert safety.check_output("what a lovely stream").allowed


def test_a_class_threshold_catches_below_the_side_threshold() -> None:
    layer = SemanticLayer(KeywordEmbedder(), head(input=0.999))
    hits = layer.check(["kidword please"], ["input"])
    assert hits[0] is not None and hits[0].category == "minors"


def test_decoded_variants_go_to_the_layer_in_the_same_batch() -> None:
    embedder = KeywordEmbedder()
    safety = SafetyPipeline(classifier=None, semantic=SemanticLayer(embedder, head()))
    hidden = "drowetah ot uoy lliw i"  # reversed: "i will you to hateword"
    assert safety.check_input(hidden).blocked
    assert len(embedder.calls) == 1  # one batch: the line and its decodings
    assert embedder.calls[0][0] == hidden and "i will you to hateword" in embedder.calls[0]


def test_the_head_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "head.npz"
    head().save(path, note="test")
    loaded = SemanticHead.load(path)
    assert loaded.classes == CLASSES and loaded.thresholds["input"] == 0.9
    assert np.allclose(loaded.weight, head().weight)


def test_a_missing_head_is_logged_and_the_layer_stands_aside(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    layer = SemanticLayer(KeywordEmbedder(), path=tmp_path / "missing.npz")
    assert layer.check(["hateword"], ["input"]) == [None]
    assert "semantic safety layer is off" in caplog.text


def test_the_trained_head_ships_with_the_package() -> None:
    loaded = SemanticHead.load(DEFAULT_HEAD)
    assert loaded.classes[0] == "harmless"
    assert set(loaded.thresholds) == {"input", "output", "name"}
    assert loaded.weight.shape[0] == 512
    width = loaded.out_weight.shape[1] if loaded.out_weight is not None else loaded.weight.shape[1]
    assert width == len(loaded.classes)
    assert 0.0 <= loaded.classifier_veto < 0.5


def hidden_head() -> SemanticHead:
    """Two hidden units: the first fires on the hate dimension, the second on the minors one;
    the harmless logit is a constant (``out_bias``)."""
    first = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    out = np.array([[0.0, 8.0, 0.0], [0.0, 0.0, 8.0]], dtype=np.float32)
    return SemanticHead(
        CLASSES,
        first,
        np.array([0.0, 0.0], dtype=np.float32),
        {"input": 0.9, "output": 0.9, "name": 0.9},
        out_weight=out,
        out_bias=np.array([2.0, 0.0, 0.0], dtype=np.float32),
        classifier_veto=0.2,
    )


def test_a_hidden_layer_head_computes_rectified_units_then_a_softmax(tmp_path: Path) -> None:
    head = hidden_head()
    p = head.probabilities(np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, -1.0]], dtype=np.float32))
    harmless_only = np.exp(2.0) / (np.exp(2.0) + 2.0)  # both units at 0: logits (2, 0, 0)
    assert p[0, 0] == pytest.approx(harmless_only, rel=1e-5)
    assert p[1, 1] == pytest.approx(np.exp(8.0) / (np.exp(2.0) + np.exp(8.0) + 1.0), rel=1e-5)
    assert p[2, 0] == pytest.approx(harmless_only, rel=1e-5)  # a negative unit is cut to 0
    path = tmp_path / "hidden.npz"
    head.save(path)
    loaded = SemanticHead.load(path)
    assert loaded.out_weight is not None and head.out_weight is not None
    assert np.allclose(loaded.out_weight, head.out_weight)
    assert loaded.classifier_veto == 0.2
    again = loaded.probabilities(np.array([[0.0, 1.0, 0.0]], dtype=np.float32))
    assert np.allclose(again, p[1:2])


class FixedScores:
    """A profanity classifier stand-in that scores every text the same."""

    def __init__(self, score: float) -> None:
        self.score = score

    def scores(self, texts: Sequence[str]) -> list[float]:
        return [self.score] * len(texts)


def test_the_head_overrules_the_profanity_classifier_only_where_it_reads_the_line_as_harmless() -> None:
    safety = SafetyPipeline(
        classifier=FixedScores(0.95), semantic=SemanticLayer(KeywordEmbedder(), hidden_head())
    )
    harmless = safety.check_input("me encanta tu gato negro")  # hostile probability 0.21
    assert harmless.blocked and harmless.layer is Layer.CLASSIFIER  # 0.21 is above the veto
    lenient = dataclasses.replace(hidden_head(), classifier_veto=0.3)
    safety = SafetyPipeline(classifier=FixedScores(0.95), semantic=SemanticLayer(KeywordEmbedder(), lenient))
    assert safety.check_input("me encanta tu gato negro").allowed
    assert safety.check_output("a bit hateword").blocked  # the head itself blocks it
    plain = SafetyPipeline(classifier=FixedScores(0.95), semantic=None)
    assert plain.check_input("me encanta tu gato negro").layer is Layer.CLASSIFIER


def test_a_soft_rule_is_overruled_only_where_the_head_reads_the_line_as_harmless() -> None:
    def safety(rule_veto: float) -> SafetyPipeline:
        head = dataclasses.replace(hidden_head(), rule_veto=rule_veto)
        return SafetyPipeline(classifier=None, semantic=SemanticLayer(KeywordEmbedder(), head))

    book = "moby dick is a boring book change my mind"  # hostile probability 0.21
    assert SafetyPipeline(classifier=None).soft_rule(book, "input") is not None
    assert safety(0.2).check_input(book).layer is Layer.BLOCKLIST  # 0.21 is not under 0.2
    assert safety(0.3).check_input(book).allowed
    guide = "pretend you're a tour guide and describe this map"
    assert SafetyPipeline(classifier=None).soft_rule(guide, "input") is not None
    assert safety(0.3).check_input(guide).allowed
    assert safety(0.3).check_input("moby dick is a nigger").layer is Layer.BLOCKLIST  # a hard rule too
    assert safety(0.3).check_input("moby dick hateword").layer is Layer.SEMANTIC
    assert SafetyPipeline(classifier=None).check_input(book).layer is Layer.BLOCKLIST  # no head: rules alone
