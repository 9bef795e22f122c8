"""Chat monitor routes: the live feed websocket, the audit trail, search and the bot's modes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, WebSocket
from pydantic import BaseModel
from sqlalchemy import select
from starlette.websockets import WebSocketDisconnect

from streamer.store.models import EventRow, ModerationAction

from .auth import SIGNED_IN_RESPONSES, SignedIn, session_user, websocket_user
from .bot_health import StatusOut, snapshot
from .db import channel_id
from .feed import FeedClient
from .inputs import NOT_BLANK
from .state import dash

log = logging.getLogger("dashboard_api.monitor")
router = APIRouter(tags=["monitor"], responses=SIGNED_IN_RESPONSES)

SESSION_RECHECK_S = 5.0
"""A monitor whose session ended (logout, expiry, account removed) is cut off within this (the
page's status bar finds it sooner, within 2 s, and shows the login form over the page)."""


@router.websocket("/api/feed")
async def feed(websocket: WebSocket) -> None:
    """The live feed: a history frame, then batches of events as they cross the bus."""
    user = await websocket_user(websocket)
    if user is None:
        await websocket.close(code=1008, reason="log in first")
        return
    d = dash(websocket)
    await websocket.accept()
    client = d.hub.connect()
    log.info("monitor connected: %s (%d open)", user.name, d.hub.clients)
    receiver = asyncio.create_task(_receive(websocket))
    checker = asyncio.create_task(_recheck(websocket))
    tasks = [asyncio.create_task(_send(websocket, client)), receiver, checker]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        if receiver not in done:  # we end it: the session ended, or sending failed
            with contextlib.suppress(Exception):
                await websocket.close(code=1008 if checker in done else 1011)
    finally:
        d.hub.disconnect(client)
        cancel_all(tasks)
        log.info("monitor disconnected: %s (lost %d events)", user.name, client.dropped)


_ending: set[asyncio.Task[None]] = set()


def cancel_all(tasks: list[asyncio.Task[None]]) -> None:
    """Cancel helper tasks without awaiting them (the handler may itself be being cancelled)."""
    for task in tasks:
        if not task.done():
            task.cancel()
            _ending.add(task)
            task.add_done_callback(_ending.discard)


async def _send(websocket: WebSocket, client: FeedClient) -> None:
    with contextlib.suppress(WebSocketDisconnect, RuntimeError, OSError):
        while True:
            await websocket.send_text(await client.queue.get())


async def _receive(websocket: WebSocket) -> None:
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return


async def _recheck(websocket: WebSocket) -> None:
    from .auth import COOKIE

    while True:
        await asyncio.sleep(SESSION_RECHECK_S)
        if await session_user(dash(websocket), websocket.cookies.get(COOKIE)) is None:
            return


@router.get("/api/status")
async def bot_status(user: SignedIn, request: Request) -> StatusOut:
    """The bot's health from its heartbeat: up or down, each component, the kill switch and
    hold-for-review as the bot has them, and when it last spoke. Every page's status bar polls it."""
    return snapshot(dash(request).status)


class AuditRow(BaseModel):
    id: str
    actor: str
    action: str
    target: str | None
    details: dict[str, Any]
    ts: datetime


@router.get("/api/audit")
async def audit(
    user: SignedIn, request: Request, limit: Annotated[int, Query(ge=1, le=1_000)] = 200
) -> list[AuditRow]:
    """Moderator and streamer actions as the recorder audited them, newest first."""
    d = dash(request)
    cid = await channel_id(d.sessions, d.settings.channel)
    if cid is None:
        return []
    query = (
        select(ModerationAction)
        .where(ModerationAction.channel_id == cid)
        .order_by(ModerationAction.ts.desc())
        .limit(limit)
    )
    async with d.sessions() as s:
        rows = (await s.scalars(query)).all()
    return [
        AuditRow(id=r.id, actor=r.actor, action=r.action, target=r.target, details=r.details, ts=r.ts)
        for r in rows
    ]


class Found(BaseModel):
    id: str
    type: str
    ts: datetime
    text: str | None
    event: dict[str, Any]


@router.get("/api/search")
async def search(
    user: SignedIn,
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, pattern=NOT_BLANK)],
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[Found]:
    """Search everything recorded (chat, replies, blocks...) by text, newest first."""
    d = dash(request)
    cid = await channel_id(d.sessions, d.settings.channel)
    if cid is None:
        return []
    query = (
        select(EventRow)
        .where(EventRow.channel_id == cid, EventRow.text.icontains(q, autoescape=True))
        .order_by(EventRow.ts.desc())
        .limit(limit)
    )
    async with d.sessions() as s:
        rows = (await s.scalars(query)).all()
    return [Found(id=r.id, type=r.type, ts=r.ts, text=r.text, event=r.payload) for r in rows]


class Mode(BaseModel):
    on: bool
    by: str | None = None
    at: datetime | None = None


class BotState(BaseModel):
    """The modes moderators set, as the audit trail records them."""

    kill: Mode
    hold: Mode
    blocked_viewers: list[str]
    banned_words: list[str]


@router.get("/api/state")
async def bot_state(user: SignedIn, request: Request) -> BotState:
    """The kill switch, hold-for-review, blocked viewers and banned words set so far."""
    d = dash(request)
    cid = await channel_id(d.sessions, d.settings.channel)
    state = BotState(kill=Mode(on=False), hold=Mode(on=False), blocked_viewers=[], banned_words=[])
    if cid is None:
        return state
    actions = ("control.kill", "control.hold", "control.block", "control.banned_word")
    query = (
        select(ModerationAction)
        .where(ModerationAction.channel_id == cid, ModerationAction.action.in_(actions))
        .order_by(ModerationAction.ts)
    )
    blocked: dict[str, bool] = {}
    words: dict[str, bool] = {}
    async with d.sessions() as s:
        for r in (await s.scalars(query)).all():
            details = r.details or {}
            if r.action == "control.kill":
                state.kill = Mode(on=bool(details.get("engaged")), by=r.actor, at=r.ts)
            elif r.action == "control.hold":
                state.hold = Mode(on=bool(details.get("engaged")), by=r.actor, at=r.ts)
            elif r.action == "control.block" and details.get("login"):
                blocked[str(details["login"]).lower()] = bool(details.get("blocked"))
            elif r.action == "control.banned_word" and details.get("word"):
                words[str(details["word"]).lower()] = bool(details.get("add"))
    state.blocked_viewers = sorted(k for k, v in blocked.items() if v)
    state.banned_words = sorted(k for k, v in words.items() if v)
    return state
