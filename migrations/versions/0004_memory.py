"""long-term memory (viewers, streams, knowledge)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 15:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "memories",
        sa.Column("id", sa.String(length=160), nullable=False),
        sa.Column("channel_id", _BIG_ID, nullable=False),
        sa.Column("persona", sa.String(length=64), nullable=False),
        sa.Column("viewer_id", sa.String(length=32), nullable=False),
        sa.Column("viewer_login", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source_event_id", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("edited_by", sa.String(length=64), nullable=True),
        sa.Column("embedding", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["channel_id"], ["channels.id"], name=op.f("fk_memories_channel_id_channels"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memories")),
    )
    with op.batch_alter_table("memories", schema=None) as batch_op:
        batch_op.create_index(
            "ix_memories_channel_persona_viewer", ["channel_id", "persona", "viewer_id"], unique=False
        )
        batch_op.create_index("ix_memories_channel_login", ["channel_id", "viewer_login"], unique=False)
    op.create_table(
        "knowledge_documents",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("channel_id", _BIG_ID, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["channels.id"],
            name=op.f("fk_knowledge_documents_channel_id_channels"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_documents")),
        sa.UniqueConstraint("channel_id", "name", name="uq_knowledge_documents_channel_name"),
    )
    op.create_table(
        "knowledge_chunks",
        sa.Column("id", _BIG_ID, autoincrement=True, nullable=False),
        sa.Column("document_id", _BIG_ID, nullable=False),
        sa.Column("channel_id", _BIG_ID, nullable=False),
        sa.Column("index", sa.Integer(), nullable=False),
        sa.Column("heading", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("embedding", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["channels.id"],
            name=op.f("fk_knowledge_chunks_channel_id_channels"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["knowledge_documents.id"],
            name=op.f("fk_knowledge_chunks_document_id_knowledge_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_chunks")),
    )
    with op.batch_alter_table("knowledge_chunks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_knowledge_chunks_channel_id"), ["channel_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_knowledge_chunks_document_id"), ["document_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("knowledge_chunks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_knowledge_chunks_document_id"))
        batch_op.drop_index(batch_op.f("ix_knowledge_chunks_channel_id"))
    op.drop_table("knowledge_chunks")
    op.drop_table("knowledge_documents")
    with op.batch_alter_table("memories", schema=None) as batch_op:
        batch_op.drop_index("ix_memories_channel_login")
        batch_op.drop_index("ix_memories_channel_persona_viewer")
    op.drop_table("memories")
