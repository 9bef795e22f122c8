"""Keyword search in the database (migration 0008): PostgreSQL full-text search and SQLite FTS5,
kept in step with the rows, safe on any chat text, one channel's and one persona's rows only;
on SQLite, PostgreSQL 15 and PostgreSQL 16 with pgvector (pgserver)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from alembic import command
from sqlalchemy import text, update

from engines import events as ev
from engines.ai.memory import Fact, chunk_markdown
from engines.ai.safety import SafetyPipeline
from integrations.sentence_encoder import USEEmbedder
from streamer.knowledge_index import KnowledgeIndex
from streamer.memory_recall import Recall, RecallConfig
from streamer.retrieval_check import RetrievalCheck
from streamer.store import fulltext, make_engine, make_sessionmaker, upgrade
from streamer.store.fulltext import MAX_WORDS, KeywordSearch, fts5_or, query_words, websearch_or
from streamer.store.knowledge import KnowledgeStore
from streamer.store.memory import MemoryStore
from streamer.store.migrate import alembic_config
from streamer.store.models import KnowledgeChunk
from tests import pgvector_server as pgv
from tests.conftest import _pg_admin, _pg_database_url

pgvector_server, pgvector_template, pgvector_url = (
    pgv.pgvector_server,
    pgv.pgvector_template,
    pgv.pgvector_url,
)

LORE = """# Lore

## The lantern keeper

Zorblax keeps the moon lanterns lit above the Crater Cup.

## Schedule

Streams are Tuesday and Friday at 8pm CET, moon permitting.
"""

SAM = ev.Viewer(id="101", login="sam", display_name="Sam")

HOSTILE = [
    '"', '""', "'", "zorblax\"", '"zorblax', "NEAR(zorblax lantern)", "zorblax OR", "OR zorblax AND",
    "NOT zorblax", "zorblax*", "^zorblax", "heading: zorblax", "text:zorblax", "{heading text}: zorblax",
    "zorblax -lantern", "+zorblax", "(zorblax", "zorblax)", "zorblax & | ! <-> :*", "'; DROP TABLE memories; --",
    "zorblax\x00lantern", "\\zorblax\\", "zorblax' or '1'='1", "ZORBLAX!!!", "zörblax", "zorblax:A",
    "<-> zorblax <2>", " ".join(["zorblax"] * 300), "x" * 100_000, " ".join(["zorblax"] + [f"w{i}" for i in range(5_000)]),
]  # fmt: skip
"""Chat lines that would be syntax errors (or operators, column filters, SQL) if passed on."""


@pytest.fixture(params=["sqlite", "postgresql", "pgvector"])
def db_url(request: pytest.FixtureRequest) -> str:
    fixture = {"sqlite": "sqlite_url", "postgresql": "pg_url", "pgvector": "pgvector_url"}[request.param]
    return str(request.getfixturevalue(fixture))


def test_query_words_keep_letters_and_digits_only() -> None:
    assert query_words('Who is "Zorblax"? NEAR(the) lantern* -- OR 2nd') == [
        "zorblax",
        "near",
        "lantern",
        "2nd",
    ]
    assert query_words("the and of") == []
    assert len(query_words(" ".join(f"w{i}" for i in range(100)))) == MAX_WORDS
    assert websearch_or(["a1", "b2"]) == "a1 or b2"
    assert fts5_or(["a1", "b2"]) == '"a1" OR "b2"'


async def _lore(sessions: object, channel: str = "chan") -> KnowledgeStore:
    knowledge = KnowledgeStore(sessions, channel)  # type: ignore[arg-type]
    await knowledge.add("lore.md", LORE, chunk_markdown(LORE), None, by="test")
    return knowledge


async def test_chunks_are_indexed_on_insert_update_and_delete(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    try:
        knowledge = await _lore(sessions)
        search = KeywordSearch(sessions, "chan")
        assert await search.available()
        hits = await search.chunks("did zorblax ever find the lanterns?", 5)
        assert len(hits) == 1 and all(score > 0 for score in hits.values())
        (zorblax,) = hits
        both = await search.chunks("zorblax streams", 5)
        assert zorblax in both and len(both) == 2
        assert list(await search.chunks("lantern keeper zorblax streams", 1)) == [
            zorblax
        ]  # more words, first

        async with sessions.begin() as session:  # an edit in place: the update trigger / generated column
            await session.execute(
                update(KnowledgeChunk)
                .where(KnowledgeChunk.id == zorblax)
                .values(text="Quibblewick keeps them now.")
            )
        assert await search.chunks("zorblax", 5) == {}
        assert list(await search.chunks("quibblewick", 5)) == [zorblax]

        await knowledge.add(
            "lore.md",
            "# Lore\n\nMoss golems guard the shop.",
            chunk_markdown("# Lore\n\nMoss golems guard the shop."),
            None,
            by="t",
        )
        assert await search.chunks("quibblewick", 5) == {}  # replaced: the old chunks are gone
        assert len(await search.chunks("golems", 5)) == 1
        (doc,) = await knowledge.documents()
        assert await knowledge.remove(doc.id)
        assert await search.chunks("golems", 5) == {}
    finally:
        await engine.dispose()


async def test_memories_are_indexed_and_forgetting_removes_their_words(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    try:
        store = MemoryStore(sessions, "chan")
        search = KeywordSearch(sessions, "chan")
        facts = [Fact("pet", "has a cat named Mochi", "e1"), Fact("game", "plays Celeste", "e1")]
        await store.add("hiyori", "101", "sam", facts)
        await store.add("sora", "101", "sam", [Fact("pet", "has a ferret named Mochi", "e2")])
        await store.add("hiyori", "202", "kiri", [Fact("pet", "has a dog named Mochi", "e3")])

        hits = await search.memories("how is mochi?", "hiyori", "101")
        assert list(hits) == ["e1:0"] and hits["e1:0"] > 0  # this persona's, this viewer's
        assert list(await search.memories("celeste speedrun", "hiyori", "101")) == ["e1:1"]
        assert await search.memories("celeste", "sora", "101") == {}

        assert await store.edit("e1:1", "plays Hollow Knight", by="mod")
        assert await search.memories("celeste", "hiyori", "101") == {}
        assert list(await search.memories("hollow knight", "hiyori", "101")) == ["e1:1"]
        assert await store.delete("e1:1")
        assert await search.memories("hollow knight", "hiyori", "101") == {}

        assert await store.forget_viewer("sam", by="sam") == 2
        assert await search.memories("mochi", "hiyori", "101") == {}
        assert await search.memories("mochi", "sora", "101") == {}
        assert list(await search.memories("mochi", "hiyori", "202")) == ["e3:0"]
        async with engine.connect() as conn:  # no keyword row keeps a forgotten memory's words
            if conn.dialect.name == "sqlite":
                left = await conn.scalar(
                    text("SELECT count(*) FROM memories_fts WHERE memories_fts MATCH 'mochi'")
                )
                rows = await conn.scalar(text("SELECT count(*) FROM memories_fts"))
                assert (left, rows) == (1, 1)
            else:
                left = await conn.scalar(
                    text(
                        "SELECT count(*) FROM memories WHERE search_vector @@ plainto_tsquery('english', 'mochi')"
                    )
                )
                assert left == 1
    finally:
        await engine.dispose()


async def test_a_word_in_too_many_rows_is_left_out(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    try:
        await _lore(sessions)
        store = MemoryStore(sessions, "chan")
        facts = [Fact("pet", "has a cat named Zorblax", "e1"), Fact("pet", "has a cat named Pip", "e2")]
        await store.add("hiyori", "101", "sam", facts)
        search = KeywordSearch(sessions, "chan")
        assert len(await search.chunks("moon", 5)) == 2
        assert len(await search.memories("cat", "hiyori", "101")) == 2
        monkeypatch.setattr(fulltext, "COMMON", 2)  # "moon" is in two chunks, "cat" in two memories
        assert await search.chunks("moon", 5) == {}
        assert len(await search.chunks("moon zorblax", 5)) == 1
        if engine.dialect.name == "sqlite":  # PostgreSQL ranks a viewer's few rows, read by index
            assert await search.memories("cat", "hiyori", "101") == {}
            assert list(await search.memories("cat zorblax", "hiyori", "101")) == ["e1:0"]
        else:
            assert len(await search.memories("cat", "hiyori", "101")) == 2
    finally:
        await engine.dispose()


async def test_a_memory_with_an_odd_id_leaves_no_words_behind(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    try:
        store = MemoryStore(sessions, "chan")
        await store.add("hiyori", "101", "sam", [Fact("pet", "has a cat named Mochi", 'odd" OR "id')])
        await store.add("hiyori", "101", "sam", [Fact("pet", "has a dog named Mochi", "odd")])
        assert await store.delete('odd" OR "id:0')  # its id is a phrase in the FTS index, quoted
        async with engine.connect() as conn:
            left = await conn.execute(text("SELECT memory_id FROM memories_fts"))
            assert [m for (m,) in left] == ["odd:0"]
    finally:
        await engine.dispose()


async def test_hostile_chat_is_never_a_query_syntax_error(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    try:
        await _lore(sessions)
        store = MemoryStore(sessions, "chan")
        await store.add("hiyori", "101", "sam", [Fact("pet", "has a lizard named Zorblax", "e1")])
        search = KeywordSearch(sessions, "chan")
        for line in HOSTILE:
            chunks = await search.chunks(line, 5)
            memories = await search.memories(line, "hiyori", "101")
            if "zorblax" in line.lower().replace("\x00", " "):
                assert len(chunks) == 1, line
                assert list(memories) == ["e1:0"], line
        assert await search.chunks("", 5) == {} and await search.chunks("the of and", 5) == {}
        async with engine.connect() as conn:  # the injection attempt dropped nothing
            assert await conn.scalar(text("SELECT count(*) FROM memories")) == 1
    finally:
        await engine.dispose()


async def test_one_channel_never_sees_another_channels_chunks(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    try:
        await _lore(sessions, "other")
        mine = KeywordSearch(sessions, "chan")
        assert await mine.chunks("zorblax", 5) == {}
        await _lore(sessions, "chan")
        theirs = set(await KeywordSearch(sessions, "other").chunks("zorblax", 5))
        ours = set(await mine.chunks("zorblax", 5))
        assert len(ours) == 1 and not ours & theirs
    finally:
        await engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database, not migrated."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
        return
    name = "vtuber_fts_" + uuid.uuid4().hex[:10]
    _pg_admin(f'CREATE DATABASE "{name}"')
    yield _pg_database_url(name)
    _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def test_the_migration_indexes_the_rows_already_there_and_goes_down(empty_url: str) -> None:
    await upgrade(empty_url, "0007")
    engine = make_engine(empty_url)
    sessions = make_sessionmaker(engine)
    try:
        await _lore(sessions)
        await MemoryStore(sessions, "chan").add(
            "hiyori", "101", "sam", [Fact("pet", "has a cat named Mochi", "e1")]
        )
        search = KeywordSearch(sessions, "chan")
        assert not await search.available()
        await upgrade(empty_url, "0008")
        search = KeywordSearch(sessions, "chan")
        assert await search.available()
        assert len(await search.chunks("zorblax", 5)) == 1
        assert list(await search.memories("mochi", "hiyori", "101")) == ["e1:0"]
        async with engine.begin() as conn:
            await conn.run_sync(lambda sync: command.downgrade(alembic_config(sync), "0007"))
        assert not await KeywordSearch(sessions, "chan").available()
        await MemoryStore(sessions, "chan").add("hiyori", "101", "sam", [Fact("game", "plays Celeste", "e2")])
        await upgrade(empty_url, "0008")  # up again: the rows written meanwhile are indexed too
        assert list(await KeywordSearch(sessions, "chan").memories("celeste", "hiyori", "101")) == ["e2:0"]
    finally:
        await engine.dispose()


FILLER = "\n\n".join(
    f"## Notes {i}\n\nThe {game} run on day {i} went {mood}; chat picked the {colour} skin."
    for i, (game, mood, colour) in enumerate(
        (g, m, c)
        for g in ("Celeste", "Hades", "Elden Ring", "Hollow Knight")
        for m in ("well", "badly", "long")
        for c in ("red", "blue", "gold")
    )
)
LORE_NAMES = f"""# Lore

## The night shift

Vexmoria Thornwhistle brews the midnight tea when the shop is closed.

## Greetings

Say hi in chat when the stream starts; the character greets everyone back by name.

## Raids

Welcome the raiders and thank the channel that sent them.

{FILLER}
"""


async def test_a_made_up_name_is_found_by_the_database_keywords_alone(db_url: str) -> None:
    embedder = USEEmbedder()
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    try:
        knowledge = KnowledgeStore(sessions, "chan")
        chunks = chunk_markdown(LORE_NAMES)
        vectors = embedder.embed([c.searchable for c in chunks])
        await knowledge.add("lore.md", LORE_NAMES, chunks, vectors, by="t")
        memories = MemoryStore(sessions, "chan")
        facts = [("pet", "has an axolotl named Quizzlepuff"), ("game", "plays Hades"), ("from", "is from Lisbon"),
                 ("food", "loves ramen"), ("history", "always says hi to everyone when the stream starts"),
                 ("food", "hates olives")]  # fmt: skip
        await memories.add(
            "hiyori",
            "101",
            "sam",
            [Fact(k, t, "e1") for k, t in facts],
            embedder.embed([t for _, t in facts]),
        )
        index = KnowledgeIndex(knowledge, lambda: 512, keyword_search="database")
        check = RetrievalCheck(lambda: SafetyPipeline())
        recall = Recall(
            memories, index, embedder.embed, check, RecallConfig(memories=1, knowledge=1, wait_s=5.0),
            allowed_documents=check.documents, keyword_search="database",
        )  # fmt: skip
        question = "tell vexmoria hello"
        await index.refresh(force=True)
        assert index.in_database and index._index is not None and index._index.keywords is None
        nearest = int(np.argmax(vectors @ embedder.embed([question])[0]))
        assert "Thornwhistle" not in chunks[nearest].text  # the vectors alone miss it

        got = await recall.recall(ev.ChatMessage(channel="chan", user=SAM, text=question), "hiyori")
        assert len(got.knowledge) == 1 and "Vexmoria Thornwhistle" in got.knowledge[0]
        line = "tell quizzlepuff hello"
        got = await recall.recall(ev.ChatMessage(channel="chan", user=SAM, text=line), "hiyori")
        assert got.memories == ("has an axolotl named Quizzlepuff",)
        assert (
            await recall.recall(ev.ChatMessage(channel="chan", user=SAM, text=line), "sora")
        ).memories == ()
        other = ev.Viewer(id="202", login="kiri", display_name="Kiri")
        assert (
            await recall.recall(ev.ChatMessage(channel="chan", user=other, text=line), "hiyori")
        ).memories == ()
    finally:
        await engine.dispose()
