"""`vtuber doctor`: the checks that need no vendor code (key, database, Redis).

The result shape is :class:`engines.checks.Check`; the Twitch checks live with the Twitch
adapter and return the same type; ``streamer.app.doctor`` runs both.
"""

from __future__ import annotations

import asyncio

import redis.asyncio as aioredis
from alembic.script import ScriptDirectory
from cryptography.fernet import Fernet
from sqlalchemy import Connection

from config.settings import Settings, redact_url
from engines.checks import Check
from streamer.store import make_engine
from streamer.store.migrate import alembic_config

__all__ = ["Check", "local_checks", "secret_key_check"]  # Check re-exported for streamer.app


async def local_checks(settings: Settings, *, timeout_s: float = 5.0) -> list[Check]:
    return [
        secret_key_check(settings),
        await _database_check(settings, timeout_s),
        *await _redis_check(settings, timeout_s),
    ]


def secret_key_check(settings: Settings) -> Check:
    """Is VTUBER_SECRET_KEY set, and a valid Fernet key (Twitch tokens are stored encrypted with it)?"""
    if settings.secret_key is None:
        return Check(
            "secret key", "fail", "VTUBER_SECRET_KEY is not set: Twitch tokens cannot be stored",
            "run `vtuber config keygen` and export VTUBER_SECRET_KEY=<the key> (keep it stable)",
        )  # fmt: skip
    try:
        Fernet(settings.secret_key.get_secret_value().encode())
    except (ValueError, TypeError):
        return Check(
            "secret key", "fail", "VTUBER_SECRET_KEY is not a valid key (32 url-safe base64-encoded bytes)",
            "run `vtuber config keygen` for a valid key",
        )  # fmt: skip
    return Check("secret key", "ok", "set; tokens are stored encrypted")


async def _database_check(settings: Settings, timeout_s: float) -> Check:
    url = settings.database_url.get_secret_value()
    shown = redact_url(url)
    engine = make_engine(url)
    try:
        async with asyncio.timeout(timeout_s), engine.connect() as conn:
            current = await conn.run_sync(_revision)
    except Exception as exc:
        return Check(
            "database",
            "fail",
            f"cannot open {shown}: {type(exc).__name__}",
            "start the database or fix DATABASE_URL",
        )
    finally:
        await engine.dispose()
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if current != head:
        return Check(
            "database", "fail", f"{shown} is at revision {current}, not {head}", "run `vtuber db upgrade`"
        )
    return Check("database", "ok", f"{shown} at revision {head}")


def _revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


async def _redis_check(settings: Settings, timeout_s: float) -> list[Check]:
    if settings.bus_backend != "redis" or settings.redis_url is None:
        return []
    url = settings.redis_url.get_secret_value()
    client = aioredis.from_url(url)
    try:
        async with asyncio.timeout(timeout_s):
            await client.ping()
    except Exception as exc:
        return [
            Check(
                "redis",
                "fail",
                f"cannot reach {redact_url(url)}: {type(exc).__name__}",
                "start Redis or fix REDIS_URL",
            )
        ]
    finally:
        await client.aclose()
    return [Check("redis", "ok", f"{redact_url(url)} answers")]
