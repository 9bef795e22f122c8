"""The shipped fine-tuned classifier: it loads offline, reads meaning, pairs with the shipped
head, and a broken install is a clear ``BackendError``."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from config.settings import Settings
from engines.ai.safety.semantic import DEFAULT_HEAD, SemanticLayer
from engines.backends import BackendError
from integrations.registry import build_safety
from integrations.safety_classifier import DEFAULT_DIR, MiniLMClassifier
from integrations.sentence_encoder import USEEmbedder


@pytest.fixture(scope="module")
def classifier() -> MiniLMClassifier:
    return MiniLMClassifier()


def test_the_classifier_ships_with_the_package() -> None:
    for name in ("model.int8.onnx", "tokenizer.json", "meta.json"):
        assert (DEFAULT_DIR / name).is_file(), name
    assert (DEFAULT_DIR / "model.int8.onnx").stat().st_size < 40 * 1024 * 1024


def test_probabilities_are_one_row_per_text_over_the_heads_classes(classifier: MiniLMClassifier) -> None:
    p = classifier.probabilities(
        ["hi chat, how is everyone doing", "i will find where you live and hurt you", "ok"]
    )
    assert p.shape == (3, len(classifier.classes)) and p.dtype == np.float32
    assert np.allclose(p.sum(axis=1), 1.0, atol=1e-4)
    assert classifier.classes[0] == "harmless"
    assert p[0, 0] > 0.9  # a greeting
    assert 1.0 - p[1, 0] > 0.9  # a threat
    assert classifier.probabilities([]).shape == (0, len(classifier.classes))


def test_a_batch_reads_each_line_as_it_reads_it_alone(classifier: MiniLMClassifier) -> None:
    lines = ["gg that boss fight was brutal", "you should kill yourself, nobody would miss you"]
    together = classifier.probabilities(lines)
    apart = np.vstack([classifier.probabilities([line]) for line in lines])
    assert np.allclose(together, apart, atol=1e-3)  # padding does not leak into the pooling


def test_it_fits_the_shipped_head() -> None:
    layer = SemanticLayer(USEEmbedder(cache_size=0), path=DEFAULT_HEAD, classifier=MiniLMClassifier())
    assert layer.second is not None
    assert layer.check(["what game are we playing today?"], ["input"]) == [None]


def test_the_registry_reads_it_beside_the_head_unless_turned_off() -> None:
    on = build_safety(Settings())
    off = build_safety(Settings.model_validate({"safety": {"fine_tuned": False}}))
    assert on.semantic is not None and isinstance(on.semantic.classifier, MiniLMClassifier)
    assert off.semantic is not None and off.semantic.classifier is None


def test_a_broken_install_is_a_backend_error(tmp_path: Path) -> None:
    broken = tmp_path / "classifier"
    broken.mkdir()
    shutil.copy(DEFAULT_DIR / "meta.json", broken / "meta.json")
    shutil.copy(DEFAULT_DIR / "tokenizer.json", broken / "tokenizer.json")
    (broken / "model.int8.onnx").write_bytes(b"not a model")
    with pytest.raises(BackendError, match="cannot load the classifier"):
        MiniLMClassifier(broken).probabilities(["hello"])
