"""Model versions: every trained adapter or hosted fine-tuned model, with its figures."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .engagement import channel_id
from .models import EventRow
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


async def deployed_versions(
    sessions: async_sessionmaker[AsyncSession], channel: str, persona: str
) -> list[int | None]:
    """The model versions the bot confirmed for the persona (``status.model``), newest first
    (None: the base model). The first is what the persona points at now."""
    cid = await channel_id(sessions, channel)
    if cid is None:
        return []
    query = (
        select(EventRow.payload)
        .where(EventRow.channel_id == cid, EventRow.type == "status.model")
        .order_by(EventRow.ts.desc())
        .limit(200)
    )
    async with sessions() as s:
        payloads = (await s.scalars(query)).all()
    out: list[int | None] = []
    for p in payloads:
        if p.get("persona") == persona and p.get("ok", True):
            v = p.get("model_version")
            out.append(v if isinstance(v, int) else None)
    return out


async def adapter_of(sessions: async_sessionmaker[AsyncSession], version: int) -> str:
    """The adapter file a local model version serves; ValueError when it cannot be served."""
    row = await get_model_version(sessions, version)
    if row is None:
        raise ValueError(f"no model version {version}")
    if row.backend != "local" or not row.adapter_path:
        raise ValueError(f"model version {version} is not a local adapter")
    if row.report.get("deployable") is False:
        raise ValueError(
            f"model version {version} is not deployable: {row.report.get('refusal') or 'it failed validation'}"
        )
    return row.adapter_path
