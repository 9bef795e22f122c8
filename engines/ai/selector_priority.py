"""The priority side of the selector: tiers, FIFO inside a tier, related events grouped.

Tiers, first answered first: moderator input and the streamer's speech; raids; subs,
resubs and gift subs; cheers; redemptions; follows. Grouped into one turn: a gift burst
(the channel.gift event and the recipients' gifted subs that follow it), new subs, follows,
and everything the streamer said while the character was talking.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Final, assert_never

from engines.ai.selector_pool import Decision, Group, Ledger, Pick, PriorityQueue
from engines.events import (
    ChatMessage,
    Cheer,
    EventBase,
    Follow,
    GiftSubs,
    InputEvent,
    ModeratorInput,
    Raid,
    Redemption,
    ResubMessage,
    StreamerUtterance,
    StreamState,
    Subscription,
    UtteranceEnd,
)

if TYPE_CHECKING:
    from engines.ai.selector import SelectorConfig

DIRECT, RAID, SUBS, CHEER, REDEMPTION, FOLLOW = range(6)
_RECIPIENTS: Final = "gift-recipients"


class PriorityDesk:
    """Priority events waiting for their turn."""

    def __init__(self, cfg: SelectorConfig, ledger: Ledger) -> None:
        self.cfg = cfg
        self._ledger = ledger
        self._queue = PriorityQueue(FOLLOW + 1)
        self._last_gift_pick = self._last_follow_pick = -math.inf
        self.holding = False
        """Set by :meth:`pick` while a raid gathers greetings: nothing else is answered meanwhile."""

    @property
    def pending(self) -> int:
        return len(self._queue)

    def offer(self, event: EventBase, arrival: float, now: float) -> Decision | None:
        """Queue an event that passed the selector's checks on sight."""
        tier, key, label = slot_of(event)
        if isinstance(event, Subscription) and event.is_gift:
            gift = self._open_gift(arrival)
            if gift is not None:
                return self._join(gift, event, "gift-burst")
            if now - self._last_gift_pick <= self.cfg.gift_window_s:
                return self._ledger.decide(event.id, "drop", "gift-burst")  # its gifter was thanked already
        group = self._queue.get(tier, key)
        if group is not None:
            return self._join(group, event, "gift-burst" if label == _RECIPIENTS else "batch-full")
        if len(self._queue.tiers[tier]) >= self.cfg.priority_limit:
            return self._ledger.decide(event.id, "drop", "queue-full")
        group = Group(label, arrival, [event])
        self._queue.add(tier, key, group)
        if isinstance(event, GiftSubs) and self._queue.get(tier, _RECIPIENTS) is not None:
            group.events.extend(self._queue.pop(tier, _RECIPIENTS).events)  # recipients came first
        return None

    def pick(self, now: float) -> tuple[int, Group] | None:
        """Take the first group of the highest tier (streamer speech merged into one turn).

        A raid younger than ``raid_gather_s`` holds everything below it (``holding`` is set) so
        the raiders' greetings can join its welcome; follows wait ``follow_gap_s`` between turns.
        """
        cfg = self.cfg
        self.holding = False
        for tier, key, group in self._queue.groups():
            if group.label == "raid" and now - group.arrival < cfg.raid_gather_s:
                self.holding = True
                return None
            if group.label == "follows" and now - self._last_follow_pick < cfg.follow_gap_s:
                continue
            self._queue.pop(tier, key)
            if group.label == "streamer":
                for _, k, g in self._queue.groups():
                    if g.label == "streamer" and len(group.events) < cfg.max_batch:
                        group.events.extend(self._queue.pop(DIRECT, k).events)
            elif group.label in ("gift", _RECIPIENTS):
                self._last_gift_pick = now
            elif group.label == "follows":
                self._last_follow_pick = now
            return tier, group
        return None

    def expire(self, now: float) -> None:
        for group in self._queue.expired(now - self.cfg.priority_max_age_s):
            for ev in group.events:
                self._ledger.decide(ev.id, "drop", "stale")

    def purge(self, hit: Callable[[EventBase], bool], reason: str) -> int:
        dropped = 0
        for tier, key, group in self._queue.groups():
            gone = [e for e in group.events if hit(e)]
            for ev in gone:
                group.events.remove(ev)
                self._ledger.decide(ev.id, "drop", reason)
            dropped += len(gone)
            if not group.events:
                self._queue.pop(tier, key)
        return dropped

    def _join(self, group: Group, event: EventBase, overflow: str) -> Decision | None:
        if len(group.events) >= self.cfg.max_batch and not isinstance(event, GiftSubs):
            return self._ledger.decide(event.id, "drop", overflow)
        group.events.append(event)
        return None

    def _open_gift(self, arrival: float) -> Group | None:
        for _, _, group in self._queue.groups():
            if group.label == "gift" and arrival - group.arrival <= self.cfg.gift_window_s:
                return group
        return None


def pick_of(tier: int, group: Group, extra: list[EventBase], reason: str | None = None) -> Pick:
    """The Pick for a priority group (score 100 for the first tier, 10 less per tier below)."""
    events = (*group.events, *extra)
    return Pick(
        "batch" if len(events) > 1 else "priority", events, reason or group.label, 100.0 - 10.0 * tier
    )


def slot_of(event: EventBase) -> tuple[int, Hashable, str]:
    """Tier, group key and reason label of a priority event."""
    if not isinstance(event, InputEvent):
        raise ValueError(f"not a priority event: {event.type}")
    eid = event.id
    match event:
        case ModeratorInput():
            return DIRECT, eid, "moderator"
        case StreamerUtterance():
            return DIRECT, eid, "streamer"
        case Raid():
            return RAID, eid, "raid"
        case GiftSubs():
            return SUBS, ("gift", event.user.login.lower() if event.user else ""), "gift"
        case Subscription():
            return (SUBS, _RECIPIENTS, _RECIPIENTS) if event.is_gift else (SUBS, "subs", "subscription")
        case ResubMessage():
            return SUBS, eid, "resub"
        case Cheer():
            return CHEER, eid, "cheer"
        case Redemption():
            return REDEMPTION, eid, "redemption"
        case Follow():
            return FOLLOW, "follows", "follows"
        case ChatMessage() | UtteranceEnd() | StreamState():
            raise ValueError(f"not a priority event: {event.type}")
        case _:
            assert_never(event)
