"""The replay source: parsing, problem reports, pacing, ids and cancellation."""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from engines.events import ChatMessage, EventBase, Raid, StreamState
from streamer.sources.replay import (
    ReplayError,
    ReplayLine,
    ReplaySource,
    ReplayStart,
    file_run_id,
    load_replay,
    parse_start,
)
from tests.support.virtual_clock import VirtualClock


def chat(text: str, login: str = "pixelmage", **extra: Any) -> dict[str, Any]:
    user = {"id": "51234", "login": login, "display_name": login.title()}
    return {"type": "chat.message", "user": user, "text": text, **extra}


def write(path: Path, *rows: dict[str, Any] | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def timed(path: Path, *ats: float) -> Path:
    return write(path, *({"at": at, "event": chat(f"message at {at}")} for at in ats))


class FakeTime:
    """A monotonic clock that only moves when the replay sleeps (or a publisher says so)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, delay: float) -> None:
        self.sleeps.append(delay)
        self.now += max(delay, 0.0)


class Recorder:
    def __init__(self, fake: FakeTime | None = None, cost: float = 0.0) -> None:
        self.events: list[EventBase] = []
        self.times: list[float] = []
        self.fake = fake
        self.cost = cost

    async def __call__(self, event: EventBase) -> None:
        if self.fake is not None:
            self.times.append(self.fake.now)
            self.fake.now += self.cost
        else:
            self.times.append(time.monotonic())
        self.events.append(event)


# ---------------------------------------------------------------- load_replay


def test_load_builds_validated_events_with_ids_and_channel(tmp_path: Path) -> None:
    path = write(
        tmp_path / "s.jsonl",
        "# a comment",
        "",
        {"at": 0, "event": {"type": "stream.state", "online": True, "title": "t", "category": "c"}},
        {"at": 12.4, "event": chat("hi Hiyori!", roles=["subscriber"], badges=[{"set_id": "subscriber"}])},
        "   ",
        {"at": 13, "event": {"type": "channel.raid", "from_user": chat("x")["user"], "viewers": 87}},
    )
    lines, problems = load_replay(path, channel="demo", run_id="r1")
    assert problems == []
    assert [type(x.event) for x in lines] == [StreamState, ChatMessage, Raid]
    assert [x.at for x in lines] == [0.0, 12.4, 13.0]
    assert [x.event.id for x in lines] == ["replay-r1-3", "replay-r1-4", "replay-r1-6"]
    assert {x.event.channel for x in lines} == {"demo"}
    assert isinstance(lines[1], ReplayLine)
    msg = lines[1].event
    assert isinstance(msg, ChatMessage)
    assert msg.text == "hi Hiyori!"
    assert msg.user.login == "pixelmage"
    assert [r.value for r in msg.roles] == ["subscriber"]
    # ts follows the offsets, so consumers of load_replay alone still see the spacing
    assert (lines[2].event.ts - lines[0].event.ts).total_seconds() == pytest.approx(13.0)


def test_file_fields_id_channel_ts_are_overridden(tmp_path: Path) -> None:
    event = chat("hi", id="evil-id", channel="otherchannel", ts="2001-01-01T00:00:00Z")
    lines, problems = load_replay(
        write(tmp_path / "s.jsonl", {"at": 1, "event": event}), channel="demo", run_id="a"
    )
    assert problems == []
    assert lines[0].event.id == "replay-a-1"
    assert lines[0].event.channel == "demo"
    assert lines[0].event.ts.year > 2001


def test_bad_lines_are_skipped_and_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.jsonl",
        {"at": 1, "event": chat("ok one")},  # 1
        "{not json",  # 2
        "[1, 2]",  # 3
        {"event": chat("no at")},  # 4
        {"at": "soon", "event": chat("string at")},  # 5
        {"at": 2, "event": "not an object"},  # 6
        {"at": 3, "event": {"type": "chat.message", "user": chat("x")["user"]}},  # 7: text missing
        {"at": 4, "event": {"type": "channel.teleport"}},  # 8
        {"at": 5, "event": {"type": "control.kill", "engaged": True}},  # 9
        {"at": 6, "event": chat("x" * 2_001)},  # 10: over the text limit
        {"at": 7, "event": chat("bell \x07 char")},  # 11
        {"at": 8, "event": {**chat("future"), "v": 99}},  # 12
        {"at": True, "event": chat("bool at")},  # 13
        '{"at": NaN, "event": {}}',  # 14
        {"at": -1, "event": chat("negative")},  # 15
        {"at": 1e300, "event": chat("far future")},  # 16
        {"at": 9, "event": chat("ok two")},  # 17
    )
    lines, problems = load_replay(path, channel="demo", run_id="r")
    assert [x.event.id for x in lines] == ["replay-r-1", "replay-r-17"]
    assert [x.at for x in lines] == [1.0, 9.0]
    numbered = {int(p.split(":")[0].removeprefix("line ")): p for p in problems}
    assert sorted(numbered) == list(range(2, 17))
    assert "malformed JSON" in numbered[2]
    assert "expected a JSON object" in numbered[3]
    assert '"at"' in numbered[4] and '"at"' in numbered[5] and '"at"' in numbered[13]
    assert '"event"' in numbered[6]
    assert numbered[7] == "line 7: invalid chat.message: text: Field required"
    assert "unknown event type 'channel.teleport'" in numbered[8]
    assert "not an input event" in numbered[9]
    assert "invalid chat.message: text:" in numbered[10]
    assert "control character U+0007" in numbered[11]
    assert "schema version 99" in numbered[12]
    assert "between 0 and" in numbered[15] and "between 0 and" in numbered[16]


def test_backwards_timestamps_are_clamped_and_reported(tmp_path: Path) -> None:
    path = timed(tmp_path / "s.jsonl", 5, 10, 7.5, 12)
    lines, problems = load_replay(path, channel="demo", run_id="r")
    assert [x.at for x in lines] == [5.0, 10.0, 10.0, 12.0]
    assert problems == ["line 3: at=7.5 goes back in time; clamped to 10"]


def test_bom_crlf_and_bad_utf8(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    good = json.dumps({"at": 1, "event": chat("héllo")}, ensure_ascii=False).encode()
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\r\n" + b'{"at": 2, "event": \xff}\r\n' + good + b"\r\n")
    lines, problems = load_replay(path, channel="demo", run_id="r")
    assert [x.event.id for x in lines] == ["replay-r-1", "replay-r-3"]
    assert isinstance(lines[0].event, ChatMessage) and lines[0].event.text == "héllo"
    assert problems == ["line 2: invalid UTF-8 at byte 19"]


def test_reply_to_line_reference_is_linked_to_the_replay_id(tmp_path: Path) -> None:
    parent_user = chat("x", login="datamosh")["user"]
    reply = {"message_id": "line:1", "user": parent_user, "text": "how does it work?"}
    path = write(
        tmp_path / "s.jsonl",
        {"at": 1, "event": chat("how does it work?", login="datamosh")},
        {"at": 2, "event": chat("@datamosh magic", reply_to=reply)},
        {"at": 3, "event": chat("dangling", reply_to={**reply, "message_id": "line:9"})},
        {"at": 4, "event": chat("twitch id", reply_to={**reply, "message_id": "abc-123"})},
    )
    lines, problems = load_replay(path, channel="demo", run_id="zz")
    replies = [x.event for x in lines[1:]]
    assert all(isinstance(e, ChatMessage) and e.reply_to is not None for e in replies)
    ids = [e.reply_to.message_id for e in replies if isinstance(e, ChatMessage) and e.reply_to]
    assert ids == ["replay-zz-1", "line:9", "abc-123"]
    assert problems == ["line 3: reply_to line:9 does not name an earlier event in this file"]


def test_ids_are_stable_per_run_id_and_distinct_across_runs(tmp_path: Path) -> None:
    path = timed(tmp_path / "s.jsonl", 0, 1, 2)
    a1, _ = load_replay(path, channel="demo", run_id="aaa")
    a2, _ = load_replay(path, channel="demo", run_id="aaa")
    b, _ = load_replay(path, channel="demo", run_id="bbb")
    assert [x.event.id for x in a1] == [x.event.id for x in a2]
    assert not {x.event.id for x in a1} & {x.event.id for x in b}
    assert ReplaySource(path, channel="demo", run_id="fixed").lines[0].event.id == "replay-fixed-1"


def test_replaying_the_same_file_again_gives_the_same_ids(tmp_path: Path) -> None:
    """A re-run after a crash is stored once: the ids come from the file and the line."""
    path = timed(tmp_path / "s.jsonl", 0, 1, 2)
    s1 = ReplaySource(path, channel="demo")
    s2 = ReplaySource(path, channel="demo")
    assert s1.run_id == s2.run_id == file_run_id(path.read_bytes(), "demo")
    assert [x.event.id for x in s1.lines] == [x.event.id for x in s2.lines]
    assert [x.event.id for x in s1.lines] == [f"replay-{s1.run_id}-{n}" for n in (1, 2, 3)]
    assert [x.event.id for x in load_replay(path, channel="demo")[0]] == [x.event.id for x in s1.lines]
    other_channel = ReplaySource(path, channel="other")
    edited = ReplaySource(timed(tmp_path / "e.jsonl", 0, 1, 3), channel="demo")
    assert not {x.event.id for x in s1.lines} & {x.event.id for x in other_channel.lines}
    assert not {x.event.id for x in s1.lines} & {x.event.id for x in edited.lines}


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("120", ReplayStart(line=120)),
        ("1", ReplayStart(line=1)),
        ("90s", ReplayStart(at=90.0)),
        ("1m30s", ReplayStart(at=90.0)),
        ("2m", ReplayStart(at=120.0)),
        ("1h2m3s", ReplayStart(at=3723.0)),
        ("1:30", ReplayStart(at=90.0)),
        ("1:02:03", ReplayStart(at=3723.0)),
        ("2.5s", ReplayStart(at=2.5)),
    ],
)
def test_parse_start_reads_a_line_or_a_time(text: str, start: ReplayStart) -> None:
    assert parse_start(text) == start


@pytest.mark.parametrize("text", ["", "0", "-3", "abc", "1:2:3:4", "5x", "s"])
def test_parse_start_refuses_anything_else(text: str) -> None:
    with pytest.raises(ValueError, match=r"line|--from"):
        parse_start(text)


async def test_resuming_from_a_line_publishes_the_rest_with_the_same_ids_at_once(tmp_path: Path) -> None:
    fake = FakeTime()
    path = timed(tmp_path / "s.jsonl", 0, 10, 20, 21, 25)
    full = ReplaySource(path, channel="demo")
    source = ReplaySource(path, channel="demo", speed=1, start=parse_start("3"), clock=fake.clock,
                          sleep=fake.sleep)  # fmt: skip
    pub = Recorder(fake)
    assert await source.run(pub) == 3
    assert [e.id for e in pub.events] == [x.event.id for x in full.lines[2:]]
    # the first resumed event goes out at once, the rest keep the file's pace from there
    assert [t - 1000.0 for t in pub.times] == pytest.approx([0.0, 1.0, 5.0])


async def test_resuming_from_a_time_offset_keeps_the_pace_from_that_moment(tmp_path: Path) -> None:
    fake = FakeTime()
    path = timed(tmp_path / "s.jsonl", 0, 10, 20, 21)
    source = ReplaySource(path, channel="demo", speed=1, start=parse_start("15s"), clock=fake.clock,
                          sleep=fake.sleep)  # fmt: skip
    pub = Recorder(fake)
    assert await source.run(pub) == 2
    assert [e.id for e in pub.events] == [f"replay-{source.run_id}-{n}" for n in (3, 4)]
    assert [t - 1000.0 for t in pub.times] == pytest.approx([5.0, 6.0])


async def test_a_stopped_replay_says_where_to_resume(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = timed(tmp_path / "s.jsonl", 0, 0, 3600)
    source = ReplaySource(path, channel="demo", speed=1)
    pub = Recorder()
    with caplog.at_level(logging.INFO, logger="streamer.sources.replay"):
        task = asyncio.create_task(source.run(pub))
        while len(pub.events) < 2:
            await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert f"replay of {path} stopped before line 3; resume with --from 3" in caplog.messages


def test_missing_file_and_directory_raise_replay_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    with pytest.raises(ReplayError, match="not found") as info:
        load_replay(missing, channel="demo", run_id="r")
    assert str(missing) in str(info.value)
    with pytest.raises(ReplayError, match="directory"):
        ReplaySource(tmp_path, channel="demo")
    with pytest.raises(ValueError, match="channel"):
        load_replay(timed(tmp_path / "s.jsonl", 0), channel="", run_id="r")


def test_empty_file_gives_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("# only a comment\n\n", encoding="utf-8")
    assert load_replay(path, channel="demo", run_id="r") == ([], [])


# ---------------------------------------------------------------- ReplaySource.run


async def test_speed_scaling_with_fake_clock(tmp_path: Path) -> None:
    fake = FakeTime()
    path = timed(tmp_path / "s.jsonl", 0, 1, 5, 10)
    source = ReplaySource(path, channel="demo", speed=100, clock=fake.clock, sleep=fake.sleep)
    pub = Recorder(fake)
    assert await source.run(pub) == 4
    offsets = [t - 1000.0 for t in pub.times]
    assert offsets == pytest.approx([0.0, 0.01, 0.05, 0.1])
    assert fake.now - 1000.0 == pytest.approx(10 / 100)
    slow = FakeTime()
    await ReplaySource(path, channel="demo", speed=0.5, clock=slow.clock, sleep=slow.sleep).run(
        Recorder(slow)
    )
    assert slow.now - 1000.0 == pytest.approx(20.0)


async def test_schedule_does_not_drift_when_publishing_is_slow(tmp_path: Path) -> None:
    fake = FakeTime()
    path = timed(tmp_path / "s.jsonl", *range(10))
    source = ReplaySource(path, channel="demo", speed=1, clock=fake.clock, sleep=fake.sleep)
    pub = Recorder(fake, cost=0.3)  # every publish takes 0.3 s
    await source.run(pub)
    assert [t - 1000.0 for t in pub.times] == pytest.approx([float(i) for i in range(10)])
    assert fake.sleeps == pytest.approx([0.7] * 9)


async def test_publisher_behind_schedule_catches_up_without_sleeping(tmp_path: Path) -> None:
    fake = FakeTime()
    path = timed(tmp_path / "s.jsonl", 0, 0.1, 0.2, 5)
    pub = Recorder(fake, cost=1.0)
    await ReplaySource(path, channel="demo", clock=fake.clock, sleep=fake.sleep).run(pub)
    assert [t - 1000.0 for t in pub.times] == pytest.approx([0.0, 1.0, 2.0, 5.0])
    assert fake.sleeps == pytest.approx([2.0])


@pytest.mark.parametrize("speed", [0, -1, math.inf])
async def test_fast_mode_does_not_wait(tmp_path: Path, speed: float) -> None:
    fake = FakeTime()
    path = timed(tmp_path / "s.jsonl", *range(0, 20_000, 100))
    source = ReplaySource(path, channel="demo", speed=speed, clock=fake.clock, sleep=fake.sleep)
    assert source.as_fast_as_possible
    pub = Recorder(fake)
    assert await source.run(pub) == 200
    assert fake.now == 1000.0
    assert fake.sleeps and set(fake.sleeps) == {0}  # only yields to the loop, never waits


async def test_asyncio_sleep_100x_keeps_the_schedule_on_the_loop_clock(tmp_path: Path) -> None:
    """The real ``asyncio.sleep`` against a (virtual) loop clock: each event exactly on time."""
    path = timed(tmp_path / "s.jsonl", 0, 5, 10, 15, 20)
    with VirtualClock().patch() as clock:
        start = clock.now
        at: list[float] = []

        async def publish(event: EventBase) -> None:
            at.append(clock.now - start)

        await ReplaySource(path, channel="demo", speed=100, clock=clock.time).run(publish)
    assert at == pytest.approx([0.0, 0.05, 0.1, 0.15, 0.2])


async def test_published_events_carry_wall_clock_ts_and_progress(tmp_path: Path) -> None:
    fake = FakeTime()
    path = timed(tmp_path / "s.jsonl", 0, 1, 2)
    source = ReplaySource(path, channel="demo", run_id="p", clock=fake.clock, sleep=fake.sleep)
    pub = Recorder(fake)
    progress: list[tuple[int, int]] = []
    before = datetime.now(UTC)
    await source.run(pub, on_progress=lambda done, total: progress.append((done, total)))
    after = datetime.now(UTC)
    assert progress == [(1, 3), (2, 3), (3, 3)]
    assert [e.id for e in pub.events] == ["replay-p-1", "replay-p-2", "replay-p-3"]
    assert all(before <= e.ts <= after for e in pub.events)
    assert all(e.ts.tzinfo is not None for e in pub.events)
    assert [e.id for e in pub.events] == [x.event.id for x in source.lines]


async def test_bad_lines_logged_once_as_warnings(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeTime()
    path = write(tmp_path / "s.jsonl", {"at": 0, "event": chat("ok")}, "garbage", {"at": 1, "event": {}})
    source = ReplaySource(path, channel="demo", speed=0, clock=fake.clock, sleep=fake.sleep)
    assert len(source.problems) == 2
    with caplog.at_level(logging.WARNING, logger="streamer.sources.replay"):
        assert await source.run(Recorder(fake)) == 1
        assert await source.run(Recorder(fake)) == 1
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2
    assert {r.name for r in warnings} == {"streamer.sources.replay"}
    assert "line 2" in warnings[0].getMessage() and "line 3" in warnings[1].getMessage()


async def test_cancellation_stops_the_replay(tmp_path: Path) -> None:
    path = timed(tmp_path / "s.jsonl", 0, 0.01, 3600)
    source = ReplaySource(path, channel="demo")
    pub = Recorder()
    task = asyncio.create_task(source.run(pub))
    for _ in range(200):
        if len(pub.events) == 2:
            break
        await asyncio.sleep(0.01)
    assert len(pub.events) == 2
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert len(pub.events) == 2


async def test_fast_replay_yields_to_the_loop_so_it_can_be_cancelled(tmp_path: Path) -> None:
    path = timed(tmp_path / "s.jsonl", *([0] * 5_000))
    published = 0

    async def publish(event: EventBase) -> None:  # never suspends
        nonlocal published
        published += 1

    task = asyncio.create_task(ReplaySource(path, channel="demo", speed=0).run(publish))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert 0 < published < 5_000


def test_nan_speed_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="NaN"):
        ReplaySource(timed(tmp_path / "s.jsonl", 0), channel="demo", speed=math.nan)
