"""The OBS overlay page (a browser source): captions, alerts and the bot's audio over a websocket.

It needs no login, only its own token in the URL (``/overlay?token=...``): a random
token whose SHA-256 is stored, rotated by the streamer (``vtuber overlay rotate-token`` or
the dashboard), which ends every old URL at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import secrets
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query, Request, WebSocket
from fastapi.responses import FileResponse, PlainTextResponse, Response
from pydantic import BaseModel
from redis.exceptions import RedisError
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.websockets import WebSocketDisconnect

from engines import events as ev
from engines.alert_text import alert_for
from streamer.bus import Delivery
from streamer.bus.audio import decode_frame
from streamer.store.models import OverlayToken

from .auth import SIGNED_IN_RESPONSES, Streamer
from .monitor import cancel_all
from .state import Dashboard, dash

log = logging.getLogger("dashboard_api.overlay")
router = APIRouter(tags=["overlay"])
STATIC = Path(__file__).with_name("static")
Token = Annotated[str, Query(min_length=1, max_length=200)]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def rotate_overlay_token(sessions: async_sessionmaker[AsyncSession], *, by: str) -> str:
    """A new overlay token; every older one stops working. Returned once, stored hashed."""
    token = secrets.token_urlsafe(24)
    async with sessions() as s, s.begin():
        await s.execute(delete(OverlayToken))
        s.add(OverlayToken(token_hash=_hash(token), created_by=by[:64]))
    log.info("overlay token rotated by %s", by)
    return token


async def overlay_token_ok(sessions: async_sessionmaker[AsyncSession], token: str | None) -> bool:
    if not token or len(token) > 200:
        return False
    async with sessions() as s:
        found = await s.scalar(select(OverlayToken.token_hash).where(OverlayToken.token_hash == _hash(token)))
    return found is not None


def overlay_url(d: Dashboard, token: str) -> str:
    cfg = d.settings.dashboard
    base = cfg.public_url or f"http://{cfg.host}:{cfg.port}"
    return f"{base.rstrip('/')}/overlay?token={token}"


def overlay_message(e: ev.EventBase) -> dict[str, Any] | None:
    """What the overlay page is told about an event, if anything."""
    if isinstance(e, ev.ReplySentence):
        return {"t": "caption", "turn_id": e.turn_id, "text": e.text, "emotion": e.emotion}
    if isinstance(e, ev.ReplyFinished | ev.ReplyInterrupted):
        return {"t": "clear", "turn_id": e.turn_id}
    alert = alert_for(e)
    return None if alert is None else {"t": "alert", "kind": e.type, "text": alert.text}


# ---------------------------------------------------------------- routes


@router.get("/overlay", include_in_schema=False)
async def overlay_page(request: Request, token: Token | None = None) -> Response:
    if not await overlay_token_ok(dash(request).sessions, token):
        return PlainTextResponse("invalid or missing overlay token", status_code=403)
    return FileResponse(STATIC / "overlay.html", headers={"Cache-Control": "no-store"})


@router.websocket("/overlay/ws")
async def overlay_socket(websocket: WebSocket, token: str | None = None) -> None:
    d = dash(websocket)
    if not await overlay_token_ok(d.sessions, token):
        await websocket.close(code=1008, reason="invalid overlay token")
        return
    await websocket.accept()
    queue: asyncio.Queue[str | bytes] = asyncio.Queue(500)

    def on(delivery: Delivery) -> None:
        message = overlay_message(delivery.event)
        if message is not None:
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(orjson.dumps(message).decode())

    d.hub.listen(on)
    tasks = [asyncio.create_task(_send(websocket, queue)), asyncio.create_task(_until_closed(websocket))]
    if d.redis is not None and d.overlay_audio_channel:
        tasks.append(asyncio.create_task(_relay_audio(d, queue)))
    log.info("overlay connected")
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        d.hub.unlisten(on)
        cancel_all(tasks)
        log.info("overlay disconnected")


async def _send(websocket: WebSocket, queue: asyncio.Queue[str | bytes]) -> None:
    with contextlib.suppress(WebSocketDisconnect, RuntimeError, OSError):
        while True:
            item = await queue.get()
            if isinstance(item, bytes):
                await websocket.send_bytes(item)
            else:
                await websocket.send_text(item)


async def _until_closed(websocket: WebSocket) -> None:
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        while (await websocket.receive())["type"] != "websocket.disconnect":
            pass


async def _relay_audio(d: Dashboard, queue: asyncio.Queue[str | bytes]) -> None:
    """Forward the bot's audio frames from Redis pub/sub; audio is dropped when the page lags."""
    assert d.redis is not None and d.overlay_audio_channel is not None
    delay = 0.5
    while True:
        pubsub = d.redis.pubsub()
        try:
            await pubsub.subscribe(d.overlay_audio_channel)
            delay = 0.5
            while True:
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
                if message is None or message.get("type") != "message":
                    continue
                data = message["data"]
                try:
                    decode_frame(data)
                except ValueError:
                    continue
                with contextlib.suppress(asyncio.QueueFull):
                    queue.put_nowait(bytes(data))
        except (RedisError, OSError) as exc:
            log.warning("overlay audio relay: Redis failed (%s); retrying", type(exc).__name__)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)
        finally:
            with contextlib.suppress(Exception):
                await pubsub.aclose()  # type: ignore[no-untyped-call]


class OverlayInfo(BaseModel):
    configured: bool
    created_by: str | None = None
    created_at: datetime | None = None
    audio: bool


class NewToken(BaseModel):
    token: str
    url: str


@router.get("/api/overlay", tags=["overlay"], responses=SIGNED_IN_RESPONSES)
async def overlay_info(user: Streamer, request: Request) -> OverlayInfo:
    """Whether an overlay token exists (the token itself is shown only when it is made)."""
    d = dash(request)
    async with d.sessions() as s:
        row = (await s.scalars(select(OverlayToken))).first()
    audio = d.overlay_audio_channel is not None
    if row is None:
        return OverlayInfo(configured=False, audio=audio)
    return OverlayInfo(configured=True, created_by=row.created_by, created_at=row.created_at, audio=audio)


@router.post("/api/overlay/token", tags=["overlay"], status_code=201, responses=SIGNED_IN_RESPONSES)
async def new_overlay_token(user: Streamer, request: Request) -> NewToken:
    """Make a new overlay URL; the old one stops working."""
    d = dash(request)
    token = await rotate_overlay_token(d.sessions, by=user.name)
    return NewToken(token=token, url=overlay_url(d, token))
