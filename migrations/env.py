"""Alembic environment (async). Metadata comes from streamer.store.models.

Run through ``vtuber db upgrade`` (which passes a live connection in
``config.attributes["connection"]``), or with the ``alembic`` CLI, where the URL comes
from ``DATABASE_URL`` (never from alembic.ini, so no secret sits in a file).
"""

from __future__ import annotations

import asyncio
import os

from alembic import context
from alembic.runtime.environment import NameFilterParentNames, NameFilterType
from sqlalchemy import Connection, pool
from sqlalchemy.ext.asyncio import async_engine_from_config
from sqlalchemy.schema import SchemaItem

from config.settings import DEFAULT_DATABASE_URL
from streamer.store.models import Base

config = context.config
target_metadata = Base.metadata

OUTSIDE_METADATA = frozenset({"memory_vectors", "knowledge_vectors"})
"""Migration 0007's pgvector side tables (with their HNSW index), made in SQL where the server
has the extension and absent from the models: ``alembic check`` and autogenerate skip them.
Its functions and triggers are not compared by autogenerate."""


def include_name(name: str | None, type_: NameFilterType, parent_names: NameFilterParentNames) -> bool:
    """Autogenerate's name filter: leave out :data:`OUTSIDE_METADATA` before it is reflected
    (SQLAlchemy has no ``vector`` type and would warn)."""
    return not (type_ == "table" and name in OUTSIDE_METADATA)


def include_object(
    obj: SchemaItem, name: str | None, type_: NameFilterType, reflected: bool, compare_to: SchemaItem | None
) -> bool:
    """Autogenerate's object filter: the side tables, their columns, indexes and constraints."""
    if type_ == "table":
        return name not in OUTSIDE_METADATA
    table = getattr(obj, "table", None)
    return getattr(table, "name", None) not in OUTSIDE_METADATA


def do_run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_async_migrations() -> None:
    url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    if url.startswith("postgresql://"):
        url = "postgresql+asyncpg://" + url.removeprefix("postgresql://")
    engine = async_engine_from_config({"sqlalchemy.url": url}, prefix="sqlalchemy.", poolclass=pool.NullPool)
    async with engine.connect() as connection:
        await connection.run_sync(do_run_migrations)
    await engine.dispose()


def run_migrations_offline() -> None:
    context.configure(
        url=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
elif (conn := config.attributes.get("connection")) is not None:
    do_run_migrations(conn)
else:
    asyncio.run(run_async_migrations())
