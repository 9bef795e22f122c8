"""The streamer's knowledge documents and their chunks in the database.

Adding a document under a name it already has replaces it (text, chunks and vectors), so
``vtuber knowledge add lore.md`` after an edit updates the index. Chunks carry their
document's channel so the bot loads one channel's whole index in one query.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from sqlalchemy import delete, func, select, update

from engines.ai.memory.chunks import Chunk

from .channel_scoped import ChannelScoped
from .memory import from_bytes, to_bytes
from .models import KnowledgeChunk, KnowledgeDocument


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    name: str
    chunks: int
    chars: int
    created_by: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ChunkMatrix:
    """One channel's chunks, ready to search: ids, texts (heading: paragraph), vectors."""

    ids: list[int]
    texts: list[str]
    vectors: np.ndarray
    version: tuple[int, int]


class KnowledgeStore(ChannelScoped):
    """One channel's knowledge documents and their chunks."""

    async def add(
        self, name: str, text: str, chunks: Sequence[Chunk], vectors: np.ndarray | None, *, by: str
    ) -> int:
        """Store (or replace) the document ``name`` with its chunks. Returns its id."""
        now = datetime.now(UTC)
        async with self.sessions.begin() as session:
            cid = await self._cid(session)
            doc = await session.scalar(
                select(KnowledgeDocument).where(
                    KnowledgeDocument.channel_id == cid, KnowledgeDocument.name == name
                )
            )
            if doc is None:
                doc = KnowledgeDocument(
                    channel_id=cid, name=name, text=text, created_by=by, created_at=now, updated_at=now
                )
                session.add(doc)
                await session.flush()
            else:
                doc.text, doc.updated_at, doc.created_by = text, now, by
                await session.execute(delete(KnowledgeChunk).where(KnowledgeChunk.document_id == doc.id))
            session.add_all(
                KnowledgeChunk(
                    document_id=doc.id, channel_id=cid, index=c.index, heading=c.heading, text=c.text,
                    embedding=None if vectors is None else to_bytes(vectors[i]),
                )
                for i, c in enumerate(chunks)
            )  # fmt: skip
            return doc.id

    async def documents(self) -> list[DocumentInfo]:
        async with self.sessions() as session:
            cid = await self._read_cid(session)
            counts = (
                select(KnowledgeChunk.document_id, func.count().label("n"))
                .group_by(KnowledgeChunk.document_id)
                .subquery()
            )
            rows = await session.execute(
                select(KnowledgeDocument, func.coalesce(counts.c.n, 0))
                .outerjoin(counts, counts.c.document_id == KnowledgeDocument.id)
                .where(KnowledgeDocument.channel_id == cid)
                .order_by(KnowledgeDocument.name)
            )
            return [
                DocumentInfo(d.id, d.name, int(n), len(d.text), d.created_by, d.updated_at) for d, n in rows
            ]

    async def document(self, doc_id: int) -> tuple[str, str] | None:
        """A document's name and Markdown text."""
        async with self.sessions() as session:
            cid = await self._read_cid(session)
            doc = await session.scalar(
                select(KnowledgeDocument).where(
                    KnowledgeDocument.id == doc_id, KnowledgeDocument.channel_id == cid
                )
            )
            return None if doc is None else (doc.name, doc.text)

    async def remove(self, doc_id: int) -> bool:
        async with self.sessions.begin() as session:
            cid = await self._read_cid(session)
            await session.execute(
                delete(KnowledgeChunk).where(
                    KnowledgeChunk.document_id == doc_id, KnowledgeChunk.channel_id == cid
                )
            )
            result = await session.execute(
                delete(KnowledgeDocument).where(
                    KnowledgeDocument.id == doc_id, KnowledgeDocument.channel_id == cid
                )
            )
            return bool(getattr(result, "rowcount", 0))

    async def unembedded(self, *, limit: int = 200) -> list[tuple[int, str]]:
        """(id, searchable text) of chunks without a vector (saved on the dashboard)."""
        async with self.sessions() as session:
            cid = await self._read_cid(session)
            rows = await session.execute(
                select(KnowledgeChunk.id, KnowledgeChunk.heading, KnowledgeChunk.text)
                .where(KnowledgeChunk.channel_id == cid, KnowledgeChunk.embedding.is_(None))
                .limit(limit)
            )
            return [(int(i), f"{h}: {t}" if h else str(t)) for i, h, t in rows]

    async def set_vectors(self, ids: Sequence[int], vectors: np.ndarray) -> None:
        async with self.sessions.begin() as session:
            for chunk_id, vector in zip(ids, vectors, strict=True):
                await session.execute(
                    update(KnowledgeChunk)
                    .where(KnowledgeChunk.id == chunk_id)
                    .values(embedding=to_bytes(vector))
                )

    async def version(self) -> tuple[int, int]:
        """Changes whenever a chunk is added or removed: (count, highest id). Read from the
        indexes only (a chunk embedded later does not change it: see ``KnowledgeIndex.invalidate``)."""
        async with self.sessions() as session:
            cid = await self._read_cid(session)
            row = (
                await session.execute(
                    select(func.count(), func.coalesce(func.max(KnowledgeChunk.id), 0)).where(
                        KnowledgeChunk.channel_id == cid
                    )
                )
            ).one()
            return int(row[0]), int(row[1])

    async def matrix(self, dimensions: int) -> ChunkMatrix:
        """Every chunk of the channel with its vector (zeros where it has none)."""
        async with self.sessions() as session:
            cid = await self._read_cid(session)
            rows = (
                await session.execute(
                    select(
                        KnowledgeChunk.id,
                        KnowledgeChunk.heading,
                        KnowledgeChunk.text,
                        KnowledgeChunk.embedding,
                    )
                    .where(KnowledgeChunk.channel_id == cid)
                    .order_by(KnowledgeChunk.id)
                )
            ).all()
        vectors = np.zeros((len(rows), dimensions), dtype=np.float32)
        for i, row in enumerate(rows):
            v = from_bytes(row[3])
            if v is not None and v.shape == (dimensions,):
                vectors[i] = v
        ids = [int(r[0]) for r in rows]
        texts = [f"{r[1]}: {r[2]}" if r[1] else str(r[2]) for r in rows]
        return ChunkMatrix(ids, texts, vectors, (len(ids), max(ids, default=0)))
