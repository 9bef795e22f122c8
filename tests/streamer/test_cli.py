"""The `vtuber` command as a user runs it: a real process, real databases."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.streamer.store.test_migrations import HEAD

ROOT = Path(__file__).resolve().parents[2]


def vtuber(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "VTUBER_CONFIG")}
    base["PYTHONPATH"] = str(ROOT)
    base["COLUMNS"] = "200"
    return subprocess.run(
        [sys.executable, "-m", "streamer", *args],
        cwd=cwd, env={**base, **(env or {})}, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip


def test_help_explains_every_command(tmp_path: Path) -> None:
    out = vtuber("--help", cwd=tmp_path)
    assert out.returncode == 0
    for command in ("run", "rehearse", "record", "config", "db", "dashboard", "user", "overlay"):
        assert command in out.stdout
    sub = vtuber("db", "--help", cwd=tmp_path)
    assert "upgrade" in sub.stdout


def test_rehearse_on_embedded_defaults_stores_the_sample_stream(tmp_path: Path) -> None:
    out = vtuber("rehearse", "--speed", "0", "--no-show", cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "published 368, stored 368" in out.stdout
    assert "chat.message" in out.stdout
    # the terminal keeps to the progress bar, warnings and the summary; the full log is in the run's folder
    assert "INFO" not in out.stderr + out.stdout
    (log,) = (tmp_path / "data" / "rehearsals").glob("*/rehearsal.log")
    assert f"full log:   {log.relative_to(tmp_path)}" in out.stdout
    logged = log.read_text()
    assert "INFO     alembic.runtime.migration: Running upgrade" in logged
    assert "sample_stream.jsonl finished: 368 events published" in logged
    db = tmp_path / "data" / "vtuber.db"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (368,)
        assert conn.execute("SELECT count(DISTINCT type) FROM events").fetchone() == (11,)
    # a second rehearsal is a new run: new ids, nothing overwritten
    again = vtuber("rehearse", "--speed", "0", "--no-show", cwd=tmp_path)
    assert again.returncode == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (736,)


def test_rehearse_on_redis_and_postgres(
    tmp_path: Path, pg_url: str, redis_url: str, redis_prefix: str
) -> None:
    env = {"DATABASE_URL": pg_url, "REDIS_URL": redis_url, "VTUBER_BUS__PREFIX": redis_prefix}
    out = vtuber("rehearse", "--speed", "0", "--no-show", cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "bus redis" in out.stdout
    assert "published 368, stored 368" in out.stdout
    assert not list(tmp_path.rglob("*.db"))  # no SQLite: the events are in Postgres
    assert list((tmp_path / "data" / "rehearsals").glob("*/rehearsal.log"))  # only the run's log is local


def test_config_check_redacts_secrets(tmp_path: Path) -> None:
    env = {
        "REDIS_URL": "redis://:hunter2hunter2@127.0.0.1:6379/0",
        "DATABASE_URL": "postgresql://bot:pgpass77@db/v",
    }
    out = vtuber("config", "check", cwd=tmp_path, env=env)
    assert out.returncode == 0
    assert "hunter2hunter2" not in out.stdout + out.stderr
    assert "pgpass77" not in out.stdout + out.stderr
    assert "redis://:***@127.0.0.1:6379/0" in out.stdout
    js = vtuber("config", "check", "--json", cwd=tmp_path, env=env)
    assert '"effective_backend": "redis"' in js.stdout


def test_bad_config_fails_with_the_key_and_exit_code_2(tmp_path: Path) -> None:
    out = vtuber("config", "check", cwd=tmp_path, env={"VTUBER_RECORDER__BATCH_SIZE": "huge"})
    assert out.returncode == 2
    assert "recorder.batch_size" in out.stdout
    assert "VTUBER_RECORDER__BATCH_SIZE" in out.stdout


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_db_upgrade(tmp_path: Path, backend: str, pg_template: str) -> None:
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"
    else:
        url = (
            os.environ.get(
                "DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
            ).rpartition("/")[0]
            + "/"
            + pg_template
        )
    out = vtuber("db", "upgrade", cwd=tmp_path, env={"DATABASE_URL": url})
    assert out.returncode == 0, out.stdout + out.stderr
    assert f"database at revision {HEAD}" in out.stdout


@pytest.mark.slow
def test_rehearse_with_the_character_reports_turns_transcript_and_audio(tmp_path: Path) -> None:
    log = tmp_path / "chat.jsonl"
    log.write_text(
        '{"at": 0, "event": {"type": "chat.message", "user": {"id": "1", "login": "kiri", "display_name": "Kiri"},'
        ' "text": "Hiyori, what should we build today?"}}\n'
    )
    out = vtuber("rehearse", "--file", str(log), "--speed", "1", cwd=tmp_path, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "the character took 1 turns (1 finished" in out.stdout
    assert "HTTP Request" not in out.stderr + out.stdout and "INFO" not in out.stderr  # one line per LLM call
    (full_log,) = (tmp_path / "data" / "rehearsals").glob("*/rehearsal.log")
    assert "selector pick" in full_log.read_text()
    assert "SAY" in out.stdout
    transcripts = list((tmp_path / "data" / "rehearsals").glob("*/transcript.md"))
    assert len(transcripts) == 1
    assert "PICK    Kiri: Hiyori, what should we build today?" in transcripts[0].read_text()
    assert list((tmp_path / "data" / "rehearsals").glob("*/audio/*.wav"))


@pytest.mark.slow
def test_obs_setup_creates_the_sources_in_real_obs(tmp_path: Path) -> None:
    from tests.support.obs_runner import ObsRunner

    if (why := ObsRunner.available()) is not None:
        pytest.skip(why)
    with ObsRunner() as obs:
        env = {"VTUBER_OBS__PORT": str(obs.port), "VTUBER_OBS__PASSWORD": obs.password}
        first = vtuber("obs", "setup", cwd=tmp_path, env=env)
        again = vtuber("obs", "setup", cwd=tmp_path, env=env)
        wrong = vtuber("obs", "setup", cwd=tmp_path, env={**env, "VTUBER_OBS__PASSWORD": "wrong-password-1"})
    assert first.returncode == 0, first.stdout + first.stderr
    assert "created" in first.stdout
    assert "VTuber Caption" in first.stdout
    assert "everything was there" in again.stdout
    assert wrong.returncode == 1
    assert "password" in wrong.stdout
    assert obs.password not in first.stdout + first.stderr + wrong.stdout + wrong.stderr
