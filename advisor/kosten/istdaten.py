"""The actual figures of a year for the year-end settlement (Spitzabrechnung): format ``ikz-ist/1``.

::

    format: ikz-ist/1
    leistungen:
      - leistung: entgeltabrechnung      # id of the service in the case file
        jahr: 2027                       # the settled year
        steuerpflichtig: false           # was the service taxable in that year? (from the assessment)
        kosten_netto: 351234.56          # actual annual cost, net of VAT
        vorsteuer: 3500.00               # actual input VAT paid on it
        werte: {stadt-a: 640, gemeinde-b: 190}   # optional: actual key values (fallzahlen, nutzung,
                                         # frei); without them the planned values of the case apply
        abschlaege_gezahlt: {stadt-a: 259926.43, gemeinde-b: 87352.33}   # every recipient, 0 allowed

Pure: ``ist_aus_daten`` validates parsed data; ``parse_ist`` takes YAML/JSON text.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, ValidationError

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Betrag, Gewicht, Kennung
from advisor.parsing import parse_document
from advisor.validation_messages import german_problems

FORMAT_IST = "ikz-ist/1"
TITEL_IST = "Die Ist-Daten sind ungültig."


class _Streng(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class IstLeistung(_Streng):
    """Actual figures of one service and year."""

    leistung: Kennung
    jahr: Annotated[StrictInt, Field(ge=2000, le=2100)]
    steuerpflichtig: StrictBool
    kosten_netto: Betrag
    vorsteuer: Betrag
    werte: dict[Kennung, Gewicht] | None = None
    abschlaege_gezahlt: dict[Kennung, Betrag]


class Istdaten(_Streng):
    """The actual figures for the settlement of one or more services."""

    format: Literal["ikz-ist/1"]
    leistungen: Annotated[list[IstLeistung], Field(min_length=1, max_length=100)]


def ist_aus_daten(daten: Any) -> Istdaten:
    """Validate parsed data as ``ikz-ist/1``, or raise ``UngueltigeEingabe`` naming every field."""
    if not isinstance(daten, dict):
        raise UngueltigeEingabe([Feldproblem("", "Die Ist-Daten müssen ein Abschnitt mit Feldern sein.")], TITEL_IST)
    try:
        return Istdaten.model_validate(daten)
    except ValidationError as e:
        raise UngueltigeEingabe(german_problems(e), TITEL_IST) from None


def parse_ist(text: str) -> Istdaten:
    """YAML or JSON text → ``Istdaten``."""
    return ist_aus_daten(parse_document(text, titel=TITEL_IST))
