"""Twitch failures as the project's own errors: Twitch's reason, and what to do about it.

twitchio's exceptions never leave this package. Their messages are not reused either: an
``HTTPException`` message holds the request URL, whose query string carries the client
secret and refresh token on OAuth calls, and ``InvalidTokenException`` holds the token.
"""

from __future__ import annotations

from typing import Any

import aiohttp
import twitchio

from engines.backends import BackendError

BACKEND = "twitch"
LOGIN_HINT = "run `vtuber twitch login`"


class TwitchError(BackendError):
    """A Twitch call failed. ``status`` is the HTTP status (0: no answer); ``reason`` is Twitch's own
    words; ``message`` is what went wrong without the ``twitch:`` that ``str()`` starts with."""

    def __init__(self, message: str, *, status: int = 0, reason: str = "", retryable: bool = False) -> None:
        super().__init__(BACKEND, message, retryable=retryable)
        self.message = message
        self.status = status
        self.reason = reason


class TwitchAuthError(TwitchError):
    """A token is missing, revoked or expired past refreshing, or the client id or secret is wrong."""


class TwitchTokenRevoked(TwitchAuthError):
    """A token is revoked, or expired past refreshing: only a new login helps (status ``revoked``)."""


class TwitchScopeError(TwitchAuthError):
    """A token lacks scopes the bot needs; ``missing`` names them."""

    def __init__(self, message: str, *, missing: tuple[str, ...]) -> None:
        super().__init__(message, status=403)
        self.missing = missing


class TwitchRateLimited(TwitchError):
    """Twitch answered 429: too many requests. ``reset_at``: when the limit resets (epoch seconds,
    Twitch's ``Ratelimit-Reset``), if Twitch said."""

    def __init__(
        self, message: str, *, status: int = 429, reason: str = "", reset_at: float | None = None
    ) -> None:
        super().__init__(message, status=status, reason=reason, retryable=True)
        self.reset_at = reset_at


class HelixHTTPException(twitchio.HTTPException):
    """twitchio's HTTP error with Twitch's ``Ratelimit-Remaining`` and ``Ratelimit-Reset`` headers
    (None where absent); raised by the adapter's patch of twitchio's request."""

    def __init__(
        self,
        msg: str,
        /,
        *,
        route: Any,
        status: int,
        extra: Any,
        remaining: int | None,
        reset_at: float | None,
    ) -> None:
        super().__init__(msg, route=route, status=status, extra=extra)
        self.remaining = remaining
        self.reset_at = reset_at


class TwitchUnavailable(TwitchError):
    """Twitch answered 5xx, or could not be reached."""


class TwitchRejected(TwitchError):
    """Twitch refused the request (a 4xx other than auth, or a dropped chat message)."""


def twitch_reason(exc: twitchio.HTTPException) -> str:
    """Twitch's explanation from an error body (``message``, else ``error``), never the URL."""
    extra: dict[str, Any] = exc.extra if isinstance(exc.extra, dict) else {}
    for key in ("message", "error"):
        value = extra.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()[:300]
    return "no reason given"


def from_http(exc: twitchio.HTTPException, what: str) -> TwitchError:
    """Translate a twitchio HTTP error raised while doing ``what`` ("send a chat message")."""
    status = exc.status
    reason = twitch_reason(exc)
    lowered = reason.lower()
    said = f"could not {what}: Twitch answered {status} ({reason})"
    if "invalid client secret" in lowered:
        return TwitchAuthError(
            f"{said}: the client secret is wrong; create a new one at dev.twitch.tv/console and set "
            "VTUBER_TWITCH__CLIENT_SECRET",
            status=status,
            reason=reason,
        )
    if "do not match" in lowered:
        return TwitchAuthError(
            f"{said}: the token was issued to another client id than twitch.client_id; {LOGIN_HINT}",
            status=status,
            reason=reason,
        )
    if "invalid client" in lowered:
        return TwitchAuthError(
            f"{said}: Twitch does not know this client id; copy it from your application at "
            "dev.twitch.tv/console into twitch.client_id",
            status=status,
            reason=reason,
        )
    if "refresh token" in lowered:
        return TwitchTokenRevoked(
            f"{said}: the refresh token is no longer valid; {LOGIN_HINT}", status=401, reason=reason
        )
    if status == 401:
        return TwitchTokenRevoked(
            f"{said}: the token is invalid, expired or revoked; {LOGIN_HINT}", status=status, reason=reason
        )
    if status == 403:
        return TwitchAuthError(
            f"{said}: the account lacks a scope or the right to do this (is it the broadcaster or a "
            "moderator?); run `vtuber doctor`",
            status=status,
            reason=reason,
        )
    if status == 429:
        reset_at = exc.reset_at if isinstance(exc, HelixHTTPException) else None
        return TwitchRateLimited(f"{said}: rate limited", status=status, reason=reason, reset_at=reset_at)
    if status >= 500:
        return TwitchUnavailable(
            f"{said}: Twitch is having trouble", status=status, reason=reason, retryable=True
        )
    return TwitchRejected(said, status=status, reason=reason)


def from_exception(exc: BaseException, what: str) -> TwitchError:
    """Any failure of a Twitch call as a :class:`TwitchError` (already-translated ones pass through)."""
    if isinstance(exc, TwitchError):
        return exc
    if isinstance(exc, twitchio.HTTPException):
        return from_http(exc, what)
    if isinstance(exc, aiohttp.ClientError | OSError | TimeoutError | twitchio.WebsocketConnectionException):
        kind = type(exc).__name__
        return TwitchUnavailable(f"could not {what}: Twitch is unreachable ({kind})", retryable=True)
    return TwitchError(f"could not {what}: {type(exc).__name__}")
