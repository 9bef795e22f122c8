"""Logging set-up: readable terminal output, and no secret ever reaches a log line.

:func:`setup_logging` sends every log line to the terminal. :func:`run_log` is for a command
that draws its own progress on the terminal (``vtuber rehearse``): while it is active the
terminal shows only warnings and errors, and the full log goes to a file.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

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
QUIET_LOGGERS = (
    "obsws_python", "websockets", "httpx", "httpx2", "httpcore", "aiosqlite", "asyncio", "alembic.runtime.plugins",
)  # fmt: skip
"""Chatty or leaky third-party loggers kept at WARNING (obsws-python logs the OBS password at INFO;
httpx and httpx2, under the OpenAI client, log every request at INFO)."""
FILE_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"


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


@contextlib.contextmanager
def run_log(path: Path, *, terminal_level: int = logging.WARNING) -> Iterator[Path]:
    """Inside: the terminal handlers show only ``terminal_level`` and above, and everything the
    root logger passes (its level, redacted) is written to ``path`` as well."""
    root = logging.getLogger()
    path.parent.mkdir(parents=True, exist_ok=True)
    file = logging.FileHandler(path, encoding="utf-8")
    file.setFormatter(logging.Formatter(FILE_FORMAT))
    file.addFilter(_filter)
    terminal = [(handler, handler.level) for handler in root.handlers]
    for handler, level in terminal:
        handler.setLevel(max(level, terminal_level))
    root.addHandler(file)
    try:
        yield path
    finally:
        root.removeHandler(file)
        file.close()
        for handler, level in terminal:
            handler.setLevel(level)
