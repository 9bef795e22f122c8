"""Model versions: every trained adapter or hosted fine-tuned model, with its figures."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .studio_models import ModelVersion


async def save_model_version(
    sessions: async_sessionmaker[AsyncSession],
    *,
    backend: str,
    base_model: str,
    report: Mapping[str, Any],
    by: str,
    adapter_path: str | None = None,
    remote_model: str | None = None,
    dataset_id: int | None = None,
) -> int:
    """Store a new model version; returns its number (its row id)."""
    async with sessions.begin() as s:
        row = ModelVersion(
            backend=backend,
            base_model=base_model,
            adapter_path=adapter_path,
            remote_model=remote_model,
            dataset_id=dataset_id,
            report=dict(report),
            created_by=by,
        )
        s.add(row)
        await s.flush()
        return int(row.id)


async def get_model_version(sessions: async_sessionmaker[AsyncSession], version: int) -> ModelVersion | None:
    async with sessions() as s:
        return await s.get(ModelVersion, version)


async def list_model_versions(sessions: async_sessionmaker[AsyncSession]) -> list[ModelVersion]:
    """Every model version, newest first."""
    async with sessions() as s:
        return list((await s.scalars(select(ModelVersion).order_by(ModelVersion.id.desc()))).all())
