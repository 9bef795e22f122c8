"""The memory page's API: a viewer's memories (search, list, edit, delete, forget the viewer,
audited) for moderators and the streamer; the knowledge documents (list and read for both,
add, edit and remove for the streamer).

The dashboard never embeds (it does not load a model): an edited memory or document is stored
without vectors, and the bot's memory writer embeds it within seconds (``MemoryWriter.sweep``);
until then keyword search still finds it.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, status
from pydantic import BaseModel, ConfigDict, Field

from engines.ai.memory.chunks import chunk_markdown
from streamer.store.knowledge import KnowledgeStore
from streamer.store.memory import MemoryStore

from .auth import SIGNED_IN_RESPONSES, SignedIn, Streamer
from .inputs import NO_CONTROL
from .state import dash

log = logging.getLogger("dashboard_api.memory")
router = APIRouter(tags=["memory"], responses=SIGNED_IN_RESPONSES)

Viewer = Annotated[str, Path(pattern=r"^[A-Za-z0-9_]{1,64}$", description="A viewer's login or Twitch id.")]
MemoryId = Annotated[str, Path(min_length=1, max_length=160, pattern=NO_CONTROL)]
MemoryText = Annotated[
    str, Field(min_length=1, max_length=500, pattern=r"^[^\x00-\x1f\x7f-\x9f]*\S[^\x00-\x1f\x7f-\x9f]*$")
]
DocText = Annotated[str, Field(min_length=1, max_length=200_000, pattern=NO_CONTROL)]
DocId = Annotated[int, Path(ge=1, le=2**63 - 1, description="A knowledge document's id.")]
DocName = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f-\x9f/\\]+$")]


class MemoryOut(BaseModel):
    id: str
    persona: str
    viewer_id: str
    viewer_login: str
    kind: str
    text: str
    source_event_id: str
    created_at: datetime
    updated_at: datetime
    edited_by: str | None


class ViewerOut(BaseModel):
    viewer_id: str
    viewer_login: str
    memories: int
    last: datetime


class MemoryEdit(BaseModel):
    model_config = ConfigDict(strict=True)
    text: MemoryText


class Forgotten(BaseModel):
    viewer: str
    deleted: int


class DocumentOut(BaseModel):
    id: int
    name: str
    chunks: int
    chars: int
    created_by: str
    updated_at: datetime


class DocumentText(BaseModel):
    id: int
    name: str
    text: str


class DocumentIn(BaseModel):
    model_config = ConfigDict(strict=True)
    name: DocName
    text: DocText


def _memories(request: Request) -> MemoryStore:
    d = dash(request)
    return MemoryStore(d.sessions, d.settings.channel)


def _knowledge(request: Request) -> KnowledgeStore:
    d = dash(request)
    return KnowledgeStore(d.sessions, d.settings.channel)


@router.get("/api/memory/viewers")
async def viewers(
    user: SignedIn,
    request: Request,
    search: Annotated[str, Query(max_length=64, pattern=r"^[A-Za-z0-9_]*$")] = "",
) -> list[ViewerOut]:
    """Viewers the character remembers something about, most recent first."""
    found = await _memories(request).viewers(search)
    return [
        ViewerOut(viewer_id=v.viewer_id, viewer_login=v.viewer_login, memories=v.memories, last=v.last)
        for v in found
    ]


@router.get("/api/memory/viewers/{viewer}")
async def viewer_memories(viewer: Viewer, user: SignedIn, request: Request) -> list[MemoryOut]:
    """Everything remembered about one viewer, under every persona, newest first."""
    return [
        MemoryOut(
            id=m.id, persona=m.persona, viewer_id=m.viewer_id, viewer_login=m.viewer_login, kind=m.kind, text=m.text,
            source_event_id=m.source_event_id, created_at=m.created_at, updated_at=m.updated_at, edited_by=m.edited_by,
        )
        for m in await _memories(request).of_viewer(viewer)
    ]  # fmt: skip


@router.put("/api/memory/memories/{memory_id}", responses={404: {"description": "no such memory"}})
async def edit_memory(memory_id: MemoryId, body: MemoryEdit, user: SignedIn, request: Request) -> MemoryOut:
    """Correct a memory (the bot embeds the new text)."""
    store = _memories(request)
    if not await store.edit(memory_id, body.text.strip(), by=user.name):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such memory")
    m = await store.get(memory_id)
    assert m is not None
    log.info("memory %s edited by %s", memory_id, user.name)
    return MemoryOut(
        id=m.id, persona=m.persona, viewer_id=m.viewer_id, viewer_login=m.viewer_login, kind=m.kind, text=m.text,
        source_event_id=m.source_event_id, created_at=m.created_at, updated_at=m.updated_at, edited_by=m.edited_by,
    )  # fmt: skip


@router.delete(
    "/api/memory/memories/{memory_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={404: {"description": "no such memory"}},
)
async def delete_memory(memory_id: MemoryId, user: SignedIn, request: Request) -> None:
    if not await _memories(request).delete(memory_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such memory")
    log.info("memory %s deleted by %s", memory_id, user.name)


@router.post("/api/memory/viewers/{viewer}/forget")
async def forget_viewer(viewer: Viewer, user: SignedIn, request: Request) -> Forgotten:
    """Delete everything remembered about the viewer, under every persona; audited."""
    deleted = await _memories(request).forget_viewer(viewer, by=user.name, reason="dashboard")
    log.info("viewer %s forgotten by %s (%d memories)", viewer, user.name, deleted)
    return Forgotten(viewer=viewer, deleted=deleted)


@router.get("/api/knowledge")
async def documents(user: SignedIn, request: Request) -> list[DocumentOut]:
    """The streamer's knowledge documents."""
    return [
        DocumentOut(
            id=d.id,
            name=d.name,
            chunks=d.chunks,
            chars=d.chars,
            created_by=d.created_by,
            updated_at=d.updated_at,
        )
        for d in await _knowledge(request).documents()
    ]


@router.get("/api/knowledge/{doc_id}", responses={404: {"description": "no such document"}})
async def document(doc_id: DocId, user: SignedIn, request: Request) -> DocumentText:
    found = await _knowledge(request).document(doc_id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such document")
    return DocumentText(id=doc_id, name=found[0], text=found[1])


@router.post("/api/knowledge", status_code=status.HTTP_201_CREATED)
async def save_document(body: DocumentIn, user: Streamer, request: Request) -> DocumentOut:
    """Add a document, or replace the one with this name; it is chunked now and embedded by the bot."""
    store = _knowledge(request)
    chunks = chunk_markdown(body.text)
    doc_id = await store.add(body.name.strip(), body.text, chunks, None, by=user.name)
    log.info("knowledge document %s (%d chunks) saved by %s", body.name, len(chunks), user.name)
    info = next(d for d in await store.documents() if d.id == doc_id)
    return DocumentOut(
        id=info.id,
        name=info.name,
        chunks=info.chunks,
        chars=info.chars,
        created_by=info.created_by,
        updated_at=info.updated_at,
    )


@router.delete(
    "/api/knowledge/{doc_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={404: {"description": "no such document"}},
)
async def remove_document(doc_id: DocId, user: Streamer, request: Request) -> None:
    if not await _knowledge(request).remove(doc_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such document")
    log.info("knowledge document %d removed by %s", doc_id, user.name)
