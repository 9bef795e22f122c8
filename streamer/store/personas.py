"""Persona versions: every edit the streamer saves is a new, numbered, immutable version.

The dashboard saves versions; the running bot loads one when a ``control.persona`` event
names it. Rollback is saving an old version's data again, so history only grows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.persona import Persona, PersonaError

from .models import PersonaVersion


@dataclass(frozen=True, slots=True)
class PersonaVersionInfo:
    """One row of a persona's history, without its data."""

    persona: str
    version: int
    created_by: str
    created_at: datetime
    note: str


def persona_data(persona: Persona) -> dict[str, Any]:
    """The JSON form a version stores (validated again when loaded)."""
    return persona.model_dump(mode="json")


async def save_persona_version(
    sessions: async_sessionmaker[AsyncSession], persona: Persona, *, by: str, note: str = ""
) -> int:
    """Store ``persona`` as its next version and return that version number.

    Two concurrent saves cannot get the same number: the unique constraint refuses the
    second, which retries with the next number.
    """
    for _ in range(5):
        async with sessions() as s:
            latest = await s.scalar(
                select(func.max(PersonaVersion.version)).where(PersonaVersion.persona == persona.id)
            )
            version = (latest or 0) + 1
            s.add(
                PersonaVersion(
                    persona=persona.id,
                    version=version,
                    data=persona_data(persona),
                    created_by=by[:64],
                    note=note[:2_000],
                )
            )
            try:
                await s.commit()
            except IntegrityError:
                await s.rollback()
                continue
            return version
    raise RuntimeError(f"could not save a new version of persona {persona.id!r}: too many concurrent saves")


async def load_persona_version(
    sessions: async_sessionmaker[AsyncSession], persona_id: str, version: int | None = None
) -> tuple[Persona, int] | None:
    """A stored version (the latest when ``version`` is None), or None when there is none.

    Raises :class:`PersonaError` when the stored data no longer validates (say, after a
    schema change), naming the field.
    """
    query = select(PersonaVersion.version, PersonaVersion.data).where(PersonaVersion.persona == persona_id)
    if version is None:
        query = query.order_by(PersonaVersion.version.desc()).limit(1)
    else:
        query = query.where(PersonaVersion.version == version)
    async with sessions() as s:
        row = (await s.execute(query)).first()
    if row is None:
        return None
    found, data = row
    try:
        return Persona.model_validate(data), found
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'persona'}: {e['msg']}"
            for e in exc.errors(include_url=False)
        )
        raise PersonaError(f"stored persona {persona_id} v{found} is invalid: {problems}") from None


async def list_persona_versions(
    sessions: async_sessionmaker[AsyncSession], persona_id: str
) -> list[PersonaVersionInfo]:
    """A persona's history, newest first."""
    query = (
        select(
            PersonaVersion.version, PersonaVersion.created_by, PersonaVersion.created_at, PersonaVersion.note
        )
        .where(PersonaVersion.persona == persona_id)
        .order_by(PersonaVersion.version.desc())
    )
    async with sessions() as s:
        rows = (await s.execute(query)).all()
    return [PersonaVersionInfo(persona_id, v, by, at, note) for v, by, at, note in rows]


async def current_persona(
    sessions: async_sessionmaker[AsyncSession], bundled: Persona, *, by: str = "system"
) -> tuple[Persona, int]:
    """The persona the bot should start with: the latest stored version, or ``bundled``
    saved as version 1 when the database has none yet (so the editor starts from it)."""
    found = await load_persona_version(sessions, bundled.id)
    if found is not None:
        return found
    version = await save_persona_version(
        sessions, bundled, by=by, note="initial version from the persona file"
    )
    return bundled, version
