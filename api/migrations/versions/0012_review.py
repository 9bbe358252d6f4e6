"""The legal team's review (issue 13): review state, approvals, comments per clause, approving roles.

Revision ID: 0012_review
Revises: 0011_zustand_in_db
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_review"
down_revision = "0012_web_signin"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pruefungen",
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("zustand", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("eingereicht_am", sa.DateTime(), nullable=True),
        sa.Column("frist", sa.Date(), nullable=True),
        sa.Column("unterzeichnet_am", sa.Date(), nullable=True),
        sa.Column("unterzeichnende", sa.Text(), nullable=True),
        sa.Column("nachtrag_zu", sa.Integer(), sa.ForeignKey("cases.id", ondelete="SET NULL"), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "freigabe_entscheidungen",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("rolle", sa.String(30), nullable=False),
        sa.Column("entscheidung", sa.String(20), nullable=False),
        sa.Column("begruendung", sa.Text(), nullable=True),
        sa.Column("akteur", sa.String(200), nullable=False),
        sa.Column("organisation_id", sa.Integer(), sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("zeit", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_freigabe_entscheidungen_case_id", "freigabe_entscheidungen", ["case_id"])
    op.create_table(
        "kommentare",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("antwort_auf", sa.Integer(), sa.ForeignKey("kommentare.id", ondelete="CASCADE"), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("dokument", sa.String(30), nullable=False),
        sa.Column("klausel", sa.String(120), nullable=False),
        sa.Column("klausel_text", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=True),
        sa.Column("akteur", sa.String(200), nullable=False),
        sa.Column("organisation_id", sa.Integer(), sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("erstellt", sa.DateTime(), nullable=False),
        sa.Column("erledigt_von", sa.String(200), nullable=True),
        sa.Column("erledigt_am", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_kommentare_case_id", "kommentare", ["case_id"])
    op.create_table(
        "pruef_einstellungen",
        sa.Column(
            "organisation_id",
            sa.Integer(),
            sa.ForeignKey("organisations.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("rollen", sa.String(200), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("pruef_einstellungen")
    op.drop_index("ix_kommentare_case_id", table_name="kommentare")
    op.drop_table("kommentare")
    op.drop_index("ix_freigabe_entscheidungen_case_id", table_name="freigabe_entscheidungen")
    op.drop_table("freigabe_entscheidungen")
    op.drop_table("pruefungen")
