"""OpenAPI schemas of the advisor's output documents, written from the public contract (fallakte.md).

The advisor builds its results as plain (partly lazy) objects and turns them into JSON with
``bewertung_als_dict`` / ``kalkulation_als_dict``; these models only *describe* that JSON for
the OpenAPI document. They list the contract's fields and allow more (``extra="allow"``), so an
optional field the advisor adds later never makes a response contradict its documentation;
tests/api checks real responses against these schemas.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Geld = Annotated[str, Field(pattern=r"^-?\d+\.\d{2}$", description="Betrag in EUR als Text mit zwei Nachkommastellen")]
Ergebnis = Literal["nicht_steuerbar", "steuerpflichtig", "steuerfrei", "offen"]


class _Offen(BaseModel):
    model_config = ConfigDict(extra="allow")


class Regelwerksstand(_Offen):
    """Welches Regelwerk die Bewertung erstellt hat (zum Nachvollziehen und erneuten Bewerten)."""

    version: str
    sha256: str
    stichtag: str
    regime: Literal["ustg_2b", "altes_recht", "offen", "gemischt"]


class Kriterium(_Offen):
    """Eine geprüfte Regel: Status für diese Leistung, Begründung, Fakten und Quellen."""

    regel: str
    norm: str
    status: Literal["erfuellt", "nicht_erfuellt", "offen", "nicht_anwendbar"]
    begruendung: str
    fakten: dict[str, Any]
    quellen: list[str]


class OffeneFrage(_Offen):
    """Ein unbekannter Fakt, der das Ergebnis ändern kann, mit der Frage dazu."""

    fakt: str
    frage: str


class Empfehlung(_Offen):
    """Eine Änderung des Falls, die – neu bewertet – zu einem besseren Ergebnis führt."""

    massnahme: str
    aenderung: dict[str, Any]
    ergebnis_danach: Ergebnis
    mehrbelastung_vermieden_eur: Geld | None = None


class Leistungsbewertung(_Offen):
    """Die Bewertung einer Leistungsbeziehung."""

    leistung: str
    ergebnis: Ergebnis
    entscheidende_regel: str | None
    risiko: Literal["gering", "mittel", "hoch"]
    kriterien: list[Kriterium]
    offene_fragen: list[OffeneFrage]
    empfehlungen: list[Empfehlung]


class Bewertung(_Offen):
    """Die Bewertung nach § 2b UStG (ikz-bewertung/1)."""

    format: Literal["ikz-bewertung/1"]
    regelwerk: Regelwerksstand
    ergebnis: Ergebnis | Literal["gemischt"]
    leistungen: list[Leistungsbewertung]


class Steuerbetrag(_Offen):
    netto: Geld
    umsatzsteuer: Geld
    brutto: Geld


class Kostenposition(_Offen):
    art: str
    bezeichnung: str
    betrag: Geld
    vorsteuer: Geld
    herkunft: str


class Anteil(_Offen):
    """Was ein Zahler trägt: ohne Umsatzsteuer, bei Steuerpflicht, und der Vergleich."""

    beteiligter: str
    gewicht: str
    quote_prozent: str
    nicht_steuerbar: Geld
    steuerpflichtig: Steuerbetrag
    mehrbelastung_bei_steuerpflicht: Geld


class Abschlag(_Offen):
    beteiligter: str
    faellig: str
    betrag: Geld


class Leistungskalkulation(_Offen):
    """Die Kalkulation einer Leistung; ``kalkulierbar: false`` mit ``grund``, wenn sie fehlt."""

    leistung: str
    bezeichnung: str | None = None
    kalkulierbar: bool | None = None
    grund: str | None = None
    kalkulationsjahr: int | None = None
    positionen: list[Kostenposition] | None = None
    kosten_netto: Geld | None = None
    vorsteuer: Geld | None = None
    erstattung_nicht_steuerbar: Geld | None = None
    erstattung_steuerpflichtig: Steuerbetrag | None = None
    anteile: list[Anteil] | None = None
    abschlaege: list[Abschlag] | None = None


class Kalkulation(_Offen):
    """Die Kalkulation (ikz-kalkulation/1): Kosten, Anteile mit und ohne Umsatzsteuer, Abschläge."""

    format: Literal["ikz-kalkulation/1"]
    leistungen: list[Leistungskalkulation]


class Abrechnungsanteil(_Offen):
    """Ein Zahler in der Spitzabrechnung: Ist-Anteil, gezahlte Abschläge, Nachzahlung (negativ:
    Erstattung)."""

    beteiligter: str
    ist_anteil: Geld
    abschlaege_gezahlt: Geld
    nachzahlung: Geld


class Leistungsabrechnung(_Offen):
    leistung: str
    jahr: int
    steuerpflichtig: bool
    anteile: list[Abrechnungsanteil]
    summe_nachzahlung: Geld


class Abrechnung(_Offen):
    """Die Spitzabrechnung (ikz-abrechnung/1) je Leistung und Zahler."""

    format: Literal["ikz-abrechnung/1"]
    leistungen: list[Leistungsabrechnung]
