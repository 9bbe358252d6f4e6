"""Request and response schemas of the JSON API (separate from the tables in api/db/).

The advisor's own documents (Fallakte, Bewertung, Kalkulation) are passed through as their
contract JSON; these models describe the envelopes around them (saved cases, versions, problems)
and feed the OpenAPI document. Field names are German, like the contract's.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from api.cases import Fallseite, Falluebersicht, GespeicherteVersion, Versionsuebersicht
from api.contract_schemas import BewertungSchema, KalkulationSchema


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Regelwerkskennung(_Out):
    """Which rule set made an assessment (version and SHA-256 of the rule files)."""

    version: str
    sha256: str


class Neubewertung(_Out):
    """The stored case assessed again with today's rule set (``?neu_bewerten=true``)."""

    regelwerk: Regelwerkskennung
    regelwerk_geaendert: bool = Field(description="Das heutige Regelwerk ist ein anderes als beim Speichern.")
    ergebnis: str
    ergebnis_geaendert: bool = Field(description="Das Ergebnis weicht vom gespeicherten ab.")
    bewertung: BewertungSchema
    kalkulation: KalkulationSchema


class FallVersion(_Out):
    """One saved version of a case with the assessment and calculation made when it was saved."""

    fall: int
    version: int
    bezeichnung: str
    gespeichert_am: datetime
    notiz: str | None
    ergebnis: str
    regelwerk: Regelwerkskennung
    fallakte: dict[str, Any]
    bewertung: BewertungSchema
    kalkulation: KalkulationSchema
    neubewertung: Neubewertung | None = None


class VersionEintrag(_Out):
    """A version in a case's history."""

    version: int
    gespeichert_am: datetime
    notiz: str | None
    ergebnis: str
    regelwerk: Regelwerkskennung


class Versionsliste(_Out):
    fall: int
    versionen: list[VersionEintrag]


class FallEintrag(_Out):
    """A saved case in the list."""

    fall: int
    bezeichnung: str
    aktuelle_version: int
    ergebnis: str
    angelegt_am: datetime
    geaendert_am: datetime


class Fallliste(_Out):
    faelle: list[FallEintrag]
    gesamt: int
    limit: int
    offset: int


class Feldfehler(_Out):
    pfad: str = Field(description="Feldpfad in der Fallakte, z. B. leistungen[0].kosten.verteilung.werte.stadt-a")
    meldung: str


class Problem(_Out):
    """RFC 9457 problem details (``application/problem+json``), German ``title``/``detail``."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[Feldfehler] | None = None


def _iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def version_als_dict(saved: GespeicherteVersion, neubewertung: dict[str, Any] | None = None) -> dict[str, Any]:
    """A stored version in its API shape (``FallVersion``)."""
    data: dict[str, Any] = {
        "fall": saved.case_id,
        "version": saved.number,
        "bezeichnung": saved.bezeichnung,
        "gespeichert_am": _iso(saved.created_at),
        "notiz": saved.note,
        "ergebnis": saved.ergebnis,
        "regelwerk": {"version": saved.regelwerk_version, "sha256": saved.regelwerk_sha256},
        "fallakte": saved.fallakte_daten,
        "bewertung": saved.bewertung,
        "kalkulation": saved.kalkulation,
    }
    if neubewertung is not None:
        data["neubewertung"] = neubewertung
    return data


def versionsliste_als_dict(case_id: int, versions: list[Versionsuebersicht]) -> dict[str, Any]:
    return {
        "fall": case_id,
        "versionen": [
            {
                "version": v.number,
                "gespeichert_am": _iso(v.created_at),
                "notiz": v.note,
                "ergebnis": v.ergebnis,
                "regelwerk": {"version": v.regelwerk_version, "sha256": v.regelwerk_sha256},
            }
            for v in versions
        ],
    }


def _eintrag(c: Falluebersicht) -> dict[str, Any]:
    return {
        "fall": c.case_id,
        "bezeichnung": c.bezeichnung,
        "aktuelle_version": c.latest_version,
        "ergebnis": c.ergebnis,
        "angelegt_am": _iso(c.created_at),
        "geaendert_am": _iso(c.updated_at),
    }


def fallliste_als_dict(page: Fallseite) -> dict[str, Any]:
    return {
        "faelle": [_eintrag(c) for c in page.cases],
        "gesamt": page.total,
        "limit": page.limit,
        "offset": page.offset,
    }
