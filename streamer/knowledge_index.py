"""The channel's knowledge chunks, held in memory for the recall (``streamer/memory_recall.py``):
the texts and BM25 postings, and (without pgvector) the vectors as one matrix, projected to
fewer dimensions when there are many; reloaded when the documents change. With pgvector the
nearest chunks come from SQL; with ``memory.keyword_search = "database"`` the keyword hits
come from the database's full-text index (``streamer/store/fulltext.py``)."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from engines.ai.memory.rank import KeywordIndex, Projection, hybrid_top, hybrid_top_scored
from streamer.store.fulltext import KeywordSearch
from streamer.store.knowledge import ChunkMatrix, KnowledgeStore
from streamer.store.memory import ChunkVectors, VectorSearch

log = logging.getLogger("streamer.memory")

KeywordSource = Literal["database", "memory"]
"""Where the keyword half of the search runs (``memory.keyword_search``): database, the
full-text index of migration 0008 (PostgreSQL ``tsvector``, SQLite FTS5) where it exists, BM25
in memory elsewhere; memory, BM25 in memory always."""


@dataclass(frozen=True, slots=True)
class _Built:
    matrix: ChunkMatrix
    keywords: KeywordIndex | None
    """BM25 in memory; None when the database searches the keywords."""
    projection: Projection | None
    vectors: np.ndarray
    """What is searched: the matrix, or its projection (empty with pgvector)."""
    positions: dict[int, int]
    """Chunk id -> row."""


class KnowledgeIndex:
    """The channel's chunks as one in-memory matrix plus a keyword index, reloaded when the
    store's version changes (checked at most every ``refresh_s``). ``vector_search``: whether
    the nearest chunks come from pgvector (:data:`streamer.store.memory.VectorSearch`)."""

    def __init__(
        self,
        store: KnowledgeStore,
        dimensions: Callable[[], int],
        *,
        refresh_s: float = 5.0,
        reduce_to: int = 256,
        reduce_above: int = 2_000,
        vector_search: VectorSearch = "auto",
        keyword_search: KeywordSource = "memory",
    ) -> None:
        self.store = store
        self.dimensions = dimensions
        self.refresh_s = refresh_s
        self.reduce_to = reduce_to
        """Above ``reduce_above`` chunks, search ``reduce_to`` PCA dimensions (0: always exact)."""
        self.reduce_above = reduce_above
        self._matrix: ChunkMatrix | None = None
        self._index: _Built | None = None
        """Swapped whole, so a search in a worker thread never mixes two versions."""
        self._checked = 0.0
        self._lock = asyncio.Lock()
        self._background: asyncio.Task[None] | None = None
        self.vectors = ChunkVectors(store.sessions, store.channel, vector_search=vector_search)
        self.pgvector: bool | None = None
        """Whether the nearest chunks come from pgvector (known after the first load; never
        with ``vector_search = "exact"``)."""
        self.candidates = 40
        """With pgvector: the nearest chunks fetched per search, fused with the keyword best."""
        self.keyword_search: KeywordSource = keyword_search
        self.keyword_db = KeywordSearch(store.sessions, store.channel)
        self.in_database: bool | None = None
        """Whether the keywords are searched in the database (known after the first load)."""
        self.keyword_candidates = 50
        """With the keywords in the database: the best-matching chunks fetched per search."""

    async def refresh(self, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._checked < self.refresh_s and self._matrix is not None:
            return
        async with self._lock:
            self._checked = time.monotonic()
            version = await self.store.version()
            if self._matrix is not None and self._matrix.version == version and not force:
                return
            if self.pgvector is None:
                self.pgvector = await self.vectors.available()
            if self.in_database is None:
                self.in_database = self.keyword_search == "database" and await self.keyword_db.available()
            if self.pgvector:
                await self.vectors.sync()
            matrix = await self.store.matrix(self.dimensions())
            if self.pgvector:  # the vectors are searched in the database: keep none here
                matrix = dataclasses.replace(matrix, vectors=np.zeros((len(matrix.ids), 0), dtype=np.float32))
            built = await asyncio.to_thread(self._build, matrix)
            self._matrix, self._index = matrix, built
            log.info(
                "knowledge index: %d chunks, %d dimensions searched", len(matrix.ids), built.vectors.shape[1]
            )

    async def refresh_soon(self) -> None:
        """For the recall path: load the index now if there is none; otherwise, when it is due
        for a check, check (and reload) in the background while searches use the current one."""
        if self._index is None:
            await self.refresh()
        elif time.monotonic() - self._checked >= self.refresh_s and (
            self._background is None or self._background.done()
        ):
            self._background = asyncio.create_task(self._refresh_logged(), name="knowledge-refresh")

    async def _refresh_logged(self) -> None:
        try:
            await self.refresh()
        except Exception as exc:  # the database is down: the current index stays, retried later
            log.warning("knowledge index not refreshed (%s: %s)", type(exc).__name__, exc)

    def _build(self, m: ChunkMatrix) -> _Built:
        keywords = None if self.in_database else KeywordIndex(m.texts)
        positions = {chunk_id: i for i, chunk_id in enumerate(m.ids)}
        if self.pgvector:
            return _Built(m, keywords, None, m.vectors, positions)
        if not self.reduce_to or len(m.ids) <= self.reduce_above or m.vectors.shape[1] <= self.reduce_to:
            return _Built(m, keywords, None, m.vectors, positions)
        projection = Projection.fit(m.vectors, self.reduce_to)
        return _Built(m, keywords, projection, projection.apply(m.vectors), positions)

    def invalidate(self) -> None:
        """Reload on the next recall (chunks were embedded: same ids, new vectors)."""
        self._matrix = None
        self._checked = 0.0

    async def keyword_hits(self, text: str) -> dict[int, float] | None:
        """With the keywords in the database: {chunk id: score} of the best-matching chunks
        (at most :attr:`keyword_candidates`), for :meth:`search`. None otherwise (BM25 in
        memory)."""
        if not self.in_database or not text or self._index is None:
            return None
        return await self.keyword_db.chunks(text, self.keyword_candidates)

    async def nearest(
        self, vector: np.ndarray | None, text: str, k: int, keyword: dict[int, float] | None = None
    ) -> dict[int, float] | None:
        """With pgvector: {chunk id: cosine} of the nearest chunks and of the keyword search's
        ``k`` best (``keyword``: the database's hits), for :meth:`search`. None without
        pgvector (the matrix is searched)."""
        built = self._index
        if not self.pgvector or built is None or vector is None:
            return None
        also: list[int] = []
        if keyword is not None:
            also = sorted(keyword, key=lambda c: -keyword[c])[:k] if k > 0 else []
        elif text and k > 0 and built.matrix.ids and built.keywords is not None:
            scores = built.keywords.scores(text)
            best = np.argsort(-scores)[:k]
            also = [built.matrix.ids[i] for i in best if scores[i] > 0]
        return await self.vectors.nearest(vector, max(self.candidates, k), also=also)

    @staticmethod
    def _keyword_scores(built: _Built, text: str, keyword: dict[int, float] | None) -> np.ndarray | None:
        """One keyword score per chunk: the database's hits (zeros elsewhere) or BM25."""
        if keyword is not None:
            scores = np.zeros(len(built.matrix.ids), dtype=np.float32)
            for chunk_id, score in keyword.items():
                row = built.positions.get(chunk_id)
                if row is not None:  # a chunk added since the index loaded waits for the reload
                    scores[row] = score
            return scores
        if not text or built.keywords is None:
            return None
        return built.keywords.scores(text)

    def search(
        self,
        vector: np.ndarray | None,
        text: str,
        k: int,
        min_score: float,
        cosine: dict[int, float] | None = None,
        keyword: dict[int, float] | None = None,
    ) -> list[tuple[int, str, float]]:
        """The best chunks as (chunk id, text, score); blocking (numpy), call it off the loop.
        ``cosine`` (from :meth:`nearest`): rank those chunks only, by pgvector's similarities.
        ``keyword`` (from :meth:`keyword_hits`): the database's keyword scores, else BM25."""
        built = self._index
        if built is None or not built.matrix.ids or k <= 0:
            return []
        scores = self._keyword_scores(built, text, keyword)
        if cosine is not None:
            return self._search_scored(built, cosine, scores, k, min_score)
        if vector is not None and built.projection is not None:
            vector = built.projection.apply_one(vector)
        if vector is not None and built.vectors.shape[1] != vector.shape[0]:
            vector = None  # with pgvector no vectors are held here: :meth:`nearest` gives them
        top = hybrid_top(vector, built.vectors, scores, k, min_score=min_score)
        return [(built.matrix.ids[i], built.matrix.texts[i], s) for i, s in top]

    @staticmethod
    def _search_scored(
        built: _Built, cosine: dict[int, float], scores: np.ndarray | None, k: int, min_score: float
    ) -> list[tuple[int, str, float]]:
        rows = [built.positions[c] for c in cosine if c in built.positions]
        similarity = np.asarray([cosine[built.matrix.ids[r]] for r in rows], dtype=np.float32)
        keywords = None if scores is None else scores[rows]
        top_keyword = None if scores is None or not len(scores) else float(scores.max())
        top = hybrid_top_scored(similarity, keywords, k, min_score=min_score, keyword_top=top_keyword)
        return [(built.matrix.ids[rows[i]], built.matrix.texts[rows[i]], s) for i, s in top]

    def __len__(self) -> int:
        return 0 if self._index is None else len(self._index.matrix.ids)
