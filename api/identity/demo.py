"""The demo setting (``IKZ_DEMO=true``, set by ``make run``): a demo organisation with two users
whose sign-in the README names, owning the shipped examples. Never for production: the
passwords are public. Without the setting, no user is created (``ikz serve`` tells the operator
how to add the first admin).
"""

from __future__ import annotations

import logging

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from api.identity import admin
from api.identity.errors import AlreadyExists
from api.identity.tables import OrganisationRow, UserRow

log = logging.getLogger("ikz.demo")

DEMO_KENNUNG = "demo"
DEMO_NAME = "Kreis Musterland (Demo)"
#: (e-mail, role, password) — named in the README.
DEMO_USERS = (
    ("sachbearbeitung@musterland.example", "sachbearbeitung", "demo-sachbearbeitung"),
    ("rechtsamt@musterland.example", "rechtsamt", "demo-rechtsamt-2027"),
    ("steuer@musterland.example", "steuer", "demo-steuer-2027"),
    ("leitung@musterland.example", "leitung", "demo-leitung-2027"),
    ("admin@musterland.example", "admin", "demo-admin-2027"),
)


def ensure_demo(session_factory: sessionmaker[Session]) -> int:
    """Create the demo organisation and users if missing; returns the organisation's id."""
    with session_factory() as session:
        organisation = session.execute(
            select(OrganisationRow).where(OrganisationRow.kennung == DEMO_KENNUNG)
        ).scalar_one_or_none()
        if organisation is None:
            organisation = admin.add_organisation(session, DEMO_KENNUNG, DEMO_NAME)
        for email, rolle, passwort in DEMO_USERS:
            try:
                admin.add_user(session, email, DEMO_KENNUNG, [rolle], passwort)
            except AlreadyExists:
                continue
        session.commit()
        log.warning(
            "Demo-Betrieb: Organisation „%s“ mit öffentlich bekannten Demo-Zugängen. Nicht produktiv nutzen!",
            DEMO_KENNUNG,
        )
        return organisation.id


def has_users(session_factory: sessionmaker[Session]) -> bool:
    with session_factory() as session:
        return bool(session.execute(select(func.count()).select_from(UserRow)).scalar_one())
