"""Engagement computed from the stored log and kept per turn, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.studio import EngagementSettings
from engines import events as ev
from streamer.store import make_engine, make_sessionmaker
from streamer.store.engagement import by_version, score_turns
from streamer.store.studio_models import TurnEngagement
from streamer.store.writer import channel_ids, write_events

T0 = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
FAN = ev.Viewer(id="1", login="fan", display_name="Fan")


def at(s: float) -> datetime:
    return T0 + timedelta(seconds=s)


@pytest.fixture
async def sessions(db_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(db_url)
    yield make_sessionmaker(engine)
    await engine.dispose()


async def write(sessions: async_sessionmaker[AsyncSession], events: list[ev.EventBase]) -> None:
    async with sessions() as s, s.begin():
        cache = await channel_ids(s, {e.channel for e in events}, {})
        await write_events(s, [(ev.stream_of(e), e) for e in events], cache)


def spoken(tid: str, start: float, text: str) -> list[ev.EventBase]:
    return [
        ev.ReplyStarted(id=f"{tid}-s", channel="c", ts=at(start), turn_id=tid, persona="hiyori"),
        ev.ReplyFinished(id=f"{tid}-f", channel="c", ts=at(start + 5), turn_id=tid, text=text),
    ]


async def test_every_turn_gets_a_row_and_versions_are_summed(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    log: list[ev.EventBase] = [
        ev.StreamState(id="on", channel="c", ts=at(0), online=True),
        ev.PersonaApplied(id="p2", channel="c", ts=at(1), persona="hiyori", version=2),
        *spoken("t1", 100, "hello chat"),
        ev.ChatMessage(id="m1", channel="c", ts=at(110), user=FAN, text="hiyori you are so funny"),
        ev.ChatMessage(id="m2", channel="c", ts=at(120), user=FAN, text="lol"),
        ev.Follow(id="f1", channel="c", ts=at(130), user=FAN),
        ev.PersonaApplied(id="p3", channel="c", ts=at(300), persona="hiyori", version=3),
        *spoken("t2", 400, "what a boring game"),
        ev.Skip(id="sk", channel="c", ts=at(402), by="mod_anna", target_id="t2"),
        ev.StreamState(id="off", channel="c", ts=at(1000), online=False),
    ]
    await write(sessions, log)
    w = EngagementSettings(window_s=60, chat=1, reply=2, follow=3, skip=5)

    assert await score_turns(sessions, "c", w, names=["hiyori"]) == 2
    assert await score_turns(sessions, "c", w, names=["hiyori"]) == 2  # again: rows replaced, not doubled

    async with sessions() as s:
        rows = {r.turn_id: r for r in (await s.scalars(select(TurnEngagement))).all()}
    assert set(rows) == {"t1", "t2"}
    one, two = rows["t1"], rows["t2"]
    baseline = 2 / 1000 * 60  # 2 chat messages over a 1000 s stream
    assert (one.chat_after, one.replies, one.follows, one.persona_version) == (2, 1, 1, 2)
    assert one.baseline == pytest.approx(baseline)
    assert one.score == pytest.approx(2 - baseline + 2 + 3)
    assert (two.chat_after, two.skips, two.persona_version) == (0, 1, 3)
    assert two.score == pytest.approx(-baseline - 5)
    assert one.stream == two.stream

    summary = {r.persona_version: r for r in await by_version(sessions, "c")}
    assert set(summary) == {2, 3}
    assert summary[2].turns == 1 and summary[2].follows == 1
    assert summary[3].skips == 1
    assert summary[3].avg_score == pytest.approx(-baseline - 5, abs=1e-3)


async def test_a_channel_with_nothing_recorded_scores_nothing(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    assert await score_turns(sessions, "nobody", EngagementSettings()) == 0
    assert await by_version(sessions, "nobody") == []
