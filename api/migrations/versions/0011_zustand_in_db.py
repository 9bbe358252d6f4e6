"""State that several workers share: the upload page's screening results (api/screening_store.py).

Revision ID: 0011_zustand_in_db
Revises: 0003_unsaved_results
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_zustand_in_db"
down_revision = "0003_unsaved_results"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "screening_results",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("client", sa.String(100), nullable=True),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("quelle", sa.String(300), nullable=False),
        sa.Column("titel_json", sa.Text(), nullable=False),
        sa.Column("kopf", sa.LargeBinary(), nullable=False),
    )
    op.create_index("ix_screening_results_created_at", "screening_results", ["created_at"])
    op.create_table(
        "screening_chunks",
        sa.Column(
            "token_sha256",
            sa.String(64),
            sa.ForeignKey("screening_results.token_sha256", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("art", sa.String(10), primary_key=True),
        sa.Column("nummer", sa.Integer(), primary_key=True),
        sa.Column("daten", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("screening_chunks")
    op.drop_index("ix_screening_results_created_at", table_name="screening_results")
    op.drop_table("screening_results")
