"""The brain: owns one turn at a time for a channel.

Three tasks run side by side:

- **input**: reads the input stream, offers each event to the selector, acks;
- **control**: reads the control stream on its own, so an interrupt never waits behind chat;
- **turns**: asks the selector for the next pick and runs it as a cancellable turn:
  context → LLM stream → sentence splitter → emotion tags → output safety → performer.

While an event waits (the character is talking, or the gap between turns runs), its turn's
prompt is prefilled into the local model server's cache once the running turn's reply has been
written (``prefill``), so its first token comes after one token of prompt work, not the whole
volatile part.

Everything the brain decides is published as an output event (decision, reply.started,
reply.sentence when it is heard, reply.blocked, reply.interrupted, reply.finished, metric).
A failing LLM or TTS ends that turn cleanly; the next turn goes on.

Over 400 lines: the turn policy (hold-for-review, preemption, the moderation re-check, crisis
flags, writing a parroted reply once more, the prefill of what waits) shares the running
turn's state; the controls, the review desk, the preemption gates and the reply stage live in
their own modules.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import cast

from config.persona import Persona
from config.settings import DEFAULT_CRISIS_RESOURCE
from engines import events as ev
from engines.ai.context import ContextBuilder, Memory, StreamInfo
from engines.ai.emotions import EmotionMapper
from engines.ai.head_start import Head, head_start
from engines.ai.memory.prompt import Recalled, render_notes
from engines.ai.reply_stage import REPLY_SPLITTER, ReplyStage, Utterance
from engines.ai.safety import SafetyPipeline
from engines.ai.safety.crisis import detect_crisis
from engines.ai.selector import CAUTION, CRISIS, Pick, Selector, SelectorConfig
from engines.ai.selector_priority import slot_of
from engines.ai.selector_scoring import name_pattern
from engines.ai.sentences import SplitterConfig
from engines.ai.turn import Turn
from engines.backends import BackendError, LLMBackend, LLMRequest
from streamer import crisis, preempt
from streamer.brain_controls import handle_control
from streamer.bus import Bus, BusError, Delivery, Handler, StreamName
from streamer.bus.keys import GROUP_BRAIN, consumer_name
from streamer.memory_recall import Recall
from streamer.performer import Performer, PerformResult
from streamer.preempt import PreemptGates
from streamer.review import HOLD_TIMEOUT_S, ReviewDesk

log = logging.getLogger("streamer.brain")

Prefill = Callable[[LLMRequest], Awaitable[None]]
"""Evaluates a request's prompt into the model server's cache without writing a reply
(``LlamaServer.prefill``), so the turn that sends the same prompt later reuses it."""

PersonaLoader = Callable[[str, int | None], Awaitable[tuple[Persona, int] | None]]
"""Loads a stored persona version (None: the latest); None when there is no such version."""


def selector_config(persona: Persona, *, bot_logins: frozenset[str] = frozenset()) -> SelectorConfig:
    """The persona's pacing settings as the selector's configuration."""
    return SelectorConfig(
        bot_name=persona.name,
        aliases=persona.aliases,
        bot_logins=bot_logins,
        reply_frequency=persona.reply_frequency,
        min_gap_s=persona.min_gap_s,
        user_cooldown_s=persona.user_cooldown_s,
        max_age_s=persona.max_age_s,
        idle_chatter_after_s=persona.idle_chatter_after_s,
    )


@dataclass(slots=True)
class BrainStats:
    turns: int = 0
    finished: int = 0
    interrupted: int = 0
    failed: int = 0
    empty_replies: int = 0
    """Replies the model ended with no words at all (reported as the LLM degraded)."""
    blocked_sentences: int = 0
    blocked_inputs: int = 0
    held: int = 0
    rejected: int = 0
    echoes: int = 0
    """Sentences dropped because they repeated the turn's prompt instead of answering it."""
    preempted: int = 0
    """Turns started on a preemptive utterance (audio held until the streamer's silence ends)."""
    withdrawn: int = 0
    """Of those, dropped unheard because the streamer went on talking."""
    crises: int = 0
    """Viewers' messages flagged for moderators as a self-harm crisis (never answered)."""
    prefills: int = 0
    """Prompts of waiting events evaluated into the model's cache ahead of their turn."""
    prefill_hits: int = 0
    """Turns whose lead event's prompt had been prefilled."""
    headed: int = 0
    """Turns whose notes the model read after the reply's first words (``Brain.head_words``)."""


class Brain:
    """One channel's turn-taking loop."""

    def __init__(
        self,
        *,
        bus: Bus,
        channel: str,
        persona: Persona,
        llm: LLMBackend,
        performer: Performer,
        safety: SafetyPipeline,
        selector: Selector | None = None,
        splitter: SplitterConfig | None = None,
        clock: Callable[[], float] = time.monotonic,
        consumer: str | None = None,
        memory_tokens: int = 600,
        persona_loader: PersonaLoader | None = None,
        persona_version: int | None = None,
        on_persona: Callable[[Persona], None] | None = None,
        hold_timeout_s: float = HOLD_TIMEOUT_S,
        bot_logins: frozenset[str] = frozenset(),
        crisis_resource: str = DEFAULT_CRISIS_RESOURCE,
        recall: Recall | None = None,
        recall_tokens: int = 120,
        context_tokens: int | None = None,
        prefill: Prefill | None = None,
    ) -> None:
        self.bus = bus
        self.prefill = prefill
        """While an event waits (the character is talking, or the gap between turns runs), its
        turn's prompt is evaluated into the model's cache, so its first token comes sooner
        (None: off, e.g. for a hosted model)."""
        self._waiting: ev.EventBase | None = None
        """The waiting event likeliest to be picked next (:meth:`_likelier`): the one to prefill."""
        self._names: re.Pattern[str] | None = None
        self._offers = 0
        """Events the selector kept so far: the turn loop prefills only what its last pick saw."""
        self._prefilled: str | None = None
        """The event whose prompt the model's cache holds."""
        self._prefill_task: asyncio.Task[None] | None = None
        self._model_free = True
        """No turn is waiting for the model or reading its reply: a prefill now would delay or
        cut off the turn's own request."""
        self.context_tokens = context_tokens
        """The model's context window: a persona whose prompt does not fit is refused (None: unchecked)."""
        self.recall = recall
        """Long-term memory: the picked viewer's memories and relevant knowledge (None: off)."""
        self.recall_tokens = recall_tokens
        self.recall_idle_tokens: int | None = None
        """The notes' budget on idle turns, which nobody waits for (the stream summary); None:
        ``recall_tokens``."""
        self.head_words = 0
        """With notes, on a model the client can continue (``LLMBackend.continues``): the reply's
        first piece, within this many words, is written before the notes are read
        (``engines/ai/head_start.py``); 0: the notes come first."""
        self.crisis_resource = crisis_resource
        """What moderators may send a viewer whose message is flagged as a crisis (streamer/crisis.py)."""
        self.channel = channel
        self.llm = llm
        self.performer = performer
        self.base_safety = safety
        self.safety = safety
        self.clock = clock
        self.consumer = consumer or consumer_name(GROUP_BRAIN, channel)
        """The same on every restart: a restarted brain takes back what it had read and not acked."""
        self.splitter = splitter or REPLY_SPLITTER
        self.memory_tokens = memory_tokens
        self.stats = BrainStats()
        self.memory = Memory()
        self.muted = False
        self.killed = False
        self._empty_reported = False
        self._pending_out: list[ev.EventBase] = []
        self._arrivals: dict[str, float] = {}
        self._turn: Turn | None = None
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()
        self._online_since: float | None = None
        self.bot_logins = bot_logins
        """The bot's own chat accounts: "@hiyoribot" addresses the character."""
        self.persona_loader = persona_loader
        self.persona_version = persona_version
        self.on_persona = on_persona
        self.model_switcher: Callable[[int | None], Awaitable[None]] | None = None
        """Serves a trained model version (None: the base model); app.py sets it where the model can switch."""
        self.model_version: int | None = None
        """The model version the bot confirmed last (None: the base model)."""
        self.reviews = ReviewDesk(channel, engaged=persona.hold_for_review, timeout_s=hold_timeout_s)
        """Hold-for-review: each reply waits for a moderator's verdict before it is spoken."""
        self.blocked_viewers: set[str] = set()
        """Logins a moderator blocked from the bot (not a Twitch ban); kept across persona switches."""
        self.banned_words: set[str] = set()
        self._gates = PreemptGates()
        """Preemptive utterances waiting for their ``streamer.utterance_end``, by id."""
        self.apply_persona(persona, selector=selector)

    # ------------------------------------------------------------ set-up and control

    def apply_persona(self, persona: Persona, *, selector: Selector | None = None) -> None:
        """Switch character without a restart. The selector is rebuilt for the new pacing, so
        chat waiting to be answered is dropped; blocked viewers and banned words carry over."""
        self.persona = persona
        self.rebuild_safety()
        self.context = ContextBuilder(
            persona, history_tokens=self.memory_tokens, name_ok=self.safety.check_name
        )
        self.emotions = EmotionMapper(persona.emotions, default=persona.default_emotion)
        if selector is not None:
            self.selector = selector
        else:
            self.selector = Selector(
                selector_config(persona, bot_logins=self.bot_logins), input_check=self._input_check,
                crisis_check=self._crisis_check,
            )  # fmt: skip
        for login in self.blocked_viewers:
            self.selector.block_viewer(login)
        self._names = name_pattern((persona.name, *persona.aliases, *self.bot_logins))
        self._waiting = None  # the new selector dropped it

    def rebuild_safety(self) -> None:
        """The base pipeline plus the persona's blocklist plus moderators' banned words."""
        safety = self.base_safety.with_blocklist(self.persona.blocklist, source=f"persona:{self.persona.id}")
        if self.banned_words:
            safety = safety.with_blocklist(sorted(self.banned_words), source="moderator")
        self.safety = safety
        if hasattr(self, "context"):
            self.context = ContextBuilder(
                self.persona, history_tokens=self.memory_tokens, name_ok=self.safety.check_name
            )

    def _input_check(self, text: str) -> tuple[bool, str]:
        decision = self.safety.check_input(text)
        if (decision.blocked or decision.caution) and (found := detect_crisis(text, decision)) is not None:
            return False, f"{CRISIS}{found.reason}"
        if decision.blocked:
            return False, f"{decision.layer}: {decision.reason}"
        if decision.caution:  # the semantic layer leans hostile: shown and stored, not answered
            return False, f"{CAUTION}{decision.caution}"
        return True, ""

    @staticmethod
    def _crisis_check(text: str) -> str | None:
        found = detect_crisis(text)
        return None if found is None else found.reason

    def _flag_crisis(self, e: ev.EventBase, reason: str) -> None:
        flagged = crisis.flag(self.channel, e, reason, self.crisis_resource)
        if flagged is not None:
            self.stats.crises += 1
            self._pending_out.append(flagged)

    @property
    def busy(self) -> bool:
        """A turn is running."""
        return self._turn is not None and self._turn.running

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self.interrupt("shutdown")

    @property
    def turn_id(self) -> str | None:
        """The running turn's id (None between turns)."""
        return self._turn.id if self._turn is not None and self._turn.running else None

    def interrupt(self, by: str, *, turn_id: str | None = None) -> bool:
        """Cut the current turn now (only if it is ``turn_id``, when given). Returns whether
        one was cut."""
        turn = self._turn
        if turn is None or (turn_id is not None and turn_id != turn.id):
            return False
        return turn.interrupt(by)

    def _utterance_end(self, e: ev.UtteranceEnd) -> None:
        """A preemptive utterance is kept (its reply's audio may start) or withdrawn (the
        reply is dropped unheard, or the utterance never picked)."""
        self._gates.end(e)
        if e.kept:
            return
        if self._waiting is not None and self._waiting.id == e.utterance_id:
            self._waiting = None  # withdrawn: not worth a prefill
        if self.selector.retract(e.utterance_id):
            log.info("preemptive utterance %s withdrawn before its turn", e.utterance_id)
        if self._turn is not None and e.utterance_id in self._turn.triggers and self.interrupt("withdrawn"):
            self.stats.withdrawn += 1
            log.info("the streamer went on talking: the prepared reply is dropped")

    async def run(self) -> None:
        tasks = [
            asyncio.create_task(self._input_loop(), name="brain-input"),
            asyncio.create_task(self._control_loop(), name="brain-control"),
            asyncio.create_task(self._turn_loop(), name="brain-turns"),
        ]
        try:
            await self._stop.wait()
        finally:
            if self._prefill_task is not None:
                tasks.append(self._prefill_task)
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            turn = self._turn  # interrupted by stop(): let it unwind (its last publish) before we return
            if turn is not None and turn.task is not None:
                turn.interrupt("shutdown")
                await asyncio.wait([turn.task])
            await self._flush()

    # ------------------------------------------------------------ loops

    async def _read(self, stream: StreamName, handle: Handler, block_ms: int) -> None:
        """Consume one stream in the brain's group until stop: after a restart its pending
        entries first, back-off while the bus is down, each batch acked once handled."""
        await self.bus.consume(
            GROUP_BRAIN, self.consumer, [stream], handle, stop=self._stop, count=500, block_ms=block_ms
        )

    async def _input_loop(self) -> None:
        async def offer(batch: list[Delivery]) -> None:
            now = self.clock()
            for d in batch:
                if isinstance(d.event, ev.UtteranceEnd):
                    self._utterance_end(d.event)
                    continue
                self._arrivals[d.event.id] = time.perf_counter()
                if isinstance(d.event, ev.StreamState) and d.event.online:
                    self._online_since = now
                if isinstance(d.event, ev.StreamerUtterance) and not d.event.final:
                    self._gates.open(d.event)
                try:
                    dropped = self.selector.offer(d.event, now)
                except Exception:  # a bug on one odd event must not stop the brain listening
                    log.exception("brain: could not consider %s %s", d.event.type, d.event.id)
                    continue
                if dropped is not None and dropped.reason.startswith(CRISIS):
                    self._flag_crisis(d.event, dropped.reason.removeprefix(CRISIS))
                elif dropped is None:
                    if self.recall is not None:  # may be picked: recall while it waits
                        self.recall.prefetch(d.event, self.persona.id)
                    self._offers += 1
                    if _prefillable(d.event) and self._likelier(d.event, self._waiting):
                        self._waiting = d.event
            self.collect_decisions()
            await self._flush()
            self._wake.set()
            if self._turn is not None:  # it waits behind the turn being spoken
                self._maybe_prefill()
            if len(self._arrivals) > 50_000:
                self._arrivals.clear()

        await self._read("input", offer, 200)

    async def _control_loop(self) -> None:
        async def obey(batch: list[Delivery]) -> None:
            for d in batch:
                try:
                    await self._handle_control(d.event)
                except Exception:  # a bug in one control must not stop the others
                    log.exception("control %s failed", d.event.type)

        await self._read("control", obey, 1_000)

    async def _handle_control(self, e: ev.EventBase) -> None:
        await handle_control(self, cast(ev.ControlEvent, e))  # the control stream carries only these
        self._wake.set()

    async def _turn_loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()  # before the pick: an event offered from here on wakes the wait below
            offers = self._offers
            try:
                pick = None if (self.killed or self.muted) else self.selector.pick(self.clock())
            except Exception:  # a selector bug: log it, keep the loop (and the kill switch) alive
                log.exception("brain: the selector failed to pick")
                pick = None
            self.collect_decisions()
            if pick is None:
                await self._flush()
                if self._offers == offers:  # the selector held back all that waits: prefill it
                    self._maybe_prefill()
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(0.25):
                        await self._wake.wait()
                continue
            turn = self._turn = Turn(triggers=frozenset(e.id for e in pick.events))
            task = turn.task = asyncio.create_task(self._run_turn(pick, turn), name="turn")
            await asyncio.wait([task])
            self._model_free = True
            if not task.cancelled() and (error := task.exception()) is not None:
                # a bug, not a backend failure (those are handled in the turn): log it, go on
                self.stats.failed += 1
                log.error("turn crashed: %s", error, exc_info=error)
            self._turn = None

    # ------------------------------------------------------------ one turn

    async def _run_turn(self, pick: Pick, turn: Turn) -> None:
        turn_id = turn.id
        if self.safety.has_moderation and not await self._moderated_ok(pick):
            return
        self.stats.turns += 1
        prefilled = bool(pick.events) and pick.events[0].id == self._prefilled
        if prefilled:
            self.stats.prefill_hits += 1
        if self._waiting is not None and any(e.id == self._waiting.id for e in pick.events):
            self._waiting = None
        self._prefilled = None  # this turn's prompt replaces it in the cache
        self._model_free = False
        gate = self._gates.of(pick.events)
        if gate is not None:
            self.stats.preempted += 1
        arrival = min(
            (self._arrivals.pop(e.id, time.perf_counter()) for e in pick.events), default=time.perf_counter()
        )
        topic = random.choice(self.persona.idle_topics) if self.persona.idle_topics else None
        prompt = self.context.describe(pick.kind, pick.events, idle_topic=topic)
        recalled = (
            Recalled() if self.recall is None else await self.recall.for_pick(pick.events, self.persona.id)
        )
        idle = pick.kind == "idle" or not pick.events
        budget = (
            self.recall_idle_tokens if idle and self.recall_idle_tokens is not None else self.recall_tokens
        )
        notes = render_notes(recalled, budget_tokens=budget)
        # a viewer's notes are read after the reply's first words, unless the cache holds them already
        headed = bool(notes) and not idle and not prefilled and self.head_words > 0 and self.llm.continues
        stream_info = self._stream_info()
        request = self.context.build(prompt, self.memory, stream_info, notes=notes, notes_last=headed)
        head = Head()
        if headed:
            self.stats.headed += 1
            deltas = self._reading(
                head_start(
                    self.llm, self.context.build(prompt, self.memory, stream_info), request,
                    words=self.head_words, splitter=self.splitter, head=head,
                )
            )  # fmt: skip
        else:
            deltas = self._model(request)
        await self.publish(
            ev.ReplyStarted(
                channel=self.channel, turn_id=turn_id, trigger_ids=tuple(e.id for e in pick.events),
                persona=self.persona.id, reason=pick.reason, recalled=notes[:2000],
            )
        )  # fmt: skip
        result = PerformResult()
        try:
            utterances = self._utterances(
                turn_id, deltas,
                echo_of=request.messages[-1].content.replace(notes, "") if notes else request.messages[-1].content,
                system=request.messages[0].content + (f"\n{notes}" if notes else ""),
                again=lambda: self._model(request),
            )  # fmt: skip
            if self.reviews.engaged:
                reviewed = await self._held(turn_id, utterances)
                if reviewed is None:
                    return
                utterances = reviewed
            await self.performer.perform(
                turn_id, utterances, result, gate=None if gate is None else lambda: preempt.wait(gate)
            )
        except asyncio.CancelledError:
            self.stats.interrupted += 1
            turn.heard_text = result.heard_text
            await self.publish(
                ev.ReplyInterrupted(
                    channel=self.channel, turn_id=turn_id, heard_text=turn.heard_text[:2000],
                    by=turn.interrupted_by or "system",
                )
            )  # fmt: skip
            if turn.interrupted_by != "withdrawn":  # the streamer's words were not final: forget them
                self.memory.add(prompt, turn.heard_text)
            return
        except BackendError as exc:
            self.stats.failed += 1
            log.error("turn %s failed: %s", turn_id, exc)
        latency = None if result.first_audio_at is None else (result.first_audio_at - arrival) * 1000
        turn.heard_text = result.heard_text
        self.memory.add(prompt, turn.heard_text)
        self.stats.finished += 1
        out: list[ev.EventBase] = [
            ev.ReplyFinished(
                channel=self.channel, turn_id=turn_id, text=result.heard_text[:2000],
                sentences=len(result.spoken), latency_ms=latency,
            )
        ]  # fmt: skip
        if latency is not None:
            out.append(ev.Metric(channel=self.channel, name="event_to_first_audio_ms", value=latency))
        first_token_ms = head.first_output_ms if headed else self.llm.stats.last_first_output_ms
        if first_token_ms is not None:
            out.append(ev.Metric(channel=self.channel, name="llm_first_token_ms", value=first_token_ms))
        await self.publish(*out)

    async def _held(
        self, turn_id: str, utterances: AsyncIterator[Utterance]
    ) -> AsyncIterator[Utterance] | None:
        """Hold-for-review: write the whole reply, publish it as ``reply.held`` and wait for a
        moderator's verdict. Returns what to speak (the reply, or the moderator's edit, vetted
        again), or None when it was rejected or nobody reviewed it in time."""
        written = [u async for u in utterances]
        text = " ".join(u.text for u in written)
        if not written:
            return _replay(written)
        self.stats.held += 1
        await self.publish(ev.ReplyHeld(channel=self.channel, turn_id=turn_id, text=text[:2000]))
        review = await self.reviews.verdict(turn_id)
        if review is None or not review.approve:
            self.stats.rejected += 1
            why = "nobody reviewed it in time" if review is None else f"rejected by {review.by}"
            log.info("turn %s: held reply dropped (%s)", turn_id, why)
            await self.publish(
                ev.ReplyBlocked(
                    channel=self.channel, turn_id=turn_id, stage="output", layer="moderator", reason=why,
                    text=text[:2000],
                )
            )  # fmt: skip
            return None
        if review.text is not None and review.text.strip() != text:
            log.info("turn %s: approved with an edit by %s", turn_id, review.by)
            return self._utterances(turn_id, _once(review.text), limit=None)
        return _replay(written)

    async def _utterances(
        self,
        turn_id: str,
        deltas: AsyncIterator[str],
        *,
        limit: int | None = -1,
        echo_of: str | None = None,
        system: str | None = None,
        again: Callable[[], AsyncIterator[str]] | None = None,
    ) -> AsyncIterator[Utterance]:
        """The turn's reply through the :class:`ReplyStage` (split, tag, scrub, echo check,
        output safety). ``limit`` caps whole sentences (-1: the persona's ``max_sentences``;
        None: no cap, for a moderator's edited text). Blocked sentences are published; a
        failing LLM ends the reply with what was already written. A reply that was nothing
        but the prompt read back (echoes and leaks, which a small model writes now and then)
        is written once more with ``again``, so the viewer still gets an answer."""
        cap = self.persona.max_sentences if limit == -1 else limit
        stage = ReplyStage(self.safety, self.emotions, max_sentences=cap, splitter=self.splitter)
        spoken = parroted = vetted_n = 0
        failed = False
        try:
            async for vetted in stage.vet(deltas, echo_of=echo_of, system=system):
                vetted_n += 1
                if vetted.outcome in ("echo", "leak"):
                    parroted += 1
                if vetted.utterance is not None:
                    spoken += 1
                    yield vetted.utterance
                elif vetted.outcome == "echo":
                    self.stats.echoes += 1
                    log.info(
                        "turn %s: dropped a sentence that repeats the prompt: %r", turn_id, vetted.text[:80]
                    )
                else:
                    self.stats.blocked_sentences += 1
                    layer, reason = (
                        (str(vetted.decision.layer), vetted.decision.reason)
                        if vetted.decision is not None
                        else ("prompt_leak", "reads out the character's instructions")
                    )
                    self._pending_out.append(
                        ev.ReplyBlocked(
                            channel=self.channel, turn_id=turn_id, stage="output", layer=layer,
                            reason=reason[:200], text=vetted.text[:2000],
                        )
                    )  # fmt: skip
                    log.info(
                        "turn %s: blocked a sentence (%s: %s): %r", turn_id, layer, reason, vetted.text[:80]
                    )
        except BackendError as exc:
            # whatever was already written still gets spoken; the next turn goes on
            self.stats.failed += 1
            failed = True
            log.error("turn %s: the LLM failed: %s", turn_id, exc)
            self._pending_out.append(ev.Metric(channel=self.channel, name="llm_failures", value=1.0))
        finally:
            await self._flush()
        # the model's words ran out (not an interruption, which never gets here)
        if self._report_words(turn_id, empty=vetted_n == 0 and not failed, spoke=spoken > 0):
            await self._flush()
        if again is not None and spoken == 0 and parroted > 0:
            log.info("turn %s: the reply only read the prompt back; writing it once more", turn_id)
            async for u in self._utterances(turn_id, again(), limit=limit, echo_of=echo_of, system=system):
                yield u

    def _model(self, request: LLMRequest) -> AsyncIterator[str]:
        """The model's reply to ``request`` (see :meth:`_reading`)."""
        return self._reading(self.llm.stream_chat(request))

    async def _reading(self, stream: AsyncIterator[str]) -> AsyncIterator[str]:
        """A reply from the model; while it is read no prefill is sent, and once it ends (or the
        stage stops reading) the waiting event's prompt may be prefilled."""
        self._model_free = False
        try:
            async for delta in stream:
                yield delta
        finally:
            self._model_free = True
            close = getattr(stream, "aclose", None)
            if close is not None:
                await close()
            self._maybe_prefill()

    def _likelier(self, new: ev.EventBase, old: ev.EventBase | None) -> bool:
        """Whether ``new`` is likelier than ``old`` to be picked next, as the selector ranks: the
        streamer's and moderators' words, then channel events by tier (the older first), then
        chat naming the character, then other chat (the newer first). An old one that has
        waited past the chat age limit may have been dropped: any newer event replaces it."""
        if old is None or time.perf_counter() - self._arrivals.get(old.id, 0.0) > self.persona.max_age_s:
            return True
        rank_new, rank_old = self._prefill_rank(new), self._prefill_rank(old)
        return rank_new > rank_old or (rank_new == rank_old and isinstance(new, ev.ChatMessage))

    def _prefill_rank(self, e: ev.EventBase) -> int:
        if isinstance(e, ev.ChatMessage):
            return int(self._names is not None and self._names.search(e.text.casefold()) is not None)
        try:
            return 10 - slot_of(e)[0]
        except ValueError:  # not a kind the selector ranks
            return 0

    def _maybe_prefill(self) -> None:
        """Prefill the waiting event's prompt if the model is free and it is not cached yet."""
        event = self._waiting
        if (
            self.prefill is None
            or event is None
            or event.id == self._prefilled
            or not self._model_free
            or (self._prefill_task is not None and not self._prefill_task.done())
            or self.context.history_tokens > 0  # the turn before adds history: the prompt will differ
            or self._stop.is_set()
        ):
            return
        self._prefill_task = asyncio.create_task(self._prefill(self.prefill, event), name="prefill")

    async def _prefill(self, prefill: Prefill, event: ev.EventBase) -> None:
        notes = ""
        if self.recall is not None:
            recalled = await self.recall.prefetched(event.id, timeout_s=1.0)
            notes = "" if recalled is None else render_notes(recalled, budget_tokens=self.recall_tokens)
        if self._waiting is not event or not self._model_free:
            return  # picked meanwhile, or a newer event came
        request = self.context.build(
            self.context.describe("chat", [event]), self.memory, self._stream_info(), notes=notes
        )
        try:
            await prefill(request)
        except Exception as exc:  # a failed prefill only loses its head start
            log.info("brain: prefill failed (%s: %s)", type(exc).__name__, exc)
            return
        self.stats.prefills += 1
        if self._waiting is event:
            self._prefilled = event.id
        else:
            asyncio.get_running_loop().call_soon(self._maybe_prefill)  # a newer one came meanwhile

    def _report_words(self, turn_id: str, *, empty: bool, spoke: bool) -> bool:
        """A reply the model ended with no words at all is an error the dashboard shows (the LLM
        as degraded, until a reply speaks again): never a silent success. True: a report waits."""
        if empty:
            self.stats.empty_replies += 1
            log.error("turn %s: the model's reply had no words", turn_id)
            self._empty_reported = True
            self._pending_out.append(
                ev.ComponentStatus(
                    channel=self.channel, component="llm", state="degraded",
                    detail="a reply ended with no words: is the persona's prompt too long for the model?",
                )
            )  # fmt: skip
        elif spoke and self._empty_reported:
            self._empty_reported = False
            self._pending_out.append(
                ev.ComponentStatus(
                    channel=self.channel, component="llm", state="ok", detail="replies have words again"
                )
            )
        else:
            return False
        return True

    async def _moderated_ok(self, pick: Pick) -> bool:
        """With a moderation backend: check the picked viewer text once more, remotely."""
        for e in pick.events:
            text = getattr(e, "text", None) or getattr(e, "user_input", None)
            if not text or isinstance(e, ev.StreamerUtterance | ev.ModeratorInput):
                continue
            decision = await self.safety.acheck_input(text)
            if decision.blocked and (found := detect_crisis(text, decision)) is not None:
                self._flag_crisis(e, found.reason)  # flagged for moderators, not a block
                await self._flush()
                return False
            if decision.blocked:
                self.stats.blocked_inputs += 1
                await self.publish(
                    ev.ReplyBlocked(
                        channel=self.channel, target_id=e.id, stage="input", layer=str(decision.layer),
                        reason=decision.reason[:200], text=text[:2000],
                    )
                )  # fmt: skip
                return False
        return True

    async def on_sentence(self, turn_id: str, u: Utterance) -> None:
        """Performer hook: the sentence's first audio is playing now."""
        await self.publish(
            ev.ReplySentence(
                channel=self.channel, turn_id=turn_id, index=u.index, text=u.text, emotion=u.emotion
            )
        )

    # ------------------------------------------------------------ helpers

    def _stream_info(self) -> StreamInfo:
        s = self.selector.stream_state
        uptime = None if self._online_since is None else self.clock() - self._online_since
        return StreamInfo(title=s.title, category=s.category, uptime_s=uptime)

    def collect_decisions(self) -> None:
        for d in self.selector.drain_decisions():
            self._pending_out.append(
                ev.SelectionDecision(
                    channel=self.channel,
                    target_id=d.event_id,
                    action=d.action,
                    reason=d.reason[:200],
                    score=d.score,
                )
            )
            if d.reason.startswith("unsafe:"):  # input safety: stored as a safety decision too
                self.stats.blocked_inputs += 1
                layer, _, why = d.reason.removeprefix("unsafe:").partition(": ")
                self._pending_out.append(
                    ev.ReplyBlocked(
                        channel=self.channel, target_id=d.event_id, stage="input", layer=layer[:40] or "input",
                        reason=(why or layer)[:200],
                    )
                )  # fmt: skip

    async def publish(self, *events: ev.EventBase) -> None:
        self._pending_out.extend(events)
        await self._flush()

    async def _flush(self) -> None:
        if not self._pending_out:
            return
        out, self._pending_out = self._pending_out, []
        try:
            await self.bus.publish_many(out)
        except BusError as exc:
            log.warning("brain: could not publish %d output events: %s", len(out), exc)


def _prefillable(e: ev.EventBase) -> bool:
    """An event a turn may answer on its own (not stream state or a turn-end marker)."""
    return not isinstance(e, ev.StreamState | ev.UtteranceEnd)


async def _replay(items: list[Utterance]) -> AsyncIterator[Utterance]:
    for u in items:
        yield u


async def _once(text: str) -> AsyncIterator[str]:
    yield text
