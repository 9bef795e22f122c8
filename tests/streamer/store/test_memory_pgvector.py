"""The memory store with pgvector (a real PostgreSQL 16 with pgvector, from pgserver), and its
exact fallback on the PostgreSQL 15 without the extension: the vectors' side tables, the
similarities computed in SQL, forgetting, sizes that differ, and migration 0007 up and down."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import numpy as np
import pytest
from alembic import command
from sqlalchemy import insert, inspect, text

from engines.ai.memory import Fact, chunk_markdown
from streamer.store import make_engine, make_sessionmaker, upgrade
from streamer.store.knowledge import KnowledgeStore
from streamer.store.memory import ChunkVectors, MemoryStore, PgvectorMissing, to_bytes
from streamer.store.migrate import alembic_config
from streamer.store.models import MemoryRow
from tests import pgvector_server as pgv

pgvector_server, pgvector_template = pgv.pgvector_server, pgv.pgvector_template
pgvector_url, pgvector_empty_url = pgv.pgvector_url, pgv.pgvector_empty_url

VECTOR_TABLES = {"memory_vectors", "knowledge_vectors"}


def unit(i: int, dims: int = 8) -> np.ndarray:
    v = np.zeros(dims, dtype=np.float32)
    v[i % dims] = 1.0
    return v


async def _count(url: str, table: str) -> int:
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            return int(await conn.scalar(text(f"SELECT count(*) FROM {table}")) or 0)
    finally:
        await engine.dispose()


async def test_a_viewers_similarities_come_from_sql_and_other_sizes_have_none(pgvector_url: str) -> None:
    engine = make_engine(pgvector_url)
    try:
        store = MemoryStore(make_sessionmaker(engine), "chan")
        assert await store.pgvector()
        facts = [
            Fact("pet", "has a cat", "e1"),
            Fact("game", "plays Go", "e1"),
            Fact("from", "is from Oslo", "e1"),
        ]
        vectors = np.vstack([unit(0), unit(1), (unit(0) + unit(1)) / np.sqrt(2)])
        assert await store.add("hiyori", "101", "sam", facts, vectors) == 3
        await store.add("hiyori", "101", "sam", [Fact("food", "likes ramen", "e2")], unit(0, dims=4)[None])
        assert await _count(pgvector_url, "memory_vectors") == 4

        rows = await store.for_viewer("hiyori", "101", like=unit(0))
        similarity = {r.text: r.similarity for r in rows}
        assert similarity["has a cat"] == 1.0
        assert similarity["plays Go"] == 0.0
        assert abs((similarity["is from Oslo"] or 0) - 1 / np.sqrt(2)) < 1e-5
        assert similarity["likes ramen"] is None  # another size than the query's: skipped
        assert all(r.vector is None for r in rows)  # the vectors stay in the database
        plain = await store.for_viewer("hiyori", "101")  # nothing said: the bytes, no similarity
        assert {r.text for r in plain} == set(similarity) and all(r.similarity is None for r in plain)
    finally:
        await engine.dispose()


async def test_edits_and_new_vectors_replace_the_pgvector_copy(pgvector_url: str) -> None:
    engine = make_engine(pgvector_url)
    try:
        store = MemoryStore(make_sessionmaker(engine), "chan")
        await store.add("hiyori", "101", "sam", [Fact("pet", "has a cat", "e1")], unit(0)[None])
        assert await store.edit("e1:0", "has a dog", by="mod1")  # the dashboard: no vector yet
        assert await _count(pgvector_url, "memory_vectors") == 0  # the stale copy went with the bytes
        assert [r.similarity for r in await store.for_viewer("hiyori", "101", like=unit(0))] == [None]

        await store.set_vectors([("e1:0", "has a dog")], unit(2)[None])
        assert [r.similarity for r in await store.for_viewer("hiyori", "101", like=unit(2))] == [1.0]
        assert await store.edit("e1:0", "has a dog named Rex", by="mod1", vector=unit(3))
        assert [r.similarity for r in await store.for_viewer("hiyori", "101", like=unit(3))] == [1.0]
    finally:
        await engine.dispose()


async def test_forget_deletes_every_row_including_the_vectors(pgvector_url: str) -> None:
    engine = make_engine(pgvector_url)
    try:
        sessions = make_sessionmaker(engine)
        store = MemoryStore(sessions, "chan")
        await store.add("hiyori", "101", "sam", [Fact("pet", "has a cat", "e1")], unit(0)[None])
        await store.add("sora", "101", "sam", [Fact("game", "plays Go", "e2")], unit(1)[None])
        await store.add("hiyori", "202", "kiri", [Fact("game", "plays Tetris", "e3")], unit(2)[None])
        assert await store.forget_viewer("sam", by="sam") == 2
        left = (await _count(pgvector_url, "memories"), await _count(pgvector_url, "memory_vectors"))
        assert left == (1, 1)  # kiri's only
        assert [r.text for r in await store.for_viewer("hiyori", "202", like=unit(2))] == ["plays Tetris"]
    finally:
        await engine.dispose()


async def test_rows_written_without_the_store_are_copied_into_pgvector(pgvector_url: str) -> None:
    engine = make_engine(pgvector_url)
    try:
        sessions = make_sessionmaker(engine)
        store = MemoryStore(sessions, "chan")
        await store.add("hiyori", "101", "sam", [Fact("pet", "has a cat", "e1")])  # creates the channel
        async with sessions.begin() as session:  # a bulk load, as the benchmark does
            cid = await store._read_cid(session)
            await session.execute(
                insert(MemoryRow),
                [
                    {"id": f"bulk:{i}", "channel_id": cid, "persona": "hiyori", "viewer_id": "303",
                     "viewer_login": "bulk", "kind": "game", "text": f"plays game {i}", "source_event_id": "b",
                     "created_at": np.datetime64("2026-12-06").item(), "updated_at": np.datetime64("2026-12-06").item(),
                     "edited_by": None, "embedding": to_bytes(unit(i) if i else np.zeros(8, np.float32))}
                    for i in range(5)
                ],
            )  # fmt: skip
        assert await store.sync_vectors(batch=2) == 4  # the zero vector has no direction: left out
        assert await store.sync_vectors() == 0
        rows = await store.for_viewer("hiyori", "303", like=unit(3))
        assert {r.text: r.similarity for r in rows}["plays game 3"] == 1.0
    finally:
        await engine.dispose()


LORE = """# Lore

## Tea

The tea shop is called the Crater Cup.

## Schedule

Streams are Tuesday and Friday at 8pm CET.

## Cat

The shop cat is called Biscuit.
"""


async def test_the_nearest_chunks_come_from_the_hnsw_index(pgvector_url: str) -> None:
    engine = make_engine(pgvector_url)
    try:
        sessions = make_sessionmaker(engine)
        knowledge = KnowledgeStore(sessions, "chan")
        chunks = chunk_markdown(LORE)
        rng = np.random.default_rng(7)
        vectors = rng.normal(size=(len(chunks), 512)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        await knowledge.add("lore.md", LORE, chunks, vectors, by="cli")
        await knowledge.add(
            "short.md",
            "# Short\n\nA chunk of another size.",
            chunk_markdown("# S\n\nx"),
            unit(0)[None],
            by="cli",
        )
        index = ChunkVectors(sessions, "chan")
        assert await index.available()
        assert await index.sync() == len(chunks) + 1
        assert await index.sync() == 0

        matrix = await knowledge.matrix(512)
        nearest = await index.nearest(vectors[1], 2)
        assert max(nearest, key=nearest.__getitem__) == matrix.ids[1]
        assert abs(nearest[matrix.ids[1]] - 1.0) < 1e-5 and len(nearest) == 2
        with_keyword = await index.nearest(vectors[1], 1, also=[matrix.ids[2]])
        assert set(with_keyword) == {matrix.ids[1], matrix.ids[2]}
        small = await index.nearest(unit(0), 5)  # only the chunk of that size
        assert len(small) == 1 and abs(next(iter(small.values())) - 1.0) < 1e-6

        async with engine.begin() as conn:  # the 512-dimension search is the HNSW index's
            await conn.execute(text("SET LOCAL enable_seqscan = off"))
            q = "[" + ",".join(map(str, vectors[0].tolist())) + "]"
            plan = "\n".join(
                r[0]
                for r in await conn.execute(
                    text(
                        "EXPLAIN SELECT chunk_id FROM knowledge_vectors WHERE vector_dims(embedding) = 512 "
                        "ORDER BY CAST(embedding AS vector(512)) <=> CAST(CAST(:q AS TEXT) AS vector(512)) LIMIT 3"
                    ),
                    {"q": q},
                )
            )
        assert "ix_knowledge_vectors_hnsw" in plan

        await knowledge.set_vectors([matrix.ids[0]], vectors[2][None])  # re-embedded: the copy follows
        assert await index.sync() == 1
        assert (await index.nearest(vectors[2], 2)).keys() == {matrix.ids[0], matrix.ids[2]}
        doc = (await knowledge.documents())[0].id
        assert await knowledge.remove(doc)
        assert await _count(pgvector_url, "knowledge_vectors") == 1  # the chunks' copies went with them
    finally:
        await engine.dispose()


async def test_without_the_extension_nothing_is_added_and_the_exact_path_is_used(pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
            assert not await conn.scalar(text("SELECT count(*) FROM pg_extension WHERE extname = 'vector'"))
        assert not tables & VECTOR_TABLES
        sessions = make_sessionmaker(engine)
        store = MemoryStore(sessions, "chan")
        assert not await store.pgvector()
        assert not await ChunkVectors(sessions, "chan").available()
        await store.add("hiyori", "101", "sam", [Fact("pet", "has a cat", "e1")], unit(0)[None])
        rows = await store.for_viewer("hiyori", "101", like=unit(0))  # the bytes, compared in numpy
        assert rows[0].similarity is None and rows[0].vector is not None and rows[0].vector[0] == 1.0
        assert await store.sync_vectors() == 0
    finally:
        await engine.dispose()


async def test_vector_search_exact_compares_in_numpy_but_keeps_the_side_tables_written(
    pgvector_url: str,
) -> None:
    engine = make_engine(pgvector_url)
    try:
        sessions = make_sessionmaker(engine)
        store = MemoryStore(sessions, "chan", vector_search="exact")
        assert not await store.pgvector() and await store.has_pgvector_tables()
        assert not await ChunkVectors(sessions, "chan", vector_search="exact").available()
        await store.add("hiyori", "101", "sam", [Fact("pet", "has a cat", "e1")], unit(0)[None])
        assert await _count(pgvector_url, "memory_vectors") == 1  # a later "auto" finds it
        rows = await store.for_viewer("hiyori", "101", like=unit(0))  # the bytes, compared in numpy
        assert rows[0].similarity is None and rows[0].vector is not None and rows[0].vector[0] == 1.0
        auto = await MemoryStore(sessions, "chan").for_viewer("hiyori", "101", like=unit(0))
        assert auto[0].similarity == 1.0 and auto[0].vector is None
    finally:
        await engine.dispose()


async def test_vector_search_pgvector_uses_it_where_the_tables_exist(pgvector_url: str) -> None:
    engine = make_engine(pgvector_url)
    try:
        sessions = make_sessionmaker(engine)
        assert await MemoryStore(sessions, "chan", vector_search="pgvector").pgvector()
        assert await ChunkVectors(sessions, "chan", vector_search="pgvector").available()
    finally:
        await engine.dispose()


async def test_vector_search_pgvector_fails_clearly_without_the_extension(pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        sessions = make_sessionmaker(engine)
        store = MemoryStore(sessions, "chan", vector_search="pgvector")
        with pytest.raises(PgvectorMissing, match=r"vector extension.*migration 0007.*\"exact\""):
            await store.pgvector()
        with pytest.raises(PgvectorMissing):
            await ChunkVectors(sessions, "chan", vector_search="pgvector").available()
        assert not await MemoryStore(sessions, "chan", vector_search="exact").pgvector()
        # writing needs no pgvector: the memory is stored, only its search is refused
        await store.add("hiyori", "101", "sam", [Fact("pet", "has a cat", "e1")], unit(0)[None])
        assert await store.count() == 1
    finally:
        await engine.dispose()


async def test_migration_0007_adds_and_removes_the_pgvector_tables(pgvector_empty_url: str) -> None:
    assert await upgrade(pgvector_empty_url, "0007") == "0007"
    engine = make_engine(pgvector_empty_url)
    try:
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
            indexes = await conn.run_sync(
                lambda sync: {i["name"] for i in inspect(sync).get_indexes("knowledge_vectors")}
            )
            definition = await conn.scalar(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_knowledge_vectors_hnsw'")
            )
        assert tables >= VECTOR_TABLES
        assert "ix_knowledge_vectors_hnsw" in indexes
        assert "hnsw" in definition and "m='32'" in definition and "ef_construction='200'" in definition
        async with engine.begin() as conn:
            await conn.run_sync(lambda sync: command.downgrade(alembic_config(sync), "0006"))
            after_one = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
        assert not after_one & VECTOR_TABLES and "memories" in after_one
        assert await upgrade(pgvector_empty_url, "0007") == "0007"
        async with engine.begin() as conn:
            await conn.run_sync(lambda sync: command.downgrade(alembic_config(sync), "base"))
            left = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
        assert left <= {"alembic_version"}
    finally:
        await engine.dispose()


@pytest.fixture
def plain_role_url(pgvector_server: str) -> Iterator[str]:
    """An empty database on the pgvector server, owned by a role that is not a superuser
    (pgvector is not a trusted extension: such a role may not create it)."""
    role, database = "r_" + uuid.uuid4().hex[:8], "d_" + uuid.uuid4().hex[:8]
    pgv._admin(pgvector_server, f'CREATE ROLE "{role}" LOGIN')
    pgv._admin(pgvector_server, f'CREATE DATABASE "{database}" OWNER "{role}"')
    yield pgv.url_for(pgvector_server, database).replace("postgres@", f"{role}@")
    pgv._admin(pgvector_server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    pgv._admin(pgvector_server, f'DROP ROLE IF EXISTS "{role}"')


async def test_a_role_that_may_not_create_the_extension_gets_the_exact_path(
    plain_role_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    # the savepoint kept the migration's transaction usable
    assert await upgrade(plain_role_url, "0007") == "0007"
    assert "pgvector is available but not created" in caplog.text
    engine = make_engine(plain_role_url)
    try:
        store = MemoryStore(make_sessionmaker(engine), "chan")
        assert not await store.pgvector()
        await store.add("hiyori", "101", "sam", [Fact("pet", "has a cat", "e1")], unit(0)[None])
        assert (await store.for_viewer("hiyori", "101", like=unit(0)))[0].vector is not None
    finally:
        await engine.dispose()


async def test_migration_0007_copies_the_vectors_stored_before_it(pgvector_empty_url: str) -> None:
    assert await upgrade(pgvector_empty_url, "0006") == "0006"
    engine = make_engine(pgvector_empty_url)
    try:
        sessions = make_sessionmaker(engine)
        store = MemoryStore(sessions, "chan")
        facts = [
            Fact("pet", "has a cat", "e1"),
            Fact("game", "plays Go", "e1"),
            Fact("from", "is from Oslo", "e1"),
        ]
        await store.add("hiyori", "101", "sam", facts, np.vstack([unit(0), unit(1), np.zeros(8, np.float32)]))
        knowledge = KnowledgeStore(sessions, "chan")
        chunks = chunk_markdown(LORE)
        await knowledge.add(
            "lore.md", LORE, chunks, np.vstack([unit(i) for i in range(len(chunks))]), by="cli"
        )
        assert not await store.pgvector()

        assert await upgrade(pgvector_empty_url, "0007") == "0007"
        assert await _count(pgvector_empty_url, "memory_vectors") == 2  # the zero vector is left out
        assert await _count(pgvector_empty_url, "knowledge_vectors") == len(chunks)
        after = MemoryStore(sessions, "chan")
        similarity = {r.text: r.similarity for r in await after.for_viewer("hiyori", "101", like=unit(1))}
        assert similarity == {"has a cat": 0.0, "plays Go": 1.0, "is from Oslo": None}
        nearest = await ChunkVectors(sessions, "chan").nearest(unit(2), 1)
        assert list(nearest.values()) == [1.0]
    finally:
        await engine.dispose()
