"""The streamer's voice through the running bot: a WAV stands in for the microphone, the real
VAD and faster-whisper turn it into an utterance, and the character answers it."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from config.settings import load_settings
from streamer.supervisor import run_bot

pytestmark = pytest.mark.slow
BOSS = Path(__file__).resolve().parents[1] / "data" / "voice" / "boss.wav"


def answered(db: Path) -> str | None:
    """The text of a streamer utterance that a finished turn answered, if any."""
    if not db.exists():
        return None
    try:
        with sqlite3.connect(db) as conn:
            row = conn.execute(
                "SELECT e.text FROM events e JOIN turns t ON t.trigger_ids LIKE '%' || e.id || '%' "
                "WHERE e.type = 'streamer.utterance' AND t.status = 'finished'"
            ).fetchone()
    except sqlite3.OperationalError:  # not migrated yet
        return None
    return None if row is None else str(row[0])


async def test_the_streamers_words_become_an_answered_utterance(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in ("REDIS_URL", "DATABASE_URL", "VTUBER_CONFIG"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "bot.db"
    settings = load_settings(
        data_dir=tmp_path / "data",
        database_url=f"sqlite+aiosqlite:///{db}",
        voice={"wav": BOSS},
        performer={"sink": "none"},
    )
    stop = asyncio.Event()
    bot = asyncio.create_task(run_bot(settings, stop=stop))
    text = None
    try:
        for _ in range(600):
            if (text := answered(db)) is not None:
                break
            await asyncio.sleep(0.1)
    finally:
        stop.set()
        await asyncio.wait_for(bot, 30)
    assert text is not None, "the streamer's utterance was never answered"
    assert "boss" in text.lower()
    assert "hiyori" in text.lower()


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    if not db.exists():
        return []
    try:
        with sqlite3.connect(db) as conn:
            return list(conn.execute(sql).fetchall())
    except sqlite3.OperationalError:  # not migrated yet
        return []


async def test_a_missing_microphone_is_reported_and_the_show_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """This machine has no sound card (no PortAudio at all): with voice.source=mic the bot
    starts anyway, publishes status.component mic=down, and still answers chat."""
    import json

    from tests.support.fake_openai import FakeBehavior, FakeOpenAI

    for key in ("REDIS_URL", "DATABASE_URL", "VTUBER_CONFIG"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)
    replay = tmp_path / "chat.jsonl"
    chat = {"type": "chat.message", "user": {"id": "9", "login": "kiri", "display_name": "Kiri"},
            "text": "Hiyori, are you there?"}  # fmt: skip
    replay.write_text(json.dumps({"at": 1.0, "event": chat}) + "\n")
    db = tmp_path / "bot.db"
    async with FakeOpenAI(FakeBehavior(reply="I am here, Kiri!", ttft_s=0.05)) as fake:
        settings = load_settings(
            data_dir=tmp_path / "data",
            database_url=f"sqlite+aiosqlite:///{db}",
            llm={"provider": "openai", "base_url": fake.base_url, "model": "fake", "api_key": "x"},
            voice={"source": "mic", "device": "USB"},
            performer={"sink": "none"},
            replay={"speed": 1.0},
        )
        stop = asyncio.Event()
        bot = asyncio.create_task(run_bot(settings, replay=replay, stop=stop))
        status: list[tuple[object, ...]] = []
        finished: list[tuple[object, ...]] = []
        try:
            for _ in range(600):
                status = rows(db, "SELECT payload FROM events WHERE type = 'status.component'")
                finished = rows(db, "SELECT id FROM turns WHERE status = 'finished'")
                if status and finished:
                    break
                assert not bot.done(), bot.exception() if bot.done() else None
                await asyncio.sleep(0.1)
        finally:
            stop.set()
            await asyncio.wait_for(bot, 30)
    assert status, "no component status was recorded"
    payload = json.loads(str(status[0][0]))
    assert (payload["component"], payload["state"]) == ("mic", "down")
    assert "portaudio" in payload["detail"].lower()
    assert finished, "the show did not go on: chat was not answered"
