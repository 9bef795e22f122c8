"""Engagement per turn, computed from the stored log and kept in ``turn_engagement``.

:func:`score_turns` reads one channel's turns and the events scoring needs, scores every turn
(:mod:`engines.training.engagement`) and replaces its row, so running it again after more
was recorded (or with other weights) brings every row up to date. :func:`by_version` sums
the rows per persona version and model version for the stats.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.studio import EngagementSettings
from engines.training.engagement import TYPES, LogEvent, Scorer, TurnRow

from .models import Channel, EventRow, Turn
from .studio_models import TurnEngagement

log = logging.getLogger(__name__)
CHUNK = 500


def utc(ts: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)


async def channel_id(sessions: async_sessionmaker[AsyncSession], login: str) -> int | None:
    async with sessions() as s:
        found: int | None = await s.scalar(select(Channel.id).where(Channel.login == login))
    return found


async def score_turns(
    sessions: async_sessionmaker[AsyncSession],
    channel: str,
    settings: EngagementSettings,
    *,
    names: Iterable[str] = (),
    bot_logins: Iterable[str] = (),
) -> int:
    """Score every turn of the channel and store the rows; returns how many turns were scored."""
    cid = await channel_id(sessions, channel)
    if cid is None:
        return 0
    async with sessions() as s:
        rows = (
            await s.execute(
                select(EventRow.ts, EventRow.type, EventRow.payload).where(
                    EventRow.channel_id == cid, EventRow.type.in_(TYPES)
                )
            )
        ).all()
        first, last = (
            await s.execute(
                select(func.min(EventRow.ts), func.max(EventRow.ts)).where(EventRow.channel_id == cid)
            )
        ).one()
        turns = (
            await s.execute(
                select(Turn.id, Turn.persona, Turn.started_at, Turn.finished_at).where(Turn.channel_id == cid)
            )
        ).all()
    events = [LogEvent(utc(ts), t, p) for ts, t, p in rows]
    if first is not None:  # the log's edges bound the streams when no stream.state says
        events += [LogEvent(utc(first), "log.edge", {}), LogEvent(utc(last), "log.edge", {})]
    scorer = Scorer(events, settings, names=names, bot_logins=bot_logins)
    scored = [
        scorer.score(TurnRow(tid, persona, utc(started), utc(finished) if finished else None))
        for tid, persona, started, finished in turns
    ]
    async with sessions.begin() as s:
        for i in range(0, len(scored), CHUNK):
            part = scored[i : i + CHUNK]
            await s.execute(
                delete(TurnEngagement).where(TurnEngagement.turn_id.in_([e.turn_id for e in part]))
            )
            await s.execute(
                insert(TurnEngagement),
                [
                    {
                        "turn_id": e.turn_id,
                        "channel_id": cid,
                        "stream": e.stream,
                        "persona": e.persona,
                        "persona_version": e.persona_version,
                        "model_version": e.model_version,
                        "window_s": e.window_s,
                        "chat_after": e.chat_after,
                        "baseline": e.baseline,
                        "emotes": e.emotes,
                        "replies": e.replies,
                        "follows": e.follows,
                        "subs": e.subs,
                        "bits": e.bits,
                        "skips": e.skips,
                        "rejections": e.rejections,
                        "edits": e.edits,
                        "score": e.score,
                    }
                    for e in part
                ],
            )
    log.info("engagement: scored %d turns of %s", len(scored), channel)
    return len(scored)


@dataclass(frozen=True, slots=True)
class VersionEngagement:
    """Engagement summed over the turns one persona version and model version spoke."""

    persona: str
    persona_version: int | None
    model_version: int | None
    turns: int
    avg_score: float
    avg_chat_after: float
    avg_baseline: float
    replies: int
    follows: int
    subs: int
    bits: int
    skips: int
    rejections: int
    edits: int


async def by_version(sessions: async_sessionmaker[AsyncSession], channel: str) -> list[VersionEngagement]:
    """One row per (persona, persona version, model version), oldest version first."""
    cid = await channel_id(sessions, channel)
    if cid is None:
        return []
    e = TurnEngagement
    keys = (e.persona, e.persona_version, e.model_version)
    query = (
        select(
            *keys,
            func.count(),
            func.avg(e.score),
            func.avg(e.chat_after),
            func.avg(e.baseline),
            func.sum(e.replies),
            func.sum(e.follows),
            func.sum(e.subs),
            func.sum(e.bits),
            func.sum(e.skips),
            func.sum(e.rejections),
            func.sum(e.edits),
        )
        .where(e.channel_id == cid)
        .group_by(*keys)
        .order_by(e.persona, e.persona_version, e.model_version)
    )
    async with sessions() as s:
        rows = (await s.execute(query)).all()
    return [
        VersionEngagement(
            persona=r[0],
            persona_version=r[1],
            model_version=r[2],
            turns=int(r[3]),
            avg_score=round(float(r[4]), 4),
            avg_chat_after=round(float(r[5]), 4),
            avg_baseline=round(float(r[6]), 4),
            replies=int(r[7]),
            follows=int(r[8]),
            subs=int(r[9]),
            bits=int(r[10]),
            skips=int(r[11]),
            rejections=int(r[12]),
            edits=int(r[13]),
        )
        for r in rows
    ]
