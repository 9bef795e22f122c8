"""End to end on the real local models: a short chat log goes through the whole bot
(SmolLM2 on llama.cpp, the safety layers, piper), and the spoken WAV is transcribed back
with faster-whisper tiny.en to find the reply's words."""

from __future__ import annotations

import gc
import re
import sqlite3
from pathlib import Path

import orjson
import pytest

from config.settings import load_settings
from integrations.faster_whisper.stt import FasterWhisperSTT, transcribe_wav
from streamer.commands import rehearse

pytestmark = pytest.mark.slow

CHAT = [
    {"at": 0.0, "event": {"type": "stream.state", "online": True, "title": "Cozy farming", "category": "Stardew Valley"}},
    {"at": 0.5, "event": {"type": "chat.message", "user": {"id": "1", "login": "kiri", "display_name": "Kiri"},
                          "text": "Hiyori, what is your favourite vegetable to grow?"}},
    {"at": 1.0, "event": {"type": "chat.message", "user": {"id": "2", "login": "spam1", "display_name": "spam1"},
                          "text": "buy followers at cheap-views.example now"}},
]  # fmt: skip


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z']+", text.lower()) if len(w) > 3}


async def test_rehearsal_speaks_replies_that_whisper_can_hear(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "chat.jsonl"
    log.write_bytes(b"\n".join(orjson.dumps(line) for line in CHAT) + b"\n")
    for key in ("REDIS_URL", "DATABASE_URL", "VTUBER_CONFIG"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)
    settings = load_settings(
        data_dir=tmp_path / "data", database_url=f"sqlite+aiosqlite:///{tmp_path / 'e2e.db'}"
    )

    gc.unfreeze()
    try:
        summary = await rehearse(settings, path=log, speed=1.0)
        assert gc.get_freeze_count() > 0  # the loaded show was settled before it went live
    finally:
        gc.unfreeze()

    assert summary.stored == 3
    assert summary.brain is not None
    assert summary.brain.finished >= 1
    assert summary.transcript_path is not None
    transcript = summary.transcript_path.read_text()
    assert "PICK" in transcript
    assert "SAY" in transcript
    assert "unsafe" in transcript  # the spam link was dropped by input safety, with its reason
    with sqlite3.connect(tmp_path / "e2e.db") as db:
        spoken = [row[0] for row in db.execute("SELECT text FROM reply_sentences ORDER BY ts")]
        turns = db.execute("SELECT status FROM turns").fetchall()
    assert spoken, "the bot said nothing"
    assert ("finished",) in turns

    wavs = sorted((summary.audio_dir or tmp_path).glob("*.wav"))
    assert wavs, "no audio was written"
    stt = FasterWhisperSTT()
    heard = " ".join([transcribe_wav(w, stt).text for w in wavs])
    said = words(" ".join(spoken))
    found = said & words(heard)
    assert len(found) >= max(1, len(said) // 2), f"said {sorted(said)}, whisper heard {heard!r}"
