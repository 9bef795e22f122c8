"""Helpers for the dashboard tests: settings on the test's Redis and PostgreSQL, cheap
password hashing, accounts, logins with the CSRF header, a real bot (brain, recorder)
on the same bus, and a background event loop that serves the dashboard with uvicorn."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Awaitable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import uvicorn
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient

from config.persona import load_persona
from config.settings import Settings, load_settings
from dashboard_api.accounts import create_account
from dashboard_api.cli import server_config
from engines.ai.safety import SafetyPipeline
from engines.backends import Limits
from engines.events import BotHeartbeat, ComponentHealth, ComponentState, utcnow
from engines.voice.sinks import NullSink
from integrations.openai.llm import OpenAILLM
from streamer.app import with_overlay_audio
from streamer.brain import Brain
from streamer.bus import Bus, make_bus
from streamer.heartbeat import Heartbeat, for_brain, starting_components
from streamer.performer import Performer
from streamer.store import Recorder, make_engine, make_sessionmaker
from streamer.store.personas import current_persona, load_persona_version
from tests.support.fake_openai import FakeBehavior, FakeOpenAI
from tests.support.fixed_tts import FixedTimingTTS

T = TypeVar("T")
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
"""Tests only: argon2 with the smallest cost, so a login takes microseconds, not 0.5 s."""
PASSWORD = "correct horse battery"
SAFETY = SafetyPipeline()


def dashboard_settings(db_url: str, redis_url: str | None, prefix: str, **dashboard: Any) -> Settings:
    return load_settings(
        database_url=db_url,
        redis_url=redis_url,
        channel="chan",
        secret_key="test-signing-key",
        bus={"prefix": prefix, "backend": "redis" if redis_url else "memory"},
        dashboard={"cookie_secure": False, **dashboard},
    )


async def add_account(db_url: str, name: str, role: str, password: str = PASSWORD) -> None:
    engine = make_engine(db_url)
    try:
        await create_account(make_sessionmaker(engine), name, role, password, by="test", hasher=FAST_HASHER)
    finally:
        await engine.dispose()


def login(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Sign ``client`` in (its cookie jar keeps the session); returns the CSRF token."""
    client.cookies.clear()
    res = client.post("/api/login", json={"name": name, "password": password})
    assert res.status_code == 200, res.text
    csrf: str = res.json()["csrf"]
    return csrf


class Api:
    """A signed-in TestClient that sends the CSRF header with every change."""

    def __init__(self, client: TestClient, name: str, password: str = PASSWORD) -> None:
        self.client = client
        self.csrf = login(client, name, password)

    def get(self, path: str, **kw: Any) -> Any:
        return self.client.get(path, **kw)

    def post(self, path: str, json: Any = None, **kw: Any) -> Any:
        return self.client.post(path, json=json, headers={"X-CSRF-Token": self.csrf}, **kw)

    def delete(self, path: str, **kw: Any) -> Any:
        return self.client.delete(path, headers={"X-CSRF-Token": self.csrf}, **kw)

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on the app's own event loop (where its bus and engine live)."""
        portal = self.client.portal
        assert portal is not None, "use the TestClient as a context manager"

        async def wrapper() -> T:
            return await coro

        return portal.call(wrapper)


def bot_beats(api: Api, *, twitch: ComponentState = "ok") -> None:
    """Publish a running bot's heartbeat on the dashboard's bus (``every_s`` 60: it counts as
    up for the whole test) and wait until the dashboard has taken it."""
    app: Any = api.client.app
    beat = BotHeartbeat(
        channel=app.state.dash.settings.channel, every_s=60, started_at=utcnow(),
        components={"twitch": ComponentHealth(state=twitch)},
    )  # fmt: skip
    api.run(app.state.bus.publish(beat))
    for _ in range(200):
        if app.state.dash.status.beat is not None and app.state.dash.status.beat.id == beat.id:
            return
        threading.Event().wait(0.02)
    raise AssertionError("the dashboard did not take the heartbeat")


# ---------------------------------------------------------------- a real bot on the bus


@dataclass
class Bot:
    """The real brain (stand-in LLM server and fixed-timing TTS) and recorder on a bus."""

    bus: Bus
    brain: Brain
    recorder: Recorder
    fake: FakeOpenAI
    llm: OpenAILLM
    tasks: list[asyncio.Task[None]]
    engine: Any
    heartbeat: Heartbeat

    async def stop(self) -> None:
        self.brain.stop()
        self.recorder.stop()
        self.heartbeat.stop()
        await asyncio.wait_for(asyncio.gather(*self.tasks, return_exceptions=True), 10)
        # Brain.run() returns before an interrupted turn has finished unwinding (it still
        # publishes its end): wait for it, or it reopens a bus connection after the close
        async with asyncio.timeout(10):
            while self.brain.busy:
                await asyncio.sleep(0.01)
        await self.brain.performer.sink.aclose()
        await self.llm.aclose()
        await self.fake.stop()
        await self.bus.close()
        await self.engine.dispose()


async def start_bot(
    settings: Settings,
    *,
    reply: str = "Hi there, welcome in! It is a cozy stream today.",
    seconds_per_char: float = 0.03,
    heartbeat_s: float = 0.5,
    context_tokens: int | None = None,
) -> Bot:
    """The bot as `vtuber run` wires it, with stand-ins for the model and the voice: its sink
    also relays the speech to the overlay page when ``dashboard.overlay_audio`` is on."""
    await asyncio.to_thread(SAFETY.warm)  # the classifier loads once, not inside the first turn
    fake = FakeOpenAI(FakeBehavior(reply=reply, ttft_s=0.05, tokens_per_s=100))
    await fake.start()
    engine = make_engine(settings.database_url.get_secret_value())
    sessions = make_sessionmaker(engine)
    bus = make_bus(settings)
    bundled = load_persona(settings.persona).model_copy(update={"min_gap_s": 0.0, "reply_frequency": 1.0})
    persona, version = await current_persona(sessions, bundled)
    llm = OpenAILLM(
        base_url=fake.base_url, model="fake", limits=Limits(first_output_s=3.0, stall_s=2.0, total_s=20.0)
    )
    sink = with_overlay_audio(settings, NullSink(pace=1.0), pace=1.0)
    performer = Performer(FixedTimingTTS(first_audio_s=0.02, seconds_per_char=seconds_per_char), sink)
    brain = Brain(
        bus=bus, channel=settings.channel, persona=persona, llm=llm, performer=performer, safety=SAFETY,
        persona_version=version, persona_loader=lambda pid, v: load_persona_version(sessions, pid, v),
        context_tokens=context_tokens,
    )  # fmt: skip
    performer.on_sentence = brain.on_sentence
    recorder = Recorder(bus, sessions, consumer="test-recorder", block_ms=50)
    # no Twitch here: a test that needs it up publishes its status, as the connection would
    components = starting_components(twitch=False, voice=False)
    heartbeat = Heartbeat(bus, settings.channel, for_brain(brain), components=components, every_s=heartbeat_s)
    tasks = [asyncio.create_task(brain.run()), asyncio.create_task(recorder.run())]
    tasks.append(asyncio.create_task(heartbeat.run()))
    return Bot(bus, brain, recorder, fake, llm, tasks, engine, heartbeat)


# ---------------------------------------------------------------- a served dashboard


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class LoopThread:
    """An asyncio loop in a daemon thread: serve the dashboard while a sync test drives a browser."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro: Awaitable[T], timeout: float = 60) -> T:
        async def wrapper() -> T:
            return await coro

        return asyncio.run_coroutine_threadsafe(wrapper(), self.loop).result(timeout)

    def close(self) -> None:
        """Stop the loop, then end what is left on it and close it, as ``asyncio.run`` does (an
        unclosed loop leaks its self-pipe: a ResourceWarning)."""
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        if self.thread.is_alive():
            return

        async def finish() -> None:
            left = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in left:
                task.cancel()
            await asyncio.gather(*left, return_exceptions=True)
            await self.loop.shutdown_asyncgens()
            await self.loop.shutdown_default_executor()

        self.loop.run_until_complete(finish())
        self.loop.close()


class Served:
    """uvicorn serving an app on 127.0.0.1:<free port> inside a :class:`LoopThread`."""

    def __init__(self, app: FastAPI, loop: LoopThread) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(
            server_config(app, "127.0.0.1", self.port, log_level="warning", ws="websockets-sansio")
        )
        self.loop = loop
        self.task = asyncio.run_coroutine_threadsafe(self.server.serve(), loop.loop)
        for _ in range(200):
            if self.server.started:
                return
            threading.Event().wait(0.05)
        raise RuntimeError("the dashboard did not start")

    def stop(self) -> None:
        self.server.should_exit = True
        self.task.result(15)


OUTPUT = Path(__file__).resolve().parents[1] / "output"


async def record_all(settings: Settings, timeout: float = 10.0) -> int:
    """Run a real recorder until everything on the bus so far is in the database."""
    engine = make_engine(settings.database_url.get_secret_value())
    bus = make_bus(settings)
    recorder = Recorder(bus, make_sessionmaker(engine), consumer="test-recorder", block_ms=50)
    task = asyncio.create_task(recorder.run())
    try:
        assert await recorder.wait_idle(timeout), "the recorder did not catch up"
    finally:
        recorder.stop()
        await asyncio.wait_for(task, timeout)
        await bus.close()
        await engine.dispose()
    return recorder.stats.stored


async def read_control(settings: Settings, group: str = "test") -> list[Any]:
    """Every control event on the bus so far (a fresh consumer group sees them all)."""
    bus = make_bus(settings)
    try:
        got = await bus.read(group, "t", ["control"], count=1_000, block_ms=200)
    finally:
        await bus.close()
    return [d.event for d in got]
