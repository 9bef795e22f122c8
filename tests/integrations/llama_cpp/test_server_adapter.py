"""The running llama.cpp server switches to a GGUF LoRA adapter and back, on the same port, as
a deploy asks (integrations.registry.adapter_switcher: shapes checked first)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from integrations.llama_cpp.server import LlamaServer, LlamaServerConfig
from integrations.lora.gguf_adapter import AdapterFormatError, write_adapter
from integrations.registry import adapter_switcher

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("gguf") is None, reason="the optional train extra (gguf) is not installed"
)
PREFIX = "base_model.model.model.layers"


def strong_adapter(path: Path) -> Path:
    """Random LoRA deltas on every layer's MLP output, large enough to change the greedy reply."""
    rng = np.random.default_rng(1)
    state = {}
    for layer in range(30):  # SmolLM2-135M: 30 layers, hidden 576, MLP 1536
        state[f"{PREFIX}.{layer}.mlp.down_proj.lora_A.weight"] = rng.normal(0, 0.5, (4, 1536)).astype(
            np.float32
        )
        state[f"{PREFIX}.{layer}.mlp.down_proj.lora_B.weight"] = rng.normal(0, 0.5, (576, 4)).astype(
            np.float32
        )
    return write_adapter(state, 8.0, path)


async def reply(server: LlamaServer) -> str:
    body = {
        "messages": [{"role": "user", "content": "Say hello to chat."}],
        "max_tokens": 12,
        "temperature": 0,
    }
    status, raw = await server.request("POST", "/v1/chat/completions", body)
    assert status == 200
    return str(json.loads(raw)["choices"][0]["message"]["content"])


async def test_the_server_serves_an_adapter_and_drops_it_on_the_same_port(tmp_path: Path) -> None:
    server = LlamaServer(LlamaServerConfig(n_threads=1, n_ctx=512, verbose=False))
    await server.start()
    try:
        switch = adapter_switcher(server)
        assert switch is not None
        port, base = server.port, await reply(server)
        await switch(strong_adapter(tmp_path / "a.gguf"))
        assert server.port == port and server.running
        changed = await reply(server)
        assert changed != base
        await switch(None)
        assert server.port == port and await reply(server) == base
        bad = write_adapter(
            {
                f"{PREFIX}.0.mlp.down_proj.lora_A.weight": np.ones((4, 7), np.float32),
                f"{PREFIX}.0.mlp.down_proj.lora_B.weight": np.ones((576, 4), np.float32),
            },
            8.0,
            tmp_path / "bad.gguf",
        )
        with pytest.raises(AdapterFormatError):
            await switch(bad)
        assert server.running and await reply(server) == base  # a misfit never reaches the server
    finally:
        await server.stop()


def test_a_hosted_model_has_no_adapter_switch() -> None:
    assert adapter_switcher(None) is None
