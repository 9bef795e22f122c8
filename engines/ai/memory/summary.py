"""A stream's summary, extractive (the bundled model cannot write one): what happened, in
order, from the stream's input events. The running one goes into idle turns' prompts; the
finished one is kept as a knowledge document when the stream goes offline, so a later stream
can recall "last time we finally beat the boss". Pure: no I/O.

The digest also keeps the stream's recent lines (what the streamer said, chat messages, raids,
subs and cheers, title changes; :class:`Line`), bounded, and counts them (``changes``): a
capable model that writes the summary (``llm_summary.py``) reads them, and is asked again only
when there are new ones.
"""

from __future__ import annotations

import re
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final, Literal, assert_never

from engines import events as ev

NOTABLE: Final = re.compile(
    r"\b(finally|beat|beaten|defeated|killed|won|win|lost|died|record|first try|we did it|new best|boss)\b",
    re.I,
)
"""What the streamer says that is worth keeping: wins, losses, deaths, records, bosses."""
MAX_MOMENTS: Final = 6
MAX_STREAMER_LINES: Final = 40
"""The streamer's newest final utterances kept for the model (the older ones are in its
earlier summary)."""
MAX_CHAT_LINES: Final = 30
"""The newest chat messages kept for the model (commands and a few characters are not)."""
MAX_CHANNEL_LINES: Final = 20
"""The newest channel events kept for the model: raids, subs, gifts, cheers, title changes."""
MAX_CHATTERS: Final = 5_000
"""The chat authors' names remembered (newest kept): a model's summary may not name them."""
LINE_CHARS: Final = 240

Source = Literal["streamer", "chat", "channel"]


@dataclass(frozen=True, slots=True)
class Line:
    """One thing that happened, for the model: who (``source``; for chat, the author's login)
    and what, as it was said (untrusted for chat)."""

    source: Source
    text: str
    author: str = ""


@dataclass(slots=True)
class StreamDigest:
    """One stream so far: its start, title and game, and its moments (raids and the
    streamer's notable words, newest kept), with counts of subs, follows and bits; and its
    recent lines for a model (:meth:`lines`), with how many there have been (``changes``)."""

    started: datetime
    title: str | None = None
    category: str | None = None
    moments: list[str] = field(default_factory=list)
    subs: int = 0
    follows: int = 0
    bits: int = 0
    chat: int = 0
    changes: int = 0
    """Lines added so far (each streamer utterance, chat message, raid, sub, gift, cheer and
    title change): the model's summary is refreshed only when this grew."""
    streamer: deque[Line] = field(default_factory=lambda: deque(maxlen=MAX_STREAMER_LINES))
    chatted: deque[Line] = field(default_factory=lambda: deque(maxlen=MAX_CHAT_LINES))
    channel: deque[Line] = field(default_factory=lambda: deque(maxlen=MAX_CHANNEL_LINES))
    chatters: OrderedDict[str, None] = field(default_factory=OrderedDict)
    """Chat authors' logins and display names (lower case), newest kept."""

    def add(self, event: ev.InputEvent) -> None:
        match event:
            case ev.StreamState():
                changed = bool(event.title and event.title != self.title) or bool(
                    event.category and event.category != self.category
                )
                self.title = event.title or self.title
                self.category = event.category or self.category
                if changed:
                    what = f"{self.category}: " if self.category else ""
                    self._line("channel", f"the stream is {what}{self.title or ''}".rstrip(": "))
            case ev.Raid():
                raid = f"{event.from_user.display_name} raided with {event.viewers} viewers"
                self._moment(raid)
                self._line("channel", raid)
            case ev.Subscription():
                self.subs += 1
                self._line("channel", f"{event.user.display_name} subscribed")
            case ev.ResubMessage():
                self.subs += 1
                self._line("channel", f"{event.user.display_name} resubscribed")
                self._chat(event.user, event.viewer_text)
            case ev.GiftSubs():
                self.subs += event.total
                who = "an anonymous viewer" if event.user is None else event.user.display_name
                self._line("channel", f"{who} gifted {event.total} subs")
            case ev.Cheer():
                self.bits += event.bits
                who = "an anonymous viewer" if event.user is None else event.user.display_name
                self._line("channel", f"{who} cheered {event.bits} bits")
                if event.user is not None:
                    self._chat(event.user, event.viewer_text)
            case ev.Follow():
                self.follows += 1
            case ev.ChatMessage():
                self.chat += 1
                self.bits += event.bits
                self._chat(event.user, event.text)
            case ev.StreamerUtterance():
                if event.final:
                    if NOTABLE.search(event.text):
                        self._moment(f'the streamer said "{_short(event.text)}"')
                    self._line("streamer", event.text)
            case ev.Redemption() | ev.ModeratorInput() | ev.UtteranceEnd():
                pass
            case _:
                assert_never(event)

    def _moment(self, text: str) -> None:
        self.moments.append(text)
        del self.moments[:-MAX_MOMENTS]

    def _line(self, source: Source, text: str, author: str = "") -> None:
        line = Line(source, _short(text, LINE_CHARS), author)
        {"streamer": self.streamer, "chat": self.chatted, "channel": self.channel}[source].append(line)
        self.changes += 1

    def _chat(self, user: ev.Viewer, text: str) -> None:
        for name in (user.login.lower(), user.display_name.lower()):
            self.chatters[name] = None
            self.chatters.move_to_end(name)
        while len(self.chatters) > MAX_CHATTERS:
            self.chatters.popitem(last=False)
        text = text.strip()
        if len(text) >= 8 and not text.startswith("!"):
            self._line("chat", text, user.login)

    def lines(self) -> list[Line]:
        """The recent lines kept for a model: the channel's events, the streamer's words, chat."""
        return [*self.channel, *self.streamer, *self.chatted]

    @property
    def name(self) -> str:
        """The knowledge document's name for this stream."""
        return f"Past stream {self.started:%Y-%m-%d %H:%M}" + (
            f" - {_short(self.title, 80)}" if self.title else ""
        )

    def text(self, max_chars: int | None = None) -> str:
        """One paragraph: what was played, the moments in order, the counts. With
        ``max_chars``, the oldest moments are left out until it fits (then it is cut)."""
        what = f"{self.category}: " if self.category else ""
        head = f"Stream on {self.started:%Y-%m-%d}" + (f" ({what}{self.title})" if self.title else "")
        counts = [
            f"{n} {label}"
            for n, label in ((self.subs, "subs"), (self.follows, "follows"), (self.bits, "bits"))
            if n
        ]
        moments = list(self.moments)
        while True:
            parts = [head, *moments]
            if counts:
                parts.append(", ".join(counts))
            text = ". ".join(parts) + "."
            if max_chars is None or len(text) <= max_chars or not moments:
                return text if max_chars is None else clip(text, max_chars)
            moments.pop(0)


def clip(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ""
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
