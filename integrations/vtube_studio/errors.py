"""VTube Studio's ``APIError`` ids (DenchiSoft/VTubeStudio ``Files/ErrorID.cs``) and the
exceptions the client raises for them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engines.backends import BackendError

__all__ = [
    "BACKEND",
    "ERR_API_OFF",
    "ERR_HOTKEY_COOLDOWN",
    "ERR_HOTKEY_NOT_FOUND",
    "ERR_REQUIRES_AUTH",
    "ERR_TOKEN_DENIED",
    "LOGIN_AGAIN",
    "VTSError",
    "VTSHotkeyCooldown",
    "VTSNotConnected",
    "VTSUnknownHotkey",
]

BACKEND = "vtube_studio"

ERR_API_OFF = 1
"""APIAccessDeactivated: the user turned the plugin API off."""
ERR_REQUIRES_AUTH = 8
ERR_TOKEN_DENIED = 50
"""TokenRequestDenied; also the answer to every request after the user revoked the plugin."""
ERR_HOTKEY_NOT_FOUND = 202
ERR_HOTKEY_COOLDOWN = 203
LOGIN_AGAIN = frozenset({ERR_REQUIRES_AUTH, ERR_TOKEN_DENIED})
"""Answers to a request that mean the session is no longer logged in."""
_RETRYABLE = frozenset({0, ERR_API_OFF, 51, 200, ERR_HOTKEY_COOLDOWN, 205})


class VTSError(BackendError):
    """VTube Studio answered ``APIError``; ``error_id`` is its ``errorID``."""

    def __init__(self, error_id: int, message: str) -> None:
        super().__init__(BACKEND, f"error {error_id}: {message}", retryable=error_id in _RETRYABLE)
        self.error_id = error_id
        self.api_message = message

    @staticmethod
    def from_data(data: Mapping[str, Any]) -> VTSError:
        error_id = int(data.get("errorID", -1))
        message = str(data.get("message", ""))
        cls = {ERR_HOTKEY_NOT_FOUND: VTSUnknownHotkey, ERR_HOTKEY_COOLDOWN: VTSHotkeyCooldown}.get(
            error_id, VTSError
        )
        return cls(error_id, message)


class VTSUnknownHotkey(VTSError):
    """errorID 202: the hotkey id/name is not in the current model."""


class VTSHotkeyCooldown(VTSError):
    """errorID 203: the same hotkey was triggered again too soon."""


class VTSNotConnected(BackendError):
    """No authenticated connection right now (or the API is off); the request was not sent."""

    def __init__(self, message: str = "not connected") -> None:
        super().__init__(BACKEND, message, retryable=True)
