"""Keyword search in the database (migration 0008): PostgreSQL full-text search, SQLite FTS5.

A chat line is not an AND query: "did hiyori ever find the moon rabbit" should find the chunk
that names the moon rabbit even if it says nothing of finding. So the query is an OR of its
content words, ranked by the database: ``ts_rank_cd`` over the generated ``search_vector``
(PostgreSQL, ``english`` configuration) or ``bm25()`` (SQLite FTS5, ``porter unicode61``).

A word found in :data:`COMMON` rows or more is left out of the chunks' query (and, on SQLite,
of the memories'): it says little and costs the most (the database ranks every row it
matches). On PostgreSQL a viewer's memories are read through their index and compared there,
whatever the words.

Hostile text cannot reach either query language: only the line's words (letters and digits,
:func:`query_words`) are kept; each is a bound parameter, made a tsquery by
``plainto_tsquery`` or ``websearch_to_tsquery`` (neither raises on its input), or quoted as an
FTS5 string.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from engines.ai.memory.rank import STOP_WORDS

from .channel_scoped import ChannelScoped

_WORD: Final = re.compile(r"[^\W_]+")
MAX_WORDS: Final = 24
"""At most this many distinct words of a line are searched (a pasted essay stays cheap)."""


def query_words(line: str) -> list[str]:
    """The line's distinct content words, lower case, in order: letters and digits only (no
    quote, operator or column filter of either query language), no stop word, at most
    :data:`MAX_WORDS` of them."""
    out: list[str] = []
    for word in _WORD.findall(line.lower()):
        if len(word) < 2 or word in STOP_WORDS or word in out:
            continue
        out.append(word)
        if len(out) == MAX_WORDS:
            break
    return out


def websearch_or(words: Sequence[str]) -> str:
    """``websearch_to_tsquery`` input that matches any of the words ("a or b or c")."""
    return " or ".join(words)


def fts5_or(words: Sequence[str]) -> str:
    """An FTS5 MATCH expression that matches any of the words, each a quoted string."""
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in words)


async def has_fulltext(conn: AsyncConnection) -> bool:
    """Whether migration 0008 made the keyword index here (PostgreSQL; SQLite with FTS5)."""
    if conn.dialect.name == "postgresql":
        return bool(
            await conn.scalar(
                text(
                    "SELECT count(*) FROM information_schema.columns "
                    "WHERE table_name = 'knowledge_chunks' AND column_name = 'search_vector' "
                    "AND table_schema = current_schema()"
                )
            )
        )
    if conn.dialect.name == "sqlite":
        return bool(
            await conn.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'knowledge_chunks_fts'"))
        )
    return False


COMMON: Final = 1_000
"""A word found in this many rows or more is left out of the query: it says little (BM25's IDF
for a word in 1,000 of 10,000 chunks is 2.3, against 8.5 for a word in one) and costs the
most (every match is ranked). On the benchmark's 10,000 chunks "game" is in 9,970, and a line
with it took 22 ms on SQLite. Rows are counted up to this many, through the index."""

_CHUNKS_PG = text(
    "WITH w AS (SELECT DISTINCT plainto_tsquery('english', x) AS q FROM unnest(CAST(:words AS TEXT[])) AS x), "
    "kept AS (SELECT CAST(string_agg('(' || CAST(w.q AS TEXT) || ')', ' | ') AS tsquery) AS q FROM w "
    "WHERE numnode(w.q) > 0 AND (SELECT count(*) FROM (SELECT 1 FROM knowledge_chunks c "
    "WHERE c.search_vector @@ w.q AND c.channel_id = :cid LIMIT :common) s) < :common) "
    "SELECT c.id, ts_rank_cd(c.search_vector, kept.q) AS score FROM knowledge_chunks c, kept "
    "WHERE c.channel_id = :cid AND c.search_vector @@ kept.q ORDER BY score DESC, c.id LIMIT :k"
)
"""One statement: each word as its own tsquery (``plainto_tsquery``: normalised by the server,
never parsed as syntax), the common ones dropped, the rest OR-ed (each part is a tsquery's own
text form, so the cast back cannot fail) and ranked."""


def _uncommon_sqlite(table: str, n: int) -> str:
    """SQLite: a CTE ``kept(q)``, the MATCH expression of the words ``:w0``...``:w{n-1}`` (each
    a quoted FTS5 string) found in fewer than ``:common`` rows of the FTS5 ``table``; ``""``
    (which matches nothing) when none is."""
    values = ", ".join(f"(:w{i})" for i in range(n))
    return (
        f"WITH w(term) AS (VALUES {values}), kept(q) AS (SELECT coalesce(group_concat(term, ' OR '), '\"\"') "
        f"FROM w WHERE (SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH w.term LIMIT :common)) "
        "< :common) "
    )


def _chunks_sqlite(n: int) -> str:
    return _uncommon_sqlite("knowledge_chunks_fts", n) + (
        "SELECT f.rowid AS id, -bm25(knowledge_chunks_fts) AS score FROM knowledge_chunks_fts f "
        "JOIN knowledge_chunks c ON c.id = f.rowid WHERE knowledge_chunks_fts MATCH (SELECT q FROM kept) "
        "AND c.channel_id = :cid ORDER BY bm25(knowledge_chunks_fts) LIMIT :k"
    )


def _memories_sqlite(n: int) -> str:
    """bm25() counts each word's rows for every row it ranks: the common words are left out."""
    return _uncommon_sqlite("memories_fts", n) + (
        "SELECT m.id, (SELECT -bm25(memories_fts) FROM memories_fts WHERE memories_fts MATCH (SELECT q FROM kept) "
        "AND memories_fts.rowid = m.rowid AND memories_fts.memory_id = m.id) AS score "
        "FROM memories m WHERE m.channel_id = :cid AND m.persona = :persona AND m.viewer_id = :viewer"
    )


_MEMORIES_PG = text(
    "SELECT m.id, ts_rank_cd(m.search_vector, q.q) AS score "
    "FROM memories m, (SELECT websearch_to_tsquery('english', :q) AS q) q "
    "WHERE m.channel_id = :cid AND m.persona = :persona AND m.viewer_id = :viewer AND m.search_vector @@ q.q"
)


def _words_sqlite(words: Sequence[str], column: str = "") -> dict[str, str | int]:
    """The words as FTS5 strings (``column : "word"`` with ``column``), and :data:`COMMON`."""
    prefix = f"{column} : " if column else ""
    return {**{f"w{i}": prefix + fts5_or([w]) for i, w in enumerate(words)}, "common": COMMON}


class KeywordSearch(ChannelScoped):
    """One channel's keyword search in the database: the knowledge chunks and a viewer's
    memories. Each answer maps an id to a score, higher is better, only for rows that match."""

    _autocommit: AsyncEngine | None = None
    _present: bool | None = None

    async def available(self) -> bool:
        """Whether migration 0008's index exists here (checked once)."""
        if self._present is None:
            async with self._reader().connect() as conn:
                self._present = await has_fulltext(conn)
        return self._present

    async def chunks(self, line: str, k: int) -> dict[int, float]:
        """{chunk id: score} of the ``k`` best-matching chunks of the channel."""
        words = query_words(line)
        if not words or k <= 0:
            return {}
        async with self._reader().connect() as conn:
            cid = await self._read_cid(conn)
            if conn.dialect.name == "postgresql":
                params = {"words": words, "cid": cid, "k": k, "common": COMMON}
                rows = await conn.execute(_CHUNKS_PG, params)
            else:
                sql = text(_chunks_sqlite(len(words)))
                rows = await conn.execute(sql, {**_words_sqlite(words), "cid": cid, "k": k})
            return {int(i): float(score) for i, score in rows}

    async def memories(self, line: str, persona: str, viewer_id: str) -> dict[str, float]:
        """{memory id: score} of the viewer's memories (this persona) that match the line."""
        words = query_words(line)
        if not words:
            return {}
        async with self._reader().connect() as conn:
            cid = await self._read_cid(conn)
            where = {"cid": cid, "persona": persona, "viewer": viewer_id}
            if conn.dialect.name == "postgresql":
                rows = await conn.execute(_MEMORIES_PG, {"q": websearch_or(words), **where})
            else:
                rows = await conn.execute(
                    text(_memories_sqlite(len(words))), {**_words_sqlite(words, "text"), **where}
                )
            return {str(i): float(score) for i, score in rows if score is not None and score > 0}

    def _reader(self) -> AsyncEngine:
        """On PostgreSQL in autocommit (one statement: no BEGIN and ROLLBACK round trips)."""
        if self._autocommit is None:
            engine = self.engine
            if engine.dialect.name == "postgresql":
                engine = engine.execution_options(isolation_level="AUTOCOMMIT")
            self._autocommit = engine
        return self._autocommit
