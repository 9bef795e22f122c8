"""The running llama.cpp server switches to a merged model file (integrations.registry.
adapter_switcher with ``merged``): it restarts on that file with no adapter, answers as the
adapter at run time does, goes back to the configured model on rollback; a broken merged file
never reaches the server, and a model the server cannot start on leaves the previous one served."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from integrations.llama_cpp.server import LlamaServer, LlamaServerConfig, LlamaServerError
from integrations.lora.gguf_adapter import AdapterFormatError
from integrations.registry import adapter_switcher
from tests.integrations.llama_cpp.test_server_adapter import reply, strong_adapter

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("gguf") is None, reason="the optional train extra (gguf) is not installed"
)


async def test_the_server_serves_the_merged_model_and_keeps_serving_on_a_bad_one(tmp_path: Path) -> None:
    from integrations.llama_cpp.model import bundled_model_path
    from integrations.lora.merge import merge_adapter

    server = LlamaServer(LlamaServerConfig(n_threads=1, n_ctx=512, verbose=False))
    await server.start()
    try:
        switch = adapter_switcher(server)
        assert switch is not None
        port, base = server.port, await reply(server)
        adapter = strong_adapter(tmp_path / "a.gguf")
        merged = merge_adapter(
            bundled_model_path(), adapter, tmp_path / "merged.gguf", adapted_type="q8_0"
        ).path
        await switch(adapter)
        at_run_time = await reply(server)
        await switch(None, merged)
        assert server.port == port and server.model_path == merged
        assert "--lora_path" not in server.config.extra_args
        served = await reply(server)
        # this random adapter makes her babble; the merged model's first tokens are the run-time
        # adapter's (here " vsaughed"), then a near-tie parts them (tests/integrations/lora/test_merge.py)
        assert served != base and served[:5] == at_run_time[:5]
        broken = tmp_path / "broken.gguf"
        broken.write_bytes(merged.read_bytes()[:4096])
        with pytest.raises(AdapterFormatError, match="not a readable GGUF"):
            await switch(None, broken)
        assert server.model_path == merged and await reply(server) == served
        with pytest.raises(LlamaServerError, match="did not start on the new model"):
            await server.serve(model=tmp_path / "gone.gguf")  # past the check: the start fails
        assert server.running and server.port == port and server.model_path == merged
        assert await reply(server) == served
        await switch(None)  # rollback: the configured (bundled) model, no adapter
        assert server.model_path == bundled_model_path() and await reply(server) == base
    finally:
        await server.stop()
