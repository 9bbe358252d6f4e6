"""Issue 15: account assignment, register origin, calendar tokens, version causes, rule-change
runs and results, rate tables per organisation (api/register/tables.py).

Revision ID: 0014_register
Revises: 0011_zustand_in_db
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_register"
down_revision = "0013_laufzeit_letzter_tag"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisation_kontierung",
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("produkt", sa.String(50), nullable=True),
        sa.Column("aufwandskonto", sa.String(20), nullable=True),
        sa.Column("ertragskonto", sa.String(20), nullable=True),
        sa.Column("geaendert_am", sa.DateTime(), nullable=False),
        sa.Column("geaendert_von", sa.String(400), nullable=False),
    )
    op.create_table(
        "register_angaben",
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("herkunft_quelle", sa.String(300), nullable=True),
        sa.Column("herkunft_zeile", sa.Integer(), nullable=True),
        sa.Column("auskunft_beantragt_am", sa.Date(), nullable=True),
        sa.Column("auskunft_erteilt_am", sa.Date(), nullable=True),
        sa.Column("beendet_am", sa.Date(), nullable=True),
        sa.Column("geaendert_am", sa.DateTime(), nullable=False),
        sa.Column("geaendert_von", sa.String(400), nullable=False),
    )
    op.create_table(
        "kalender_tokens",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_kalender_tokens_user_id", "kalender_tokens", ["user_id"])
    op.create_table(
        "version_anlaesse",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("anlass", sa.String(40), nullable=False),
        sa.Column("regelwerk_von", sa.String(100), nullable=False),
        sa.Column("regelwerk_nach", sa.String(100), nullable=False),
        sa.Column("lauf_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("case_id", "number", name="uq_version_anlaesse_case_number"),
    )
    op.create_index("ix_version_anlaesse_case_id", "version_anlaesse", ["case_id"])
    op.create_table(
        "auswirkungslaeufe",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisations.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("regelwerk_version", sa.String(100), nullable=False),
        sa.Column("regelwerk_sha256", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("gestartet_von", sa.String(400), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("letzter_fall", sa.Integer(), nullable=False),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("lease_owner", sa.String(64), nullable=True),
        sa.Column("fehler", sa.String(500), nullable=True),
        sa.UniqueConstraint("organisation_id", "regelwerk_sha256", name="uq_auswirkungslaeufe_org_hash"),
    )
    op.create_index("ix_auswirkungslaeufe_organisation_id", "auswirkungslaeufe", ["organisation_id"])
    op.create_table(
        "auswirkungen",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("lauf_id", sa.Integer(), sa.ForeignKey("auswirkungslaeufe.id", ondelete="CASCADE"), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("bezeichnung", sa.String(300), nullable=False),
        sa.Column("version_vorher", sa.Integer(), nullable=False),
        sa.Column("version_neu", sa.Integer(), nullable=True),
        sa.Column("regelwerk_vorher", sa.String(100), nullable=False),
        sa.Column("geaendert", sa.Boolean(), nullable=False),
        sa.Column("diff_json", sa.Text(), nullable=False),
        sa.UniqueConstraint("lauf_id", "case_id", name="uq_auswirkungen_lauf_case"),
    )
    op.create_index("ix_auswirkungen_lauf_id", "auswirkungen", ["lauf_id"])
    op.create_table(
        "eigene_satztabellen",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisations.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kennung", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("geprueft_am", sa.DateTime(), nullable=False),
        sa.Column("geprueft_von", sa.String(400), nullable=False),
        sa.Column("geloescht_am", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("organisation_id", "kennung", "version", name="uq_eigene_satztabellen_org_id_version"),
    )
    op.create_index("ix_eigene_satztabellen_organisation_id", "eigene_satztabellen", ["organisation_id"])


def downgrade() -> None:
    op.drop_index("ix_eigene_satztabellen_organisation_id", table_name="eigene_satztabellen")
    op.drop_table("eigene_satztabellen")
    op.drop_index("ix_auswirkungen_lauf_id", table_name="auswirkungen")
    op.drop_table("auswirkungen")
    op.drop_index("ix_auswirkungslaeufe_organisation_id", table_name="auswirkungslaeufe")
    op.drop_table("auswirkungslaeufe")
    op.drop_index("ix_version_anlaesse_case_id", table_name="version_anlaesse")
    op.drop_table("version_anlaesse")
    op.drop_index("ix_kalender_tokens_user_id", table_name="kalender_tokens")
    op.drop_table("kalender_tokens")
    op.drop_table("register_angaben")
    op.drop_table("organisation_kontierung")
