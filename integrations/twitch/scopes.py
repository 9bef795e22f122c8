"""The OAuth scopes each account grants, and why the bot needs each one.

The bot account reads and writes chat; the broadcaster's account receives the channel's
events and carries out moderation (a broadcaster is always a moderator of their own channel,
so the bot account needs no moderator rights). When one account plays both parts it grants
both sets. Raids, stream online/offline and channel updates need no scope.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal

Role = Literal["bot", "broadcaster"]

BOT_SCOPES: Final[dict[str, str]] = {
    "user:read:chat": "read chat over EventSub (channel.chat.message)",
    "user:write:chat": "post the character's replies in chat",
}
BROADCASTER_SCOPES: Final[dict[str, str]] = {
    "channel:read:subscriptions": "subs, resubs and gift subs",
    "bits:read": "cheers",
    "channel:read:redemptions": "channel-point redemptions",
    "moderator:read:followers": "follows (channel.follow v2, with the broadcaster as moderator)",
    "moderator:manage:banned_users": "timeouts, bans and unbans from the dashboard and the persona's rules",
    "moderator:manage:chat_messages": "deleting a chat message from the dashboard",
}


def scopes_for(role: Role, *, same_account: bool) -> tuple[str, ...]:
    """The scopes one login must grant (both sets when one account is bot and broadcaster)."""
    wanted = dict(BOT_SCOPES) if role == "bot" else dict(BROADCASTER_SCOPES)
    if same_account:
        wanted = {**BOT_SCOPES, **BROADCASTER_SCOPES}
    return tuple(sorted(wanted))


def missing_scopes(role: Role, granted: Iterable[str], *, same_account: bool) -> tuple[str, ...]:
    have = set(granted)
    return tuple(s for s in scopes_for(role, same_account=same_account) if s not in have)


def why(scope: str) -> str:
    return BOT_SCOPES.get(scope) or BROADCASTER_SCOPES.get(scope, "")
