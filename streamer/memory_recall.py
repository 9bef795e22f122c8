"""Recall for a turn: the picked viewer's memories and the knowledge snippets relevant to what
they said, checked by safety again, ready for the volatile end of the prompt.

Kept off the path to first audio: the brain starts a recall when a message arrives
(:meth:`Recall.prefetch`), while it waits in the selector; the turn then waits at most
``wait_s`` for it and goes on without memory if it is late. The embedding, the ranking and the
safety re-check run in a worker thread; the viewer's rows come through one indexed query
(channel, persona, viewer), because a viewer has few memories. The channel's knowledge chunks
are held in memory (texts and BM25; and, without pgvector, the vectors as one matrix) and
reloaded when the documents change. With pgvector (``streamer.store.memory.uses_pgvector``,
unless ``memory.vector_search = "exact"``) the query is embedded first and the cosine similarities come from SQL: the viewer's rows with
theirs, and the knowledge's nearest chunks from an HNSW index. With ``memory.keyword_search =
"database"`` (and migration 0008's index) the keyword half comes from the database
(``streamer.store.fulltext``): the chunks' best matches and the viewer's memories' scores, read
beside the viewer's rows (or while the query is embedded, with pgvector), fused as BM25's were.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from engines import events as ev
from engines.ai.memory.facts import is_own_wording
from engines.ai.memory.gate import NotesGate
from engines.ai.memory.prompt import Recalled
from engines.ai.memory.rank import KeywordIndex, hybrid_top, hybrid_top_scored
from streamer.knowledge_index import KeywordSource, KnowledgeIndex
from streamer.store.fulltext import KeywordSearch
from streamer.store.memory import MemoryStore, StoredMemory

log = logging.getLogger("streamer.memory")

Embed = Callable[[Sequence[str]], np.ndarray]
Allowed = Callable[[Sequence[str]], list[bool]]
"""Safety on retrieve: for each text, may it go into a prompt."""
Remember = Callable[[Sequence[str], np.ndarray], None]
"""Seeds the shared encoder's cache with vectors it made for these texts earlier."""


ALWAYS: frozenset[str] = frozenset({"name", "pronounce"})
"""Kinds recalled whatever was said (how to address the viewer)."""


@dataclass(frozen=True, slots=True)
class RecallConfig:
    memories: int = 4
    knowledge: int = 2
    knowledge_min_score: float = 0.35
    wait_s: float = 0.03
    max_prefetch: int = 16
    refresh_s: float = 5.0
    memory_min_score: float = 0.0
    """Beyond a viewer's welcome turn, a memory must be this relevant to go in (:class:`NotesGate`)."""
    welcome_after_s: float | None = None
    """A viewer's welcome turn: their first in this long (None: every turn, no gating). With
    a welcome turn (lean notes), memories in the bot's own wording (subs, raids, the first
    visit: ``is_own_wording``) are not recalled."""


class Recall:
    """Recalls for the brain's turns."""

    def __init__(
        self,
        memories: MemoryStore,
        knowledge: KnowledgeIndex | None,
        embed: Embed,
        allowed: Allowed,
        config: RecallConfig = RecallConfig(),
        *,
        allowed_documents: Allowed | None = None,
        summary: Callable[[], str | None] | None = None,
        keyword_search: KeywordSource = "memory",
        remember: Remember | None = None,
    ) -> None:
        self.summary = summary
        """The stream so far (``MemoryWriter.current_summary``), for idle turns only: a
        viewer's turn keeps its prompt short."""
        self.memories = memories
        self.knowledge = knowledge
        self.embed = embed
        self.allowed = allowed
        """Safety on retrieval for memories (they came from chat)."""
        self.allowed_documents = allowed_documents or allowed
        """Safety on retrieval for knowledge snippets (the streamer's own documents)."""
        self.config = config
        self.keyword_search: KeywordSource = keyword_search
        """Whether a viewer's memories are scored by the database's keyword index (where
        migration 0008 made it) or BM25 in memory; the knowledge index has its own setting."""
        self.keywords = KeywordSearch(memories.sessions, memories.channel)
        self.remember = remember
        """Where safety embeds with the same encoder as memory: hands it the stored vectors of the
        memories about to be checked again, so the check does not encode them again."""
        self._pending: OrderedDict[str, asyncio.Task[Recalled]] = OrderedDict()
        self._keys: dict[str, str | None] = {}
        """Event id -> the gate's key (persona and viewer) of what is pending."""
        self.gate = NotesGate(config.memory_min_score, config.welcome_after_s)
        self.stats = RecallStats()

    def prefetch(self, event: ev.EventBase, persona: str) -> None:
        """Start the recall for an event that may be picked (a viewer's, or the streamer's words)."""
        if not _worth_recalling(event) or event.id in self._pending:
            return
        while len(self._pending) >= self.config.max_prefetch:
            old_id, old = self._pending.popitem(last=False)
            self._keys.pop(old_id, None)
            old.cancel()
        self._pending[event.id] = asyncio.create_task(self.recall(event, persona), name="memory-recall")
        self._keys[event.id] = _gate_key(event, persona)

    async def prefetched(self, event_id: str, *, timeout_s: float) -> Recalled | None:
        """The prefetched recall of a waiting event, waiting at most ``timeout_s``; it stays for
        :meth:`for_pick` (the brain's prefill reads it). None: not started, late or failed."""
        task = self._pending.get(event_id)
        if task is None:
            return None
        done, _ = await asyncio.wait([task], timeout=timeout_s)
        if not done or task.cancelled() or task.exception() is not None:
            return None
        return self.gate.apply(task.result(), self._keys.get(event_id))

    async def for_pick(self, events: Sequence[ev.EventBase], persona: str) -> Recalled:
        """The recall for a turn's lead event, waiting at most ``wait_s`` (empty when late or
        when it failed; a failure is logged, never raised)."""
        lead = next((e for e in events if _worth_recalling(e)), None)
        for e in events:
            self._keys.pop(e.id, None)
            if lead is None or e.id != lead.id:
                task = self._pending.pop(e.id, None)
                if task is not None:
                    task.cancel()
        if lead is None:
            return Recalled(summary=self.summary() if self.summary is not None else None)
        task = self._pending.pop(lead.id, None) or asyncio.create_task(self.recall(lead, persona))
        try:
            async with asyncio.timeout(self.config.wait_s):
                got = await asyncio.shield(task)
            key = _gate_key(lead, persona)
            welcomed = self.gate.welcome(key) if key is not None else False
            given = self.gate.apply(got, key)
            self.gate.given(given, key, welcomed=welcomed)
            return given
        except TimeoutError:
            task.cancel()
            self.stats.late += 1
            log.info(
                "memory recall for %s took over %.0f ms; the turn goes on without it",
                lead.id,
                self.config.wait_s * 1000,
            )
        except Exception as exc:  # the database or the embedder failed: speak without memory
            self.stats.failed += 1
            log.warning("memory recall failed (%s: %s)", type(exc).__name__, exc)
        return Recalled()

    async def recall(self, event: ev.EventBase, persona: str) -> Recalled:
        """The viewer's memories and the knowledge relevant to the event, safety-checked.

        The viewer's rows are read first, then one worker thread embeds, searches and ranks:
        one hand-off to a thread per recall. Embedding while the query runs was slower (p50 6
        against 4 ms): the thread holds the GIL for up to its 5 ms switch interval while the
        query's driver waits for it."""
        started = time.perf_counter()
        viewer = event.actor if isinstance(event, ev.InputEvent) else None
        text = event.viewer_text if isinstance(event, ev.InputEvent) else ""
        name = viewer.display_name if viewer else None
        if self.knowledge is not None:
            await self.knowledge.refresh_soon()
        viewer_id = viewer.id if viewer else None
        if await self.memories.pgvector():
            recalled = await self._recall_in_sql(text, viewer_id, persona, name, event.id)
        elif await self._keywords_in_database(text):
            found, hits, memory_hits = await asyncio.gather(
                self._viewer_rows(persona, viewer_id, None),
                self._chunk_hits(text),
                self._memory_hits(text, persona, viewer_id),
            )
            recalled = await asyncio.to_thread(
                self._rank,
                text,
                _not_from(found, event.id, self.config.welcome_after_s is None),
                name,
                None,
                None,
                hits,
                memory_hits,
            )
        else:
            rows: list[StoredMemory] = []
            if viewer is not None:
                rows = await self.memories.for_viewer(persona, viewer.id)
            recalled = await asyncio.to_thread(
                self._rank, text, _not_from(rows, event.id, self.config.welcome_after_s is None), name
            )
        self.stats.recalls += 1
        self.stats.last_ms = (time.perf_counter() - started) * 1000
        return recalled

    async def _recall_in_sql(
        self, text: str, viewer_id: str | None, persona: str, name: str | None, event_id: str
    ) -> Recalled:
        """With pgvector: embed first (one worker thread), then the similarities come from
        SQL (the viewer's rows and the nearest chunks, on two connections at once), then rank
        and check (a second hand-off)."""
        hits: dict[int, float] | None = None
        memory_hits: dict[str, float] | None = None
        if await self._keywords_in_database(text):  # the keyword queries run while it embeds
            vector, hits, memory_hits = await asyncio.gather(
                asyncio.to_thread(self._embed_one, text),
                self._chunk_hits(text),
                self._memory_hits(text, persona, viewer_id),
            )
        else:
            vector = await asyncio.to_thread(self._embed_one, text) if text else None
        rows, cosine = await asyncio.gather(
            self._viewer_rows(persona, viewer_id, vector), self._nearest_chunks(vector, text, hits)
        )
        return await asyncio.to_thread(
            self._rank,
            text,
            _not_from(rows, event_id, self.config.welcome_after_s is None),
            name,
            (vector,),
            cosine,
            hits,
            memory_hits,
        )

    async def _keywords_in_database(self, text: str) -> bool:
        """Whether this recall's keywords come from the database (there is text to search,
        ``keyword_search`` says so and migration 0008's index exists)."""
        return bool(text) and self.keyword_search == "database" and await self.keywords.available()

    async def _chunk_hits(self, text: str) -> dict[int, float] | None:
        if self.knowledge is None:
            return None
        return await self.knowledge.keyword_hits(text)

    async def _memory_hits(self, text: str, persona: str, viewer_id: str | None) -> dict[str, float] | None:
        if viewer_id is None:
            return {}
        return await self.keywords.memories(text, persona, viewer_id)

    async def _viewer_rows(
        self, persona: str, viewer_id: str | None, vector: np.ndarray | None
    ) -> list[StoredMemory]:
        if viewer_id is None:
            return []
        return await self.memories.for_viewer(persona, viewer_id, like=vector)

    async def _nearest_chunks(
        self, vector: np.ndarray | None, text: str, hits: dict[int, float] | None = None
    ) -> dict[int, float] | None:
        if self.knowledge is None or vector is None:
            return None
        return await self.knowledge.nearest(vector, text, self.config.knowledge, hits)

    def _embed_one(self, text: str) -> np.ndarray:
        vector: np.ndarray = self.embed([text])[0]
        return vector

    def _rank(
        self,
        text: str,
        rows: list[StoredMemory],
        viewer: str | None,
        embedded: tuple[np.ndarray | None] | None = None,
        cosine: dict[int, float] | None = None,
        hits: dict[int, float] | None = None,
        memory_hits: dict[str, float] | None = None,
    ) -> Recalled:
        """In a worker thread: embed (unless ``embedded``), search the knowledge, rank the
        viewer's rows, check. ``cosine``: the knowledge's similarities from pgvector;
        ``hits`` and ``memory_hits``: the database's keyword scores (else BM25 in memory)."""
        cfg = self.config
        if embedded is not None:
            vector = embedded[0]
        else:
            vector = self.embed([text])[0] if text and (rows or self.knowledge is not None) else None
        snippets: list[str] = []
        if self.knowledge is not None and text:
            snippets = [
                t
                for _, t, _ in self.knowledge.search(
                    vector, text, cfg.knowledge, cfg.knowledge_min_score, cosine, hits
                )
            ]
        ok = self.allowed_documents(snippets) if snippets else []
        kept_snippets = [s for s, good in zip(snippets, ok, strict=True) if good]
        chosen = self._choose(text, _distinct(rows), vector, memory_hits)
        if self.remember is not None and vector is not None:
            self._remember_stored([r for r, _ in chosen], vector.shape)
        ok = self._memories_allowed([r.text for r, _ in chosen])
        kept = [(r, score) for (r, score), good in zip(chosen, ok, strict=True) if good]
        self.stats.withheld += len(chosen) + len(snippets) - len(kept) - len(kept_snippets)
        return Recalled(
            viewer=viewer, memories=tuple(r.text for r, _ in kept), knowledge=tuple(kept_snippets),
            memory_ids=tuple(r.id for r, _ in kept), memory_scores=tuple(score for _, score in kept),
        )  # fmt: skip

    def _remember_stored(self, rows: list[StoredMemory], shape: tuple[int, ...]) -> None:
        """Hand the shared encoder the stored vectors of the rows about to be checked again."""
        texts: list[str] = []
        vectors: list[np.ndarray] = []
        for r in rows:
            if r.vector is not None and r.vector.shape == shape:
                texts.append(r.text)
                vectors.append(r.vector)
        if texts and self.remember is not None:
            self.remember(texts, np.stack(vectors))

    def _memories_allowed(self, texts: list[str]) -> list[bool]:
        """Safety on retrieval: a memory in the bot's own wording (a sub, a raid, the first
        visit, with numbers and dates) against the blocklists, as a document; the rest as the
        character's words. The semantic layer read "gifted 5 subs" as a scam and a first
        visit's date as personal data."""
        own = [is_own_wording(t) for t in texts]
        theirs = iter(
            self.allowed([t for t, o in zip(texts, own, strict=True) if not o]) if not all(own) else []
        )
        ours = iter(
            self.allowed_documents([t for t, o in zip(texts, own, strict=True) if o]) if any(own) else []
        )
        return [next(ours) if o else next(theirs) for o in own]

    def _choose(
        self,
        text: str,
        rows: list[StoredMemory],
        vector: np.ndarray | None,
        memory_hits: dict[str, float] | None = None,
    ) -> list[tuple[StoredMemory, float]]:
        """The viewer's memories for the prompt with their relevance to what was said (0-1,
        vectors and keywords): the name first, then the best for what was said (every one
        ranked), or the newest when nothing was said (relevance 0). ``memory_hits``: the
        database's keyword scores by memory id (else BM25 over these rows)."""
        if not rows:
            return []
        always = [r for r in rows if r.kind in ALWAYS]
        rest = [r for r in rows if r.kind not in ALWAYS]
        chosen = [(r, 0.0) for r in always[:1]]
        if not rest or self.config.memories <= len(chosen):
            return chosen
        if not text:
            return chosen + [(r, 0.0) for r in rest[: self.config.memories - len(chosen)]]
        if memory_hits is not None:
            keywords = np.asarray([memory_hits.get(r.id, 0.0) for r in rest], dtype=np.float32)
        else:
            keywords = KeywordIndex([r.text for r in rest]).scores(text)
        if any(r.similarity is not None for r in rest):  # pgvector computed them
            similarity = np.asarray([r.similarity or 0.0 for r in rest], dtype=np.float32)
            top = hybrid_top_scored(similarity, keywords, len(rest), min_score=-2.0)
        else:
            top = hybrid_top(
                vector, _stack([r.vector for r in rest], vector), keywords, len(rest), min_score=-2.0
            )
        return chosen + [(rest[i], score) for i, score in top][: self.config.memories - len(chosen)]


@dataclass(slots=True)
class RecallStats:
    recalls: int = 0
    late: int = 0
    failed: int = 0
    withheld: int = 0
    """Memories or snippets safety refused on retrieval."""
    last_ms: float = 0.0


def _stack(vectors: list[np.ndarray | None], like: np.ndarray | None) -> np.ndarray:
    """The memories' vectors as rows (zeros for one without, or from another model)."""
    if like is None:
        return np.zeros((len(vectors), 0), dtype=np.float32)
    return np.vstack([v if v is not None and v.shape == like.shape else np.zeros_like(like) for v in vectors])


def _distinct(rows: list[StoredMemory]) -> list[StoredMemory]:
    """One row per text: a viewer who said where they are from twice is remembered twice in the
    store (each fact keeps its source), and the prompt read "plays Hollow Knight; plays Hollow
    Knight" in a rehearsal."""
    seen: set[str] = set()
    out = []
    for r in rows:
        key = r.text.casefold()
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _not_from(rows: list[StoredMemory], event_id: str, own_wording: bool = True) -> list[StoredMemory]:
    """A turn is not told what its own event made the writer remember ("resubscribed for 14
    months" on the resub's own turn): the event is in the prompt already. Without
    ``own_wording`` (lean notes), no memory in the bot's own wording either."""
    return [r for r in rows if r.source_event_id != event_id and (own_wording or not is_own_wording(r.text))]


def _gate_key(event: ev.EventBase, persona: str) -> str | None:
    actor = event.actor if isinstance(event, ev.InputEvent) else None
    return None if actor is None else f"{persona}\n{actor.id}"


def _worth_recalling(event: ev.EventBase) -> bool:
    if not isinstance(event, ev.InputEvent):
        return False
    return event.actor is not None or isinstance(event, ev.StreamerUtterance | ev.ModeratorInput)
