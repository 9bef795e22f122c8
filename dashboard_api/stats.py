"""Per-stream statistics from the recorded events: counts, latency, top chatters, and how
much chat picked up in the minute after the bot spoke.

A stream is the time between a ``stream.state`` online event and the next offline one;
with none recorded, everything recorded counts as one stream.
"""

from __future__ import annotations

import bisect
import math
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, status
from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from streamer.store.models import EventRow, Viewer

from .auth import SIGNED_IN_RESPONSES, SignedIn
from .db import channel_id
from .state import dash

router = APIRouter(prefix="/api/stats", tags=["stats"], responses=SIGNED_IN_RESPONSES)

ENGAGEMENT_WINDOW_S = 60.0
MAX_POINTS = 120
COUNTED = {
    "chat.message": "messages",
    "reply.finished": "replies",
    "reply.blocked": "blocked",
    "reply.held": "held",
    "reply.interrupted": "interrupted",
}


class StreamWindow(BaseModel):
    start: datetime
    end: datetime
    live: bool
    """Still running (no offline event yet)."""


class Latency(BaseModel):
    count: int
    p50_ms: float | None
    p95_ms: float | None


class Chatter(BaseModel):
    user_id: str
    login: str
    display_name: str
    messages: int


class ReplyEngagement(BaseModel):
    ts: datetime
    turn_id: str
    chat_after: int
    """Chat messages in the minute after the reply finished."""


class Engagement(BaseModel):
    window_s: float
    baseline_per_min: float
    """Chat messages per minute over the whole stream."""
    after_reply_avg: float | None
    """Average chat messages in the minute after a reply."""
    replies: list[ReplyEngagement]


class Point(BaseModel):
    t: datetime
    messages: int
    replies: int


class Stats(BaseModel):
    window: StreamWindow
    messages: int
    replies: int
    blocked: int
    held: int
    interrupted: int
    latency: Latency
    top_chatters: list[Chatter]
    engagement: Engagement
    bucket_s: int
    timeline: list[Point]


def _utc(ts: datetime) -> datetime:
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)


def percentile(values: list[float], q: float) -> float | None:
    """Linear-interpolated percentile (``q`` in 0..100) of unsorted values; None when empty."""
    if not values:
        return None
    data = sorted(values)
    pos = (len(data) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


async def stream_windows(sessions: async_sessionmaker[AsyncSession], cid: int) -> list[StreamWindow]:
    """Every stream recorded for the channel, oldest first."""
    async with sessions() as s:
        states = (
            await s.execute(
                select(EventRow.ts, EventRow.payload)
                .where(EventRow.channel_id == cid, EventRow.type == "stream.state")
                .order_by(EventRow.ts)
            )
        ).all()
        first, last = (await s.execute(
            select(func.min(EventRow.ts), func.max(EventRow.ts)).where(EventRow.channel_id == cid)
        )).one()  # fmt: skip
    if first is None:
        return []
    windows: list[StreamWindow] = []
    start: datetime | None = None
    for ts, payload in states:
        online = payload.get("online")
        if online is True and start is None:
            start = _utc(ts)
        elif online is False and start is not None:
            windows.append(StreamWindow(start=start, end=_utc(ts), live=False))
            start = None
    if start is not None:
        windows.append(StreamWindow(start=start, end=max(_utc(last), start), live=True))
    if not windows:
        windows.append(StreamWindow(start=_utc(first), end=_utc(last), live=False))
    return windows


async def compute_stats(sessions: async_sessionmaker[AsyncSession], cid: int, window: StreamWindow) -> Stats:
    lo, hi = window.start, window.end
    in_window = (EventRow.channel_id == cid, EventRow.ts >= lo, EventRow.ts <= hi)
    async with sessions() as s:
        counts = dict(
            (
                await s.execute(
                    select(EventRow.type, func.count())
                    .where(*in_window, EventRow.type.in_(COUNTED))
                    .group_by(EventRow.type)
                )
            ).all()
        )
        finished = (
            await s.execute(
                select(EventRow.ts, EventRow.payload)
                .where(*in_window, EventRow.type == "reply.finished")
                .order_by(EventRow.ts)
            )
        ).all()
        chat_ts = [_utc(t) for t in (await s.scalars(
            select(EventRow.ts).where(*in_window, EventRow.type == "chat.message").order_by(EventRow.ts)
        )).all()]  # fmt: skip
        top = (
            await s.execute(
                select(EventRow.viewer_twitch_id, func.count().label("n"))
                .where(*in_window, EventRow.type == "chat.message", EventRow.viewer_twitch_id.is_not(None))
                .group_by(EventRow.viewer_twitch_id)
                .order_by(func.count().desc(), EventRow.viewer_twitch_id)
                .limit(10)
            )
        ).all()
        names: dict[str, tuple[str, str]] = {}
        if top:
            rows = await s.execute(
                select(Viewer.twitch_id, Viewer.login, Viewer.display_name).where(
                    Viewer.channel_id == cid, Viewer.twitch_id.in_([t for t, _ in top])
                )
            )
            names = {t: (login, display) for t, login, display in rows}
    latencies = [float(p["latency_ms"]) for _, p in finished if isinstance(p.get("latency_ms"), int | float)]
    replies = [(_utc(ts), str(p.get("turn_id", ""))) for ts, p in finished]
    return Stats(
        window=window,
        **{name: int(counts.get(etype, 0)) for etype, name in COUNTED.items()},
        latency=Latency(
            count=len(latencies), p50_ms=percentile(latencies, 50), p95_ms=percentile(latencies, 95)
        ),
        top_chatters=[
            Chatter(
                user_id=str(t),
                login=names.get(str(t), (str(t), str(t)))[0],
                display_name=names.get(str(t), (str(t), str(t)))[1],
                messages=n,
            )
            for t, n in top
        ],
        engagement=_engagement(chat_ts, replies, window),
        **_timeline(chat_ts, [ts for ts, _ in replies], window),
    )


def _engagement(
    chat_ts: list[datetime], replies: list[tuple[datetime, str]], window: StreamWindow
) -> Engagement:
    minutes = max((window.end - window.start).total_seconds() / 60, 1.0)
    per_reply = []
    span = timedelta(seconds=ENGAGEMENT_WINDOW_S)
    for ts, turn_id in replies:
        n = bisect.bisect_right(chat_ts, ts + span) - bisect.bisect_right(chat_ts, ts)
        per_reply.append(ReplyEngagement(ts=ts, turn_id=turn_id, chat_after=n))
    avg = sum(r.chat_after for r in per_reply) / len(per_reply) if per_reply else None
    return Engagement(
        window_s=ENGAGEMENT_WINDOW_S,
        baseline_per_min=len(chat_ts) / minutes,
        after_reply_avg=avg,
        replies=per_reply[-200:],
    )


def _timeline(chat_ts: list[datetime], reply_ts: list[datetime], window: StreamWindow) -> dict[str, Any]:
    seconds = max((window.end - window.start).total_seconds(), 1.0)
    bucket = max(60, math.ceil(seconds / MAX_POINTS / 60) * 60)
    n = min(MAX_POINTS + 1, int(seconds // bucket) + 1)
    messages, replies = [0] * n, [0] * n
    for series, stamps in ((messages, chat_ts), (replies, reply_ts)):
        for ts in stamps:
            i = int((ts - window.start).total_seconds() // bucket)
            if 0 <= i < n:
                series[i] += 1
    points = [
        Point(t=window.start + timedelta(seconds=i * bucket), messages=messages[i], replies=replies[i])
        for i in range(n)
    ]
    return {"bucket_s": bucket, "timeline": points}


@router.get("/streams")
async def streams(user: SignedIn, request: Request) -> list[StreamWindow]:
    """The recorded streams, newest first."""
    d = dash(request)
    cid = await channel_id(d.sessions, d.settings.channel)
    return [] if cid is None else list(reversed(await stream_windows(d.sessions, cid)))[:100]


_MIN = datetime(2000, 1, 1, tzinfo=UTC)
_MAX = datetime(2200, 1, 1, tzinfo=UTC)


@router.get("", responses={404: {"description": "nothing recorded yet"}})
async def stats(
    user: SignedIn,
    request: Request,
    start: Annotated[datetime | None, Query(description="window start (default: the latest stream)")] = None,
    end: Annotated[
        datetime | None, Query(description="window end (default: the stream's end or now)")
    ] = None,
) -> Stats:
    """Statistics for one stream (the latest by default) or any window."""
    d = dash(request)
    cid = await channel_id(d.sessions, d.settings.channel)
    if cid is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "nothing recorded yet")
    if start is None and end is None:
        windows = await stream_windows(d.sessions, cid)
        if not windows:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "nothing recorded yet")
        window = windows[-1]
    else:
        lo = min(max(_utc(start), _MIN), _MAX) if start else _MIN
        hi = min(max(_utc(end), _MIN), _MAX) if end else datetime.now(UTC)
        if hi <= lo:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "end must be after start")
        window = StreamWindow(start=lo, end=hi, live=False)
    return await compute_stats(d.sessions, cid, window)
