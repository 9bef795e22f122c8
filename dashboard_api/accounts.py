"""Dashboard accounts: the streamer (admin) and moderators, with argon2 password hashes.

Hashing and verifying run in a worker thread: argon2 is deliberately slow and must not
stall the event loop (the chat feed keeps flowing while someone logs in).
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Final, Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from streamer.store.models import DashboardAccount, DashboardSession

Role = Literal["streamer", "moderator"]
ROLES: Final[tuple[Role, ...]] = get_args(Role)
NAME_PATTERN: Final = r"^[A-Za-z0-9_.-]{1,64}$"
MIN_PASSWORD: Final = 8
MAX_PASSWORD: Final = 1_024


class AccountError(ValueError):
    """A refused account change; the message says why and is safe to show."""


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    name: str
    role: Role
    created_by: str
    created_at: datetime

    @property
    def is_streamer(self) -> bool:
        return self.role == "streamer"


def account_of(row: DashboardAccount) -> Account:
    role: Role = "streamer" if row.role == "streamer" else "moderator"
    return Account(row.id, row.name, role, row.created_by, row.created_at)


def check_name(name: str) -> str:
    if not re.fullmatch(NAME_PATTERN, name):
        raise AccountError("a name is 1-64 letters, digits, '_', '.' or '-'")
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"a password has at most {MAX_PASSWORD} characters")
    return password


async def create_account(
    sessions: async_sessionmaker[AsyncSession],
    name: str,
    role: str,
    password: str,
    *,
    by: str,
    hasher: PasswordHasher,
) -> Account:
    """Add an account. Raises :class:`AccountError` for a bad name, role or password, or a taken name."""
    check_name(name)
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    check_password(password)
    hashed = await asyncio.to_thread(hasher.hash, password)
    async with sessions() as s:
        row = DashboardAccount(name=name, role=role, password_hash=hashed, created_by=by[:64])
        s.add(row)
        try:
            await s.commit()
        except IntegrityError:
            raise AccountError(f"an account named {name!r} already exists") from None
        return account_of(row)


async def list_accounts(sessions: async_sessionmaker[AsyncSession]) -> list[Account]:
    async with sessions() as s:
        rows = (await s.scalars(select(DashboardAccount).order_by(DashboardAccount.name))).all()
    return [account_of(r) for r in rows]


async def get_account(sessions: async_sessionmaker[AsyncSession], name: str) -> Account | None:
    async with sessions() as s:
        row = await s.scalar(select(DashboardAccount).where(DashboardAccount.name == name))
    return None if row is None else account_of(row)


async def delete_account(sessions: async_sessionmaker[AsyncSession], name: str) -> bool:
    """Remove an account and its sessions. The last streamer account cannot be removed."""
    async with sessions() as s, s.begin():
        row = await s.scalar(select(DashboardAccount).where(DashboardAccount.name == name))
        if row is None:
            return False
        if row.role == "streamer":
            streamers = await s.scalar(
                select(func.count()).select_from(DashboardAccount).where(DashboardAccount.role == "streamer")
            )
            if (streamers or 0) <= 1:
                raise AccountError("the last streamer account cannot be removed")
        await s.execute(delete(DashboardSession).where(DashboardSession.account_id == row.id))
        await s.delete(row)
    return True


async def set_password(
    sessions: async_sessionmaker[AsyncSession], name: str, password: str, *, hasher: PasswordHasher
) -> bool:
    """Change a password; every session of that account ends."""
    check_password(password)
    hashed = await asyncio.to_thread(hasher.hash, password)
    async with sessions() as s, s.begin():
        row = await s.scalar(select(DashboardAccount).where(DashboardAccount.name == name))
        if row is None:
            return False
        row.password_hash = hashed
        await s.execute(delete(DashboardSession).where(DashboardSession.account_id == row.id))
    return True


async def authenticate(
    sessions: async_sessionmaker[AsyncSession],
    name: str,
    password: str,
    *,
    hasher: PasswordHasher,
    dummy_hash: str,
) -> Account | None:
    """The account if the password is right, else None. An unknown name costs the same time."""
    async with sessions() as s:
        row = await s.scalar(select(DashboardAccount).where(DashboardAccount.name == name))
    hashed = row.password_hash if row is not None else dummy_hash
    try:
        await asyncio.to_thread(hasher.verify, hashed, password)
    except (VerificationError, InvalidHashError):
        return None
    return None if row is None else account_of(row)
