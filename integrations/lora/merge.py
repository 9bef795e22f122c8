"""Merge a GGUF LoRA adapter into its base GGUF model, so llama.cpp serves one plain model file
(as fast as the base model) instead of applying the adapter on every matmul at run time.

Each adapted weight becomes ``W + scale * B @ A`` with llama.cpp's scale, ``alpha / rank``
(``rank``: the adapter's inner dimension; a file without ``adapter.lora.alpha`` uses 1). In
numpy order a GGUF tensor is ``(out, in)`` (ggml's ``ne`` reversed), ``lora_a`` is
``(rank, in)`` and ``lora_b`` is ``(out, rank)``, so ``B @ A`` has the weight's shape. The
merged weight is quantized again to its original type when the ``gguf`` package can (F32, F16,
BF16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0); any other type (the K and IQ quants, which gguf 0.19 only
reads) is written as Q8_0. ``adapted_type`` writes every adapted weight in one type instead.
Every other tensor and all metadata are copied unchanged.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np

from .gguf_adapter import AdapterFormatError, check_adapter

__all__ = ["MERGED_NAME", "MergeResult", "merge_adapter"]

MERGED_NAME: Final = "merged.gguf"
"""The merged model's file name in a training run's folder."""


@dataclass(frozen=True)
class MergeResult:
    path: Path
    merged: int
    """How many weights had the adapter added."""
    types: dict[str, str]
    """Original type -> written type, for the adapted weights."""
    seconds: float
    bytes: int


def _writable(qtype: Any) -> bool:
    from gguf import GGMLQuantizationType as T

    return qtype in {T.F32, T.F16, T.BF16, T.Q4_0, T.Q4_1, T.Q5_0, T.Q5_1, T.Q8_0}


def _quantize(weight: np.ndarray[Any, Any], qtype: Any) -> tuple[np.ndarray[Any, Any], Any]:
    """``weight`` in ``qtype`` if gguf can write it there, else Q8_0, else F32."""
    from gguf import GGMLQuantizationType as T
    from gguf.quants import QuantError, quantize

    for candidate in (qtype, T.Q8_0) if _writable(qtype) else (T.Q8_0,):
        try:
            return quantize(weight, candidate), candidate
        except QuantError:  # a row length that is not a whole number of blocks
            continue
    return weight.astype(np.float32), T.F32


def _lora(adapter: Path) -> tuple[dict[str, tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]], float | None]:
    import gguf

    reader = gguf.GGUFReader(str(adapter))
    field = reader.fields.get("adapter.lora.alpha")
    alpha = float(field.contents()) if field is not None else None
    parts: dict[str, dict[str, np.ndarray[Any, Any]]] = {}
    for t in reader.tensors:
        weight, _, ab = t.name.rpartition(".lora_")
        parts.setdefault(weight, {})[ab] = gguf.quants.dequantize(t.data, t.tensor_type).astype(np.float32)
    return {w: (ab["a"], ab["b"]) for w, ab in parts.items()}, alpha


def merge_adapter(
    base: Path, adapter: Path, out: Path, *, scale: float = 1.0, adapted_type: str | None = None
) -> MergeResult:
    """Write ``base`` with ``adapter`` merged in to ``out`` (atomically: a partial file never has
    the final name). ``scale`` is llama.cpp's user scale (``--lora-scaled``; 1 by default).
    Raises :class:`AdapterFormatError` when the adapter does not fit the model."""
    import gguf

    started = time.perf_counter()
    check_adapter(base, adapter)
    lora, alpha = _lora(adapter)
    forced = None if adapted_type is None else gguf.GGMLQuantizationType[adapted_type.upper()]
    reader = gguf.GGUFReader(str(base))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    try:
        arch = bytes(reader.fields["general.architecture"].parts[-1]).decode()
        writer = gguf.GGUFWriter(str(tmp), arch=arch, endianess=reader.endianess)
        for field in reader.fields.values():
            if field.name == "general.architecture" or field.name.startswith("GGUF."):
                continue
            vtype = field.types[0]
            sub = field.types[-1] if vtype == gguf.GGUFValueType.ARRAY else None
            writer.add_key_value(field.name, field.contents(), vtype, sub_type=sub)
            if field.name == "general.alignment":
                writer.data_alignment = int(field.contents())
        data: list[np.ndarray[Any, Any]] = []
        types: dict[str, str] = {}
        for t in reader.tensors:
            array, qtype = t.data, t.tensor_type
            if t.name in lora:
                a, b = lora[t.name]
                rank = a.shape[0]
                factor = scale * (alpha / rank if alpha else 1.0)
                weight = gguf.quants.dequantize(t.data, t.tensor_type).astype(np.float32)
                if weight.shape != (b.shape[0], a.shape[1]):
                    raise AdapterFormatError(f"{adapter.name}: {t.name} has the wrong shape for this model")
                weight += factor * (b @ a)
                array, qtype = _quantize(weight, t.tensor_type if forced is None else forced)
                types[t.tensor_type.name] = qtype.name
            writer.add_tensor_info(t.name, array.shape, array.dtype, array.nbytes, qtype)
            data.append(array)
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_ti_data_to_file()
        for array in data:
            writer.write_tensor_data(array, tensor_endianess=reader.endianess)
        writer.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(out)
    return MergeResult(out, len(lora), types, time.perf_counter() - started, out.stat().st_size)


def check_merged(model: Path, base: Path) -> None:
    """Raise :class:`AdapterFormatError` unless ``model`` is a readable GGUF model (not an
    adapter) with the same tensors, by name and shape, as ``base``: checked before the server
    is restarted on it."""
    import gguf

    if not model.is_file():
        raise AdapterFormatError(f"the merged model {model} does not exist")
    try:
        reader = gguf.GGUFReader(str(model))
        tensors = {t.name: tuple(int(n) for n in t.shape) for t in reader.tensors}
    except (OSError, ValueError, KeyError, IndexError) as exc:
        raise AdapterFormatError(f"the merged model {model} is not a readable GGUF file: {exc}") from exc
    kind = reader.fields.get("general.type")
    if kind is not None and bytes(kind.parts[-1]).decode() == "adapter":
        raise AdapterFormatError(f"{model} is a LoRA adapter, not a merged model")
    expected = {t.name: tuple(int(n) for n in t.shape) for t in gguf.GGUFReader(str(base)).tensors}
    if tensors != expected:
        raise AdapterFormatError(f"the merged model {model} does not have the served model's tensors")
