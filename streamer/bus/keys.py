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
