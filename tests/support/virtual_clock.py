"""A virtual clock for the running event loop, so timing is asserted exactly instead of
against the wall clock.

While :meth:`VirtualClock.patch` is active, ``loop.time()`` reads the virtual clock. When the
loop would sleep until its next timer, the clock jumps there at once, and no real time
passes. Everything timed on the loop then takes exactly as long as it says: ``asyncio.sleep``,
``asyncio.timeout``, ``wait_for``, ``call_later`` and pacing against ``loop.time()``.
Ready I/O still wakes the loop first.

``oversleep_s`` makes every timed wait end that much late, as a busy machine's timers do, so
a test can check that lateness is absorbed rather than accumulated.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from typing import Any
from unittest import mock

__all__ = ["VirtualClock"]


class VirtualClock:
    """``start``: the first reading (default: the loop's own time when patched, so timers set
    before keep their place)."""

    def __init__(self, *, start: float | None = None, oversleep_s: float = 0.0) -> None:
        self.now = 0.0 if start is None else start
        self._start = start
        self.oversleep_s = oversleep_s

    def time(self) -> float:
        return self.now

    @contextlib.contextmanager
    def patch(self, loop: asyncio.AbstractEventLoop | None = None) -> Iterator[VirtualClock]:
        """Run ``loop`` (default: the running one) on this clock inside the ``with`` block."""
        loop = loop or asyncio.get_running_loop()
        if self._start is None:
            self.now = loop.time()
        selector: Any = loop._selector  # type: ignore[attr-defined]
        real_select = selector.select

        def select(timeout: float | None = None) -> Any:
            if timeout is None or timeout <= 0:
                return real_select(timeout)
            ready = real_select(0)
            if ready:
                return ready
            self.now += timeout + self.oversleep_s
            return []

        with mock.patch.object(selector, "select", select), mock.patch.object(loop, "time", self.time):
            yield self
