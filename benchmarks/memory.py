"""Long-term memory: retrieval latency at scale, recall on a labelled set, and what recall adds
to the reply path.

    .venv/bin/python benchmarks/memory.py [--memories 100000] [--chunks 10000] [--samples 600]
        [--database-url URL | --pgvector] [--vector-search auto|exact|pgvector]
        [--keyword-search memory|database] [--ttfa 30] [--notes auto|every_turn|lean]
        [--llm N] [--notes-tokens T] [--head-words W] [--embed-cache N]
        (default: a fresh SQLite file in a temporary folder; auto)

``--database-url`` takes an empty database (PostgreSQL with or without pgvector: migration 0007
decides). ``--pgvector`` starts a PostgreSQL 16 with pgvector from the PyPI package
``pgserver`` (``scripts/install_test_tools.sh``) in a temporary folder and uses it. With
pgvector, the bulk-loaded vectors are copied into its tables before measuring
(``pgvector_copy_s``), and ``stage_knowledge_sql_*`` is the nearest-chunks query.
``--vector-search`` is ``memory.vector_search`` for the measured recall: ``--pgvector
--vector-search exact`` measures the exact path on the pgvector server (``searched_in_sql``
says which path ran). ``--keyword-search`` is ``memory.keyword_search``: BM25 in memory, or the
database's full-text index (migration 0008: PostgreSQL ``tsvector``/GIN, SQLite FTS5;
``keywords_in_database`` says which ran).

The store holds ``--memories`` viewer memories (40 labelled viewers from
``benchmarks/data/memory_viewers.jsonl`` with 10 distractor memories each, the rest filler
viewers with 5 each) and ``--chunks`` knowledge chunks (the fictional streamer's lore,
``benchmarks/data/memory_lore.md``, plus filler game notes). Everything is embedded by the
bundled sentence encoder (USE-multilingual v3, one thread); the filler texts come from
templates, and each distinct text is embedded once.

- ``retrieval_p50_ms`` / ``retrieval_p99_ms``: one :meth:`Recall.recall` for a viewer's chat
  line, end to end: the query's embedding, the viewer's memories from the database (channel,
  persona, viewer), the knowledge search (the in-memory matrix and BM25; with pgvector, the
  nearest chunks from SQL and BM25), the ranking and the safety re-check of what was found
  (the full local safety pipeline).
- ``recall_at_5``: the share of labelled queries whose expected memory or knowledge section is
  among the five recalled (the real recall code, five memories and five snippets, no score
  floor), on the ``frozen`` set (written before any tuning) and the ``heldout`` set.
- ``recall_wait_p50_ms`` / ``recall_wait_p99_ms``: the time the turn waits for memory on the
  reply path before its prompt is sent: the line's input check runs first and the recall is
  started when it passes (as the brain does), and the pick follows at once (the worst case), so
  this is :meth:`Recall.for_pick` plus rendering the notes. Safety and memory share one
  embedder, whose cache (``--embed-cache``, the app's default; 0: none) hands the recall the
  vector the input check made. ``recall_wait_uncached_p50_ms``: the same without that cache.
  ``recall_wait_after_50ms_p50_ms``: with the pick 50 ms after arrival. The retrieval and
  stage figures above never use the cache (each recall embeds its query).
- ``stage_read_*``, ``stage_embed_*``, ``stage_knowledge_*`` (p50, p99): where a recall's
  time goes, from a separate pass of up to 300 recalls: the viewer's rows from the database,
  the query's embedding, the knowledge search (BM25, projection, scan, top k).
  ``stage_keyword_bm25_*``: one BM25 scoring in memory (the chunks' or the viewer's rows; part
  of ``stage_knowledge`` and the ranking); ``stage_keyword_db_*``: with the keywords in the
  database, the chunks' keyword query, and ``stage_keyword_db_memories_*`` the viewer's
  (both run beside the viewer's read, or the embedding with pgvector).
- ``embed_ms_per_text``: embedding in batches of 64 (the writer and ``knowledge add``);
  ``embed_one_ms``: one text (a query).
- ``ttfa_added_p50_ms`` (``--ttfa N``, default 30; 0 skips it): first audio on the bundled
  models (SmolLM2-135M on llama.cpp, piper) with memory on, minus with it off, in the same run:
  the whole reply path with the recall configured as the app configures it (``--notes``:
  ``memory.notes``, whose "auto" is "lean" on the bundled model), each of N chat lines
  from the labelled viewers asked both ways, picked at once (``benchmarks/memory_ttfa.py``
  lists the other ``ttfa_*`` and ``notes_*`` figures).
- With ``--llm N``: ``llm_first_token_added_p50_ms``, the bundled model's time to first token
  with the labelled viewers' notes in the prompt minus without, N turns each, alternating, the
  persona prefix warm (the notes' prompt tokens alone, at ``--notes-tokens``).

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, get_args

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert

from benchmarks.machine import MachineWatch
from config.settings import Settings
from engines import events as ev
from engines.ai.memory import chunk_markdown, render_notes
from engines.ai.memory.chunks import Chunk
from engines.ai.memory.rank import KeywordIndex
from integrations.registry import build_safety
from integrations.sentence_encoder import USEEmbedder
from streamer.knowledge_index import KeywordSource, KnowledgeIndex
from streamer.memory_recall import Recall, RecallConfig
from streamer.retrieval_check import RetrievalCheck
from streamer.store import make_engine, make_sessionmaker, upgrade
from streamer.store.knowledge import KnowledgeStore
from streamer.store.memory import ChunkVectors, MemoryStore, VectorSearch, to_bytes
from streamer.store.models import MemoryRow
from streamer.store.writer import channel_ids

DATA = Path(__file__).with_name("data")
CHANNEL, PERSONA = "bench", "hiyori"

_PETS = ["cat", "dog", "hamster", "rabbit", "parrot", "turtle", "gecko", "fish", "ferret", "horse"]
_NAMES = [
    "Milo",
    "Luna",
    "Toast",
    "Nori",
    "Pepper",
    "Ziggy",
    "Olive",
    "Bean",
    "Kuma",
    "Sprout",
    "Noodle",
    "Comet",
]
_GAMES = ["Terraria", "Portal 2", "Cuphead", "Hades II", "Balatro", "Dota 2", "Rimworld", "Tunic", "Spiritfarer",
          "Monster Hunter", "Slay the Spire", "Return of the Obra Dinn", "Pikmin 4", "Dead Cells", "Satisfactory"]  # fmt: skip
_CITIES = [
    "Lyon",
    "Porto",
    "Krakow",
    "Austin",
    "Leeds",
    "Kobe",
    "Graz",
    "Turin",
    "Quito",
    "Tartu",
    "Busan",
    "Nantes",
]
_FOODS = ["pierogi", "tacos", "pho", "paella", "curry", "gyoza", "lasagna", "falafel", "bibimbap", "poutine"]
_ASKS = ["what game is next", "how long is the stream", "is this your first playthrough", "do you read chat",
         "what's the boss weak to", "are you streaming tomorrow", "what level are you", "can I join the discord"]  # fmt: skip
_PLACES = ["the sunken temple", "the northern mine", "the clock tower", "the frozen lake", "the old library",
           "the desert market", "the sky bridge", "the mushroom caves", "the pirate cove", "the glass garden"]  # fmt: skip
_THINGS = ["a hidden chest behind a waterfall", "a merchant who sells rare seeds", "a boss weak to fire",
           "three puzzle switches", "a shortcut lever", "a secret wall", "a crafting bench", "a fishing spot",
           "an optional miniboss", "a save point with a bench"]  # fmt: skip


def filler_memory(rng: random.Random) -> tuple[str, str]:
    match rng.randrange(6):
        case 0:
            return "pet", f"has a {rng.choice(_PETS)} named {rng.choice(_NAMES)}"
        case 1:
            return "game", f"plays {rng.choice(_GAMES)}"
        case 2:
            return "from", f"is from {rng.choice(_CITIES)}"
        case 3:
            return "likes", f"their favourite food is {rng.choice(_FOODS)}"
        case 4:
            return "asked", f'last asked: "{rng.choice(_ASKS)}?"'
        case _:
            return "history", f"resubscribed for {rng.randrange(2, 60)} months"


def filler_chunks(n: int, rng: random.Random) -> list[Chunk]:
    out = []
    for i in range(n):
        game, place, thing = rng.choice(_GAMES), rng.choice(_PLACES), rng.choice(_THINGS)
        text = f"In {game}, {place} has {thing}. Note {i}: bring {rng.choice(_FOODS)} for healing."
        out.append(Chunk(i, f"Game notes > {game} > {place}", text))
    return out


def embed_distinct(embedder: USEEmbedder, texts: list[str]) -> dict[str, np.ndarray]:
    distinct = sorted(set(texts))
    vectors: dict[str, np.ndarray] = {}
    for i in range(0, len(distinct), 64):
        batch = distinct[i : i + 64]
        for text, v in zip(batch, embedder.embed(batch), strict=True):
            vectors[text] = v
    return vectors


async def build(url: str, n_memories: int, n_chunks: int, embedder: USEEmbedder) -> dict[str, Any]:
    rng = random.Random(16)
    await upgrade(url)
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    viewers = [json.loads(line) for line in (DATA / "memory_viewers.jsonl").read_text().splitlines()]
    rows: list[tuple[str, str, str, str]] = []  # viewer id, login, kind, text
    for i, v in enumerate(viewers):
        rows += [(f"L{i}", v["login"], f["kind"], f["text"]) for f in v["facts"]]
        rows += [(f"L{i}", v["login"], *filler_memory(rng)) for _ in range(10)]
    n = 0
    while len(rows) < n_memories:
        rows += [(f"F{n}", f"filler{n}", *filler_memory(rng)) for _ in range(5)]
        n += 1
    rows = rows[:n_memories]
    started = time.perf_counter()
    vectors = embed_distinct(embedder, [t for *_, t in rows])
    embed_s = time.perf_counter() - started
    now = datetime.now(UTC)
    async with sessions.begin() as session:
        cid = (await channel_ids(session, {CHANNEL}, {}))[CHANNEL]
        batch: list[dict[str, Any]] = []
        for k, (vid, login, kind, text) in enumerate(rows):
            batch.append({"id": f"m{k}:0", "channel_id": cid, "persona": PERSONA, "viewer_id": vid,
                          "viewer_login": login, "kind": kind, "text": text, "source_event_id": f"m{k}",
                          "created_at": now, "updated_at": now, "edited_by": None,
                          "embedding": to_bytes(vectors[text])})  # fmt: skip
            if len(batch) == 5_000:
                await session.execute(insert(MemoryRow), batch)
                batch = []
        if batch:
            await session.execute(insert(MemoryRow), batch)
    lore = (DATA / "memory_lore.md").read_text()
    lore_chunks = chunk_markdown(lore)
    knowledge = KnowledgeStore(sessions, CHANNEL)
    started = time.perf_counter()
    lore_vectors = embedder.embed([c.searchable for c in lore_chunks])
    per_text_s = (time.perf_counter() - started) / len(lore_chunks)
    await knowledge.add("lore.md", lore, lore_chunks, lore_vectors, by="bench")
    filler = filler_chunks(max(0, n_chunks - len(lore_chunks)), rng)
    started = time.perf_counter()
    filler_vectors = embed_distinct(embedder, [c.searchable for c in filler])
    chunk_embed_s = time.perf_counter() - started
    await knowledge.add(
        "game_notes.md",
        "(generated)",
        filler,
        np.vstack([filler_vectors[c.searchable] for c in filler]),
        by="bench",
    )
    copy = await copy_to_pgvector(sessions)
    await engine.dispose()
    return {
        **copy,
        "memories": len(rows), "chunks": len(lore_chunks) + len(filler), "viewers": len(viewers) + n,
        "distinct_texts_embedded": len(vectors) + len(filler_vectors) + len(lore_chunks),
        "embed_setup_s": round(embed_s + chunk_embed_s, 1), "lore_embed_ms_per_text": per_text_s * 1000,
    }  # fmt: skip


async def copy_to_pgvector(sessions: Any) -> dict[str, Any]:
    """With pgvector: copy the bulk-loaded vectors into its tables (what the store's writes and
    the knowledge index's reload do as they go), then ANALYZE. Nothing elsewhere."""
    store = MemoryStore(sessions, CHANNEL)
    if not await store.has_pgvector_tables():
        return {"pgvector": False}
    started = time.perf_counter()
    copied = await store.sync_vectors() + await ChunkVectors(sessions, CHANNEL).sync()
    async with store.engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.exec_driver_sql("ANALYZE")
    return {
        "pgvector": True,
        "pgvector_copied": copied,
        "pgvector_copy_s": round(time.perf_counter() - started, 1),
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def measure(
    url: str,
    embedder: USEEmbedder,
    samples: int,
    vector_search: VectorSearch = "auto",
    keyword_search: KeywordSource = "memory",
    embed_cache: int = 0,
) -> dict[str, Any]:
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    safety = build_safety(Settings(), embedder=embedder)
    safety.warm()
    embedder.cache_size = 0  # every recall below embeds its query, until the brain's wait

    index = KnowledgeIndex(
        KnowledgeStore(sessions, CHANNEL),
        lambda: 512,
        vector_search=vector_search,
        keyword_search=keyword_search,
    )
    await index.refresh(force=True)
    store = MemoryStore(sessions, CHANNEL, vector_search=vector_search)
    config = RecallConfig(memories=5, knowledge=5, knowledge_min_score=0.0, wait_s=5.0)
    check = RetrievalCheck(lambda: safety)
    recall = Recall(
        store, index, embedder.embed, check, config,
        allowed_documents=check.documents, keyword_search=keyword_search, remember=embedder.remember,
    )  # fmt: skip
    viewers = {
        json.loads(line)["login"]: f"L{i}"
        for i, line in enumerate((DATA / "memory_viewers.jsonl").read_text().splitlines())
    }
    queries = [json.loads(line) for line in (DATA / "memory_queries.jsonl").read_text().splitlines()[1:]]

    def event(q: dict[str, Any]) -> ev.ChatMessage:
        login = q["viewer"] or "someone_new"
        user = ev.Viewer(id=viewers.get(login, "N0"), login=login, display_name=login)
        return ev.ChatMessage(channel=CHANNEL, user=user, text=q["text"])

    hits: dict[str, list[bool]] = {"frozen": [], "heldout": []}
    kinds: dict[str, list[bool]] = {"knowledge": [], "viewer": []}
    misses = []
    cold: list[float] = []
    for q in queries:
        started = time.perf_counter()
        got = await recall.recall(event(q), PERSONA)
        cold.append((time.perf_counter() - started) * 1000)
        if q["viewer"] is None:
            hit = any(
                k.startswith(
                    f"Hiyori Moonbell: the channel's knowledge (a fictional VTuber, written for the memory benchmark) > {q['expect']}:"
                )
                for k in got.knowledge
            )
        else:
            hit = q["expect"] in got.memories
        hits[q["set"]].append(hit)
        kinds["viewer" if q["viewer"] else "knowledge"].append(hit)
        if not hit:
            misses.append(f"{q['set']}: {q['text']!r} -> expected {q['expect']!r}")

    timings: list[float] = []
    for i in range(samples):
        q = queries[i % len(queries)]
        started = time.perf_counter()
        await recall.recall(event(q), PERSONA)
        timings.append((time.perf_counter() - started) * 1000)

    stages = await stage_times(recall, [event(queries[i % len(queries)]) for i in range(min(samples, 300))])

    added_now: list[float] = []
    added_uncached: list[float] = []
    added_later: list[float] = []
    for i in range(min(samples, 200)):
        q = queries[(i * 7) % len(queries)]
        # cached and uncached take turns going first (the retrieval check's answers warm the second)
        ways = [(0.0, embed_cache, added_now), (0.0, 0, added_uncached)]
        ways = [*(ways if i % 2 else ways[::-1]), (0.05, embed_cache, added_later)]
        for delay, cache, out in ways:
            embedder.cache_size = cache  # the brain's: the input check, then the recall
            e = event(q).model_copy(update={"id": f"bench-{i}-{delay}-{cache}"})
            safety.check_input(e.text)  # the selector checks a line before the brain prefetches
            recall.prefetch(e, PERSONA)
            if delay:
                await asyncio.sleep(delay)
            started = time.perf_counter()
            got = await recall.for_pick([e], PERSONA)
            render_notes(got, budget_tokens=120)
            out.append((time.perf_counter() - started) * 1000)
    embedder.cache_size = 0

    one = []
    for q in queries[:100]:
        started = time.perf_counter()
        embedder.embed([q["text"]])
        one.append((time.perf_counter() - started) * 1000)
    batch_texts = [q["text"] for q in queries[:256]]
    started = time.perf_counter()
    for i in range(0, len(batch_texts), 64):
        embedder.embed(batch_texts[i : i + 64])
    per_text = (time.perf_counter() - started) * 1000 / len(batch_texts)
    searched_in_sql = await store.pgvector()
    await engine.dispose()
    for line in misses:
        print("miss", line)
    return {
        "vector_search": vector_search, "searched_in_sql": searched_in_sql,
        "keyword_search": keyword_search, "keywords_in_database": bool(index.in_database),
        "retrieval_p50_ms": round(percentile(timings, 50), 2),
        "retrieval_p99_ms": round(percentile(timings, 99), 2),
        "retrieval_cold_p50_ms": round(percentile(cold, 50), 2),
        "recall_at_5": round(statistics.mean(hits["frozen"]), 3),
        "recall_at_5_heldout": round(statistics.mean(hits["heldout"]), 3),
        "recall_at_5_knowledge": round(statistics.mean(kinds["knowledge"]), 3),
        "recall_at_5_viewers": round(statistics.mean(kinds["viewer"]), 3),
        "queries_frozen": len(hits["frozen"]), "queries_heldout": len(hits["heldout"]),
        "recall_wait_p50_ms": round(percentile(added_now, 50), 2),
        "recall_wait_p99_ms": round(percentile(added_now, 99), 2),
        "recall_wait_uncached_p50_ms": round(percentile(added_uncached, 50), 2),
        "embed_cache": embed_cache,
        "recall_wait_after_50ms_p50_ms": round(percentile(added_later, 50), 2),
        "recall_late": recall.stats.late,
        **stages,
        "embed_ms_per_text": round(per_text, 2), "embed_one_ms": round(statistics.median(one), 2),
    }  # fmt: skip


async def stage_times(recall: Recall, events: list[ev.ChatMessage]) -> dict[str, float]:
    """Where a recall's time goes, from a separate pass (the headline timings carry no
    wrappers): the viewer's rows from the database, the query's embedding, the knowledge
    search, p50 and p99 each."""
    spent: dict[str, list[float]] = {
        "read": [], "embed": [], "knowledge": [], "knowledge_sql": [], "keyword_bm25": [], "keyword_db": [],
        "keyword_db_memories": [],
    }  # fmt: skip
    store, index, embed = recall.memories, recall.knowledge, recall.embed
    assert index is not None
    read, search, nearest = store.for_viewer, index.search, index.nearest
    hits, memory_hits, bm25 = index.keyword_hits, recall.keywords.memories, KeywordIndex.scores

    def timed_async(name: str, fn: Any) -> Any:
        async def wrapper(*a: Any, **kw: Any) -> Any:
            started = time.perf_counter()
            try:
                return await fn(*a, **kw)
            finally:
                spent[name].append((time.perf_counter() - started) * 1000)

        return wrapper

    def timed(name: str, fn: Any) -> Any:
        def wrapper(*a: Any, **kw: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                spent[name].append((time.perf_counter() - started) * 1000)

        return wrapper

    store.for_viewer = timed_async("read", read)  # type: ignore[method-assign]
    index.search = timed("knowledge", search)  # type: ignore[method-assign]
    index.nearest = timed_async("knowledge_sql", nearest)  # type: ignore[method-assign]
    recall.embed = timed("embed", embed)
    index.keyword_hits = timed_async("keyword_db", hits)  # type: ignore[method-assign]
    recall.keywords.memories = timed_async("keyword_db_memories", memory_hits)  # type: ignore[method-assign]
    KeywordIndex.scores = timed("keyword_bm25", bm25)  # type: ignore[method-assign]
    try:
        for e in events:
            await recall.recall(e, PERSONA)
    finally:
        del store.for_viewer, index.search, index.nearest, index.keyword_hits, recall.keywords.memories
        recall.embed = embed
        KeywordIndex.scores = bm25  # type: ignore[method-assign]
    out = {}
    for name, values in spent.items():
        if not values or (name == "knowledge_sql" and not index.pgvector):
            continue
        out[f"stage_{name}_p50_ms"] = round(percentile(values, 50), 2)
        out[f"stage_{name}_p99_ms"] = round(percentile(values, 99), 2)
    return out


async def llm_added(turns: int, budget_tokens: int) -> dict[str, Any]:
    """The bundled model's first token with the notes in the prompt, minus without."""
    from config.persona import load_persona
    from engines.ai.context import ContextBuilder, Memory
    from engines.ai.memory import Recalled
    from engines.backends import Limits
    from integrations.llama_cpp.server import LlamaServer, LlamaServerConfig
    from integrations.openai.llm import OpenAILLM

    viewers = [json.loads(line) for line in (DATA / "memory_viewers.jsonl").read_text().splitlines()]
    lore = chunk_markdown((DATA / "memory_lore.md").read_text())
    server = LlamaServer(LlamaServerConfig(verbose=False))
    await server.start()
    llm = OpenAILLM(
        base_url=server.base_url, model=server.model, limits=Limits(first_output_s=30, stall_s=10, total_s=60)
    )
    context = ContextBuilder(load_persona("hiyori"))
    on: list[float] = []
    off: list[float] = []
    tokens: list[int] = []
    try:
        await server.warm_up(context.prefix())
        for i in range(turns * 2 + 2):
            v = viewers[(i // 2) % len(viewers)]
            user = ev.Viewer(id=str(i), login=v["login"], display_name=v["login"])
            said = ev.ChatMessage(channel=CHANNEL, user=user, text=f"Hiyori, how was your day? ({i})")
            prompt = context.describe("chat", [said])
            notes = render_notes(
                Recalled(viewer=v["login"], memories=tuple(f["text"] for f in v["facts"]),
                         knowledge=(lore[(i // 2) % len(lore)].searchable,)),
                budget_tokens=budget_tokens,
            )  # fmt: skip
            with_notes = (i % 2 == 0) == ((i // 2) % 2 == 0)  # alternate which goes first
            request = context.build(prompt, Memory(), notes=notes if with_notes else "")
            started = time.perf_counter()
            stream = llm.stream_chat(request)
            async for _delta in stream:
                break
            elapsed = (time.perf_counter() - started) * 1000
            await stream.aclose()
            if i >= 2:
                (on if with_notes else off).append(elapsed)
                if with_notes:
                    tokens.append(len(notes) // 4 + 1)
    finally:
        await llm.aclose()
        await server.stop()
    return {
        "llm_first_token_on_p50_ms": round(statistics.median(on), 1),
        "llm_first_token_off_p50_ms": round(statistics.median(off), 1),
        "llm_first_token_added_p50_ms": round(statistics.median(on) - statistics.median(off), 1),
        "notes_tokens_estimate": round(statistics.mean(tokens)),
        "llm_turns_each": len(on),
    }


async def ttfa_run(
    url: str,
    embedder: USEEmbedder,
    lines: int,
    settings: Settings,
    notes_tokens: int,
    vector_search: VectorSearch,
    embed_cache: int,
) -> dict[str, Any]:
    """``--ttfa``: first audio with memory on minus off (``benchmarks/memory_ttfa.py``), with the
    recall configured as the app configures it (safety and memory share the embedder and its
    cache)."""
    from benchmarks.memory_ttfa import first_audio_on_off

    embedder.cache_size = embed_cache

    cfg = settings.memory
    _, min_score, welcome_after_s = settings.memory_notes
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    safety = build_safety(Settings(), embedder=embedder)
    safety.warm()
    index = KnowledgeIndex(KnowledgeStore(sessions, CHANNEL), lambda: 512, vector_search=vector_search)
    await index.refresh(force=True)
    check = RetrievalCheck(lambda: safety)
    recall = Recall(
        MemoryStore(sessions, CHANNEL, vector_search=vector_search), index, embedder.embed, check,
        RecallConfig(
            memories=cfg.memories_per_turn, knowledge=cfg.knowledge_per_turn,
            knowledge_min_score=cfg.knowledge_min_score, wait_s=cfg.recall_wait_ms / 1000,
            memory_min_score=min_score, welcome_after_s=welcome_after_s,
        ),
        allowed_documents=check.documents, remember=embedder.remember,  # as the app: one shared encoder
    )  # fmt: skip
    try:
        return await first_audio_on_off(
            recall, safety, lines, budget_tokens=notes_tokens, persona_id=PERSONA, head_words=cfg.head_words
        )
    finally:
        await engine.dispose()


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--memories", type=int, default=100_000)
    parser.add_argument("--chunks", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=600)
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--database-url", default=None, help="an empty database (default: a SQLite file)")
    target.add_argument(
        "--pgvector",
        action="store_true",
        help="a PostgreSQL 16 with pgvector from pgserver, in a temporary folder",
    )
    parser.add_argument(
        "--vector-search",
        choices=get_args(VectorSearch),
        default="auto",
        help="memory.vector_search: auto (pgvector where its tables exist), exact, pgvector",
    )
    parser.add_argument(
        "--keyword-search",
        choices=get_args(KeywordSource),
        default="memory",
        help="memory.keyword_search: memory (BM25 in memory) or database (full-text index, migration 0008)",
    )
    parser.add_argument(
        "--llm", type=int, default=0, help="also time the bundled model's first token, N turns each"
    )
    parser.add_argument(
        "--notes-tokens", type=int, default=None, help="the notes' budget (default: the bot's)"
    )
    parser.add_argument(
        "--notes",
        choices=["auto", "every_turn", "lean"],
        default=None,
        help="memory.notes for --ttfa and --llm (default: the bot's)",
    )
    parser.add_argument(
        "--ttfa",
        type=int,
        default=30,
        help="first audio on the bundled models with memory on and off, N chat lines each way (0: skip)",
    )
    parser.add_argument(
        "--head-words",
        type=int,
        default=None,
        help="memory.head_words for --ttfa: the reply's first piece before the notes (0: notes first; default: the bot's)",
    )
    parser.add_argument(
        "--embed-cache",
        type=int,
        default=USEEmbedder().cache_size,
        help="the shared embedder's cache for the recall wait and --ttfa (default: the app's; 0: none)",
    )
    args = parser.parse_args()
    settings = Settings()
    if args.notes is not None:
        memory = settings.memory.model_copy(update={"notes": args.notes})
        settings = settings.model_copy(update={"memory": memory})
    if args.head_words is not None:
        memory = settings.memory.model_copy(update={"head_words": args.head_words})
        settings = settings.model_copy(update={"memory": memory})
    notes_tokens = settings.memory_notes[0] if args.notes_tokens is None else args.notes_tokens
    embedder = USEEmbedder(threads=1, cache_size=0)  # the cache only where said
    embedder.warm()
    with (
        tempfile.TemporaryDirectory(prefix="bm") as tmp,
        pgvector_server(tmp if args.pgvector else None) as pgv,
    ):
        url = pgv or args.database_url or f"sqlite+aiosqlite:///{tmp}/memory.db"
        started = time.perf_counter()
        built = await build(url, args.memories, args.chunks, embedder)
        built["setup_s"] = round(time.perf_counter() - started, 1)
        print("built", json.dumps(built))
        with MachineWatch() as machine:
            result = await measure(
                url, embedder, args.samples, args.vector_search, args.keyword_search, args.embed_cache
            )
        result.update(machine.report("measured"))
        if args.llm:
            with MachineWatch() as machine:
                result.update(await llm_added(args.llm, notes_tokens))
            result.update(machine.report("llm"))
            result["ttfa_estimate_p50_ms"] = round(
                result["llm_first_token_added_p50_ms"] + result["recall_wait_p50_ms"], 1
            )
        if args.ttfa:
            with MachineWatch() as machine:
                result.update(
                    await ttfa_run(
                        url, embedder, args.ttfa, settings, notes_tokens, args.vector_search, args.embed_cache
                    )
                )
            result.update(machine.report("ttfa"))
    dialect = "postgresql" if url.startswith("postgresql") else "sqlite"
    print(
        json.dumps(
            {"memories": built["memories"], "chunks": built["chunks"], "database": dialect,
             "pgvector": built["pgvector"], **result}
        )
    )  # fmt: skip


@contextlib.contextmanager
def pgvector_server(folder: str | None) -> Iterator[str | None]:
    """``--pgvector``: a pgserver PostgreSQL in ``folder`` (stopped at the end), as a URL."""
    if folder is None:
        yield None
        return
    try:
        pgserver = importlib.import_module("pgserver")  # a test tool, not a dependency
    except ImportError:
        raise SystemExit("--pgvector needs pgserver: bash scripts/install_test_tools.sh") from None
    server = pgserver.get_server(f"{folder}/pg", cleanup_mode="stop")
    try:
        socket_dir = server.get_uri().rpartition("host=")[2]
        yield f"postgresql+asyncpg://postgres@/postgres?host={socket_dir}"
    finally:
        server.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
