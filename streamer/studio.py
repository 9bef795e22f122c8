"""The studio's work between streams, for the CLI and the dashboard: score engagement, build a
dataset version from the log, export it. The pure parts are in :mod:`engines.training`; the
rows in :mod:`streamer.store`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import orjson
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.persona import Persona, load_persona
from config.settings import Settings
from engines.ai.context import ContextBuilder
from engines.ai.safety.pipeline import SafetyPipeline
from engines.backends import LLMBackend, LLMRequest, Message
from engines.training.dataset import Recipe, build, hf_line, openai_line
from integrations.registry import build_llm, build_safety
from streamer.store import make_engine, make_sessionmaker
from streamer.store.datasets import (
    DatasetError,
    DatasetInfo,
    get_dataset,
    load_candidates,
    load_examples,
    save_dataset,
)
from streamer.store.engagement import score_turns
from streamer.store.personas import load_persona_version

log = logging.getLogger(__name__)


@asynccontextmanager
async def open_store(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(settings.database_url.get_secret_value(), pool_size=settings.database.pool_size)
    try:
        yield make_sessionmaker(engine)
    finally:
        await engine.dispose()


async def current_persona(sessions: async_sessionmaker[AsyncSession], settings: Settings) -> Persona:
    """The configured persona at its latest saved version (the file when none is saved)."""
    persona = load_persona(settings.persona)
    found = await load_persona_version(sessions, persona.id)
    return found[0] if found is not None else persona


def names_of(persona: Persona, settings: Settings) -> list[str]:
    """What chat calls the character: persona id, name, aliases, the bot's login, extra names."""
    login = [settings.twitch.bot_login] if settings.twitch.bot_login else []
    return [persona.id, persona.name, *persona.aliases, *login, *settings.studio.bot_names]


async def score_engagement(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, persona: Persona
) -> int:
    login = [settings.twitch.bot_login] if settings.twitch.bot_login else []
    return await score_turns(
        sessions,
        settings.channel,
        settings.studio.engagement,
        names=names_of(persona, settings),
        bot_logins=login,
    )


def safety_check(pipeline: SafetyPipeline) -> Callable[[str, Literal["input", "output"]], str | None]:
    """The bot's safety pipeline as the dataset's check: why it blocks, or None."""

    def check(text: str, stage: Literal["input", "output"]) -> str | None:
        d = pipeline.check_input(text) if stage == "input" else pipeline.check_output(text)
        return None if d.allowed else f"{d.layer}"

    return check


async def build_dataset(
    settings: Settings,
    recipe: Recipe,
    *,
    by: str,
    sessions: async_sessionmaker[AsyncSession] | None = None,
    safety: SafetyPipeline | None = None,
    llm: LLMBackend | None = None,
) -> DatasetInfo:
    """Score engagement, then build and store a new version of the recipe's dataset. With
    ``recipe.paraphrases``, the configured LLM (or ``llm``) rewords the viewers' lines."""
    if sessions is None:
        async with open_store(settings) as own:
            return await build_dataset(settings, recipe, by=by, sessions=own, safety=safety, llm=llm)
    persona = await current_persona(sessions, settings)
    await score_engagement(sessions, settings, persona)
    candidates = await load_candidates(sessions, settings.channel, persona)
    if safety is None:
        safety = build_safety(settings).with_blocklist(persona.blocklist, source="persona")
        await asyncio.to_thread(safety.warm)
    system = _system_prompt(persona)
    check = safety_check(safety)
    if not recipe.paraphrases:
        examples, report = await asyncio.to_thread(build, candidates, recipe, system=system, safety=check)
    else:
        parts = await build_llm(settings) if llm is None else None
        model = llm if llm is not None else parts.llm if parts is not None else None
        assert model is not None
        try:
            rewrite = paraphraser(model, recipe.paraphrases, asyncio.get_running_loop())
            examples, report = await asyncio.to_thread(
                build, candidates, recipe, system=system, safety=check, paraphrase=rewrite
            )
        finally:
            if parts is not None:
                await parts.llm.aclose()
                if parts.server is not None:
                    await parts.server.stop()
    if not examples:
        log.warning("dataset %s: no example passed the recipe (%s)", recipe.name, dict(report.dropped))
    return await save_dataset(sessions, recipe, examples, report, by=by)


PARAPHRASE_PROMPT = (
    "Rewrite the viewer's chat message in other words, as a viewer would type it in Twitch chat. "
    "Keep its meaning. Answer with the rewritten message only."
)


def paraphraser(llm: LLMBackend, n: int, loop: asyncio.AbstractEventLoop) -> Callable[[str], list[str]]:
    """A blocking ``text -> n rewordings`` for :func:`engines.training.dataset.build` (which runs
    in a worker thread): each is one completion of the LLM on the bot's event loop."""

    async def once(text: str) -> str:
        request = LLMRequest(
            messages=(Message("system", PARAPHRASE_PROMPT), Message("user", text)),
            max_tokens=60,
            temperature=0.9,
        )
        parts = [delta async for delta in llm.stream_chat(request)]
        return "".join(parts).strip().strip('"').strip()

    def rewrite(text: str) -> list[str]:
        out: list[str] = []
        for _ in range(n):
            try:
                out.append(asyncio.run_coroutine_threadsafe(once(text), loop).result(120))
            except Exception as exc:  # a model outage costs the synthetic rows, not the dataset
                log.warning("dataset: a paraphrase failed: %s", exc)
        return out

    return rewrite


def _system_prompt(persona: Persona) -> str:
    return ContextBuilder(persona).system


@dataclass(frozen=True, slots=True)
class Exported:
    dataset: DatasetInfo
    files: dict[str, Path]


async def export_dataset(
    settings: Settings,
    name: str,
    version: int | None,
    out_dir: Path,
    *,
    sessions: async_sessionmaker[AsyncSession] | None = None,
) -> Exported:
    """Write ``openai/{train,validation}.jsonl`` and ``hf/{train,validation}.jsonl`` under ``out_dir``."""
    if sessions is None:
        async with open_store(settings) as own:
            return await export_dataset(settings, name, version, out_dir, sessions=own)
    info = await get_dataset(sessions, name, version)
    if info is None:
        raise DatasetError(f"no dataset {name}" + (f" version {version}" if version else ""))
    examples = await load_examples(sessions, info.id)
    files: dict[str, Path] = {}
    for fmt, line in (("openai", openai_line), ("hf", hf_line)):
        (out_dir / fmt).mkdir(parents=True, exist_ok=True)
        for split in ("train", "validation"):
            path = out_dir / fmt / f"{split}.jsonl"
            rows = [orjson.dumps(line(e)) for e in examples if e.split == split]
            path.write_bytes(b"".join(r + b"\n" for r in rows))
            files[f"{fmt}/{split}"] = path
    return Exported(info, files)
