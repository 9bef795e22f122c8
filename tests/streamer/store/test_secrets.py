"""Tokens are stored encrypted, and a wrong key says what to do."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from streamer.store import make_engine, make_sessionmaker
from streamer.store.secrets import NamedTokenStore, SecretKeyError, SecretStore, new_key


@pytest.fixture
async def sessions(db_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(db_url)
    yield make_sessionmaker(engine)
    await engine.dispose()


async def test_tokens_are_encrypted_at_rest(sessions: async_sessionmaker[AsyncSession]) -> None:
    store = SecretStore(sessions, new_key())
    tokens = NamedTokenStore(store, "vtube_studio")
    assert await tokens.load() is None
    await tokens.save("vts-token-abc123")
    await tokens.save("vts-token-def456")  # a refresh replaces it
    assert await tokens.load() == "vts-token-def456"
    async with sessions() as s:
        raw = (await s.execute(text("SELECT ciphertext FROM secrets"))).scalars().all()
    assert len(raw) == 1
    assert "def456" not in raw[0]
    assert "abc123" not in raw[0]


async def test_wrong_or_malformed_key_gives_a_clear_error(sessions: async_sessionmaker[AsyncSession]) -> None:
    await SecretStore(sessions, new_key()).put("twitch_bot", "secret-value")
    with pytest.raises(SecretKeyError, match="encrypted with another key"):
        await SecretStore(sessions, new_key()).get("twitch_bot")
    with pytest.raises(SecretKeyError, match="vtuber config keygen"):
        SecretStore(sessions, "not-a-key")
