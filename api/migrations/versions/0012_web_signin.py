"""Unsaved web results bound to who created them: the organisation and caller when signed in, or
the creating browser (SHA-256 of its pre-sign-in cookie) for the open form.

Rows stored before have no owner and are served to nobody (they expire within 30 days).

Revision ID: 0012_web_signin
Revises: 0011_zustand_in_db
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_web_signin"
down_revision = "0011_zustand_in_db"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("unsaved_results", sa.Column("organisation_id", sa.Integer(), nullable=True))
    op.add_column("unsaved_results", sa.Column("created_by", sa.String(80), nullable=True))
    op.add_column("unsaved_results", sa.Column("browser_sha256", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("unsaved_results") as batch:
        batch.drop_column("browser_sha256")
        batch.drop_column("created_by")
        batch.drop_column("organisation_id")
