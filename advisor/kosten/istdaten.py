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
        mengen: {stadt-a: 812, gemeinde-b: 0}    # stueckpreis: the actual quantities (0 allowed)
        bestandteile: {kurse: {stadt-a: 120, gemeinde-b: 35}}   # gemischt: actual values of a measure
        abschlaege_gezahlt:              # every recipient; per recipient one of
          stadt-a: {netto: 218425.57, umsatzsteuer: 41500.86}   # advances paid: net and VAT
          gemeinde-b:                    # or each advance invoice
            - {datum: 2027-03-31, netto: 18351.33, umsatzsteuer: 3486.75}
            - …
          stadt-c: 87352.33              # or (old format) one amount: without VAT, or gross

Advances as one amount stay readable: in a year that was not taxable that is simply what was
paid; in a taxable year the final invoice needs net and VAT separately (§ 14 Abs. 5 Satz 2 UStG),
so the settlement then says that it cannot draw it up.

Pure: ``ist_aus_dict`` validates parsed data; ``parse_ist`` takes YAML/JSON text.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StrictBool, StrictInt, Tag, ValidationError

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Betrag, Gewicht, Kennung, Menge
from advisor.parsing import parse_document
from advisor.validation_messages import german_problems

FORMAT_IST = "ikz-ist/1"
TITEL_IST = "Die Ist-Daten sind ungültig."


class _Streng(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Abschlagsrechnung(_Streng):
    """One advance invoice paid: net and VAT (0 when the year was not taxable)."""

    datum: date | None = None
    netto: Betrag
    umsatzsteuer: Betrag


class GezahlteAbschlaege(_Streng):
    """The advances one recipient paid in the year, net and VAT."""

    netto: Betrag
    umsatzsteuer: Betrag


def _form(wert: Any) -> str:
    if isinstance(wert, dict):
        return "Abschlag[netto]"
    if isinstance(wert, list):
        return "Abschlag[liste]"
    return "Abschlag[betrag]"


#: What one recipient paid: one amount (old format), net + VAT, or the single advance invoices.
Gezahlt = Annotated[
    Annotated[Betrag, Tag("Abschlag[betrag]")]
    | Annotated[GezahlteAbschlaege, Tag("Abschlag[netto]")]
    | Annotated[list[Abschlagsrechnung], Tag("Abschlag[liste]"), Field(max_length=366)],
    Discriminator(_form),
]


class IstLeistung(_Streng):
    """Actual figures of one service and year."""

    leistung: Kennung
    jahr: Annotated[StrictInt, Field(ge=2000, le=2100)]
    steuerpflichtig: StrictBool
    kosten_netto: Betrag
    vorsteuer: Betrag
    werte: dict[Kennung, Gewicht] | None = None
    mengen: dict[Kennung, Menge] | None = None
    bestandteile: dict[Kennung, dict[Kennung, Menge]] | None = None
    abschlaege_gezahlt: dict[Kennung, Gezahlt]


def netto_und_ust(gezahlt: Decimal | GezahlteAbschlaege | list[Abschlagsrechnung]) -> tuple[Decimal, Decimal] | None:
    """(net, VAT) of what a recipient paid, or ``None`` when only one amount is known."""
    if isinstance(gezahlt, GezahlteAbschlaege):
        return gezahlt.netto, gezahlt.umsatzsteuer
    if isinstance(gezahlt, list):
        return sum((r.netto for r in gezahlt), Decimal("0.00")), sum((r.umsatzsteuer for r in gezahlt), Decimal("0.00"))
    return None


def betrag_gezahlt(gezahlt: Decimal | GezahlteAbschlaege | list[Abschlagsrechnung]) -> Decimal:
    """What a recipient paid in total (gross when taxable)."""
    teile = netto_und_ust(gezahlt)
    return gezahlt if teile is None else teile[0] + teile[1]  # type: ignore[return-value]


class Istdaten(_Streng):
    """The actual figures for the settlement of one or more services."""

    format: Literal["ikz-ist/1"]
    leistungen: Annotated[list[IstLeistung], Field(min_length=1, max_length=100)]


def ist_aus_dict(daten: Any) -> Istdaten:
    """Validate parsed data as ``ikz-ist/1``, or raise ``UngueltigeEingabe`` naming every field."""
    if not isinstance(daten, dict):
        raise UngueltigeEingabe([Feldproblem("", "Die Ist-Daten müssen ein Abschnitt mit Feldern sein.")], TITEL_IST)
    try:
        return Istdaten.model_validate(daten)
    except ValidationError as e:
        raise UngueltigeEingabe(german_problems(e), TITEL_IST) from None


def parse_ist(text: str) -> Istdaten:
    """YAML or JSON text → ``Istdaten``."""
    return ist_aus_dict(parse_document(text, titel=TITEL_IST))
