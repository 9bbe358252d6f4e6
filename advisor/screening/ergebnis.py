"""The screening result of one service relationship ("Screeningzeile") and how it is read off a Beratung.

Per service: the result, risk and deciding rule of the assessment, the open questions, and the
estimated annual VAT burden — the calculation's ``mehrbelastung_bei_steuerpflicht`` (the
recipients' extra cost if the service is taxable). The burden counts as exposure only when the
service is ``steuerpflichtig``; for an ``offen`` row it is shown separately as the potential
burden (what taxability would cost), so that it is never summed as if decided. A row that is
``nicht_steuerbar`` or ``steuerfrei`` has no burden at all, not even a potential one (issue 9
point 7): no VAT is due on it, and its risk is stated by ``risiko``, not by an amount.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from advisor.bewertung import Leistungsbewertung, OffeneFrage
from advisor.screening.portfolio import Portfoliowert

RISIKO_RANG = {"gering": 0, "mittel": 1, "hoch": 2}


@dataclass(frozen=True, slots=True)
class Screeningzeile:
    """One screened service.

    Attributes:
        quelle: the file (and for a Fallakte file the service id) it came from.
        zeile: the inventory row number (``None`` for a Fallakte file).
        kennung: the row's id, or the service id of a Fallakte file.
        jahresbetrag: the annual reimbursement from the calculation (``None`` = no cost data).
        mehrbelastung_eur: the estimated annual VAT burden if the result is ``steuerpflichtig``.
        potenzielle_mehrbelastung_eur: for an ``offen`` result, the burden if it were taxable;
            ``None`` for ``nicht_steuerbar`` and ``steuerfrei``.
        aus_bestand: facts taken from the portfolio, with their origin.
        hinweise: German notes on the figures (e.g. an upper bound because input VAT is unknown).
    """

    quelle: str
    zeile: int | None
    kennung: str
    bezeichnung: str
    erbringer: str
    aufgabenfeld: str
    rechtsform: str
    ergebnis: str
    risiko: str
    entscheidende_regel: str | None
    risikogruende: tuple[str, ...]
    offene_fragen: tuple[OffeneFrage, ...]
    jahresbetrag: Decimal | None
    mehrbelastung_eur: Decimal | None
    potenzielle_mehrbelastung_eur: Decimal | None
    aus_bestand: Mapping[str, Portfoliowert] = field(default_factory=dict)
    hinweise: tuple[str, ...] = ()

    @property
    def ort(self) -> str:
        """Where the service is in the input: "bestand.xlsx, Zeile 5" or "fall.yaml, Leistung x"."""
        return f"{self.quelle}, Zeile {self.zeile}" if self.zeile is not None else self.quelle

    @property
    def exposure(self) -> Decimal:
        """The burden that makes the row urgent: actual if taxable, else potential (0 if unknown)."""
        wert = self.mehrbelastung_eur if self.mehrbelastung_eur is not None else self.potenzielle_mehrbelastung_eur
        return wert if wert is not None else Decimal("0.00")


def screeningzeile(
    *,
    quelle: str,
    zeile: int | None,
    kennung: str,
    erbringer: str,
    rechtsform: str,
    bewertung: Leistungsbewertung,
    aufgabenfeld: str,
    kennzahlen: Any | None,
    aus_bestand: Mapping[str, Portfoliowert],
    hinweise: tuple[str, ...] = (),
) -> Screeningzeile:
    """Combine a service's assessment and cost figures (``Kostenkennzahlen`` or ``None``)."""
    belastung = kennzahlen.mehrbelastung_bei_steuerpflicht if kennzahlen is not None else None
    steuerpflichtig = bewertung.ergebnis == "steuerpflichtig"
    offen = bewertung.ergebnis == "offen"
    notes = list(hinweise)
    if kennzahlen is None and (steuerpflichtig or offen):
        notes.append("Ohne Jahresbetrag ist die Mehrbelastung durch Umsatzsteuer nicht bezifferbar.")
    return Screeningzeile(
        quelle=quelle,
        zeile=zeile,
        kennung=kennung,
        bezeichnung=bewertung.bezeichnung,
        erbringer=erbringer,
        aufgabenfeld=aufgabenfeld,
        rechtsform=rechtsform,
        ergebnis=bewertung.ergebnis,
        risiko=bewertung.risiko,
        entscheidende_regel=bewertung.entscheidende_regel,
        risikogruende=tuple(bewertung.risikogruende),
        offene_fragen=tuple(bewertung.offene_fragen),
        jahresbetrag=kennzahlen.erstattung_jahr if kennzahlen is not None else None,
        mehrbelastung_eur=belastung if steuerpflichtig else None,
        potenzielle_mehrbelastung_eur=belastung if offen else None,
        aus_bestand=dict(aus_bestand),
        hinweise=tuple(notes),
    )
