"""Saved cases, their versions (with the stored assessment and rule-set hash), idempotency keys.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("bezeichnung", sa.String(300), nullable=False),
        sa.Column("latest_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "case_versions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("fallakte_json", sa.Text(), nullable=False),
        sa.Column("bewertung_json", sa.Text(), nullable=False),
        sa.Column("kalkulation_json", sa.Text(), nullable=False),
        sa.Column("ergebnis", sa.String(40), nullable=False),
        sa.Column("regelwerk_version", sa.String(100), nullable=False),
        sa.Column("regelwerk_sha256", sa.String(64), nullable=False),
        sa.UniqueConstraint("case_id", "number", name="uq_case_versions_case_number"),
    )
    op.create_index("ix_case_versions_case_id", "case_versions", ["case_id"])
    op.create_table(
        "idempotency_keys",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("request_sha256", sa.String(64), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version_number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("idempotency_keys")
    op.drop_index("ix_case_versions_case_id", table_name="case_versions")
    op.drop_table("case_versions")
    op.drop_table("cases")
