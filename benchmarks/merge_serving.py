"""Serving a LoRA-tuned local model: the base model, the base with the adapter applied at run
time (llama.cpp's ``--lora_path``), and the adapter merged into the weights
(:mod:`integrations.lora.merge`), in one sitting, on the validation suite's 12 chat lines.

    .venv/bin/python benchmarks/merge_serving.py                      # a random rank-8 adapter
    .venv/bin/python benchmarks/merge_serving.py --adapter data/models/fun-v1/adapter.gguf

The random adapter has the trainer's shape (rank 8, alpha 16, on v, o and the MLP of all 30
layers), which is what the run-time cost depends on. Figures: ``merge_s``, ``merged_bytes``,
first token p50 (ms, llama.cpp in-process, one thread, as validation runs it: the lines after
the first reuse the cached system prompt) per model over ``--rounds`` rounds in rotated order,
and the p50 of each round's first line alone (the whole prompt evaluated, about 300 tokens), the bundled model requantized to Q8_0 as the bot serves it
too, how many greedy replies of the merged model equal the run-time adapter's; next-token
log-probabilities on 3 chat prompts of the base, the merged model (adapted weights in Q8_0,
as training writes it), the merge re-quantized to the original types, and the base's adapted
weights as F32 with no adapter, each against the run-time adapter (and the last against the
base: llama.cpp's own numerical difference between weight types); and the load average before
and after. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from config.persona import load_persona  # noqa: E402
from engines.training.validation import suite_messages  # noqa: E402
from integrations.llama_cpp.model import bundled_model_path  # noqa: E402
from integrations.llama_cpp.requantize import requantized  # noqa: E402
from integrations.lora.generate import suite_replies  # noqa: E402
from integrations.lora.gguf_adapter import write_adapter  # noqa: E402
from integrations.lora.merge import merge_adapter  # noqa: E402

DIMS = {
    "self_attn.v_proj": (576, 192),
    "self_attn.o_proj": (576, 576),
    "mlp.gate_proj": (576, 1536),
    "mlp.up_proj": (576, 1536),
    "mlp.down_proj": (1536, 576),
}


def random_adapter(path: Path, sd: float = 0.02) -> Path:
    rng = np.random.default_rng(0)
    state: dict[str, Any] = {}
    for layer in range(30):
        for module, (n_in, n_out) in DIMS.items():
            key = f"base_model.model.model.layers.{layer}.{module}"
            state[f"{key}.lora_A.weight"] = rng.normal(0, sd, (8, n_in)).astype(np.float32)
            state[f"{key}.lora_B.weight"] = rng.normal(0, sd, (n_out, 8)).astype(np.float32)
    return write_adapter(state, 16.0, path)


PROMPTS = [
    b"<|im_start|>user\nHello, who are you?<|im_end|>\n<|im_start|>assistant\n",
    b"<|im_start|>user\nWhat should I eat tonight?<|im_end|>\n<|im_start|>assistant\n",
    b"<|im_start|>user\nTell me about your favourite game.<|im_end|>\n<|im_start|>assistant\n",
]


def log_probs(model: Path, adapter: Path | None = None) -> list[np.ndarray[Any, Any]]:
    """The next-token log-probabilities after each of :data:`PROMPTS`, on llama.cpp."""
    from llama_cpp import Llama

    llm = Llama(
        model_path=str(model), lora_path=str(adapter) if adapter else None, n_ctx=256,
        logits_all=True, n_threads=1, verbose=False, seed=0,
    )  # fmt: skip
    out = []
    try:
        for prompt in PROMPTS:
            llm.reset()  # type: ignore[no-untyped-call]
            llm.eval(llm.tokenize(prompt))
            logits = np.array(llm.scores[llm.n_tokens - 1], dtype=np.float64)
            shifted = logits - logits.max()
            out.append(shifted - np.log(np.exp(shifted).sum()))
    finally:
        llm.close()
    return out


def fidelity(base: Path, adapter: Path, models: dict[str, Path]) -> dict[str, Any]:
    """Per model: the largest log-probability difference to the run-time adapter's (over the
    vocabulary, per prompt) and on how many prompts the top token is the same."""
    reference = log_probs(base, adapter)
    out: dict[str, Any] = {}
    for name, model in models.items():
        got = log_probs(model)
        out[f"max_dlogprob_vs_run_time_{name}"] = [
            round(float(np.max(np.abs(g - r))), 3) for g, r in zip(got, reference, strict=True)
        ]
        same = sum(int(np.argmax(g) == np.argmax(r)) for g, r in zip(got, reference, strict=True))
        out[f"top1_same_{name}"] = f"{same}/{len(PROMPTS)}"
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--adapter", type=Path)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    load_before = os.getloadavg()
    base = bundled_model_path()
    suite = suite_messages(load_persona())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        adapter = args.adapter or random_adapter(folder / "adapter.gguf")
        merged = merge_adapter(base, adapter, folder / "merged.gguf", adapted_type="q8_0")
        served_base = asyncio.run(requantized(base, "q8_0", folder / "cache"))
        runs: dict[str, tuple[Path, Path | None]] = {
            "base": (base, None),
            "base_q8_0_as_served": (served_base, None),
            "adapter_at_run_time": (base, adapter),
            "merged": (merged.path, None),
        }
        ttft: dict[str, list[float]] = {name: [] for name in runs}
        cold: dict[str, list[float]] = {name: [] for name in runs}
        texts: dict[str, list[str]] = {}
        names = list(runs)
        for round_ in range(args.rounds):
            for name in names[round_ % len(names) :] + names[: round_ % len(names)]:  # rotated
                model, lora = runs[name]
                replies = suite_replies(model, lora, suite, max_tokens=16, threads=1)
                ttft[name] += [r.first_token_ms for r in replies if r.first_token_ms is not None]
                cold[name] += [r.first_token_ms for r in replies[:1] if r.first_token_ms is not None]
                texts[name] = [r.text for r in replies]
        as_q4_1 = merge_adapter(base, adapter, folder / "merged-q4_1.gguf")
        no_adapter_f32 = merge_adapter(base, adapter, folder / "base-f32.gguf", scale=0.0, adapted_type="f32")
        close = fidelity(base, adapter, {
            "base": base, "merged": merged.path, "merged_original_types": as_q4_1.path,
            "base_as_f32_no_adapter": no_adapter_f32.path,
        })  # fmt: skip
        close["max_dlogprob_base_as_f32_vs_base"] = [
            round(float(np.max(np.abs(a - b))), 3)
            for a, b in zip(log_probs(no_adapter_f32.path), log_probs(base), strict=True)
        ]
        same = sum(a == b for a, b in zip(texts["merged"], texts["adapter_at_run_time"], strict=True))
        out = {
            "merge_s": round(merged.seconds, 1),
            "merged_bytes": merged.bytes,
            "base_bytes": base.stat().st_size,
            "merged_types": merged.types,
            **{f"ttft_p50_ms_{k}": round(statistics.median(v), 1) for k, v in ttft.items()},
            **{f"first_line_ttft_p50_ms_{k}": round(statistics.median(v), 1) for k, v in cold.items()},
            "greedy_16_tokens_merged_equal_run_time": f"{same}/{len(suite)}",
            **close,
            "load_before": [round(x, 2) for x in load_before],
            "load_after": [round(x, 2) for x in os.getloadavg()],
        }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
