"""Chat-side rules: Twitch's 500-character limit and the per-account send rate.

A long reply is split at sentence ends (else at words) into at most ``max_parts`` messages;
what does not fit is cut at a word and ends with an ellipsis. Whitespace is collapsed first,
as Twitch does, so the count is the one Twitch applies.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Final

MAX_CHARS: Final = 500
ELLIPSIS: Final = "…"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def _cut(text: str, limit: int) -> str:
    """``text`` shortened to ``limit`` characters at a word boundary, ending with an ellipsis."""
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS)]
    head = room.rsplit(" ", 1)[0] if " " in room else room
    return head.rstrip(" ,;:-") + ELLIPSIS


def split_message(text: str, *, limit: int = MAX_CHARS, max_parts: int = 2) -> list[str]:
    """The chat messages for one reply: each at most ``limit`` characters, at most ``max_parts``."""
    text = " ".join(text.split())
    if not text:
        return []
    parts: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > limit:  # one sentence longer than a message: break it at a word
            head = _cut(sentence, limit).removesuffix(ELLIPSIS)
            if current:
                parts.append(current)
                current = ""
            parts.append(head)
            sentence = sentence[len(head) :].lstrip()
        candidate = f"{current} {sentence}" if current else sentence
        if len(candidate) <= limit:
            current = candidate
        else:
            parts.append(current)
            current = sentence
    if current:
        parts.append(current)
    if len(parts) > max_parts:
        kept = parts[: max_parts - 1]
        rest = " ".join(parts[max_parts - 1 :])
        parts = [*kept, _cut(rest, limit)]
    return parts


class RateWindow:
    """At most ``limit`` sends in any ``window_s`` seconds; :meth:`acquire` waits for room."""

    def __init__(
        self,
        limit: int,
        window_s: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self.clock = clock
        self.sleep = sleep
        self._sent: deque[float] = deque()
        self._lock = asyncio.Lock()

    def wait_s(self) -> float:
        """How long until one more send is allowed (0: now)."""
        now = self.clock()
        while self._sent and now - self._sent[0] >= self.window_s:
            self._sent.popleft()
        if len(self._sent) < self.limit:
            return 0.0
        return self.window_s - (now - self._sent[0])

    async def acquire(self) -> float:
        """Wait for room, take it, and return how long it waited."""
        waited = 0.0
        async with self._lock:
            while (delay := self.wait_s()) > 0:
                waited += delay
                await self.sleep(delay)
            self._sent.append(self.clock())
        return waited
