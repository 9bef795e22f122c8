"""Dead letters put back or dropped, on real Redis and PostgreSQL: a replayed event is stored
once, however often it is replayed; a letter that is not an event stays until dropped."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import func, select

from config.settings import load_settings
from engines.events import ChatMessage, Viewer
from streamer import deadletter
from streamer.bus import DeadLetter, Delivery, make_bus
from streamer.store import Recorder, make_engine, make_sessionmaker
from streamer.store.models import EventRow
from tests.streamer.test_cli import vtuber

ALICE = Viewer(id="1", login="alice", display_name="Alice")


async def stored(pg_url: str, event_id: str) -> int:
    engine = make_engine(pg_url)
    try:
        async with make_sessionmaker(engine)() as s:
            query = select(func.count()).select_from(EventRow).where(EventRow.id == event_id)
            return int((await s.execute(query)).scalar_one())
    finally:
        await engine.dispose()


async def test_a_replayed_letter_is_stored_once_and_a_broken_one_is_kept(
    pg_url: str, redis_url: str, redis_prefix: str
) -> None:
    settings = load_settings(
        database_url=pg_url, redis_url=redis_url, channel="chan", bus={"prefix": redis_prefix}
    )
    bus = make_bus(settings)
    engine = make_engine(pg_url)
    try:
        event = ChatMessage(id="chat-1", channel="chan", user=ALICE, text="hello")
        await bus.publish(event)
        [delivery] = await bus.read("recorder", "r", ["input"], count=10, block_ms=50)
        # as the recorder did when a database in start-up refused it (before the fix)
        await bus.dead_letter("recorder", delivery, kind="store_rejected", reason="shutting down")
        await bus._store_dead_letter(
            DeadLetter("input", "2-0", "recorder", "bad_json", "cut", b'{"type": "chat')
        )
        letters = await bus.dead_letters()
        assert [d.kind for d in letters] == ["store_rejected", "bad_json"]
        good, broken = (d.id for d in letters)

        ids = await deadletter.select(bus, [], every=True, kind="store_rejected")
        assert ids == [good]
        result = await deadletter.replay(bus, [good, broken, "9-9"])
        assert result.replayed == [good]
        assert [k for k, _ in result.kept] == [broken] and result.missing == ["9-9"]
        assert await bus.dead_letter_count() == 1

        # replayed twice (say the command was stopped before it deleted the letter): stored once
        await bus.publish_raw("input", delivery_bytes(delivery))
        recorder = Recorder(bus, make_sessionmaker(engine), consumer="r", block_ms=20)
        task = asyncio.create_task(recorder.run())
        assert await recorder.wait_idle(10)
        recorder.stop()
        await task
        assert await stored(pg_url, "chat-1") == 1
        assert recorder.stats.stored == 1 and recorder.stats.duplicates >= 1

        assert await deadletter.drop(bus, [broken]) == 1
        assert await bus.dead_letter_count() == 0
    finally:
        await bus.close()
        await engine.dispose()


def delivery_bytes(delivery: Delivery) -> bytes:
    from engines.events import encode

    return encode(delivery.event)


def test_the_commands_list_show_replay_and_drop(tmp_path: Path, redis_url: str, redis_prefix: str) -> None:
    env = {"REDIS_URL": redis_url, "VTUBER_BUS__PREFIX": redis_prefix, "VTUBER_CHANNEL": "chan",
           "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'v.db'}"}  # fmt: skip
    settings = load_settings(redis_url=redis_url, channel="chan", bus={"prefix": redis_prefix})

    async def bury() -> list[str]:
        bus = make_bus(settings)
        try:
            event = ChatMessage(id="chat-2", channel="chan", user=ALICE, text="hi")
            await bus._store_dead_letter(DeadLetter("input", "1-0", "recorder", "poison", "5 times",
                                                    delivery_bytes(Delivery("input", "1-0", event))))  # fmt: skip
            await bus._store_dead_letter(DeadLetter("input", "2-0", "brain", "bad_json", "cut", b"{"))
            return [d.id for d in await bus.dead_letters()]
        finally:
            await bus.close()

    good, broken = asyncio.run(bury())
    listed = vtuber("deadletter", "list", cwd=tmp_path, env=env)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert "Dead letters: 2" in listed.stdout and "chat.message chat-2" in listed.stdout
    shown = vtuber("deadletter", "show", good, cwd=tmp_path, env=env)
    assert shown.returncode == 0 and '"id": "chat-2"' in shown.stdout and "poison" in shown.stdout
    refused = vtuber("deadletter", "replay", broken, cwd=tmp_path, env=env)
    assert refused.returncode == 1 and "bad_json" in refused.stdout
    replayed = vtuber("deadletter", "replay", "--all", "--kind", "poison", cwd=tmp_path, env=env)
    assert replayed.returncode == 0 and "replayed 1" in replayed.stdout
    dropped = vtuber("deadletter", "drop", "--all", cwd=tmp_path, env=env)
    assert dropped.returncode == 0 and "dropped 1" in dropped.stdout
    no_redis = vtuber("deadletter", "list", cwd=tmp_path)
    assert no_redis.returncode == 2 and "REDIS_URL" in no_redis.stdout
