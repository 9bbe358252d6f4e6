"""Identity, access and audit: organisations, users, sessions, API keys, case shares, pending
OIDC sign-ins, rate-limit counters, the hash-chained audit trail; cases get an owner;
Idempotency-Keys are scoped to their client.

Existing cases get an owner deliberately: if the database holds cases, this migration creates the
organisation ``bestand`` ("Bestand vor Einführung der Anmeldung") and gives every case to it.
No user belongs to it yet, so after the upgrade nobody sees those cases until the operator
either adds users to ``bestand`` or renames it to the real body
(``ikz admin organisation rename bestand KENNUNG NAME``). This is the safe choice: guessing an
owner from a case's content could hand one body's drafts to another.

Existing Idempotency-Keys had no client; they are dropped (they are only replay guards for a
few hours, and a key without a client cannot be scoped safely).

Revision ID: 0002_identitaet
Revises: 0001
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002_identitaet"
down_revision = "0001"
branch_labels = None
depends_on = None

BESTAND_KENNUNG = "bestand"
BESTAND_NAME = "Bestand vor Einführung der Anmeldung"


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kennung", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("organisation_id", sa.Integer(), sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("email", sa.String(320), nullable=False, unique=True),
        sa.Column("rollen", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("oidc_subject", sa.String(500), nullable=True, unique=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_users_organisation_id", "users", ["organisation_id"])
    op.create_table(
        "login_sessions",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("via", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_login_sessions_user_id", "login_sessions", ["user_id"])
    op.create_index("ix_login_sessions_expires_at", "login_sessions", ["expires_at"])
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("organisation_id", sa.Integer(), sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("rolle", sa.String(40), nullable=False),
        sa.Column("key_sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("organisation_id", "name", name="uq_api_keys_organisation_name"),
    )
    op.create_index("ix_api_keys_organisation_id", "api_keys", ["organisation_id"])
    op.create_table(
        "oidc_logins",
        sa.Column("state_sha256", sa.String(64), primary_key=True),
        sa.Column("browser_sha256", sa.String(64), nullable=False),
        sa.Column("nonce", sa.String(100), nullable=False),
        sa.Column("code_verifier", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_oidc_logins_created_at", "oidc_logins", ["created_at"])
    op.create_table(
        "rate_counters",
        sa.Column("bucket", sa.String(200), primary_key=True),
        sa.Column("window_start", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("count", sa.Integer(), nullable=False),
    )
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("zeit", sa.DateTime(), nullable=False),
        sa.Column("akteur", sa.String(200), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("aktion", sa.String(40), nullable=False),
        sa.Column("objekt", sa.String(100), nullable=False),
        sa.Column("ergebnis", sa.String(20), nullable=False),
        sa.Column("detail", sa.String(300), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_entries_organisation_id", "audit_entries", ["organisation_id"])
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
    )
    op.execute(
        sa.text("INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, :genesis)").bindparams(genesis="0" * 64)
    )

    _add_owner_column()
    _give_existing_cases_an_owner()

    op.create_table(
        "case_shares",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("organisation_id", sa.Integer(), sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("art", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("case_id", "organisation_id", name="uq_case_shares_case_organisation"),
    )
    op.create_index("ix_case_shares_case_id", "case_shares", ["case_id"])
    op.create_index("ix_case_shares_organisation_id", "case_shares", ["organisation_id"])

    op.drop_table("idempotency_keys")
    op.create_table(
        "idempotency_keys",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("client", sa.String(100), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("request_sha256", sa.String(64), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version_number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("client", "key", name="uq_idempotency_keys_client_key"),
    )
    op.create_index("ix_idempotency_keys_created_at", "idempotency_keys", ["created_at"])


def _add_owner_column() -> None:
    """cases.organisation_id with its foreign key — never by batch mode on SQLite: batch mode
    copies the table and drops the old one, and with foreign keys on, dropping ``cases`` would
    cascade into ``case_versions`` and delete every stored version."""
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        columns = {row[1] for row in connection.execute(sa.text("PRAGMA table_info(cases)"))}
        if "organisation_id" not in columns:  # left in place by a downgrade (see downgrade())
            op.execute("ALTER TABLE cases ADD COLUMN organisation_id INTEGER REFERENCES organisations (id)")
    else:
        op.add_column("cases", sa.Column("organisation_id", sa.Integer(), nullable=True))
        op.create_foreign_key("fk_cases_organisation_id", "cases", "organisations", ["organisation_id"], ["id"])
    op.create_index("ix_cases_organisation_id", "cases", ["organisation_id"])


def _give_existing_cases_an_owner() -> None:
    connection = op.get_bind()
    if connection.execute(sa.text("SELECT COUNT(*) FROM cases")).scalar_one() == 0:
        return
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    connection.execute(
        sa.text("INSERT INTO organisations (kennung, name, created_at) VALUES (:kennung, :name, :now)"),
        {"kennung": BESTAND_KENNUNG, "name": BESTAND_NAME, "now": now},
    )
    owner = connection.execute(
        sa.text("SELECT id FROM organisations WHERE kennung = :kennung"), {"kennung": BESTAND_KENNUNG}
    ).scalar_one()
    connection.execute(sa.text("UPDATE cases SET organisation_id = :owner"), {"owner": owner})


def downgrade() -> None:
    op.drop_index("ix_idempotency_keys_created_at", table_name="idempotency_keys")
    op.drop_table("idempotency_keys")
    op.create_table(
        "idempotency_keys",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("request_sha256", sa.String(64), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version_number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.drop_table("case_shares")
    op.drop_index("ix_cases_organisation_id", table_name="cases")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite cannot drop a column with a foreign key, and batch mode would cascade-delete the
        # versions (see _add_owner_column): the column stays, NULLed, and version 0001 ignores it.
        op.execute("UPDATE cases SET organisation_id = NULL")
    else:
        op.drop_constraint("fk_cases_organisation_id", "cases", type_="foreignkey")
        op.drop_column("cases", "organisation_id")
    for table in ("audit_head", "audit_entries", "rate_counters", "oidc_logins", "api_keys", "login_sessions"):
        op.drop_table(table)
    op.drop_table("users")
    op.drop_table("organisations")
