"""A GGUF LoRA adapter merged into its base model: the numbers (W + alpha/rank * B @ A in numpy's
(out, in) order, on a non-square weight), the types written, everything else copied byte for
byte; on llama.cpp the merged bundled model answers as the base with the adapter at run time;
a missing, broken or wrong file is refused by ``check_merged``."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from integrations.lora.gguf_adapter import AdapterFormatError, write_adapter

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("gguf") is None, reason="the optional train extra (gguf) is not installed"
)
PREFIX = "base_model.model.model.layers"


def tiny_base(path: Path) -> dict[str, np.ndarray[Any, Any]]:
    """A small llama-shaped GGUF: one adapted Q4_1 weight (out 64 x in 96), one Q8_0 weight,
    one K-quant weight (Q4_K, all zero bytes: gguf can read it but not write it), a norm."""
    import gguf
    from gguf.quants import quantize

    rng = np.random.default_rng(3)
    up = rng.normal(0, 0.1, (64, 96)).astype(np.float32)
    down = rng.normal(0, 0.1, (96, 64)).astype(np.float32)
    norm = rng.normal(1, 0.1, (96,)).astype(np.float32)
    writer = gguf.GGUFWriter(str(path), arch="llama")
    writer.add_string("general.name", "tiny")
    writer.add_uint32("llama.block_count", 1)
    writer.add_array("tokenizer.ggml.tokens", ["a", "b", "c"])
    tensors = {
        "blk.0.ffn_up.weight": (quantize(up, gguf.GGMLQuantizationType.Q4_1), gguf.GGMLQuantizationType.Q4_1),
        "blk.0.ffn_down.weight": (
            quantize(down, gguf.GGMLQuantizationType.Q8_0),
            gguf.GGMLQuantizationType.Q8_0,
        ),
        "blk.0.attn_v.weight": (np.zeros((64, 144), np.uint8), gguf.GGMLQuantizationType.Q4_K),
        "blk.0.ffn_norm.weight": (norm, gguf.GGMLQuantizationType.F32),
    }
    for name, (data, qtype) in tensors.items():
        writer.add_tensor(name, data, raw_dtype=qtype)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return {"up": up, "down": down}


def lora(rng: np.random.Generator, n_in: int, n_out: int, rank: int = 4) -> tuple[np.ndarray[Any, Any], ...]:
    return rng.normal(0, 0.2, (rank, n_in)).astype(np.float32), rng.normal(0, 0.2, (n_out, rank)).astype(
        np.float32
    )


def test_the_merge_adds_scaled_b_a_and_copies_everything_else(tmp_path: Path) -> None:
    import gguf
    from gguf.quants import dequantize

    from integrations.lora.merge import merge_adapter

    tiny_base(base := tmp_path / "base.gguf")
    rng = np.random.default_rng(4)
    a_up, b_up = lora(rng, 96, 64)
    a_v, b_v = lora(rng, 256, 64)  # Q4_K rows: 256 weights in 144 bytes
    state = {
        f"{PREFIX}.0.mlp.up_proj.lora_A.weight": a_up,
        f"{PREFIX}.0.mlp.up_proj.lora_B.weight": b_up,
        f"{PREFIX}.0.self_attn.v_proj.lora_A.weight": a_v,
        f"{PREFIX}.0.self_attn.v_proj.lora_B.weight": b_v,
    }
    adapter = write_adapter(state, 8.0, tmp_path / "adapter.gguf")
    done = merge_adapter(base, adapter, tmp_path / "merged.gguf")
    assert done.merged == 2 and done.types == {"Q4_1": "Q4_1", "Q4_K": "Q8_0"}
    src, out = gguf.GGUFReader(str(base)), gguf.GGUFReader(str(done.path))
    got = {t.name: t for t in out.tensors}
    assert [t.name for t in out.tensors] == [t.name for t in src.tensors]
    assert {k: f.contents() for k, f in out.fields.items() if not k.startswith("GGUF.")} == {
        k: f.contents() for k, f in src.fields.items() if not k.startswith("GGUF.")
    }
    for t in src.tensors:
        if t.name in ("blk.0.ffn_down.weight", "blk.0.ffn_norm.weight"):
            assert got[t.name].tensor_type == t.tensor_type
            assert np.array_equal(np.asarray(got[t.name].data), np.asarray(t.data))
    up = dequantize(
        next(t for t in src.tensors if t.name == "blk.0.ffn_up.weight").data, gguf.GGMLQuantizationType.Q4_1
    )
    expected = up + 8.0 / 4 * (b_up @ a_up)  # alpha / rank
    merged_up = dequantize(got["blk.0.ffn_up.weight"].data, gguf.GGMLQuantizationType.Q4_1)
    step = (expected.max() - expected.min()) / 15  # one Q4_1 step at most, per block less
    assert np.max(np.abs(merged_up - expected)) < step / 2 + 1e-6
    assert np.max(np.abs(merged_up - up)) > step  # the adapter really is in it
    merged_v = dequantize(got["blk.0.attn_v.weight"].data, gguf.GGMLQuantizationType.Q8_0)
    assert np.allclose(merged_v, 2.0 * (b_v @ a_v), atol=np.abs(merged_v).max() / 127)
    as_q8 = merge_adapter(base, adapter, tmp_path / "q8.gguf", adapted_type="q8_0")
    assert as_q8.types == {"Q4_1": "Q8_0", "Q4_K": "Q8_0"}


def test_check_merged_refuses_missing_broken_and_adapter_files(tmp_path: Path) -> None:
    from integrations.lora.merge import check_merged, merge_adapter

    tiny_base(base := tmp_path / "base.gguf")
    rng = np.random.default_rng(5)
    a, b = lora(rng, 96, 64)
    adapter = write_adapter(
        {f"{PREFIX}.0.mlp.up_proj.lora_A.weight": a, f"{PREFIX}.0.mlp.up_proj.lora_B.weight": b},
        8.0,
        tmp_path / "adapter.gguf",
    )
    merged = merge_adapter(base, adapter, tmp_path / "merged.gguf").path
    check_merged(merged, base)
    with pytest.raises(AdapterFormatError, match="does not exist"):
        check_merged(tmp_path / "gone.gguf", base)
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(merged.read_bytes()[: merged.stat().st_size // 2])
    with pytest.raises(AdapterFormatError, match="not a readable GGUF"):
        check_merged(broken, base)
    with pytest.raises(AdapterFormatError, match="is a LoRA adapter"):
        check_merged(adapter, base)
    with pytest.raises(AdapterFormatError, match="wrong shape"):  # the adapter does not fit
        merge_adapter(base, write_adapter({
            f"{PREFIX}.0.mlp.up_proj.lora_A.weight": a[:, :32],
            f"{PREFIX}.0.mlp.up_proj.lora_B.weight": b,
        }, 8.0, tmp_path / "misfit.gguf"), tmp_path / "x.gguf")  # fmt: skip
    assert not (tmp_path / "x.gguf").exists()


PROMPTS = [
    b"<|im_start|>user\nHello, who are you?<|im_end|>\n<|im_start|>assistant\n",
    b"<|im_start|>user\nWhat should I eat tonight?<|im_end|>\n<|im_start|>assistant\n",
    b"<|im_start|>user\nTell me about your favourite game.<|im_end|>\n<|im_start|>assistant\n",
]


def run(model: Path, adapter: Path | None = None) -> list[tuple[np.ndarray[Any, Any], list[int]]]:
    """Per prompt: the next-token logits and 8 greedy tokens, on llama.cpp."""
    from llama_cpp import Llama

    llm = Llama(
        model_path=str(model), lora_path=str(adapter) if adapter else None, n_ctx=256,
        logits_all=True, n_threads=1, verbose=False, seed=0,
    )  # fmt: skip
    out = []
    try:
        for prompt in PROMPTS:
            llm.reset()  # type: ignore[no-untyped-call]
            tokens = llm.tokenize(prompt)
            llm.eval(tokens)
            logits = np.array(llm.scores[llm.n_tokens - 1], dtype=np.float32)
            llm.reset()  # type: ignore[no-untyped-call]
            greedy: list[int] = []
            for token in llm.generate(tokens, temp=0.0, top_k=1):
                if token == llm.token_eos() or len(greedy) == 8:
                    break
                greedy.append(token)
            out.append((logits, greedy))
    finally:
        llm.close()
    return out


def log_probs(logits: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    shifted = logits - logits.max()
    return np.asarray(shifted - np.log(np.exp(shifted).sum()))


def test_the_merged_bundled_model_answers_as_the_adapter_at_run_time(tmp_path: Path) -> None:
    """Measured with this adapter: the merged model's (adapted weights in Q8_0) next-token
    log-probabilities within 0.65-0.76 of the run-time adapter's (largest over the vocabulary),
    where the adapter moves them by 4.0-5.3; the same weights run as F32 instead of Q4_1 already
    differ by 0.42-0.49 on llama.cpp (it quantizes the activations for a quantized weight), so
    the top token of a near-tie (here 1 prompt of 3) and greedy replies after some tokens can
    differ."""
    from integrations.llama_cpp.model import bundled_model_path
    from integrations.lora.merge import merge_adapter

    rng = np.random.default_rng(0)
    state: dict[str, Any] = {}
    dims = {"self_attn.v_proj": (576, 192), "self_attn.o_proj": (576, 576), "mlp.gate_proj": (576, 1536),
            "mlp.up_proj": (576, 1536), "mlp.down_proj": (1536, 576)}  # fmt: skip
    for layer in range(30):  # the trainer's targets on SmolLM2-135M, rank 8
        for module, (n_in, n_out) in dims.items():
            state[f"{PREFIX}.{layer}.{module}.lora_A.weight"] = rng.normal(0, 0.05, (8, n_in)).astype(
                np.float32
            )
            state[f"{PREFIX}.{layer}.{module}.lora_B.weight"] = rng.normal(0, 0.05, (n_out, 8)).astype(
                np.float32
            )
    base = bundled_model_path()
    adapter = write_adapter(state, 16.0, tmp_path / "adapter.gguf")
    merged = merge_adapter(base, adapter, tmp_path / "merged.gguf", adapted_type="q8_0").path
    plain, at_run_time, served = run(base), run(base, adapter), run(merged)
    for (base_logits, _), (adapted, _), (merged_logits, _) in zip(plain, at_run_time, served, strict=True):
        moved = float(np.max(np.abs(log_probs(adapted) - log_probs(base_logits))))
        off = float(np.max(np.abs(log_probs(merged_logits) - log_probs(adapted))))
        assert moved > 3.0 and off < 1.0 and off < 0.3 * moved, (moved, off)
    assert any(gb != gr for (_, gb), (_, gr) in zip(plain, at_run_time, strict=True))
