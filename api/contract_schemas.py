"""OpenAPI schemas of the advisor's published outputs: Bewertung, Kalkulation, Abrechnung.

Each output is built once, as the advisor's dataclasses, and turned into JSON once, by
``bewertung_als_dict`` / ``kalkulation_als_dict`` / ``abrechnung_als_dict``. These models
describe that JSON for the OpenAPI document; they are named ``…Schema`` so that a class name means
one thing in the project (``Bewertung`` is the dataclass, ``BewertungSchema`` its JSON's schema).

Every model forbids fields it does not list (``extra="forbid"``): a field the advisor adds without
documenting it here (and in docs/fallakte.md) fails tests/api/test_contract_schemas.py, which
checks real outputs against these models and compares their fields with the dataclasses'.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Geld = Annotated[str, Field(pattern=r"^-?\d+\.\d{2}$", description="Betrag in EUR als Text mit zwei Nachkommastellen")]
Dezimal = Annotated[
    str, Field(pattern=r"^-?\d+(\.\d+)?$", description="Dezimalzahl als Text (Punkt als Dezimalzeichen)")
]
IsoDatum = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Datum nach ISO 8601")]
Ergebnis = Literal["nicht_steuerbar", "steuerpflichtig", "steuerfrei", "offen"]
Risiko = Literal["gering", "mittel", "hoch"]
Regime = Literal["ustg_2b", "altes_recht", "offen"]


class _Geschlossen(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- Bewertung (ikz-bewertung/1) --------------------------------------------------------------


class RegelwerksstandSchema(_Geschlossen):
    """Welches Regelwerk die Bewertung erstellt hat (zum Nachvollziehen und erneuten Bewerten)."""

    version: str
    sha256: str
    stichtag: IsoDatum
    regime: Literal["ustg_2b", "altes_recht", "offen", "gemischt"]


class KriteriumSchema(_Geschlossen):
    """Eine geprüfte Regel: Status für diese Leistung, Begründung, Fakten und Quellen."""

    regel: str
    norm: str
    titel: str = Field(description="Titel der Regel")
    status: Literal["erfuellt", "nicht_erfuellt", "offen", "nicht_anwendbar"]
    begruendung: str
    fakten: dict[str, Any] = Field(description="Die Fakten, die die Regel gelesen hat (Geld als Text, Daten ISO)")
    fakten_aus_katalog: list[str] = Field(description="Welche dieser Fakten aus dem Aufgabenkatalog stammen")
    quellen: list[str]
    folge: str | None = Field(description="Rechtsfolge der Regel, wenn sie erfüllt ist")
    risikohinweis: str | None


class OffeneFrageSchema(_Geschlossen):
    """Ein unbekannter Fakt, der das Ergebnis ändern kann, mit der Frage dazu."""

    fakt: str
    frage: str
    feld: str = Field(description="Pfad des Felds der Fallakte, in das die Antwort gehört")
    regeln: list[str] = Field(description="Die Regeln, die an diesem Fakt hängen")


class EmpfehlungSchema(_Geschlossen):
    """Eine Änderung des Falls, die – neu bewertet – zu einem besseren Ergebnis führt."""

    hebel: str = Field(description="Kennung des Hebels (rules/empfehlungen.yaml)")
    massnahme: str
    aenderung: dict[str, Any]
    ergebnis_danach: Ergebnis
    risiko_danach: Risiko
    entscheidende_regel_danach: str | None
    mehrbelastung_vermieden_eur: Geld | None
    voraussetzungen: list[OffeneFrageSchema] = Field(description="Fakten, die die Maßnahme voraussetzt")


class LeistungsbewertungSchema(_Geschlossen):
    """Die Bewertung einer Leistungsbeziehung."""

    leistung: str
    bezeichnung: str
    regime: Regime
    ergebnis: Ergebnis
    entscheidende_regel: str | None
    risiko: Risiko
    risikogruende: list[str]
    kriterien: list[KriteriumSchema]
    offene_fragen: list[OffeneFrageSchema]
    empfehlungen: list[EmpfehlungSchema]
    katalogvorgaben: dict[str, Any] = Field(description="Vorgaben des Aufgabenkatalogs, die die Bewertung nutzte")
    hinweise: list[str]


class BewertungSchema(_Geschlossen):
    """Die Bewertung nach § 2b UStG (ikz-bewertung/1)."""

    format: Literal["ikz-bewertung/1"]
    titel: str = Field(description="Deutscher Titel, nennt das angewandte Recht")
    regelwerk: RegelwerksstandSchema
    ergebnis: Ergebnis | Literal["gemischt"]
    leistungen: list[LeistungsbewertungSchema]


# --- Kalkulation (ikz-kalkulation/1) ----------------------------------------------------------


class SteuerbetragSchema(_Geschlossen):
    """Ein Betrag bei Steuerpflicht: netto, Umsatzsteuer, brutto."""

    netto: Geld
    umsatzsteuer: Geld
    brutto: Geld


class PositionSchema(_Geschlossen):
    """Eine Zeile der Kostenkalkulation."""

    art: str
    bezeichnung: str
    betrag: Geld
    vorsteuer: Geld
    herkunft: str
    kategorie: str
    hinweis: str | None


class AnteilSchema(_Geschlossen):
    """Was ein Zahler trägt: ohne Umsatzsteuer, bei Steuerpflicht, und der Vergleich."""

    beteiligter: str
    rolle: str = Field(description="empfaenger oder erbringer (der Erbringer trägt einen Anteil)")
    gewicht: Dezimal
    festanteil_prozent: Dezimal | None
    werte_je_bestandteil: dict[str, Dezimal]
    quote_prozent: Geld
    nicht_steuerbar: Geld
    steuerpflichtig: SteuerbetragSchema
    mehrbelastung_bei_steuerpflicht: Geld
    eigenerstellung: Geld | None
    remanenzkosten: Geld | None
    ersparnis_nicht_steuerbar: Geld | None
    ersparnis_nicht_steuerbar_prozent: Geld | None
    ersparnis_steuerpflichtig: Geld | None
    ersparnis_steuerpflichtig_prozent: Geld | None
    tragbare_mehrbelastung: Geld | None


class AbschlagSchema(_Geschlossen):
    beteiligter: str
    faellig: IsoDatum
    betrag: Geld
    steuerpflichtig: SteuerbetragSchema = Field(description="Die Abschlagsrechnung bei Steuerpflicht")


class SchlussrechnungSchema(_Geschlossen):
    """Die Schlussrechnung eines Empfängers: Leistung, abgerechnete Abschläge, verbleibend."""

    leistung: SteuerbetragSchema
    abschlaege: SteuerbetragSchema
    verbleibend: SteuerbetragSchema


class GeplanteSchlussrechnungSchema(SchlussrechnungSchema):
    beteiligter: str


class BestandteilSchema(_Geschlossen):
    id: str
    bezeichnung: str
    gewicht_prozent: Dezimal
    schluessel: str


class RestcentSchema(_Geschlossen):
    nicht_steuerbar: Geld
    steuerpflichtig_netto: Geld
    quote_prozent: Geld


class SchluesseldetailsSchema(_Geschlossen):
    festanteile: dict[str, Dezimal]
    bestandteile: list[BestandteilSchema]
    einwohner_stichtag: IsoDatum | None
    restcent_regel: str | None
    restcent_erbringer: RestcentSchema


class StueckpreisSchema(_Geschlossen):
    vereinbart: bool
    preis_nicht_steuerbar: Geld
    preis_netto: Geld
    menge_gesamt: Dezimal
    mengeneinheit: str | None
    kostendeckung_nicht_steuerbar: Geld | None
    kostendeckung_steuerpflichtig: Geld | None


class AnlageSchema(_Geschlossen):
    """Ein Anlagegut mit Abschreibung und kalkulatorischen Zinsen."""

    bezeichnung: str
    bewertung: str
    anschaffungskosten: Geld
    abschreibungsbasis: Geld
    nutzungsdauer_jahre: int
    methode: str
    anschaffung: IsoDatum
    abschreibung: Geld
    abschreibung_vorsteuer: Geld
    restwert_beginn: Geld
    restwert_ende: Geld
    eigenkapitalanteil_prozent: Dezimal
    kalkulatorische_zinsen: Geld
    fremdkapitalzinsen: Geld
    vorsteuer_kauf: Geld
    hinweise: list[str]


class KostenkennzahlenSchema(_Geschlossen):
    """Die Kennzahlen, die die Bewertung aus der Kalkulation liest."""

    erstattung_jahr: Geld
    mehrbelastung_bei_steuerpflicht: Geld
    wagnis: Geld
    gewinnaufschlag: Geld
    kalkulatorische_zinsen: Geld


class LeistungskalkulationSchema(_Geschlossen):
    """Die Kalkulation einer Leistung; ``kalkulierbar: false`` mit ``grund``, wenn sie fehlt (dann
    fehlen die übrigen Felder)."""

    leistung: str
    bezeichnung: str | None = None
    kalkulierbar: bool
    grund: str | None = None
    kalkulationsjahr: int | None = None
    satzgrundlage: str | None = None
    umsatzsteuersatz_prozent: Dezimal | None = None
    positionen: list[PositionSchema] | None = None
    kosten_netto: Geld | None = None
    vorsteuer: Geld | None = None
    erstattung_nicht_steuerbar: Geld | None = None
    erstattung_steuerpflichtig: SteuerbetragSchema | None = None
    vorsteuerabzug_bei_steuerpflicht: Geld | None = None
    schluessel: str | None = None
    verteilung: str | None = None
    anteile: list[AnteilSchema] | None = None
    abschlagsrhythmus: str | None = None
    abschlaege: list[AbschlagSchema] | None = None
    faelligkeitsregel: str | None = None
    schlussrechnungen: list[GeplanteSchlussrechnungSchema] | None = None
    schluessel_details: SchluesseldetailsSchema | None = None
    stueckpreis: StueckpreisSchema | None = None
    anlagen: list[AnlageSchema] | None = None
    vorsteuer_anlagen: Geld | None = None
    warnungen: list[str] | None = None
    kennzahlen: KostenkennzahlenSchema | None = None
    hinweise: list[str] | None = None
    quellenhinweise: list[str] | None = None


class KalkulationSchema(_Geschlossen):
    """Die Kalkulation (ikz-kalkulation/1): Kosten, Anteile mit und ohne Umsatzsteuer, Abschläge."""

    format: Literal["ikz-kalkulation/1"]
    leistungen: list[LeistungskalkulationSchema]


# --- Abrechnung (ikz-abrechnung/1) ------------------------------------------------------------


class AbrechnungsanteilSchema(_Geschlossen):
    """Ein Zahler in der Spitzabrechnung: Ist-Anteil, gezahlte Abschläge, Nachzahlung (negativ:
    Erstattung)."""

    beteiligter: str
    ist_netto: Geld
    ist_umsatzsteuer: Geld
    ist_anteil: Geld
    abschlaege_gezahlt: Geld
    abschlaege_netto: Geld | None
    abschlaege_umsatzsteuer: Geld | None
    nachzahlung: Geld
    schlussrechnung: SchlussrechnungSchema | None


class LeistungsabrechnungSchema(_Geschlossen):
    leistung: str
    bezeichnung: str
    jahr: int
    steuerpflichtig: bool
    umsatzsteuersatz_prozent: Dezimal
    kosten_netto: Geld
    vorsteuer: Geld
    anteil_erbringer: Geld | None
    restcent_erbringer: Geld | None
    stueckpreis: StueckpreisSchema | None
    anteile: list[AbrechnungsanteilSchema]
    summe_ist_anteil: Geld
    summe_abschlaege_gezahlt: Geld
    summe_nachzahlung: Geld
    hinweise: list[str]


class AbrechnungSchema(_Geschlossen):
    """Die Spitzabrechnung (ikz-abrechnung/1) je Leistung und Zahler."""

    format: Literal["ikz-abrechnung/1"]
    leistungen: list[LeistungsabrechnungSchema]
