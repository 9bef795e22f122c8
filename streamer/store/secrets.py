"""Secrets at rest: tokens encrypted with a key from the environment, stored in the database.

The key is a Fernet key (``vtuber config keygen`` prints a new one) in ``VTUBER_SECRET_KEY``.
Nothing is ever written in plain text; without a key, tokens live in memory only.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .models import StoredSecret


class SecretKeyError(ValueError):
    """The key is malformed, or is not the one the stored secret was encrypted with."""


def new_key() -> str:
    return Fernet.generate_key().decode()


class SecretStore:
    """Encrypted name → value store in the ``secrets`` table."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], key: str) -> None:
        try:
            self._fernet = Fernet(key.encode())
        except (ValueError, TypeError):
            raise SecretKeyError(
                "VTUBER_SECRET_KEY is not a valid key: it must be 32 url-safe base64-encoded bytes "
                "(create one with `vtuber config keygen`)"
            ) from None
        self.sessions = sessions

    async def get(self, name: str) -> str | None:
        async with self.sessions() as s:
            row = (await s.execute(select(StoredSecret.ciphertext).where(StoredSecret.name == name))).scalar()
        if row is None:
            return None
        try:
            return self._fernet.decrypt(row.encode()).decode()
        except InvalidToken:
            raise SecretKeyError(
                f"the stored secret {name!r} was encrypted with another key: set the VTUBER_SECRET_KEY "
                "it was saved with, or delete it to authorise again"
            ) from None

    async def put(self, name: str, value: str) -> None:
        ciphertext = self._fernet.encrypt(value.encode()).decode()
        async with self.sessions() as s, s.begin():
            dialect = s.get_bind().dialect.name
            insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
            stmt = insert(StoredSecret).values(name=name, ciphertext=ciphertext, updated_at=datetime.now(UTC))
            await s.execute(
                stmt.on_conflict_do_update(
                    index_elements=["name"],
                    set_={"ciphertext": stmt.excluded.ciphertext, "updated_at": stmt.excluded.updated_at},
                )
            )

    async def delete(self, name: str) -> None:
        async with self.sessions() as s, s.begin():
            await s.execute(delete(StoredSecret).where(StoredSecret.name == name))


class NamedTokenStore:
    """One secret as a token store (the shape VTube Studio's and Twitch's clients expect)."""

    def __init__(self, store: SecretStore, name: str) -> None:
        self.store = store
        self.name = name

    async def load(self) -> str | None:
        return await self.store.get(self.name)

    async def save(self, token: str) -> None:
        await self.store.put(self.name, token)
