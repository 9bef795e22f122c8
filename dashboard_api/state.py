"""What every route needs, built once per app in the lifespan: ``request.app.state.dash``."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import redis.asyncio as aioredis
from argon2 import PasswordHasher
from itsdangerous import Signer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import HTTPConnection

from config.settings import Settings
from engines.ai.safety import SafetyPipeline
from engines.backends import LLMBackend
from streamer.bus import Bus

from .bot_health import BotStatus
from .feed import FeedHub
from .ratelimit import LoginLimiter


@dataclass
class Dashboard:
    settings: Settings
    sessions: async_sessionmaker[AsyncSession]
    bus: Bus
    hub: FeedHub
    limiter: LoginLimiter
    signer: Signer
    hasher: PasswordHasher
    dummy_hash: str
    safety: SafetyPipeline
    preview_llm: LLMBackend | None = None
    redis: aioredis.Redis | None = None
    overlay_audio_channel: str | None = None
    """Redis pub/sub channel of the bot's speech (None: no audio for the overlay)."""
    persona_apply_timeout_s: float = 10.0
    status: BotStatus = field(default_factory=BotStatus)
    """The bot's heartbeat and component health (kept by a feed listener)."""
    running_persona: dict[str, Any] = field(default_factory=dict)
    """The newest ``status.persona`` seen per persona (kept by a feed listener)."""
    safety_warm: asyncio.Lock = field(default_factory=asyncio.Lock)
    safety_warmed: bool = False
    """The safety classifier is loaded (in a thread, on the first preview: it takes seconds)."""


def dash(conn: HTTPConnection) -> Dashboard:
    """The dashboard's parts, for a request or a websocket."""
    d: Dashboard = conn.app.state.dash
    return d
