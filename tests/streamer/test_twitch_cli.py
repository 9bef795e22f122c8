"""`vtuber twitch login` and `vtuber doctor` as a user runs them: real processes against the
Twitch stand-in, tokens stored encrypted in a SQLite database."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from config.settings import ConfigError, load_settings
from streamer.commands import doctor, twitch_login
from streamer.store.secrets import new_key
from tests.support.fake_twitch import FakeTwitch

ROOT = Path(__file__).resolve().parents[2]


async def vtuber(*args: str, env: dict[str, str], cwd: Path) -> tuple[int, str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("VTUBER_") and k not in ("REDIS_URL", "DATABASE_URL")
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "streamer", *args, cwd=cwd,
        env={**base, "PYTHONPATH": str(ROOT), "COLUMNS": "300", **env},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    out, _ = await asyncio.wait_for(proc.communicate(), 120)
    return proc.returncode or 0, out.decode()


@pytest.mark.parametrize(
    ("key", "problem"),
    [(None, "VTUBER_SECRET_KEY is not set"), ("not-a-key", "VTUBER_SECRET_KEY is not a valid key")],
)
async def test_login_needs_a_valid_secret_key_and_says_how_to_make_one(
    tmp_path: Path, key: str | None, problem: str
) -> None:
    settings = load_settings(
        channel="streamer", database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
        twitch={"client_id": "abc123"}, secret_key=key,
    )  # fmt: skip
    with pytest.raises(ConfigError, match=rf"{problem}.*vtuber config keygen"):
        await twitch_login(settings, say=print)
    assert not (tmp_path / "bot.db").exists()  # nothing was touched


async def test_doctor_reports_an_invalid_secret_key_instead_of_failing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_url: str
) -> None:
    for key in ("REDIS_URL", "VTUBER_CONFIG"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)
    async with FakeTwitch() as twitch:
        twitch.add_user("2000", "streamer")
        settings = load_settings(
            channel="streamer", database_url=sqlite_url, secret_key="not-a-key", twitch=twitch.settings()
        )
        checks = {c.name: c for c in await doctor(settings)}
    assert checks["database"].status == "ok" and checks["secret key"].status == "fail"
    tokens = checks["stored tokens"]
    assert tokens.status == "fail" and "VTUBER_SECRET_KEY is not a valid key" in tokens.detail
    assert "vtuber config keygen" in tokens.fix
    assert checks["client id and secret"].status == "ok"  # the other Twitch checks still run


@pytest.mark.slow
async def test_login_then_doctor_then_a_revoked_token(tmp_path: Path) -> None:
    async with FakeTwitch() as twitch:
        twitch.add_user("2000", "streamer")
        env = {
            "VTUBER_CHANNEL": "streamer",
            "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
            "VTUBER_TWITCH__ENABLED": "true",
            "VTUBER_TWITCH__CLIENT_ID": twitch.client_id,
            "VTUBER_TWITCH__CLIENT_SECRET": twitch.client_secret,
            "VTUBER_TWITCH__HELIX_URL": twitch.helix_url,
            "VTUBER_TWITCH__OAUTH_URL": twitch.oauth_url,
            "VTUBER_TWITCH__EVENTSUB_WS_URL": twitch.ws_url,
        }
        env["VTUBER_SECRET_KEY"] = new_key()
        twitch.auto_approve.append("2000")  # the streamer enters the code at twitch.tv/activate
        code, out = await vtuber("twitch", "login", env=env, cwd=tmp_path)
        assert code == 0, out
        assert "Log in to Twitch as streamer (bot and broadcaster account)" in out
        assert "https://www.twitch.tv/activate" in out and "Stored the bot and broadcaster token" in out
        with sqlite3.connect(tmp_path / "bot.db") as db:
            rows = dict(db.execute("SELECT name, ciphertext FROM secrets").fetchall())
        assert set(rows) == {"twitch.bot", "twitch.broadcaster"}
        token = next(iter(twitch.tokens.values()))
        assert all(token.access not in value and "access_token" not in value for value in rows.values())

        code, out = await vtuber("doctor", env=env, cwd=tmp_path)
        assert code == 0, out
        for line in ("ok secret key", "ok database", "ok client id and secret", "ok bot and broadcaster token",
                     "ok accounts: streamer = 2000", "ok eventsub", "ready to go live"):  # fmt: skip
            assert line in " ".join(out.split()), out
        assert twitch.client_secret not in out

        twitch.revoke_user("2000")  # the streamer disconnected the app on twitch.tv
        code, out = await vtuber("doctor", env=env, cwd=tmp_path)
        flat = " ".join(out.split())
        assert code == 1
        assert "fail bot and broadcaster token: the bot and broadcaster token (streamer) was revoked" in flat
        assert "fix: run `vtuber twitch login`" in flat
        assert all(t.access not in out and t.refresh not in out for t in twitch.tokens.values())
