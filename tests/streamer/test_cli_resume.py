"""`vtuber run --replay FILE --from N`: a bad resume point is refused before anything starts."""

from __future__ import annotations

from pathlib import Path

from tests.streamer.test_cli import vtuber


def test_run_refuses_a_resume_point_it_cannot_read(tmp_path: Path) -> None:
    replay = tmp_path / "chat.jsonl"
    replay.write_text("", encoding="utf-8")
    out = vtuber("run", "--replay", str(replay), "--from", "soon", cwd=tmp_path)
    assert out.returncode == 2
    assert "--from takes a line number (120) or a time offset" in out.stdout


def test_run_refuses_from_without_a_replay(tmp_path: Path) -> None:
    out = vtuber("run", "--from", "12", cwd=tmp_path)
    assert out.returncode == 2
    assert "--from resumes a replay" in out.stdout
