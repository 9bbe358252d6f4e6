"""The case file ("Fallakte"), version 1: the public input contract (docs/fallakte.md).

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
    "abgabe_ohne_nutzungsbezug",
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
Schluessel = Literal[
    "einwohner", "fallzahlen", "nutzung", "gleiche_teile", "sockel_plus_variabel", "frei", "gemischt", "stueckpreis"
]
VariablerSchluessel = Literal["einwohner", "fallzahlen", "nutzung", "frei"]
Bestandteilschluessel = Literal["einwohner", "fallzahlen", "nutzung", "frei", "gleiche_teile"]
Abrechnungsverfahren = Literal["spitzabrechnung", "pauschale_mit_anpassung", "festpreis"]
#: What kind of supply the service is (§ 3 Abs. 1 and 9 UStG): § 4 Nr. 29 UStG exempts only sonstige Leistungen.
Leistungsart = Literal["sonstige_leistung", "lieferung"]
#: What is let (§ 4 Nr. 12 UStG): only land and rooms are exempt; short-term accommodation, parking
#: spaces and operating equipment (Satz 2) and the use of sports facilities (UStAE 4.12.11 Abs. 1) are not.
Vermietungsgegenstand = Literal[
    "keine", "grundstueck_raeume", "beherbergung_kurzfristig", "stellplaetze", "betriebsvorrichtungen", "sportanlage"
]
#: How the recipients use the service: in their sovereign sphere, or for their business (a BgA).
NutzungBeimEmpfaenger = Literal["hoheitlich", "unternehmerisch"]
#: The VAT rate of a taxable service: 19 % (§ 12 Abs. 1) or 7 % where § 12 Abs. 2 lists the supply.
Steuersatz = Literal["regelsatz", "ermaessigt"]
#: Activities that § 2 Abs. 3 Satz 2 UStG a. F. made taxable without a BgA (Nr. 4, surveying, is
#: the fact ``vermessung_kataster``): Nr. 2 notaries in Baden-Württemberg's state service, Nr. 3
#: spectacles from the social insurers' own outlets, Nr. 5 the BLE's market-regulation tasks.
SondertaetigkeitAltesRecht = Literal["keine", "notariat_landesdienst", "brillenabgabe", "ble_marktordnung"]
Abschlagsrhythmus = Literal["monatlich", "vierteljaehrlich", "halbjaehrlich", "jaehrlich"]
Faelligkeit = Literal["im_voraus", "nachschuessig", "nach_periodenende"]
Abschreibungsmethode = Literal["linear", "leistungsabhaengig"]

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
#: A measure's value in a mixed key or an actual quantity: 0 allowed (a town without courses).
Menge = Annotated[Decimal, Field(ge=0, le=Decimal("1000000000000"), allow_inf_nan=False)]
#: A fixed share in percent: more than 0, less than 100.
Festanteil = Annotated[Decimal, Field(gt=0, lt=100, allow_inf_nan=False)]


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
    #: Whether the body declared the option of § 27 Abs. 22 UStG (old law until 2026); ``None`` = not
    #: stated (most bodies opted, so for a supply before 2027 it is asked where it matters).
    option_27_22: StrictBool | None = None
    haushaltssicherung: StrictBool | None = None
    #: A Zweckverband's members or an AöR's owners among this case's parties (§ 4 Nr. 29 UStG: only
    #: an association of at least two members, supplying its members).
    mitglieder: Annotated[list[Kennung], Field(max_length=500)] | None = None
    #: The total number of its members or owners (also those outside this case).
    anzahl_mitglieder: Annotated[StrictInt, Field(ge=1, le=100_000)] | None = None
    #: The legal person this party belongs to, if it has none of its own (an Eigenbetrieb or an
    #: office of a Stadt): the id of that party in this case, or any id shared by the parties of the
    #: same legal person. Services within one legal person are internal (§ 1 Abs. 1 Nr. 1 UStG).
    rechtstraeger: Kennung | None = None


class Kostenteilungsgemeinschaft(_Strict):
    """Facts for the exemption of cost-sharing groups, § 4 Nr. 29 UStG."""

    mitglieder_nichtunternehmerisch: StrictBool | None = None
    leistungen_mitgliedsbezogen: StrictBool | None = None


def tag_nach(tag: date) -> date:
    """The day after ``tag`` (the exclusive end of a term whose last day is ``tag``)."""
    return date.fromordinal(tag.toordinal() + 1)


def tag_vor(tag: date) -> date:
    """The day before ``tag`` (the last day of a term whose exclusive end is ``tag``)."""
    return date.fromordinal(tag.toordinal() - 1)


class Laufzeit(_Strict):
    """Term of the service relationship, from ``beginn`` to ``letzter_tag`` (both inclusive).

    ``letzter_tag`` is what people mean by "Laufzeit bis 31.12.2031". ``ende`` is the v1 field, the
    day *after* the last day (exclusive; 2032-01-01 for that term); it is deprecated but stays in
    the contract, so files and clients of version 1 keep their meaning. A case may give either or
    both (then they must agree); after validation both are set, or both are None (indefinite).
    This validator is the one place where the two are converted.
    """

    beginn: date
    letzter_tag: date | None = None
    ende: date | None = None
    kuendigungsfrist_monate: Annotated[StrictInt, Field(ge=0, le=240)] | None = None

    @model_validator(mode="after")
    def _enden_abgleichen(self) -> Laufzeit:
        letzter_tag, ende = self.letzter_tag, self.ende
        if letzter_tag is not None and letzter_tag >= date.max:
            raise PydanticCustomError("letzter_tag_zu_spaet", "Der letzte Tag der Laufzeit liegt zu spät.")
        if ende is not None and ende <= self.beginn:
            raise PydanticCustomError(
                "ende_vor_beginn",
                "Das Ende ({ende}, der Tag nach dem letzten Tag) muss nach dem Beginn ({beginn}) liegen.",
                {"ende": ende.strftime("%d.%m.%Y"), "beginn": self.beginn.strftime("%d.%m.%Y")},
            )
        if letzter_tag is not None and letzter_tag < self.beginn:
            raise PydanticCustomError(
                "letzter_tag_vor_beginn",
                "Der letzte Tag der Laufzeit ({letzter_tag}) liegt vor dem Beginn ({beginn}).",
                {"letzter_tag": letzter_tag.strftime("%d.%m.%Y"), "beginn": self.beginn.strftime("%d.%m.%Y")},
            )
        if letzter_tag is not None and ende is not None and ende != tag_nach(letzter_tag):
            raise PydanticCustomError(
                "laufzeit_widerspruch",
                "Letzter Tag ({letzter_tag}) und Ende ({ende}) widersprechen sich: „ende“ (veraltet) ist der Tag "
                "nach dem letzten Tag. Geben Sie nur „letzter_tag“ an.",
                {"letzter_tag": letzter_tag.strftime("%d.%m.%Y"), "ende": ende.strftime("%d.%m.%Y")},
            )
        if letzter_tag is not None and ende is None:
            object.__setattr__(self, "ende", tag_nach(letzter_tag))
            self.__pydantic_fields_set__.add("ende")
        elif ende is not None and letzter_tag is None:
            object.__setattr__(self, "letzter_tag", tag_vor(ende))
            self.__pydantic_fields_set__.add("letzter_tag")
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
    #: Personnel from the body's own cost accounting that already carries overhead: the
    #: surcharge does not apply to it (kosten.md §1). ``None``: not stated.
    gemeinkosten_enthalten: StrictBool | None = None
    #: A separately costed management or secretariat position (team lead, office): next to the
    #: full KGSt surcharge, which already contains it, the calculation warns of double counting.
    #: ``None``: not stated (a name like "Teamleitung" then draws a question).
    leitungsposition: StrictBool | None = None
    #: For ``art: wagnis``: the evidence of a specific risk (e.g. bad debts of past years); with
    #: it the line is a cost (Einzelwagnis), without it the general risk, which is no cost.
    einzelwagnis_nachweis: Kurztext | None = None

    @model_validator(mode="after")
    def _betrag_oder_satz(self) -> Kostenposition:
        if self.art != "personal" and (self.gemeinkosten_enthalten is not None or self.leitungsposition is not None):
            raise PydanticCustomError(
                "nur_personal",
                "Angaben zu Gemeinkosten und Leitungsposition gibt es nur bei Personalkosten (art: personal).",
            )
        if self.einzelwagnis_nachweis is not None and self.art != "wagnis":
            raise PydanticCustomError(
                "nachweis_nur_wagnis", "Ein Nachweis eines Einzelwagnisses gehört zu einer Position mit art: wagnis."
            )
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


class Schluesselbestandteil(_Strict):
    """One measure of a mixed key (``schluessel: gemischt``) with its stated weight, e.g. 70 % line
    time and 30 % vehicle-km; ``werte`` are the measure's values per payer (0 allowed)."""

    id: Kennung
    bezeichnung: Kurztext
    gewicht_prozent: Annotated[Decimal, Field(gt=0, le=100, allow_inf_nan=False)]
    schluessel: Bestandteilschluessel
    werte: dict[Kennung, Menge] | None = None


class Verteilung(_Strict):
    """The allocation key: who pays which share of the reimbursement.

    ``festanteile`` gives one or more payers a fixed percentage; the rest is split among the other
    payers by ``schluessel``. ``gemischt`` combines ``bestandteile`` with stated weights;
    ``stueckpreis`` charges a price per unit × quantity (``werte``: planned quantities).
    ``restcent_traeger`` names who takes the cents that cannot be split evenly among partners with
    equal weights (default: the provider).
    """

    schluessel: Schluessel
    sockel_prozent: Prozent | None = None
    variabler_schluessel: VariablerSchluessel | None = None
    werte: dict[Kennung, Gewicht] | None = None
    erbringer_traegt_anteil: StrictBool = False
    festanteile: Annotated[dict[Kennung, Festanteil], Field(max_length=500)] | None = None
    bestandteile: Annotated[list[Schluesselbestandteil], Field(min_length=2, max_length=10)] | None = None
    stueckpreis: Annotated[Decimal, Field(gt=0, le=Decimal("1000000000"), decimal_places=2)] | None = None
    mengeneinheit: Kurztext | None = None
    einwohner_stichtag: date | None = None
    restcent_traeger: Kennung | None = None


class Abrechnungsweise(_Strict):
    """How the reimbursement is settled; when advances are due (``faelligkeit``: in advance in the
    first month of each period, in arrears in its last month, or in the month after it, on
    ``faelligkeitstag``; without both: the last day of each period)."""

    verfahren: Abrechnungsverfahren
    abschlaege: Abschlagsrhythmus | None = None
    faelligkeit: Faelligkeit | None = None
    faelligkeitstag: Annotated[StrictInt, Field(ge=1, le=31)] | None = None


class Anlagegut(_Strict):
    """An asset of the service for depreciation and interest (KAG NRW § 6 Abs. 2).

    ``anschaffungskosten`` net of VAT; ``vorsteuer`` the VAT paid at purchase (a cost when the
    service is not taxable, deducted once at purchase when it is). Depreciation on the
    replacement value when ``wiederbeschaffungswert`` is given. Imputed interest only on the
    ``eigenkapitalanteil_prozent`` of the residual value; actual loan interest
    (``fremdkapitalzinsen``) only on the rest — never both on the same capital.
    """

    bezeichnung: Kurztext
    anschaffungskosten: Annotated[Decimal, Field(gt=0, le=Decimal("100000000000"), decimal_places=2)]
    vorsteuer: Betrag | None = None
    anschaffung: date
    nutzungsdauer_jahre: Annotated[StrictInt, Field(ge=1, le=100)]
    methode: Abschreibungsmethode = "linear"
    leistung_gesamt: Annotated[Decimal, Field(gt=0, le=Decimal("1000000000000"))] | None = None
    leistung_bisher: Menge | None = None
    leistung_jahr: Menge | None = None
    wiederbeschaffungswert: Annotated[Decimal, Field(gt=0, le=Decimal("100000000000"), decimal_places=2)] | None = None
    eigenkapitalanteil_prozent: Prozent = Decimal(100)
    fremdkapitalzinsen: Betrag | None = None

    @model_validator(mode="after")
    def _stimmig(self) -> Anlagegut:
        leistung = (self.leistung_gesamt, self.leistung_bisher, self.leistung_jahr)
        if self.methode == "leistungsabhaengig" and (self.leistung_gesamt is None or self.leistung_jahr is None):
            raise PydanticCustomError(
                "leistung_fehlt",
                "Leistungsabhängige Abschreibung braucht leistung_gesamt (über die Nutzungsdauer) und "
                "leistung_jahr (im Kalkulationsjahr).",
            )
        if self.methode == "linear" and any(x is not None for x in leistung):
            raise PydanticCustomError(
                "leistung_nur_leistungsabhaengig",
                "Leistungsmengen gelten nur für methode: leistungsabhaengig.",
            )
        if self.fremdkapitalzinsen and self.eigenkapitalanteil_prozent == 100:
            raise PydanticCustomError(
                "zinsen_doppelt",
                "Tatsächliche Fremdkapitalzinsen und 100 % Eigenkapital schließen sich aus: kalkulatorische "
                "Zinsen und Kreditzinsen nie auf dasselbe Kapital. Bitte den Eigenkapitalanteil angeben.",
            )
        return self


class Fortschreibungsschritt(_Strict):
    """A stated, dated increase of the table's personnel rates (e.g. a collective-agreement raise)."""

    prozent: Annotated[Decimal, Field(gt=0, le=50, allow_inf_nan=False)]
    ab: date
    grundlage: Kurztext


class Kosten(_Strict):
    """The cost logic of a service (docs/fachliches/kosten.md)."""

    kalkulationsjahr: Annotated[StrictInt, Field(ge=2000, le=2100)] | None = None
    satzgrundlage: (
        Annotated[str, Field(min_length=1, max_length=64), AfterValidator(pruefe_freitext), _FREITEXT_SCHEMA] | None
    ) = None
    positionen: Annotated[list[Kostenposition], Field(max_length=500)] = []
    sachkostenpauschale_je_vzae: Betrag | None = None
    gemeinkostenzuschlag_prozent: Prozent | None = None
    gewinnaufschlag_prozent: Prozent | None = None
    verteilung: Verteilung | None = None
    abrechnung: Abrechnungsweise | None = None
    eigenerstellung: dict[Kennung, Betrag] | None = None
    remanenzkosten: dict[Kennung, Betrag] | None = None
    anlagen: Annotated[list[Anlagegut], Field(max_length=200)] = []
    kalkulatorischer_zinssatz_prozent: Annotated[Decimal, Field(ge=0, le=20, allow_inf_nan=False)] | None = None
    zinssatz_herleitung: Kurztext | None = None
    fortschreibung: Annotated[list[Fortschreibungsschritt], Field(max_length=20)] = []

    @property
    def allgemeines_wagnis(self) -> bool:
        """Whether a Wagnis line without evidence of a specific risk (the general risk) is > 0."""
        return any(
            p.art == "wagnis" and p.einzelwagnis_nachweis is None and (p.betrag or 0) > 0 for p in self.positionen
        )

    @property
    def kalkulatorische_zinsen(self) -> bool:
        """Whether imputed equity interest is charged: a line, or a rate on an asset list with equity."""
        if any(p.art == "kalkulatorische_zinsen" and (p.betrag or 0) > 0 for p in self.positionen):
            return True
        return bool(self.kalkulatorischer_zinssatz_prozent) and any(
            a.eigenkapitalanteil_prozent > 0 for a in self.anlagen
        )


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
    leistungsart: Leistungsart | None = None
    hilfsgeschaeft: StrictBool | None = None
    hilfsgeschaeft_haendlerartig: StrictBool | None = None
    vermietung_gegenstand: Vermietungsgegenstand | None = None
    verzicht_nach_9: StrictBool | None = None
    nutzung_beim_empfaenger: NutzungBeimEmpfaenger | None = None
    kommunale_aufgabe_uebertragbar: StrictBool | None = None
    befreiende_uebertragung_nur_an_jpoer: StrictBool | None = None
    unentgeltlich_aus_unternehmensbereich: StrictBool | None = None
    personalbeistellung: StrictBool | None = None
    notfallhilfe_gesetzliche_pflicht: StrictBool | None = None
    sondertaetigkeit_altes_recht: SondertaetigkeitAltesRecht | None = None
    steuersatz: Steuersatz | None = None
    kostenteilungsgemeinschaft: Kostenteilungsgemeinschaft | None = None
    #: All parties use the personal data of the task themselves (joint control, Art. 26 DSGVO), not
    #: only the provider; decides the data-protection clause of the agreement, not the § 2b rules.
    gemeinsame_datennutzung: StrictBool | None = None
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
