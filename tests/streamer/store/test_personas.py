"""Persona versions: numbered, immutable, listed newest first, and seeded from the file."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.persona import PersonaError, load_persona
from streamer.store import make_engine, make_sessionmaker
from streamer.store.models import PersonaVersion
from streamer.store.personas import (
    current_persona,
    list_persona_versions,
    load_persona_version,
    save_persona_version,
)


@pytest.fixture
async def sessions(db_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(db_url)
    yield make_sessionmaker(engine)
    await engine.dispose()


async def test_versions_count_up_and_load_back(sessions: async_sessionmaker[AsyncSession]) -> None:
    base = load_persona("hiyori")
    assert await load_persona_version(sessions, base.id) is None
    v1 = await save_persona_version(sessions, base, by="streamer_sam", note="first")
    edited = base.model_copy(update={"reply_frequency": 0.9, "chat_replies": True})
    v2 = await save_persona_version(sessions, edited, by="streamer_sam", note="chattier")
    assert (v1, v2) == (1, 2)

    latest = await load_persona_version(sessions, base.id)
    assert latest is not None
    assert latest[1] == 2
    assert latest[0].reply_frequency == 0.9
    assert latest[0].chat_replies is True
    first = await load_persona_version(sessions, base.id, 1)
    assert first == (base, 1)
    assert await load_persona_version(sessions, base.id, 7) is None

    history = await list_persona_versions(sessions, base.id)
    assert [(h.version, h.created_by, h.note) for h in history] == [
        (2, "streamer_sam", "chattier"),
        (1, "streamer_sam", "first"),
    ]


async def test_concurrent_saves_get_distinct_numbers(sessions: async_sessionmaker[AsyncSession]) -> None:
    base = load_persona("hiyori")
    versions = await asyncio.gather(*(save_persona_version(sessions, base, by="a") for _ in range(4)))
    assert sorted(versions) == [1, 2, 3, 4]


async def test_current_persona_seeds_version_one_once(sessions: async_sessionmaker[AsyncSession]) -> None:
    base = load_persona("hiyori")
    assert await current_persona(sessions, base) == (base, 1)
    edited = base.model_copy(update={"min_gap_s": 9.0})
    await save_persona_version(sessions, edited, by="streamer")
    persona, version = await current_persona(sessions, base)
    assert version == 2
    assert persona.min_gap_s == 9.0


async def test_invalid_stored_data_names_the_field(sessions: async_sessionmaker[AsyncSession]) -> None:
    base = load_persona("hiyori")
    await save_persona_version(sessions, base, by="x")
    bad = base.model_dump(mode="json") | {"reply_frequency": 3}
    async with sessions() as s, s.begin():
        await s.execute(update(PersonaVersion).values(data=bad))
    with pytest.raises(PersonaError, match="reply_frequency"):
        await load_persona_version(sessions, base.id)
