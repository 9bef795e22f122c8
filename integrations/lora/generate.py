"""Replies of a GGUF model, with or without a LoRA adapter, to the validation suite, on
llama.cpp (the engine that serves the bot), timing each reply's first token."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engines.training.validation import Reply

from .gguf_adapter import check_adapter


def suite_replies(
    model: Path,
    adapter: Path | None,
    conversations: Sequence[Sequence[dict[str, str]]],
    *,
    max_tokens: int = 80,
    threads: int = 1,
    context_tokens: int = 1_024,
) -> list[Reply]:
    """Greedy replies (temperature 0, so a rerun gives the same text) to each conversation."""
    from llama_cpp import Llama

    if adapter is not None:
        check_adapter(model, adapter)
    llm = Llama(
        model_path=str(model),
        lora_path=str(adapter) if adapter else None,
        n_ctx=context_tokens,
        n_threads=threads,
        verbose=False,
        seed=0,
    )
    out: list[Reply] = []
    try:
        for messages in conversations:
            start = time.perf_counter()
            first: float | None = None
            parts: list[str] = []
            chunks: Any = llm.create_chat_completion(
                messages=list(messages),  # type: ignore[arg-type]
                max_tokens=max_tokens,
                temperature=0.0,
                stream=True,
            )
            for chunk in chunks:
                delta = str(chunk["choices"][0]["delta"].get("content") or "")
                if delta and first is None:
                    first = (time.perf_counter() - start) * 1000
                parts.append(delta)
            out.append(Reply("".join(parts).strip(), first))
    finally:
        llm.close()
    return out


def adapter_applies(model: Path, adapter: Path, *, threads: int = 1) -> bool:
    """Whether llama.cpp really applies the adapter: the next-token logits of a fixed prompt
    differ from the base model's. An adapter that does not fit the model raises
    :class:`AdapterFormatError` first (llama-cpp-python 0.3 would go on without it, or crash)."""
    import numpy as np
    from llama_cpp import Llama

    check_adapter(model, adapter)
    logits = []
    for lora in (None, adapter):
        llm = Llama(
            model_path=str(model),
            lora_path=str(lora) if lora else None,
            n_ctx=256,
            logits_all=True,
            n_threads=threads,
            verbose=False,
            seed=0,
        )
        try:
            tokens = llm.tokenize(b"<|im_start|>user\nHello, who are you?<|im_end|>\n<|im_start|>assistant\n")
            llm.eval(tokens)
            logits.append(np.array(llm.scores[llm.n_tokens - 1], dtype=np.float32))
        finally:
            llm.close()
    return bool(np.max(np.abs(logits[0] - logits[1])) > 1e-4)
