"""Database objects that migrations make in SQL and the models do not describe, so that
``alembic check``, autogenerate and the schema tests leave them out.

- Migration 0007's pgvector side tables (with their HNSW index), where the server has the
  extension.
- Migration 0008's full-text search: on PostgreSQL the generated ``search_vector`` columns of
  ``memories`` and ``knowledge_chunks`` and the chunks' GIN index; on SQLite the FTS5 tables
  ``memories_fts`` and ``knowledge_chunks_fts`` with their shadow tables (``*_data``,
  ``*_idx``, ``*_docsize``, ``*_config``, ``*_content``).

Functions and triggers are not compared by autogenerate.
"""

from __future__ import annotations

from alembic.runtime.environment import NameFilterParentNames, NameFilterType
from sqlalchemy.schema import SchemaItem

OUTSIDE_TABLES = frozenset({"memory_vectors", "knowledge_vectors"})
"""Migration 0007's pgvector side tables."""
FTS_TABLES = ("memories_fts", "knowledge_chunks_fts")
"""Migration 0008's SQLite FTS5 tables; their shadow tables start with these names."""
OUTSIDE_COLUMNS = frozenset({"search_vector"})
"""Migration 0008's generated ``tsvector`` columns (PostgreSQL)."""
OUTSIDE_INDEXES = frozenset({"ix_knowledge_chunks_search"})
"""Migration 0008's GIN index (PostgreSQL)."""


def outside_table(name: str | None) -> bool:
    """A table no model describes (a side table, an FTS5 table or one of its shadow tables)."""
    return name is not None and (name in OUTSIDE_TABLES or name.startswith(FTS_TABLES))


def include_name(name: str | None, type_: NameFilterType, parent_names: NameFilterParentNames) -> bool:
    """Autogenerate's name filter: leave the tables out before they are reflected (SQLAlchemy
    has no ``vector`` type and would warn; FTS5 tables are virtual)."""
    return not (type_ == "table" and outside_table(name))


def include_object(
    obj: SchemaItem, name: str | None, type_: NameFilterType, reflected: bool, compare_to: SchemaItem | None
) -> bool:
    """Autogenerate's object filter: those tables, their columns, indexes and constraints, and
    the full-text columns and indexes on the models' tables."""
    if type_ == "table":
        return not outside_table(name)
    if type_ == "column" and name in OUTSIDE_COLUMNS:
        return False
    if type_ == "index" and name in OUTSIDE_INDEXES:
        return False
    table = getattr(obj, "table", None)
    return not outside_table(getattr(table, "name", None))
