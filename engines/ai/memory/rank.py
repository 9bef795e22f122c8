"""Hybrid ranking: cosine similarity of embeddings plus a keyword score (BM25).

The vectors catch paraphrase ("how's your kitty" finds "has a cat named Mochi"); the keywords
catch names and rare words that a sentence encoder blurs ("Maliketh", "Mochi"). Both scores
are scaled to [0, 1] over the candidates and mixed with ``keyword_weight``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

import numpy as np

_WORD: Final = re.compile(r"[^\W_]+")
STOP_WORDS: Final = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "am",
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "me",
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "its",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "about",
        "from",
        "by",
        "as",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "what",
        "who",
        "when",
        "where",
        "why",
        "how",
        "which",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "so",
        "if",
        "not",
        "no",
        "yes",
        "can",
        "could",
        "would",
        "should",
        "will",
        "just",
        "any",
        "some",
    ]
)


def words(text: str) -> list[str]:
    """Lower-case content words (stop words dropped, a plural's trailing s kept off)."""
    out = []
    for w in _WORD.findall(text.lower()):
        if w in STOP_WORDS or len(w) < 2:
            continue
        out.append(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return out


class KeywordIndex:
    """BM25 over a fixed list of texts (rebuilt when the list changes). Postings are numpy
    arrays, so a query word found in thousands of texts costs one vector operation."""

    def __init__(self, texts: Sequence[str], *, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        lists: dict[str, tuple[list[int], list[int]]] = {}
        self._lengths = np.zeros(len(texts), dtype=np.float32)
        for i, text in enumerate(texts):
            counts = Counter(words(text))
            self._lengths[i] = sum(counts.values())
            for w, n in counts.items():
                ids, tfs = lists.setdefault(w, ([], []))
                ids.append(i)
                tfs.append(n)
        self._n = len(texts)
        avg = float(self._lengths.mean()) if len(texts) else 1.0
        norm = k1 * (1 - b + b * self._lengths / max(avg, 1e-6))
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for w, (ids, tfs) in lists.items():
            idx = np.asarray(ids, dtype=np.int64)
            tf = np.asarray(tfs, dtype=np.float32)
            idf = math.log(1 + (self._n - len(ids) + 0.5) / (len(ids) + 0.5))
            self._postings[w] = (idx, (idf * tf * (k1 + 1) / (tf + norm[idx])).astype(np.float32))

    def __len__(self) -> int:
        return self._n

    def scores(self, query: str) -> np.ndarray:
        """One BM25 score per text (zeros where no query word occurs)."""
        out = np.zeros(self._n, dtype=np.float32)
        for w in set(words(query)):
            posting = self._postings.get(w)
            if posting is not None:
                out[posting[0]] += posting[1]
        return out


def similarities(vectors: np.ndarray, query_vector: np.ndarray) -> np.ndarray:
    """``vectors @ query_vector`` as float32, single-threaded on purpose: numpy's einsum
    loop, not OpenBLAS, whose threads wait for each other's cores on a busy machine. A 10,000 x
    256 scan at load 4.4 on 2 cores: p50 0.38 ms, p99 4.6 ms with einsum; p50 0.09 ms, p99
    20 ms with OpenBLAS's two threads."""
    out: np.ndarray = np.einsum(
        "ij,j->i", vectors, query_vector.astype(np.float32, copy=False), dtype=np.float32
    )
    return out


def hybrid_top(
    query_vector: np.ndarray | None,
    vectors: np.ndarray,
    keyword_scores: np.ndarray | None,
    k: int,
    *,
    keyword_weight: float = 0.35,
    min_score: float = 0.0,
) -> list[tuple[int, float]]:
    """The ``k`` best rows as (index, score), best first. ``vectors`` are L2-normalised rows
    (or an empty matrix when there is no vector); either signal may be missing."""
    cosine = None
    if query_vector is not None and len(vectors):
        cosine = similarities(vectors, query_vector)
    if cosine is None and keyword_scores is None:
        cosine = np.zeros(len(vectors), dtype=np.float32)
    return hybrid_top_scored(cosine, keyword_scores, k, keyword_weight=keyword_weight, min_score=min_score)


def hybrid_top_scored(
    cosine: np.ndarray | None,
    keyword_scores: np.ndarray | None,
    k: int,
    *,
    keyword_weight: float = 0.35,
    min_score: float = 0.0,
    keyword_top: float | None = None,
) -> list[tuple[int, float]]:
    """:func:`hybrid_top` from cosine similarities already computed (by pgvector, in SQL).
    ``keyword_top`` scales the keyword scores when they are a subset's (default: their max)."""
    n = len(keyword_scores) if keyword_scores is not None else len(cosine) if cosine is not None else 0
    if n == 0 or k <= 0:
        return []
    score = np.zeros(n, dtype=np.float32)
    if cosine is not None and len(cosine):
        score += np.asarray(cosine, dtype=np.float32) * np.float32(1 - keyword_weight)
    if keyword_scores is not None and len(keyword_scores):
        top = float(keyword_scores.max()) if keyword_top is None else keyword_top
        if top > 0:
            score += keyword_scores * np.float32(keyword_weight / top)
    k = min(k, n)
    best = np.argpartition(-score, k - 1)[:k] if n > k else np.arange(n)
    ranked = sorted(((int(i), float(score[i])) for i in best), key=lambda p: -p[1])
    return [(i, s) for i, s in ranked if s >= min_score]


class Projection:
    """PCA fitted on a matrix of embeddings: fewer dimensions to scan per query. On the
    benchmark's 10,000 knowledge chunks, 512 -> 256 kept recall@5 (0.993 on the labelled
    knowledge queries) and cut the scan from 8.2 to 2.2 ms at load 5.8
    (benchmarks/memory_dimensions.py)."""

    def __init__(self, mean: np.ndarray, basis: np.ndarray) -> None:
        self.mean = mean.astype(np.float32)
        self.basis = np.ascontiguousarray(basis, dtype=np.float32)

    @classmethod
    def fit(cls, vectors: np.ndarray, dimensions: int) -> Projection:
        """From the rows that are not zero (an unembedded row has no say)."""
        rows = vectors[np.linalg.norm(vectors, axis=1) > 0]
        mean = rows.mean(axis=0) if len(rows) else np.zeros(vectors.shape[1], dtype=np.float32)
        _, _, vt = np.linalg.svd(rows - mean, full_matrices=False)
        return cls(mean, vt[:dimensions].T)

    def apply_one(self, vector: np.ndarray) -> np.ndarray:
        """One query vector's L2-normalised projection (single-threaded, see :func:`similarities`)."""
        centred = vector.astype(np.float32, copy=False) - self.mean
        projected = np.einsum("i,ij->j", centred, self.basis, dtype=np.float32)
        norm = float(np.sqrt(projected @ projected))
        return projected / norm if norm > 0 and float(vector @ vector) > 0 else np.zeros_like(projected)

    def apply(self, vectors: np.ndarray) -> np.ndarray:
        """L2-normalised projections; a zero row stays zero."""
        projected = (vectors - self.mean) @ self.basis
        norms = np.linalg.norm(projected, axis=1, keepdims=True)
        out: np.ndarray = np.where(norms > 0, projected / np.maximum(norms, 1e-12), 0.0).astype(np.float32)
        out[np.linalg.norm(vectors, axis=1) == 0] = 0.0
        return np.ascontiguousarray(out)
