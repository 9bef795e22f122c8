"""PEFT LoRA tensors -> llama.cpp GGUF LoRA adapter: names, shapes, metadata, and llama.cpp
loading the file (the training loop test shows a trained one changing the replies)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from integrations.lora.gguf_adapter import AdapterFormatError, gguf_tensors, write_adapter

PREFIX = "base_model.model.model.layers"


def test_peft_keys_map_to_llama_cpp_tensor_names_with_shapes_kept() -> None:
    a, b = np.ones((8, 576), np.float32), np.zeros((576, 8), np.float32)
    got = gguf_tensors(
        {
            f"{PREFIX}.0.self_attn.v_proj.lora_A.weight": np.ones((8, 576), np.float32),
            f"{PREFIX}.0.self_attn.v_proj.lora_B.weight": np.ones((192, 8), np.float32),
            f"{PREFIX}.29.mlp.down_proj.lora_A.weight": a,
            f"{PREFIX}.29.mlp.down_proj.lora_B.weight": b,
            f"{PREFIX}.3.self_attn.o_proj.lora_A.weight": a,
        }
    )
    assert {k: v.shape for k, v in got.items()} == {
        "blk.0.attn_v.weight.lora_a": (8, 576),
        "blk.0.attn_v.weight.lora_b": (192, 8),
        "blk.29.ffn_down.weight.lora_a": (8, 576),
        "blk.29.ffn_down.weight.lora_b": (576, 8),
        "blk.3.attn_output.weight.lora_a": (8, 576),
    }


def test_q_and_k_are_refused_since_llama_cpp_stores_them_permuted() -> None:
    with pytest.raises(AdapterFormatError, match="q_proj"):
        gguf_tensors({f"{PREFIX}.0.self_attn.q_proj.lora_A.weight": np.ones((2, 2), np.float32)})


@pytest.mark.skipif(
    importlib.util.find_spec("gguf") is None, reason="the optional train extra (gguf) is not installed"
)
def test_the_written_adapter_has_llama_cpps_metadata_and_llama_cpp_loads_it(tmp_path: Path) -> None:
    import gguf

    from integrations.llama_cpp.model import bundled_model_path
    from integrations.lora.generate import adapter_applies

    rng = np.random.default_rng(0)
    state = {}
    for layer in range(30):  # SmolLM2-135M: 30 layers, hidden 576, 3 kv heads of 64
        state[f"{PREFIX}.{layer}.self_attn.v_proj.lora_A.weight"] = rng.normal(0, 0.02, (4, 576)).astype(
            np.float32
        )
        state[f"{PREFIX}.{layer}.self_attn.v_proj.lora_B.weight"] = rng.normal(0, 0.02, (192, 4)).astype(
            np.float32
        )
    path = write_adapter(state, 8.0, tmp_path / "a.gguf")
    reader = gguf.GGUFReader(str(path))
    fields = {name: reader.fields[name] for name in ("general.type", "adapter.type", "adapter.lora.alpha")}
    assert bytes(fields["general.type"].parts[-1]).decode() == "adapter"
    assert bytes(fields["adapter.type"].parts[-1]).decode() == "lora"
    assert float(fields["adapter.lora.alpha"].parts[-1][0]) == 8.0
    assert len(reader.tensors) == 60 and not (tmp_path / "a.gguf.part").exists()

    assert adapter_applies(bundled_model_path(), path)
    bad = {
        f"{PREFIX}.0.self_attn.v_proj.lora_A.weight": np.ones((4, 100), np.float32),
        f"{PREFIX}.0.self_attn.v_proj.lora_B.weight": np.ones((192, 4), np.float32),
    }
    # llama.cpp would refuse it (and llama-cpp-python go on without it, or crash): refused first
    with pytest.raises(AdapterFormatError, match="wrong shape"):
        adapter_applies(bundled_model_path(), write_adapter(bad, 8, tmp_path / "bad.gguf"))
