"""The work behind ``vtuber knowledge`` and ``vtuber memory`` (``streamer/memory_cli.py``
parses and prints): knowledge documents in and out of the index, a viewer's memories shown
or forgotten. Each opens the database (migrated to head) for one command."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.settings import Settings
from engines.ai.memory.chunks import chunk_markdown
from integrations.registry import build_embedder
from streamer.store import make_engine, make_sessionmaker, upgrade
from streamer.store.knowledge import DocumentInfo, KnowledgeStore
from streamer.store.memory import MemoryStore, StoredMemory

MAX_DOCUMENT_BYTES = 2_000_000


@dataclass(frozen=True, slots=True)
class Added:
    name: str
    id: int
    chunks: int


@asynccontextmanager
async def _sessions(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    url = settings.database_url.get_secret_value()
    await upgrade(url)
    engine = make_engine(url)
    try:
        yield make_sessionmaker(engine)
    finally:
        await engine.dispose()


def read_document(path: Path) -> str:
    """A Markdown file's text; a clear ValueError for what cannot be a knowledge document."""
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    if path.stat().st_size > MAX_DOCUMENT_BYTES:
        raise ValueError(f"{path}: larger than {MAX_DOCUMENT_BYTES // 1_000_000} MB")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8 text") from None
    if not text.strip():
        raise ValueError(f"{path}: empty")
    return text


async def add_documents(settings: Settings, files: list[Path], *, by: str = "cli") -> list[Added]:
    """Chunk, embed and store each file under its file name (replacing one of the same name)."""
    texts = [(path.name, read_document(path)) for path in files]
    embedder = build_embedder(settings)
    added = []
    async with _sessions(settings) as sessions:
        store = KnowledgeStore(sessions, settings.channel)
        for name, text in texts:
            chunks = chunk_markdown(text)
            vectors = await asyncio.to_thread(embedder.embed, [c.searchable for c in chunks])
            doc = await store.add(name, text, chunks, vectors, by=by)
            added.append(Added(name, doc, len(chunks)))
    return added


async def list_documents(settings: Settings) -> list[DocumentInfo]:
    async with _sessions(settings) as sessions:
        return await KnowledgeStore(sessions, settings.channel).documents()


async def remove_document(settings: Settings, doc_id: int) -> bool:
    async with _sessions(settings) as sessions:
        return await KnowledgeStore(sessions, settings.channel).remove(doc_id)


async def viewer_memories(
    settings: Settings, viewer: str, *, persona: str | None = None
) -> list[StoredMemory]:
    async with _sessions(settings) as sessions:
        return await MemoryStore(sessions, settings.channel).of_viewer(viewer, persona=persona)


async def forget_viewer(settings: Settings, viewer: str, *, by: str = "cli") -> int:
    """Every memory of the viewer (login or Twitch id), every persona; audited."""
    async with _sessions(settings) as sessions:
        return await MemoryStore(sessions, settings.channel).forget_viewer(
            viewer, by=by, reason="vtuber memory forget"
        )
