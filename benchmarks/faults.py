"""Fault benchmark: the whole bot, run as an operator runs it, while its services fail.

The script starts its own Redis (append-only, as in docker-compose.yml) and its own
PostgreSQL on free ports, stand-ins for the LLM and TTS servers, the bot (``vtuber run
--replay``) and a recorder worker (``vtuber record``). The replay is a file of chat events,
each with a unique marker. While it plays, these faults are injected, one after another:

1. the recorder worker is killed (SIGKILL) and started again later: a recorder takes its
   entries over;
2. PostgreSQL is stopped as ``docker stop`` does (a smart shutdown, SIGTERM) with a session
   held open and the bot's sessions ended, so new sessions are refused with 57P03 for a
   while; then the session closes, the server stops, stays down, and starts again;
3. Redis is frozen (SIGSTOP, then SIGCONT);
4. Redis is restarted (a clean stop, down a few seconds, started again);
5. the bot is killed (SIGKILL) and started again, resuming the replay where it was.

It never signals a process it did not start. The last line printed is one JSON object:
``published`` (distinct markers that reached the bus), ``stored`` (distinct markers in the
database), ``lost`` (markers of the file never stored), ``duplicates`` (extra copies stored),
``dead_letters``, ``stall_after_redis_restart_s`` (from Redis answering again to the first
event published after that being on the bus: the outbox drained), ``heard_after_redis_restart_s``
(to the brain reading such an event) and ``error_log_lines`` (ERROR lines the bot logged).

    .venv/bin/python benchmarks/faults.py            # about 3 minutes
    .venv/bin/python benchmarks/faults.py --quick    # shorter faults, about a minute

``--root DIR`` runs the bot from another checkout (e.g. a ``git worktree`` of an older commit).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg
import orjson
import redis.asyncio as aioredis

from tests.support.fake_openai import FakeBehavior, FakeOpenAI
from tests.support.fake_openai_tts import API_KEY as TTS_KEY
from tests.support.fake_openai_tts import FakeOpenAITTS, SpeechBehavior
from tests.support.servers import OwnPostgres, OwnRedis

ROOT = Path(__file__).resolve().parents[1]
CHANNEL = "faults"
PREFIX = "faults"
MARKER = re.compile(r"\bfb(\d{6})\b")
ERROR_LINE = re.compile(r"^[\d:\s]*ERROR\s")


@dataclass(frozen=True)
class Plan:
    """When each fault starts (seconds after the replay started) and how long it lasts."""

    events: int
    rate: float
    kill_worker_at: float
    worker_back_at: float
    pg_at: float
    pg_refusing_s: float
    pg_down_s: float
    freeze_at: float
    freeze_s: float
    redis_restart_at: float
    redis_down_s: float
    kill_bot_at: float
    bot_down_s: float
    claim_idle_ms: int


FULL = Plan(events=3_000, rate=20, kill_worker_at=10, worker_back_at=60, pg_at=20, pg_refusing_s=8,
            pg_down_s=20, freeze_at=55, freeze_s=5, redis_restart_at=75, redis_down_s=4, kill_bot_at=100,
            bot_down_s=3, claim_idle_ms=30_000)  # fmt: skip
QUICK = Plan(events=1_000, rate=25, kill_worker_at=3, worker_back_at=20, pg_at=6, pg_refusing_s=3,
             pg_down_s=6, freeze_at=15, freeze_s=2, redis_restart_at=21, redis_down_s=2, kill_bot_at=28,
             bot_down_s=2, claim_idle_ms=5_000)  # fmt: skip


def write_replay(path: Path, plan: Plan) -> None:
    lines = []
    for i in range(plan.events):
        user = {"id": str(1000 + i % 97), "login": f"viewer{i % 97}", "display_name": f"Viewer{i % 97}"}
        event = {"type": "chat.message", "user": user, "text": f"hello there fb{i:06d} how is the run going"}
        lines.append(orjson.dumps({"at": round(i / plan.rate, 3), "event": event}).decode())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


class Run:
    """The processes and services of one benchmark run."""

    def __init__(self, plan: Plan, root: Path, work: Path) -> None:
        self.plan = plan
        self.root = root
        self.work = work
        self.redis = OwnRedis(appendonly=True)
        self.pg = OwnPostgres()
        self.llm = FakeOpenAI(FakeBehavior(reply="Nice to see you all! What a run today.", ttft_s=0.05,
                                           tokens_per_s=200))  # fmt: skip
        self.tts = FakeOpenAITTS(SpeechBehavior(ms_per_char=5))
        self.replay = work / "replay.jsonl"
        self.bot: subprocess.Popen[bytes] | None = None
        self.worker: subprocess.Popen[bytes] | None = None
        self.logs: list[Path] = []
        self.db_url = ""

    # ---------------------------------------------------------------- processes

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "PYTHONPATH": str(self.root),
            "COLUMNS": "400",
            "REDIS_URL": self.redis.url,
            "DATABASE_URL": self.db_url,
            "VTUBER_CHANNEL": CHANNEL,
            "VTUBER_BUS__PREFIX": PREFIX,
            "VTUBER_BUS__CLAIM_IDLE_MS": str(self.plan.claim_idle_ms),
            "VTUBER_DATA_DIR": str(self.work / "data"),
            "VTUBER_LOG_LEVEL": "INFO",
            "VTUBER_REPLAY__SPEED": "1",
            "VTUBER_LLM__PROVIDER": "openai",
            "VTUBER_LLM__BASE_URL": self.llm.base_url,
            "VTUBER_LLM__API_KEY": "sk-local",
            "VTUBER_LLM__MODEL": "fake",
            "VTUBER_TTS__PROVIDER": "openai",
            "VTUBER_TTS__BASE_URL": self.tts.base_url,
            "VTUBER_TTS__API_KEY": TTS_KEY,
            "VTUBER_TTS__FALLBACK": "false",
            "VTUBER_PERFORMER__SINK": "none",
            "VTUBER_SAFETY__SEMANTIC": "false",
        }

    def spawn(self, name: str, args: list[str]) -> subprocess.Popen[bytes]:
        log = self.work / f"{name}-{len(self.logs)}.log"
        self.logs.append(log)
        with log.open("wb") as out:
            return subprocess.Popen([sys.executable, "-m", "streamer", *args], cwd=self.root,
                                    env=self.env(), stdout=out, stderr=subprocess.STDOUT)  # fmt: skip

    def start_bot(self, extra: list[str]) -> None:
        self.bot = self.spawn("bot", ["run", *extra])

    def start_worker(self) -> None:
        self.worker = self.spawn("worker", ["record"])

    def supports_resume(self) -> bool:
        out = subprocess.run([sys.executable, "-m", "streamer", "run", "--help"], cwd=self.root,
                             env=self.env(), capture_output=True, text=True, check=False)  # fmt: skip
        return "--from" in out.stdout

    @staticmethod
    def end(proc: subprocess.Popen[bytes] | None, sig: int = signal.SIGINT, timeout: float = 60) -> None:
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(sig)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)

    def close(self) -> None:
        self.end(self.bot)
        self.end(self.worker)
        with contextlib.suppress(Exception):
            self.llm.stop_thread()
        with contextlib.suppress(Exception):
            self.tts.stop_thread()
        self.redis.close()
        self.pg.close()


# -------------------------------------------------------------------- observing the bus


async def bus_markers(client: aioredis.Redis) -> tuple[set[int], int]:
    """Markers on the input stream, and the highest replay line number seen there."""
    seen: set[int] = set()
    last_line = 0
    start = "-"
    while True:
        rows: Any = await client.xrange(f"{PREFIX}:{CHANNEL}:input", min=start, max="+", count=5_000)
        for _id, fields in rows:
            event = orjson.loads(fields[b"e"])
            if m := MARKER.search(event.get("text", "")):
                seen.add(int(m.group(1)))
            if (line := re.fullmatch(r"replay-.*-(\d+)", event.get("id", ""))) is not None:
                last_line = max(last_line, int(line.group(1)))
        if len(rows) < 5_000:
            return seen, last_line
        start = "(" + rows[-1][0].decode()


async def newest_published_ts(client: aioredis.Redis) -> float | None:
    rows: Any = await client.xrevrange(f"{PREFIX}:{CHANNEL}:input", count=1)
    if not rows:
        return None
    from datetime import datetime

    return datetime.fromisoformat(orjson.loads(rows[0][1][b"e"])["ts"]).timestamp()


async def brain_read_ms(client: aioredis.Redis) -> int:
    """The time part of the last entry id the brain's group read from the input stream."""
    with contextlib.suppress(Exception):
        groups: Any = await client.xinfo_groups(f"{PREFIX}:{CHANNEL}:input")
        for g in groups:
            name = g["name"].decode() if isinstance(g["name"], bytes) else g["name"]
            if name == "brain":
                last = g["last-delivered-id"]
                return int((last.decode() if isinstance(last, bytes) else last).split("-")[0])
    return 0


async def measure_redis_return(redis_url: str, back: float, timeout: float = 30) -> tuple[float, float]:
    """Seconds from ``back`` (Redis answering again) to: an event published after it on the
    bus (the outbox drained), and the brain reading an entry added after it."""
    client = aioredis.from_url(redis_url)
    drained = heard = -1.0
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and (drained < 0 or heard < 0):
            with contextlib.suppress(Exception):
                ts = await newest_published_ts(client)
                if drained < 0 and ts is not None and ts >= back:
                    drained = time.time() - back
                if heard < 0 and await brain_read_ms(client) >= back * 1000:
                    heard = time.time() - back
            await asyncio.sleep(0.01)
    finally:
        await client.aclose()
    return round(drained, 3), round(heard, 3)


# -------------------------------------------------------------------- the faults


async def postgres_outage(run: Run, plan: Plan) -> None:
    """A smart shutdown with a session held open (new sessions get 57P03), the bot's sessions
    ended, then the server stops, stays down, and starts again."""
    begun = time.monotonic()
    held = await asyncpg.connect(run.pg.dsn())
    run.pg.smart_shutdown()
    await held.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'vtuber' "
        "AND pid <> pg_backend_pid()"
    )
    await asyncio.sleep(plan.pg_refusing_s)
    await held.close()
    await asyncio.to_thread(run.pg.wait_stopped)
    await asyncio.sleep(max(0.0, plan.pg_down_s - (time.monotonic() - begun)))
    await asyncio.to_thread(run.pg.start)


async def redis_restart(run: Run, plan: Plan) -> tuple[float, float]:
    await asyncio.to_thread(run.redis.stop)
    await asyncio.sleep(plan.redis_down_s)
    await asyncio.to_thread(run.redis.start)
    return await measure_redis_return(run.redis.url, time.time())


async def restart_bot(run: Run, plan: Plan, resume: bool) -> None:
    assert run.bot is not None
    run.bot.kill()
    run.bot.wait(10)
    await asyncio.sleep(plan.bot_down_s)
    client = aioredis.from_url(run.redis.url)
    try:
        _, last_line = await bus_markers(client)
    finally:
        await client.aclose()
    if resume:
        run.start_bot(["--replay", str(run.replay), "--from", str(max(last_line, 1))])
        return
    # no resume option: replay the rest of the file by hand (offsets shifted to start at 0)
    rest = run.work / "replay-rest.jsonl"
    lines = run.replay.read_text(encoding="utf-8").splitlines()[max(last_line, 1) - 1 :]
    first = orjson.loads(lines[0])["at"]
    rest.write_text("\n".join(
        orjson.dumps({**(o := orjson.loads(line)), "at": round(o["at"] - first, 3)}).decode() for line in lines
    ) + "\n", encoding="utf-8")  # fmt: skip
    run.start_bot(["--replay", str(rest)])


async def until(predicate: Any, timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if await predicate():
                return True
        await asyncio.sleep(step)
    return False


async def stored_markers(db_url: str) -> Counter[int]:
    conn = await asyncpg.connect(db_url.replace("+asyncpg", ""))
    try:
        rows = await conn.fetch("SELECT payload->>'text' AS text FROM events WHERE type = 'chat.message'")
    finally:
        await conn.close()
    return Counter(int(m.group(1)) for r in rows if (m := MARKER.search(r["text"] or "")))


async def scenario(run: Run, plan: Plan) -> dict[str, Any]:
    from streamer.store import upgrade

    await asyncio.to_thread(run.redis.start)
    await asyncio.to_thread(run.pg.start)
    run.db_url = await asyncio.to_thread(run.pg.create_database, "vtuber")
    await upgrade(run.db_url)
    run.llm.start_in_thread()
    run.tts.start_in_thread()
    write_replay(run.replay, plan)
    resume = await asyncio.to_thread(run.supports_resume)
    client = aioredis.from_url(run.redis.url)

    async def on_bus() -> bool:
        return await client.exists(f"{PREFIX}:{CHANNEL}:input") == 1

    run.start_worker()
    run.start_bot(["--replay", str(run.replay)])
    if not await until(on_bus, 180):
        raise RuntimeError(f"the bot never published; see {run.logs}")
    t0 = time.monotonic()

    async def at(offset: float) -> None:
        await asyncio.sleep(max(0.0, t0 + offset - time.monotonic()))

    await client.aclose()
    await at(plan.kill_worker_at)
    run.end(run.worker, signal.SIGKILL)
    await at(plan.pg_at)
    await postgres_outage(run, plan)
    await at(plan.worker_back_at)
    run.start_worker()
    await at(plan.freeze_at)
    run.redis.freeze()
    await asyncio.sleep(plan.freeze_s)
    run.redis.thaw()
    await at(plan.redis_restart_at)
    stall, heard = await redis_restart(run, plan)
    await at(plan.kill_bot_at)
    await restart_bot(run, plan, resume)

    client = aioredis.from_url(run.redis.url)
    try:

        async def replay_done() -> bool:
            seen, _ = await bus_markers(client)
            return plan.events - 1 in seen

        await until(replay_done, plan.events / plan.rate + 120, step=0.5)
        expected = set(range(plan.events))

        async def all_stored() -> bool:
            return expected <= set(await stored_markers(run.db_url))

        await until(all_stored, 90, step=0.5)
        published, _ = await bus_markers(client)
        dead = int(await client.xlen(f"{PREFIX}:{CHANNEL}:deadletter"))
    finally:
        await client.aclose()
    run.end(run.bot)
    run.end(run.worker)
    stored = await stored_markers(run.db_url)
    errors = sum(1 for log in run.logs for line in log.read_text(errors="replace").splitlines()
                 if ERROR_LINE.match(line))  # fmt: skip
    return {
        "events": plan.events,
        "published": len(published),
        "stored": len(stored),
        "lost": len(set(range(plan.events)) - set(stored)),
        "duplicates": sum(n - 1 for n in stored.values()),
        "dead_letters": dead,
        "stall_after_redis_restart_s": stall,
        "heard_after_redis_restart_s": heard,
        "error_log_lines": errors,
        "resume": "--from" if resume else "a file of the remaining lines",
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="shorter faults and fewer events (about a minute)"
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose bot runs")
    parser.add_argument("--keep", action="store_true", help="keep the logs and the replay file")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    work = Path(tempfile.mkdtemp(prefix="faults-"))
    run = Run(plan, args.root.resolve(), work)
    started = time.monotonic()
    try:
        result = asyncio.run(scenario(run, plan))
    finally:
        run.close()
    result["seconds"] = round(time.monotonic() - started, 1)
    result["quick"] = args.quick
    if args.keep:
        result["logs"] = str(work)
    else:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
