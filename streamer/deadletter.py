"""Dead letters: list, inspect, put back or drop what a consumer could not handle
(``vtuber deadletter list|show|replay|drop``).

A dead letter keeps the entry's raw bytes (the first 4 KiB), the stream and consumer group
it came from, and why (``store_rejected``, ``poison``, ``bad_json``...). **Replay** publishes
those bytes back onto the stream they came from, the event id unchanged, and then deletes the
letter: the recorder stores the event once however often it is replayed, and the live
consumers pass over it as old (the selector drops stale chat; alerts, Twitch replies and
moderation skip old events). A letter that is not a valid event (bad JSON, an unknown type,
cut at 4 KiB) cannot be replayed: it stays until dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from engines.events import EventBase, EventDecodeError, decode
from streamer.bus import STREAMS, Bus, BusError, DeadLetter

log = logging.getLogger("streamer.deadletter")

__all__ = ["LetterView", "ReplayResult", "describe", "drop", "replay", "select"]


@dataclass(frozen=True, slots=True)
class LetterView:
    """A dead letter and its event, or why its bytes are not one."""

    letter: DeadLetter
    event: EventBase | None
    problem: str | None

    @property
    def replayable(self) -> bool:
        return self.event is not None and self.letter.stream in STREAMS


def describe(letter: DeadLetter) -> LetterView:
    try:
        return LetterView(letter, decode(letter.raw), None)
    except EventDecodeError as exc:
        return LetterView(letter, None, f"{exc.kind}: {exc.reason}")


@dataclass(slots=True)
class ReplayResult:
    replayed: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)
    """Letters left in place, with why."""
    missing: list[str] = field(default_factory=list)


async def select(bus: Bus, ids: Sequence[str], *, every: bool = False, kind: str | None = None) -> list[str]:
    """The letter ids a command acts on: those named, or with ``every`` all of them (of ``kind``)."""
    if ids:
        return list(ids)
    if not every:
        return []
    letters = await bus.dead_letters(await bus.dead_letter_count())
    return [d.id for d in letters if kind is None or d.kind == kind]


async def replay(bus: Bus, letter_ids: Sequence[str]) -> ReplayResult:
    """Publish each letter's event back onto its stream (same id), then delete the letter.

    Stops with :class:`BusError` if Redis does not take an event: that letter and the rest
    are kept. Running it again is safe: an event replayed twice is stored once."""
    result = ReplayResult()
    for letter_id in letter_ids:
        letter = await bus.find_dead_letter(letter_id)
        if letter is None:
            result.missing.append(letter_id)
            continue
        view = describe(letter)
        if not view.replayable:
            result.kept.append((letter_id, view.problem or f"unknown stream {letter.stream!r}"))
            continue
        stream = next(s for s in STREAMS if s == letter.stream)
        if await bus.publish_raw(stream, letter.raw) is None:  # only in a local outbox: not delivered
            raise BusError(f"Redis did not take dead letter {letter_id}; it is kept. Try again later")
        await bus.drop_dead_letters([letter_id])
        assert view.event is not None
        log.info("replayed dead letter %s: %s %s onto %s", letter_id, view.event.type, view.event.id, stream)
        result.replayed.append(letter_id)
    return result


async def drop(bus: Bus, letter_ids: Sequence[str]) -> int:
    """Delete letters for good; returns how many there were."""
    dropped = await bus.drop_dead_letters(list(letter_ids))
    log.info("dropped %d dead letters", dropped)
    return dropped
