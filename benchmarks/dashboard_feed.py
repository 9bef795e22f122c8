"""Dashboard feed benchmark: how long an event takes from entering the bus to appearing in a
connected chat monitor's websocket, with many monitors open during a flood.

Three processes, as in production: the dashboard (uvicorn serving ``create_app``, its one
feed reader tailing Redis Streams), a publisher sending chat events to the Redis bus at a
fixed rate, and the monitors (websocket clients, logged in like a browser). The delay of
each event at each monitor is measured from the Redis entry id (the time Redis accepted
the event) to the moment the monitor's websocket delivered the frame holding it.

    .venv/bin/python benchmarks/dashboard_feed.py --rate 1000 --monitors 20 --seconds 10

Needs Redis (REDIS_URL, default redis://127.0.0.1:6379/14); accounts and sessions live in a
temporary SQLite file. The last line printed is one JSON object with feed_p50_ms,
feed_p99_ms and dropped (events that some monitor never got, counted per monitor).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import socket
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
import orjson
import redis.asyncio as aioredis
import websockets

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14")
PASSWORD = "benchmark password"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _settings(db_url: str, prefix: str, port: int) -> object:
    from config.settings import load_settings

    return load_settings(
        database_url=db_url, redis_url=REDIS_URL, channel="bench", secret_key="bench-key",
        bus={"prefix": prefix, "maxlen": 1_000_000}, dashboard={"port": port, "cookie_secure": False, "feed_history": 0},
    )  # fmt: skip


def serve_main(db_url: str, prefix: str, port: int) -> None:
    """Child process: the dashboard, as `vtuber dashboard` serves it."""
    import uvicorn

    from dashboard_api.app import create_app

    app = create_app(_settings(db_url, prefix, port))  # type: ignore[arg-type]
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", ws="websockets-sansio")


def publish_main(prefix: str, rate: int, seconds: float, start_at: float, out: str) -> None:
    """Child process: chat events at ``rate`` per second in 10 ms ticks, on the Redis bus."""
    from engines.events import ChatMessage, Viewer
    from streamer.bus import Keys
    from streamer.bus.redis_streams import RedisBus

    async def go() -> None:
        bus = RedisBus(aioredis.from_url(REDIS_URL), Keys(prefix, "bench"), maxlen=1_000_000)
        viewers = [Viewer(id=str(i), login=f"raider{i}", display_name=f"Raider{i}") for i in range(500)]
        total = int(rate * seconds)
        per_tick = max(1, rate // 100)
        sent = 0
        while time.time() < start_at:
            await asyncio.sleep(0.001)
        t0 = time.perf_counter()
        tick = 0
        while sent < total:
            n = min(per_tick, total - sent)
            batch = [
                ChatMessage(
                    channel="bench", user=viewers[(sent + i) % 500], text=f"raid message {sent + i} PogChamp"
                )
                for i in range(n)
            ]
            await bus.publish_many(batch)
            sent += n
            tick += 1
            delay = t0 + tick * per_tick / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
        elapsed = time.perf_counter() - t0
        await bus.close()
        Path(out).write_text(json.dumps({"sent": sent, "seconds": elapsed}))

    asyncio.run(go())


async def _login(base: str) -> str:
    async with httpx.AsyncClient(base_url=base) as client:
        res = await client.post("/api/login", json={"name": "bench_mod", "password": PASSWORD})
        res.raise_for_status()
        return f"vtuber_session={res.cookies['vtuber_session']}"


async def _monitor(
    uri: str, origin: str, cookie: str, ready: asyncio.Event, stats: dict[str, object]
) -> None:
    delays: list[float] = stats["delays"]  # type: ignore[assignment]
    seen: set[str] = stats["seen"]  # type: ignore[assignment]
    async with websockets.connect(
        uri, additional_headers={"Cookie": cookie, "Origin": origin}, max_size=None, ping_interval=None
    ) as ws:
        first = orjson.loads(await ws.recv())
        assert first["t"] == "history"
        ready.set()
        async for message in ws:
            now = time.time()
            frame = orjson.loads(message)
            if frame["t"] == "skipped":
                stats["skipped"] = int(stats["skipped"]) + frame["n"]  # type: ignore[call-overload]
                continue
            for item in frame["events"]:
                delays.append(now * 1000 - int(item["i"].split("-", 1)[0]))
                seen.add(item["e"]["id"])


async def run_monitors(
    base: str, monitors: int, start_at: float, expected: int, deadline: float
) -> list[dict[str, object]]:
    cookie = await _login(base)
    uri = base.replace("http://", "ws://") + "/api/feed"
    stats = [{"delays": [], "seen": set(), "skipped": 0} for _ in range(monitors)]
    readies = [asyncio.Event() for _ in range(monitors)]
    tasks = [
        asyncio.create_task(_monitor(uri, base, cookie, r, s)) for r, s in zip(readies, stats, strict=True)
    ]
    await asyncio.wait_for(asyncio.gather(*(r.wait() for r in readies)), 30)
    if time.time() > start_at:
        raise RuntimeError("monitors were not ready before the publisher started; raise --warmup")
    while time.time() < deadline and min(len(s["seen"]) + int(s["skipped"]) for s in stats) < expected:  # type: ignore[arg-type, call-overload]
        await asyncio.sleep(0.2)
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return stats


def _quantile(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=1000, method="inclusive")[int(q * 1000) - 1]
        if len(values) > 1
        else values[0]
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rate", type=int, default=1_000, help="events per second")
    parser.add_argument("--monitors", type=int, default=20, help="connected chat monitors")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=4.0, help="seconds for the monitors to connect")
    args = parser.parse_args()

    from argon2 import PasswordHasher

    from dashboard_api.accounts import create_account
    from streamer.store import make_engine, make_sessionmaker, upgrade

    prefix = "bench" + uuid.uuid4().hex[:8]
    tmp = Path(tempfile.mkdtemp(prefix="dashboard-feed-"))
    db_url = f"sqlite+aiosqlite:///{tmp / 'dashboard.db'}"

    async def prepare() -> None:
        await upgrade(db_url)
        engine = make_engine(db_url)
        await create_account(
            make_sessionmaker(engine), "bench_mod", "moderator", PASSWORD, by="bench", hasher=PasswordHasher()
        )
        await engine.dispose()

    asyncio.run(prepare())
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    ctx = mp.get_context("spawn")
    server = ctx.Process(target=serve_main, args=(db_url, prefix, port), daemon=True)
    server.start()
    publisher = None
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        else:
            raise RuntimeError("the dashboard did not start")
        start_at = time.time() + args.warmup
        expected = int(args.rate * args.seconds)
        out = tmp / "publisher.json"
        publisher = ctx.Process(
            target=publish_main, args=(prefix, args.rate, args.seconds, start_at, str(out))
        )
        publisher.start()
        deadline = start_at + args.seconds + 15
        stats = asyncio.run(run_monitors(base, args.monitors, start_at, expected, deadline))
        publisher.join(30)
        sent = json.loads(out.read_text())
    finally:
        if publisher is not None and publisher.is_alive():
            publisher.kill()
        server.terminate()
        server.join(10)

        async def cleanup() -> None:
            client = aioredis.from_url(REDIS_URL)
            keys = [k async for k in client.scan_iter(match=f"{prefix}:*")]
            if keys:
                await client.delete(*keys)
            await client.aclose()

        asyncio.run(cleanup())

    delays = [d for s in stats for d in s["delays"]]  # type: ignore[attr-defined]
    received = [len(s["seen"]) for s in stats]  # type: ignore[arg-type]
    skipped = sum(int(s["skipped"]) for s in stats)  # type: ignore[call-overload]
    result = {
        "feed_p50_ms": round(_quantile(delays, 0.50), 1),
        "feed_p99_ms": round(_quantile(delays, 0.99), 1),
        "feed_max_ms": round(max(delays), 1),
        "dropped": sum(sent["sent"] - n for n in received),
        "skipped_marked": skipped,
        "monitors": args.monitors,
        "events": sent["sent"],
        "events_per_s": round(sent["sent"] / sent["seconds"], 1),
    }
    print(f"{args.monitors} monitors, {result['events']} events at {result['events_per_s']}/s")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
