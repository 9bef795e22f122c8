"""The bundled sentence encoder: vectors, and the cache of the last texts shared by safety and
memory (a chat line's input check embeds the text its recall embeds next)."""

from __future__ import annotations

import numpy as np
import pytest

from config.settings import Settings
from integrations.registry import build_safety
from integrations.sentence_encoder.use import DIMENSIONS, USEEmbedder


@pytest.fixture(scope="module")
def embedder() -> USEEmbedder:
    e = USEEmbedder(cache_size=3)
    e.warm()
    return e


def test_cached_vectors_equal_fresh_ones(embedder: USEEmbedder) -> None:
    plain = USEEmbedder(cache_size=0)
    texts = ["how is Mochi doing?", "what game is this", "how is Mochi doing?"]
    first = embedder.embed(texts)
    again = embedder.embed(texts)
    fresh = plain.embed(texts)
    assert first.shape == again.shape == (3, DIMENSIONS)
    assert np.allclose(first, fresh, atol=1e-5) and np.allclose(again, fresh, atol=1e-5)
    assert np.allclose(np.linalg.norm(again, axis=1), 1.0, atol=1e-4)
    assert plain.cache_hits == 0


def test_only_the_missing_texts_are_encoded_and_the_oldest_go(embedder: USEEmbedder) -> None:
    embedder.embed(["a1 one", "a2 two", "a3 three"])
    hits = embedder.cache_hits
    embedder.embed(["a2 two", "a4 four"])  # one hit; a4 pushes out the oldest, a1
    assert embedder.cache_hits == hits + 1
    embedder.embed(["a1 one"])
    assert embedder.cache_hits == hits + 1  # a1 was evicted
    embedder.embed(["a2 two", "a1 one"])
    assert embedder.cache_hits == hits + 3


def test_a_caller_changing_its_vectors_does_not_change_the_cache(embedder: USEEmbedder) -> None:
    first = embedder.embed(["mutable line"])
    kept = first.copy()
    first[:] = 0.0
    assert np.allclose(embedder.embed(["mutable line"]), kept)
    assert embedder.embed([]).shape == (0, DIMENSIONS)


def test_the_input_check_leaves_the_recall_s_vector_in_the_cache() -> None:
    shared = USEEmbedder()
    safety = build_safety(Settings(), embedder=shared)
    safety.warm()
    line = "how is Mochi doing, she had a cold last week"
    assert not safety.check_input(line).blocked
    hits = shared.cache_hits
    shared.embed([line])  # what Recall embeds for this chat line
    assert shared.cache_hits == hits + 1
