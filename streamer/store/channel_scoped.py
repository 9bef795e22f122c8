"""A store bound to one channel, which finds (and caches) the channel's row id."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from .models import Channel
from .writer import channel_ids


class ChannelScoped:
    """Base of the stores that read and write one channel's rows (memories, knowledge)."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], channel: str) -> None:
        self.sessions = sessions
        self.channel = channel
        self._cids: dict[str, int] = {}

    async def _cid(self, session: AsyncSession) -> int:
        """The channel's id for a write (the row is created if needed, in this transaction)."""
        if self.channel in self._cids:
            return self._cids[self.channel]
        return (await channel_ids(session, {self.channel}, {}))[self.channel]

    @property
    def engine(self) -> AsyncEngine:
        """The sessions' engine, for a Core read without a session (the recall path)."""
        bind = self.sessions.kw["bind"]
        assert isinstance(bind, AsyncEngine)
        return bind

    async def _read_cid(self, session: AsyncSession | AsyncConnection) -> int:
        """The channel's id for a read (-1, matching nothing, before the channel has a row).
        Only a committed id is cached: one inserted in a transaction that rolls back is not."""
        if self.channel in self._cids:
            return self._cids[self.channel]
        cid = await session.scalar(select(Channel.id).where(Channel.login == self.channel))
        if cid is None:
            return -1
        self._cids[self.channel] = int(cid)
        return int(cid)
