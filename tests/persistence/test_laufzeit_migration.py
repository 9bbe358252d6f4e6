"""Migration 0013: stored cases gain ``laufzeit.letzter_tag`` and keep their meaning (issue 18.4)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import orjson
import pytest
import sqlalchemy as sa
from alembic import command

from advisor.parsing import fallakte_aus_dict, parse_fallakte
from api.db.schema import _config
from api.db.session import make_engine
from tests.conftest import EXAMPLES_DIR

VORHER = "0012_review"
REVISION = "0013_laufzeit_letzter_tag"


def _migriere(engine: sa.Engine, ziel: str, *, zurueck: bool = False) -> None:
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if zurueck else command.upgrade)(config, ziel)


def _v1_text(ende: str | None) -> str:
    """The abfall example as stored before the change: only the exclusive ``ende``."""
    daten = parse_fallakte((EXAMPLES_DIR / "abfall-zwei-kreise.yaml").read_text(encoding="utf-8")).model_dump(
        mode="json", exclude_none=True
    )
    for leistung in daten["leistungen"]:
        leistung["laufzeit"].pop("letzter_tag", None)
        leistung["laufzeit"]["ende"] = ende
        if ende is None:
            del leistung["laufzeit"]["ende"]
    return orjson.dumps(daten, option=orjson.OPT_SORT_KEYS).decode("utf-8")


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url)
    # a fresh database, or one another test (or the PostgreSQL template) has already migrated
    _migriere(engine, "head")
    _migriere(engine, VORHER, zurueck=True)
    yield engine
    engine.dispose()


def _speichere(engine: sa.Engine, texte: list[str]) -> None:
    jetzt = datetime(2026, 12, 1, tzinfo=UTC).replace(tzinfo=None)
    cases = sa.table(
        "cases", *(sa.column(c) for c in ("id", "bezeichnung", "latest_version", "created_at", "updated_at"))
    )
    versions = sa.table(
        "case_versions",
        *(
            sa.column(c)
            for c in (
                "case_id",
                "number",
                "created_at",
                "fallakte_json",
                "bewertung_json",
                "kalkulation_json",
                "ergebnis",
                "regelwerk_version",
                "regelwerk_sha256",
            )
        ),
    )
    unsaved = sa.table(
        "unsaved_results", *(sa.column(c) for c in ("token", "created_at", "fallakte_json", "bewertung_json"))
    )
    with engine.begin() as c:
        c.execute(
            sa.insert(cases).values(
                id=1, bezeichnung="Abfall", latest_version=len(texte), created_at=jetzt, updated_at=jetzt
            )
        )
        for n, text in enumerate(texte, start=1):
            c.execute(
                sa.insert(versions).values(
                    case_id=1,
                    number=n,
                    created_at=jetzt,
                    fallakte_json=text,
                    bewertung_json="{}",
                    kalkulation_json="{}",
                    ergebnis="offen",
                    regelwerk_version="x",
                    regelwerk_sha256="a" * 64,
                )
            )
        c.execute(
            sa.insert(unsaved).values(token="t" * 64, created_at=jetzt, fallakte_json=texte[0], bewertung_json="{}")
        )


def _gespeichert(engine: sa.Engine) -> tuple[list[str], str]:
    with engine.connect() as c:
        versionen = [r[0] for r in c.execute(sa.text("SELECT fallakte_json FROM case_versions ORDER BY number"))]
        unsaved = c.execute(sa.text("SELECT fallakte_json FROM unsaved_results")).scalar_one()
    return versionen, unsaved


def test_stored_cases_gain_the_last_day_and_keep_their_meaning_and_the_downgrade_restores_them(engine):
    befristet, unbefristet, kaputt = _v1_text("2040-01-01"), _v1_text(None), '{"leistungen": "kein Fall"'
    _speichere(engine, [befristet, unbefristet, kaputt])
    vorher = fallakte_aus_dict(json.loads(befristet))

    _migriere(engine, REVISION)
    (neu_befristet, neu_unbefristet, neu_kaputt), neu_unsaved = _gespeichert(engine)
    daten = json.loads(neu_befristet)
    assert [lei["laufzeit"]["letzter_tag"] for lei in daten["leistungen"]] == ["2039-12-31", "2039-12-31"]
    assert [lei["laufzeit"]["ende"] for lei in daten["leistungen"]] == ["2040-01-01", "2040-01-01"]
    assert fallakte_aus_dict(daten) == vorher
    assert fallakte_aus_dict(daten).leistungen[0].laufzeit.letzter_tag == date(2039, 12, 31)
    assert neu_unsaved == neu_befristet
    assert neu_unbefristet == unbefristet  # indefinite: nothing to add
    assert neu_kaputt == kaputt  # not a case file: left exactly as it was

    _migriere(engine, VORHER, zurueck=True)
    assert _gespeichert(engine) == ([befristet, unbefristet, kaputt], befristet)
