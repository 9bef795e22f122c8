"""Viewer memories and knowledge documents in the store, on SQLite, PostgreSQL without pgvector
(the exact fallback) and PostgreSQL with pgvector (pgserver)."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import func, select

from engines.ai.memory import Fact, chunk_markdown
from streamer.store import make_engine, make_sessionmaker
from streamer.store.knowledge import KnowledgeStore
from streamer.store.memory import FORGET_ACTION, MemoryStore
from streamer.store.models import KnowledgeChunk, MemoryRow, ModerationAction
from tests import pgvector_server as pgv

pgvector_server, pgvector_template, pgvector_url = (
    pgv.pgvector_server,
    pgv.pgvector_template,
    pgv.pgvector_url,
)


@pytest.fixture(params=["sqlite", "postgresql", "pgvector"])
def db_url(request: pytest.FixtureRequest) -> str:
    """Each test here runs on the three stores."""
    fixture = {"sqlite": "sqlite_url", "postgresql": "pg_url", "pgvector": "pgvector_url"}[request.param]
    return str(request.getfixturevalue(fixture))


def vec(i: int, dims: int = 8) -> np.ndarray:
    v = np.zeros(dims, dtype=np.float32)
    v[i % dims] = 1.0
    return v


async def test_memories_are_kept_per_persona_and_stored_once(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        store = MemoryStore(make_sessionmaker(engine), "chan")
        facts = [Fact("pet", "has a cat named Mochi", "e1"), Fact("game", "plays Celeste", "e1")]
        vectors = np.vstack([vec(0), vec(1)])
        assert await store.add("hiyori", "101", "Sam", facts, vectors) == 2
        assert await store.add("hiyori", "101", "Sam", facts, vectors) == 0  # redelivered: nothing new
        await store.add("sora", "101", "sam", [Fact("pet", "has a dog named Rex", "e2")], vec(2)[None])

        hiyori = await store.for_viewer("hiyori", "101")
        assert sorted(m.text for m in hiyori) == ["has a cat named Mochi", "plays Celeste"]
        assert {m.source_event_id for m in hiyori} == {"e1"}
        assert hiyori[0].vector is not None and hiyori[0].vector.shape == (8,)
        assert [m.text for m in await store.for_viewer("sora", "101")] == ["has a dog named Rex"]
        assert await store.for_viewer("hiyori", "999") == []
        assert len(await store.of_viewer("SAM")) == 3  # every persona's, by login
        assert [v.viewer_login for v in await store.viewers("sa")] == ["sam"]
        assert await store.viewers("zzz") == []
    finally:
        await engine.dispose()


async def test_a_newer_name_replaces_the_older_one(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        store = MemoryStore(make_sessionmaker(engine), "chan")
        await store.add("hiyori", "101", "sam", [Fact("name", "likes to be called Sam", "e1")])
        await store.add("hiyori", "101", "sam", [Fact("pet", "has a cat named Mochi", "e2")])
        await store.add("hiyori", "101", "sam", [Fact("name", "likes to be called Samwise", "e3")])
        texts = sorted(m.text for m in await store.for_viewer("hiyori", "101"))
        assert texts == ["has a cat named Mochi", "likes to be called Samwise"]
    finally:
        await engine.dispose()


async def test_edit_delete_and_forget_every_row_audited(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    try:
        store = MemoryStore(sessions, "chan")
        await store.add(
            "hiyori",
            "101",
            "sam",
            [Fact("pet", "has a cat named Mochi", "e1"), Fact("game", "plays Celeste", "e1")],
        )
        await store.add("sora", "101", "sam", [Fact("from", "is from Lisbon", "e2")])
        await store.add("hiyori", "202", "kiri", [Fact("game", "plays Tetris", "e3")])
        other = MemoryStore(sessions, "otherchan")
        await other.add("hiyori", "101", "sam", [Fact("game", "plays Go", "e4")])

        assert await store.edit("e1:0", "has a cat named Mochi (she got better)", by="mod1")
        edited = await store.get("e1:0")
        assert edited is not None and edited.edited_by == "mod1" and "got better" in edited.text
        assert not await store.edit("nope", "x", by="mod1")
        assert await store.delete("e1:1")
        assert not await store.delete("e1:1")
        assert await other.get("e1:0") is None  # another channel cannot reach it

        assert await store.forget_viewer("sam", by="sam", audit_id="forget-1", reason="chat command") == 2
        async with sessions() as s:
            left = (await s.execute(select(MemoryRow.viewer_id, MemoryRow.channel_id))).all()
            audit = (
                await s.scalars(select(ModerationAction).where(ModerationAction.action == FORGET_ACTION))
            ).all()
        assert sorted(v for v, _ in left) == ["101", "202"]  # kiri here, and sam only in the other channel
        assert await store.of_viewer("sam") == []
        assert len(await other.of_viewer("101")) == 1
        assert [(a.actor, a.target, a.details["memories"]) for a in audit] == [("sam", "sam", 2)]
        assert (
            await store.forget_viewer("sam", by="sam", audit_id="forget-1") == 0
        )  # audited once per request
        async with sessions() as s:
            assert await s.scalar(select(func.count()).select_from(ModerationAction)) == 1
    finally:
        await engine.dispose()


LORE = """# Hiyori's lore

Hiyori runs the Moon Tea Shop on the far side of the moon.

## Schedule

Streams are Tuesday and Friday at 8pm CET.

## Rules

No spoilers for games the stream has not finished.
"""


async def test_knowledge_documents_add_replace_list_remove(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    try:
        store = KnowledgeStore(sessions, "chan")
        chunks = chunk_markdown(LORE)
        vectors = np.vstack([vec(i) for i in range(len(chunks))])
        doc = await store.add("lore.md", LORE, chunks, vectors, by="cli")
        assert [(d.name, d.chunks) for d in await store.documents()] == [("lore.md", 3)]
        matrix = await store.matrix(8)
        assert matrix.texts[1] == "Hiyori's lore > Schedule: Streams are Tuesday and Friday at 8pm CET."
        assert matrix.vectors.shape == (3, 8) and matrix.vectors[2, 2] == 1.0
        before = await store.version()

        shorter = LORE.split("## Rules")[0]
        assert await store.add("lore.md", shorter, chunk_markdown(shorter), None, by="mod1") == doc
        assert [(d.name, d.chunks, d.created_by) for d in await store.documents()] == [("lore.md", 2, "mod1")]
        assert await store.version() != before
        assert (await store.document(doc)) == ("lore.md", shorter)
        assert not (await store.matrix(8)).vectors.any()  # no vectors given: zeros, not stale ones

        assert await store.remove(doc)
        assert await store.documents() == []
        async with sessions() as s:
            assert await s.scalar(select(func.count()).select_from(KnowledgeChunk)) == 0
    finally:
        await engine.dispose()
