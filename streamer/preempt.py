"""Preemptive replies: a reply started on a ``final=False`` utterance (transcribed while the
streamer's end-of-speech silence was still running) holds its first audio at a gate until the
``streamer.utterance_end`` that keeps it. One that withdraws it drops the reply unheard."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from engines import events as ev

log = logging.getLogger("streamer.preempt")

PREEMPT_WAIT_S = 5.0
"""A preemptive turn whose ``streamer.utterance_end`` never comes speaks after this long."""
KEEP = 100
"""Gates kept for ends that never came; the oldest goes first."""


class PreemptGates:
    """One gate per preemptive utterance, by its event id."""

    def __init__(self) -> None:
        self._gates: dict[str, asyncio.Event] = {}

    def open(self, utterance: ev.StreamerUtterance) -> None:
        """A preemptive utterance arrived: its reply's audio waits."""
        self._gates[utterance.id] = asyncio.Event()
        if len(self._gates) > KEEP:  # ends that never came
            self._gates.pop(next(iter(self._gates)))

    def end(self, e: ev.UtteranceEnd) -> None:
        """Its end came: release the gate when kept (a withdrawn one is simply forgotten)."""
        gate = self._gates.pop(e.utterance_id, None)
        if e.kept and gate is not None:
            gate.set()

    def of(self, events: Iterable[ev.EventBase]) -> asyncio.Event | None:
        """The gate of the first preemptive utterance among a pick's events, if any."""
        return next((g for e in events if (g := self._gates.get(e.id)) is not None), None)


async def wait(gate: asyncio.Event) -> None:
    """Hold a preemptive turn's first audio until its utterance is kept. Without word (a lost
    event) it goes ahead after ``PREEMPT_WAIT_S``: the streamer did say it."""
    try:
        async with asyncio.timeout(PREEMPT_WAIT_S):
            await gate.wait()
    except TimeoutError:
        log.warning("preemptive utterance: no end event in %.0f s; speaking anyway", PREEMPT_WAIT_S)
