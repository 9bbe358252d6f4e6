"""The case file ("Fallakte"), version 1: the public input contract (shared/domain/fallakte.md).

Every model forbids unknown fields, so a typo is an error that names the field. Every fact that
the § 2b rules read may be absent (``None``): unknown is a legitimate answer, and the assessment
asks only for the unknown facts that can change its result.

Cross-field checks that need the whole file (partner ids, the allocation key's values) live in
``Fallakte``'s validator and report every problem with its field path.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictInt, model_validator
from pydantic_core import PydanticCustomError

from advisor.freitext import FREITEXT_MUSTER, pruefe_freitext

FORMAT_FALLAKTE = "ikz-fallakte/1"

Bundesland = Literal["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"]
Rechtsform = Literal[
    "oerv_delegierend",
    "oerv_mandatierend",
    "zweckverband",
    "gemeinsames_kommunalunternehmen",
    "arbeitsgemeinschaft",
    "verwaltungsvereinbarung",
    "gesetzliche_zuweisung",
    "privatrechtlicher_vertrag",
]
ArtBeteiligter = Literal[
    "gemeinde",
    "stadt",
    "kreisfreie_stadt",
    "kreis",
    "zweckverband",
    "anstalt_oeffentlichen_rechts",
    "landschaftsverband",
    "land",
    "bund",
    "sonstige_jpoer",
    "privat",
]
Entgelt = Literal[
    "kostenerstattung",
    "umlage_nach_nutzung",
    "umlage_allgemein",
    "pauschalpreis",
    "marktpreis",
    "unentgeltlich",
]
AnhangITaetigkeit = Literal[
    "telekommunikation",
    "wasser",
    "gas",
    "elektrizitaet",
    "waerme",
    "gueterbefoerderung",
    "hafen_flughafen",
    "personenbefoerderung",
    "neue_gegenstaende",
    "agrar_intervention",
    "messen_ausstellungen",
    "lagerhaltung",
    "werbung",
    "reisebueros",
    "kantinen",
    "rundfunk",
]
Kostenart = Literal[
    "personal",
    "sachkosten",
    "gemeinkosten",
    "abschreibung",
    "fremdkapitalzinsen",
    "kalkulatorische_zinsen",
    "wagnis",
    "gewinnaufschlag",
    "sonstige",
]
Schluessel = Literal["einwohner", "fallzahlen", "nutzung", "gleiche_teile", "sockel_plus_variabel", "frei"]
VariablerSchluessel = Literal["einwohner", "fallzahlen", "nutzung", "frei"]
Abrechnungsverfahren = Literal["spitzabrechnung", "pauschale_mit_anpassung", "festpreis"]
Abschlagsrhythmus = Literal["monatlich", "vierteljaehrlich", "halbjaehrlich", "jaehrlich"]

#: Slug of a partner or service: letters, digits, "-", "_" and ".", starting with a letter or digit.
Kennung = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
_FREITEXT_SCHEMA = Field(json_schema_extra={"pattern": FREITEXT_MUSTER})
#: Free text: no control or bidi-override characters (advisor/freitext.py), so it renders in every document.
Kurztext = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(pruefe_freitext), _FREITEXT_SCHEMA]
Langtext = Annotated[str, Field(max_length=20_000), AfterValidator(pruefe_freitext), _FREITEXT_SCHEMA]
#: Money in EUR, never negative, at most two decimal places, at most a trillion.
Betrag = Annotated[Decimal, Field(ge=0, le=Decimal("1000000000000"), decimal_places=2, allow_inf_nan=False)]
Prozent = Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False)]
Gewicht = Annotated[Decimal, Field(gt=0, le=Decimal("1000000000000"), allow_inf_nan=False)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Beteiligter(_Strict):
    """A party of the cooperation: a public body, or (``art: privat``) a private entrepreneur."""

    id: Kennung
    name: Kurztext
    art: ArtBeteiligter
    einwohner: Annotated[StrictInt, Field(ge=0, le=100_000_000)] | None = None
    anschrift: Kurztext | None = None
    vertreten_durch: Kurztext | None = None
    option_27_22: StrictBool = False
    haushaltssicherung: StrictBool | None = None


class Kostenteilungsgemeinschaft(_Strict):
    """Facts for the exemption of cost-sharing groups, § 4 Nr. 29 UStG."""

    mitglieder_nichtunternehmerisch: StrictBool | None = None
    leistungen_mitgliedsbezogen: StrictBool | None = None


class Laufzeit(_Strict):
    """Term of the service relationship; ``ende`` is exclusive, ``None`` means indefinite."""

    beginn: date
    ende: date | None = None
    kuendigungsfrist_monate: Annotated[StrictInt, Field(ge=0, le=240)] | None = None

    @model_validator(mode="after")
    def _ende_nach_beginn(self) -> Laufzeit:
        if self.ende is not None and self.ende <= self.beginn:
            raise PydanticCustomError(
                "ende_vor_beginn",
                "Das Ende ({ende}) muss nach dem Beginn ({beginn}) liegen.",
                {"ende": self.ende.strftime("%d.%m.%Y"), "beginn": self.beginn.strftime("%d.%m.%Y")},
            )
        return self


class Kostenposition(_Strict):
    """One line of the cost calculation: personnel by grade × FTE, or an amount."""

    art: Kostenart
    bezeichnung: Kurztext
    entgeltgruppe: (
        Annotated[str, Field(min_length=1, max_length=20), AfterValidator(pruefe_freitext), _FREITEXT_SCHEMA] | None
    ) = None
    vzae: Annotated[Decimal, Field(gt=0, le=10_000, allow_inf_nan=False)] | None = None
    betrag: Betrag | None = None
    vorsteuer: Betrag | None = None

    @model_validator(mode="after")
    def _betrag_oder_satz(self) -> Kostenposition:
        nach_satz = self.entgeltgruppe is not None or self.vzae is not None
        if nach_satz and self.art != "personal":
            raise PydanticCustomError(
                "satz_nur_personal",
                "Entgeltgruppe und VZÄ gibt es nur bei Personalkosten (art: personal).",
            )
        if nach_satz and self.betrag is not None:
            raise PydanticCustomError(
                "betrag_und_satz",
                "Entweder einen Betrag oder Entgeltgruppe und VZÄ angeben, nicht beides.",
            )
        if nach_satz and (self.entgeltgruppe is None or self.vzae is None):
            raise PydanticCustomError(
                "satz_unvollstaendig",
                "Personalkosten nach Tabelle brauchen Entgeltgruppe und VZÄ.",
            )
        if not nach_satz and self.betrag is None:
            raise PydanticCustomError(
                "betrag_fehlt",
                "Ein Betrag (EUR je Jahr) fehlt"
                + (" – oder Entgeltgruppe und VZÄ." if self.art == "personal" else "."),
            )
        return self


class Verteilung(_Strict):
    """The allocation key: who pays which share of the reimbursement."""

    schluessel: Schluessel
    sockel_prozent: Prozent | None = None
    variabler_schluessel: VariablerSchluessel | None = None
    werte: dict[Kennung, Gewicht] | None = None
    erbringer_traegt_anteil: StrictBool = False


class Abrechnung(_Strict):
    """How the reimbursement is settled."""

    verfahren: Abrechnungsverfahren
    abschlaege: Abschlagsrhythmus | None = None


class Kosten(_Strict):
    """The cost logic of a service (shared/domain/kosten.md)."""

    kalkulationsjahr: Annotated[StrictInt, Field(ge=2000, le=2100)] | None = None
    satzgrundlage: (
        Annotated[str, Field(min_length=1, max_length=64), AfterValidator(pruefe_freitext), _FREITEXT_SCHEMA] | None
    ) = None
    positionen: Annotated[list[Kostenposition], Field(max_length=500)] = []
    sachkostenpauschale_je_vzae: Betrag | None = None
    gemeinkostenzuschlag_prozent: Prozent | None = None
    gewinnaufschlag_prozent: Prozent | None = None
    verteilung: Verteilung | None = None
    abrechnung: Abrechnung | None = None
    eigenerstellung: dict[Kennung, Betrag] | None = None
    remanenzkosten: dict[Kennung, Betrag] | None = None


class Leistung(_Strict):
    """One service relationship: one provider, its recipients, the facts for § 2b UStG, the costs.

    Each service is assessed on its own.
    """

    id: Kennung
    bezeichnung: Kurztext
    aufgabenfeld: Annotated[str, Field(min_length=1, max_length=64), AfterValidator(pruefe_freitext), _FREITEXT_SCHEMA]
    beschreibung: Langtext | None = None
    erbringer: Kennung
    empfaenger: Annotated[list[Kennung], Field(min_length=1, max_length=500)]
    entgelt: Entgelt | None = None

    aufgabenuebertragung_befreiend: StrictBool | None = None
    befreiung_ausschlaggebend: StrictBool | None = None
    gesetzlicher_vorbehalt_jpoer: StrictBool | None = None
    gesetzlicher_vorbehalt_norm: Kurztext | None = None
    privat_steuerfrei_ohne_option: StrictBool | None = None
    umsatz_gleichartige_taetigkeiten: Betrag | None = None
    oeffentliche_infrastruktur: StrictBool | None = None
    gemeinsame_oeffentliche_aufgabe: StrictBool | None = None
    anteil_leistungen_an_jpoer_prozent: Prozent | None = None
    hilfstaetigkeit: StrictBool | None = None
    private_anbieter_am_markt: StrictBool | None = None
    anhang_i_taetigkeit: AnhangITaetigkeit | None = None
    anhang_i_unbedeutend: StrictBool | None = None
    vermessung_kataster: StrictBool | None = None
    amtshilfe: StrictBool | None = None
    personalgestellung: StrictBool | None = None
    beamtenvorbehalt: StrictBool | None = None
    kostenteilungsgemeinschaft: Kostenteilungsgemeinschaft | None = None
    laufzeit: Laufzeit | None = None
    kosten: Kosten | None = None

    @property
    def zahler(self) -> list[str]:
        """Ids of the partners who pay a share: the recipients, and the provider if it bears one."""
        traegt = (
            self.kosten is not None
            and self.kosten.verteilung is not None
            and (self.kosten.verteilung.erbringer_traegt_anteil)
        )
        return [self.erbringer, *self.empfaenger] if traegt else list(self.empfaenger)


class Fallakte(_Strict):
    """A proposed or existing cooperation, as the web form, the API and the CLI receive it."""

    format: Literal["ikz-fallakte/1"]
    bezeichnung: Kurztext
    bundesland: Bundesland = "NW"
    stichtag: date
    rechtsform: Rechtsform
    ziele: Langtext | None = None
    beteiligte: Annotated[list[Beteiligter], Field(min_length=2, max_length=500)]
    leistungen: Annotated[list[Leistung], Field(min_length=1, max_length=100)]

    def beteiligter(self, kennung: str) -> Beteiligter:
        """The partner with this id (the validator guarantees it exists for every reference)."""
        for b in self.beteiligte:
            if b.id == kennung:
                return b
        raise KeyError(kennung)
