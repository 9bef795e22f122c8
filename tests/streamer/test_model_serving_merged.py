"""Which file a deploy of a local model version serves (streamer.app._serve_model_version with
streamer.model_serving.local_servable): the merged model when the version has one
(``report["merged_model"]``), the adapter on the base model for an older version without it,
the base model on rollback; through the brain, a broken merged file is refused with the reason
in ``status.model`` and the version served before stays."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import pytest

from streamer.app import _serve_model_version
from streamer.store import make_engine, make_sessionmaker
from streamer.store.model_versions import save_model_version
from tests.streamer.test_brain import Rig, rig  # noqa: F401 - the fixture is used by name
from tests.streamer.test_brain_model_switch import switch


async def test_a_merged_version_serves_its_merged_file_and_an_older_one_its_adapter(
    rig: Rig,  # noqa: F811
    sqlite_url: str,
    tmp_path: Path,
) -> None:
    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    calls: list[tuple[Path | None, Path | None]] = []

    async def restart_with(adapter: Path | None, merged: Path | None = None) -> None:
        calls.append((adapter, merged))  # stands in for integrations.registry.adapter_switcher

    try:
        merged = await save_model_version(
            sessions, backend="local", base_model="smol.gguf", adapter_path="/m/v1/adapter.gguf",
            report={"deployable": True, "merged_model": "/m/v1/merged.gguf"}, by="t",
        )  # fmt: skip
        older = await save_model_version(
            sessions, backend="local", base_model="smol.gguf", adapter_path="/m/v0/adapter.gguf",
            report={"deployable": True}, by="t",
        )  # fmt: skip
        unsafe = await save_model_version(
            sessions, backend="local", base_model="smol.gguf", adapter_path="/m/v2/adapter.gguf",
            report={"deployable": False, "refusal": "safety fell", "merged_model": "/m/v2/merged.gguf"}, by="t",
        )  # fmt: skip
        rig.brain.model_switcher = functools.partial(_serve_model_version, sessions, restart_with)
        assert (await switch(rig, "hiyori", merged)).ok
        assert calls == [(None, Path("/m/v1/merged.gguf"))] and rig.brain.model_version == merged
        assert (await switch(rig, "hiyori", older)).ok
        assert calls[-1] == (Path("/m/v0/adapter.gguf"), None)
        refused = await switch(rig, "hiyori", unsafe)
        assert not refused.ok and "not deployable: safety fell" in refused.error and len(calls) == 2
        assert (await switch(rig, "hiyori", None)).ok
        assert calls == [(None, Path("/m/v1/merged.gguf")), (Path("/m/v0/adapter.gguf"), None), (None, None)]
    finally:
        await engine.dispose()


@pytest.mark.skipif(
    importlib.util.find_spec("gguf") is None, reason="the train extra (gguf) is not installed"
)
async def test_a_broken_merged_file_is_refused_and_the_served_version_stays(
    rig: Rig,  # noqa: F811
    sqlite_url: str,
    tmp_path: Path,
) -> None:
    from integrations.llama_cpp.model import bundled_model_path
    from integrations.lora.merge import check_merged

    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    served: list[Path | None] = []

    async def restart_with(adapter: Path | None, merged: Path | None = None) -> None:
        if merged is not None:  # the check adapter_switcher makes before restarting the server
            check_merged(merged, bundled_model_path())
        served.append(merged or adapter)

    broken = tmp_path / "merged.gguf"
    broken.write_bytes(bundled_model_path().read_bytes()[:100_000])
    try:
        good = await save_model_version(
            sessions, backend="local", base_model="smol.gguf", adapter_path="/m/v0/adapter.gguf",
            report={"deployable": True}, by="t",
        )  # fmt: skip
        bad = await save_model_version(
            sessions, backend="local", base_model="smol.gguf", adapter_path=str(tmp_path / "adapter.gguf"),
            report={"deployable": True, "merged_model": str(broken)}, by="t",
        )  # fmt: skip
        gone = await save_model_version(
            sessions, backend="local", base_model="smol.gguf", adapter_path=str(tmp_path / "adapter.gguf"),
            report={"deployable": True, "merged_model": str(tmp_path / "deleted.gguf")}, by="t",
        )  # fmt: skip
        rig.brain.model_switcher = functools.partial(_serve_model_version, sessions, restart_with)
        assert (await switch(rig, "hiyori", good)).ok and served == [Path("/m/v0/adapter.gguf")]
        refused = await switch(rig, "hiyori", bad)
        assert not refused.ok and refused.error.startswith(
            f"the merged model {broken} is not a readable GGUF"
        )
        missing = await switch(rig, "hiyori", gone)
        assert (
            not missing.ok and missing.error == f"the merged model {tmp_path / 'deleted.gguf'} does not exist"
        )
        assert rig.brain.model_version == good and served == [Path("/m/v0/adapter.gguf")]
    finally:
        await engine.dispose()
