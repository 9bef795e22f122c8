"""`vtuber user ...` and `vtuber overlay rotate-token` (in-process through the CLI, since each
`vtuber` process pays about 14 s of imports on this machine), and `vtuber dashboard` as a real
process, on the test's PostgreSQL and Redis."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from streamer.cli import full_cli
from tests.support.dashboard_env import free_port
from tests.support.fake_openai import FakeBehavior, FakeOpenAI

ROOT = Path(__file__).resolve().parents[2]


def env_for(pg_url: str, redis_url: str | None = None, **extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "VTUBER_CONFIG")}
    base.update(PYTHONPATH=str(ROOT), COLUMNS="200", DATABASE_URL=pg_url, VTUBER_CHANNEL="chan", **extra)
    if redis_url:
        base["REDIS_URL"] = redis_url
    return base


class Result:
    def __init__(self, returncode: int, stdout: str) -> None:
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = ""


def vtuber(*args: str, env: dict[str, str], cwd: Path, stdin: str | None = None) -> Result:
    """The `vtuber` command as installed (the dashboard's commands come in as a plugin), in this process."""
    overrides = {k: v for k, v in env.items() if k.startswith(("VTUBER_", "DATABASE_URL", "REDIS_URL"))}
    result = CliRunner().invoke(full_cli(), list(args), input=stdin, env={"REDIS_URL": None, **overrides})  # type: ignore[dict-item]
    return Result(result.exit_code, result.output)


def test_user_add_list_remove_and_overlay_token(pg_url: str, tmp_path: Path) -> None:
    env = env_for(pg_url)
    out = vtuber(
        "user",
        "add",
        "sam",
        "--role",
        "streamer",
        "--password-stdin",
        env=env,
        cwd=tmp_path,
        stdin="s3cret pass\n",
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "account sam (streamer) created" in out.stdout
    assert "s3cret" not in out.stdout + out.stderr
    out = vtuber("user", "add", "mia", "--password-stdin", env=env, cwd=tmp_path, stdin="another pass\n")
    assert out.returncode == 0 and "mia (moderator)" in out.stdout
    # refused: a taken name, a short password, a bad role, a bad name
    assert (
        vtuber(
            "user", "add", "mia", "--password-stdin", env=env, cwd=tmp_path, stdin="another pass\n"
        ).returncode
        == 1
    )
    short = vtuber("user", "add", "zed", "--password-stdin", env=env, cwd=tmp_path, stdin="short\n")
    assert short.returncode == 2 and "at least 8" in short.stdout
    assert (
        vtuber(
            "user",
            "add",
            "zed",
            "--role",
            "admin",
            "--password-stdin",
            env=env,
            cwd=tmp_path,
            stdin="long enough\n",
        ).returncode
        == 2
    )
    assert (
        vtuber(
            "user", "add", "no spaces", "--password-stdin", env=env, cwd=tmp_path, stdin="long enough\n"
        ).returncode
        == 2
    )
    listed = vtuber("user", "list", env=env, cwd=tmp_path)
    assert listed.returncode == 0
    assert (
        "mia" in listed.stdout
        and "moderator" in listed.stdout
        and "sam" in listed.stdout
        and "streamer" in listed.stdout
    )
    assert vtuber("user", "remove", "sam", env=env, cwd=tmp_path).returncode == 1  # the last streamer stays
    assert vtuber("user", "remove", "mia", env=env, cwd=tmp_path).returncode == 0
    assert "mia" not in vtuber("user", "list", env=env, cwd=tmp_path).stdout
    rotated = vtuber("overlay", "rotate-token", env=env, cwd=tmp_path)
    assert rotated.returncode == 0
    url = rotated.stdout.strip().splitlines()[-1]  # the URL is the last line (logs go to stderr)
    assert url.startswith("http://127.0.0.1:8000/overlay?token=") and len(url) > 60


def wait_healthy(base: str, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 90
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline and proc.poll() is None, "the dashboard did not start"
        time.sleep(0.3)


def test_vtuber_dashboard_serves_the_dashboard_with_previews(
    pg_url: str, redis_url: str, redis_prefix: str, tmp_path: Path
) -> None:
    fake = FakeOpenAI(
        FakeBehavior(reply="Ahoy, I am previewing! Nothing goes on air.", ttft_s=0.0, tokens_per_s=0)
    )
    fake.start_in_thread()
    port = free_port()
    env = env_for(
        pg_url, redis_url, VTUBER_BUS__PREFIX=redis_prefix, VTUBER_DASHBOARD__PORT=str(port),
        VTUBER_DASHBOARD__COOKIE_SECURE="false", VTUBER_SECRET_KEY="cli-test-key",
        VTUBER_LLM__PROVIDER="openai", VTUBER_LLM__BASE_URL=fake.base_url, VTUBER_LLM__MODEL="fake",
        VTUBER_LLM__API_KEY="sk-test-not-a-secret-really",
    )  # fmt: skip
    added = vtuber(
        "user",
        "add",
        "sam",
        "--role",
        "streamer",
        "--password-stdin",
        env=env,
        cwd=tmp_path,
        stdin="s3cret pass\n",
    )
    assert added.returncode == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamer", "dashboard"], cwd=tmp_path, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, proc)
        with httpx.Client(base_url=base, timeout=60) as c:
            assert c.get("/api/me").status_code == 401
            me = c.post("/api/login", json={"name": "sam", "password": "s3cret pass"})
            assert me.status_code == 200 and me.json()["role"] == "streamer"
            assert c.get("/api/accounts").json()[0]["name"] == "sam"
            assert "Chat monitor" in c.get("/static/common.js").text
            persona = c.get("/api/personas/hiyori").json()["persona"]
            preview = c.post("/api/personas/preview", json={"persona": persona, "message": "hi"},
                             headers={"X-CSRF-Token": me.json()["csrf"]})  # fmt: skip
            assert preview.status_code == 200, preview.text
            said = [s["text"] for s in preview.json()["sentences"]]
            assert said == ["Ahoy,", "I am previewing!", "Nothing goes on air."]  # "Ahoy," goes ahead alone
    finally:
        proc.send_signal(signal.SIGINT)
        output = proc.communicate(timeout=30)[0]
        fake.stop_thread()
    assert proc.returncode == 0, output
    assert "s3cret" not in output and "sk-test-not-a-secret-really" not in output
