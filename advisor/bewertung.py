"""The assessment ("Bewertung"), version 1: the public output of ``assess`` (fallakte.md).

Plain frozen dataclasses (cheap to build thousands of them); ``bewertung_als_dict`` gives the JSON
shape of the contract, with money as decimal strings and keys sorted by the serializer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

FORMAT_BEWERTUNG = "ikz-bewertung/1"

Ergebnis = Literal["nicht_steuerbar", "steuerpflichtig", "steuerfrei", "offen"]
Status = Literal["erfuellt", "nicht_erfuellt", "offen", "nicht_anwendbar"]
Risiko = Literal["gering", "mittel", "hoch"]
Regime = Literal["ustg_2b", "altes_recht", "offen"]

RISIKO_STUFEN: tuple[Risiko, ...] = ("gering", "mittel", "hoch")


@dataclass(frozen=True, slots=True)
class Kriterium:
    """One evaluated rule: its status for this service and why."""

    regel: str
    norm: str
    titel: str
    status: Status
    begruendung: str
    fakten: dict[str, Any]
    fakten_aus_katalog: tuple[str, ...]
    quellen: tuple[str, ...]
    folge: str | None = None
    risikohinweis: str | None = None


@dataclass(frozen=True, slots=True)
class OffeneFrage:
    """An unknown fact that could change the result, with the plain German question to ask."""

    fakt: str
    frage: str
    feld: str
    regeln: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Empfehlung:
    """A change to the case that, re-assessed, turns the result into a non-taxable or exempt one."""

    hebel: str
    massnahme: str
    aenderung: dict[str, Any]
    ergebnis_danach: Ergebnis
    risiko_danach: Risiko
    entscheidende_regel_danach: str | None
    mehrbelastung_vermieden_eur: Decimal | None


@dataclass(frozen=True, slots=True)
class Leistungsbewertung:
    """The assessment of one service relationship."""

    leistung: str
    bezeichnung: str
    regime: Regime
    ergebnis: Ergebnis
    entscheidende_regel: str | None
    risiko: Risiko
    risikogruende: tuple[str, ...]
    kriterien: tuple[Kriterium, ...]
    offene_fragen: tuple[OffeneFrage, ...]
    empfehlungen: tuple[Empfehlung, ...]
    katalogvorgaben: dict[str, Any] = field(default_factory=dict)
    hinweise: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Regelwerksstand:
    """Which rule set produced an assessment, so it can be re-run and explained later."""

    version: str
    sha256: str
    stichtag: str
    regime: Regime | Literal["gemischt"]


@dataclass(frozen=True, slots=True)
class Bewertung:
    """The assessment of a whole case."""

    regelwerk: Regelwerksstand
    ergebnis: Ergebnis | Literal["gemischt"]
    leistungen: tuple[Leistungsbewertung, ...]
    format: str = FORMAT_BEWERTUNG


def gesamtergebnis(einzeln: list[str]) -> str:
    """The case's result: the single service's, the common one, or ``gemischt``."""
    verschieden = set(einzeln)
    return einzeln[0] if len(verschieden) == 1 else "gemischt"


def _wert(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, tuple | list):
        return [_wert(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _wert(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        return {name: _wert(getattr(value, name)) for name in value.__dataclass_fields__}
    return value


def bewertung_als_dict(bewertung: Bewertung) -> dict[str, Any]:
    """The JSON shape of the Bewertung contract (money as decimal strings, dates ISO)."""
    return _wert(bewertung)
