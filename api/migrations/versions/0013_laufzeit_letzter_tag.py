"""Stored cases get ``laufzeit.letzter_tag`` (the last day of the term, inclusive) beside ``ende``.

A data migration: every stored Fallakte (case versions and unsaved web results) whose
``laufzeit.ende`` is set (exclusive, the contract's version-1 meaning) gains ``letzter_tag`` = the
day before ``ende``. ``ende`` itself is kept, so each case keeps its meaning, old and new readers
agree, and the downgrade only has to drop ``letzter_tag`` again. A value that is not a case file
as expected (not JSON, no dict, a date that is not ISO) is left exactly as it was: the migration
never guesses and never loses data. Assessments stored with a version are history and untouched.

Revision ID: 0013_laufzeit_letzter_tag
Revises: 0011_zustand_in_db
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import orjson
import sqlalchemy as sa
from alembic import op

revision = "0013_laufzeit_letzter_tag"
down_revision = "0012_review"
branch_labels = None
depends_on = None

_BATCH = 500
#: (table, primary key column)
_TABELLEN = (("case_versions", "id"), ("unsaved_results", "token"))


def _mit_letztem_tag(laufzeit: dict[str, Any]) -> bool:
    ende = laufzeit.get("ende")
    if not isinstance(ende, str) or laufzeit.get("letzter_tag") is not None:
        return False
    try:
        tag = date.fromisoformat(ende)
    except ValueError:
        return False
    if tag == date.min:
        return False
    laufzeit["letzter_tag"] = date.fromordinal(tag.toordinal() - 1).isoformat()
    return True


def _ohne_letzten_tag(laufzeit: dict[str, Any]) -> bool:
    if "letzter_tag" not in laufzeit:
        return False
    letzter_tag = laufzeit.pop("letzter_tag")
    if laufzeit.get("ende") is None and isinstance(letzter_tag, str):
        # A case saved after the upgrade with only the new field: keep its meaning in v1 terms.
        try:
            laufzeit["ende"] = date.fromordinal(date.fromisoformat(letzter_tag).toordinal() + 1).isoformat()
        except (ValueError, OverflowError):
            laufzeit["letzter_tag"] = letzter_tag
            return False
    return True


def umschreiben(text: str, aendern: Callable[[dict[str, Any]], bool]) -> str | None:
    """The stored Fallakte JSON with each service's Laufzeit changed by ``aendern``, or None when
    nothing changed (or the text is not a case file this migration understands)."""
    try:
        daten = json.loads(text)
    except ValueError:
        return None
    if not isinstance(daten, dict) or not isinstance(daten.get("leistungen"), list):
        return None
    geaendert = False
    for leistung in daten["leistungen"]:
        laufzeit = leistung.get("laufzeit") if isinstance(leistung, dict) else None
        if isinstance(laufzeit, dict):
            geaendert = aendern(laufzeit) or geaendert
    if not geaendert:
        return None
    return orjson.dumps(daten, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS).decode("utf-8")


def _alle_umschreiben(aendern: Callable[[dict[str, Any]], bool], muster: str) -> None:
    bind = op.get_bind()
    for tabelle, schluessel in _TABELLEN:
        t = sa.table(tabelle, sa.column(schluessel), sa.column("fallakte_json"))
        kandidaten = [
            row[0] for row in bind.execute(sa.select(t.c[schluessel]).where(t.c.fallakte_json.like(muster))).all()
        ]
        for start in range(0, len(kandidaten), _BATCH):
            teil = kandidaten[start : start + _BATCH]
            rows = bind.execute(sa.select(t.c[schluessel], t.c.fallakte_json).where(t.c[schluessel].in_(teil))).all()
            for kennung, text in rows:
                neu = umschreiben(text, aendern)
                if neu is not None:
                    bind.execute(sa.update(t).where(t.c[schluessel] == kennung).values(fallakte_json=neu))


def upgrade() -> None:
    _alle_umschreiben(_mit_letztem_tag, '%"ende":"%')


def downgrade() -> None:
    _alle_umschreiben(_ohne_letzten_tag, '%"letzter_tag":%')
