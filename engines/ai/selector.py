"""The selector: decides what the character answers from a flood of chat and events.

The brain calls :meth:`Selector.offer` for every input event and :meth:`Selector.pick`
whenever the character is free to talk. ``now`` is seconds on one monotonic clock chosen by
the caller (simulated in tests and benchmarks); ages count from the ``now`` of the offer
unless ``use_event_ts`` says ``now`` is Unix time, when the event's own timestamp counts.

Order of answering: priority tiers first (moderator input and the streamer's own speech;
raid; subs, resubs and gifts; cheers; redemptions with viewer input; follows), oldest
first inside a tier, related events batched into one turn; then the best-scoring chat
(see :mod:`engines.ai.selector_scoring`); then, after a long quiet, an "idle" turn.

**Chat pacing.** ``min_gap_s`` is the shortest gap between two chat turns, granted to
messages that address the bot by name. ``reply_frequency`` (0..1) stretches the gap for
everything else to ``min_gap_s / reply_frequency``: 1.0 answers ordinary chat as often as
a direct address, 0.25 four times less often, 0 never (the bot then answers only when
addressed, priority events and idle turns). Priority events ignore the gap.

Every pick and drop is a :class:`Decision`, logged on ``engines.ai.selector`` (picks at
INFO, drops at DEBUG) and kept for :meth:`Selector.drain_decisions`. Each input event gets
exactly one decision (stream.state gets none: it only updates :attr:`Selector.stream_state`).
Drop reasons: ``self``, ``bot``, ``blocked``, ``command``, ``empty``, ``stale``,
``redelivered``, ``duplicate`` (same viewer again, or a text just answered), ``copy-paste``,
``cheer-duplicate`` (the chat copy of a channel.cheer), ``pool-full``, ``batch-full``,
``queue-full``, ``gift-burst``, ``no-input``, ``follows-disabled``, ``low-confidence``,
``skipped``, ``retracted``, ``not-input``, ``unsafe:<reason>`` and ``input-check-error`` (the safety hook),
and ``crisis: <why>`` (the crisis hook).

**Crisis messages.** A viewer's line that reads as a self-harm crisis is never answered. The
``crisis_check`` hook sees every viewer's text on sight, before any other drop reason but
``self`` and ``bot`` (so a blocked viewer's, a stale or a flooded-out one is still caught), and
the input-check hook may say ``crisis: <why>`` too (it sees the safety decision); either way the
drop reason is ``crisis: <why>``, returned by :meth:`Selector.offer` so the caller can flag it.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from pydantic import BaseModel, ConfigDict, Field, field_validator

from engines.ai.selector_chat import ChatDesk
from engines.ai.selector_pool import Decision, Ledger, Pick
from engines.ai.selector_priority import RAID, PriorityDesk, pick_of
from engines.ai.selector_scoring import ScoreWeights, words
from engines.events import (
    INPUT_TYPES,
    ChatMessage,
    Cheer,
    EventBase,
    Follow,
    ModeratorInput,
    Redemption,
    Role,
    StreamerUtterance,
    StreamState,
)

__all__ = [
    "CAUTION",
    "CRISIS",
    "CrisisCheck",
    "Decision",
    "InputCheck",
    "Pick",
    "ScoreWeights",
    "Selector",
    "SelectorConfig",
    "StreamSnapshot",
]

logger = logging.getLogger("engines.ai.selector")

InputCheck = Callable[[str], tuple[bool, str]]
"""Safety hook on viewer text: ``(ok, reason)``; not ok drops the event with the reason
(``unsafe:<reason>``, or the reason as it is when it starts with :data:`CRISIS` or
:data:`CAUTION`)."""
CrisisCheck = Callable[[str], str | None]
"""Crisis hook on a viewer's text, on sight: why it reads as a self-harm crisis, or None."""
CRISIS: Final = "crisis: "
"""The start of a crisis drop reason."""
CAUTION: Final = "caution: "
"""The start of a caution drop reason: allowed by safety (shown, stored), but leaning hostile,
so it is not answered as ordinary chat."""

DEFAULT_IGNORED_BOTS: Final = words(
    "nightbot streamelements streamlabs moobot fossabot wizebot botrixoficial sery_bot soundalerts "
    "kofistreambot pokemoncommunitygame commanderroot"
)


class SelectorConfig(BaseModel):
    """Per-persona selector settings."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bot_name: str = ""
    aliases: tuple[str, ...] = ()
    bot_logins: frozenset[str] = frozenset()
    """The bot's own Twitch logins: its messages are never answered; @login counts as a mention."""
    ignored_bots: frozenset[str] = DEFAULT_IGNORED_BOTS
    reply_frequency: float = Field(default=1.0, ge=0, le=1)
    """Share of chat turns for messages not addressed to the bot (see the module doc)."""
    min_gap_s: float = Field(default=4.0, ge=0)
    max_age_s: float = Field(default=45.0, gt=0)
    """Chat older than this is dropped as stale."""
    priority_max_age_s: float = Field(default=300.0, gt=0)
    user_cooldown_s: float = Field(default=60.0, ge=0)
    """After being answered a viewer waits this long unless nobody else is waiting."""
    recency_half_life_s: float = Field(default=15.0, gt=0)
    chatty_half_life_s: float = Field(default=60.0, gt=0)
    """Decay of the per-viewer message count behind the ``chatty`` penalty."""
    max_batch: int = Field(default=5, ge=1, le=50)
    pool_limit: int = Field(default=200, ge=1, le=100_000)
    """Chat candidates kept during a flood (the best by decayed score); the rest are dropped."""
    priority_limit: int = Field(default=50, ge=1, le=10_000)
    """Turns waiting per priority tier (a redemption flood); more are dropped as queue-full."""
    idle_chatter_after_s: float | None = Field(default=90.0, gt=0)
    """With no viewer chat and no turn for this long, ``pick`` returns an "idle" turn; None: never."""
    min_score: float = Field(default=0.3, ge=0)
    """Chat whose decayed score is below this is never picked (emote walls, old messages)."""
    duplicate_window_s: float = Field(default=30.0, gt=0)
    """How long a text is remembered for copy-paste and duplicate detection."""
    spam_users: int = Field(default=3, ge=2)
    """A non-question text posted by this many viewers is spam: every copy is dropped."""
    batch_similarity: float = Field(default=0.6, gt=0, le=1)
    """Questions whose content words overlap this much (Jaccard) are answered as one batch."""
    copypasta_chars: int = Field(default=60, ge=1)
    """Identical texts at least this long are copypasta even when they ask something."""
    raid_window_s: float = Field(default=60.0, ge=0)
    """After a raid, greetings batches are "raid-greetings" and score ``raid_greeting_factor`` higher."""
    greeting_gap_s: float = Field(default=30.0, ge=0)
    """At most one greetings turn per this many seconds (a raid welcome counts as one)."""
    raid_gather_s: float = Field(default=4.0, ge=0)
    """A raid waits this long (holding lower tiers and chat) so raiders' greetings join its welcome."""
    gift_window_s: float = Field(default=15.0, ge=0)
    """Gifted subs this close to a gift event belong to its burst (one turn)."""
    answer_follows: bool = True
    follow_gap_s: float = Field(default=60.0, ge=0)
    """Follows are thanked in batches, at most one follows turn per this many seconds."""
    answer_redemptions_without_input: bool = False
    ignore_commands: bool = True
    min_utterance_confidence: float = Field(default=0.0, ge=0, le=1)
    """Streamer speech transcribed with less confidence than this is dropped."""
    use_event_ts: bool = False
    """``now`` is Unix time: an event's age counts from its own ``ts`` (redelivered events age)."""
    seen_limit: int = Field(default=100_000, ge=100)
    """Event ids remembered to refuse redeliveries."""
    decision_limit: int = Field(default=10_000, ge=100)
    """Decisions kept for :meth:`Selector.drain_decisions` (older ones are lost if nobody drains)."""
    weights: ScoreWeights = ScoreWeights()

    @field_validator("bot_logins", "ignored_bots", mode="after")
    @classmethod
    def _lower(cls, value: frozenset[str]) -> frozenset[str]:
        return frozenset(v.strip().lstrip("@").lower() for v in value if v.strip())


@dataclass(frozen=True, slots=True)
class StreamSnapshot:
    """The stream's last known online flag, title and category (from stream.state events)."""

    online: bool | None = None
    title: str | None = None
    category: str | None = None
    updated_at: float | None = None
    """The ``now`` of the last stream.state offer."""


class Selector:
    """Candidate pool and choice of the next thing to answer (one per channel; not thread-safe)."""

    def __init__(
        self,
        config: SelectorConfig | None = None,
        *,
        input_check: InputCheck | None = None,
        crisis_check: CrisisCheck | None = None,
    ) -> None:
        cfg = self.config = config or SelectorConfig()
        self._input_check = input_check
        self._crisis_check = crisis_check
        self._ledger = Ledger(cfg.decision_limit)
        self._chat = ChatDesk(cfg, self._ledger, self._check)
        self._prio = PriorityDesk(cfg, self._ledger)
        self._seen: set[str] = set()
        self._seen_order: deque[str] = deque()
        self._blocked: set[str] = set()
        self._stream = StreamSnapshot()
        self._started = False
        self._now = self._last_activity = self._last_pick = self._last_sweep = 0.0

    # ------------------------------------------------------------ state

    @property
    def stream_state(self) -> StreamSnapshot:
        return self._stream

    @property
    def blocked_viewers(self) -> frozenset[str]:
        return frozenset(self._blocked)

    @property
    def pending(self) -> int:
        """Events waiting to be answered."""
        return self._chat.pending + self._prio.pending

    def stats(self) -> dict[str, int]:
        """Decision counts since start: ``pick`` and ``drop:<reason>``."""
        return dict(self._ledger.counts)

    def drain_decisions(self) -> list[Decision]:
        """Decisions since the last drain, oldest first (the oldest are lost past ``decision_limit``)."""
        out = list(self._ledger.decisions)
        self._ledger.decisions.clear()
        return out

    # ------------------------------------------------------------ offer

    def offer(self, event: EventBase, now: float) -> Decision | None:
        """Add an input event; return a drop decision if it is refused on sight."""
        self._start(now)
        if isinstance(event, StreamState):
            old = self._stream
            self._stream = StreamSnapshot(
                online=old.online if event.online is None else event.online,
                title=old.title if event.title is None else event.title,
                category=old.category if event.category is None else event.category,
                updated_at=now,
            )
            return None
        if event.type not in INPUT_TYPES:
            return self._ledger.decide(event.id, "drop", "not-input")
        if event.id in self._seen:
            return self._ledger.decide(event.id, "drop", "redelivered")
        self._seen.add(event.id)
        self._seen_order.append(event.id)
        if len(self._seen_order) > self.config.seen_limit:
            self._seen.discard(self._seen_order.popleft())
        arrival = min(now, event.ts.timestamp()) if self.config.use_event_ts else now
        reason = self._refuse(event, arrival, now)
        if reason is not None:
            return self._ledger.decide(event.id, "drop", reason)
        if isinstance(event, ChatMessage):
            return self._chat.offer(event, event.user.login.lower(), arrival, now)
        if isinstance(event, Cheer) and event.user is not None:
            cheer = (event.user.login.lower(), event.bits)
            self._chat.cheers[cheer] = now
            self._purge(
                lambda ev: isinstance(ev, ChatMessage) and (ev.user.login.lower(), ev.bits) == cheer,
                "cheer-duplicate",
            )
        return self._prio.offer(event, arrival, now)

    def _refuse(self, event: EventBase, arrival: float, now: float) -> str | None:
        """The reason to drop an event on sight, or None."""
        cfg = self.config
        chat = isinstance(event, ChatMessage)
        if isinstance(event, ChatMessage) and event.source_channel is not None:
            return "shared-chat"  # another channel's chat: stored, never answered
        login = _login_of(event)
        if login is not None:
            if login in cfg.bot_logins:
                return "self"
            if login in cfg.ignored_bots or (isinstance(event, ChatMessage) and Role.BOT in event.roles):
                return "bot"
            if chat:
                self._last_activity = now  # a viewer spoke: chat is not quiet
            crisis = self._crisis(event.viewer_text)
            if crisis is not None:
                return crisis
            if login in self._blocked:
                return "blocked"
        if now - arrival > (cfg.max_age_s if chat else cfg.priority_max_age_s):
            return "stale"
        text = event.viewer_text.strip()
        if chat:
            if not text:
                return "empty"
            return "command" if cfg.ignore_commands and text.startswith("!") else None
        if isinstance(event, Follow) and not cfg.answer_follows:
            return "follows-disabled"
        if isinstance(event, Redemption) and not text and not cfg.answer_redemptions_without_input:
            return "no-input"
        if isinstance(event, StreamerUtterance):
            if not text:
                return "empty"
            if not event.addressed:
                return "not-addressed"
            return "low-confidence" if event.confidence < cfg.min_utterance_confidence else None
        return None if isinstance(event, ModeratorInput) else self._check(text)

    # ------------------------------------------------------------ pick

    def pick(self, now: float) -> Pick | None:
        """What to answer now (the character is free), or None to stay silent."""
        self._start(now)
        self._prio.expire(now)
        sweep = now - self._last_sweep >= 30.0
        if sweep:
            self._last_sweep = now
        self._chat.expire(now, sweep)
        pick: Pick | None
        got = self._prio.pick(now)
        if got is not None:
            tier, group = got
            greeters = self._chat.take_greeters(now) if tier == RAID else []
            pick = pick_of(tier, group, list(greeters), "raid-welcome" if greeters else None)
        elif self._prio.holding:
            return None
        else:
            pick = self._chat.pick(now) or self._idle(now)
        if pick is None:
            return None
        self._last_pick = now
        for ev in pick.events:
            self._ledger.decide(ev.id, "pick", pick.reason, pick.score)
        if not pick.events:
            self._ledger.count("pick")
            logger.info(
                "selector pick idle: %s", pick.reason, extra={"selector": {"action": "pick", "kind": "idle"}}
            )
        return pick

    def _idle(self, now: float) -> Pick | None:
        after = self.config.idle_chatter_after_s
        quiet = now - max(self._last_activity, self._last_pick)
        if after is None or quiet < after:
            return None
        return Pick("idle", (), f"quiet for {quiet:.0f}s", 0.0)

    # ------------------------------------------------------------ moderation

    def block_viewer(self, login: str) -> int:
        """Block a viewer from now on and drop whatever of theirs is waiting; returns how many."""
        login = login.strip().lstrip("@").lower()
        self._blocked.add(login)
        return self._purge(lambda ev: _login_of(ev) == login, "blocked")

    def unblock_viewer(self, login: str) -> None:
        self._blocked.discard(login.strip().lstrip("@").lower())

    def retract(self, event_id: str) -> bool:
        """Drop one waiting event by id because its sender withdrew it (a preemptive utterance
        the streamer talked on past); True if it was waiting."""
        return self._purge(lambda ev: ev.id == event_id, "retracted") > 0

    def skip(self, event_id: str) -> bool:
        """Drop one waiting event by id (a moderator's skip); True if it was waiting."""
        return self._purge(lambda ev: ev.id == event_id, "skipped") > 0

    # ------------------------------------------------------------ helpers

    def _purge(self, hit: Callable[[EventBase], bool], reason: str) -> int:
        return self._chat.purge(hit, reason, self._now) + self._prio.purge(hit, reason)

    def _start(self, now: float) -> None:
        self._now = now
        if not self._started:
            self._started = True
            self._chat.t0 = self._last_activity = self._last_pick = self._last_sweep = now

    def _check(self, text: str) -> str | None:
        """Run the safety hook; the drop reason, or None when the text may pass."""
        if self._input_check is None or not text.strip():
            return None
        try:
            ok, why = self._input_check(text)
        except Exception:
            logger.warning("selector input check failed; dropping the input", exc_info=True)
            return "input-check-error"
        if ok:
            return None
        return why if why.startswith((CRISIS, CAUTION)) else f"unsafe:{why or 'blocked'}"

    def _crisis(self, text: str) -> str | None:
        """Run the crisis hook on a viewer's text; the drop reason, or None."""
        if self._crisis_check is None or not text.strip():
            return None
        try:
            why = self._crisis_check(text)
        except Exception:  # the input check still runs on the text later
            logger.warning("selector crisis check failed; going on without it", exc_info=True)
            return None
        return None if why is None else f"{CRISIS}{why or 'self-harm'}"


def _login_of(event: EventBase) -> str | None:
    """The viewer an event comes from (its declared actor), lowercased."""
    actor = event.actor
    return actor.login.lower() if actor is not None else None
