"""Every Redis key name the bot uses, in one place.

Keys are ``<prefix>:<channel>:<name>``, so one Redis can serve many channels and many
deployments. Consumer group names live here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, get_args

StreamName = Literal["input", "control", "output"]
STREAMS: Final[tuple[StreamName, ...]] = get_args(StreamName)
DEADLETTER: Final = "deadletter"

GROUP_RECORDER: Final = "recorder"
GROUP_BRAIN: Final = "brain"
GROUP_PERFORMER: Final = "performer"
GROUP_DASHBOARD: Final = "dashboard"
GROUP_ALERTS: Final = "alerts"
GROUP_VOICE: Final = "voice"
"""The streamer's voice source: reads push-to-talk from the control stream."""
GROUP_TWITCH_CHAT: Final = "twitch-chat"
"""Twitch out: chat replies and the persona's moderation rules (reads input and output)."""
GROUP_TWITCH_MODERATION: Final = "twitch-moderation"
"""Twitch out: timeouts, bans, unbans and message deletions (reads control)."""


def consumer_name(group: str, channel: str) -> str:
    """A consumer's default name: the same on every restart (never a PID), so a restarted
    consumer re-reads what it had read and not acked before it stopped."""
    return f"{group}-{channel}"


@dataclass(frozen=True, slots=True)
class Keys:
    """Key names for one channel of one deployment."""

    prefix: str
    channel: str

    def stream(self, name: StreamName) -> str:
        return f"{self.prefix}:{self.channel}:{name}"

    @property
    def deadletter(self) -> str:
        return f"{self.prefix}:{self.channel}:{DEADLETTER}"

    def all_streams(self) -> list[str]:
        return [*(self.stream(n) for n in STREAMS), self.deadletter]

    @property
    def overlay_audio(self) -> str:
        """Pub/sub channel carrying the bot's speech to the dashboard's overlay page."""
        return f"{self.prefix}:{self.channel}:overlay_audio"

    def login_attempts(self, kind: str, who: str) -> str:
        """Counter of failed dashboard logins per address (``ip``) or per account (``account``)."""
        return f"{self.prefix}:{self.channel}:dash:login:{kind}:{who}"
