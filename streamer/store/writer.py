"""Idempotent batch writes: events in, rows out, one transaction per batch.

``events`` gets every event (insert-or-ignore on the event id). Only the events that were
new in this call feed the projections (viewers, turns, sentences, safety decisions,
moderation actions, metrics), so a redelivered batch changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, assert_never

from sqlalchemy import select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from engines import events as ev

from .models import (
    Channel,
    EventRow,
    MetricRow,
    ModerationAction,
    ReplySentenceRow,
    SafetyDecision,
    Turn,
    Viewer,
)

_PG_EVENTS_INSERT = text(
    """
    INSERT INTO events (id, channel_id, type, stream, ts, viewer_twitch_id, text, payload)
    SELECT * FROM unnest(
        CAST(:ids AS varchar[]), CAST(:channel_ids AS bigint[]), CAST(:types AS varchar[]),
        CAST(:streams AS varchar[]), CAST(:ts AS timestamptz[]), CAST(:viewers AS varchar[]),
        CAST(:texts AS text[]), CAST(:payloads AS jsonb[]))
    ON CONFLICT (id) DO NOTHING
    RETURNING id
    """
)
"""PostgreSQL fast path: one statement with array parameters instead of a row per event."""

_VIEWER_COLUMNS = ("channel_id", "twitch_id", "login", "display_name", "first_seen", "last_seen", "messages")
_PG_VIEWERS_UPSERT = text(
    """
    INSERT INTO viewers (channel_id, twitch_id, login, display_name, first_seen, last_seen, messages, blocked)
    SELECT *, false FROM unnest(
        CAST(:channel_id AS bigint[]), CAST(:twitch_id AS varchar[]), CAST(:login AS varchar[]),
        CAST(:display_name AS varchar[]), CAST(:first_seen AS timestamptz[]), CAST(:last_seen AS timestamptz[]),
        CAST(:messages AS integer[]))
    ON CONFLICT (channel_id, twitch_id) DO UPDATE SET
        login = excluded.login,
        display_name = excluded.display_name,
        last_seen = GREATEST(viewers.last_seen, excluded.last_seen),
        messages = viewers.messages + excluded.messages
    """
)


def _insert(session: AsyncSession, model: Any) -> Any:
    """The dialect's Core INSERT (``on_conflict_do_nothing``/``_do_update``); Core skips ORM bookkeeping."""
    dialect = session.get_bind().dialect.name
    table = model.__table__
    return postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)


async def channel_ids(session: AsyncSession, logins: set[str], cache: dict[str, int]) -> dict[str, int]:
    """Ids of the given channels, creating rows as needed (cached)."""
    missing = sorted(logins - cache.keys())
    if missing:
        await session.execute(
            _insert(session, Channel).on_conflict_do_nothing(index_elements=["login"]),
            [{"login": login} for login in missing],
        )
        rows = await session.execute(select(Channel.login, Channel.id).where(Channel.login.in_(missing)))
        cache.update({login: cid for login, cid in rows})
    return cache


def _text_of(event: ev.EventBase) -> str | None:
    """The searchable ``text`` column: what the author wrote for input events (None when
    nothing), the event's own text for the bot's output and moderators' commands."""
    if event.stream == "input":
        return event.viewer_text or None
    text = getattr(event, "text", None)
    return text if isinstance(text, str) else None


async def write_events(
    session: AsyncSession, batch: Sequence[tuple[str, ev.EventBase]], channel_cache: dict[str, int]
) -> set[str]:
    """Store ``(stream, event)`` pairs; returns the ids that were new. Caller commits.

    ``channel_cache`` must already hold every channel in the batch (see :func:`channel_ids`).
    The bot's heartbeats are not stored (a pulse every few seconds, for live views only).
    """
    batch = [(stream, e) for stream, e in batch if not isinstance(e, ev.BotHeartbeat)]
    if not batch:
        return set()
    cids = channel_cache
    viewers = [e.actor for _, e in batch]
    conn = await session.connection()
    if conn.dialect.name == "postgresql":
        result = await conn.execute(
            _PG_EVENTS_INSERT,
            {
                "ids": [e.id for _, e in batch],
                "channel_ids": [cids[e.channel] for _, e in batch],
                "types": [e.type for _, e in batch],
                "streams": [stream for stream, _ in batch],
                "ts": [e.ts for _, e in batch],
                "viewers": [v.id if v else None for v in viewers],
                "texts": [_text_of(e) for _, e in batch],
                "payloads": [ev.encode(e).decode() for _, e in batch],
            },
        )
    else:
        rows = [
            {
                "id": e.id,
                "channel_id": cids[e.channel],
                "type": e.type,
                "stream": stream,
                "ts": e.ts,
                "viewer_twitch_id": v.id if v else None,
                "text": _text_of(e),
                "payload": e.model_dump(mode="json"),
            }
            for (stream, e), v in zip(batch, viewers, strict=True)
        ]
        stmt = _insert(session, EventRow).on_conflict_do_nothing(index_elements=["id"])
        result = await conn.execute(stmt.returning(EventRow.__table__.c.id), rows)
    new_ids = set(result.scalars().all())
    fresh = [e for _, e in batch if e.id in new_ids]
    if fresh:
        await _project(session, fresh, cids)
    return new_ids


async def _project(session: AsyncSession, fresh: list[ev.EventBase], cids: dict[str, int]) -> None:
    await _upsert_viewers(session, fresh, cids)
    conn = await session.connection()
    turns: list[dict[str, Any]] = []
    sentences: list[dict[str, Any]] = []
    safety: list[dict[str, Any]] = []
    moderation: list[dict[str, Any]] = []
    metrics: list[dict[str, Any]] = []
    updates: list[tuple[datetime, str, dict[str, Any]]] = []
    for e in fresh:
        if e.stream == "input":  # the hot path: chat feeds only the viewer table
            continue
        cid = cids[e.channel]
        if isinstance(e, ev.ControlEvent):
            moderation.append(_moderation_row(e, cid))
            continue
        if not isinstance(e, ev.OutputEvent):
            continue
        match e:
            case ev.ReplyStarted():
                turns.append(
                    {
                        "id": e.turn_id, "channel_id": cid, "persona": e.persona,
                        "trigger_ids": list(e.trigger_ids), "reason": e.reason,
                        "status": "started", "started_at": e.ts,
                    }
                )  # fmt: skip
            case ev.ReplySentence():
                sentences.append(
                    {"id": e.id, "turn_id": e.turn_id, "index": e.index, "text": e.text, "emotion": e.emotion,
                     "ts": e.ts}
                )  # fmt: skip
            case ev.ReplyFinished():
                done = {"status": "finished", "finished_at": e.ts, "text": e.text, "latency_ms": e.latency_ms}
                updates.append((e.ts, e.turn_id, done))
            case ev.ReplyInterrupted():
                interrupted = {"status": "interrupted", "finished_at": e.ts, "heard_text": e.heard_text}
                updates.append((e.ts, e.turn_id, interrupted))
            case ev.ReplyHeld():
                updates.append((e.ts, e.turn_id, {"status": "held"}))
            case ev.ReplyBlocked():
                safety.append(
                    {
                        "id": e.id, "channel_id": cid, "turn_id": e.turn_id, "target_id": e.target_id,
                        "stage": e.stage, "layer": e.layer, "reason": e.reason, "text": e.text, "ts": e.ts,
                    }
                )  # fmt: skip
            case ev.CrisisFlagged():  # a safety decision too: the input was not answered
                safety.append(
                    {
                        "id": e.id, "channel_id": cid, "turn_id": None, "target_id": e.target_id,
                        "stage": "input", "layer": "crisis", "reason": e.reason, "text": e.text, "ts": e.ts,
                    }
                )  # fmt: skip
            case ev.Metric():
                metrics.append(
                    {"id": e.id, "channel_id": cid, "name": e.name, "value": e.value, "labels": e.labels,
                     "ts": e.ts}
                )  # fmt: skip
            case ev.SelectionDecision() | ev.ComponentStatus() | ev.PersonaApplied() | ev.ModelApplied():
                pass  # kept in the events table only
            case ev.BotHeartbeat():
                pass  # never stored (left out before the events table)
            case _:
                assert_never(e)
    for model, values in (
        (Turn, turns),
        (ReplySentenceRow, sentences),
        (SafetyDecision, safety),
        (ModerationAction, moderation),
        (MetricRow, metrics),
    ):
        if values:
            await conn.execute(_insert(session, model).on_conflict_do_nothing(index_elements=["id"]), values)
    for _ts, turn_id, changes in sorted(updates, key=lambda u: u[0]):
        await conn.execute(update(Turn).where(Turn.id == turn_id).values(**changes))


def _moderation_row(e: ev.ControlEvent, cid: int) -> dict[str, Any]:
    """Every command is audited the same way: who, what, on what target, with which details."""
    details = e.model_dump(mode="json", exclude={"id", "channel", "ts", "type", "v", "by"})
    target = next(
        (
            str(v)
            for k in ("target_id", "turn_id", "login", "user_id", "persona", "scene", "word", "reply_to")
            if (v := getattr(e, k, None))
        ),
        None,
    )
    return {"id": e.id, "channel_id": cid, "actor": e.by, "action": e.type, "target": target,
            "details": details, "ts": e.ts}  # fmt: skip


async def _upsert_viewers(session: AsyncSession, fresh: list[ev.EventBase], cids: dict[str, int]) -> None:
    seen: dict[tuple[int, str], dict[str, Any]] = {}
    for e in fresh:
        viewer = e.actor
        if viewer is None:
            continue
        key = (cids[e.channel], viewer.id)
        row = seen.get(key)
        chat = 1 if e.type == "chat.message" else 0
        if row is None:
            seen[key] = {
                "channel_id": key[0], "twitch_id": viewer.id, "login": viewer.login,
                "display_name": viewer.display_name, "first_seen": e.ts, "last_seen": e.ts, "messages": chat,
            }  # fmt: skip
        else:
            row["first_seen"] = min(row["first_seen"], e.ts)
            row["last_seen"] = max(row["last_seen"], e.ts)
            row["messages"] += chat
            row["login"], row["display_name"] = viewer.login, viewer.display_name
    if not seen:
        return
    conn = await session.connection()
    ordered = [seen[k] for k in sorted(seen)]  # a stable order keeps concurrent recorders from deadlocking
    if conn.dialect.name == "postgresql":
        await conn.execute(
            _PG_VIEWERS_UPSERT,
            {col: [row[col] for row in ordered] for col in _VIEWER_COLUMNS},
        )
        return
    stmt = _insert(session, Viewer)
    stmt = stmt.on_conflict_do_update(
        index_elements=["channel_id", "twitch_id"],
        set_={
            "login": stmt.excluded.login,
            "display_name": stmt.excluded.display_name,
            "last_seen": stmt.excluded.last_seen,
            "messages": stmt.table.c.messages + stmt.excluded.messages,
        },
    )
    await conn.execute(stmt, ordered)
