"""Out: chat replies and moderation as Helix calls, with Twitch's failures, 429s and 5xx."""

from __future__ import annotations

import logging
import time

import pytest

from engines import events as ev
from integrations.twitch import TwitchAuthError, TwitchRateLimited, TwitchRejected, TwitchUnavailable
from tests.integrations.twitch.conftest import Rig, make_rig, until
from tests.support.fake_twitch import FakeTwitch, chat_message_event


async def delivered_chat(rig: Rig, text: str = "Hiyori, what is your favourite food?") -> str:
    message_id = f"msg-{len(rig.fake.delivered_chat_ids)}"
    await rig.fake.notify(
        "channel.chat.message", chat_message_event(rig.broadcaster, rig.viewer, text, message_id=message_id)
    )
    await until(lambda: any(e.id == message_id for e in rig.events))
    return message_id


async def test_a_reply_is_sent_as_the_bot_in_the_triggering_thread(rig: Rig) -> None:
    parent = await delivered_chat(rig)
    ids = await rig.link.reply("Carrots, of course!", parent_id=parent)
    assert ids is not None and len(ids) == 1
    sent = rig.fake.chat[0]
    assert sent["sender_id"] == "1000" and sent["broadcaster_id"] == "2000"
    assert sent["message"] == "Carrots, of course!" and sent["reply_parent_message_id"] == parent
    request = next(r for r in rig.fake.requests if r.path == "chat/messages")
    assert request.user_id == "1000"  # the bot's own user token, not the app token


async def test_no_reply_when_the_persona_has_chat_replies_off(fake: FakeTwitch) -> None:
    rig = await make_rig(fake, chat_replies=lambda: False).start()
    try:
        assert await rig.link.reply("Hello!", parent_id=None) is None
        assert not fake.chat
    finally:
        await rig.stop()


async def test_a_long_reply_is_split_within_twitchs_limit(rig: Rig) -> None:
    parent = await delivered_chat(rig)
    text = " ".join(f"This is sentence number {i} of a rather long answer." for i in range(30))
    ids = await rig.link.send_chat(text, parent_id=parent)
    assert ids is not None and len(ids) == 2
    assert [len(m["message"]) <= 500 for m in rig.fake.chat] == [True, True]
    assert rig.fake.chat[1]["message"].endswith("…")
    assert {m["reply_parent_message_id"] for m in rig.fake.chat} == {parent}


async def test_429_backs_off_and_5xx_retries_then_the_call_goes_through(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    rig.fake.fail_next("POST", "chat/messages", 429, count=2, headers={"Ratelimit-Remaining": "0"})
    rig.fake.fail_next("POST", "moderation/bans", 502, "upstream hiccup")
    with caplog.at_level(logging.WARNING, logger="integrations.twitch"):
        await rig.link.send_chat("third time lucky")
        await rig.link.moderate(ev.TwitchModeration(channel="streamer", action="timeout", user_id="3000"))
    assert [m["message"] for m in rig.fake.chat] == ["third time lucky"]
    assert sum(1 for r in rig.fake.requests if r.path == "chat/messages") == 3
    assert [b["user_id"] for b in rig.fake.bans] == ["3000"]
    assert sum(1 for r in rig.fake.requests if r.path == "moderation/bans") == 2
    assert rig.link.stats.retries == 3
    logged = [r.getMessage() for r in caplog.records]
    assert sum("429 (Too Many Requests)" in m and "retry" in m for m in logged) == 2
    assert any("502 (upstream hiccup)" in m and "retry" in m for m in logged)


async def test_a_429_waits_for_ratelimit_reset_then_the_reply_is_sent(rig: Rig) -> None:
    fake = rig.fake
    reset = fake.rate_limit(reset_in_s=3.0)  # every request is refused until the bucket resets
    ids = await rig.link.send_chat("worth the wait")
    assert time.time() >= reset
    assert len(ids) == 1 and [m["message"] for m in fake.chat] == ["worth the wait"]
    assert fake.rate_limited == 1 and rig.link.stats.retries == 1  # no retry before the reset


async def test_a_503_on_a_chat_send_is_not_sent_again_as_twitch_may_have_posted_it(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    rig.fake.fail_next("POST", "chat/messages", 503, "Service Unavailable", after_posting=True)
    with caplog.at_level(logging.WARNING, logger="integrations.twitch"), pytest.raises(TwitchUnavailable):
        await rig.link.send_chat("only once")
    assert [m["message"] for m in rig.fake.chat] == ["only once"]
    assert sum(1 for r in rig.fake.requests if r.path == "chat/messages") == 1
    logged = [r.getMessage() for r in caplog.records]
    assert "twitch: could not send a chat message: Twitch answered 503 (Service Unavailable)" in logged[-1]
    assert not any("twitch: twitch:" in m for m in logged)


async def test_a_chat_message_is_not_sent_again_after_a_5xx(rig: Rig) -> None:
    rig.fake.fail_next("POST", "chat/messages", 502, "upstream hiccup")  # Twitch may have posted it
    with pytest.raises(TwitchUnavailable, match="502"):
        await rig.link.send_chat("only once")
    assert sum(1 for r in rig.fake.requests if r.path == "chat/messages") == 1
    assert rig.link.stats.retries == 0 and rig.link.stats.chat_failed == 1


async def test_a_reply_to_a_deleted_message_is_sent_without_the_thread(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="integrations.twitch"):
        ids = await rig.link.reply("Still answering!", parent_id="deleted-by-a-mod")
    assert ids is not None and len(ids) == 1
    assert [(m["message"], m.get("reply_parent_message_id")) for m in rig.fake.chat] == [
        ("Still answering!", None)
    ]
    assert any("cannot reply in the thread of deleted-by-a-mod" in r.getMessage() for r in caplog.records)


async def test_failed_sends_raise_and_are_logged_with_twitchs_reason(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    fake = rig.fake
    fake.fail_next("POST", "chat/messages", 429, count=4)
    fake.drop_next_chat(
        "msg_duplicate", "Your message is identical to the one you sent within the last 30 seconds."
    )
    fake.fail_next("POST", "chat/messages", 500, "Internal Server Error")
    with caplog.at_level(logging.WARNING, logger="integrations.twitch"):
        with pytest.raises(TwitchRateLimited, match="rate limited"):
            await rig.link.send_chat("one")
        with pytest.raises(TwitchRejected, match=r"identical to the one you sent.*msg_duplicate"):
            await rig.link.send_chat("two")
        with pytest.raises(TwitchUnavailable, match="500"):
            await rig.link.send_chat("three")
    assert not fake.chat
    assert rig.link.stats.chat_failed == 3
    final = [r.getMessage() for r in caplog.records if "retry" not in r.getMessage()]
    assert any("msg_duplicate" in m for m in final)
    assert any("answered 429" in m for m in final) and any("answered 500" in m for m in final)


async def test_a_missing_scope_is_not_retried_and_says_what_to_do(fake: FakeTwitch) -> None:
    rig = await make_rig(fake, bot_scopes=["user:read:chat"]).start(connected=False)
    try:
        await until(lambda: rig.link.state == "down")
        assert rig.link.detail.startswith("the bot token (hiyoribot) lacks the scopes user:write:chat")
        assert "vtuber twitch login" in rig.link.detail
        with pytest.raises(TwitchUnavailable, match="not connected"):
            await rig.link.send_chat("hello")
    finally:
        await rig.stop()


async def test_moderation_times_out_bans_unbans_and_deletes_as_the_broadcaster(rig: Rig) -> None:
    fake = rig.fake
    message = await delivered_chat(rig, "something rude")
    done = [
        await rig.link.moderate(
            ev.TwitchModeration(channel="streamer", by="mika", action="timeout", user_id="3000", duration_s=60,
                                reason="rude")
        ),
        await rig.link.moderate(ev.TwitchModeration(channel="streamer", by="mika", action="ban", login="kiri")),
        await rig.link.moderate(ev.TwitchModeration(channel="streamer", by="mika", action="unban", login="kiri")),
        await rig.link.moderate(
            ev.TwitchModeration(channel="streamer", by="mika", action="delete", message_id=message)
        ),
    ]  # fmt: skip
    assert done == [
        "timed out 3000 for 60 s",
        "banned kiri",
        "unbanned kiri",
        f"deleted chat message {message}",
    ]
    assert fake.bans == [
        {"user_id": "3000", "duration": 60, "reason": "rude"},
        {"user_id": "3000", "duration": None, "reason": None},
    ]
    assert fake.unbans == [{"user_id": "3000"}]
    assert fake.deleted == [message]
    bans = [r for r in fake.requests if r.path == "moderation/bans"]
    assert {(r.query["moderator_id"], r.user_id) for r in bans} == {("2000", "2000")}
    assert rig.link.stats.moderation_done == 4


async def test_moderation_failures_carry_twitchs_reason(rig: Rig) -> None:
    with pytest.raises(TwitchRejected, match="may not be banned"):
        await rig.link.moderate(ev.TwitchModeration(channel="streamer", action="ban", user_id="2000"))
    with pytest.raises(TwitchRejected, match="no Twitch user 'ghost'"):
        await rig.link.moderate(ev.TwitchModeration(channel="streamer", action="timeout", login="ghost"))
    with pytest.raises(TwitchRejected, match="needs the message_id"):
        await rig.link.moderate(ev.TwitchModeration(channel="streamer", action="delete"))
    rig.fake.fail_next("DELETE", "moderation/chat", 403, "Missing scope: moderator:manage:chat_messages")
    with pytest.raises(TwitchAuthError, match="moderator:manage:chat_messages"):
        await rig.link.moderate(ev.TwitchModeration(channel="streamer", action="delete", message_id="x"))
    assert rig.fake.deleted == [] and rig.fake.bans == []
    assert rig.link.stats.moderation_failed == 4
