"""Settings of the training studio: how engagement is scored per reply."""

from __future__ import annotations

from pydantic import Field

from config.section import Section


class EngagementSettings(Section):
    """Engagement per reply: what happened in chat in the window after the character spoke,
    against the stream's baseline. Positive weights reward, the penalties count against."""

    window_s: float = Field(default=60.0, gt=0, le=3_600)
    """Seconds after the reply (its end, or its start when it never finished) that count."""
    chat: float = Field(default=1.0, ge=0, le=1_000)
    """Per chat message above the stream's baseline for a window this long (below it counts against)."""
    emote: float = Field(default=0.25, ge=0, le=1_000)
    """Per emote in chat in the window."""
    reply: float = Field(default=2.0, ge=0, le=1_000)
    """Per chat message that replies to the character or mentions her by name."""
    follow: float = Field(default=3.0, ge=0, le=1_000)
    """Per follow in the window."""
    sub: float = Field(default=5.0, ge=0, le=1_000)
    """Per subscription, resub or gifted sub in the window."""
    cheer_per_100_bits: float = Field(default=2.0, ge=0, le=1_000)
    """Per 100 bits cheered in the window."""
    skip: float = Field(default=5.0, ge=0, le=1_000)
    """Penalty per moderator skip or interrupt of the reply."""
    reject: float = Field(default=8.0, ge=0, le=1_000)
    """Penalty when a moderator rejected the held reply."""
    edit: float = Field(default=3.0, ge=0, le=1_000)
    """Penalty when a moderator approved the held reply only after editing it."""


class StudioSettings(Section):
    """The training studio: engagement, datasets, fine-tuning."""

    engagement: EngagementSettings = EngagementSettings()
    bot_names: tuple[str, ...] = ()
    """Extra names chat uses for the character (her Twitch login, nicknames); her persona's
    id, name and aliases always count."""
