"""Replay a recorded or scripted stream from a JSONL file, for rehearsal and demos.

One JSON object per line: ``{"at": <seconds since the stream started>, "event": {...}}``,
where ``event`` holds an input event's fields without ``id``, ``channel``, ``ts`` and ``v``.
Blank lines and lines starting with ``#`` are ignored. Each event gets the id
``replay-<run_id>-<line number>`` and is validated by :func:`engines.events.decode`, so a
replayed event obeys the same rules as one from the bus. The run id is derived from the
file's bytes and the channel (:func:`file_run_id`), so playing the same file again, after a
crash say, gives the same ids and the recorder stores each event once. ``start`` resumes
from a line or a time offset (:func:`parse_start`, ``vtuber run --replay F --from N``).

A ``reply_to.message_id`` of the form ``line:<n>`` names the chat message on line ``n`` of
the same file and is rewritten to that message's replay id, so reply threads stay linked.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, Final

import orjson

from engines.events import CONTROL_TYPES, OUTPUT_TYPES, EventBase, EventDecodeError, decode, utcnow

__all__ = [
    "SAMPLE_STREAM",
    "ReplayError",
    "ReplayLine",
    "ReplaySource",
    "ReplayStart",
    "file_run_id",
    "load_replay",
    "parse_start",
]

logger = logging.getLogger("streamer.sources.replay")

SAMPLE_STREAM: Final[Path] = Path(__file__).with_name("sample_stream.jsonl")
"""The bundled sample stream: about ten minutes of a lively channel."""

_LINE_REF: Final = re.compile(r"line:(\d+)")
_MAX_AT: Final = 7 * 24 * 3600.0
"""Offsets beyond a week are refused as nonsense."""
_YIELD_EVERY: Final = 64
"""Publishing this many events without sleeping yields to the event loop once."""


class ReplayError(ValueError):
    """The replay file cannot be read at all."""


@dataclass(frozen=True)
class ReplayLine:
    """One replayable event, its offset from the start of the stream in seconds, and the
    line of the file it came from."""

    at: float
    event: EventBase
    line: int = 0


@dataclass(frozen=True)
class ReplayStart:
    """Where a resumed replay starts: at a line of the file, or at a time offset (seconds)."""

    line: int | None = None
    at: float | None = None

    def keeps(self, line: ReplayLine) -> bool:
        if self.line is not None:
            return line.line >= self.line
        return self.at is None or line.at >= self.at

    def __str__(self) -> str:
        return f"line {self.line}" if self.line is not None else f"{self.at:g} s"


_TIME = re.compile(r"(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+(?:\.\d+)?)s)?")


def parse_start(text: str) -> ReplayStart:
    """``120`` is line 120; ``90s``, ``1m30s``, ``1h2m``, ``1:30`` or ``1:02:03`` is a time
    offset into the stream. Raises ValueError with the accepted forms."""
    text = text.strip()
    if text.isdigit():
        if int(text) < 1:
            raise ValueError("a replay line number starts at 1")
        return ReplayStart(line=int(text))
    if re.fullmatch(r"\d+(?::\d{1,2}){1,2}(?:\.\d+)?", text):
        seconds = 0.0
        for part in text.split(":"):
            seconds = seconds * 60 + float(part)
        return ReplayStart(at=seconds)
    match = _TIME.fullmatch(text)
    if text and match is not None:
        h, m, sec = (float(match.group(k) or 0) for k in ("h", "m", "s"))
        return ReplayStart(at=h * 3600 + m * 60 + sec)
    raise ValueError(f"--from takes a line number (120) or a time offset (90s, 1m30s, 1:30), not {text!r}")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReplayError(f"replay file not found: {path}") from None
    except IsADirectoryError:
        raise ReplayError(f"replay path is a directory, not a file: {path}") from None
    except OSError as exc:
        raise ReplayError(f"cannot read replay file {path}: {exc.strerror or exc}") from None


def file_run_id(data: bytes, channel: str) -> str:
    """The run id of a replay file on a channel: the same bytes on the same channel always
    give the same id (so a re-run is stored once); another file, or an edited one, another."""
    return hashlib.sha256(channel.encode() + b"\0" + data).hexdigest()[:12]


def load_replay(path: Path, *, channel: str, run_id: str | None = None) -> tuple[list[ReplayLine], list[str]]:
    """Parse a replay file into events and human-readable problems; bad lines are skipped.
    Without ``run_id`` the ids derive from the file (:func:`file_run_id`)."""
    if not 1 <= len(channel) <= 64:
        raise ValueError(f"channel must be 1-64 characters, got {channel!r}")
    data = _read(Path(path))
    return _parse(data, channel=channel, run_id=run_id or file_run_id(data, channel))


def _parse(data: bytes, *, channel: str, run_id: str) -> tuple[list[ReplayLine], list[str]]:
    base = utcnow()
    lines: list[ReplayLine] = []
    problems: list[str] = []
    ids_by_line: dict[int, str] = {}
    last_at = 0.0
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(f"line {lineno}: invalid UTF-8 at byte {exc.start}")
            continue
        if lineno == 1:
            text = text.removeprefix("\ufeff")
        text = text.strip()
        if not text or text.startswith("#"):
            continue
        try:
            at, fields = _parse_line(text)
        except ValueError as exc:
            problems.append(f"line {lineno}: {exc}")
            continue
        if at < last_at:
            problems.append(f"line {lineno}: at={at:g} goes back in time; clamped to {last_at:g}")
            at = last_at
        event_id = f"replay-{run_id}-{lineno}"
        fields.update(id=event_id, channel=channel, ts=(base + timedelta(seconds=at)).isoformat())
        problem = _link_reply(fields, ids_by_line)
        try:
            event = decode(orjson.dumps(fields))
        except EventDecodeError as exc:
            problems.append(f"line {lineno}: {exc.reason}")
            continue
        if problem:
            problems.append(f"line {lineno}: {problem}")
        last_at = at
        ids_by_line[lineno] = event_id
        lines.append(ReplayLine(at=at, event=event, line=lineno))
    return lines, problems


def _parse_line(text: str) -> tuple[float, dict[str, Any]]:
    """Split one line into its offset and event fields, or raise ValueError with the reason."""
    try:
        obj = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    at = obj.get("at")
    if isinstance(at, bool) or not isinstance(at, int | float):
        raise ValueError('"at" must be a number of seconds')
    if not math.isfinite(at) or not 0 <= at <= _MAX_AT:
        raise ValueError(f'"at" must be between 0 and {_MAX_AT:g} seconds, got {at}')
    fields = obj.get("event")
    if not isinstance(fields, dict):
        raise ValueError('"event" must be a JSON object')
    etype = fields.get("type")
    if isinstance(etype, str) and (etype in CONTROL_TYPES or etype in OUTPUT_TYPES):
        raise ValueError(f"{etype} is not an input event; a replay holds input events only")
    return float(at), fields


def _link_reply(fields: dict[str, Any], ids_by_line: dict[int, str]) -> str | None:
    """Rewrite a ``line:<n>`` reply reference to the replay id of line n; return any problem."""
    reply = fields.get("reply_to")
    if not isinstance(reply, dict):
        return None
    ref = reply.get("message_id")
    match = _LINE_REF.fullmatch(ref) if isinstance(ref, str) else None
    if match is None:
        return None
    target = ids_by_line.get(int(match.group(1)))
    if target is None:
        return f"reply_to {ref} does not name an earlier event in this file"
    fields["reply_to"] = {**reply, "message_id": target}
    return None


class ReplaySource:
    """Publishes a replay file's events on the original schedule, scaled by ``speed``."""

    def __init__(
        self,
        path: Path,
        *,
        channel: str,
        speed: float = 1.0,
        run_id: str | None = None,
        start: ReplayStart | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        if math.isnan(speed):
            raise ValueError("replay speed must be a number, got NaN")
        if not 1 <= len(channel) <= 64:
            raise ValueError(f"channel must be 1-64 characters, got {channel!r}")
        self.path = Path(path)
        self.channel = channel
        self.speed = speed
        data = _read(self.path)
        self.run_id = run_id if run_id is not None else file_run_id(data, channel)
        self.start = start
        self._clock = clock
        self._sleep = sleep
        self._lines, self._problems = _parse(data, channel=channel, run_id=self.run_id)
        if start is not None:
            self._lines = [line for line in self._lines if start.keeps(line)]
        self._logged = False

    @property
    def problems(self) -> list[str]:
        """Human-readable reasons for every line that was skipped or adjusted."""
        return list(self._problems)

    @property
    def lines(self) -> tuple[ReplayLine, ...]:
        """The events that will be published, in order."""
        return tuple(self._lines)

    @property
    def as_fast_as_possible(self) -> bool:
        return self.speed <= 0 or math.isinf(self.speed)

    async def run(
        self,
        publish: Callable[[EventBase], Awaitable[object]],
        *,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Publish every event at start + at/speed; return how many were published."""
        if not self._logged:
            self._logged = True
            for problem in self._problems:
                logger.warning("replay %s: %s", self.path, problem)
        total = len(self._lines)
        fast = self.as_fast_as_possible
        pace = "full speed" if fast else f"{self.speed:g}x"
        resumed = f", from {self.start}" if self.start is not None else ""
        logger.info("replaying %d events from %s at %s%s (ids replay-%s-<line>)",
                    total, self.path, pace, resumed, self.run_id)  # fmt: skip
        start = self._clock()
        origin = 0.0  # a resumed replay keeps the file's pace from where it resumes
        if self.start is not None and self.start.at is not None:
            origin = self.start.at
        elif self.start is not None and self._lines:
            origin = self._lines[0].at
        published = 0
        unslept = 0
        line: ReplayLine | None = None
        try:
            for line in self._lines:
                if not fast:
                    delay = start + (line.at - origin) / self.speed - self._clock()
                    if delay > 0:
                        await self._sleep(delay)
                        unslept = 0
                if unslept >= _YIELD_EVERY:
                    await self._sleep(0)
                    unslept = 0
                await publish(line.event.model_copy(update={"ts": utcnow()}))
                published += 1
                unslept += 1
                if on_progress is not None:
                    on_progress(published, total)
        except asyncio.CancelledError:
            if line is not None:
                logger.info("replay of %s stopped before line %d; resume with --from %d",
                            self.path, line.line, line.line)  # fmt: skip
            raise
        logger.info("replay of %s finished: %d events published", self.path, published)
        return published
