"""Results of the web form before they are saved, kept server-side so that a result has a URL
(post/redirect/get): ``POST /formular`` stores the result and answers 303 to ``/ergebnis/<token>``.

The token is 128 random bits (``secrets.token_urlsafe``): the URL — which ends up in browser
history and access logs — carries no case content, and a result cannot be found by guessing.
Results are kept for ``AUFBEWAHRUNG`` and removed when a new one is stored.

Each result is bound to whoever created it (``ResultOwner``): a signed-in caller's organisation
(its members may open it — a colleague can look at the link before it is saved), or, on the open
form (``IKZ_OFFENE_BERECHNUNG``), the creating browser, named by the SHA-256 of its pre-sign-in
cookie. Anyone else is told the result does not exist; a browser that signs in keeps its own.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from api.db.models import UnsavedResultRow, utc_now
from api.jsonout import canonical_json

AUFBEWAHRUNG = timedelta(days=30)
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")


@dataclass(frozen=True)
class ResultOwner:
    """Who creates or asks for a result: the signed-in caller's organisation and name
    (``client``, "nutzer:3"), and the browser's pre-sign-in cookie (SHA-256), each if known."""

    organisation_id: int | None = None
    client: str | None = None
    browser_sha256: str | None = None

    @staticmethod
    def browser(cookie: str | None) -> str | None:
        return hashlib.sha256(cookie.encode("utf-8")).hexdigest() if cookie else None

    def may_open(self, row: UnsavedResultRow) -> bool:
        """Whether this owner may open ``row`` (its organisation, or the browser that made it)."""
        if row.organisation_id is not None and row.organisation_id == self.organisation_id:
            return True
        return (
            row.browser_sha256 is not None
            and self.browser_sha256 is not None
            and secrets.compare_digest(row.browser_sha256, self.browser_sha256)
        )


@dataclass(frozen=True)
class UnsavedResult:
    """A stored result: the Fallakte, the Bewertung and the Kalkulation in their JSON shapes."""

    token: str
    fallakte_daten: dict[str, Any]
    bewertung: dict[str, Any]
    kalkulation: dict[str, Any] | None
    fall_id: int | None = None
    fall_version: int | None = None


def store_result(
    session: Session,
    fallakte_daten: dict[str, Any],
    bewertung: dict[str, Any],
    kalkulation: dict[str, Any] | None,
    *,
    owner: ResultOwner,
    fall_id: int | None = None,
    fall_version: int | None = None,
) -> str:
    """Store a result bound to ``owner`` and return its new token; drop results older than
    ``AUFBEWAHRUNG``. A signed-in owner binds it to the organisation (not the browser: after
    sign-out the next person at that browser must not see it); an anonymous one to the browser."""
    if owner.organisation_id is None and owner.browser_sha256 is None:
        raise ValueError("an unsaved result needs an owner")
    token = secrets.token_urlsafe(16)
    jetzt = utc_now()
    session.execute(delete(UnsavedResultRow).where(UnsavedResultRow.created_at < jetzt - AUFBEWAHRUNG))
    session.add(
        UnsavedResultRow(
            token=token,
            created_at=jetzt,
            fallakte_json=canonical_json(fallakte_daten),
            bewertung_json=canonical_json(bewertung),
            kalkulation_json=None if kalkulation is None else canonical_json(kalkulation),
            case_id=fall_id,
            case_version=fall_version,
            organisation_id=owner.organisation_id,
            created_by=owner.client,
            browser_sha256=None if owner.organisation_id is not None else owner.browser_sha256,
        )
    )
    session.commit()
    return token


def load_result(session: Session, token: str, owner: ResultOwner) -> UnsavedResult | None:
    """The result stored under ``token`` if ``owner`` may open it, else None (unknown, expired,
    someone else's — the same answer — or not a token at all)."""
    if not _TOKEN.match(token):
        return None
    row = session.get(UnsavedResultRow, token)
    if row is None or row.created_at < utc_now() - AUFBEWAHRUNG or not owner.may_open(row):
        return None
    return UnsavedResult(
        token,
        json.loads(row.fallakte_json),
        json.loads(row.bewertung_json),
        None if row.kalkulation_json is None else json.loads(row.kalkulation_json),
        row.case_id,
        row.case_version,
    )
