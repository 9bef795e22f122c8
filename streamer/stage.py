"""The stage: keeps the avatar and the captions in step with the speech being played.

- When a sentence's first audio starts, its emotion goes to the avatar and its text to the
  caption, at once and without holding up the audio (fire-and-forget tasks).
- While audio plays, every slice the sink plays feeds a mouth-open envelope; the avatar
  reads the latest value at its own rate (30–60 Hz).
- When the turn ends, finished or interrupted, the avatar goes back to neutral, the mouth
  closes and the caption is cleared.

A backend that is down never stops the show: its calls return False and it reconnects on
its own; the stage only logs what failed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from engines.backends import AvatarBackend, OverlayBackend
from engines.voice.envelope import MouthEnvelope
from engines.voice.sinks import AudioSink

log = logging.getLogger("streamer.stage")


class Stage:
    """Avatar and overlay cues for one performer's sink."""

    def __init__(
        self, sink: AudioSink, *, avatar: AvatarBackend | None = None, overlay: OverlayBackend | None = None
    ) -> None:
        self.sink = sink
        self.avatar = avatar
        self.overlay = overlay
        self._envelope: MouthEnvelope | None = None
        self._mouth = 0.0
        self._tasks: set[asyncio.Task[Any]] = set()
        sink.on_frame = self._on_frame

    # ------------------------------------------------------------ performer hooks

    def sentence_started(self, text: str, emotion: str) -> None:
        """The sentence's first audio is playing now."""
        if self.avatar is not None:
            if self._envelope is None:
                self._envelope = MouthEnvelope(self.sink.sample_rate or 22_050)
                self.avatar.start_speaking(self.mouth)
            self._spawn(self.avatar.apply(emotion), "avatar expression")
        if self.overlay is not None:
            self._spawn(self.overlay.caption(text), "caption")

    def turn_ended(self) -> None:
        """The turn is over (finished or cut): neutral face, closed mouth, no caption."""
        self._envelope = None
        self._mouth = 0.0
        if self.avatar is not None:
            self.avatar.stop_speaking()
            self._spawn(self.avatar.reset(), "avatar reset")
        if self.overlay is not None:
            self._spawn(self.overlay.clear_caption(), "caption clear")

    def mouth(self) -> float | None:
        """The latest mouth-open value (0..1), read by the avatar's lip-sync loop."""
        return self._mouth

    async def drain(self) -> None:
        """Wait for outstanding cues (tests, shutdown)."""
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    # ------------------------------------------------------------ internals

    def _on_frame(self, pcm: bytes, _t: float) -> None:
        if self._envelope is None:
            return
        values = self._envelope.feed(pcm)
        if values:
            self._mouth = values[-1]

    def _spawn(self, coro: Coroutine[Any, Any, bool], what: str) -> None:
        task = asyncio.create_task(coro, name=what)
        self._tasks.add(task)
        task.add_done_callback(lambda t: self._done(t, what))

    def _done(self, task: asyncio.Task[bool], what: str) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.warning("%s failed: %s", what, error)
        elif task.result() is False:
            log.debug("%s skipped (backend unavailable)", what)
