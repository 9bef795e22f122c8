"""VTube Studio over its public websocket API: the project's own client and the avatar adapter."""

from integrations.vtube_studio.avatar import MouthSource, VTSAvatar
from integrations.vtube_studio.client import (
    DEFAULT_URL,
    MemoryTokenStore,
    NullTokenStore,
    TokenStore,
    VTSClient,
    VTSError,
    VTSHotkeyCooldown,
    VTSNotConnected,
    VTSUnknownHotkey,
)

__all__ = [
    "DEFAULT_URL",
    "MemoryTokenStore",
    "MouthSource",
    "NullTokenStore",
    "TokenStore",
    "VTSAvatar",
    "VTSClient",
    "VTSError",
    "VTSHotkeyCooldown",
    "VTSNotConnected",
    "VTSUnknownHotkey",
]
