"""The loaded rule set: compiled rules, dated parameters, chains, catalogue, questions, levers.

Built only by ``advisor.regelwerk.laden.parse_regelwerk`` (which validates everything), then
immutable. Lookups by date are cached, so a batch of cases with the same stichtag pays once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.regelwerk.bedingungen import Bedingung
from advisor.regelwerk.dateiformat import Aufgabenfeld, Begruendung, Faktfrage, Parameter


@dataclass(frozen=True, slots=True)
class KompilierteRegel:
    """One rule (one version of it), with its condition compiled."""

    id: str
    norm: str
    titel: str
    paraphrase: str
    quellen: tuple[str, ...]
    gilt_ab: date
    gilt_bis: date | None
    zuletzt_geprueft: date
    folge: str | None
    risiko: str
    risikohinweis: str | None
    begruendung: Begruendung
    anwendbar: Bedingung | None
    bedingung: Bedingung
    fakten: tuple[str, ...]
    verweist_auf: tuple[str, ...]
    datei: str
    zeile: int | None

    def gilt_am(self, tag: date) -> bool:
        return self.gilt_ab <= tag and (self.gilt_bis is None or tag < self.gilt_bis)


@dataclass(frozen=True, slots=True)
class KompilierteRisikoregel:
    id: str
    titel: str
    bei_regeln: frozenset[str]
    bedingung: Bedingung
    risiko: str
    hinweis: str
    quellen: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KompilierterHebel:
    id: str
    massnahme: str
    aenderung: dict[str, Any]
    nur_wenn: Bedingung | None
    quellen: tuple[str, ...]
    #: (fact, field of the service) the lever needs but must not set (see ``dateiformat.Hebel``).
    voraussetzungen: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Regelwerk:
    """The § 2b rule set as loaded; ``sha256`` covers every file of the rule directory."""

    version: str
    titel: str
    sha256: str
    zuletzt_geprueft: date
    regeln: tuple[KompilierteRegel, ...]
    parameter: dict[str, Parameter]
    parameter_dateien: dict[str, str]
    risikoregeln: tuple[KompilierteRisikoregel, ...]
    ketten: dict[str, tuple[tuple[str, ...], ...]]
    fragen: dict[str, Faktfrage]
    grundvorgaben: dict[str, Any]
    katalog: dict[str, Aufgabenfeld]
    hebel: tuple[KompilierterHebel, ...]
    max_kombination: int
    _cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def parameterwert(self, kennung: str, am: date) -> Decimal | date:
        """The value of parameter ``kennung`` valid on ``am``; KeyError if none is valid then."""
        for w in self.parameter[kennung].werte:
            if w.gilt_ab <= am and (w.gilt_bis is None or am < w.gilt_bis):
                return w.wert
        raise KeyError(f"Parameter {kennung} hat am {am.isoformat()} keinen gültigen Wert")

    def parameter_am(self, am: date) -> dict[str, Any]:
        """All parameters valid on ``am`` (those without a value then are left out)."""
        key = ("parameter", am)
        if key not in self._cache:
            werte = {}
            for kennung in self.parameter:
                try:
                    werte[kennung] = self.parameterwert(kennung, am)
                except KeyError:
                    continue
            self._cache[key] = werte
        return self._cache[key]

    def regeln_am(self, am: date) -> dict[str, KompilierteRegel]:
        """The version of each rule valid on ``am`` (rules not valid then are absent)."""
        key = ("regeln", am)
        if key not in self._cache:
            self._cache[key] = {r.id: r for r in self.regeln if r.gilt_am(am)}
        return self._cache[key]

    def regel(self, kennung: str) -> KompilierteRegel:
        """Any version of a rule (the newest), for its norm and title."""
        return max((r for r in self.regeln if r.id == kennung), key=lambda r: r.gilt_ab)

    def katalogvorgaben(self, aufgabenfeld: str) -> dict[str, Any]:
        """The defaults of an Aufgabenfeld (the general ones, overridden by the field's own)."""
        key = ("katalog", aufgabenfeld)
        if key not in self._cache:
            feld = self.katalog[aufgabenfeld]
            vorgaben = dict(self.grundvorgaben)
            vorgaben.update({k: v.wert for k, v in feld.vorgaben.items()})
            self._cache[key] = vorgaben
        return self._cache[key]

    def einheiten(self) -> dict[str, str]:
        """{parameter id: unit}, for German texts."""
        if "einheiten" not in self._cache:
            self._cache["einheiten"] = {k: p.einheit for k, p in self.parameter.items()}
        return self._cache["einheiten"]

    def katalogquelle(self, aufgabenfeld: str, fakt: str) -> str | None:
        feld = self.katalog.get(aufgabenfeld)
        if feld and fakt in feld.vorgaben:
            return feld.vorgaben[fakt].quelle
        return None
