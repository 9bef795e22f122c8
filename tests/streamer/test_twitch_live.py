"""`vtuber run` with Twitch configured: the whole bot (Twitch source, Redis bus, brain, performer,
chat replies, recorder into PostgreSQL) against the Twitch stand-in, with the OpenAI-compatible
stand-in as the LLM. Tokens come from `vtuber twitch login`'s code path, stored encrypted."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from config.persona import PERSONAS_DIR
from config.settings import load_settings
from streamer.commands import twitch_login
from streamer.store import make_engine
from streamer.store.secrets import new_key
from streamer.supervisor import run_bot
from tests.support.fake_openai import FakeBehavior, FakeOpenAI
from tests.support.fake_twitch import FakeTwitch, FakeUser, chat_message_event, stream_online_event

pytestmark = pytest.mark.slow


async def count(url: str, sql: str) -> int:
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(text(sql))).scalar() or 0)
    finally:
        await engine.dispose()


async def test_live_mode_stores_a_1000_message_burst_and_answers_in_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pg_url: str, redis_url: str, redis_prefix: str
) -> None:
    for key in ("REDIS_URL", "DATABASE_URL", "VTUBER_CONFIG"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)
    persona = tmp_path / "hiyori.toml"  # the bundled character, with chat replies on
    persona.write_text(
        (PERSONAS_DIR / "hiyori.toml").read_text().replace("chat_replies = false", "chat_replies = true")
    )
    async with (
        FakeTwitch() as twitch,
        FakeOpenAI(FakeBehavior(reply="Carrots! They grow fast.", ttft_s=0.05)) as llm,
    ):
        streamer = twitch.add_user("2000", "streamer")
        twitch.add_user("1000", "hiyoribot", "HiyoriBot")
        kiri = twitch.add_user("3000", "kiri", "Kiri")
        settings = load_settings(
            channel="streamer", persona=str(persona), data_dir=tmp_path / "data", database_url=pg_url,
            redis_url=redis_url, bus={"prefix": redis_prefix}, secret_key=new_key(),
            llm={"provider": "openai", "base_url": llm.base_url, "api_key": "test", "model": "fake"},
            performer={"sink": "none"}, twitch=twitch.settings(bot_login="hiyoribot"),
        )  # fmt: skip

        said: list[str] = []

        def person(line: str) -> None:  # the streamer at twitch.tv/activate: first the bot, then themself
            said.append(line)
            if found := re.search(r"enter the code ([A-Z0-9]+)", line):
                twitch.approve(found.group(1), "1000" if len(said) == 1 else "2000")

        assert await twitch_login(settings, say=person) == ["hiyoribot", "streamer"]
        secrets = await count(pg_url, "SELECT count(*) FROM secrets WHERE name LIKE 'twitch.%'")
        assert secrets == 2
        plain = await count(pg_url, "SELECT count(*) FROM secrets WHERE ciphertext LIKE '%access_token%'")
        assert plain == 0  # encrypted at rest

        stop = asyncio.Event()
        bot = asyncio.create_task(run_bot(settings, stop=stop))
        try:
            await twitch.wait_for(lambda: len(twitch.subscribed()) == 11, timeout=120)
            await twitch.notify("stream.online", stream_online_event(streamer))
            await twitch.notify(
                "channel.chat.message",
                chat_message_event(
                    streamer, kiri, "Hiyori, what is your favourite vegetable to grow?", message_id="q-1"
                ),
            )
            viewers = [FakeUser(str(10_000 + i), f"viewer{i}") for i in range(50)]
            for i in range(1000):
                await twitch.notify(
                    "channel.chat.message", chat_message_event(streamer, viewers[i % 50], f"burst {i} lol")
                )
            await twitch.wait_for(
                lambda: any(m.get("reply_parent_message_id") == "q-1" for m in twitch.chat), 90
            )
            reply = next(m for m in twitch.chat if m.get("reply_parent_message_id") == "q-1")
            assert reply["sender_login"] == "hiyoribot" and "Carrots" in reply["message"]
            await twitch.wait_for(
                lambda: reply["message_id"] in twitch.delivered_chat_ids
            )  # Twitch echoed it
            await twitch.notify("channel.chat.message", chat_message_event(streamer, kiri, "sentinel"))
            for _ in range(600):
                if await count(pg_url, "SELECT count(*) FROM events WHERE text = 'sentinel'"):
                    break
                await asyncio.sleep(0.1)
        finally:
            stop.set()
            await asyncio.wait_for(bot, 60)

    chat = await count(pg_url, "SELECT count(*) FROM events WHERE type = 'chat.message'")
    assert chat == 1002  # the burst, the question and the sentinel: nothing lost, the bot's echo ignored
    assert (
        await count(pg_url, "SELECT count(*) FROM events WHERE type = 'chat.message' AND text LIKE 'burst %'")
        == 1000
    )
    assert await count(pg_url, "SELECT count(*) FROM events WHERE viewer_twitch_id = '1000'") == 0
    assert (
        await count(
            pg_url, "SELECT count(*) FROM turns WHERE trigger_ids::text LIKE '%q-1%' AND status = 'finished'"
        )
        == 1
    )
    assert await count(
        pg_url, "SELECT count(*) FROM events WHERE type = 'status.component' AND payload->>'component' = 'twitch' "
        "AND payload->>'state' = 'ok'"
    ) >= 1  # fmt: skip


def twitch_statuses(db: Path) -> list[dict[str, str]]:
    """The recorded ``status.component`` payloads of Twitch, oldest first."""
    if not db.exists():
        return []
    rows: list[tuple[str]] = []
    with contextlib.suppress(sqlite3.OperationalError), contextlib.closing(sqlite3.connect(db)) as conn:
        rows = conn.execute(
            "SELECT payload FROM events WHERE type = 'status.component' ORDER BY ts"
        ).fetchall()
    return [p for p in (json.loads(row[0]) for row in rows) if p["component"] == "twitch"]


@pytest.mark.parametrize("key", [None, "not-a-key"])
async def test_live_mode_without_a_valid_secret_key_runs_without_twitch_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str | None
) -> None:
    for name in ("REDIS_URL", "DATABASE_URL", "VTUBER_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "bot.db"
    async with FakeTwitch() as twitch, FakeOpenAI(FakeBehavior(reply="Hi!", ttft_s=0.05)) as llm:
        settings = load_settings(
            channel="streamer", data_dir=tmp_path / "data", database_url=f"sqlite+aiosqlite:///{db}",
            secret_key=key, llm={"provider": "openai", "base_url": llm.base_url, "api_key": "test", "model": "fake"},
            performer={"sink": "none"}, twitch=twitch.settings(),
        )  # fmt: skip
        stop = asyncio.Event()
        bot = asyncio.create_task(run_bot(settings, stop=stop))
        found: list[dict[str, str]] = []
        try:
            for _ in range(600):
                assert not bot.done(), bot.exception()
                if found := twitch_statuses(db):
                    break
                await asyncio.sleep(0.1)
        finally:
            stop.set()
            await asyncio.wait_for(bot, 60)
    assert found, "no twitch status was recorded"
    status = found[0]
    assert status["state"] == "down"
    assert "VTUBER_SECRET_KEY is not" in status["detail"] and "vtuber twitch login" in status["detail"]
    assert not twitch.subscribed()  # it ran without Twitch
