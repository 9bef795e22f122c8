"""Tokens: every refresh is stored at once; a revoked token, a missing scope, a wrong client id or
secret and a wrong account each get a status that says what to do; the bot stays up."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from engines import events as ev
from integrations.twitch import MemoryTokenStore, StoredToken, TwitchAuthError, TwitchTokenStores
from integrations.twitch.scopes import scopes_for
from tests.integrations.twitch.conftest import BOT, Rig, make_rig, stored, until
from tests.support.fake_twitch import FakeTwitch


def token_of(store: object) -> StoredToken:
    assert isinstance(store, MemoryTokenStore) and store.token is not None
    return StoredToken.from_json(store.token, role="bot")


async def test_a_token_near_expiry_is_refreshed_at_start_and_stored(fake: FakeTwitch) -> None:
    rig = make_rig(fake, bot_expires_in=600)  # twitchio refreshes tokens with an hour or less left
    old = token_of(rig.stores.bot)
    await rig.start()
    try:
        await until(lambda: rig.stores.bot.saved)  # type: ignore[attr-defined]
        new = token_of(rig.stores.bot)
        assert new.access_token != old.access_token and new.refresh_token != old.refresh_token
        assert fake.tokens[new.access_token].valid and not fake.tokens[old.access_token].valid
        assert (new.user_id, new.login, new.scopes) == (old.user_id, old.login, old.scopes)
        assert fake.refreshes == 1
    finally:
        await rig.stop()


async def test_a_token_expiring_mid_stream_is_refreshed_used_and_stored(rig: Rig) -> None:
    fake = rig.fake
    old = token_of(rig.stores.bot)
    fake.expire(old.access_token)
    await rig.link.send_chat("still talking")  # 401 -> twitchio refreshes and retries the send
    assert [m["message"] for m in fake.chat] == ["still talking"]
    await until(lambda: rig.stores.bot.saved)  # type: ignore[attr-defined]
    new = token_of(rig.stores.bot)
    assert new.access_token != old.access_token and fake.tokens[new.access_token].valid
    assert rig.link.stats.refreshes == 1
    assert token_of(rig.stores.broadcaster).user_id == "2000"  # the other account's token is untouched


async def test_a_revoked_token_is_reported_with_what_to_do_and_retried(fake: FakeTwitch) -> None:
    rig = make_rig(fake)
    fake.revoke_user("2000")  # the broadcaster disconnected the app in their Twitch settings
    await rig.start(connected=False)
    try:
        await until(lambda: rig.link.state == "revoked")
        detail = rig.link.detail
        assert "broadcaster token (streamer) was revoked or has expired" in detail
        assert "run `vtuber twitch login`" in detail
        assert rig.statuses()[-1].state == "revoked"
        # the person logs in again: the next retry reads the new token and connects
        rig.stores.broadcaster.token = stored(  # type: ignore[attr-defined]
            fake, fake.users["2000"], scopes_for("broadcaster", same_account=False)
        )
        await until(lambda: rig.link.state == "ok")
        assert len(fake.subscribed()) == 11
    finally:
        await rig.stop()


async def test_a_missing_scope_names_the_scope(fake: FakeTwitch) -> None:
    scopes = [s for s in scopes_for("broadcaster", same_account=False) if s != "bits:read"]
    rig = await make_rig(fake, broadcaster_scopes=scopes).start(connected=False)
    try:
        await until(lambda: rig.link.state == "down")
        assert "broadcaster token (streamer) lacks the scopes bits:read" in rig.link.detail
        assert not fake.subscribed()
    finally:
        await rig.stop()


@pytest.mark.parametrize(
    ("setting", "value", "expected"),
    [
        ("client_id", "notmyclient1234", "Twitch does not know this client id"),
        ("client_secret", "wrong-secret", "the client secret is wrong"),
    ],
)
async def test_a_wrong_client_id_or_secret_says_which(
    fake: FakeTwitch, setting: str, value: str, expected: str
) -> None:
    overrides: dict[str, Any] = {setting: value}
    rig = await make_rig(fake, **overrides).start(connected=False)
    try:
        await until(lambda: rig.link.state is not None)
        assert rig.link.state == "down"  # a setting to fix, not a token to renew
        assert expected in rig.link.detail
        assert not fake.subscribed()
    finally:
        await rig.stop()


async def test_a_token_for_another_account_or_none_at_all_is_explained(fake: FakeTwitch) -> None:
    rig = make_rig(fake)
    rig.stores.bot.token = stored(fake, fake.users["3000"], scopes_for("bot", same_account=False))  # type: ignore[attr-defined]
    await rig.start(connected=False)
    try:
        await until(lambda: rig.link.state is not None)
        assert f"the stored bot token is for kiri (3000), but the bot account is {BOT[1]}" in rig.link.detail
    finally:
        await rig.stop()
    rig = make_rig(fake)
    rig.stores.bot.token = None  # type: ignore[attr-defined]
    await rig.start(connected=False)
    try:
        await until(lambda: rig.link.state is not None)
        assert rig.link.detail == "no Twitch token is stored for the bot account; run `vtuber twitch login`"
    finally:
        await rig.stop()


async def test_no_token_or_secret_reaches_a_log_line(
    fake: FakeTwitch, caplog: pytest.LogCaptureFixture
) -> None:
    rig = make_rig(fake, bot_expires_in=600)
    with caplog.at_level(logging.DEBUG):
        await rig.start()
        try:
            fake.expire(token_of(rig.stores.broadcaster).access_token)
            fake.fail_next("POST", "chat/messages", 429)
            await rig.link.send_chat("hi")
            await rig.link.moderate(ev.TwitchModeration(channel="streamer", action="timeout", user_id="3000"))
            fake.revoke_user("1000")
            fake.expire(token_of(rig.stores.bot).access_token)
            with pytest.raises(TwitchAuthError):
                await rig.link.send_chat("after revocation")
        finally:
            await rig.stop()
    assert fake.refreshes == 2
    secrets = (
        {fake.client_secret}
        | {t.access for t in fake.tokens.values()}
        | {t.refresh for t in fake.tokens.values()}
    )
    formatter = logging.Formatter()
    logged = "\n".join(
        r.getMessage() + (formatter.formatException(r.exc_info) if r.exc_info else "") for r in caplog.records
    )
    assert len(caplog.records) > 50
    assert [s for s in secrets if s in logged] == []


async def test_a_refreshed_token_that_cannot_be_stored_is_shown_as_status(rig: Rig) -> None:
    fake = rig.fake
    tries: list[str] = []

    class Unsaveable(MemoryTokenStore):
        async def save(self, token: str) -> None:
            tries.append(token)
            raise ConnectionRefusedError("database down")

    old = token_of(rig.stores.bot)
    rig.link.tokens = TwitchTokenStores(bot=Unsaveable(old.to_json()), broadcaster=rig.stores.broadcaster)
    fake.expire(old.access_token)
    await rig.link.send_chat("still talking")  # twitchio refreshes the bot token; storing it fails
    await until(lambda: rig.link.state == "degraded")
    assert len(tries) == 3
    assert "could not store the refreshed bot token (ConnectionRefusedError)" in rig.link.detail
    assert "vtuber twitch login" in rig.link.detail


async def test_a_subscription_failing_once_is_retried(fake: FakeTwitch) -> None:
    fake.refuse_once["channel.cheer"] = (500, "Internal Server Error")
    rig = await make_rig(fake).start()
    try:
        assert rig.link.state == "ok" and len(fake.subscribed()) == 11
        assert rig.link.stats.retries == 1
    finally:
        await rig.stop()


async def test_a_refused_subscription_shows_as_degraded_and_the_rest_works(fake: FakeTwitch) -> None:
    fake.refuse_subscriptions["channel.cheer"] = (403, "subscription missing proper authorization")
    rig = await make_rig(fake).start()
    try:
        assert rig.link.state == "degraded"
        assert rig.link.detail.endswith(
            "(10 subscriptions), but not channel.cheer (see the log; run `vtuber doctor`)"
        )
        assert "channel.cheer" not in {s.type for s in fake.subscribed()}
    finally:
        await rig.stop()


async def test_an_unreadable_token_store_is_reported_and_retried(fake: FakeTwitch) -> None:
    rig = make_rig(fake)
    good = rig.stores.bot

    class Down:
        async def load(self) -> str | None:
            raise ConnectionRefusedError("database down")

        async def save(self, token: str) -> None:
            raise ConnectionRefusedError("database down")

    rig.link.tokens = TwitchTokenStores(bot=Down(), broadcaster=rig.stores.broadcaster)
    rig.link.auth_retry_s = 0.1
    await rig.start(connected=False)
    try:
        await until(lambda: rig.link.state == "down")
        assert (
            "cannot read the stored Twitch tokens (ConnectionRefusedError); is the database up?"
            in rig.link.detail
        )
        rig.link.tokens = TwitchTokenStores(
            bot=good, broadcaster=rig.stores.broadcaster
        )  # the database is back
        await asyncio.wait_for(rig.link.connected.wait(), 10)
    finally:
        await rig.stop()
