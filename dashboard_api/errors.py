"""Validation errors (422) that say where and what, never echoing what was sent.

FastAPI's default reply repeats each bad value in ``input`` (a 100 KB field comes back whole).
Here each error keeps its ``loc``, ``msg`` and ``type``, with every string cut short, and at
most :data:`MAX_ERRORS` of them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

log = logging.getLogger("dashboard_api.errors")
MAX_ERRORS = 20
MAX_CHARS = 200


def _short(value: object) -> str | int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value)
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"


def brief_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """``loc``, ``msg`` and ``type`` of the first errors, without the input."""
    return [
        {
            "loc": [_short(part) for part in e.get("loc", ())[:10]],
            "msg": _short(e.get("msg", "")),
            "type": _short(e.get("type", "")),
        }
        for e in errors[:MAX_ERRORS]
    ]


async def validation_error(request: Request, exc: Exception) -> JSONResponse:
    """The 422 reply for a request that failed validation."""
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    log.info("422 on %s %s: %d errors", request.method, request.url.path, len(errors))
    return JSONResponse({"detail": brief_errors(errors)}, status_code=422)
