"""chat monitor in a live show (lockout per IP and account)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 15:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nothing yet: the tables land with their feature."""


def downgrade() -> None:
    """Nothing yet."""
