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


@dataclass(slots=True)
class _Caches:
    """The memoised lookups of one ``Regelwerk``, each typed; written only by its methods."""

    parameter_am: dict[date, dict[str, Any]] = field(default_factory=dict)
    regeln_am: dict[date, dict[str, KompilierteRegel]] = field(default_factory=dict)
    berichtet: dict[tuple[date, tuple[str, ...]], tuple[str, ...]] = field(default_factory=dict)
    katalogvorgaben: dict[str, dict[str, Any]] = field(default_factory=dict)
    einheiten: dict[str, str] | None = None


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
    _caches: _Caches = field(default_factory=lambda: _Caches(), repr=False, compare=False)
    #: The rule directory's files it was built from ({relative path: text}): how it is pickled.
    quelltexte: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its files: the compiled conditions are closures, so a worker process
        (api/worker_pool.py) builds the rule set again from the same texts — once per process
        (``laden.regelwerk_aus_quelltexten``), under the same ``sha256``."""
        if not self.quelltexte:
            raise TypeError("Ein Regelwerk ohne Quelltexte lässt sich nicht übertragen.")
        from advisor.regelwerk.laden import regelwerk_aus_quelltexten

        return (regelwerk_aus_quelltexten, (self.quelltexte, self.sha256))

    def parameterwert(self, kennung: str, am: date) -> Decimal | date:
        """The value of parameter ``kennung`` valid on ``am``; KeyError if none is valid then."""
        for w in self.parameter[kennung].werte:
            if w.gilt_ab <= am and (w.gilt_bis is None or am < w.gilt_bis):
                return w.wert
        raise KeyError(f"Parameter {kennung} hat am {am.isoformat()} keinen gültigen Wert")

    def parameter_am(self, am: date) -> dict[str, Any]:
        """All parameters valid on ``am`` (those without a value then are left out)."""
        cache = self._caches.parameter_am
        if am not in cache:
            werte: dict[str, Any] = {}
            for kennung in self.parameter:
                try:
                    werte[kennung] = self.parameterwert(kennung, am)
                except KeyError:
                    continue
            cache[am] = werte
        return cache[am]

    def regeln_am(self, am: date) -> dict[str, KompilierteRegel]:
        """The version of each rule valid on ``am`` (rules not valid then are absent)."""
        cache = self._caches.regeln_am
        if am not in cache:
            cache[am] = {r.id: r for r in self.regeln if r.gilt_am(am)}
        return cache[am]

    def berichtete_regeln(self, am: date, ketten: tuple[str, ...]) -> tuple[str, ...]:
        """The rules of ``ketten`` valid on ``am`` in report order: chain by chain, rank by rank,
        each rule a rule refers to (``verweist_auf``) before the rule itself."""
        cache = self._caches.berichtet
        schluessel = (am, ketten)
        if schluessel not in cache:
            regeln = self.regeln_am(am)
            reihenfolge: dict[str, None] = {}

            def nimm(kennung: str) -> None:
                if kennung in reihenfolge or kennung not in regeln:
                    return
                for ref in regeln[kennung].verweist_auf:
                    nimm(ref)
                reihenfolge[kennung] = None

            for kette in ketten:
                for rang in self.ketten[kette]:
                    for kennung in rang:
                        nimm(kennung)
            cache[schluessel] = tuple(reihenfolge)
        return cache[schluessel]

    def regel(self, kennung: str) -> KompilierteRegel:
        """Any version of a rule (the newest), for its norm and title."""
        return max((r for r in self.regeln if r.id == kennung), key=lambda r: r.gilt_ab)

    def katalogvorgaben(self, aufgabenfeld: str) -> dict[str, Any]:
        """The defaults of an Aufgabenfeld (the general ones, overridden by the field's own)."""
        cache = self._caches.katalogvorgaben
        if aufgabenfeld not in cache:
            feld = self.katalog[aufgabenfeld]
            vorgaben = dict(self.grundvorgaben)
            vorgaben.update({k: v.wert for k, v in feld.vorgaben.items()})
            cache[aufgabenfeld] = vorgaben
        return cache[aufgabenfeld]

    def einheiten(self) -> dict[str, str]:
        """{parameter id: unit}, for German texts."""
        if self._caches.einheiten is None:
            self._caches.einheiten = {k: p.einheit for k, p in self.parameter.items()}
        return self._caches.einheiten

    def katalogquelle(self, aufgabenfeld: str, fakt: str) -> str | None:
        feld = self.katalog.get(aufgabenfeld)
        if feld and fakt in feld.vorgaben:
            return feld.vorgaben[fakt].quelle
        return None
