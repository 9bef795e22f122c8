"""Hold-for-review: while engaged, each reply waits for a moderator's verdict before it is
spoken. A reply nobody reviews in time is dropped (it would be stale anyway)."""

from __future__ import annotations

import asyncio
import logging

from engines import events as ev

log = logging.getLogger("streamer.review")

HOLD_TIMEOUT_S = 600.0
"""A held reply nobody reviews is dropped after this long."""


class ReviewDesk:
    """The replies waiting for a verdict, by turn id."""

    def __init__(self, channel: str, *, engaged: bool, timeout_s: float = HOLD_TIMEOUT_S) -> None:
        self.channel = channel
        self.engaged = engaged
        self.timeout_s = timeout_s
        self._waiting: dict[str, asyncio.Future[ev.Review]] = {}

    def set_engaged(self, engaged: bool, *, by: str) -> None:
        """Turn hold-for-review on or off; replies already waiting go out as they are when off."""
        self.engaged = engaged
        log.warning("hold-for-review %s by %s", "on" if engaged else "off", by)
        if engaged:
            return
        for turn_id, held in list(self._waiting.items()):
            if not held.done():
                held.set_result(ev.Review(channel=self.channel, by=by, turn_id=turn_id, approve=True))

    def deliver(self, review: ev.Review) -> bool:
        """Hand a moderator's verdict to the reply waiting for it; False if none is."""
        waiting = self._waiting.get(review.turn_id)
        if waiting is None or waiting.done():
            log.warning("review of %s by %s: no reply is waiting for it", review.turn_id, review.by)
            return False
        waiting.set_result(review)
        return True

    async def verdict(self, turn_id: str) -> ev.Review | None:
        """Wait for the verdict on ``turn_id``; None when nobody gave one in time."""
        future: asyncio.Future[ev.Review] = asyncio.get_running_loop().create_future()
        self._waiting[turn_id] = future
        try:
            async with asyncio.timeout(self.timeout_s):
                return await future
        except TimeoutError:
            return None
        finally:
            self._waiting.pop(turn_id, None)
