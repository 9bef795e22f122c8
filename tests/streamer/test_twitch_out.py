"""Twitch out on the bus: chat replies in thread, the persona's auto-timeout rule, and moderation
commands, through the real adapter against the Twitch stand-in."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import timedelta

import pytest

from config.persona import Persona, load_persona
from config.settings import TwitchSettings
from engines import events as ev
from integrations.twitch import MemoryTokenStore, TwitchConnection, TwitchTokenStores
from integrations.twitch.scopes import scopes_for
from streamer.bus import Delivery, MemoryBus, StreamName
from streamer.twitch_out import TwitchOut
from tests.integrations.twitch.conftest import stored, until
from tests.support.fake_twitch import FakeTwitch, chat_message_event

CHANNEL = "streamer"


@dataclass
class Wired:
    fake: FakeTwitch
    bus: MemoryBus
    link: TwitchConnection
    out: TwitchOut
    persona: list[Persona]

    async def chat(
        self, message_id: str, text: str, *, user: str = "3000", badges: tuple[str, ...] = ()
    ) -> None:
        b = self.fake.users["2000"]
        event = chat_message_event(
            b, self.fake.users[user], text, message_id=message_id, badges=[{"set_id": s} for s in badges]
        )
        before = await self.bus.length("input")
        await self.fake.notify("channel.chat.message", event)
        async with asyncio.timeout(10):  # on the bus, as the brain would have read it before reacting
            while await self.bus.length("input") == before:
                await asyncio.sleep(0.01)

    async def control(self) -> list[ev.EventBase]:
        return [d.event for d in await self.bus.read("test", "t", ["control"], count=100, block_ms=0)]

    async def output(self) -> list[ev.EventBase]:
        return [d.event for d in await self.bus.read("test", "t", ["output"], count=1000, block_ms=0)]


@pytest.fixture
async def wired() -> AsyncIterator[Wired]:
    async with FakeTwitch() as fake:
        fake.add_user("2000", "streamer")
        fake.add_user("1000", "hiyoribot")
        fake.add_user("3000", "kiri", "Kiri")
        fake.add_user("3001", "mod_mika", "Mod_Mika")
        bus = MemoryBus()
        persona = [load_persona("hiyori").model_copy(update={"chat_replies": True, "auto_timeout_s": 120})]
        tokens = TwitchTokenStores(
            bot=MemoryTokenStore(stored(fake, fake.users["1000"], scopes_for("bot", same_account=False))),
            broadcaster=MemoryTokenStore(
                stored(fake, fake.users["2000"], scopes_for("broadcaster", same_account=False))
            ),
        )
        link = TwitchConnection(
            TwitchSettings(**fake.settings(bot_login="hiyoribot")), channel=CHANNEL, broadcaster_login="streamer",
            publish=bus.publish_many, tokens=tokens, chat_replies_enabled=lambda: persona[0].chat_replies,
        )  # fmt: skip
        out = TwitchOut(bus, link, channel=CHANNEL, persona=lambda: persona[0], max_reply_age_s=60)
        tasks = [asyncio.create_task(link.run()), asyncio.create_task(out.run())]
        await asyncio.wait_for(link.connected.wait(), 10)
        yield Wired(fake, bus, link, out, persona)
        link.stop()
        out.stop()
        await asyncio.wait_for(asyncio.gather(*tasks), 15)


async def test_a_finished_reply_is_posted_once_in_the_thread_of_the_chat_that_triggered_it(
    wired: Wired,
) -> None:
    await wired.chat("q1", "Hiyori, what is your favourite vegetable?")
    await wired.bus.publish_many(
        [
            ev.ReplyStarted(channel=CHANNEL, turn_id="t1", trigger_ids=("follow-9", "q1")),
            ev.ReplySentence(channel=CHANNEL, turn_id="t1", index=0, text="Carrots!"),
            ev.ReplyFinished(
                channel=CHANNEL, turn_id="t1", text="Carrots! They are so crunchy.", sentences=2
            ),
            ev.ReplyStarted(channel=CHANNEL, turn_id="t2", trigger_ids=("q1",)),
            ev.ReplyInterrupted(channel=CHANNEL, turn_id="t2", heard_text="Well"),
            ev.ReplyStarted(channel=CHANNEL, turn_id="t3", trigger_ids=("q1",)),
            ev.ReplyFinished(
                channel=CHANNEL, turn_id="t3", text="Old news.", ts=ev.utcnow() - timedelta(minutes=5)
            ),
        ]
    )
    await until(lambda: wired.out.stats.stale_replies == 1)
    assert [(m["message"], m["reply_parent_message_id"]) for m in wired.fake.chat] == [
        ("Carrots! They are so crunchy.", "q1")
    ]
    assert wired.out.stats.replies == 1


async def test_chat_replies_follow_the_persona(wired: Wired) -> None:
    wired.persona[0] = wired.persona[0].model_copy(update={"chat_replies": False})
    await wired.bus.publish(ev.ReplyFinished(channel=CHANNEL, turn_id="t9", text="Only spoken."))
    await until(lambda: wired.out.stats.replies_off == 1)
    assert wired.fake.chat == [] and wired.out.stats.replies == 0


async def test_the_persona_rule_times_out_a_viewer_whose_message_input_safety_blocked(wired: Wired) -> None:
    await wired.chat("bad1", "something hateful")
    await wired.chat("bad2", "mods are dumb", user="3001", badges=("moderator",))
    await wired.bus.publish_many(
        [
            ev.ReplyBlocked(
                channel=CHANNEL, target_id="bad1", stage="input", layer="blocklist", reason="slur"
            ),
            ev.ReplyBlocked(
                channel=CHANNEL, target_id="bad1", stage="input", layer="classifier", reason="again"
            ),
            ev.ReplyBlocked(
                channel=CHANNEL, target_id="bad2", stage="input", layer="blocklist", reason="insult"
            ),
            ev.ReplyBlocked(channel=CHANNEL, target_id="other", stage="output", layer="harm", reason="x"),
        ]
    )
    await until(lambda: wired.fake.bans)
    assert wired.fake.bans == [
        {
            "user_id": "3000",
            "duration": 120,
            "reason": "automatic: input safety blocked a message (blocklist: slur)",
        }
    ]
    commands = [e for e in await wired.control() if isinstance(e, ev.TwitchModeration)]
    assert [(c.by, c.action, c.login, c.duration_s) for c in commands] == [
        ("persona:hiyori", "timeout", "kiri", 120)
    ]
    assert wired.out.stats.auto_timeouts == 1  # once per message, never the moderator


async def test_no_timeout_when_the_persona_rule_is_off(wired: Wired) -> None:
    wired.persona[0] = wired.persona[0].model_copy(update={"auto_timeout_s": None})
    await wired.chat("bad3", "something hateful")
    await wired.bus.publish(
        ev.ReplyBlocked(channel=CHANNEL, target_id="bad3", stage="input", layer="blocklist", reason="slur")
    )
    await until(lambda: wired.out.stats.blocked_chat == 1)
    assert wired.fake.bans == [] and not await wired.control() and wired.out.stats.auto_timeouts == 0


async def test_dashboard_moderation_is_carried_out_and_failures_are_published(wired: Wired) -> None:
    await wired.chat("spam1", "buy followers")
    await wired.bus.publish_many(
        [
            ev.TwitchModeration(channel=CHANNEL, by="mika", action="delete", message_id="spam1"),
            ev.TwitchModeration(channel=CHANNEL, by="mika", action="ban", login="kiri", reason="spam"),
            ev.TwitchModeration(channel=CHANNEL, by="mika", action="ban", user_id="2000"),  # Twitch refuses
            ev.TwitchModeration(
                channel=CHANNEL, by="mika", action="ban", user_id="3001", ts=ev.utcnow() - timedelta(hours=2)
            ),
        ]
    )
    await until(
        lambda: (
            wired.out.stats.moderations
            + wired.out.stats.moderation_failures
            + wired.out.stats.stale_moderations
            == 4
        )
    )
    assert wired.fake.deleted == ["spam1"]
    assert wired.fake.bans == [{"user_id": "3000", "duration": None, "reason": "spam"}]
    failures = [
        e for e in await wired.output() if isinstance(e, ev.Metric) and e.name == "twitch_send_failures"
    ]
    assert [m.labels for m in failures] == [{"kind": "ban", "error": "TwitchRejected", "retryable": "false"}]
    assert wired.out.stats.stale_moderations == 1


async def test_a_moderators_message_is_posted_as_a_reply_whatever_the_persona_says(wired: Wired) -> None:
    wired.persona[0] = wired.persona[0].model_copy(update={"chat_replies": False})
    await wired.chat("crisis1", "i bought a rope today")
    await wired.bus.publish_many(
        [
            ev.SendChat(channel=CHANNEL, by="mika", text="You matter. Call or text 988.", reply_to="crisis1"),
            ev.SendChat(channel=CHANNEL, by="mika", text="Too late.", ts=ev.utcnow() - timedelta(hours=2)),
        ]
    )
    await until(lambda: wired.out.stats.moderator_chats + wired.out.stats.stale_moderations == 2)
    assert [(m["message"], m["reply_parent_message_id"]) for m in wired.fake.chat] == [
        ("You matter. Call or text 988.", "crisis1")
    ]
    assert (wired.out.stats.moderator_chats, wired.out.stats.stale_moderations) == (1, 1)
    wired.fake.fail_next("POST", "chat/messages", 403, "The sender is banned from the channel.")
    await wired.bus.publish(ev.SendChat(channel=CHANNEL, by="mika", text="Still here for you."))
    await until(lambda: wired.out.stats.moderator_chat_failures == 1)
    failures = [
        e for e in await wired.output() if isinstance(e, ev.Metric) and e.name == "twitch_send_failures"
    ]
    assert [m.labels["kind"] for m in failures] == ["moderator chat"]


async def test_a_failed_chat_reply_is_reported_not_retried_forever(wired: Wired) -> None:
    wired.fake.fail_next("POST", "chat/messages", 403, "The sender is banned from the channel.")
    await wired.bus.publish(ev.ReplyFinished(channel=CHANNEL, turn_id="t5", text="Hello!"))
    await until(lambda: wired.out.stats.reply_failures == 1)
    failures = [
        e for e in await wired.output() if isinstance(e, ev.Metric) and e.name == "twitch_send_failures"
    ]
    assert failures[0].labels["kind"] == "chat" and failures[0].labels["error"] == "TwitchAuthError"
    assert wired.fake.chat == []


async def test_a_reply_while_twitch_is_not_connected_is_logged_with_the_reason(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bus = MemoryBus()
    persona = load_persona("hiyori").model_copy(update={"chat_replies": True})
    link = TwitchConnection(  # never run: not connected
        TwitchSettings(client_id="abc123"), channel=CHANNEL, broadcaster_login="streamer", publish=bus.publish_many,
        tokens=TwitchTokenStores(bot=MemoryTokenStore(), broadcaster=MemoryTokenStore()),
    )  # fmt: skip
    out = TwitchOut(bus, link, channel=CHANNEL, persona=lambda: persona)
    task = asyncio.create_task(out.run())
    try:
        with caplog.at_level(logging.WARNING, logger="streamer.twitch_out"):
            await bus.publish(ev.ReplyFinished(channel=CHANNEL, turn_id="t1", text="Hello!"))
            await until(lambda: out.stats.reply_failures == 1)
        logged = [r.getMessage() for r in caplog.records]
        assert any("chat reply not done" in m and "Twitch is not connected (starting)" in m for m in logged)
    finally:
        out.stop()
        await asyncio.wait_for(task, 10)


class OnceBrokenBus(MemoryBus):
    """Reading fails once per consumer group with an error that is not a BusError (a redis hiccup)."""

    def __init__(self) -> None:
        super().__init__()
        self.broken: set[str] = set()

    async def read(
        self, group: str, consumer: str, streams: Sequence[StreamName], *, count: int, block_ms: int
    ) -> list[Delivery]:
        if group not in self.broken:
            self.broken.add(group)
            raise ConnectionResetError("connection reset by peer")
        return await super().read(group, consumer, streams, count=count, block_ms=block_ms)


async def test_the_workers_survive_a_bus_error_that_is_not_a_bus_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with FakeTwitch() as fake:
        fake.add_user("2000", "streamer")
        fake.add_user("1000", "hiyoribot")
        fake.add_user("3000", "kiri", "Kiri")
        bus = OnceBrokenBus()
        persona = load_persona("hiyori").model_copy(update={"chat_replies": True})
        tokens = TwitchTokenStores(
            bot=MemoryTokenStore(stored(fake, fake.users["1000"], scopes_for("bot", same_account=False))),
            broadcaster=MemoryTokenStore(
                stored(fake, fake.users["2000"], scopes_for("broadcaster", same_account=False))
            ),
        )
        link = TwitchConnection(
            TwitchSettings(**fake.settings(bot_login="hiyoribot")), channel=CHANNEL, broadcaster_login="streamer",
            publish=bus.publish_many, tokens=tokens,
        )  # fmt: skip
        out = TwitchOut(bus, link, channel=CHANNEL, persona=lambda: persona)
        with caplog.at_level(logging.ERROR, logger="streamer.twitch_out"):
            tasks = [asyncio.create_task(link.run()), asyncio.create_task(out.run())]
            try:
                await asyncio.wait_for(link.connected.wait(), 10)
                await bus.publish_many(
                    [
                        ev.ReplyFinished(channel=CHANNEL, turn_id="t1", text="Still here!"),
                        ev.TwitchModeration(channel=CHANNEL, by="mika", action="timeout", user_id="3000"),
                    ]
                )
                await until(lambda: fake.chat and fake.bans)
            finally:
                link.stop()
                out.stop()
                await asyncio.wait_for(asyncio.gather(*tasks), 15)
        assert [m["message"] for m in fake.chat] == ["Still here!"]
        assert [b["user_id"] for b in fake.bans] == ["3000"]
        failed = sorted(r.getMessage() for r in caplog.records if "worker failed" in r.getMessage())
        assert failed == [
            "twitch out: the chat worker failed; going on in 1 s",
            "twitch out: the moderation worker failed; going on in 1 s",
        ]
