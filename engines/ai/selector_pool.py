"""Data and bounded containers behind the selector: decisions, the chat pool, the copy-paste
index, priority groups.

The chat pool keeps the top ``limit`` candidates by a *time-invariant* key: with one
exponential decay for everyone, ``score * 2**(-(now - arrival) / half_life)`` orders
candidates exactly as ``log2(score) + arrival / half_life`` does at any ``now``. So a
min-heap on that key never needs re-sorting: admitting a message is O(log n) and the
weakest candidate is always at the top, ready to be evicted.
"""

from __future__ import annotations

import heapq
import itertools
import logging
from collections import OrderedDict, deque
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from engines.ai.selector_scoring import TextFeatures
from engines.events import ChatMessage, EventBase

State = Literal["pending", "picked", "dropped"]

logger = logging.getLogger("engines.ai.selector")


@dataclass(frozen=True, slots=True)
class Decision:
    """One pick or drop of one input event, with a short machine-readable reason."""

    event_id: str
    action: Literal["pick", "drop"]
    reason: str
    score: float | None


@dataclass(frozen=True, slots=True)
class Pick:
    """What the character answers next: one event, a batch of related ones, or nothing (idle)."""

    kind: Literal["priority", "chat", "batch", "idle"]
    events: tuple[EventBase, ...]
    reason: str
    score: float


class Ledger:
    """Records, counts and logs every decision (picks at INFO, drops at DEBUG)."""

    def __init__(self, limit: int) -> None:
        self.decisions: deque[Decision] = deque(maxlen=limit)
        self.counts: dict[str, int] = {}

    def count(self, key: str) -> None:
        self.counts[key] = self.counts.get(key, 0) + 1

    def decide(
        self, event_id: str, action: Literal["pick", "drop"], reason: str, score: float | None = None
    ) -> Decision:
        decision = Decision(event_id, action, reason, score)
        self.decisions.append(decision)
        self.count(action if action == "pick" else "drop:" + reason)
        if action == "pick":
            logger.info(
                "selector pick %s: %s (score %.2f)", event_id, reason, score or 0.0,
                extra={"selector": {"action": action, "event_id": event_id, "reason": reason, "score": score}},
            )  # fmt: skip
        elif logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "selector drop %s: %s", event_id, reason,
                extra={"selector": {"action": action, "event_id": event_id, "reason": reason, "score": score}},
            )  # fmt: skip
        return decision


class Candidate:
    """A chat message waiting in the pool (plus exact copies of it from other viewers)."""

    __slots__ = ("arrival", "echoes", "event", "feats", "key", "login", "mention", "score", "state")

    def __init__(
        self, event: ChatMessage, login: str, arrival: float, score: float, feats: TextFeatures, mention: bool
    ) -> None:
        self.event = event
        self.login = login
        self.arrival = arrival
        self.score = score
        """Undecayed score; the score at time t is ``score * 2**(-(t - arrival) / half_life)``."""
        self.key = 0.0
        self.feats = feats
        self.mention = mention
        self.echoes: list[ChatMessage] = []
        self.state: State = "pending"

    @property
    def events(self) -> tuple[ChatMessage, ...]:
        return (self.event, *self.echoes)


class ChatPool:
    """The top-``limit`` chat candidates, with O(log n) admission and eviction."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._heap: list[tuple[float, int, Candidate]] = []
        self._seq = itertools.count()
        self.by_id: dict[str, Candidate] = {}

    def __iter__(self) -> Iterator[Candidate]:
        return iter(list(self.by_id.values()))

    def _weakest(self) -> Candidate | None:
        heap = self._heap
        while heap:
            key, _, cand = heap[0]
            if cand.state == "pending" and key == cand.key and cand.event.id in self.by_id:
                return cand
            heapq.heappop(heap)  # an outdated entry: the candidate left or was re-keyed
        return None

    def would_admit(self, key: float) -> bool:
        """Whether a candidate with this key would get a place (cheap: checks the weakest)."""
        if len(self.by_id) < self.limit:
            return True
        weakest = self._weakest()
        return weakest is None or key > weakest.key

    def admit(self, cand: Candidate) -> Candidate | None:
        """Add a candidate that :meth:`would_admit`; return the one it pushed out, if any."""
        loser = self._weakest() if len(self.by_id) >= self.limit else None
        if loser is not None:
            self.remove(loser)
        self.by_id[cand.event.id] = cand
        heapq.heappush(self._heap, (cand.key, next(self._seq), cand))
        if len(self._heap) > 2 * self.limit + 64:
            self._compact()
        return loser

    def rekey(self, cand: Candidate, key: float) -> None:
        """Change a candidate's key (the old heap entry goes stale and is skipped later)."""
        cand.key = key
        heapq.heappush(self._heap, (key, next(self._seq), cand))

    def remove(self, cand: Candidate) -> None:
        self.by_id.pop(cand.event.id, None)

    def _compact(self) -> None:
        self._heap = [(c.key, next(self._seq), c) for c in self.by_id.values()]
        heapq.heapify(self._heap)


@dataclass(slots=True)
class DupEntry:
    """One text seen recently: the candidate it became (if any) and who posted it."""

    cand: Candidate | None
    users: set[str]
    last_seen: float


class DupIndex:
    """Recently seen chat texts by their copy-paste keys, forgotten ``window_s`` after last use."""

    def __init__(self, window_s: float) -> None:
        self.window_s = window_s
        self._entries: dict[str, DupEntry] = {}
        self._expiry: deque[tuple[float, str]] = deque()

    def expire(self, now: float) -> None:
        expiry, entries, window = self._expiry, self._entries, self.window_s
        while expiry and expiry[0][0] <= now:
            _, key = expiry.popleft()
            entry = entries.get(key)
            if entry is not None and entry.last_seen + window <= now:
                del entries[key]

    def find(self, keys: tuple[str, ...]) -> DupEntry | None:
        for key in keys:
            entry = self._entries.get(key)
            if entry is not None:
                return entry
        return None

    def touch(self, entry: DupEntry, keys: tuple[str, ...], login: str, now: float) -> None:
        """Record one more sighting of ``entry`` under ``keys``."""
        entry.users.add(login)
        entry.last_seen = now
        for key in keys:
            self._entries[key] = entry
            self._expiry.append((now + self.window_s, key))


@dataclass(slots=True)
class Group:
    """Priority events answered together in one turn."""

    label: str
    """The pick reason: "raid", "gift", "subscription", "streamer", ..."""
    arrival: float
    events: list[EventBase] = field(default_factory=list)


class PriorityQueue:
    """Priority events by tier, FIFO inside a tier, grouped by a key."""

    def __init__(self, tiers: int) -> None:
        self.tiers: list[OrderedDict[Hashable, Group]] = [OrderedDict() for _ in range(tiers)]

    def __len__(self) -> int:
        return sum(len(g.events) for tier in self.tiers for g in tier.values())

    def get(self, tier: int, key: Hashable) -> Group | None:
        return self.tiers[tier].get(key)

    def add(self, tier: int, key: Hashable, group: Group) -> None:
        self.tiers[tier][key] = group

    def pop(self, tier: int, key: Hashable) -> Group:
        return self.tiers[tier].pop(key)

    def expired(self, before: float) -> list[Group]:
        """Remove and return the groups that arrived before ``before``."""
        old: list[Group] = []
        for groups in self.tiers:
            for key in [k for k, g in groups.items() if g.arrival < before]:
                old.append(groups.pop(key))
        return old

    def groups(self) -> Iterator[tuple[int, Hashable, Group]]:
        for tier, groups in enumerate(self.tiers):
            for key, group in list(groups.items()):
                yield tier, key, group
