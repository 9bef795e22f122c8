"""Barge-in: what the streamer's voice does to the character talking over them.

Speech longer than ``voice.min_barge_in_ms`` (or a short real word, once transcribed) stops the
running turn, or, with ``barge_in_action = "duck"``, makes it talk on quieter until the streamer
stops.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from config.settings import VoiceSettings
from engines.voice.ducking import DuckingSink
from streamer.sources.voice import SpeechSignal
from streamer.status import spawn

log = logging.getLogger("streamer.barge_in")


class Interruptible(Protocol):
    """What barge-in needs of the brain."""

    @property
    def busy(self) -> bool: ...

    @property
    def turn_id(self) -> str | None: ...

    def interrupt(self, by: str, *, turn_id: str | None = None) -> bool: ...


class BargeIn:
    """The ``on_speech_start`` policy of the voice source."""

    def __init__(self, cfg: VoiceSettings, brain: Interruptible, duck: DuckingSink | None = None) -> None:
        self.cfg = cfg
        self.brain = brain
        self.duck = duck

    def __call__(self, signal: SpeechSignal) -> None:
        if not self.cfg.barge_in:
            return
        brain = self.brain
        if self.duck is not None:
            if brain.busy and not signal.by_word:  # a late word-based barge-in has nothing to un-duck it
                self.duck.duck()
                log.info("barge-in: ducking the bot while the streamer talks (%.0f ms)", signal.voiced_ms)
        elif (turn_id := brain.turn_id) is not None and brain.interrupt("barge-in", turn_id=turn_id):
            how = "said a word" if signal.by_word else f"spoke for {signal.voiced_ms:.0f} ms"
            log.info("barge-in: the streamer %s over the bot", how)
            spawn(until_quiet(brain, turn_id))


async def until_quiet(brain: Interruptible, turn_id: str, *, every_s: float = 0.25, tries: int = 8) -> None:
    """After a barge-in, interrupt that turn again while it still runs: a backend that
    swallows a cancellation (``asyncio.wait_for`` on Python 3.11 can, when it lands just as a
    chunk arrives) would have it talk on over the streamer. Only that turn: the next one
    (the answer to the streamer, perhaps already prepared) must live."""
    for _ in range(tries):
        await asyncio.sleep(every_s)
        if brain.turn_id != turn_id:
            return
        if brain.interrupt("barge-in", turn_id=turn_id):
            log.warning("barge-in: the turn did not stop; interrupting it again")
