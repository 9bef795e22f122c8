"""The work behind one-shot commands: a rehearsal is a new performance every time."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import load_settings
from streamer import commands


async def test_rehearsing_the_same_file_twice_records_both_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unlike `vtuber run --replay` (ids from the file, stored once), each rehearsal gets fresh
    ids, so the second run's chat is recorded and summarised too."""
    for key in ("REDIS_URL", "DATABASE_URL", "VTUBER_CONFIG"):
        monkeypatch.delenv(key, raising=False)
    replay = tmp_path / "chat.jsonl"
    user = '{"id": "1", "login": "ann", "display_name": "Ann"}'
    replay.write_text("\n".join(
        f'{{"at": {i}, "event": {{"type": "chat.message", "user": {user}, "text": "hello {i}"}}}}' for i in range(3)
    ) + "\n", encoding="utf-8")  # fmt: skip
    settings = load_settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'v.db'}", data_dir=tmp_path / "data"
    )
    first = await commands.rehearse(settings, path=replay, speed=0, with_show=False)
    second = await commands.rehearse(settings, path=replay, speed=0, with_show=False)
    assert (first.published, first.stored) == (3, 3)
    assert (second.published, second.stored) == (3, 3)
    assert second.stored_total >= 6
