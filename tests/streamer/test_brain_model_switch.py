"""A model version deployed to the running brain over the bus: it serves it and confirms with
``status.model``, or refuses and says why (another persona, a bot that cannot switch, a
switch that failed)."""

from __future__ import annotations

from engines import events as ev
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
