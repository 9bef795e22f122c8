"""Where a secret token lives between runs: one interface for every integration that logs in.

The app plugs in the encrypted database store (``streamer/store/secrets.py``), so tokens are
never written to a plain file; tests and token-less runs use the in-memory stores here.
"""

from __future__ import annotations

from typing import Protocol

__all__ = ["MemoryTokenStore", "NullTokenStore", "TokenStore"]


class TokenStore(Protocol):
    """One secret string, loaded at start and saved after every login or refresh."""

    async def load(self) -> str | None: ...

    async def save(self, token: str) -> None: ...


class MemoryTokenStore:
    """Keeps the token in memory; ``saved`` lists every value saved, oldest first."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token
        self.saved: list[str] = []

    async def load(self) -> str | None:
        return self.token

    async def save(self, token: str) -> None:
        self.token = token
        self.saved.append(token)


class NullTokenStore:
    """Persists nothing: every connection asks for a fresh token."""

    async def load(self) -> str | None:
        return None

    async def save(self, token: str) -> None:
        return None
