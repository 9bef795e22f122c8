"""Which recalled memories a turn's prompt carries.

Every note is prompt text the model evaluates before its first token: on the bundled
SmolLM2-135M on two CPU cores, about 4 ms a token, so four memories and two knowledge
snippets (about 100 tokens) put 250-300 ms on the first audio of a message picked at once
(``benchmarks/memory.py --ttfa``). So a viewer's memories go in when they matter:

- on the viewer's **welcome turn**, their first answered line in ``welcome_after_s``
  ("Welcome back, Sam! Did Mochi get over the cold?"), their best memories, as recalled;
- on later turns, only the memories relevant to what they said (``min_score``, the hybrid
  score of vectors and keywords, 0-1), so small talk carries none;
- never a memory in the bot's own wording (a sub, a raid, the first visit, the answered count:
  ``is_own_wording``; the recall leaves them out before it picks the best, see
  ``streamer/memory_recall.py``): the bundled model read them out ("was answered once on
  stream (last on 2026-12-07); gifted 10 subs on 2026-12-07"), and the monitor shows them.

Knowledge snippets have their own floor (``memory.knowledge_min_score``) and are not gated here.
The welcome state lives in the process: after a restart each viewer's next turn is a welcome
turn again.
"""

from __future__ import annotations

import dataclasses
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from engines.ai.memory.prompt import Recalled


@dataclass(slots=True)
class NotesGate:
    """``welcome_after_s`` None: every turn is a welcome turn (no gating)."""

    min_score: float = 0.0
    welcome_after_s: float | None = None
    max_viewers: int = 10_000
    clock: Callable[[], float] = time.monotonic
    _welcomed: OrderedDict[str, float] = field(default_factory=OrderedDict)

    def welcome(self, key: str) -> bool:
        """Whether the viewer ``key`` (persona and viewer id) is due a welcome turn."""
        if self.welcome_after_s is None:
            return True
        last = self._welcomed.get(key)
        return last is None or self.clock() - last >= self.welcome_after_s

    def apply(self, recalled: Recalled, key: str | None) -> Recalled:
        """``recalled`` as this turn's prompt should carry it."""
        if key is None or not recalled.memories or self.welcome_after_s is None:
            return recalled
        welcome = self.welcome(key)
        scores = recalled.memory_scores or (0.0,) * len(recalled.memories)
        keep = [i for i, score in enumerate(scores) if welcome or score >= self.min_score]
        if len(keep) == len(recalled.memories):
            return recalled
        return dataclasses.replace(
            recalled,
            memories=tuple(recalled.memories[i] for i in keep),
            memory_ids=tuple(recalled.memory_ids[i] for i in keep if i < len(recalled.memory_ids)),
            memory_scores=tuple(scores[i] for i in keep),
        )

    def given(self, recalled: Recalled, key: str | None, *, welcomed: bool) -> None:
        """A turn's prompt carried ``recalled``: a welcome turn starts the viewer's quiet time."""
        if key is None or not welcomed or not recalled.memories or self.welcome_after_s is None:
            return
        self._welcomed[key] = self.clock()
        self._welcomed.move_to_end(key)
        while len(self._welcomed) > self.max_viewers:
            self._welcomed.popitem(last=False)
