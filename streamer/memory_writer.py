"""The memory writer: a durable consumer of the input stream that remembers what viewers say
about themselves, and forgets a viewer who asks.

It reads in its own consumer group (``memory``), after the fact and off the path to first
audio. For each batch: the extraction rules find the facts (``engines/ai/memory/facts.py``), and
with ``memory.extractor = "llm"`` a capable model finds more (``engines/ai/memory/llm_facts.py``;
when it is down, slow or answers garbage, the batch keeps the rules' facts, within
``memory.llm.timeout_s``); nothing that input safety blocks (or only leans hostile on) is stored,
and a model's fact is checked by input safety itself as well; the facts are embedded
(in a worker thread) and written; then the batch is acked. While the database or the embedder
is down the batch stays in hand and is retried with back-off, and what follows waits unread in
the bus, so an outage delays memory writes and loses none. A memory's id is its source event's
id and its place, so a redelivered batch stores nothing twice.

``!forgetme`` (``memory.forget_command``) deletes every memory of the viewer under every
persona and audits it in ``moderation_actions``.

It keeps the stream's running summary (``engines/ai/memory/summary.py``, extractive), for idle
turns (:meth:`MemoryWriter.current_summary`) and, when the stream goes offline, as a knowledge
document. With a summarizer (``memory.extractor = "llm"`` and ``memory.llm.summary``) a capable
model writes it (``engines/ai/memory/llm_summary.py``): in a background task of its own, at
most every ``memory.llm.summary_every_s`` and only after new lines, and once more when the
stream goes offline; what it writes passes the checks and input safety, or the extractive one
stays in use.

It also reads the output stream, for one thing: how often each viewer was answered (a turn
whose reply was heard, in full or in part, counts once for each viewer among its triggers),
kept current in one ``history`` memory per viewer and persona (id ``answered:<persona>:<viewer
id>``), which ``!forgetme`` deletes with the rest.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from engines import events as ev
from engines.ai.memory.chunks import chunk_markdown
from engines.ai.memory.facts import Fact, extract_facts, is_forget_command
from engines.ai.memory.llm_facts import Extraction, LLMFactExtractor, merge
from engines.ai.memory.llm_summary import LLMStreamSummarizer, StreamSummary
from engines.ai.memory.summary import StreamDigest, clip
from streamer.bus import Backoff, Bus, Delivery, StaleClaim
from streamer.memory_recall import Allowed, Embed
from streamer.store.knowledge import KnowledgeStore
from streamer.store.memory import MemoryStore

if TYPE_CHECKING:
    from config.memory import MemorySettings

log = logging.getLogger("streamer.memory")

GROUP_MEMORY = "memory"
ANSWERED_KIND = "history"
_ANSWERED = re.compile(r"\banswered (?:(once)|(\d+) times)\b")


def answered_id(persona: str, viewer_id: str) -> str:
    """The id of the memory that counts how often the viewer was answered under a persona."""
    return f"answered:{persona}:{viewer_id}"


def answered_text(count: int, last: datetime) -> str:
    times = "once" if count == 1 else f"{count} times"
    return f"was answered {times} on stream (last on {last:%Y-%m-%d})"


def answered_count(text: str | None) -> int:
    """The count in an answered memory's text (0: none, or a text edited without it)."""
    found = _ANSWERED.search(text or "")
    if found is None:
        return 0
    return 1 if found[1] else int(found[2])


def summarizer_for(cfg: MemorySettings, extractor: LLMFactExtractor | None) -> LLMStreamSummarizer | None:
    """The model that writes the stream's summary: the fact extractor's (``memory.llm``), when
    ``memory.llm.summary`` is on; None (the extractive summary alone) without it."""
    if extractor is None or not cfg.llm.summary:
        return None
    llm = cfg.llm
    return LLMStreamSummarizer(
        extractor.chat, timeout_s=llm.timeout_s, cooldown_s=llm.cooldown_s, every_s=llm.summary_every_s,
        min_events=llm.summary_min_events, input_chars=llm.summary_input_chars,
    )  # fmt: skip


@dataclass(slots=True)
class WriterStats:
    batches: int = 0
    facts: int = 0
    stored: int = 0
    withheld: int = 0
    """Facts not stored because input safety refused the message they came from (or, for a
    model's fact, the fact itself)."""
    forgotten: int = 0
    failures: int = 0
    llm_facts: int = 0
    """Facts the model found that the rules did not (before safety)."""
    llm_fallbacks: int = 0
    """Extraction requests that failed, were late or were skipped while the model rested: their
    messages kept the rules' facts only."""
    answered: int = 0
    """Answers counted (a viewer's turn heard); a redelivered one is not counted again."""


class MemoryWriter:
    def __init__(
        self,
        bus: Bus,
        store: MemoryStore,
        *,
        embed: Embed,
        allowed: Allowed,
        persona: Callable[[], str],
        forget_command: str = "!forgetme",
        consumer: str | None = None,
        block_ms: int = 500,
        retry_max_s: float = 5.0,
        claim_idle_ms: int = 30_000,
        on_stored: Callable[[int], None] | None = None,
        knowledge: KnowledgeStore | None = None,
        sweep_every_s: float = 5.0,
        on_knowledge_embedded: Callable[[], None] | None = None,
        extractor: LLMFactExtractor | None = None,
        summarizer: LLMStreamSummarizer | None = None,
        summary_chars: int = 400,
        summary_check_s: float = 5.0,
    ) -> None:
        self.extractor = extractor
        self.summarizer = summarizer
        """Writes the stream's summary (None: the extractive one alone)."""
        self.summary_chars = summary_chars
        self.summary_check_s = summary_check_s
        self._final: tuple[StreamDigest, StreamSummary | None] | None = None
        self._authors: OrderedDict[str, tuple[ev.Viewer | None, datetime]] = OrderedDict()
        """Recent input events' viewers (and times), by event id: a turn's triggers."""
        self._turns: OrderedDict[str, tuple[str, tuple[str, ...]]] = OrderedDict()
        """Turns started and not yet ended: persona and trigger ids."""
        self._awaiting: OrderedDict[str, list[tuple[str, datetime, str]]] = OrderedDict()
        """Answers whose trigger was not read yet (read ahead on the output stream)."""
        self._forgot: OrderedDict[str, datetime] = OrderedDict()
        """Viewers who asked to be forgotten, and when: an answer to what they said before is
        not counted."""
        self._extracted: tuple[tuple[str, ...], Extraction] | None = None
        self.knowledge = knowledge
        self.on_knowledge_embedded = on_knowledge_embedded
        self.sweep_every_s = sweep_every_s
        self.bus = bus
        self.store = store
        self.embed = embed
        self.allowed = allowed
        self.persona = persona
        self.forget_command = forget_command
        self.consumer = consumer or f"{GROUP_MEMORY}-{store.channel}"
        self.block_ms = block_ms
        self.retry_max_s = retry_max_s
        self.claim_idle_ms = claim_idle_ms
        self.on_stored = on_stored
        self.stats = WriterStats()
        self.digest: StreamDigest | None = None
        """The stream on air, summarised so far (None while offline or unknown)."""
        self._digested: OrderedDict[str, None] = OrderedDict()
        self._stop = asyncio.Event()
        self._idle = asyncio.Event()

    def stop(self) -> None:
        self._stop.set()

    async def wait_idle(self, timeout: float) -> bool:
        """Wait until a read found nothing new (everything published so far is remembered)."""
        self._idle.clear()
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True

    async def run(self) -> None:
        batches = self.bus.batches(
            GROUP_MEMORY, self.consumer, ["input", "output"], stop=self._stop, count=200, block_ms=self.block_ms,
            claim=StaleClaim(self.claim_idle_ms, 5.0), backoff=Backoff(max_s=self.retry_max_s), on_idle=self._idle.set,
        )  # fmt: skip
        try:
            await self.restore()
        except Exception as exc:  # the database is down: the summary starts from what comes next
            log.warning("memory: could not restore the stream's summary (%s)", _short(exc))
        tasks = [asyncio.create_task(self._sweep_loop(), name="memory-sweep")]
        if self.summarizer is not None:
            tasks.append(asyncio.create_task(self._summary_loop(), name="memory-summary"))
        try:
            async with batches:
                async for batch in batches:
                    if await self._durably(batch) and not await batches.ack(batch):
                        log.warning("memory: ack failed; %d entries come back, deduplicated", len(batch))
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _summary_loop(self) -> None:
        """The model's rolling summary, beside the batches: never what a batch waits for."""
        while not self._stop.is_set():
            await self.refresh_summary()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.summary_check_s)

    async def refresh_summary(self) -> bool:
        """Ask the model for the rolling summary if it is due. True when a new one is in use."""
        if self.summarizer is None or self.digest is None or not self.summarizer.due(self.digest):
            return False
        try:
            return await self.summarizer.refresh(self.digest, self.allowed)
        except Exception as exc:  # a bug or safety failing: the extractive summary stays
            log.warning("memory: the stream summary was not refreshed (%s)", _short(exc))
            return False

    async def _sweep_loop(self) -> None:
        while not self._stop.is_set():
            try:
                await self.sweep()
            except Exception as exc:  # the database or the embedder: the next sweep tries again
                log.warning("memory: could not embed edited memories (%s)", _short(exc))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.sweep_every_s)

    async def sweep(self) -> int:
        """Embed what the dashboard saved without vectors (edited memories, knowledge documents).
        Returns how many were embedded."""
        done = 0
        items = await self.store.unembedded()
        if items:
            vectors = await asyncio.to_thread(self.embed, [text for _, text in items])
            await self.store.set_vectors(items, vectors)
            done += len(items)
        if self.knowledge is not None:
            chunks = await self.knowledge.unembedded()
            if chunks:
                vectors = await asyncio.to_thread(self.embed, [text for _, text in chunks])
                await self.knowledge.set_vectors([i for i, _ in chunks], vectors)
                done += len(chunks)
                if self.on_knowledge_embedded is not None:
                    self.on_knowledge_embedded()
        if done:
            log.info("memory: embedded %d edited memories and knowledge chunks", done)
        return done

    async def _durably(self, batch: Sequence[Delivery]) -> bool:
        delay = 0.1
        while True:
            try:
                await self.handle([d.event for d in batch])
                return True
            except Exception as exc:  # the database or the embedder: keep the batch, retry
                self.stats.failures += 1
                if self._stop.is_set():
                    log.error(
                        "memory write failed while stopping (%s); %d events stay in the bus",
                        _short(exc),
                        len(batch),
                    )
                    return False
                log.warning("memory write failed (%s); retry in %.1fs, nothing is lost", _short(exc), delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), delay)
            delay = min(delay * 2, self.retry_max_s)

    async def handle(self, events: Sequence[ev.EventBase]) -> int:
        """Remember what the events say (and forget who asks). Returns the memories stored."""
        persona = self.persona()
        extracted = await self._extract(events)
        found: list[tuple[ev.Viewer, str, list[Fact], list[Fact]]] = []
        for e in events:
            if isinstance(e, ev.InputEvent):
                await self._follow_stream(e)
                self._learn(e)
            if not isinstance(e, ev.InputEvent) or (viewer := e.actor) is None:
                continue
            if isinstance(e, ev.ChatMessage) and is_forget_command(e.text, self.forget_command):
                found = [f for f in found if f[0].id != viewer.id]  # said before the request: forgotten too
                await self._forget(e, viewer)
                continue
            facts = extract_facts(e)
            extra = merge(facts, extracted.facts.get(e.id, []))[len(facts) :]
            self.stats.llm_facts += len(extra)
            if facts or extra:
                found.append((viewer, e.viewer_text, facts, extra))
        await self._count_answers(events)
        if not found:
            self.stats.batches += 1
            return 0
        kept = await self._allowed(found)
        texts = [fact.text for _, facts in kept for fact in facts]
        vectors = await asyncio.to_thread(self.embed, texts) if texts else np.zeros((0, 0), dtype=np.float32)
        stored, at = 0, 0
        for viewer, facts in kept:
            stored += await self.store.add(
                persona, viewer.id, viewer.login, facts, vectors[at : at + len(facts)]
            )
            at += len(facts)
        self.stats.batches += 1
        self.stats.facts += len(texts)
        self.stats.stored += stored
        if stored:
            log.info("memory: %d new memories (%s)", stored, persona)
            if self.on_stored is not None:
                self.on_stored(stored)
        return stored

    async def _allowed(
        self, found: Sequence[tuple[ev.Viewer, str, list[Fact], list[Fact]]]
    ) -> list[tuple[ev.Viewer, list[Fact]]]:
        """What input safety lets through: nothing from a message it refuses, and a model's fact
        only if its own text passes too (one call for the batch)."""
        said = [text for _, text, _, _ in found]
        extra = [fact.text for *_, facts in found for fact in facts]
        ok = await asyncio.to_thread(self.allowed, [*said, *extra])
        fact_ok = iter(ok[len(said) :])
        kept: list[tuple[ev.Viewer, list[Fact]]] = []
        for (viewer, text, rules, model), good in zip(found, ok[: len(said)], strict=True):
            model_ok = [f for f in model if next(fact_ok)]
            if text and not good:
                self.stats.withheld += len(rules) + len(model)
                continue
            self.stats.withheld += len(model) - len(model_ok)
            kept.append((viewer, [*rules, *model_ok]))
        return kept

    async def _extract(self, events: Sequence[ev.EventBase]) -> Extraction:
        """The model's facts (none without a model). A batch retried after a database failure
        is not asked about again."""
        if self.extractor is None:
            return Extraction()
        key = tuple(e.id for e in events)
        if self._extracted is not None and self._extracted[0] == key:
            return self._extracted[1]
        extraction = await self.extractor.extract(events)
        self.stats.llm_fallbacks += extraction.failed + extraction.skipped
        if extraction.failed:
            log.warning("memory: %d extraction requests failed; the rules' facts stand", extraction.failed)
        self._extracted = (key, extraction)
        return extraction

    def current_summary(self) -> str | None:
        """The stream so far, for idle turns (None while offline): the model's summary when it
        wrote one that passed, else the extractive one, in at most ``summary_chars``."""
        if self.digest is None or self.summary_chars <= 0:
            return None
        written = None if self.summarizer is None else self.summarizer.current(self.digest)
        if written is not None:
            return clip(written.summary, self.summary_chars)
        return self.digest.text(self.summary_chars)

    # ------------------------------------------------------------------ answered

    def _learn(self, e: ev.InputEvent) -> None:
        """Remember who is behind the event (a turn's trigger; None: no viewer, the streamer's
        words, a moderator's input), and when it happened."""
        self._authors[e.id] = (e.actor, e.ts)
        self._authors.move_to_end(e.id)
        while len(self._authors) > 20_000:
            self._authors.popitem(last=False)

    async def _count_answers(self, events: Sequence[ev.EventBase]) -> None:
        """Count the answers the output events say were heard (after the batch's inputs, whose
        viewers they name by id). State changes only once an answer is written, so a batch
        written again after a failure counts what it had not (what it had is not counted twice:
        see :meth:`MemoryStore.keep_current`)."""
        for e in events:
            if isinstance(e, ev.InputEvent) and e.id in self._awaiting:
                for persona, at, source in list(self._awaiting[e.id]):
                    await self._answered(persona, [e.id], at, source)
                self._awaiting.pop(e.id, None)
            match e:
                case ev.ReplyStarted() if e.trigger_ids:
                    self._turns[e.turn_id] = (e.persona, e.trigger_ids)
                    while len(self._turns) > 1_000:
                        self._turns.popitem(last=False)
                case ev.ReplyFinished() | ev.ReplyInterrupted():
                    turn = self._turns.get(e.turn_id)
                    heard = e.text if isinstance(e, ev.ReplyFinished) else e.heard_text
                    if turn is not None and heard.strip():
                        await self._answered(turn[0], turn[1], e.ts, e.id)
                    self._turns.pop(e.turn_id, None)
                case _:
                    pass

    async def _answered(self, persona: str, triggers: Sequence[str], at: datetime, source: str) -> None:
        """One answer for each viewer among the triggers."""
        counted: set[str] = set()
        for trigger in triggers:
            known = self._authors.get(trigger)
            if known is None:
                parked = self._awaiting.setdefault(trigger, [])
                if (persona, at, source) not in parked:
                    parked.append((persona, at, source))
                while len(self._awaiting) > 1_000:
                    self._awaiting.popitem(last=False)
                continue
            viewer, said_at = known
            if viewer is None:
                continue
            forgot = self._forgot.get(viewer.id)
            if viewer.id in counted or (forgot is not None and said_at <= forgot):
                continue
            counted.add(viewer.id)
            changed = await self.store.keep_current(
                answered_id(persona, viewer.id), persona, (viewer.id, viewer.login), ANSWERED_KIND,
                lambda old: answered_text(answered_count(old) + 1, at),
                at=at, source_event_id=source, embed=self.embed,
            )  # fmt: skip
            if changed:
                self.stats.answered += 1

    async def _follow_stream(self, e: ev.InputEvent) -> None:
        """The running summary; when the stream goes offline it is kept as a knowledge
        document. Each event counts once, a batch written again after a failure included."""
        if e.id in self._digested:
            return
        if isinstance(e, ev.StreamState) and e.online is not None:
            if self.digest is not None:  # offline, or online again without an offline between
                await self._keep(self.digest)
                self.digest = None
            if e.online:
                self.digest = StreamDigest(started=e.ts)
        if self.digest is not None:
            self.digest.add(e)
        self._digested[e.id] = None
        while len(self._digested) > 20_000:
            self._digested.popitem(last=False)

    async def _keep(self, digest: StreamDigest) -> None:
        """Store a finished stream's summary as a knowledge document (named by its start, so a
        repeated offline replaces it rather than adding another)."""
        if self.knowledge is None:
            return
        written = await self._final_summary(digest)
        body = digest.text() if written is None else f"{written.markdown()}\n\n{digest.text()}"
        text = f"# Past streams\n\n## {digest.name}\n\n{body}\n"
        chunks = chunk_markdown(text)
        vectors = await asyncio.to_thread(self.embed, [c.searchable for c in chunks])
        await self.knowledge.add(digest.name, text, chunks, vectors, by="memory")
        log.info("memory: kept the summary of %s", digest.name)
        if self.on_knowledge_embedded is not None:
            self.on_knowledge_embedded()

    async def _final_summary(self, digest: StreamDigest) -> StreamSummary | None:
        """The model's final summary of the stream (None: the extractive one alone), asked
        once even when the batch is written again after a failure."""
        if self.summarizer is None:
            return None
        if self._final is not None and self._final[0] is digest:
            return self._final[1]
        try:
            written = await self.summarizer.final(digest, self.allowed)
        except Exception as exc:  # a bug or safety failing: the extractive summary is kept
            log.warning("memory: no final stream summary from the model (%s)", _short(exc))
            written = None
        self._final = (digest, written)
        return written

    async def restore(self) -> None:
        """After a restart mid-stream: the running summary again, from the stored events."""
        events = await self.store.current_stream()
        self.digest = None
        for e in events:
            await self._follow_stream(e)
            self._learn(e)
        if self.digest is not None:
            log.info("memory: the stream's summary restored from %d stored events", len(events))

    async def _forget(self, e: ev.ChatMessage, viewer: ev.Viewer) -> None:
        deleted = await self.store.forget_viewer(
            viewer.id, by=viewer.login, audit_id=e.id, reason=f"chat command {self.forget_command}", at=e.ts
        )
        self.stats.forgotten += 1
        self._forgot[viewer.id] = e.ts
        while len(self._forgot) > 10_000:
            self._forgot.popitem(last=False)
        log.info("memory: forgot viewer %s on request (%d memories)", viewer.login, deleted)


def _short(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}"
