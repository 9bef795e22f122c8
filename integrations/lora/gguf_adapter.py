"""Write a PEFT LoRA adapter as a llama.cpp GGUF LoRA adapter.

The format is llama.cpp's (``convert_lora_to_gguf.py``): ``general.type = "adapter"``,
``adapter.type = "lora"``, ``adapter.lora.alpha``, and per adapted weight two F32 tensors,
``<gguf weight name>.lora_a`` (rank x in, as PEFT's A) and ``.lora_b`` (out x rank, as PEFT's
B). Only weights whose GGUF layout equals Hugging Face's are adapted here (v, o and the MLP):
llama.cpp stores q and k permuted for its rotary layout, which would need B permuted too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import numpy as np

GGUF_NAMES: Final = {
    "self_attn.v_proj": "attn_v",
    "self_attn.o_proj": "attn_output",
    "mlp.gate_proj": "ffn_gate",
    "mlp.up_proj": "ffn_up",
    "mlp.down_proj": "ffn_down",
}
"""Hugging Face llama module -> llama.cpp tensor name, for the modules an adapter may target."""
TARGETS: Final = tuple(name.split(".")[-1] for name in GGUF_NAMES)
_KEY = re.compile(r"layers\.(\d+)\.(self_attn\.\w+|mlp\.\w+)\.lora_([AB])\.weight$")


class AdapterFormatError(ValueError):
    """A PEFT state key this writer cannot place in a GGUF adapter."""


def gguf_tensors(state: Mapping[str, Any]) -> dict[str, np.ndarray[Any, np.dtype[np.float32]]]:
    """PEFT state (``...layers.N.self_attn.v_proj.lora_A.weight``) -> GGUF tensor name -> array."""
    out: dict[str, np.ndarray[Any, np.dtype[np.float32]]] = {}
    for key, value in state.items():
        m = _KEY.search(key)
        if m is None or m.group(2) not in GGUF_NAMES:
            raise AdapterFormatError(
                f"cannot convert {key!r}: only {', '.join(TARGETS)} adapters are supported"
            )
        layer, module, ab = m.groups()
        array = value.detach().to("cpu").float().numpy() if hasattr(value, "detach") else np.asarray(value)
        out[f"blk.{layer}.{GGUF_NAMES[module]}.weight.lora_{ab.lower()}"] = np.ascontiguousarray(
            array, np.float32
        )
    return out


def write_adapter(state: Mapping[str, Any], alpha: float, path: Path, *, architecture: str = "llama") -> Path:
    """Write the adapter to ``path`` (atomically: a partial file never has the final name)."""
    import gguf

    tensors = gguf_tensors(state)
    if not tensors:
        raise AdapterFormatError("the adapter has no LoRA tensors")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".gguf.part")
    writer = gguf.GGUFWriter(str(tmp), arch=architecture)
    writer.add_string("general.type", "adapter")
    writer.add_string("adapter.type", "lora")
    writer.add_float32("adapter.lora.alpha", float(alpha))
    for name in sorted(tensors):
        writer.add_tensor(name, tensors[name])
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    tmp.replace(path)
    return path


def check_adapter(model: Path, adapter: Path) -> None:
    """Raise :class:`AdapterFormatError` unless every LoRA pair in ``adapter`` fits a weight of
    ``model``. llama.cpp refuses such an adapter, and llama-cpp-python 0.3 then either goes on
    without it or crashes, so this is checked before llama.cpp is given the file."""
    import gguf

    base = {t.name: tuple(int(n) for n in t.shape) for t in gguf.GGUFReader(str(model)).tensors}
    pairs: dict[str, dict[str, tuple[int, ...]]] = {}
    reader = gguf.GGUFReader(str(adapter))
    kind = reader.fields.get("adapter.type")
    if kind is None or bytes(kind.parts[-1]).decode() != "lora":
        raise AdapterFormatError(f"{adapter.name} is not a GGUF LoRA adapter")
    for t in reader.tensors:
        weight, _, ab = t.name.rpartition(".lora_")
        pairs.setdefault(weight, {})[ab] = tuple(int(n) for n in t.shape)
    for weight, ab in pairs.items():
        if weight not in base:
            raise AdapterFormatError(f"{adapter.name}: the model has no tensor {weight}")
        a, b = ab.get("a"), ab.get("b")
        # GGUF shapes are ggml's (ne0 first): W (in, out), A (in, r), B (r, out)
        if a is None or b is None or a[0] != base[weight][0] or b[1] != base[weight][1] or a[1] != b[0]:
            raise AdapterFormatError(f"{adapter.name}: {weight} has the wrong shape for this model")
