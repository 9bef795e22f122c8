"""A turn: one reply in the making, as one cancellable handle.

The brain runs one at a time per channel. Interrupting a turn cancels its task; every stage
cleans up in ``finally``, and ``heard_text`` ends up holding only what the audience heard.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from engines.events import new_id


@dataclass(slots=True)
class Turn:
    """What the brain knows of the reply it is giving."""

    triggers: frozenset[str]
    """The ids of the input events it answers."""
    id: str = field(default_factory=new_id)
    task: asyncio.Task[None] | None = None
    interrupted_by: str | None = None
    """Who cut it short (an interrupt's ``by``, "barge-in", "withdrawn"...), None if nobody."""
    heard_text: str = ""
    """What was spoken before it ended or was cut."""

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done()

    def interrupt(self, by: str) -> bool:
        """Cancel the turn's task now; returns whether it was still running."""
        if self.task is None or self.task.done():
            return False
        self.interrupted_by = by
        self.task.cancel()
        return True
