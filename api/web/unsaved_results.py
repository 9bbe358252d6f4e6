"""Results of the web form before they are saved, kept server-side so that a result has a URL
(post/redirect/get): ``POST /formular`` stores the result and answers 303 to ``/ergebnis/<token>``.

The token is 128 random bits (``secrets.token_urlsafe``): the URL — which ends up in browser
history and access logs — carries no case content, and a result cannot be found by guessing.
Results are kept for ``AUFBEWAHRUNG`` and removed when a new one is stored. Phase 2 (sign-in)
will bind each row to the organisation that created it.
"""

from __future__ import annotations

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
    fall_id: int | None = None,
    fall_version: int | None = None,
) -> str:
    """Store a result and return its new token; drop results older than ``AUFBEWAHRUNG``."""
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
        )
    )
    session.commit()
    return token


def load_result(session: Session, token: str) -> UnsavedResult | None:
    """The result stored under ``token``, or None (unknown, expired or not a token at all)."""
    if not _TOKEN.match(token):
        return None
    row = session.get(UnsavedResultRow, token)
    if row is None or row.created_at < utc_now() - AUFBEWAHRUNG:
        return None
    return UnsavedResult(
        token,
        json.loads(row.fallakte_json),
        json.loads(row.bewertung_json),
        None if row.kalkulation_json is None else json.loads(row.kalkulation_json),
        row.case_id,
        row.case_version,
    )
