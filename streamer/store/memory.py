"""Viewer memories in the database: add (idempotent on the source event), keep one row current
(how often a viewer was answered), read one viewer's, search viewers, edit, delete, and forget
a viewer (every row, audited).

Vectors are stored as float32 bytes (``embedding``), on every database. Where migration 0007
found pgvector, a copy of each vector also lives in ``memory_vectors`` / ``knowledge_vectors``
and, unless ``memory.vector_search`` is "exact", the cosine similarities are computed in SQL
(:class:`ChunkVectors`, :meth:`MemoryStore.for_viewer` with ``like``); otherwise they are
compared exactly in numpy. A viewer has a handful of
memories, so either way the query reads them by (channel, persona, viewer) through an index.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import numpy as np
import orjson
from sqlalchemy import delete, func, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from engines import events as ev
from engines.ai.memory.facts import SINGLE, Fact

from .channel_scoped import ChannelScoped
from .models import EventRow, MemoryRow, ModerationAction
from .writer import _insert

FORGET_ACTION = "memory.forget"
"""The audit log's action for "forget this viewer" (``moderation_actions.action``)."""


@dataclass(frozen=True, slots=True)
class StoredMemory:
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
    vector: np.ndarray | None
    similarity: float | None = None
    """Cosine similarity to the query, computed by pgvector (``for_viewer(like=...)``)."""


@dataclass(frozen=True, slots=True)
class ViewerSummary:
    viewer_id: str
    viewer_login: str
    memories: int
    last: datetime


def to_bytes(vector: np.ndarray | None) -> bytes | None:
    return None if vector is None else np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes | None) -> np.ndarray | None:
    return None if data is None else np.frombuffer(data, dtype=np.float32)


INDEXED_DIMENSIONS = 512
"""The size migration 0007's HNSW index covers; chunks of another size are ordered exactly."""

EF_SEARCH = 100
"""HNSW candidates per knowledge search, set on migration 0007's function (pgvector's default
is 40)."""


def to_pgvector(vector: np.ndarray) -> str:
    """pgvector's text form, ``[0.1,0.2,...]``."""
    return "[" + ",".join(map(str, np.asarray(vector, dtype=np.float32).tolist())) + "]"


def _usable(vector: np.ndarray | None) -> bool:
    """A vector pgvector can compare by cosine (a zero one has no direction)."""
    return vector is not None and len(vector) > 0 and bool(np.any(vector))


VectorSearch = Literal["auto", "exact", "pgvector"]
"""How vectors are searched (``memory.vector_search``): auto, pgvector where migration 0007
made its tables; exact, always numpy; pgvector, required (:class:`PgvectorMissing` without)."""


class PgvectorMissing(RuntimeError):
    """``memory.vector_search = "pgvector"`` on a database without migration 0007's tables."""

    def __init__(self) -> None:
        super().__init__(
            'memory.vector_search = "pgvector" but this database has no pgvector tables '
            "(memory_vectors). Install the vector extension on the PostgreSQL server (or use the "
            "pgvector/pgvector image), let the role create it, then run migration 0007 again "
            "(DATABASE_URL=... alembic downgrade 0006; vtuber db upgrade); or set "
            'memory.vector_search = "auto" or "exact".'
        )


async def searches_pgvector(conn: AsyncConnection, mode: VectorSearch) -> bool:
    """Whether the vectors are searched in SQL under ``mode``. Raises :class:`PgvectorMissing`
    when ``mode`` is "pgvector" and the database lacks the tables."""
    if mode == "exact":
        return False
    found = await uses_pgvector(conn)
    if mode == "pgvector" and not found:
        raise PgvectorMissing
    return found


async def uses_pgvector(conn: AsyncConnection) -> bool:
    """Whether this database has migration 0007's pgvector tables (PostgreSQL where the
    ``vector`` extension was available when it ran)."""
    if conn.dialect.name != "postgresql":
        return False
    return bool(await conn.scalar(text("SELECT to_regclass('memory_vectors') IS NOT NULL")))


_UPSERT_MEMORY_VECTOR = text(
    "INSERT INTO memory_vectors (memory_id, embedding) VALUES (:id, CAST(CAST(:v AS TEXT) AS vector)) "
    "ON CONFLICT (memory_id) DO UPDATE SET embedding = EXCLUDED.embedding"
)
_UPSERT_CHUNK_VECTOR = text(
    "INSERT INTO knowledge_vectors (chunk_id, channel_id, embedding) "
    "VALUES (:id, :cid, CAST(CAST(:v AS TEXT) AS vector)) "
    "ON CONFLICT (chunk_id) DO UPDATE SET embedding = EXCLUDED.embedding"
)
_MEMORIES_WITHOUT_VECTOR = text(
    "SELECT m.id, m.embedding FROM memories m WHERE m.embedding IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM memory_vectors v WHERE v.memory_id = m.id) LIMIT :n"
)
_CHUNKS_WITHOUT_VECTOR = text(
    "SELECT k.id, k.embedding FROM knowledge_chunks k WHERE k.channel_id = :cid AND k.embedding IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM knowledge_vectors v WHERE v.chunk_id = k.id) LIMIT :n"
)
_NEAREST_SQL = text(
    "SELECT chunk_id, cosine FROM knowledge_nearest((SELECT CAST(CAST(:q AS TEXT) AS vector)), :cid, :k, "
    "CAST(:also AS BIGINT[]))"
)
"""Migration 0007's function: the HNSW index for 512 dimensions (its planner settings are the
function's own), an exact scan for other sizes."""
_FOR_VIEWER_SQL = text(
    "SELECT m.id, m.persona, m.viewer_id, m.viewer_login, m.kind, m.text, m.source_event_id, "
    "m.created_at, m.updated_at, m.edited_by, "
    "CASE WHEN vector_dims(v.embedding) = :dims "
    "THEN 1 - (v.embedding <=> (SELECT CAST(CAST(:q AS TEXT) AS vector))) END AS similarity "
    "FROM memories m LEFT JOIN memory_vectors v ON v.memory_id = m.id "
    "WHERE m.channel_id = :cid AND m.persona = :persona AND m.viewer_id = :viewer "
    "ORDER BY m.created_at DESC LIMIT :limit"
)


def _aware(ts: datetime) -> datetime:
    """SQLite gives naive timestamps back (stored as UTC)."""
    return ts if ts.tzinfo is not None else ts.replace(tzinfo=UTC)


def _stored(row: MemoryRow) -> StoredMemory:
    return StoredMemory(
        row.id, row.persona, row.viewer_id, row.viewer_login, row.kind, row.text, row.source_event_id,
        row.created_at, row.updated_at, row.edited_by, from_bytes(row.embedding),
    )  # fmt: skip


_COLUMNS = (
    MemoryRow.id, MemoryRow.persona, MemoryRow.viewer_id, MemoryRow.viewer_login, MemoryRow.kind,
    MemoryRow.text, MemoryRow.source_event_id, MemoryRow.created_at, MemoryRow.updated_at,
    MemoryRow.edited_by, MemoryRow.embedding,
)  # fmt: skip
"""StoredMemory's fields."""


class _VectorScoped(ChannelScoped):
    """A channel's rows with vectors, searched as ``vector_search`` says (:data:`VectorSearch`)."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        channel: str,
        *,
        vector_search: VectorSearch = "auto",
    ) -> None:
        super().__init__(sessions, channel)
        self.vector_search: VectorSearch = vector_search


class MemoryStore(_VectorScoped):
    """One channel's viewer memories. ``vector_search`` picks how a viewer's memories are
    compared with the query (:data:`VectorSearch`); where pgvector's tables exist, the vectors
    are written into them whatever the mode, so a later switch finds them all."""

    _autocommit: AsyncEngine | None = None
    _tables: bool | None = None

    async def has_pgvector_tables(self) -> bool:
        """Whether migration 0007's tables exist here (checked once), for the writes."""
        if self._tables is None:
            async with self._reader().connect() as conn:
                self._tables = await uses_pgvector(conn)
        return self._tables

    async def pgvector(self) -> bool:
        """Whether the vectors are searched by pgvector here. Raises :class:`PgvectorMissing`
        with ``vector_search = "pgvector"`` on a database without its tables."""
        if self.vector_search == "exact":
            return False
        found = await self.has_pgvector_tables()
        if self.vector_search == "pgvector" and not found:
            raise PgvectorMissing
        return found

    async def add(
        self,
        persona: str,
        viewer_id: str,
        viewer_login: str,
        facts: Sequence[Fact],
        vectors: np.ndarray | None = None,
        *,
        at: datetime | None = None,
    ) -> int:
        """Store the facts (ids: source event id and place); a fact of a single-valued kind
        (a name, a home town) replaces the viewer's older one. Returns how many were new."""
        if not facts:
            return 0
        now = at or datetime.now(UTC)
        rows: list[dict[str, Any]] = [
            {
                "id": f"{fact.source_event_id}:{i}", "persona": persona, "viewer_id": viewer_id,
                "viewer_login": viewer_login.lower(), "kind": fact.kind, "text": fact.text,
                "source_event_id": fact.source_event_id, "created_at": now, "updated_at": now, "edited_by": None,
                "embedding": None if vectors is None else to_bytes(vectors[i]),
            }
            for i, fact in enumerate(facts)
        ]  # fmt: skip
        async with self.sessions.begin() as session:
            cid = await self._cid(session)
            for row in rows:
                row["channel_id"] = cid
            ids = [r["id"] for r in rows]
            replaced = {f.kind for f in facts} & SINGLE
            if replaced:
                await session.execute(
                    delete(MemoryRow).where(
                        MemoryRow.channel_id == cid, MemoryRow.persona == persona,
                        MemoryRow.viewer_id == viewer_id, MemoryRow.kind.in_(replaced), MemoryRow.id.not_in(ids),
                    )
                )  # fmt: skip
            result = await session.execute(
                _insert(session, MemoryRow)
                .on_conflict_do_nothing(index_elements=["id"])
                .returning(MemoryRow.id),
                rows,
            )
            new = [memory_id for (memory_id,) in result.all()]
            if vectors is not None and new and await self.has_pgvector_tables():
                place = {r["id"]: i for i, r in enumerate(rows)}
                await _upsert_memory_vectors(session, [(i, vectors[place[i]]) for i in new])
            return len(new)

    async def for_viewer(
        self, persona: str, viewer_id: str, *, limit: int = 200, like: np.ndarray | None = None
    ) -> list[StoredMemory]:
        """The viewer's memories under this persona, newest first. On the recall path: one
        Core query on a pooled connection, no ORM session (p50 0.6-1.0 ms against 1.2-1.6 ms
        through a session, on SQLite and PostgreSQL, at load 3-4). With pgvector and ``like``
        (the query's vector), each comes with its cosine similarity computed in SQL and no
        vector; a memory whose vector has another size has none."""
        if like is not None and _usable(like) and await self.pgvector():
            return await self._for_viewer_sql(persona, viewer_id, limit, like)
        m = MemoryRow
        async with self._reader().connect() as conn:
            cid = await self._read_cid(conn)
            rows = await conn.execute(
                select(*_COLUMNS)
                .where(m.channel_id == cid, m.persona == persona, m.viewer_id == viewer_id)
                .order_by(m.created_at.desc())
                .limit(limit)
            )
            return [
                StoredMemory(
                    r.id, r.persona, r.viewer_id, r.viewer_login, r.kind, r.text, r.source_event_id,
                    r.created_at, r.updated_at, r.edited_by, from_bytes(r.embedding),
                )
                for r in rows
            ]  # fmt: skip

    async def _for_viewer_sql(
        self, persona: str, viewer_id: str, limit: int, like: np.ndarray
    ) -> list[StoredMemory]:
        async with self._reader().connect() as conn:
            cid = await self._read_cid(conn)
            rows = await conn.execute(
                _FOR_VIEWER_SQL,
                {"dims": len(like), "q": to_pgvector(like), "cid": cid, "persona": persona,
                 "viewer": viewer_id, "limit": limit},
            )  # fmt: skip
            return [
                StoredMemory(
                    r.id, r.persona, r.viewer_id, r.viewer_login, r.kind, r.text, r.source_event_id,
                    r.created_at, r.updated_at, r.edited_by, None,
                    None if r.similarity is None else float(r.similarity),
                )
                for r in rows
            ]  # fmt: skip

    def _reader(self) -> AsyncEngine:
        """The engine for the recall's read: on PostgreSQL in autocommit, which saves the
        BEGIN and ROLLBACK round trips (the read is one statement)."""
        if self._autocommit is None:
            engine = self.engine
            if engine.dialect.name == "postgresql":
                engine = engine.execution_options(isolation_level="AUTOCOMMIT")
            self._autocommit = engine
        return self._autocommit

    async def of_viewer(self, who: str, *, persona: str | None = None) -> list[StoredMemory]:
        """A viewer's memories by login or Twitch id, every persona's unless ``persona``."""
        async with self.sessions() as session:
            cid = await self._read_cid(session)
            query = select(MemoryRow).where(
                MemoryRow.channel_id == cid,
                or_(MemoryRow.viewer_login == who.lower(), MemoryRow.viewer_id == who),
            )
            if persona is not None:
                query = query.where(MemoryRow.persona == persona)
            rows = await session.scalars(query.order_by(MemoryRow.created_at.desc(), MemoryRow.id))
            return [_stored(r) for r in rows]

    async def viewers(self, search: str = "", *, limit: int = 50) -> list[ViewerSummary]:
        """Viewers with memories whose login contains ``search``, most recent first."""
        async with self.sessions() as session:
            cid = await self._read_cid(session)
            query = (
                select(
                    MemoryRow.viewer_id,
                    func.max(MemoryRow.viewer_login),
                    func.count(),
                    func.max(MemoryRow.created_at),
                )
                .where(MemoryRow.channel_id == cid)
                .group_by(MemoryRow.viewer_id)
                .order_by(func.max(MemoryRow.created_at).desc())
                .limit(limit)
            )
            if search:
                pattern = "%" + search.lower().replace("\\", "").replace("%", "").replace("_", "\\_") + "%"
                query = query.where(MemoryRow.viewer_login.like(pattern, escape="\\"))
            return [ViewerSummary(v, login, n, last) for v, login, n, last in await session.execute(query)]

    async def keep_current(
        self,
        memory_id: str,
        persona: str,
        viewer: tuple[str, str],
        kind: str,
        text: Callable[[str | None], str],
        *,
        at: datetime,
        source_event_id: str,
        embed: Callable[[Sequence[str]], np.ndarray] | None = None,
    ) -> bool:
        """One row kept current rather than a row per event (how often a viewer was answered):
        ``text(old text or None)`` becomes its text, with its vector, ``at`` its ``updated_at``
        and ``source_event_id`` the event that changed it. An event no newer than the row's
        ``updated_at`` has been counted already (a redelivery) and changes nothing. ``viewer``
        is (Twitch id, login). Returns whether the row changed."""
        viewer_id, login = viewer
        async with self.sessions.begin() as session:
            cid = await self._cid(session)
            row = await session.scalar(
                select(MemoryRow)
                .where(MemoryRow.id == memory_id, MemoryRow.channel_id == cid)
                .with_for_update()
            )
            if row is not None and _aware(row.updated_at) >= at:
                return False
            new = text(None if row is None else row.text)
            vector = None if embed is None else (await asyncio.to_thread(embed, [new]))[0]
            if row is None:
                session.add(
                    MemoryRow(
                        id=memory_id, channel_id=cid, persona=persona, viewer_id=viewer_id,
                        viewer_login=login.lower(), kind=kind, text=new, source_event_id=source_event_id,
                        created_at=at, updated_at=at, edited_by=None, embedding=to_bytes(vector),
                    )
                )  # fmt: skip
                await session.flush()
            else:
                row.text, row.updated_at, row.source_event_id = new, at, source_event_id
                row.viewer_login, row.edited_by, row.embedding = login.lower(), None, to_bytes(vector)
                await session.flush()
            if vector is not None and await self.has_pgvector_tables():
                await _upsert_memory_vectors(session, [(memory_id, vector)])
            return True

    async def get(self, memory_id: str) -> StoredMemory | None:
        async with self.sessions() as session:
            cid = await self._read_cid(session)
            row = await session.scalar(
                select(MemoryRow).where(MemoryRow.id == memory_id, MemoryRow.channel_id == cid)
            )
            return None if row is None else _stored(row)

    async def edit(self, memory_id: str, text: str, *, by: str, vector: np.ndarray | None = None) -> bool:
        """Replace a memory's text (and its vector). False when there is no such memory."""
        async with self.sessions.begin() as session:
            cid = await self._read_cid(session)
            result = await session.execute(
                update(MemoryRow)
                .where(MemoryRow.id == memory_id, MemoryRow.channel_id == cid)
                .values(text=text, edited_by=by, updated_at=datetime.now(UTC), embedding=to_bytes(vector))
            )
            found = bool(getattr(result, "rowcount", 0))
            if found and vector is not None and await self.has_pgvector_tables():
                await _upsert_memory_vectors(session, [(memory_id, vector)])
            return found

    async def delete(self, memory_id: str) -> bool:
        async with self.sessions.begin() as session:
            cid = await self._read_cid(session)
            result = await session.execute(
                delete(MemoryRow).where(MemoryRow.id == memory_id, MemoryRow.channel_id == cid)
            )
            return bool(getattr(result, "rowcount", 0))

    async def forget_viewer(
        self, who: str, *, by: str, audit_id: str | None = None, reason: str = "", at: datetime | None = None
    ) -> int:
        """Delete every memory of the viewer (login or Twitch id) under every persona, and audit
        it in ``moderation_actions`` (``audit_id`` makes a redelivered request audited once).
        Returns how many memories were deleted."""
        async with self.sessions.begin() as session:
            cid = await self._cid(session)
            match = (MemoryRow.channel_id == cid) & or_(
                MemoryRow.viewer_login == who.lower(), MemoryRow.viewer_id == who
            )
            result = await session.execute(delete(MemoryRow).where(match))
            deleted = int(getattr(result, "rowcount", 0) or 0)
            audit = {
                "id": audit_id or f"forget-{uuid.uuid4().hex}", "channel_id": cid, "actor": by[:64],
                "action": FORGET_ACTION, "target": who[:128], "ts": at or datetime.now(UTC),
                "details": {"memories": deleted, "reason": reason[:200]},
            }  # fmt: skip
            await session.execute(
                _insert(session, ModerationAction).on_conflict_do_nothing(index_elements=["id"]), [audit]
            )
            return deleted

    async def unembedded(self, *, limit: int = 200) -> list[tuple[str, str]]:
        """(id, text) of memories without a vector (edited on the dashboard)."""
        async with self.sessions() as session:
            cid = await self._read_cid(session)
            rows = await session.execute(
                select(MemoryRow.id, MemoryRow.text)
                .where(MemoryRow.channel_id == cid, MemoryRow.embedding.is_(None))
                .limit(limit)
            )
            return [(i, t) for i, t in rows]

    async def set_vectors(self, items: Sequence[tuple[str, str]], vectors: np.ndarray) -> None:
        """Store the vectors of (id, text); a memory whose text changed meanwhile is left alone."""
        async with self.sessions.begin() as session:
            stored: list[tuple[str, np.ndarray]] = []
            for (memory_id, text_now), vector in zip(items, vectors, strict=True):
                result = await session.execute(
                    update(MemoryRow)
                    .where(MemoryRow.id == memory_id, MemoryRow.text == text_now)
                    .values(embedding=to_bytes(vector))
                )
                if getattr(result, "rowcount", 0):
                    stored.append((memory_id, vector))
            if stored and await self.has_pgvector_tables():
                await _upsert_memory_vectors(session, stored)

    async def sync_vectors(self, *, batch: int = 2_000) -> int:
        """Copy into pgvector the vectors written without the store (a bulk load, rows from
        before migration 0007). Returns how many; 0 without pgvector's tables."""
        if not await self.has_pgvector_tables():
            return 0
        copied = 0
        while True:
            async with self.sessions.begin() as session:
                rows = (await session.execute(_MEMORIES_WITHOUT_VECTOR, {"n": batch})).all()
                written = await _upsert_memory_vectors(session, [(str(i), from_bytes(d)) for i, d in rows])
            copied += written
            if len(rows) < batch or not written:
                return copied

    async def current_stream(self, *, limit: int = 50_000) -> list[ev.InputEvent]:
        """The input events of the stream on air, from the recorded log: everything since the
        last ``stream.state`` that said online (nothing when the last one said offline)."""
        async with self.sessions() as session:
            cid = await self._read_cid(session)
            states = await session.execute(
                select(EventRow.ts, EventRow.payload)
                .where(EventRow.channel_id == cid, EventRow.type == "stream.state")
                .order_by(EventRow.ts.desc())
                .limit(200)
            )
            since = None
            for ts, payload in states:
                if payload.get("online") is not None:
                    since = ts if payload["online"] else None
                    break
            if since is None:
                return []
            rows = await session.scalars(
                select(EventRow.payload)
                .where(EventRow.channel_id == cid, EventRow.stream == "input", EventRow.ts >= since)
                .order_by(EventRow.ts, EventRow.id)
                .limit(limit)
            )
            out = []
            for payload in rows:
                try:
                    event = ev.decode(orjson.dumps(payload))
                except ev.EventDecodeError:
                    continue  # a kind this build does not know
                if isinstance(event, ev.InputEvent):
                    out.append(event)
            return out

    async def count(self) -> int:
        async with self.sessions() as session:
            cid = await self._read_cid(session)
            return int(await session.scalar(select(func.count()).where(MemoryRow.channel_id == cid)) or 0)


def _vector_params(items: Sequence[tuple[Any, np.ndarray | None]], **extra: Any) -> list[dict[str, Any]]:
    """Insert parameters for the usable vectors (a zero or missing one is left out)."""
    return [{"id": i, "v": to_pgvector(v), **extra} for i, v in items if v is not None and _usable(v)]


async def _upsert_memory_vectors(
    session: AsyncSession, items: Sequence[tuple[str, np.ndarray | None]]
) -> int:
    """Write the memories' vectors into pgvector. Returns how many."""
    params = _vector_params(items)
    if params:
        await session.execute(_UPSERT_MEMORY_VECTOR, params)
    return len(params)


class ChunkVectors(_VectorScoped):
    """One channel's knowledge chunk vectors in pgvector: copied from the chunks' bytes (the
    knowledge store writes only those), searched nearest first in SQL."""

    _autocommit: AsyncEngine | None = None

    async def available(self) -> bool:
        """Whether the nearest chunks are searched here (see :func:`searches_pgvector`)."""
        async with self.engine.connect() as conn:
            return await searches_pgvector(conn, self.vector_search)

    async def sync(self, *, batch: int = 2_000) -> int:
        """Copy the channel's chunk vectors that pgvector lacks (new chunks, chunks embedded
        later: a trigger drops the copy of a changed vector). Returns how many."""
        copied = 0
        while True:
            async with self.sessions.begin() as session:
                cid = await self._read_cid(session)
                rows = (await session.execute(_CHUNKS_WITHOUT_VECTOR, {"cid": cid, "n": batch})).all()
                params = _vector_params([(int(i), from_bytes(d)) for i, d in rows], cid=cid)
                if params:
                    await session.execute(_UPSERT_CHUNK_VECTOR, params)
            copied += len(params)
            if len(rows) < batch or not params:
                return copied

    async def nearest(self, vector: np.ndarray, k: int, *, also: Sequence[int] = ()) -> dict[int, float]:
        """{chunk id: cosine similarity} of the ``k`` nearest chunks of the vector's size (HNSW
        for 512 dimensions, approximate, at most :data:`EF_SEARCH`; an exact scan for other
        sizes), and of the chunks ``also`` (the keyword search's best), so both signals can
        be fused. One statement (migration 0007's ``knowledge_nearest``), in autocommit."""
        if k <= 0 or not _usable(vector):
            return {}
        async with self._reader().connect() as conn:
            cid = await self._read_cid(conn)
            rows = await conn.execute(
                _NEAREST_SQL, {"q": to_pgvector(vector), "cid": cid, "k": k, "also": list(also)}
            )
            return {int(chunk_id): float(cosine) for chunk_id, cosine in rows}

    def _reader(self) -> AsyncEngine:
        if self._autocommit is None:
            self._autocommit = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        return self._autocommit
