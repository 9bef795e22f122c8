"""Ingest benchmark: chat events through Redis Streams into PostgreSQL via the recorder.

A publisher (this process) sends N chat events at a fixed rate through the Redis bus; the
recorder runs in its own process(es), exactly as in production, and writes them to a fresh
PostgreSQL database. Latency is publish-to-durable: from the moment an event is created
and published to the moment its batch's transaction committed.

    .venv/bin/python benchmarks/ingest.py --rate 12000 --seconds 10

The last line printed is one JSON object with events_per_s, p50_ms, p99_ms, lost and
peak_rss_mb (the largest resident set of any benchmark process).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import resource
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg
import redis.asyncio as aioredis

from engines.events import ChatMessage, Viewer
from streamer.bus import Keys
from streamer.bus.redis_streams import RedisBus
from streamer.store import Recorder, make_engine, make_sessionmaker, upgrade

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14")
ADMIN_URL = os.environ.get("DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")


def _db_url(name: str) -> str:
    return f"{ADMIN_URL.rpartition('/')[0]}/{name}"


async def _admin(sql: str) -> None:
    conn = await asyncpg.connect(ADMIN_URL.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def recorder_main(db_url: str, prefix: str, name: str, out: str, expected: int, batch: int) -> None:
    """Child process: run one recorder until the run's events are all stored, then dump latencies."""

    async def go() -> None:
        engine = make_engine(db_url, pool_size=2)
        bus = RedisBus(aioredis.from_url(REDIS_URL), Keys(prefix, "bench"), maxlen=2_000_000)
        latencies: list[float] = []

        def on_commit(batch_: object) -> None:
            now = time.time()
            latencies.extend(now - d.event.ts.timestamp() for d in batch_)  # type: ignore[attr-defined]

        rec = Recorder(
            bus, make_sessionmaker(engine), consumer=name, batch_size=batch, block_ms=50, on_commit=on_commit
        )
        task = asyncio.create_task(rec.run())
        stop_file = Path(out + ".stop")
        while not stop_file.exists() and not task.done():
            await asyncio.sleep(0.05)
        rec.stop()
        await task
        await bus.close()
        await engine.dispose()
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        Path(out).write_text(
            json.dumps(
                {
                    "latencies": latencies,
                    "rss_mb": rss_mb,
                    "stored": rec.stats.stored,
                    "last_commit": rec.stats.last_commit,
                }
            )
        )

    asyncio.run(go())


async def publish(prefix: str, total: int, rate: float, chunk: int) -> tuple[float, float]:
    bus = RedisBus(aioredis.from_url(REDIS_URL), Keys(prefix, "bench"), maxlen=2_000_000)
    users = [Viewer(id=str(1000 + i), login=f"viewer{i}", display_name=f"Viewer{i}") for i in range(500)]
    start = time.monotonic()
    first = time.time()
    sent = 0
    while sent < total:
        n = min(chunk, total - sent)
        batch = [
            ChatMessage(
                id=f"{prefix}-{sent + i}",
                channel="bench",
                user=users[(sent + i) % 500],
                text=f"message {sent + i} PogChamp",
            )
            for i in range(n)
        ]
        await bus.publish_many(batch)
        sent += n
        ahead = start + sent / rate - time.monotonic()
        if ahead > 0:
            await asyncio.sleep(ahead)
    last = time.time()
    await bus.close()
    return first, last


async def count_stored(db_url: str) -> int:
    conn = await asyncpg.connect(db_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        return int(await conn.fetchval("SELECT count(*) FROM events"))
    finally:
        await conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rate", type=float, default=12_000, help="events per second offered (default 12000)")
    ap.add_argument("--seconds", type=float, default=10, help="how long to publish (default 10)")
    ap.add_argument("--recorders", type=int, default=1, help="recorder processes (default 1)")
    ap.add_argument("--batch", type=int, default=1_000, help="recorder batch size (default 1000)")
    args = ap.parse_args()
    total = int(args.rate * args.seconds)
    prefix = "bench" + uuid.uuid4().hex[:8]
    db_name = "vtuber_bench_" + uuid.uuid4().hex[:8]
    asyncio.run(_admin(f'CREATE DATABASE "{db_name}"'))
    db_url = _db_url(db_name)
    tmp = Path(tempfile.mkdtemp(prefix="ingest-"))
    try:
        asyncio.run(upgrade(db_url))
        ctx = mp.get_context("spawn")
        outs = [str(tmp / f"rec{i}.json") for i in range(args.recorders)]
        procs = [
            ctx.Process(target=recorder_main, args=(db_url, prefix, f"rec{i}", outs[i], total, args.batch))
            for i in range(args.recorders)
        ]
        for p in procs:
            p.start()
        time.sleep(1.5)  # let the recorders connect and create their group
        first, last_pub = asyncio.run(publish(prefix, total, args.rate, chunk=max(1, int(args.rate / 50))))
        deadline = time.time() + 120
        stored = 0
        while time.time() < deadline:
            stored = asyncio.run(count_stored(db_url))
            if stored >= total:
                break
            time.sleep(0.2)
        for out in outs:
            Path(out + ".stop").touch()
        for p in procs:
            p.join(60)
        results = [json.loads(Path(o).read_text()) for o in outs if Path(o).exists()]
        latencies = sorted(lat for r in results for lat in r["latencies"])
        span = max([last_pub, *(r["last_commit"] for r in results)]) - first
        own_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        report = {
            "events": total,
            "offered_rate": args.rate,
            "recorders": args.recorders,
            "events_per_s": round(stored / span, 1) if span > 0 else 0.0,
            "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1) if latencies else None,
            "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
            "lost": total - stored,
            "peak_rss_mb": round(max([own_rss, *(r["rss_mb"] for r in results)]), 1),
        }
        print(json.dumps(report))
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)'))

        async def cleanup() -> None:
            r = aioredis.from_url(REDIS_URL)
            keys = [k async for k in r.scan_iter(match=f"{prefix}:*")]
            if keys:
                await r.delete(*keys)
            await r.aclose()

        asyncio.run(cleanup())


if __name__ == "__main__":
    main()
