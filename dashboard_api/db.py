"""Small read helpers over the store shared by the dashboard's routes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from streamer.store.models import Channel


async def channel_id(sessions: async_sessionmaker[AsyncSession], login: str) -> int | None:
    """The channel's row id, or None before the recorder stored anything for it."""
    async with sessions() as s:
        found: int | None = await s.scalar(select(Channel.id).where(Channel.login == login))
    return found
