"""The safety head trainer's seeded networks: several side by side are one head whose logits are
their mean, in the file format the bot already reads."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]


def _trainer():
    spec = importlib.util.spec_from_file_location(
        "train_safety_head", ROOT / "tools" / "train_safety_head.py"
    )
    assert spec is not None and spec.loader is not None
    trainer = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_safety_head", trainer)
    spec.loader.exec_module(trainer)
    return trainer


def _logits(head, vectors: np.ndarray, texts: list[str], units: slice) -> np.ndarray:
    from engines.ai.safety.semantic import ngram_features

    hidden = (vectors * head.embedding_scale) @ head.weight[:, units] + head.bias[units]
    hidden = hidden + np.asarray(
        ngram_features(texts, head.idf, head.char_features) @ head.ngram_weight[:, units]
    )
    return np.maximum(hidden, 0.0) @ head.out_weight[units]


def test_seeded_networks_average_their_logits() -> None:
    trainer = _trainer()
    rng = np.random.default_rng(3)
    texts = ["gg well played", "you are trash kys", "love the stream", "send nudes now"] * 6
    x = rng.normal(size=(len(texts), 8)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    y = np.array([0, 2, 0, 3] * 6)  # three classes: a two-class network has one output
    shape = trainer.Shape(hidden=4, iterations=5, char_features=2**8, word_features=2**6)
    one = trainer.fit(texts, x, y, shape)
    two = trainer.fit(texts, x, y, trainer.Shape(**{**shape.__dict__, "seeds": 2}))

    assert two.weight.shape == (8, 8) and two.out_weight.shape == (8, len(trainer.CLASSES))
    # the first network is seed 0, the single head's own
    np.testing.assert_allclose(two.weight[:, :4], one.weight)
    np.testing.assert_allclose(two.out_weight[:4] * 2, one.out_weight, rtol=1e-6)
    mean = (_logits(two, x, texts, slice(0, 4)) + _logits(two, x, texts, slice(4, 8))) + two.out_bias
    expected = np.exp(mean - mean.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(two.probabilities(x, texts), expected, rtol=1e-4, atol=1e-6)
    # and the first half alone, undivided, is the single head
    alone = _logits(two, x, texts, slice(0, 4)) * 2 + one.out_bias
    np.testing.assert_allclose(
        alone, _logits(one, x, texts, slice(0, 4)) + one.out_bias, rtol=1e-4, atol=1e-5
    )
