"""full-text (keyword) search over the viewers' memories and the knowledge chunks

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 00:00:00

PostgreSQL: a generated ``search_vector`` column (``to_tsvector('english', ...)``, stored) on
``memories`` (its text) and ``knowledge_chunks`` (heading and text), the chunks' with a GIN
index. A generated column is computed for the rows already there when it is added, and kept by the
server on every insert and update.

SQLite: FTS5 tables kept in sync by triggers (tokenizer ``porter unicode61``):
``knowledge_chunks_fts`` reads its text from ``knowledge_chunks`` (external content, rowid =
the chunk's INTEGER PRIMARY KEY); ``memories_fts`` holds its own copy (``memory_id``,
``text``; rowid = the memory's rowid when written, as ``memories`` has a text key), and a
deleted memory's row is found by ``memory_id`` (through the FTS index), so ``!forgetme``
removes its words as well. Searches match the ``text`` column only.
The rows already there are indexed. Where the SQLite build has no FTS5, nothing.

Neither is in the models: ``streamer.store.outside_models`` leaves them out of ``alembic check``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")

_POSTGRESQL_UP = [
    "ALTER TABLE knowledge_chunks ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english', heading || ' ' || text)) STORED",
    "CREATE INDEX ix_knowledge_chunks_search ON knowledge_chunks USING gin (search_vector) "
    "WITH (fastupdate = off)",
    "ALTER TABLE memories ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english', text)) STORED",
]
"""``fastupdate = off``: with GIN's pending list, a bulk load (a 10,000-chunk document) left
every search scanning the list until a vacuum merged it (3-9 ms per search, 0.07 ms after).
No GIN index on ``memories``: a viewer's rows are read through
``ix_memories_channel_persona_viewer`` and their ``search_vector`` compared there."""
_POSTGRESQL_DOWN = [
    "ALTER TABLE memories DROP COLUMN IF EXISTS search_vector",
    "DROP INDEX IF EXISTS ix_knowledge_chunks_search",
    "ALTER TABLE knowledge_chunks DROP COLUMN IF EXISTS search_vector",
]

_DELETE_MEMORY_WORDS = (
    "DELETE FROM memories_fts WHERE memories_fts MATCH 'memory_id : \"' || replace(old.id, '\"', '\"\"') || '\"' "
    "AND memory_id = old.id"
)
"""A memory's row in ``memories_fts``, found through the FTS index by its id's words (a phrase in
the ``memory_id`` column) and checked exactly: 0.3-0.6 ms at 100,000 memories, where
``WHERE memory_id = old.id`` alone scans the table (20 ms a memory: forgetting a viewer's
five took 150 ms, and a new name, which replaces the old one, 28 ms)."""

_SQLITE_UP = [
    "CREATE VIRTUAL TABLE knowledge_chunks_fts USING fts5(heading, text, content='knowledge_chunks', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    """CREATE TRIGGER knowledge_chunks_fts_insert AFTER INSERT ON knowledge_chunks BEGIN
        INSERT INTO knowledge_chunks_fts (rowid, heading, text) VALUES (new.id, new.heading, new.text);
    END""",
    """CREATE TRIGGER knowledge_chunks_fts_delete AFTER DELETE ON knowledge_chunks BEGIN
        INSERT INTO knowledge_chunks_fts (knowledge_chunks_fts, rowid, heading, text)
            VALUES ('delete', old.id, old.heading, old.text);
    END""",
    """CREATE TRIGGER knowledge_chunks_fts_update AFTER UPDATE OF heading, text ON knowledge_chunks BEGIN
        INSERT INTO knowledge_chunks_fts (knowledge_chunks_fts, rowid, heading, text)
            VALUES ('delete', old.id, old.heading, old.text);
        INSERT INTO knowledge_chunks_fts (rowid, heading, text) VALUES (new.id, new.heading, new.text);
    END""",
    "INSERT INTO knowledge_chunks_fts (knowledge_chunks_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE memories_fts USING fts5(memory_id, text, tokenize='porter unicode61 remove_diacritics 2')",
    """CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN
        INSERT OR REPLACE INTO memories_fts (rowid, memory_id, text) VALUES (new.rowid, new.id, new.text);
    END""",
    f"""CREATE TRIGGER memories_fts_delete AFTER DELETE ON memories BEGIN
        {_DELETE_MEMORY_WORDS};
    END""",
    f"""CREATE TRIGGER memories_fts_update AFTER UPDATE OF id, text ON memories BEGIN
        {_DELETE_MEMORY_WORDS};
        INSERT OR REPLACE INTO memories_fts (rowid, memory_id, text) VALUES (new.rowid, new.id, new.text);
    END""",
    "INSERT INTO memories_fts (rowid, memory_id, text) SELECT rowid, id, text FROM memories",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS memories_fts_update",
    "DROP TRIGGER IF EXISTS memories_fts_delete",
    "DROP TRIGGER IF EXISTS memories_fts_insert",
    "DROP TABLE IF EXISTS memories_fts",
    "DROP TRIGGER IF EXISTS knowledge_chunks_fts_update",
    "DROP TRIGGER IF EXISTS knowledge_chunks_fts_delete",
    "DROP TRIGGER IF EXISTS knowledge_chunks_fts_insert",
    "DROP TABLE IF EXISTS knowledge_chunks_fts",
]


def _sqlite_has_fts5() -> bool:
    """Whether this SQLite build has FTS5 (nearly all do)."""
    if op.get_context().as_sql:
        return True  # offline (--sql): write the statements
    if op.get_bind().scalar(sa.text("SELECT sqlite_compileoption_used('ENABLE_FTS5')")):
        return True
    log.warning("SQLite has no FTS5: keyword search stays in memory")
    return False


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "postgresql":
        statements = _POSTGRESQL_UP
    elif dialect == "sqlite" and _sqlite_has_fts5():
        statements = _SQLITE_UP
    else:
        return
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    statements = {"postgresql": _POSTGRESQL_DOWN, "sqlite": _SQLITE_DOWN}.get(dialect, [])
    for statement in statements:
        op.execute(statement)
