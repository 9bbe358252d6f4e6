"""The § 2b decision for one service: chains of rules in precedence order, three-valued.

Each chain (``regime``, ``steuerbarkeit_ustg_2b`` or ``steuerbarkeit_altes_recht``,
``steuerbefreiung``) is a list of ranks from ``rules/regelwerk.yaml``. A supply the taxability chain
finds ``steuerbar`` (the body acts as an entrepreneur) always runs through the exemption chain,
which decides ``steuerfrei`` or ``steuerpflichtig``: being an entrepreneur never means VAT is due
by itself. Walking a chain, the first
rank with a rule whose condition is true decides; a rule whose condition is unknown on the way is
a *possible* outcome (it would decide if its unknown facts turn out so). Combining the chains gives
every possible path; the result is

- the outcome all possible paths share, or
- when they differ only in label but not in VAT consequence (``nicht_steuerbar`` vs
  ``steuerfrei``: no VAT either way), the outcome of the certain path, with a note, or
- ``offen``, and the unknown facts on the uncertain rules become the open questions.

Two rules of equal rank that are both true with different outcomes are a ``RegelKonflikt``; a
chain that ends with neither a true nor an unknown rule is ``KeineRegelGreift``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Any

from advisor.errors import KeineRegelGreift, RegelKonflikt
from advisor.regelwerk.bedingungen import Kontext, Wahrheit, annahmen
from advisor.regelwerk.modell import KompilierteRegel, Regelwerk
from advisor.sachverhalt import FAKTEN, Sachverhalt

KEINE_UST = frozenset({"nicht_steuerbar", "steuerfrei"})
_RISIKO_RANG = {"gering": 0, "mittel": 1, "hoch": 2}


@dataclass(slots=True)
class Schritt:
    regel: str
    folge: str
    sicher: bool


@dataclass(slots=True)
class Pfad:
    """One way the decision can go: the deciding rule of each chain, and the outcome."""

    regime: str
    schritte: tuple[Schritt, ...]
    folge: str

    @property
    def sicher(self) -> bool:
        return all(s.sicher for s in self.schritte)

    @property
    def entscheidende_regel(self) -> str:
        """The rule that gives the outcome: the exemption if it applies, else the taxability rule."""
        if len(self.schritte) == 3 and self.schritte[2].folge == "steuerfrei":
            return self.schritte[2].regel
        return self.schritte[1].regel


@dataclass(frozen=True)
class Entscheidung:
    """The decision for one service, with everything the report needs."""

    ergebnis: str
    regime: str
    pfade: tuple[Pfad, ...]
    sicherer_pfad: Pfad | None
    status: dict[str, Wahrheit]
    anwendbar: dict[str, bool | None]
    offene_fakten: dict[str, tuple[str, ...]]
    kontext: Kontext
    regeln: dict[str, KompilierteRegel]

    @property
    def entscheidende_regel(self) -> str | None:
        return self.sicherer_pfad.entscheidende_regel if self.sicherer_pfad and self.ergebnis != "offen" else None


class _Auswertung:
    """Evaluates rules lazily (each at most once) for one service's facts."""

    def __init__(self, rw: Regelwerk, sv: Sachverhalt, *, mit_fragen: bool = True) -> None:
        stichtag = sv.fakten["stichtag"]
        self.sv = sv
        self.mit_fragen = mit_fragen
        self.regeln = rw.regeln_am(stichtag)
        self.rw = rw
        self.status: dict[str, Wahrheit] = {}
        self.anwendbar: dict[str, bool | None] = {}
        #: Uncertain rules whose status can change the outcome of a chain walk (see ``_merke_erhebliche``);
        #: worked out only when the result needs questions (``erheblich``), from the walks noted here.
        self._walks: list[tuple[str, list[Schritt], dict[str, int]]] = []
        self._erheblich: set[str] | None = None
        self.ctx = Kontext(sv.fakten, rw.parameter_am(stichtag), self.regelstatus)

    def regelstatus(self, kennung: str) -> Wahrheit:
        if kennung in self.status:
            return self.status[kennung]
        regel = self.regeln.get(kennung)
        if regel is None:  # not valid on this date: it cannot apply
            self.anwendbar[kennung] = False
            self.status[kennung] = False
            return False
        a: bool | None = True if regel.anwendbar is None else regel.anwendbar(self.ctx)
        self.anwendbar[kennung] = a
        if a is False:
            wert: Wahrheit = False
        else:
            b = regel.bedingung(self.ctx)
            wert = False if b is False else (None if (a is None or b is None) else True)
        self.status[kennung] = wert
        return wert

    def kette(self, name: str, ab_rang: int = 0) -> list[Schritt]:
        moeglich: list[Schritt] = []
        raenge: dict[str, int] = {}
        for nummer, rang in enumerate(self.rw.ketten[name]):
            if nummer < ab_rang:
                continue
            wahre: list[str] = []
            for kennung in rang:
                s = self.regelstatus(kennung)
                if s is None:
                    moeglich.append(Schritt(kennung, self.regeln[kennung].folge or "", False))
                    raenge[kennung] = nummer
                elif s:
                    wahre.append(kennung)
            if wahre:
                folgen = {self.regeln[k].folge for k in wahre}
                if len(folgen) > 1:
                    raise RegelKonflikt(
                        f"Regeln gleichen Rangs widersprechen sich in Kette „{name}“: {', '.join(wahre)}"
                    )
                moeglich.append(Schritt(wahre[0], self.regeln[wahre[0]].folge or "", True))
                self._merke_erhebliche(name, moeglich, raenge)
                return moeglich
            if len(rang) > 1 and any(self.status[k] is None for k in rang) and self._rang_deckt_ab(rang):
                self._merke_erhebliche(name, moeglich, raenge)
                return moeglich
        if not moeglich:
            raise KeineRegelGreift(f"In der Kette „{name}“ greift keine Regel.")
        self._merke_erhebliche(name, moeglich, raenge)
        return moeglich

    def _rang_deckt_ab(self, rang: tuple[str, ...]) -> bool:
        """Whether a rank of equal rules, none of them certainly true, still certainly decides: some
        rule of it is true for every value of the (at most three) yes/no facts they leave open — e.g.
        a secondment of staff, with or without the civil-servant reserve. Later ranks are then no
        possible outcome, and their unknown facts no question."""
        offen: set[str] = set()
        regeln = [self.regeln[k] for k in rang if k in self.regeln]
        for regel in regeln:
            if regel.verweist_auf:
                return False
            if regel.anwendbar is not None:
                regel.anwendbar.offene(self.ctx, offen)
            regel.bedingung.offene(self.ctx, offen)
        if not offen or len(offen) > 3 or any(FAKTEN[f] is not bool for f in offen):
            return False
        namen = sorted(offen)
        for werte in product((True, False), repeat=len(namen)):
            ctx = Kontext(
                {**self.ctx.fakten, **dict(zip(namen, werte, strict=True))}, self.ctx.parameter, self.regelstatus
            )
            if not any((r.anwendbar is None or r.anwendbar(ctx) is True) and r.bedingung(ctx) is True for r in regeln):
                return False
        return True

    def _merke_erhebliche(self, name: str, moeglich: list[Schritt], raenge: dict[str, int]) -> None:
        """Remember the uncertain steps whose status matters. A step does not matter

        - if every possible step after it in the chain has its outcome (the chain ends in that
          outcome whether the step applies or not), or
        - if, assuming the step applied (each way its condition can be true), the rest of the chain
          would lead to the same outcome anyway — e.g. § 2b Abs. 3 Nr. 2 with competition gives the
          same result as the general competition test after it.

        Its unknown facts are then no question worth asking."""
        if self.mit_fragen and any(not s.sicher for s in moeglich):
            self._walks.append((name, list(moeglich), dict(raenge)))

    @property
    def erheblich(self) -> set[str]:
        if self._erheblich is None:
            self._erheblich = set()
            for name, moeglich, raenge in self._walks:
                self._pruefe_erheblich(name, moeglich, raenge)
        return self._erheblich

    def _pruefe_erheblich(self, name: str, moeglich: list[Schritt], raenge: dict[str, int]) -> None:
        for i, s in enumerate(moeglich):
            if s.sicher:
                continue
            danach = {t.folge for t in moeglich[i + 1 :]}
            if danach == {s.folge} or self._ohne_wirkung(name, s, raenge[s.regel]):
                continue
            self._erheblich.add(s.regel)  # type: ignore[union-attr]

    def _ohne_wirkung(self, kette: str, schritt: Schritt, rang: int) -> bool:
        regel = self.regeln[schritt.regel]

        def knoten(kennung: str) -> Any:
            r = self.regeln.get(kennung)
            return r.bedingung if r is not None else None

        alternativen = annahmen(regel.bedingung, True, self.ctx, knoten)
        if not alternativen or alternativen == [{}]:
            return False
        for annahme in alternativen:
            fakten = {**self.sv.fakten, **annahme}
            rest = _Auswertung(self.rw, Sachverhalt(fakten, self.sv.aus_katalog), mit_fragen=False)
            try:
                folgen = {t.folge for t in rest.kette(kette, rang + 1)}
            except KeineRegelGreift:
                return False
            if folgen != {schritt.folge}:
                return False
        return True


def entscheide(rw: Regelwerk, sv: Sachverhalt) -> Entscheidung:
    """Decide one service. See the module docstring for the semantics."""
    a = _Auswertung(rw, sv)
    pfade: list[Pfad] = []
    for r in a.kette("regime"):
        kette = "steuerbarkeit_ustg_2b" if r.folge == "ustg_2b" else "steuerbarkeit_altes_recht"
        for s in a.kette(kette):
            if s.folge == "steuerbar":
                for b in a.kette("steuerbefreiung"):
                    pfade.append(Pfad(r.folge, (r, s, b), b.folge))
            else:
                pfade.append(Pfad(r.folge, (r, s), s.folge))
    sicher = next((p for p in pfade if p.sicher), None)
    folgen = {p.folge for p in pfade}
    if len(folgen) == 1:
        ergebnis = pfade[0].folge
    elif folgen <= KEINE_UST and sicher is not None:
        ergebnis = sicher.folge
    else:
        ergebnis = "offen"
    regime = pfade[0].regime if len({p.regime for p in pfade}) == 1 else "offen"
    offene = _offene_fakten(a, pfade) if len(folgen) > 1 else {}
    return Entscheidung(ergebnis, regime, tuple(pfade), sicher, a.status, a.anwendbar, offene, a.ctx, a.regeln)


def _offene_fakten(a: _Auswertung, pfade: list[Pfad]) -> dict[str, tuple[str, ...]]:
    """For each unknown fact that an uncertain step depends on: the rules that read it."""
    gefunden: dict[str, set[str]] = {}
    gesehen: set[str] = set()

    def sammle(kennung: str) -> None:
        if kennung in gesehen or a.status.get(kennung, False) is not None:
            return
        gesehen.add(kennung)
        regel = a.regeln[kennung]
        out: set[str] = set()
        if regel.anwendbar is not None and a.anwendbar.get(kennung) is None:
            regel.anwendbar.offene(a.ctx, out)
        if a.anwendbar.get(kennung) is not False:
            regel.bedingung.offene(a.ctx, out)
        for f in out:
            gefunden.setdefault(f, set()).add(kennung)
        for ref in regel.verweist_auf:
            a.regelstatus(ref)
            sammle(ref)

    for p in pfade:
        for s in p.schritte:
            if not s.sicher and s.regel in a.erheblich:
                sammle(s.regel)
    return {f: tuple(sorted(r)) for f, r in sorted(gefunden.items())}


def hoechstes_risiko(*stufen: str) -> str:
    return max(stufen, key=lambda s: _RISIKO_RANG[s]) if stufen else "gering"


def werte_alle_aus(entscheidung: Entscheidung, kennungen: list[str]) -> dict[str, Any]:
    """Evaluate further rules (for the report) with the same facts; returns their statuses."""
    status = entscheidung.kontext.regelstatus
    return {k: status(k) for k in kennungen}
