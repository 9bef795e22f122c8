"""Secrets never reach a log line."""

from __future__ import annotations

import logging

import pytest

from streamer.logs import RedactingFilter


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
