"""Which model a stored model version makes the bot serve: the merged model file of a local
version (``report["merged_model"]``), or its adapter file for a version stored before merging
was built (on the llama.cpp server) or the model name of a hosted one (sent to the OpenAI-compatible
endpoint). A version the bot's kind of model cannot serve, or one that failed validation, is
refused with the reason (the brain answers ``status.model`` with it)."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from streamer.store.model_versions import get_model_version

_SERVES: Final = {
    "local": "the local llama.cpp model, which serves only local LoRA adapters",
    "openai": "a model on an OpenAI-compatible endpoint (llm.provider = openai), which serves only "
    "hosted fine-tuned models",
}
_IS: Final = {"local": "a local LoRA adapter", "openai": "a hosted fine-tuned model"}


async def servable(sessions: async_sessionmaker[AsyncSession], version: int, backend: str) -> str:
    """The adapter path (``backend`` local) or the model name (openai) that ``version`` serves on
    a bot whose model is of that kind; ValueError says why it cannot."""
    row = await get_model_version(sessions, version)
    if row is None:
        raise ValueError(f"no model version {version}")
    if row.backend != backend:
        kind = _IS.get(row.backend, f"a {row.backend} model")
        raise ValueError(f"model version {version} is {kind}; this bot runs {_SERVES[backend]}")
    if row.report.get("deployable") is not True:
        why = row.report.get("refusal") or "it failed validation"
        raise ValueError(f"model version {version} is not deployable: {why}")
    target = row.adapter_path if backend == "local" else row.remote_model
    if not target:
        raise ValueError(f"model version {version} names no {'adapter' if backend == 'local' else 'model'}")
    return target


async def local_servable(sessions: async_sessionmaker[AsyncSession], version: int) -> tuple[Path, bool]:
    """The file a local ``version`` serves and whether it is a merged model (True) or an adapter
    for the base model (False: a version stored without a merged model); ValueError says why
    it cannot be served."""
    adapter = await servable(sessions, version, "local")
    row = await get_model_version(sessions, version)
    merged = row.report.get("merged_model") if row is not None else None
    return (Path(merged), True) if merged else (Path(adapter), False)
