"""The Twitch stand-in with a channel, a bot account and viewers, and a connected adapter."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest

from config.settings import TwitchSettings
from engines import events as ev
from integrations.twitch import MemoryTokenStore, StoredToken, TwitchConnection, TwitchTokenStores
from integrations.twitch.scopes import scopes_for
from tests.support.fake_twitch import FakeTwitch, FakeUser

BROADCASTER = ("2000", "streamer")
BOT = ("1000", "hiyoribot")


def stored(fake: FakeTwitch, user: FakeUser, scopes: Sequence[str], *, expires_in: int = 14_400) -> str:
    """A token issued by the stand-in, as the token store keeps it."""
    token = fake.issue_token(user.id, scopes, expires_in=expires_in)
    return StoredToken(user.id, user.login, token.access, token.refresh, tuple(scopes)).to_json()


async def until(condition: Callable[[], object], timeout: float = 10.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


@dataclass
class Rig:
    fake: FakeTwitch
    link: TwitchConnection
    stores: TwitchTokenStores
    events: list[ev.EventBase] = field(default_factory=list)
    task: asyncio.Task[None] | None = None

    @property
    def broadcaster(self) -> FakeUser:
        return self.fake.users[BROADCASTER[0]]

    @property
    def bot(self) -> FakeUser:
        return self.fake.users[BOT[0]]

    @property
    def viewer(self) -> FakeUser:
        return self.fake.users["3000"]

    def of(self, kind: type[ev.EventBase]) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]

    def statuses(self) -> list[ev.ComponentStatus]:
        return [e for e in self.events if isinstance(e, ev.ComponentStatus)]

    def session_of(self, sub_type: str) -> str:
        return self.fake.subscribed(sub_type)[0].session_id

    async def start(self, *, connected: bool = True) -> Rig:
        self.task = asyncio.create_task(self.link.run())
        if connected:
            await asyncio.wait_for(self.link.connected.wait(), 10)
        return self

    async def stop(self) -> None:
        self.link.stop()
        if self.task is not None:
            await asyncio.wait_for(self.task, 15)


@pytest.fixture
async def fake() -> AsyncIterator[FakeTwitch]:
    async with FakeTwitch(keepalive_every_s=2.0) as twitch:
        twitch.add_user(*BROADCASTER)
        twitch.add_user(*BOT, "HiyoriBot")
        twitch.add_user("3000", "kiri", "Kiri")
        twitch.add_user("3001", "mod_mika", "Mod_Mika")
        twitch.add_user("4000", "nightbot", "Nightbot")
        twitch.add_user("5000", "otherstreamer", "OtherStreamer")
        yield twitch


def make_rig(
    fake: FakeTwitch,
    *,
    bot_scopes: Sequence[str] | None = None,
    broadcaster_scopes: Sequence[str] | None = None,
    bot_expires_in: int = 14_400,
    chat_replies: Callable[[], bool] = lambda: True,
    same_account: bool = False,
    queue_limit: int = 50_000,
    **settings: Any,
) -> Rig:
    """With ``same_account`` the broadcaster is the bot too (no ``bot_login``), as after one login."""
    bot, broadcaster = fake.users[BOT[0]], fake.users[BROADCASTER[0]]
    stores = TwitchTokenStores(
        bot=MemoryTokenStore(
            stored(fake, bot, scopes_for("bot", same_account=False) if bot_scopes is None else bot_scopes,
                   expires_in=bot_expires_in)
        ),
        broadcaster=MemoryTokenStore(
            stored(fake, broadcaster, scopes_for("broadcaster", same_account=False)
                   if broadcaster_scopes is None else broadcaster_scopes)
        ),
    )  # fmt: skip
    if same_account:
        both = stored(fake, broadcaster, scopes_for("broadcaster", same_account=True))
        stores = TwitchTokenStores(bot=MemoryTokenStore(both), broadcaster=MemoryTokenStore(both))
    else:
        settings.setdefault("bot_login", BOT[1])
    rig = Rig(fake, None, stores)  # type: ignore[arg-type]

    async def publish(events: Sequence[ev.EventBase]) -> None:
        rig.events.extend(events)

    rig.link = TwitchConnection(
        TwitchSettings(**fake.settings(**settings)),
        channel="streamer", broadcaster_login=BROADCASTER[1], publish=publish, tokens=stores,
        chat_replies_enabled=chat_replies, auth_retry_s=0.2, watch_interval_s=0.05, queue_limit=queue_limit,
    )  # fmt: skip
    return rig


@pytest.fixture
async def rig(fake: FakeTwitch) -> AsyncIterator[Rig]:
    connected = await make_rig(fake).start()
    yield connected
    await connected.stop()
