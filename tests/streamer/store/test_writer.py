"""The writer's projections of every kind: the viewer and text columns come from each kind's
declared actor and viewer text, every command is audited, every output lands in its table."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from engines import events as ev
from streamer.store import make_engine, make_sessionmaker
from streamer.store.models import EventRow, ModerationAction, ReplySentenceRow, SafetyDecision, Turn, Viewer
from streamer.store.writer import channel_ids, write_events
from tests.engines.test_events import EXAMPLES

RAIDER = ev.Viewer(id="77", login="raider", display_name="Raider")


@pytest.fixture
async def sessions(db_url: str) -> AsyncIterator[object]:
    engine = make_engine(db_url)
    yield make_sessionmaker(engine)
    await engine.dispose()


async def write(sessions: object, events: list[ev.EventBase]) -> set[str]:
    async with sessions() as s, s.begin():  # type: ignore[operator]
        cache = await channel_ids(s, {e.channel for e in events}, {})
        return await write_events(s, [(ev.stream_of(e), e) for e in events], cache)


async def test_every_kind_is_written_with_its_actor_and_text(sessions: object) -> None:
    raid = ev.Raid(id="raid1", channel="c", from_user=RAIDER, viewers=5)
    redeem = ev.Redemption(
        id="rd1", channel="c", user=RAIDER, reward_id="r", reward_title="Ask", user_input="why?"
    )
    stored = [e for e in EXAMPLES if not isinstance(e, ev.BotHeartbeat)]  # the bot's pulse is not stored
    events = [*stored, raid, redeem]
    assert await write(sessions, events) == {e.id for e in events}
    async with sessions() as s:  # type: ignore[operator]
        rows = {r.id: r for r in (await s.scalars(select(EventRow))).all()}
        for e in events:
            row = rows[e.id]
            assert (row.type, row.stream) == (e.type, e.stream)
            assert row.viewer_twitch_id == (e.actor.id if e.actor else None), e.type
        assert rows["raid1"].viewer_twitch_id == "77" and rows["raid1"].text is None
        assert rows["rd1"].text == "why?"
        viewers = {v.login: v for v in (await s.scalars(select(Viewer))).all()}
        assert set(viewers) == {"kiri", "raider"}
        assert viewers["kiri"].messages == 1  # only the chat message counts
        audited = {a.action: a for a in (await s.scalars(select(ModerationAction))).all()}
        assert set(audited) == ev.CONTROL_TYPES
        assert (audited["control.moderate"].actor, audited["control.moderate"].target) == ("mod", "kiri")
        assert audited["control.scene"].details == {"scene": "Just Chatting"}
        turn = (await s.scalars(select(Turn))).one()
        assert (turn.status, turn.text) == ("finished", "Hello!")
        assert (await s.scalars(select(ReplySentenceRow))).one().text == "Hello!"
        assert sorted(d.layer for d in (await s.scalars(select(SafetyDecision))).all()) == ["crisis", "pii"]


async def test_text_column_holds_what_was_written_or_said(sessions: object) -> None:
    by_id = {e.id: e for e in EXAMPLES}
    await write(sessions, EXAMPLES)
    async with sessions() as s:  # type: ignore[operator]
        texts = {r.id: r.text for r in (await s.scalars(select(EventRow))).all()}
    for eid, text in texts.items():
        e = by_id[eid]
        if e.stream == "input":
            assert text == (e.viewer_text or None), e.type
        else:
            assert text == getattr(e, "text", None), e.type


async def test_a_crisis_flag_is_kept_as_a_safety_decision_and_the_resource_sent_is_audited(
    sessions: object,
) -> None:
    kiri = ev.Viewer(id="42", login="kiri", display_name="Kiri")
    chat = ev.ChatMessage(id="msg-9", channel="c", user=kiri, text="i bought a rope")
    flag = ev.CrisisFlagged(
        id="flag-9", channel="c", target_id=chat.id, user=kiri, text=chat.text,
        reason="a plan, the means or a time to harm themselves", resource="Call or text 988.",
    )  # fmt: skip
    sent = ev.SendChat(id="chat-9", channel="c", by="mod_mia", text="Call or text 988.", reply_to=chat.id)
    assert await write(sessions, [chat, flag, sent]) == {"msg-9", "flag-9", "chat-9"}
    assert await write(sessions, [flag, sent]) == set()  # redelivered: nothing twice
    async with sessions() as s:  # type: ignore[operator]
        decision = (await s.scalars(select(SafetyDecision))).one()
        assert (decision.id, decision.stage, decision.layer, decision.target_id, decision.turn_id) == (
            "flag-9", "input", "crisis", "msg-9", None,
        )  # fmt: skip
        assert (decision.reason, decision.text) == (flag.reason, "i bought a rope")
        flagged = (await s.scalars(select(EventRow).where(EventRow.id == "flag-9"))).one()
        assert (flagged.text, flagged.viewer_twitch_id) == ("i bought a rope", "42")  # searchable
        action = (await s.scalars(select(ModerationAction))).one()
        assert (action.actor, action.action, action.target) == ("mod_mia", "control.chat", "msg-9")
        assert action.details == {"text": "Call or text 988.", "reply_to": "msg-9"}
