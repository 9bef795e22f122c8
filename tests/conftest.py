"""Shared fixtures: real Redis and real PostgreSQL, isolated per test run.

REDIS_URL and DATABASE_URL choose the servers (defaults: the ones on 127.0.0.1). Each test
gets its own Redis key prefix; each test session gets its own PostgreSQL database, dropped
at the end.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import redis.asyncio as aioredis

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
ADMIN_DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")


@pytest.fixture
def redis_url() -> str:
    return REDIS_URL


@pytest.fixture
async def redis_client() -> AsyncIterator[aioredis.Redis]:
    client = aioredis.from_url(REDIS_URL, decode_responses=False)
    yield client
    await client.aclose()


@pytest.fixture
async def redis_prefix(redis_client: aioredis.Redis) -> AsyncIterator[str]:
    prefix = "t" + uuid.uuid4().hex[:12]
    yield prefix
    keys = [k async for k in redis_client.scan_iter(match=f"{prefix}:*")]
    if keys:
        await redis_client.delete(*keys)


def _pg_admin(sql: str) -> None:
    import asyncio

    import asyncpg

    base, _, db = ADMIN_DATABASE_URL.rpartition("/")
    dsn = base.replace("postgresql+asyncpg://", "postgresql://")

    async def run() -> None:
        conn = await asyncpg.connect(f"{dsn}/{db}")
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(run())


def _pg_database_url(name: str) -> str:
    return f"{ADMIN_DATABASE_URL.rpartition('/')[0]}/{name}"


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated PostgreSQL database for this test session, used as a template."""
    import asyncio

    from streamer.store.migrate import upgrade

    name = "vtuber_tpl_" + uuid.uuid4().hex[:10]
    _pg_admin(f'CREATE DATABASE "{name}"')
    asyncio.run(upgrade(_pg_database_url(name)))
    yield name
    _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_template: str) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for one test (asyncpg URL)."""
    name = "vtuber_test_" + uuid.uuid4().hex[:10]
    _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    yield _pg_database_url(name)
    _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
async def sqlite_url(tmp_path: Path) -> str:
    """A fresh, migrated SQLite database file for one test."""
    from streamer.store.migrate import upgrade

    url = f"sqlite+aiosqlite:///{tmp_path / 'vtuber.db'}"
    await upgrade(url)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """Each test using this runs on both databases."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))
