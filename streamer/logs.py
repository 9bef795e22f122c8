"""Logging set-up: readable terminal output, and no secret ever reaches a log line."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from rich.console import Console
from rich.logging import RichHandler

_PATTERNS = (
    re.compile(r"(?P<keep>://[^:/@\s]*:)[^@\s]+(?=@)"),  # URL credentials
    re.compile(
        r"(?P<keep>\b(?:password|passwd|secret|token|api_key|apikey|access_token|refresh_token)[\"']?\s*[=:]\s*[\"']?)[^\s\"',;&]+",
        re.I,
    ),
    re.compile(r"(?P<keep>\b(?:Bearer|OAuth)\s+)[A-Za-z0-9._~+/=-]{8,}"),
    re.compile(r"(?P<keep>\boauth:)[A-Za-z0-9]+"),
)
MASK = "***"
QUIET_LOGGERS = ("obsws_python", "websockets", "httpx", "httpcore", "aiosqlite", "asyncio")
"""Chatty or leaky third-party loggers kept at WARNING (obsws-python logs the OBS password at INFO)."""


class RedactingFilter(logging.Filter):
    """Masks known secret values and credential-looking patterns in every record."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True)

    def add(self, secret: str) -> None:
        if len(secret) >= 4 and secret not in self.secrets:
            self.secrets = sorted([*self.secrets, secret], key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        for pattern in _PATTERNS:
            text = pattern.sub(lambda m: m.group("keep") + MASK, text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if clean != message or record.args:
            record.msg, record.args = clean, None
        return True


_filter = RedactingFilter()


def redaction() -> RedactingFilter:
    """The process-wide filter (add secrets to it as they are loaded)."""
    return _filter


def setup_logging(
    level: str = "INFO", *, secrets: Iterable[str] = (), console: Console | None = None
) -> None:
    """Route all logging through one rich handler on stderr, with redaction."""
    for secret in secrets:
        _filter.add(secret)
    handler = RichHandler(
        console=console or Console(stderr=True),
        show_path=False,
        rich_tracebacks=False,
        markup=False,
        log_time_format="%H:%M:%S",
    )
    handler.addFilter(_filter)
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
