"""twitchio's EventSub payloads as the project's events (pure mapping, no I/O).

Ids: a chat message keeps Twitch's chat message id (replies thread on it); every other event
takes the EventSub ``metadata.message_id``, so a redelivered notification has the same id
and is recognised downstream too. Timestamps are Twitch's ``message_timestamp``. A message from
another channel's chat in a shared chat session names that channel (``source_channel``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

import twitchio

from engines import events as ev

SUBSCRIPTION_TYPES = (
    "channel.chat.message",
    "channel.follow",
    "channel.subscribe",
    "channel.subscription.message",
    "channel.subscription.gift",
    "channel.cheer",
    "channel.raid",
    "channel.channel_points_custom_reward_redemption.add",
    "stream.online",
    "stream.offline",
    "channel.update",
)
"""Every EventSub subscription the bot makes."""

_ROLE_BADGES = {
    "broadcaster": ev.Role.BROADCASTER,
    "moderator": ev.Role.MODERATOR,
    "lead_moderator": ev.Role.MODERATOR,
    "vip": ev.Role.VIP,
    "subscriber": ev.Role.SUBSCRIBER,
    "founder": ev.Role.FOUNDER,
    "bot-badge": ev.Role.BOT,
}
_FRAGMENT_KINDS: dict[str, Literal["text", "emote", "cheermote", "mention"]] = {
    "text": "text",
    "emote": "emote",
    "cheermote": "cheermote",
    "mention": "mention",
}


def message_id(payload: Any) -> str | None:
    """The EventSub ``metadata.message_id`` of a notification payload, if twitchio kept it."""
    meta = getattr(payload, "metadata", None)
    return None if meta is None else str(meta.message_id)


def _when(payload: Any) -> datetime:
    meta = getattr(payload, "metadata", None)
    stamp = getattr(meta, "message_timestamp", None)
    if isinstance(stamp, datetime):
        return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    return ev.utcnow()


def viewer(user: twitchio.PartialUser) -> ev.Viewer:
    login = user.name or user.id
    return ev.Viewer(id=user.id, login=login, display_name=user.display_name or login)


def chat_message(p: twitchio.ChatMessage, *, channel: str) -> ev.ChatMessage:
    reply = None
    if p.reply is not None:
        reply = ev.ReplyTo(
            message_id=p.reply.parent_message_id,
            user=viewer(p.reply.parent_user),
            text=p.reply.parent_message_body[: ev.MAX_TEXT_CHARS],
        )
    fragments = tuple(
        ev.Fragment(
            kind=_FRAGMENT_KINDS.get(f.type, "text"),
            text=f.text,
            emote_id=f.emote.id if f.emote is not None else None,
        )
        for f in p.fragments
    )
    source, source_channel = p.source_broadcaster, None
    if source is not None and source.id != p.broadcaster.id:  # shared chat names our channel too
        source_channel = source.name or source.id
    return ev.ChatMessage(
        id=p.id,
        channel=channel,
        ts=_when(p),
        user=viewer(p.chatter),
        text=p.text,
        badges=tuple(ev.Badge(set_id=b.set_id, id=b.id, info=b.info) for b in p.badges),
        roles=frozenset(_ROLE_BADGES[b.set_id] for b in p.badges if b.set_id in _ROLE_BADGES),
        fragments=fragments,
        bits=p.cheer.bits if p.cheer is not None else 0,
        reply_to=reply,
        first_message=p.type == "user_intro",
        color=p.colour.html if p.colour is not None else None,
        source_channel=source_channel,
    )


def normalize(payload: Any, *, channel: str) -> ev.EventBase | None:
    """The event for one notification payload; None for a type the bot does not use."""
    eid = message_id(payload) or ev.new_id()
    common: dict[str, Any] = {"id": eid, "channel": channel, "ts": _when(payload)}
    match payload:
        case twitchio.ChatMessage():
            return chat_message(payload, channel=channel)
        case twitchio.ChannelFollow():
            return ev.Follow(**common, user=viewer(payload.user))
        case twitchio.ChannelSubscribe():
            return ev.Subscription(
                **common, user=viewer(payload.user), tier=payload.tier, is_gift=payload.gift
            )
        case twitchio.ChannelSubscriptionMessage():
            return ev.ResubMessage(
                **common, user=viewer(payload.user), tier=payload.tier, text=payload.text,
                cumulative_months=max(1, payload.cumulative_months), streak_months=payload.streak_months,
                duration_months=max(1, payload.months),
            )  # fmt: skip
        case twitchio.ChannelSubscriptionGift():
            gifter = None if payload.anonymous or payload.user is None else viewer(payload.user)
            return ev.GiftSubs(
                **common, user=gifter, tier=payload.tier, total=payload.total,
                cumulative_total=payload.cumulative_total,
            )  # fmt: skip
        case twitchio.ChannelCheer():
            cheerer = None if payload.anonymous or payload.user is None else viewer(payload.user)
            return ev.Cheer(**common, user=cheerer, bits=payload.bits, text=payload.message)
        case twitchio.ChannelRaid():
            return ev.Raid(**common, from_user=viewer(payload.from_broadcaster), viewers=payload.viewer_count)
        case twitchio.ChannelPointsRedemptionAdd():
            return ev.Redemption(
                **common, user=viewer(payload.user), reward_id=payload.reward.id,
                reward_title=payload.reward.title[:64], cost=payload.reward.cost, user_input=payload.user_input,
            )  # fmt: skip
        case twitchio.StreamOnline():
            return ev.StreamState(**common, online=True)
        case twitchio.StreamOffline():
            return ev.StreamState(**common, online=False)
        case twitchio.ChannelUpdate():
            return ev.StreamState(
                **common, title=payload.title[:200], category=payload.category_name[:200] or None
            )
    return None
