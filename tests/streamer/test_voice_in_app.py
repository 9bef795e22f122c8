"""The streamer's voice through the running bot: a WAV stands in for the microphone, the real
VAD and faster-whisper turn it into an utterance, and the character answers it."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from config.settings import load_settings
from streamer.app import run_bot

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
