"""training studio (engagement, labels, datasets, model versions)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 15:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "turn_engagement",
        sa.Column("turn_id", sa.String(length=128), nullable=False),
        sa.Column("channel_id", BIG_ID, nullable=False),
        sa.Column("stream", sa.String(length=40), nullable=False),
        sa.Column("persona", sa.String(length=64), nullable=False),
        sa.Column("persona_version", sa.Integer(), nullable=True),
        sa.Column("model_version", sa.Integer(), nullable=True),
        sa.Column("window_s", sa.Float(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in ("chat_after",)),
        sa.Column("baseline", sa.Float(), nullable=False),
        *(
            sa.Column(name, sa.Integer(), nullable=False)
            for name in ("emotes", "replies", "follows", "subs", "bits", "skips", "rejections", "edits")
        ),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("computed_at", TZ, server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["channels.id"],
            name=op.f("fk_turn_engagement_channel_id_channels"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["turn_id"], ["turns.id"], name=op.f("fk_turn_engagement_turn_id_turns"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("turn_id", name=op.f("pk_turn_engagement")),
    )
    op.create_index("ix_turn_engagement_channel_stream", "turn_engagement", ["channel_id", "stream"])
    op.create_table(
        "turn_labels",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("turn_id", sa.String(length=128), nullable=False),
        sa.Column("verdict", sa.String(length=8), nullable=True),
        sa.Column("edited_text", sa.Text(), nullable=True),
        sa.Column("tags", JSON, nullable=False),
        sa.Column("labelled_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", TZ, server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(
            ["turn_id"], ["turns.id"], name=op.f("fk_turn_labels_turn_id_turns"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_turn_labels")),
        sa.UniqueConstraint("turn_id", "labelled_by", name="uq_turn_labels_turn_by"),
    )
    op.create_index(op.f("ix_turn_labels_turn_id"), "turn_labels", ["turn_id"])
    op.create_table(
        "datasets",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("recipe", JSON, nullable=False),
        sa.Column("report", JSON, nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", TZ, server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_datasets")),
        sa.UniqueConstraint("name", "version", name="uq_datasets_name_version"),
    )
    op.create_table(
        "dataset_examples",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("dataset_id", BIG_ID, nullable=False),
        sa.Column("split", sa.String(length=16), nullable=False),
        sa.Column("turn_id", sa.String(length=128), nullable=True),
        sa.Column("stream", sa.String(length=40), nullable=False),
        sa.Column("messages", JSON, nullable=False),
        sa.Column("synthetic", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dataset_id"],
            ["datasets.id"],
            name=op.f("fk_dataset_examples_dataset_id_datasets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dataset_examples")),
    )
    op.create_index(op.f("ix_dataset_examples_dataset_id"), "dataset_examples", ["dataset_id"])
    op.create_table(
        "model_versions",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("backend", sa.String(length=16), nullable=False),
        sa.Column("base_model", sa.String(length=200), nullable=False),
        sa.Column("adapter_path", sa.Text(), nullable=True),
        sa.Column("remote_model", sa.String(length=200), nullable=True),
        sa.Column("dataset_id", BIG_ID, nullable=True),
        sa.Column("report", JSON, nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", TZ, server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dataset_id"],
            ["datasets.id"],
            name=op.f("fk_model_versions_dataset_id_datasets"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_model_versions")),
    )


def downgrade() -> None:
    op.drop_table("model_versions")
    op.drop_index(op.f("ix_dataset_examples_dataset_id"), table_name="dataset_examples")
    op.drop_table("dataset_examples")
    op.drop_table("datasets")
    op.drop_index(op.f("ix_turn_labels_turn_id"), table_name="turn_labels")
    op.drop_table("turn_labels")
    op.drop_index("ix_turn_engagement_channel_stream", table_name="turn_engagement")
    op.drop_table("turn_engagement")
