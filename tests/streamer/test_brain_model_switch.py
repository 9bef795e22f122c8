"""A model version deployed to the running brain over the bus: it serves it and confirms with
``status.model``, or refuses and says why (another persona, a bot that cannot switch, a
switch that failed); after a restart it serves the version the persona points at."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from config.settings import Settings
from engines import events as ev
from streamer.app import App, _resume_model_version
from streamer.store import make_engine, make_sessionmaker
from streamer.store.writer import channel_ids, write_events
from tests.streamer.test_brain import Rig, rig  # noqa: F401 - the fixture is used by name

MOD = "streamer_sam"


async def switch(r: Rig, persona: str, version: int | None) -> ev.ModelApplied:
    await r.bus.publish(ev.ModelSwitch(channel="chan", by=MOD, persona=persona, model_version=version))
    answer = (await r.outputs(until="status.model"))[-1]
    assert isinstance(answer, ev.ModelApplied)
    return answer


async def test_the_brain_serves_the_version_and_confirms(rig: Rig) -> None:  # noqa: F811
    served: list[int | None] = []

    async def serve(version: int | None) -> None:
        served.append(version)

    rig.brain.model_switcher = serve
    got = await switch(rig, "hiyori", 4)
    assert (got.persona, got.model_version, got.ok, got.error) == ("hiyori", 4, True, "")
    assert served == [4] and rig.brain.model_version == 4
    back = await switch(rig, "hiyori", None)  # back to the base model
    assert back.ok and served == [4, None] and rig.brain.model_version is None


async def test_a_failed_or_impossible_switch_is_refused_with_the_reason(rig: Rig) -> None:  # noqa: F811
    none = await switch(rig, "hiyori", 2)
    assert not none.ok and "cannot switch versions" in none.error

    async def broken(version: int | None) -> None:
        raise ValueError(f"model version {version} is not deployable: safety pass rate fell")

    rig.brain.model_switcher = broken
    refused = await switch(rig, "hiyori", 3)
    assert not refused.ok and refused.error == "model version 3 is not deployable: safety pass rate fell"
    assert rig.brain.model_version is None
    other = await switch(rig, "someone_else", 3)
    assert not other.ok and "not someone_else" in other.error


async def test_after_a_restart_the_bot_serves_the_version_the_persona_points_at(
    rig: Rig,  # noqa: F811
    sqlite_url: str,
) -> None:
    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    try:
        confirmed = [  # deployed 2, then 5 (the newest confirmed wins), a refused 7 does not count
            ev.ModelApplied(channel="chan", persona="hiyori", model_version=2),
            ev.ModelApplied(channel="chan", persona="hiyori", model_version=5),
            ev.ModelApplied(channel="chan", persona="hiyori", model_version=7, ok=False, error="no file"),
        ]
        async with sessions() as s, s.begin():
            cache = await channel_ids(s, {"chan"}, {})
            await write_events(s, [(ev.stream_of(e), e) for e in confirmed], cache)
        served: list[int | None] = []

        async def serve(version: int | None) -> None:
            served.append(version)

        rig.brain.model_switcher = serve
        app = cast(App, SimpleNamespace(sessions=sessions, settings=Settings(channel="chan")))
        await _resume_model_version(app, rig.brain, "hiyori")
        assert served == [5] and rig.brain.model_version == 5
        answer = (await rig.outputs(until="status.model"))[-1]
        assert isinstance(answer, ev.ModelApplied) and answer.ok and answer.model_version == 5
        await _resume_model_version(app, rig.brain, "someone_else")  # nothing deployed for that persona
        assert served == [5]
    finally:
        await engine.dispose()
