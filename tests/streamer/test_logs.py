"""Secrets never reach a log line."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console

from streamer.logs import QUIET_LOGGERS, RedactingFilter, run_log, setup_logging


@pytest.fixture
def logger() -> tuple[logging.Logger, list[str]]:
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = Collect()
    handler.addFilter(RedactingFilter(["sk-live-abcdef123456"]))
    log = logging.getLogger("test.redaction")
    log.handlers = [handler]
    log.propagate = False
    log.setLevel(logging.DEBUG)
    return log, lines


@pytest.mark.parametrize(
    ("message", "args", "secret"),
    [
        ("key is %s", ("sk-live-abcdef123456",), "sk-live-abcdef123456"),
        ("connecting to %s", ("redis://:redispw99@h:6379/0",), "redispw99"),
        ("db %s", ("postgresql+asyncpg://bot:pgpw1234@db/x",), "pgpw1234"),
        ("sent Authorization: Bearer %s", ("abcdefghijklmnop",), "abcdefghijklmnop"),
        ("obs identify password=%s", ("obs-pass-42",), "obs-pass-42"),
        ("twitch token oauth:%s", ("0123456789abcdef",), "0123456789abcdef"),
        ('{"refresh_token": "%s"}', ("rt-zyx987654",), "rt-zyx987654"),
    ],
)
def test_secret_values_and_patterns_are_masked(logger, message: str, args: tuple[str], secret: str) -> None:  # type: ignore[no-untyped-def]
    log, lines = logger
    log.info(message, *args)
    assert secret not in lines[-1]
    assert "***" in lines[-1]


def test_exceptions_are_redacted_too(logger) -> None:  # type: ignore[no-untyped-def]
    log, lines = logger
    try:
        raise ConnectionError("cannot reach redis://:exc-secret-1@host:6379")
    except ConnectionError:
        log.exception("boom")
    assert "exc-secret-1" not in "\n".join(lines)
    assert "ConnectionError" in "\n".join(lines)


def test_plain_messages_are_untouched(logger) -> None:  # type: ignore[no-untyped-def]
    log, lines = logger
    log.info("stored %d events in %s", 12, "3 batches")
    assert lines[-1] == "stored 12 events in 3 batches"


@pytest.fixture
def terminal() -> Iterator[io.StringIO]:
    """setup_logging on a captured terminal; the root logger is put back afterwards."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level, {n: logging.getLogger(n).level for n in QUIET_LOGGERS})
    screen = io.StringIO()
    setup_logging("INFO", secrets=["sk-live-run-log-secret"], console=Console(file=screen, width=200))
    yield screen
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)


def test_run_log_keeps_the_terminal_to_warnings_and_writes_everything_to_the_file(
    terminal: io.StringIO, tmp_path: Path
) -> None:
    log = logging.getLogger("streamer.rehearsal")
    with run_log(tmp_path / "run" / "rehearsal.log") as path:
        log.info("selector pick %s", "m1")
        logging.getLogger("httpx2").info("HTTP Request: POST http://127.0.0.1:1/v1/chat/completions")
        log.warning("the bot was still talking; key %s", "sk-live-run-log-secret")
    log.info("after the run")
    shown, written = terminal.getvalue(), path.read_text()
    assert "selector pick" not in shown and "the bot was still talking" in shown and "after the run" in shown
    assert "INFO     streamer.rehearsal: selector pick m1" in written
    assert "WARNING  streamer.rehearsal: the bot was still talking; key ***" in written
    assert "HTTP Request" not in shown + written  # httpx2 logs every LLM call at INFO: kept quiet
    assert "sk-live-run-log-secret" not in shown + written
    assert "after the run" not in written
