"""pgvector side tables for the memory vectors, where the server has the extension

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 21:00:00

On PostgreSQL, when ``pg_available_extensions`` lists ``vector``: the extension, the tables
``memory_vectors`` and ``knowledge_vectors`` (one row per embedded memory or chunk, deleted with
it), an HNSW index for 512-dimension chunks (no index on the channel: the planner would
prefer it and sort every chunk; the channel is filtered after the HNSW scan), and triggers that drop a side row when its
source row's ``embedding`` bytes change (the store writes the new one); the vectors stored
before are copied in. Elsewhere (SQLite,
PostgreSQL without pgvector) nothing: the exact numpy search over the bytes stays.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np
import sqlalchemy as sa
from alembic import op
from sqlalchemy.exc import DBAPIError

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")

INDEXED_DIMENSIONS = 512
"""The bundled sentence encoder's size; vectors of another size are searched exactly."""
EF_SEARCH = 100
"""HNSW candidates per knowledge search (pgvector's default is 40)."""
HNSW_M, HNSW_EF_CONSTRUCTION = 32, 200
"""Above pgvector's defaults (16, 64): on the benchmark's 10,000 chunks the default graph
found the exact top 5 of 31 of 35 and knowledge recall@5 fell to 0.943 (0.979 with these,
0.993 exact), at about the same search time; the build takes ~10 s per 10,000 chunks."""

_UPGRADE = [
    """CREATE TABLE memory_vectors (
        memory_id VARCHAR(160) NOT NULL,
        embedding vector NOT NULL,
        CONSTRAINT pk_memory_vectors PRIMARY KEY (memory_id),
        CONSTRAINT fk_memory_vectors_memory_id_memories FOREIGN KEY (memory_id)
            REFERENCES memories (id) ON DELETE CASCADE
    )""",
    """CREATE TABLE knowledge_vectors (
        chunk_id BIGINT NOT NULL,
        channel_id BIGINT NOT NULL,
        embedding vector NOT NULL,
        CONSTRAINT pk_knowledge_vectors PRIMARY KEY (chunk_id),
        CONSTRAINT fk_knowledge_vectors_chunk_id_knowledge_chunks FOREIGN KEY (chunk_id)
            REFERENCES knowledge_chunks (id) ON DELETE CASCADE
    )""",
    f"""CREATE INDEX ix_knowledge_vectors_hnsw ON knowledge_vectors
        USING hnsw ((embedding::vector({INDEXED_DIMENSIONS})) vector_cosine_ops)
        WITH (m = {HNSW_M}, ef_construction = {HNSW_EF_CONSTRUCTION})
        WHERE vector_dims(embedding) = {INDEXED_DIMENSIONS}""",
    """CREATE FUNCTION memory_vectors_stale() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.embedding IS DISTINCT FROM OLD.embedding THEN
            DELETE FROM memory_vectors WHERE memory_id = OLD.id;
        END IF;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER tr_memories_vector_stale AFTER UPDATE OF embedding ON memories
        FOR EACH ROW EXECUTE FUNCTION memory_vectors_stale()""",
    """CREATE FUNCTION knowledge_vectors_stale() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.embedding IS DISTINCT FROM OLD.embedding THEN
            DELETE FROM knowledge_vectors WHERE chunk_id = OLD.id;
        END IF;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER tr_knowledge_chunks_vector_stale AFTER UPDATE OF embedding ON knowledge_chunks
        FOR EACH ROW EXECUTE FUNCTION knowledge_vectors_stale()""",
]

_NEAREST = f"""CREATE FUNCTION knowledge_nearest(q vector, cid BIGINT, k INTEGER, also BIGINT[])
    RETURNS TABLE (chunk_id BIGINT, cosine DOUBLE PRECISION)
    LANGUAGE plpgsql STABLE
    SET enable_seqscan = off SET enable_bitmapscan = off SET hnsw.ef_search = {EF_SEARCH}
AS $$
BEGIN
    IF vector_dims(q) = {INDEXED_DIMENSIONS} THEN
        RETURN QUERY
        (SELECT v.chunk_id, 1 - (v.embedding::vector({INDEXED_DIMENSIONS}) <=> q::vector({INDEXED_DIMENSIONS}))
         FROM knowledge_vectors v
         WHERE v.channel_id = cid AND vector_dims(v.embedding) = {INDEXED_DIMENSIONS}
         ORDER BY v.embedding::vector({INDEXED_DIMENSIONS}) <=> q::vector({INDEXED_DIMENSIONS}) LIMIT k)
        UNION
        (SELECT v.chunk_id, 1 - (v.embedding <=> q) FROM knowledge_vectors v
         WHERE v.chunk_id = ANY(also) AND v.channel_id = cid AND vector_dims(v.embedding) = {INDEXED_DIMENSIONS});
    ELSE
        RETURN QUERY
        (SELECT v.chunk_id, 1 - (v.embedding <=> q) FROM knowledge_vectors v
         WHERE v.channel_id = cid AND vector_dims(v.embedding) = vector_dims(q)
         ORDER BY v.embedding <=> q LIMIT k)
        UNION
        (SELECT v.chunk_id, 1 - (v.embedding <=> q) FROM knowledge_vectors v
         WHERE v.chunk_id = ANY(also) AND v.channel_id = cid AND vector_dims(v.embedding) = vector_dims(q));
    END IF;
END $$"""
"""The nearest chunks of one channel (and the chunks ``also``), one statement for the caller.
The planner settings live on the function: pgvector 0.6's cost estimate makes the planner
prefer a full scan and sort (50-120 ms over 10,000 chunks here) to the HNSW index (~1.5 ms),
and setting them in the caller's transaction cost three more round trips per search."""

_DOWNGRADE = [
    "DROP FUNCTION IF EXISTS knowledge_nearest(vector, BIGINT, INTEGER, BIGINT[])",
    "DROP TRIGGER IF EXISTS tr_knowledge_chunks_vector_stale ON knowledge_chunks",
    "DROP FUNCTION IF EXISTS knowledge_vectors_stale()",
    "DROP TRIGGER IF EXISTS tr_memories_vector_stale ON memories",
    "DROP FUNCTION IF EXISTS memory_vectors_stale()",
    "DROP TABLE IF EXISTS knowledge_vectors",
    "DROP TABLE IF EXISTS memory_vectors",
]
"""The extension stays: other databases or tables on the server may use it."""


def _pgvector_available() -> bool:
    """The extension is installed, or listed and this role may create it (in a savepoint, so
    a refusal leaves the migration's transaction usable)."""
    if op.get_context().dialect.name != "postgresql" or op.get_context().as_sql:
        return False  # SQLite; or offline (--sql), where the server cannot be asked
    bind = op.get_bind()
    if bind.scalar(sa.text("SELECT count(*) FROM pg_extension WHERE extname = 'vector'")):
        return True
    if not bind.scalar(sa.text("SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'")):
        return False
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS vector"))
    except DBAPIError as exc:
        log.warning("pgvector is available but not created (%s); the exact search is used", exc.orig)
        return False
    return True


def _copy(select: str, insert: str, *, batch: int = 2_000) -> int:
    """Copy the vectors stored before this migration (float32 bytes) into a side table, in
    id order, a batch at a time; a zero vector has no direction and is left out."""
    bind, after, copied = op.get_bind(), None, 0
    while True:
        rows = bind.execute(sa.text(select), {"after": after, "n": batch}).all()
        params = []
        for row in rows:
            vector = np.frombuffer(row.embedding, dtype=np.float32)
            if vector.size and vector.any():
                params.append({**row._asdict(), "v": "[" + ",".join(map(str, vector.tolist())) + "]"})
        if params:
            bind.execute(sa.text(insert), params)
        copied += len(params)
        if len(rows) < batch:
            return copied
        after = rows[-1].id


_COPY_MEMORIES = (
    "SELECT id, embedding FROM memories WHERE embedding IS NOT NULL "
    "AND (CAST(:after AS VARCHAR) IS NULL OR id > :after) ORDER BY id LIMIT :n",
    "INSERT INTO memory_vectors (memory_id, embedding) VALUES (:id, CAST(CAST(:v AS TEXT) AS vector))",
)
_COPY_CHUNKS = (
    "SELECT id, channel_id, embedding FROM knowledge_chunks WHERE embedding IS NOT NULL "
    "AND (CAST(:after AS BIGINT) IS NULL OR id > :after) ORDER BY id LIMIT :n",
    "INSERT INTO knowledge_vectors (chunk_id, channel_id, embedding) "
    "VALUES (:id, :channel_id, CAST(CAST(:v AS TEXT) AS vector))",
)


def upgrade() -> None:
    if not _pgvector_available():
        return
    for statement in [*_UPGRADE, _NEAREST]:
        op.execute(statement)
    memories, chunks = _copy(*_COPY_MEMORIES), _copy(*_COPY_CHUNKS)
    log.info("pgvector: copied the vectors of %d memories and %d knowledge chunks", memories, chunks)


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    for statement in _DOWNGRADE:
        op.execute(statement)
