"""The recall with pgvector (similarities from SQL, the knowledge's nearest chunks from the HNSW
index) and with its exact fallback (PostgreSQL 15 without the extension, or
``memory.vector_search = "exact"`` on the pgvector server): the same answers."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from engines import events as ev
from engines.ai.memory import Fact, chunk_markdown
from engines.ai.safety import SafetyPipeline
from integrations.sentence_encoder import USEEmbedder
from streamer.knowledge_index import KnowledgeIndex
from streamer.memory_recall import Recall, RecallConfig
from streamer.retrieval_check import RetrievalCheck
from streamer.store import make_engine, make_sessionmaker
from streamer.store.knowledge import KnowledgeStore
from streamer.store.memory import MemoryStore, PgvectorMissing, VectorSearch
from tests import pgvector_server as pgv

pgvector_server, pgvector_template, pgvector_url = (
    pgv.pgvector_server,
    pgv.pgvector_template,
    pgv.pgvector_url,
)

SAM = ev.Viewer(id="101", login="sam", display_name="Sam")
EMBEDDER = USEEmbedder()
SAFETY = SafetyPipeline()

LORE = """# Hiyori's lore

## The Moon Tea Shop

The tea shop is called the Crater Cup. The house blend is Crater Chai.

## Schedule

Streams are Tuesday and Friday at 8pm CET.

## Rules

No spoilers for games the stream has not finished.
"""


MODES: list[tuple[str, VectorSearch]] = [
    ("pgvector", "auto"), ("pgvector", "exact"), ("pgvector", "pgvector"), ("postgresql", "auto"),
    ("postgresql", "exact"),
]  # fmt: skip
"""(server, memory.vector_search); "pgvector" on PostgreSQL 15 fails, tested below."""


@pytest.fixture(params=MODES, ids=["-".join(m) for m in MODES])
def url_mode(request: pytest.FixtureRequest) -> tuple[str, VectorSearch, bool]:
    """(database URL, vector_search, whether pgvector searches there)."""
    server, mode = request.param
    url = str(request.getfixturevalue("pgvector_url" if server == "pgvector" else "pg_url"))
    return url, mode, server == "pgvector" and mode != "exact"


def chat(text: str) -> ev.ChatMessage:
    return ev.ChatMessage(channel="chan", user=SAM, text=text)


async def test_a_recall_finds_the_same_on_pgvector_and_on_the_exact_fallback(
    url_mode: tuple[str, VectorSearch, bool],
) -> None:
    url, mode, in_sql = url_mode
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    try:
        memories = MemoryStore(sessions, "chan", vector_search=mode)
        facts = [("pet", "has a cat named Mochi (Mochi has a cold)"), ("game", "plays Fortnite"),
                 ("from", "is from Lisbon"), ("food", "loves ramen")]  # fmt: skip
        texts = [t for _, t in facts]
        await memories.add(
            "hiyori", SAM.id, SAM.login, [Fact(k, t, "e1") for k, t in facts], EMBEDDER.embed(texts)
        )
        knowledge = KnowledgeStore(sessions, "chan")
        chunks = chunk_markdown(LORE)
        await knowledge.add(
            "lore.md", LORE, chunks, EMBEDDER.embed([c.searchable for c in chunks]), by="test"
        )
        index = KnowledgeIndex(knowledge, lambda: 512, vector_search=mode)
        check = RetrievalCheck(lambda: SAFETY)
        recall = Recall(
            memories, index, EMBEDDER.embed, check, RecallConfig(memories=2, knowledge=1, wait_s=5.0),
            allowed_documents=check.documents,
        )  # fmt: skip

        got = await recall.recall(chat("how is your kitty doing? is she still sick?"), "hiyori")
        assert index.pgvector is in_sql
        assert await memories.pgvector() is in_sql
        assert got.memories[0].startswith("has a cat named Mochi")
        assert len(got.memories) == 2
        got = await recall.recall(chat("what is the house blend at your tea shop?"), "hiyori")
        assert len(got.knowledge) == 1 and "Crater Chai" in got.knowledge[0]
        got = await recall.recall(chat("when do you stream this week?"), "hiyori")
        assert "Tuesday and Friday" in got.knowledge[0]
        assert (await recall.recall(chat("how is your kitty doing?"), "sora")).memories == ()
    finally:
        await engine.dispose()


async def test_vector_search_pgvector_fails_clearly_without_the_extension(pg_url: str) -> None:
    engine = make_engine(pg_url)
    sessions = make_sessionmaker(engine)
    try:
        memories = MemoryStore(sessions, "chan", vector_search="pgvector")
        index = KnowledgeIndex(KnowledgeStore(sessions, "chan"), lambda: 512, vector_search="pgvector")
        with pytest.raises(PgvectorMissing, match="vector extension"):
            await memories.pgvector()  # what the app calls at startup
        with pytest.raises(PgvectorMissing, match="migration 0007"):
            await index.refresh(force=True)
        check = RetrievalCheck(lambda: SAFETY)
        recall = Recall(
            memories, index, EMBEDDER.embed, check, RecallConfig(), allowed_documents=check.documents
        )
        with pytest.raises(PgvectorMissing):
            await recall.recall(chat("how is your kitty doing?"), "hiyori")
    finally:
        await engine.dispose()


async def test_chunks_embedded_later_are_found_after_the_index_reloads(pgvector_url: str) -> None:
    engine = make_engine(pgvector_url)
    sessions = make_sessionmaker(engine)
    try:
        knowledge = KnowledgeStore(sessions, "chan")
        chunks = chunk_markdown(LORE)
        await knowledge.add("lore.md", LORE, chunks, None, by="dashboard")  # saved without vectors
        index = KnowledgeIndex(knowledge, lambda: 512)
        await index.refresh(force=True)
        query = EMBEDDER.embed(["what is your tea shop's house blend?"])[0]
        assert await index.nearest(query, "", 1) == {}  # nothing in pgvector yet
        assert index.search(query, "", 1, 0.1) == []  # no similarities given, none held here

        pending = await knowledge.unembedded()
        await knowledge.set_vectors([i for i, _ in pending], EMBEDDER.embed([t for _, t in pending]))
        index.invalidate()  # what the writer's sweep calls
        await index.refresh()
        cosine = await index.nearest(query, "", 1)
        assert cosine is not None
        found = index.search(query, "", 1, 0.0, cosine)
        assert len(cosine) == len(chunks) and "Crater Chai" in found[0][1]
    finally:
        await engine.dispose()


def _texts(found: Sequence[tuple[int, str, float]]) -> list[str]:
    return [t for _, t, _ in found]


async def test_the_keyword_best_is_scored_even_when_not_among_the_nearest(pgvector_url: str) -> None:
    engine = make_engine(pgvector_url)
    sessions = make_sessionmaker(engine)
    try:
        knowledge = KnowledgeStore(sessions, "chan")
        chunks = chunk_markdown(LORE)
        await knowledge.add(
            "lore.md", LORE, chunks, EMBEDDER.embed([c.searchable for c in chunks]), by="test"
        )
        index = KnowledgeIndex(knowledge, lambda: 512)
        index.candidates = 1  # one nearest chunk only: the keyword's best must come in anyway
        await index.refresh(force=True)
        text = "spoilers"
        query = EMBEDDER.embed(["what is the house blend at the tea shop?"])[0]
        cosine = await index.nearest(query, text, 1)
        assert cosine is not None
        assert len(cosine) == 2  # the nearest by vector and the best by keyword
        assert any("No spoilers" in t for t in _texts(index.search(query, text, 2, -1.0, cosine)))
    finally:
        await engine.dispose()
