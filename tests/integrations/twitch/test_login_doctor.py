"""The device code login for both accounts, and the doctor's findings, against the stand-in."""

from __future__ import annotations

import re

import pytest

from config.settings import TwitchSettings
from integrations.twitch import MemoryTokenStore, StoredToken, TwitchAuthError, TwitchTokenStores
from integrations.twitch.doctor import run_checks
from integrations.twitch.login import login
from integrations.twitch.scopes import scopes_for
from tests.integrations.twitch.conftest import stored
from tests.support.fake_twitch import FakeTwitch


def stores() -> TwitchTokenStores:
    return TwitchTokenStores(bot=MemoryTokenStore(), broadcaster=MemoryTokenStore())


class Person:
    """Reads what the command prints and authorises the code as the given accounts, in turn."""

    def __init__(self, fake: FakeTwitch, *user_ids: str) -> None:
        self.fake, self.user_ids, self.lines = fake, list(user_ids), list[str]()

    def __call__(self, line: str) -> None:
        self.lines.append(line)
        if found := re.search(r"enter the code ([A-Z0-9]+)", line):
            self.fake.approve(found.group(1), self.user_ids.pop(0))


async def test_login_authorises_bot_and_broadcaster_and_stores_both(fake: FakeTwitch) -> None:
    tokens = stores()
    person = Person(fake, "1000", "2000")
    settings = TwitchSettings(**fake.settings(bot_login="hiyoribot"))
    done = await login(settings, broadcaster_login="streamer", tokens=tokens, say=person)
    assert [t.login for t in done] == ["hiyoribot", "streamer"]
    assert "Log in to Twitch as hiyoribot (bot account)" in person.lines[0]
    assert "https://www.twitch.tv/activate" in person.lines[0]
    bot = StoredToken.from_json(tokens.bot.token or "", role="bot")  # type: ignore[attr-defined]
    caster = StoredToken.from_json(tokens.broadcaster.token or "", role="broadcaster")  # type: ignore[attr-defined]
    assert (bot.user_id, bot.scopes) == ("1000", scopes_for("bot", same_account=False))
    assert (caster.user_id, caster.scopes) == ("2000", scopes_for("broadcaster", same_account=False))
    assert fake.tokens[bot.access_token].valid and fake.tokens[caster.access_token].valid
    device = [r for r in fake.requests if r.path == "oauth2/device"]
    assert "client_secret" not in device[0].body  # the device flow never sends the secret


async def test_one_account_as_bot_and_broadcaster_logs_in_once_with_both_scope_sets(fake: FakeTwitch) -> None:
    tokens = stores()
    await login(
        TwitchSettings(**fake.settings()),
        broadcaster_login="streamer",
        tokens=tokens,
        say=Person(fake, "2000"),
    )
    assert tokens.bot.token == tokens.broadcaster.token  # type: ignore[attr-defined]
    token = StoredToken.from_json(tokens.bot.token or "", role="bot")  # type: ignore[attr-defined]
    assert token.scopes == scopes_for("broadcaster", same_account=True)


async def test_logging_in_as_the_wrong_account_is_refused_with_what_to_do(fake: FakeTwitch) -> None:
    tokens = stores()
    with pytest.raises(TwitchAuthError, match="you authorised as kiri, but the bot account is hiyoribot"):
        await login(
            TwitchSettings(**fake.settings(bot_login="hiyoribot")), broadcaster_login="streamer",
            tokens=tokens, say=Person(fake, "3000"), roles=["bot"],
        )  # fmt: skip
    assert tokens.bot.token is None  # type: ignore[attr-defined]


async def test_doctor_passes_a_ready_setup(fake: FakeTwitch) -> None:
    tokens = TwitchTokenStores(
        bot=MemoryTokenStore(stored(fake, fake.users["1000"], scopes_for("bot", same_account=False))),
        broadcaster=MemoryTokenStore(stored(fake, fake.users["2000"], scopes_for("broadcaster", same_account=False))),
    )  # fmt: skip
    checks = await run_checks(
        TwitchSettings(**fake.settings(bot_login="hiyoribot")), broadcaster_login="streamer", tokens=tokens
    )
    assert [(c.name, c.status) for c in checks] == [
        ("client id and secret", "ok"), ("bot token", "ok"), ("broadcaster token", "ok"), ("accounts", "ok"),
        ("eventsub", "ok"),
    ]  # fmt: skip
    assert "hiyoribot = 1000" in checks[3].detail


async def test_doctor_says_exactly_what_is_wrong(fake: FakeTwitch) -> None:
    expired = fake.issue_token("1000", scopes_for("bot", same_account=False))
    fake.expire(expired.access)
    tokens = TwitchTokenStores(
        bot=MemoryTokenStore(StoredToken("1000", "hiyoribot", expired.access, expired.refresh).to_json()),
        broadcaster=MemoryTokenStore(stored(fake, fake.users["2000"], ["bits:read"])),
    )
    settings = TwitchSettings(**fake.settings(bot_login="hiyoribot", eventsub_ws_url="ws://127.0.0.1:9/ws"))
    checks = {
        c.name: c
        for c in await run_checks(settings, broadcaster_login="streamer", tokens=tokens, ws_timeout_s=2)
    }
    assert (
        checks["bot token"].status == "ok"
        and "expired and was refreshed and stored" in checks["bot token"].detail
    )
    assert tokens.bot.saved  # type: ignore[attr-defined]
    caster = checks["broadcaster token"]
    assert (
        caster.status == "fail" and "channel:read:subscriptions (subs, resubs and gift subs)" in caster.detail
    )
    assert "vtuber twitch login" in caster.fix
    assert checks["eventsub"].status == "fail" and "ws://127.0.0.1:9/ws" in checks["eventsub"].detail

    wrong = await run_checks(
        TwitchSettings(**fake.settings(client_id="someoneelse1234")),
        broadcaster_login="streamer",
        tokens=tokens,
    )
    assert wrong[0].status == "fail" and "Twitch does not know this client id" in wrong[0].detail
    not_set_up = await run_checks(TwitchSettings(), broadcaster_login="streamer", tokens=None)
    assert [c.status for c in not_set_up] == ["warn"] and "enabled = true" in not_set_up[0].fix
    no_secret = await run_checks(
        TwitchSettings(client_id="abc123"), broadcaster_login="streamer", tokens=None
    )
    assert [c.status for c in no_secret] == ["warn", "fail"] and "dev.twitch.tv/console" in no_secret[1].fix


async def test_doctor_checks_both_copies_when_one_account_plays_both_parts(fake: FakeTwitch) -> None:
    caster = fake.users["2000"]
    tokens = TwitchTokenStores(  # the bot's copy (the one the bot uses) lacks the broadcaster's scopes
        bot=MemoryTokenStore(stored(fake, caster, scopes_for("bot", same_account=False))),
        broadcaster=MemoryTokenStore(stored(fake, caster, scopes_for("broadcaster", same_account=True))),
    )
    checks = await run_checks(TwitchSettings(**fake.settings()), broadcaster_login="streamer", tokens=tokens)
    assert [(c.name, c.status) for c in checks] == [
        ("client id and secret", "ok"), ("bot token", "fail"), ("broadcaster token", "ok"), ("accounts", "ok"),
        ("eventsub", "ok"),
    ]  # fmt: skip
    assert "bits:read" in checks[1].detail and "vtuber twitch login" in checks[1].fix
    same = stored(fake, caster, scopes_for("broadcaster", same_account=True))  # as a login leaves them
    both = TwitchTokenStores(bot=MemoryTokenStore(same), broadcaster=MemoryTokenStore(same))
    checks = await run_checks(TwitchSettings(**fake.settings()), broadcaster_login="streamer", tokens=both)
    assert [(c.name, c.status) for c in checks][1] == ("bot and broadcaster token", "ok")


async def test_doctor_tells_a_wrong_key_a_failed_refresh_and_a_failed_save_apart(fake: FakeTwitch) -> None:
    settings = TwitchSettings(**fake.settings(bot_login="hiyoribot"))
    caster = MemoryTokenStore(stored(fake, fake.users["2000"], scopes_for("broadcaster", same_account=False)))

    class OtherKey(MemoryTokenStore):
        async def load(self) -> str | None:
            raise ValueError("the stored secret 'twitch.bot' was encrypted with another key")

    checks = {c.name: c for c in await run_checks(settings, broadcaster_login="streamer",
                                                   tokens=TwitchTokenStores(bot=OtherKey(), broadcaster=caster))}  # fmt: skip
    assert checks["bot token"].status == "fail" and "encrypted with another key" in checks["bot token"].detail
    assert "VTUBER_SECRET_KEY it was stored with" in checks["bot token"].fix
    assert "db upgrade" not in checks["bot token"].fix

    expired = fake.issue_token("1000", scopes_for("bot", same_account=False))
    fake.expire(expired.access)
    text = StoredToken("1000", "hiyoribot", expired.access, expired.refresh).to_json()

    class TokenEndpointFails(MemoryTokenStore):
        async def load(self) -> str | None:  # read after the app token: the refresh is the next token call
            fake.fail_next("POST", "oauth2/token", 500, "Internal Server Error")
            return self.token

    checks = {c.name: c for c in await run_checks(settings, broadcaster_login="streamer",
                                                   tokens=TwitchTokenStores(bot=TokenEndpointFails(text), broadcaster=caster))}  # fmt: skip
    bot = checks["bot token"]
    assert bot.status == "fail" and "Twitch answered 500 (Internal Server Error)" in bot.detail
    assert "revoked" not in bot.detail

    class Unsaveable(MemoryTokenStore):
        async def save(self, token: str) -> None:
            raise ConnectionRefusedError("database down")

    checks = {c.name: c for c in await run_checks(settings, broadcaster_login="streamer",
                                                   tokens=TwitchTokenStores(bot=Unsaveable(text), broadcaster=caster))}  # fmt: skip
    bot = checks["bot token"]
    assert (
        bot.status == "fail"
        and "was refreshed, but could not be stored (ConnectionRefusedError)" in bot.detail
    )
    assert "revoked" not in bot.detail
