"""Any OpenAI-compatible ``/v1/embeddings`` endpoint (OpenAI, Ollama, vLLM, LM Studio, a
llama.cpp server started with ``--embeddings``) as the memory's embedder.

Implements ``engines.ai.safety.semantic.Embedder`` (``embed`` is synchronous: the memory
calls it off the event loop, in a thread). Rows are L2-normalised here, because not every
server normalises; the order of ``data`` is taken from each item's ``index``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import openai

from engines.backends import BackendError
from integrations.openai.llm import DEFAULT_API_KEY, SecretLike, reveal_secret, translate_error

__all__ = ["OpenAIEmbedder"]


class OpenAIEmbedder:
    """``embed(texts)`` → one L2-normalised float32 row per text."""

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | SecretLike | None = None,
        dimensions: int | None = None,
        timeout_s: float = 10.0,
        batch_size: int = 64,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.name = f"openai-compatible:{model}"
        self.dimensions = dimensions
        self.batch_size = batch_size
        self._api_key = reveal_secret(api_key) or DEFAULT_API_KEY
        self._client = openai.OpenAI(
            base_url=self.base_url, api_key=self._api_key, max_retries=1,
            timeout=openai.Timeout(timeout_s, connect=min(timeout_s, 3.0)),
        )  # fmt: skip

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, model={self.model!r})"

    @property
    def loaded(self) -> bool:
        return True

    def warm(self) -> None:
        """Nothing to load; the first request opens the connection."""

    def close(self) -> None:
        self._client.close()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions or 0), dtype=np.float32)
        rows = [
            self._batch(list(texts[i : i + self.batch_size])) for i in range(0, len(texts), self.batch_size)
        ]
        return np.vstack(rows)

    def _batch(self, texts: list[str]) -> np.ndarray:
        try:
            if self.dimensions is None:
                answer = self._client.embeddings.create(
                    model=self.model, input=texts, encoding_format="float"
                )
            else:
                answer = self._client.embeddings.create(
                    model=self.model, input=texts, encoding_format="float", dimensions=self.dimensions
                )
        except openai.APIError as exc:
            raise translate_error(
                exc, backend="embedder", base_url=self.base_url, model=self.model, setting="memory",
                secrets=[self._api_key], texts=texts,
            ) from exc  # fmt: skip
        items = sorted(answer.data, key=lambda d: d.index)
        if len(items) != len(texts):
            raise BackendError(
                "embedder", f"{self.base_url} answered {len(items)} vectors for {len(texts)} texts"
            )
        matrix = np.asarray([item.embedding for item in items], dtype=np.float32)
        if matrix.ndim != 2 or matrix.shape[1] == 0:
            raise BackendError("embedder", f"{self.base_url} answered vectors of shape {matrix.shape}")
        if self.dimensions is None:
            self.dimensions = int(matrix.shape[1])
        elif matrix.shape[1] != self.dimensions:
            raise BackendError("embedder", f"expected {self.dimensions} dimensions, got {matrix.shape[1]}")
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        normalised: np.ndarray = matrix / np.maximum(norms, 1e-12)
        return normalised
