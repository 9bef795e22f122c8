"""The two accounts' OAuth tokens and where they live between runs.

Each account's token lives in a :class:`~engines.tokens.TokenStore` (the app plugs in the
encrypted database store); each stored string is the JSON of a :class:`StoredToken`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from engines.tokens import MemoryTokenStore, TokenStore
from integrations.twitch.errors import LOGIN_HINT, TwitchAuthError
from integrations.twitch.scopes import Role

__all__ = ["MemoryTokenStore", "StoredToken", "TokenStore", "TwitchTokenStores"]


@dataclass(frozen=True, slots=True)
class StoredToken:
    """A user access token with its refresh token and what Twitch said about it."""

    user_id: str
    login: str
    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    scopes: tuple[str, ...] = ()

    def to_json(self) -> str:
        return json.dumps(
            {
                "user_id": self.user_id,
                "login": self.login,
                "access_token": self.access_token,
                "refresh_token": self.refresh_token,
                "scopes": list(self.scopes),
            }
        )

    @classmethod
    def from_json(cls, text: str, *, role: Role) -> StoredToken:
        try:
            raw = json.loads(text)
            return cls(
                user_id=str(raw["user_id"]),
                login=str(raw["login"]),
                access_token=str(raw["access_token"]),
                refresh_token=str(raw["refresh_token"]),
                scopes=tuple(str(s) for s in raw.get("scopes", ())),
            )
        except (ValueError, KeyError, TypeError):
            raise TwitchAuthError(f"the stored {role} token is unreadable; {LOGIN_HINT}") from None

    def refreshed(self, access_token: str, refresh_token: str, scopes: tuple[str, ...] | None) -> StoredToken:
        return replace(
            self,
            access_token=access_token,
            refresh_token=refresh_token,
            scopes=tuple(sorted(scopes)) if scopes else self.scopes,
        )


@dataclass(frozen=True, slots=True)
class TwitchTokenStores:
    """Where each account's token lives (both may be the same account)."""

    bot: TokenStore
    broadcaster: TokenStore

    def of(self, role: Role) -> TokenStore:
        return self.bot if role == "bot" else self.broadcaster

    async def load(self, role: Role) -> StoredToken:
        text = await self.of(role).load()
        if not text:
            raise TwitchAuthError(f"no Twitch token is stored for the {role} account; {LOGIN_HINT}")
        return StoredToken.from_json(text, role=role)
