"""Migrations match the models, and run up and down on both databases."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from streamer.store import make_engine, upgrade
from streamer.store.migrate import alembic_config
from streamer.store.models import Base
from streamer.store.outside_models import include_name, include_object


async def test_schema_after_upgrade_matches_the_models(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(
                        sync,
                        opts={
                            "compare_type": True,
                            "include_name": include_name,
                            "include_object": include_object,
                        },
                    ),
                    Base.metadata,
                )
            )
            tables = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    finally:
        await engine.dispose()
    assert diff == []
    assert {"channels", "viewers", "events", "turns", "reply_sentences", "safety_decisions",
            "moderation_actions", "persona_versions", "metrics"} <= tables  # fmt: skip


HEAD = "0009"  # the newest revision in migrations/versions


async def test_upgrade_is_idempotent_and_downgrade_works(db_url: str) -> None:
    assert await upgrade(db_url) == HEAD  # already at head: nothing to do
    engine = make_engine(db_url)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(lambda sync: command.downgrade(alembic_config(sync), "base"))
            left = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    finally:
        await engine.dispose()
    assert left <= {"alembic_version"}
    assert await upgrade(db_url) == HEAD
