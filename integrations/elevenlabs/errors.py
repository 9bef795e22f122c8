"""ElevenLabs failures as :class:`~engines.backends.BackendError`, with a hint of what to check.

Messages never contain the API key or the text being spoken: both are cut out of anything
the server sent back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from engines.backends import BackendError

__all__ = ["NAME", "scrub", "server_detail", "status_error"]

NAME = "elevenlabs"


def scrub(text: str, secrets: Sequence[str] = (), texts: Sequence[str] = ()) -> str:
    """``text`` without any secret or spoken text in it, cut to 200 characters."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[api key]")
    for spoken in texts:
        if len(spoken.strip()) >= 8:
            text = text.replace(spoken.strip(), "[text]")
    return text[:200]


def server_detail(body: Any) -> tuple[str, str]:
    """``(status, message)`` from an ElevenLabs error body.

    Shapes seen: ``{"detail": {"status": "invalid_api_key", "message": "..."}}``, a 422's
    ``{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}``, or plain text.
    """
    detail = body.get("detail", body) if isinstance(body, Mapping) else body
    if isinstance(detail, Mapping):
        return str(detail.get("status") or detail.get("error") or ""), str(detail.get("message") or "")
    if isinstance(detail, list) and detail and isinstance(detail[0], Mapping):
        first = detail[0]
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query"))
        return str(first.get("type") or ""), f"{where}: {first.get('msg', '')}".strip(": ")
    if isinstance(detail, str):
        return "", detail.strip()
    return "", ""


def status_error(
    status: int, body: Any, *, base_url: str, secrets: Sequence[str] = (), texts: Sequence[str] = ()
) -> BackendError:
    """An HTTP status (the REST API, or a refused websocket handshake) as a BackendError."""
    code, message = server_detail(body)
    detail = scrub(f"{code}: {message}" if code and message else code or message, secrets, texts)
    if code == "quota_exceeded":
        hint, retryable = "quota exceeded: the account has no characters left", False
    elif status == 401:
        hint, retryable = "401 unauthorized: check tts.api_key", False
    elif status == 403:
        hint, retryable = "403 forbidden: the plan may not allow this model or output format", False
    elif status == 404:
        hint, retryable = f"404 not found: check the voice id and tts.base_url ({base_url})", False
    elif status == 422:
        hint, retryable = (
            "422 unprocessable request: check tts.model, tts.sample_rate and the voice id",
            False,
        )
    elif status == 429:
        hint, retryable = "429 rate limited (too many concurrent requests, or the service is busy)", True
    elif status >= 500:
        hint, retryable = f"{status} server error", True
    else:
        hint, retryable = f"HTTP {status}", status in (408, 409)
    return BackendError(NAME, f"{hint}{': ' + detail if detail else ''}", retryable=retryable)
