"""Twitch over twitchio 3: EventSub in, chat replies and moderation out, login and doctor."""

from integrations.twitch.connection import Publish, TwitchConnection, TwitchStats
from integrations.twitch.errors import (
    BACKEND,
    TwitchAuthError,
    TwitchError,
    TwitchRateLimited,
    TwitchRejected,
    TwitchScopeError,
    TwitchTokenRevoked,
    TwitchUnavailable,
)
from integrations.twitch.tokens import MemoryTokenStore, StoredToken, TokenStore, TwitchTokenStores

__all__ = [
    "BACKEND",
    "MemoryTokenStore",
    "Publish",
    "StoredToken",
    "TokenStore",
    "TwitchAuthError",
    "TwitchConnection",
    "TwitchError",
    "TwitchRateLimited",
    "TwitchRejected",
    "TwitchScopeError",
    "TwitchStats",
    "TwitchTokenRevoked",
    "TwitchTokenStores",
    "TwitchUnavailable",
]
