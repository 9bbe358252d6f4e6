"""Rate tables (Satztabellen) for personnel costs: model, derived annual costs, parsing from data.

A rate table is data in rules/tarife/ with its source, date and a verification flag. The KGSt
table (``art: kgst_vollkostensatz``) gives full-cost hourly rates per pay grade; the annual
personnel cost per full-time equivalent (VZÄ) is back-calculated from it:

    Personalkosten je VZÄ = (Stundensatz × Jahresarbeitsstunden − Sachkostenpauschale)
                            / (1 + Gemeinkostenzuschlag Büro)

and published, like a printed table, rounded to the cent (E 9b: (67,79 × 1.561 − 9.700) / 1,2 =
80.100,16 €). Adding the lump sum and the 20 % overhead again reproduces the hourly rate × hours
within 0.6 cent per VZÄ. Tables with ``als_satzgrundlage: false`` (NRW Richtwerte: fee rates)
are reference data only.

Pure: ``satztabellen_aus_daten`` takes already parsed documents; reading files is rules/'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from advisor.errors import Regelwerksproblem, UngueltigesRegelwerk
from advisor.kosten.rundung import EXAKT, HUNDERT, runde
from advisor.validation_messages import field_path, german_message

EIGENE_KLR = "eigene_klr"

Laufbahn = Literal["tarifbeschaeftigte", "beamte"]
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


class _Richtwertstand(_Streng):
    jahr: Annotated[StrictInt, Field(ge=1990, le=2100)]
    quelle: _Text
    geprueft: StrictBool
    saetze: dict[str, _Geld | None]


class _Tabelle(_Streng):
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
    saetze: list[_Satz] = []
    staende: list[_Richtwertstand] = []

    @model_validator(mode="after")
    def _vollstaendig(self) -> _Tabelle:
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


def normalisiere_gruppe(gruppe: str) -> str:
    """``"E 9b"``, ``"e9b"`` and ``"E  9 b"`` name the same pay grade."""
    return re.sub(r"\s+", "", gruppe).upper()


@dataclass(frozen=True, slots=True)
class Personalsatz:
    """One pay grade of a table with its derived annual personnel cost per VZÄ (cent-rounded)."""

    gruppe: str
    laufbahn: Laufbahn
    stundensatz: Decimal
    jahresarbeitsstunden: Decimal
    jahreskosten_je_vzae: Decimal
    geprueft: bool
    hinweis: str | None


@dataclass(frozen=True, slots=True)
class Richtwertstand:
    """The NRW fee rates of one edict year; ``None`` where the value is not known."""

    jahr: int
    quelle: str
    geprueft: bool
    saetze: dict[str, Decimal | None]


@dataclass(frozen=True, slots=True)
class Satztabelle:
    """A dated rate table with its source and verification flag."""

    id: str
    titel: str
    art: str
    als_satzgrundlage: bool
    stand: date | None
    bezugsjahre: tuple[int, ...]
    quelle: str
    geprueft: bool
    zuletzt_geprueft: date
    hinweise: tuple[str, ...]
    sachkosten_je_arbeitsplatz: Decimal | None
    gemeinkostenzuschlag_buero_prozent: Decimal | None
    gemeinkostenzuschlag_nicht_buero_prozent: Decimal | None
    personalsaetze: dict[str, Personalsatz]
    richtwerte: tuple[Richtwertstand, ...]

    def personalsatz(self, gruppe: str) -> Personalsatz | None:
        """The row of this pay grade (spelling-tolerant: "E 9b" = "E9b"), or ``None``."""
        return self.personalsaetze.get(normalisiere_gruppe(gruppe))

    @property
    def gruppen(self) -> list[str]:
        return [s.gruppe for s in self.personalsaetze.values()]


@dataclass(frozen=True, slots=True)
class Satztabellen:
    """All rate tables by id: the registry that ``calculate`` receives."""

    tabellen: dict[str, Satztabelle]

    def get(self, kennung: str) -> Satztabelle | None:
        return self.tabellen.get(kennung)

    @property
    def satzgrundlagen(self) -> list[str]:
        """Ids a case may name as ``satzgrundlage`` (the tables usable for costing, and eigene_klr)."""
        return sorted(k for k, t in self.tabellen.items() if t.als_satzgrundlage) + [EIGENE_KLR]


def _jahreskosten(stundensatz: Decimal, stunden: Decimal, pauschale: Decimal, zuschlag: Decimal) -> Decimal:
    vollkosten = EXAKT.subtract(EXAKT.multiply(stundensatz, stunden), pauschale)
    # The one division of the calculation: published rounded to the cent, like a printed table.
    return runde(vollkosten / (1 + zuschlag / HUNDERT))


def _tabelle(t: _Tabelle) -> Satztabelle:
    saetze: dict[str, Personalsatz] = {}
    if t.art == "kgst_vollkostensatz":
        assert t.pauschalen is not None and t.jahresarbeitsstunden is not None
        p = t.pauschalen
        for s in t.saetze:
            stunden = getattr(t.jahresarbeitsstunden, s.laufbahn)
            saetze[normalisiere_gruppe(s.gruppe)] = Personalsatz(
                gruppe=s.gruppe,
                laufbahn=s.laufbahn,
                stundensatz=s.stundensatz,
                jahresarbeitsstunden=stunden,
                jahreskosten_je_vzae=_jahreskosten(
                    s.stundensatz, stunden, p.sachkosten_je_arbeitsplatz, p.gemeinkostenzuschlag_buero_prozent
                ),
                geprueft=s.geprueft,
                hinweis=s.hinweis,
            )
    return Satztabelle(
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
        gemeinkostenzuschlag_buero_prozent=t.pauschalen.gemeinkostenzuschlag_buero_prozent if t.pauschalen else None,
        gemeinkostenzuschlag_nicht_buero_prozent=(
            t.pauschalen.gemeinkostenzuschlag_nicht_buero_prozent if t.pauschalen else None
        ),
        personalsaetze=saetze,
        richtwerte=tuple(Richtwertstand(s.jahr, s.quelle, s.geprueft, dict(s.saetze)) for s in t.staende),
    )


def _zeile(dokument: Any, pfad: tuple[Any, ...]) -> int | None:
    """The 1-based line of the deepest mapping key on ``pfad`` that the strict YAML loader recorded."""
    zeile = getattr(dokument, "line", None)
    knoten = dokument
    for teil in pfad:
        if isinstance(knoten, dict) and teil in knoten:
            zeile = getattr(knoten, "key_lines", {}).get(teil, zeile)
            knoten = knoten[teil]
        elif isinstance(knoten, list) and isinstance(teil, int) and 0 <= teil < len(knoten):
            knoten = knoten[teil]
            zeile = getattr(knoten, "line", zeile)
        else:
            break
    return zeile


def satztabellen_aus_daten(dokumente: dict[str, Any]) -> Satztabellen:
    """{file name: parsed YAML document} → ``Satztabellen``, or ``UngueltigesRegelwerk`` listing
    every problem with file, line and table id. The id must equal the file name's stem."""
    probleme: list[Regelwerksproblem] = []
    tabellen: dict[str, Satztabelle] = {}
    for datei in sorted(dokumente):
        dokument = dokumente[datei]
        kennung = dokument.get("id") if isinstance(dokument, dict) else None
        try:
            t = _Tabelle.model_validate(dokument)
        except ValidationError as e:
            for fehler in e.errors(include_url=False):
                ort = tuple(fehler["loc"])
                pfad = field_path(ort) or "(Datei)"
                probleme.append(
                    Regelwerksproblem(datei, _zeile(dokument, ort), kennung, f"{pfad}: {german_message(fehler)}")
                )
            continue
        stamm = datei.rsplit("/", 1)[-1].removesuffix(".yaml")
        if t.id != stamm:
            probleme.append(
                Regelwerksproblem(datei, _zeile(dokument, ("id",)), t.id, f"Die id muss „{stamm}“ lauten (Dateiname).")
            )
        elif t.id in tabellen or t.id == EIGENE_KLR:
            probleme.append(Regelwerksproblem(datei, _zeile(dokument, ("id",)), t.id, "Diese id ist schon vergeben."))
        else:
            tabellen[t.id] = _tabelle(t)
    if probleme:
        raise UngueltigesRegelwerk(probleme)
    return Satztabellen(tabellen)
