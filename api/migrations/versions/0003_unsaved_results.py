"""Unsaved results of the web form, kept under a random token for post/redirect/get.

Revision ID: 0003_unsaved_results
Revises: 0002_identitaet
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_unsaved_results"
down_revision = "0002_identitaet"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unsaved_results",
        sa.Column("token", sa.String(64), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("fallakte_json", sa.Text(), nullable=False),
        sa.Column("bewertung_json", sa.Text(), nullable=False),
        sa.Column("kalkulation_json", sa.Text(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("case_version", sa.Integer(), nullable=True),
    )
    op.create_index("ix_unsaved_results_created_at", "unsaved_results", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_unsaved_results_created_at", table_name="unsaved_results")
    op.drop_table("unsaved_results")
