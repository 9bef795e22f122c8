"""Engagement per reply, scored from the stored log alone (pure: plain rows in, scores out).

For each turn, the window is ``window_s`` seconds after the reply ended (or started, when it
never finished). In it count: chat messages against the stream's baseline (its messages per
second over the whole stream, times the window), emotes, chat that replies to or mentions the
character, follows, subs and cheers; against it count a moderator's skip or interrupt, a
rejection of the held reply, and an approval only after an edit. The score is the weighted
sum (:class:`config.studio.EngagementSettings`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from config.studio import EngagementSettings

NOT_A_MODERATOR = frozenset({"system", "shutdown", "barge-in", "withdrawn"})
"""``reply.interrupted`` by these is the bot's own doing, not a moderator's skip."""
SUB_TYPES = frozenset({"channel.subscribe", "channel.resub", "channel.gift"})
TYPES = frozenset(
    {
        "chat.message",
        "channel.follow",
        "channel.cheer",
        "control.skip",
        "control.review",
        "reply.interrupted",
        "stream.state",
        "status.persona",
        "status.model",
        *SUB_TYPES,
    }
)
"""The event kinds scoring reads; load only these."""


@dataclass(frozen=True, slots=True)
class LogEvent:
    """One stored event, as the events table holds it."""

    ts: datetime
    type: str
    payload: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class TurnRow:
    id: str
    persona: str
    started_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True, slots=True)
class Stream:
    """One stream: from ``stream.state`` online to the next offline (or the log's edges)."""

    start: datetime
    end: datetime

    @property
    def key(self) -> str:
        return self.start.isoformat()


@dataclass(frozen=True, slots=True)
class Engagement:
    turn_id: str
    stream: str
    """The stream's key (its start, ISO 8601): datasets split by it."""
    persona: str
    persona_version: int | None
    """The version the bot had confirmed (``status.persona``) when the turn started."""
    model_version: int | None
    """The model version the bot had confirmed (``status.model``) then; None: the base model."""
    window_s: float
    chat_after: int
    baseline: float
    """Chat messages the stream's average rate predicts for one window."""
    emotes: int
    replies: int
    follows: int
    subs: int
    bits: int
    skips: int
    rejections: int
    edits: int
    score: float


def streams(states: Iterable[LogEvent], first: datetime, last: datetime) -> list[Stream]:
    """The streams in the log, oldest first; with no online/offline events, the whole log is one."""
    out: list[Stream] = []
    start: datetime | None = None
    for e in sorted(states, key=lambda e: e.ts):
        online = e.payload.get("online")
        if online is True and start is None:
            start = e.ts
        elif online is False and start is not None:
            out.append(Stream(start, e.ts))
            start = None
    if start is not None:
        out.append(Stream(start, max(last, start)))
    return out or [Stream(first, last)]


def stream_of(ts: datetime, all_streams: Sequence[Stream]) -> Stream:
    """The stream a moment belongs to: the one it falls in, else the latest that started before
    it (a turn just after an offline event still belongs to that stream), else the first."""
    starts = [s.start for s in all_streams]
    i = bisect.bisect_right(starts, ts) - 1
    return all_streams[max(i, 0)]


def _names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted(
        {n.strip().lstrip("@").lower() for n in names if n.strip().lstrip("@")}, key=len, reverse=True
    )
    if not words:
        return None
    return re.compile(r"(?<![\w@])@?(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _addresses(payload: Mapping[str, Any], names: re.Pattern[str] | None, logins: frozenset[str]) -> bool:
    reply_to = payload.get("reply_to") or {}
    if str((reply_to.get("user") or {}).get("login", "")).lower() in logins:
        return True
    return names is not None and bool(names.search(str(payload.get("text", ""))))


def _emotes(payload: Mapping[str, Any]) -> int:
    return sum(1 for f in payload.get("fragments") or () if f.get("kind") == "emote")


class Scorer:
    """Scores turns against one channel's log (built once, then ``score`` per turn)."""

    def __init__(
        self,
        events: Iterable[LogEvent],
        settings: EngagementSettings,
        *,
        names: Iterable[str] = (),
        bot_logins: Iterable[str] = (),
    ) -> None:
        self.settings = settings
        ordered = sorted(events, key=lambda e: e.ts)
        self._logins = frozenset(n.strip().lstrip("@").lower() for n in bot_logins if n.strip())
        self._names = _names_pattern([*names, *self._logins])
        self._chat = [e for e in ordered if e.type == "chat.message" and not self._by_bot(e)]
        self._chat_ts = [e.ts for e in self._chat]
        self._other = [e for e in ordered if e.type in {"channel.follow", "channel.cheer", *SUB_TYPES}]
        self._other_ts = [e.ts for e in self._other]
        self._personas = [e for e in ordered if e.type == "status.persona" and e.payload.get("ok", True)]
        self._models = [e for e in ordered if e.type == "status.model" and e.payload.get("ok", True)]
        self._verdicts: dict[str, list[LogEvent]] = {}
        for e in ordered:
            target = None
            if e.type == "control.review":
                target = e.payload.get("turn_id")
            elif e.type == "control.skip":
                target = e.payload.get("target_id")
            elif e.type == "reply.interrupted" and str(e.payload.get("by", "system")) not in NOT_A_MODERATOR:
                target = e.payload.get("turn_id")
            if target:
                self._verdicts.setdefault(str(target), []).append(e)
        if ordered:
            self.streams = streams(
                [e for e in ordered if e.type == "stream.state"], ordered[0].ts, ordered[-1].ts
            )
        else:
            self.streams = []
        self._rate: dict[str, float] = {}
        for s in self.streams:
            n = bisect.bisect_right(self._chat_ts, s.end) - bisect.bisect_left(self._chat_ts, s.start)
            self._rate[s.key] = n / max((s.end - s.start).total_seconds(), settings.window_s)

    def _by_bot(self, e: LogEvent) -> bool:
        return str((e.payload.get("user") or {}).get("login", "")).lower() in self._logins

    def persona_version(self, persona: str, at: datetime) -> int | None:
        """The version of the persona the bot last confirmed at or before ``at``."""
        return self._confirmed(self._personas, persona, at, "version")

    def model_version(self, persona: str, at: datetime) -> int | None:
        """The model version the bot last confirmed for the persona at or before ``at``."""
        return self._confirmed(self._models, persona, at, "model_version")

    @staticmethod
    def _confirmed(answers: list[LogEvent], persona: str, at: datetime, field: str) -> int | None:
        version = None
        for e in answers:
            if e.ts > at:
                break
            if e.payload.get("persona") == persona:
                v = e.payload.get(field)
                version = v if isinstance(v, int) else None
        return version

    def score(self, turn: TurnRow) -> Engagement:
        w = self.settings
        end = turn.finished_at or turn.started_at
        hi = end + timedelta(seconds=w.window_s)
        stream = stream_of(turn.started_at, self.streams) if self.streams else Stream(end, end)
        chat = self._chat[bisect.bisect_right(self._chat_ts, end) : bisect.bisect_right(self._chat_ts, hi)]
        other = self._other[
            bisect.bisect_right(self._other_ts, end) : bisect.bisect_right(self._other_ts, hi)
        ]
        baseline = self._rate.get(stream.key, 0.0) * w.window_s
        emotes = sum(_emotes(e.payload) for e in chat)
        replies = sum(1 for e in chat if _addresses(e.payload, self._names, self._logins))
        follows = sum(1 for e in other if e.type == "channel.follow")
        subs = sum(
            int(e.payload.get("total") or 1) if e.type == "channel.gift" else 1
            for e in other
            if e.type in SUB_TYPES
        )
        bits = sum(int(e.payload.get("bits") or 0) for e in other if e.type == "channel.cheer")
        bits += sum(int(e.payload.get("bits") or 0) for e in chat)
        verdicts = self._verdicts.get(turn.id, [])
        skips = sum(1 for e in verdicts if e.type in {"control.skip", "reply.interrupted"})
        rejections = sum(1 for e in verdicts if e.type == "control.review" and not e.payload.get("approve"))
        edits = sum(
            1
            for e in verdicts
            if e.type == "control.review" and e.payload.get("approve") and e.payload.get("text")
        )
        score = (
            w.chat * (len(chat) - baseline)
            + w.emote * emotes
            + w.reply * replies
            + w.follow * follows
            + w.sub * subs
            + w.cheer_per_100_bits * bits / 100
            - w.skip * skips
            - w.reject * rejections
            - w.edit * edits
        )
        return Engagement(
            turn_id=turn.id,
            stream=stream.key,
            persona=turn.persona,
            persona_version=self.persona_version(turn.persona, turn.started_at),
            model_version=self.model_version(turn.persona, turn.started_at),
            window_s=w.window_s,
            chat_after=len(chat),
            baseline=round(baseline, 4),
            emotes=emotes,
            replies=replies,
            follows=follows,
            subs=subs,
            bits=bits,
            skips=skips,
            rejections=rejections,
            edits=edits,
            score=round(score, 4),
        )
