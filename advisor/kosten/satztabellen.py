"""Rate tables (Satztabellen) for personnel costs: the file format, derived annual costs, parsing.

A rate table is data in rules/tarife/ with its source, date and a verification flag. The KGSt
table (``art: kgst_vollkostensatz``) gives full-cost hourly rates per pay grade; the annual
personnel cost per full-time equivalent (VZÄ) is back-calculated from it:

    Personalkosten je VZÄ = (Stundensatz × Jahresarbeitsstunden − Sachkostenpauschale)
                            / (1 + Gemeinkostenzuschlag Büro)

rounded to the step the table states (``rundung_jahreskosten``, default the cent). The KGSt table
2025/26 was built from annual costs in whole hundreds, so it is rounded to 100 EUR: E 9b
(67,79 × 1.561 − 9.700) / 1,2 = 80.100,16 → 80.100,00 €. With a step above the cent, a rate whose
back-calculation lies further from the step than the rate's own rounding allows (half a cent per
hour) is rejected as a probable typo. Tables with ``als_satzgrundlage: false`` (NRW Richtwerte:
fee rates) are reference data only.

Pure: ``satztabellen_aus_dict`` takes the parsed files of rules/tarife/ (reading them is rules/'s
job); ``eigene_satztabelle_aus_dict`` a municipality's own table in the same format.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from advisor.deutsch import euro, zahl
from advisor.errors import Feldproblem, Regelwerksproblem, UngueltigeEingabe, UngueltigesRegelwerk
from advisor.kosten.rundung import EXAKT
from advisor.kosten.satztabellen_modell import (
    EIGENE_KLR,
    TITEL_SATZTABELLE,
    Laufbahn,
    Personalsatz,
    Richtwertstand,
    Satztabelle,
    Satztabellen,
    normalisiere_gruppe,
)
from advisor.parsing import MAX_VALUES, parse_document
from advisor.strict_yaml import zeile_im_dokument
from advisor.validation_messages import field_path, german_message, german_problems

__all__ = [
    "EIGENE_KLR",
    "Personalsatz",
    "Richtwertstand",
    "Satztabelle",
    "SatztabelleDatei",
    "Satztabellen",
    "eigene_satztabelle_aus_dict",
    "normalisiere_gruppe",
    "parse_eigene_satztabelle",
    "satztabellen_aus_dict",
]

#: Steps to which the back-calculated annual personnel cost may be rounded (EUR).
RUNDUNGEN = (Decimal("0.01"), Decimal(1), Decimal(10), Decimal(100))

_Geld = Annotated[Decimal, Field(gt=0, le=Decimal("1000000"), decimal_places=2, allow_inf_nan=False)]
_Prozent = Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False)]
_Stunden = Annotated[Decimal, Field(gt=0, le=8784, allow_inf_nan=False)]
_Text = Annotated[str, Field(min_length=1, max_length=2000)]


class _Streng(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class _Satz(_Streng):
    gruppe: Annotated[str, Field(min_length=1, max_length=20)]
    laufbahn: Laufbahn
    stundensatz: _Geld
    geprueft: StrictBool
    hinweis: _Text | None = None


class _Pauschalen(_Streng):
    sachkosten_je_arbeitsplatz: _Geld
    gemeinkostenzuschlag_buero_prozent: _Prozent
    gemeinkostenzuschlag_nicht_buero_prozent: _Prozent


class _Jahresarbeitsstunden(_Streng):
    tarifbeschaeftigte: _Stunden
    beamte: _Stunden


class _Wochenarbeitszeit(_Streng):
    tarifbeschaeftigte: Annotated[Decimal, Field(gt=0, le=60, allow_inf_nan=False)]
    beamte: Annotated[Decimal, Field(gt=0, le=60, allow_inf_nan=False)]


class _Richtwertstand(_Streng):
    jahr: Annotated[StrictInt, Field(ge=1990, le=2100)]
    quelle: _Text
    geprueft: StrictBool
    saetze: dict[str, _Geld | None]


class SatztabelleDatei(_Streng):
    """The file format of a rate table (rules/tarife/*.yaml, and a municipality's own table)."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+$", max_length=64)]
    titel: _Text
    art: Literal["kgst_vollkostensatz", "richtwerte_stundensatz"]
    als_satzgrundlage: StrictBool
    stand: date | None = None
    bezugsjahre: list[Annotated[StrictInt, Field(ge=1990, le=2100)]] = []
    quelle: _Text
    geprueft: StrictBool
    zuletzt_geprueft: date
    hinweise: list[_Text] = []
    pauschalen: _Pauschalen | None = None
    jahresarbeitsstunden: _Jahresarbeitsstunden | None = None
    wochenarbeitszeit: _Wochenarbeitszeit | None = None
    rundung_jahreskosten: Annotated[Decimal, Field(allow_inf_nan=False)] = Decimal("0.01")
    saetze: Annotated[list[_Satz], Field(max_length=200)] = []
    staende: Annotated[list[_Richtwertstand], Field(max_length=50)] = []

    @model_validator(mode="after")
    def _vollstaendig(self) -> SatztabelleDatei:
        if self.rundung_jahreskosten not in RUNDUNGEN:
            raise PydanticCustomError(
                "rundung_unbekannt", "rundung_jahreskosten muss 0.01, 1, 10 oder 100 (Euro) sein."
            )
        if self.art == "kgst_vollkostensatz":
            if self.pauschalen is None or self.jahresarbeitsstunden is None or not self.saetze:
                raise PydanticCustomError(
                    "kgst_unvollstaendig", "Eine KGSt-Tabelle braucht pauschalen, jahresarbeitsstunden und saetze."
                )
            gesehen: set[str] = set()
            for s in self.saetze:
                if normalisiere_gruppe(s.gruppe) in gesehen:
                    raise PydanticCustomError("gruppe_doppelt", "Die Gruppe „{g}“ kommt doppelt vor.", {"g": s.gruppe})
                gesehen.add(normalisiere_gruppe(s.gruppe))
        elif self.als_satzgrundlage:
            raise PydanticCustomError(
                "richtwerte_keine_satzgrundlage", "Richtwerte (Gebührensätze) können keine Satzgrundlage sein."
            )
        return self


def _jahreskosten_exakt(stundensatz: Decimal, stunden: Decimal, pauschale: Decimal, zuschlag: Decimal) -> Fraction:
    vollkosten = EXAKT.subtract(EXAKT.multiply(stundensatz, stunden), pauschale)
    return Fraction(vollkosten) / (1 + Fraction(zuschlag) / 100)


def _gerundet(wert: Fraction, schritt: Decimal) -> Decimal:
    """``wert`` rounded half up to a multiple of ``schritt`` (0.01 … 100 EUR), with two places."""
    s = Fraction(schritt)
    q = wert / s
    vielfache = (2 * q.numerator + q.denominator) // (2 * q.denominator)
    return (Decimal(vielfache) * schritt).quantize(Decimal("0.01"))


def _toleranz(stunden: Decimal, zuschlag: Decimal) -> Fraction:
    """How far the exact back-calculation may lie from the source's figure: the hourly rate is
    rounded to the cent, i.e. off by up to half a cent per hour."""
    return Fraction(stunden) / 200 / (1 + Fraction(zuschlag) / 100)


def _tabelle(t: SatztabelleDatei, *, eigene: bool = False) -> tuple[Satztabelle, list[tuple[tuple[Any, ...], str]]]:
    """The table with the derived annual costs, and the rows whose rate does not fit the rounding."""
    saetze: dict[str, Personalsatz] = {}
    unstimmig: list[tuple[tuple[Any, ...], str]] = []
    if t.art == "kgst_vollkostensatz":
        assert t.pauschalen is not None and t.jahresarbeitsstunden is not None
        p = t.pauschalen
        for i, s in enumerate(t.saetze):
            stunden = getattr(t.jahresarbeitsstunden, s.laufbahn)
            zuschlag = p.gemeinkostenzuschlag_buero_prozent
            exakt = _jahreskosten_exakt(s.stundensatz, stunden, p.sachkosten_je_arbeitsplatz, zuschlag)
            jahreskosten = _gerundet(exakt, t.rundung_jahreskosten)
            if t.rundung_jahreskosten > Decimal("0.01") and abs(exakt - Fraction(jahreskosten)) > _toleranz(
                stunden, zuschlag
            ):
                unstimmig.append(
                    (
                        ("saetze", i, "stundensatz"),
                        f"Der Stundensatz {zahl(s.stundensatz, 2)} ergibt zurückgerechnet "
                        f"{euro(_gerundet(exakt, Decimal('0.01')))} Jahreskosten, zu weit von einem Vielfachen von "
                        f"{euro(t.rundung_jahreskosten)} (Tippfehler?).",
                    )
                )
            saetze[normalisiere_gruppe(s.gruppe)] = Personalsatz(
                gruppe=s.gruppe,
                laufbahn=s.laufbahn,
                stundensatz=s.stundensatz,
                jahresarbeitsstunden=stunden,
                jahreskosten_je_vzae=jahreskosten,
                geprueft=s.geprueft,
                hinweis=s.hinweis,
            )
    w = t.wochenarbeitszeit
    return (
        Satztabelle(
            id=t.id,
            titel=t.titel,
            art=t.art,
            als_satzgrundlage=t.als_satzgrundlage,
            stand=t.stand,
            bezugsjahre=tuple(t.bezugsjahre),
            quelle=t.quelle,
            geprueft=t.geprueft,
            zuletzt_geprueft=t.zuletzt_geprueft,
            hinweise=tuple(t.hinweise),
            sachkosten_je_arbeitsplatz=t.pauschalen.sachkosten_je_arbeitsplatz if t.pauschalen else None,
            gemeinkostenzuschlag_buero_prozent=t.pauschalen.gemeinkostenzuschlag_buero_prozent
            if t.pauschalen
            else None,
            gemeinkostenzuschlag_nicht_buero_prozent=(
                t.pauschalen.gemeinkostenzuschlag_nicht_buero_prozent if t.pauschalen else None
            ),
            personalsaetze=saetze,
            richtwerte=tuple(Richtwertstand(s.jahr, s.quelle, s.geprueft, dict(s.saetze)) for s in t.staende),
            rundung_jahreskosten=t.rundung_jahreskosten,
            wochenarbeitszeit=(w.tarifbeschaeftigte, w.beamte) if w else None,
            eigene=eigene,
        ),
        unstimmig,
    )


def satztabellen_aus_dict(dokumente: dict[str, Any]) -> Satztabellen:
    """{file name: parsed YAML document} → ``Satztabellen``, or ``UngueltigesRegelwerk`` listing
    every problem with file, line and table id. The id must equal the file name's stem."""
    probleme: list[Regelwerksproblem] = []
    tabellen: dict[str, Satztabelle] = {}
    for datei in sorted(dokumente):
        dokument = dokumente[datei]
        kennung = dokument.get("id") if isinstance(dokument, dict) else None
        try:
            t = SatztabelleDatei.model_validate(dokument)
        except ValidationError as e:
            for fehler in e.errors(include_url=False):
                ort = tuple(fehler["loc"])
                pfad = field_path(ort) or "(Datei)"
                probleme.append(
                    Regelwerksproblem(
                        datei, zeile_im_dokument(dokument, ort), kennung, f"{pfad}: {german_message(dict(fehler))}"
                    )
                )
            continue
        stamm = datei.rsplit("/", 1)[-1].removesuffix(".yaml")
        if t.id != stamm:
            probleme.append(
                Regelwerksproblem(
                    datei, zeile_im_dokument(dokument, ("id",)), t.id, f"Die id muss „{stamm}“ lauten (Dateiname)."
                )
            )
        elif t.id in tabellen or t.id == EIGENE_KLR:
            probleme.append(
                Regelwerksproblem(datei, zeile_im_dokument(dokument, ("id",)), t.id, "Diese id ist schon vergeben.")
            )
        else:
            tabelle, unstimmig = _tabelle(t)
            for ort, meldung in unstimmig:
                probleme.append(
                    Regelwerksproblem(datei, zeile_im_dokument(dokument, ort), t.id, f"{field_path(ort)}: {meldung}")
                )
            tabellen[t.id] = tabelle
    if probleme:
        raise UngueltigesRegelwerk(probleme)
    return Satztabellen(tabellen)


def eigene_satztabelle_aus_dict(daten: Any, pfad: str = "") -> Satztabelle:
    """A municipality's own rate table (parsed YAML/JSON, the format of rules/tarife/) → a
    validated ``Satztabelle`` marked as its own; or ``UngueltigeEingabe`` naming every field.

    Only personnel-cost tables (``art: kgst_vollkostensatz``) can be loaded: they are what a
    calculation uses.
    """

    def ort(teile: tuple[Any, ...]) -> str:
        rest = field_path(teile)
        return f"{pfad}.{rest}" if pfad and rest else pfad or rest

    if not isinstance(daten, dict):
        raise UngueltigeEingabe(
            [Feldproblem(pfad, "Die Satztabelle muss ein Abschnitt mit Feldern sein.")], TITEL_SATZTABELLE
        )
    if daten.get("art") != "kgst_vollkostensatz" or daten.get("als_satzgrundlage") is not True:
        raise UngueltigeEingabe(
            [
                Feldproblem(
                    ort(("art",)),
                    "Eine eigene Satztabelle muss Personalkostensätze enthalten (art: kgst_vollkostensatz, "
                    "als_satzgrundlage: true); Gebührensätze können keine Kalkulationsgrundlage sein.",
                )
            ],
            TITEL_SATZTABELLE,
        )
    try:
        t = SatztabelleDatei.model_validate(daten)
    except ValidationError as e:
        raise UngueltigeEingabe(german_problems(e, prefix=pfad), TITEL_SATZTABELLE) from None
    if t.art != "kgst_vollkostensatz" or not t.als_satzgrundlage:
        raise UngueltigeEingabe(
            [
                Feldproblem(
                    ort(("art",)),
                    "Eine eigene Satztabelle muss Personalkostensätze enthalten (art: kgst_vollkostensatz, "
                    "als_satzgrundlage: true); Gebührensätze können keine Kalkulationsgrundlage sein.",
                )
            ],
            TITEL_SATZTABELLE,
        )
    if t.id == EIGENE_KLR:
        raise UngueltigeEingabe([Feldproblem(ort(("id",)), "Die id „eigene_klr“ ist reserviert.")], TITEL_SATZTABELLE)
    tabelle, unstimmig = _tabelle(t, eigene=True)
    if unstimmig:
        raise UngueltigeEingabe([Feldproblem(ort(o), m) for o, m in unstimmig], TITEL_SATZTABELLE)
    return tabelle


def parse_eigene_satztabelle(text: str, *, max_values: int = MAX_VALUES) -> Satztabelle:
    """YAML or JSON text of an own rate table → ``Satztabelle`` (see ``eigene_satztabelle_aus_dict``)."""
    return eigene_satztabelle_aus_dict(parse_document(text, titel=TITEL_SATZTABELLE, max_values=max_values))
