"""A stream's summary, extractive (the bundled model cannot write one): what happened, in
order, from the stream's input events. The running one goes into idle turns' prompts; the
finished one is kept as a knowledge document when the stream goes offline, so a later stream
can recall "last time we finally beat the boss". Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final, assert_never

from engines import events as ev

NOTABLE: Final = re.compile(
    r"\b(finally|beat|beaten|defeated|killed|won|win|lost|died|record|first try|we did it|new best|boss)\b",
    re.I,
)
"""What the streamer says that is worth keeping: wins, losses, deaths, records, bosses."""
MAX_MOMENTS: Final = 6


@dataclass(slots=True)
class StreamDigest:
    """One stream so far: its start, title and game, and its moments (raids and the
    streamer's notable words, newest kept), with counts of subs, follows and bits."""

    started: datetime
    title: str | None = None
    category: str | None = None
    moments: list[str] = field(default_factory=list)
    subs: int = 0
    follows: int = 0
    bits: int = 0
    chat: int = 0

    def add(self, event: ev.InputEvent) -> None:
        match event:
            case ev.StreamState():
                self.title = event.title or self.title
                self.category = event.category or self.category
            case ev.Raid():
                self._moment(f"{event.from_user.display_name} raided with {event.viewers} viewers")
            case ev.Subscription() | ev.ResubMessage():
                self.subs += 1
            case ev.GiftSubs():
                self.subs += event.total
            case ev.Cheer():
                self.bits += event.bits
            case ev.Follow():
                self.follows += 1
            case ev.ChatMessage():
                self.chat += 1
                self.bits += event.bits
            case ev.StreamerUtterance():
                if event.final and NOTABLE.search(event.text):
                    self._moment(f'the streamer said "{_short(event.text)}"')
            case ev.Redemption() | ev.ModeratorInput() | ev.UtteranceEnd():
                pass
            case _:
                assert_never(event)

    def _moment(self, text: str) -> None:
        self.moments.append(text)
        del self.moments[:-MAX_MOMENTS]

    @property
    def name(self) -> str:
        """The knowledge document's name for this stream."""
        return f"Past stream {self.started:%Y-%m-%d %H:%M}" + (
            f" - {_short(self.title, 80)}" if self.title else ""
        )

    def text(self) -> str:
        """One paragraph: what was played, the moments in order, the counts."""
        what = f"{self.category}: " if self.category else ""
        head = f"Stream on {self.started:%Y-%m-%d}" + (f" ({what}{self.title})" if self.title else "")
        counts = [
            f"{n} {label}"
            for n, label in ((self.subs, "subs"), (self.follows, "follows"), (self.bits, "bits"))
            if n
        ]
        parts = [head, *self.moments]
        if counts:
            parts.append(", ".join(counts))
        return ". ".join(parts) + "."


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
