"""EventSub in: every event kind, de-duplication, filtering, reconnects, revocation and malformed
payloads, through twitchio against the Twitch stand-in."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence

import pytest

from engines import events as ev
from integrations.twitch.normalize import SUBSCRIPTION_TYPES
from integrations.twitch.scopes import scopes_for
from tests.integrations.twitch.conftest import Rig, make_rig, stored, until
from tests.support.fake_twitch import (
    FakeTwitch,
    channel_update_event,
    chat_message_event,
    cheer_event,
    follow_event,
    raid_event,
    redemption_event,
    stream_offline_event,
    stream_online_event,
    subscribe_event,
    subscription_gift_event,
    subscription_message_event,
)


def chats(rig: Rig) -> list[str]:
    return [e.text for e in rig.of(ev.ChatMessage)]


async def test_connect_subscribes_to_every_type_on_each_accounts_token(rig: Rig) -> None:
    subs = rig.fake.subscribed()
    assert sorted(s.type for s in subs) == sorted(SUBSCRIPTION_TYPES)
    by_type = {s.type: s for s in subs}
    assert by_type["channel.chat.message"].user_id == rig.bot.id  # chat is read with the bot's token
    assert by_type["channel.chat.message"].condition == {"broadcaster_user_id": "2000", "user_id": "1000"}
    assert by_type["channel.follow"].version == "2"
    assert {s.user_id for t, s in by_type.items() if t != "channel.chat.message"} == {rig.broadcaster.id}
    ok = rig.statuses()[0]
    assert (ok.component, ok.state) == ("twitch", "ok")
    assert "connected as hiyoribot to #streamer (11 subscriptions)" in ok.detail


async def test_every_event_kind_is_normalised_and_published(rig: Rig) -> None:
    fake, b, kiri = rig.fake, rig.broadcaster, rig.viewer
    raider = fake.users["5000"]
    chat_id = "3fb6d62d-c9ae-44fd-a760-59dca732d28e"
    sent = {
        "chat": await fake.notify(
            "channel.chat.message",
            chat_message_event(b, kiri, "Hiyori, hi!", message_id=chat_id, badges=[{"set_id": "subscriber"}],
                               bits=100, message_type="user_intro"),
        ),
        "follow": await fake.notify("channel.follow", follow_event(b, kiri)),
        "sub": await fake.notify("channel.subscribe", subscribe_event(b, kiri, tier="2000")),
        "resub": await fake.notify(
            "channel.subscription.message", subscription_message_event(b, kiri, "Love it", cumulative_months=15)
        ),
        "gift": await fake.notify("channel.subscription.gift", subscription_gift_event(b, None, total=5)),
        "cheer": await fake.notify("channel.cheer", cheer_event(b, None, bits=300, message="pog")),
        "raid": await fake.notify("channel.raid", raid_event(raider, b, viewers=42)),
        "redeem": await fake.notify(
            "channel.channel_points_custom_reward_redemption.add",
            redemption_event(b, kiri, title="Ask Hiyori", cost=500, user_input="favourite food?"),
        ),
        "online": await fake.notify("stream.online", stream_online_event(b)),
        "update": await fake.notify(
            "channel.update", channel_update_event(b, title="Cozy farming", category_name="Stardew Valley")
        ),
        "offline": await fake.notify("stream.offline", stream_offline_event(b)),
    }  # fmt: skip
    await until(lambda: len(rig.events) >= 12)
    got = {e.id: e for e in rig.events}

    chat = got[chat_id]  # a chat message keeps Twitch's chat message id (replies thread on it)
    assert isinstance(chat, ev.ChatMessage)
    assert chat.channel == "streamer" and chat.text == "Hiyori, hi!"
    assert chat.user == ev.Viewer(id="3000", login="kiri", display_name="Kiri")
    assert chat.roles == frozenset({ev.Role.SUBSCRIBER}) and chat.bits == 100 and chat.first_message
    assert chat.color == "#B22222"
    follow = got[sent["follow"]]  # every other event takes the EventSub message id
    assert isinstance(follow, ev.Follow) and follow.user.login == "kiri"
    sub = got[sent["sub"]]
    assert isinstance(sub, ev.Subscription) and sub.tier == "2000" and not sub.is_gift
    resub = got[sent["resub"]]
    assert isinstance(resub, ev.ResubMessage) and resub.cumulative_months == 15 and resub.text == "Love it"
    gift = got[sent["gift"]]
    assert isinstance(gift, ev.GiftSubs) and gift.user is None and gift.total == 5
    cheer = got[sent["cheer"]]
    assert isinstance(cheer, ev.Cheer) and cheer.user is None and cheer.bits == 300 and cheer.text == "pog"
    raid = got[sent["raid"]]
    assert isinstance(raid, ev.Raid) and raid.from_user.login == "otherstreamer" and raid.viewers == 42
    redeem = got[sent["redeem"]]
    assert isinstance(redeem, ev.Redemption)
    assert (redeem.reward_title, redeem.cost, redeem.user_input) == ("Ask Hiyori", 500, "favourite food?")
    assert got[sent["online"]] == ev.StreamState(
        id=sent["online"], channel="streamer", ts=got[sent["online"]].ts, online=True
    )
    update = got[sent["update"]]
    assert isinstance(update, ev.StreamState) and (update.title, update.category) == (
        "Cozy farming",
        "Stardew Valley",
    )
    offline = got[sent["offline"]]  # Twitch's stream.offline has no "id": twitchio alone would drop it
    assert isinstance(offline, ev.StreamState) and offline.online is False
    assert rig.link.stats.malformed == 0


async def test_a_redelivered_notification_is_published_once(rig: Rig) -> None:
    event = chat_message_event(rig.broadcaster, rig.viewer, "same message")
    await rig.fake.notify("channel.chat.message", event, message_id="dup-1")
    await rig.fake.notify("channel.chat.message", event, message_id="dup-1")
    await rig.fake.notify("channel.follow", follow_event(rig.broadcaster, rig.viewer), message_id="dup-2")
    await rig.fake.notify("channel.follow", follow_event(rig.broadcaster, rig.viewer), message_id="dup-2")
    await rig.fake.notify("channel.chat.message", chat_message_event(rig.broadcaster, rig.viewer, "after"))
    await until(lambda: "after" in chats(rig))
    assert chats(rig) == ["same message", "after"]
    assert len(rig.of(ev.Follow)) == 1
    assert rig.link.stats.duplicates == 2


async def test_own_messages_and_other_bots_are_ignored(rig: Rig) -> None:
    fake, b = rig.fake, rig.broadcaster
    await rig.link.send_chat("I am the bot")  # Twitch echoes the bot's own message back over EventSub
    await fake.notify("channel.chat.message", chat_message_event(b, rig.bot, "also the bot"))
    await fake.notify("channel.chat.message", chat_message_event(b, fake.users["4000"], "!commands"))
    await fake.notify("channel.chat.message", chat_message_event(b, rig.viewer, "a real viewer"))
    await until(lambda: "a real viewer" in chats(rig) and rig.link.stats.ignored == 3)
    assert chats(rig) == ["a real viewer"]


async def test_shared_chat_from_another_channel_is_published_marked_with_that_channel(rig: Rig) -> None:
    fake, b = rig.fake, rig.broadcaster
    other = fake.users["5000"]
    await fake.notify(
        "channel.chat.message",
        chat_message_event(b, rig.viewer, "from the other chat", source_broadcaster=other),
    )
    await fake.notify(  # in a shared chat session our own chat's messages name our channel as the source
        "channel.chat.message", chat_message_event(b, rig.viewer, "from our chat", source_broadcaster=b)
    )
    await until(lambda: "from our chat" in chats(rig))
    assert [(m.text, m.source_channel) for m in rig.of(ev.ChatMessage)] == [
        ("from the other chat", "otherstreamer"),
        ("from our chat", None),
    ]
    assert rig.link.stats.ignored == 0


async def test_one_account_as_bot_and_broadcaster_ignores_its_echo_even_before_the_send_is_answered(
    fake: FakeTwitch,
) -> None:
    fake.chat_answer_delay_s = 0.2  # Twitch's echo of the bot's message comes before the send's answer
    rig = await make_rig(fake, same_account=True).start()
    try:
        await rig.link.send_chat("Hello,   chat!")
        await fake.notify(
            "channel.chat.message", chat_message_event(rig.broadcaster, rig.broadcaster, "typed by me")
        )
        await fake.notify("channel.chat.message", chat_message_event(rig.broadcaster, rig.viewer, "a viewer"))
        await until(lambda: "a viewer" in chats(rig))
        assert chats(rig) == ["typed by me", "a viewer"]  # the streamer's own words still count
        assert rig.link.stats.ignored == 1
    finally:
        await rig.stop()


async def test_session_reconnect_moves_to_the_new_url_without_losing_events(rig: Rig) -> None:
    fake, b = rig.fake, rig.broadcaster
    old = rig.session_of("channel.chat.message")
    posts_before = sum(1 for r in fake.requests if r.path == "eventsub/subscriptions")
    sent_before = fake.sessions[old].notifications
    await fake.reconnect(old)
    for i in range(5):  # Twitch keeps using the old socket until the new one is welcomed
        await fake.notify("channel.chat.message", chat_message_event(b, rig.viewer, f"during {i}"))
    await fake.wait_for(lambda: rig.session_of("channel.chat.message") != old)
    delivered_on_old = fake.sessions[old].notifications - sent_before
    for i in range(5):
        await fake.notify("channel.chat.message", chat_message_event(b, rig.viewer, f"after {i}"))
    await until(lambda: len(chats(rig)) >= 10)
    assert chats(rig) == [f"during {i}" for i in range(5)] + [f"after {i}" for i in range(5)]
    assert delivered_on_old >= 1, "the test must deliver on the old socket after the reconnect message"
    await fake.wait_for(lambda: fake.sessions[old].closed)  # the bot closed the old socket itself
    assert sum(1 for r in fake.requests if r.path == "eventsub/subscriptions") == posts_before  # carried over
    await until(lambda: "reconnected" in rig.link.detail)
    assert rig.link.state == "ok" and rig.link.stats.reconnects == 1


async def test_a_dropped_socket_reconnects_and_subscribes_again(rig: Rig) -> None:
    fake, b = rig.fake, rig.broadcaster
    old = rig.session_of("channel.follow")
    await fake.drop(old)  # close code 4006: Twitch discards the session's subscriptions
    await fake.wait_for(  # all ten broadcaster subscriptions again, on the new socket
        lambda: len(fake.subscribed()) == 11 and rig.session_of("channel.follow") != old
    )
    assert {s.session_id for s in fake.subscribed() if s.type != "channel.chat.message"} == {
        rig.session_of("channel.follow")
    }
    await fake.notify("channel.follow", follow_event(b, rig.viewer))
    await fake.notify("channel.chat.message", chat_message_event(b, rig.viewer, "still here"))
    await until(lambda: rig.of(ev.Follow) and "still here" in chats(rig))
    await until(lambda: "reconnected" in rig.link.detail)
    assert rig.link.state == "ok" and rig.link.stats.reconnects == 1


async def test_subscriptions_a_reconnect_cannot_renew_show_as_degraded(rig: Rig) -> None:
    fake = rig.fake
    fake.refuse_subscriptions["channel.cheer"] = (403, "subscription missing proper authorization")
    await fake.drop(rig.session_of("channel.follow"))  # twitchio reconnects and subscribes again
    await until(lambda: "reconnected" in rig.link.detail)
    assert rig.link.state == "degraded" and rig.link.detail.endswith("but not to channel.cheer (see the log)")
    assert len(fake.subscribed()) == 10


async def test_the_old_socket_closing_during_a_reconnect_starts_no_second_reconnect(rig: Rig) -> None:
    fake = rig.fake
    fake.reconnect_welcome_delay_s = 0.3
    old = rig.session_of("channel.chat.message")
    posts = sum(1 for r in fake.requests if r.path == "eventsub/subscriptions")
    sockets = len(fake.sessions)
    await fake.reconnect(old)
    await fake.wait_for(lambda: len(fake.sessions) == sockets + 1)  # the bot opened the reconnect URL
    fake.sessions[old].retired = True  # Twitch closes the old socket; the subscriptions await the new one
    await fake.drop(old, code=4004)
    await fake.wait_for(lambda: rig.session_of("channel.chat.message") != old)
    await fake.notify("channel.chat.message", chat_message_event(rig.broadcaster, rig.viewer, "moved"))
    await until(lambda: "moved" in chats(rig))
    await until(lambda: "reconnected" in rig.link.detail)
    assert len(fake.sessions) == sockets + 1 and len(fake.live_sessions()) == 2  # no extra socket
    assert sum(1 for r in fake.requests if r.path == "eventsub/subscriptions") == posts


async def test_a_reconnect_still_pending_when_the_session_ends_is_closed(rig: Rig) -> None:
    fake = rig.fake
    fake.reconnect_welcome_delay_s = 0.5
    sockets = len(fake.sessions)
    await fake.reconnect(rig.session_of("channel.chat.message"))
    await fake.wait_for(lambda: len(fake.sessions) == sockets + 1)
    await rig.stop()
    await fake.wait_for(lambda: all(s.closed for s in fake.sessions.values()), timeout=5)


@pytest.mark.slow
async def test_a_keepalive_timeout_reconnects_and_subscribes_again(rig: Rig) -> None:
    fake, b = rig.fake, rig.broadcaster
    old = rig.session_of("channel.chat.message")
    fake.pause_keepalives(old)  # silent socket: twitchio gives up after keepalive + 5 s (10 + 5)
    await fake.wait_for(
        lambda: fake.subscribed("channel.chat.message") and rig.session_of("channel.chat.message") != old,
        timeout=40,
    )
    await fake.notify("channel.chat.message", chat_message_event(b, rig.viewer, "back"))
    await until(lambda: "back" in chats(rig))
    assert rig.link.stats.reconnects == 1


async def test_a_revocation_is_logged_shown_and_healed_by_subscribing_again(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    fake, b = rig.fake, rig.broadcaster
    follow = fake.subscribed("channel.follow")[0]
    with caplog.at_level(logging.ERROR, logger="integrations.twitch"):
        await fake.revoke(follow.id, "authorization_revoked")
        await until(lambda: rig.statuses()[-1].state == "revoked")
    status = rig.statuses()[-1]
    assert "channel.follow revoked (authorization_revoked)" in status.detail
    assert "vtuber twitch login" in status.detail
    assert any("revoked the channel.follow subscription" in r.getMessage() for r in caplog.records)
    # auth_retry_s later the tokens are read again and only channel.follow is subscribed again
    await until(lambda: rig.statuses()[-1].state == "ok")
    assert rig.statuses()[-1].detail == "subscribed again to channel.follow"
    assert len(fake.subscribed()) == 11 and fake.subscribed("channel.follow")[0].id != follow.id
    assert [s.state for s in rig.statuses()] == ["ok", "revoked", "ok"]  # never "degraded" over "revoked"
    assert rig.link.stats.sessions == 1
    await fake.notify("channel.follow", follow_event(b, rig.viewer))
    await until(lambda: rig.of(ev.Follow))


async def test_steady_chat_through_a_revocation_loses_nothing(rig: Rig) -> None:
    fake, b = rig.fake, rig.broadcaster
    chat_sub, cheer = fake.subscribed("channel.chat.message")[0], fake.subscribed("channel.cheer")[0]
    sent: list[str] = []

    async def say() -> None:  # a viewer at 50 messages a second; Twitch delivers to whoever is subscribed
        text = f"msg {len(sent)}"
        sent.append(text)
        await fake.deliver("channel.chat.message", chat_message_event(b, rig.viewer, text))
        await asyncio.sleep(0.02)

    for _ in range(5):
        await say()
    await fake.revoke(cheer.id, "authorization_revoked")
    async with asyncio.timeout(15):  # chat goes on until the cheer subscription is back, and after
        while not (fake.subscribed("channel.cheer") and rig.link.state == "ok"):
            await say()
    for _ in range(5):
        await say()
    await until(lambda: sent[-1] in chats(rig))  # in order: all before it have arrived, or never will
    assert chats(rig) == sent
    assert fake.subscribed("channel.chat.message")[0].id == chat_sub.id  # chat was never unsubscribed
    assert rig.link.stats.sessions == 1 and len(fake.subscribed()) == 11
    await fake.notify("channel.cheer", cheer_event(b, rig.viewer, bits=100, message="Cheer100 back!"))
    await until(lambda: rig.of(ev.Cheer))


async def test_a_revoked_authorisation_heals_after_a_new_login_while_chat_flows(fake: FakeTwitch) -> None:
    rig = await make_rig(fake).start()
    try:
        b = rig.broadcaster
        chat_sub = fake.subscribed("channel.chat.message")[0]
        fake.revoke_user(b.id)  # the broadcaster disconnected the app: Twitch revokes all their subscriptions
        for sub in [s for s in fake.subscribed() if s.user_id == b.id]:
            await fake.revoke(sub.id, "authorization_revoked")
        await until(lambda: rig.link.state == "revoked")
        # auth_retry_s later the stored token is read again, still the revoked one: it stays revoked
        await until(lambda: sum(r.path == "eventsub/subscriptions" for r in fake.requests) > 11)
        assert rig.link.state == "revoked" and len(fake.subscribed()) == 1
        await fake.notify("channel.chat.message", chat_message_event(b, rig.viewer, "chat still flows"))
        await until(lambda: "chat still flows" in chats(rig))
        await rig.stores.broadcaster.save(stored(fake, b, scopes_for("broadcaster", same_account=False)))
        await until(lambda: rig.link.state == "ok", timeout=15)  # `vtuber twitch login` heals it
        assert len(fake.subscribed()) == 11
        assert fake.subscribed("channel.chat.message")[0].id == chat_sub.id
        assert rig.link.stats.sessions == 1
        await fake.notify("channel.follow", follow_event(b, rig.viewer))
        await until(lambda: rig.of(ev.Follow))
    finally:
        await rig.stop()


async def test_a_reconnect_does_not_hide_a_revocation(rig: Rig) -> None:
    fake = rig.fake
    rig.link.auth_retry_s = 30.0  # the session is not renewed during this test
    await fake.revoke(fake.subscribed("channel.follow")[0].id, "authorization_revoked")
    await until(lambda: rig.link.state == "revoked")
    chat = rig.session_of("channel.chat.message")
    await fake.drop(chat)
    await until(lambda: rig.link.stats.reconnects == 1 and rig.link._reconnected is None)  # reported
    assert fake.subscribed("channel.chat.message") and rig.session_of("channel.chat.message") != chat
    assert [s.state for s in rig.statuses()] == ["ok", "revoked"]


async def test_malformed_payloads_are_dropped_reported_and_the_stream_goes_on(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    fake, b = rig.fake, rig.broadcaster
    lacking = chat_message_event(b, rig.viewer, "lacks a key")
    del lacking["channel_points_animation_id"]
    bad_text = chat_message_event(b, rig.viewer, "nul \x00 inside")
    with caplog.at_level(logging.ERROR):
        await fake.notify("channel.chat.message", lacking)
        await fake.send_raw(rig.session_of("channel.chat.message"), "{not json")
        await fake.notify("channel.chat.message", bad_text)
        await fake.notify("channel.chat.message", chat_message_event(b, rig.viewer, "fine"))
        await until(lambda: "fine" in chats(rig))
    assert chats(rig) == ["fine"]
    assert rig.link.stats.malformed == 3
    metrics = [e for e in rig.of(ev.Metric) if e.name == "twitch_malformed_notifications"]
    assert sorted(m.labels["subscription_type"] for m in metrics) == ["?"] + ["channel.chat.message"] * 2
    logged = [r.getMessage() for r in caplog.records]
    assert sum("channel_points_animation_id" in m for m in logged) == 1  # one line per dropped message
    assert sum("not JSON" in m for m in logged) == 1
    assert sum("not a valid event" in m for m in logged) == 1


async def test_an_envelope_without_metadata_is_dropped_and_the_socket_keeps_reading(rig: Rig) -> None:
    fake, b = rig.fake, rig.broadcaster
    await fake.send_raw(rig.session_of("channel.chat.message"), json.dumps({"payload": {}}))
    await fake.notify("channel.chat.message", chat_message_event(b, rig.viewer, "right after"))
    await until(lambda: "right after" in chats(rig), timeout=5)  # no keepalive timeout (15 s) needed
    assert rig.link.stats.malformed == 1 and rig.link.stats.sessions == 1 and rig.link.stats.reconnects == 0


async def test_a_bad_message_timestamp_is_counted_as_malformed(rig: Rig) -> None:
    fake, b = rig.fake, rig.broadcaster
    await fake.notify(
        "channel.chat.message", chat_message_event(b, rig.viewer, "when?"), timestamp="yesterday"
    )
    await fake.notify("channel.chat.message", chat_message_event(b, rig.viewer, "fine"))
    await until(lambda: "fine" in chats(rig))
    assert chats(rig) == ["fine"] and rig.link.stats.malformed == 1
    metrics = [e for e in rig.of(ev.Metric) if e.name == "twitch_malformed_notifications"]
    assert [m.labels["subscription_type"] for m in metrics] == ["channel.chat.message"]


async def test_a_burst_of_1000_chat_messages_is_published_whole_and_in_order(rig: Rig) -> None:
    fake, b = rig.fake, rig.broadcaster
    for i in range(1000):
        await fake.notify("channel.chat.message", chat_message_event(b, rig.viewer, f"msg {i}"))
    await until(lambda: len(chats(rig)) >= 1000, timeout=30)
    assert chats(rig) == [f"msg {i}" for i in range(1000)]


async def test_events_wait_while_the_bus_is_down(fake: FakeTwitch) -> None:
    rig = make_rig(fake)
    attempts = 0
    original = rig.link.publish

    async def flaky(events: Sequence[ev.EventBase]) -> object:
        nonlocal attempts
        attempts += 1
        if attempts <= 3:
            raise ConnectionError("bus down")
        return await original(events)

    rig.link.publish = flaky
    await rig.start()
    try:
        await fake.notify("channel.chat.message", chat_message_event(rig.broadcaster, rig.viewer, "kept"))
        await until(lambda: "kept" in chats(rig))
        assert attempts >= 4
    finally:
        await rig.stop()


async def test_while_the_bus_is_down_the_queue_is_bounded_and_drops_the_oldest(
    fake: FakeTwitch, caplog: pytest.LogCaptureFixture
) -> None:
    rig = make_rig(fake, queue_limit=5)
    bus_up = False
    original = rig.link.publish

    async def down_until_told(events: Sequence[ev.EventBase]) -> object:
        if not bus_up:
            raise ConnectionError("bus down")
        return await original(events)

    rig.link.publish = down_until_told
    await rig.start()  # the "ok" status waits in the publisher's hands; the queue is empty
    try:
        with caplog.at_level(logging.ERROR, logger="integrations.twitch"):
            for i in range(8):
                await fake.notify(
                    "channel.chat.message", chat_message_event(rig.broadcaster, rig.viewer, f"m{i}")
                )
            await until(lambda: rig.link.stats.dropped == 3)
            bus_up = True
            await until(lambda: "m7" in chats(rig))
        assert chats(rig) == [f"m{i}" for i in range(3, 8)]  # the newest five
        dropped = [e for e in rig.of(ev.Metric) if e.name == "twitch_dropped_events"]
        assert [m.value for m in dropped] == [3.0]
        assert any("dropping the oldest" in r.getMessage() for r in caplog.records)
    finally:
        await rig.stop()
