"""One screening run: rows (and Fallakte files) in, screened rows, problems and summary out.

Streamed in two passes, so that memory does not grow with the inventory: (1) every row is read
and checked as the table yields it, goes to an ``Ablage`` and into the portfolio (per provider
and Aufgabenfeld only running sums); (2) each stored row gets its portfolio facts, its validated
Fallakte and ``berate`` (calculation + assessment), and the screened row goes to another
``Ablage`` while the summary is added up. A row that fails any phase is reported with its row
number and column and left out; the others go on.

Pure: no file I/O. ``berate`` is passed in (the adapters pass ``advisor.beratung.berate`` with the
loaded rule set and rate tables), ``ablage`` makes the stores (in memory by default; the adapters
pass a temporary file), ``protokoll`` is told when each phase ends (for the benchmark),
``fortschritt`` how many services are done (for a progress bar).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from advisor.errors import IkzFehler, UngueltigeEingabe
from advisor.fallakte import Fallakte
from advisor.screening.ablage import Ablage, AblageFabrik, listenablage
from advisor.screening.bestandszeile import Bestandszeile, Rohtabelle, Zeilenproblem
from advisor.screening.bulk import KEINE_PFLEGE, Fortschritt, Speicherpflege
from advisor.screening.ergebnis import Screeningzeile, screeningzeile
from advisor.screening.fallakte_bau import fallakte_aus_bestandszeile
from advisor.screening.portfolio import Portfolio, Portfolioposten, Portfoliowert, Portfoliowerte
from advisor.screening.vorgaben import Screeningvorgaben
from advisor.screening.zeilenstrom import Zeilenpruefung
from advisor.screening.zusammenfassung import Zusammenfassung, Zusammenfassungsbau

Berate = Callable[[Fallakte], Any]
PORTFOLIO_FAKTEN = ("umsatz_gleichartige_taetigkeiten", "anteil_leistungen_an_jpoer_prozent")


@dataclass(frozen=True, slots=True)
class Fallaktenquelle:
    """A Fallakte read from a file of a directory inventory."""

    quelle: str
    fallakte: Fallakte


@dataclass(frozen=True, slots=True)
class Screening:
    """The result of a run: the screened services in input order, every problem, the summary.

    ``zeilen`` and ``probleme`` are sequences (a list, or an ``Ablage`` on a temporary file for a
    large inventory: index and iterate them, do not copy them); ``close`` releases them.
    """

    stichtag: str
    regelwerk_version: str
    regelwerk_sha256: str
    zeilen: Sequence[Screeningzeile]
    probleme: Sequence[Zeilenproblem]
    zusammenfassung: Zusammenfassung

    def close(self) -> None:
        for ablage in (self.zeilen, self.probleme):
            schliessen = getattr(ablage, "close", None)
            if schliessen is not None:
                schliessen()


def _kennzahlen(beratung: Any) -> Mapping[str, Any]:
    """The per-service ``Kostenkennzahlen`` of a Beratung ({} if the case has no cost data)."""
    from advisor.kosten.kennzahlen import kennzahlen

    return kennzahlen(beratung.kalkulation) if beratung.kalkulation is not None else {}


@dataclass(slots=True)
class _Posten:
    """A service on its way through the run."""

    quelle: str
    zeile: int | None
    kennung: str
    erbringer: str
    fallakte: Fallakte | None
    leistung_id: str
    bestandszeile: Bestandszeile | None
    werte: Portfoliowerte | None = None


def _oeffentlich(arten: Sequence[str]) -> bool | None:
    privat = [a == "privat" for a in arten]
    return True if not any(privat) else False if all(privat) else None


@dataclass(frozen=True, slots=True)
class Zeilenauftrag:
    """The work for one inventory row once the portfolio is known (picklable, for worker processes)."""

    bestandszeile: Bestandszeile
    werte: Portfoliowerte


Zeilenresultat = tuple[Screeningzeile | None, list[Zeilenproblem]]
#: Screens a stream of row jobs in order, reporting progress (done, total); e.g. a process pool.
#: It must consume the jobs lazily (a bounded window), so that the run stays streamed.
Abbilden = Callable[[Iterable[Zeilenauftrag], Callable[[int, int], None] | None], Iterable[Zeilenresultat]]


def screen_row(auftrag: Zeilenauftrag, berate: Berate, stichtag: date) -> Zeilenresultat:
    """One inventory row: its Fallakte, ``berate``, the screened row — or ``None`` and the problems."""
    akte, fehler = fallakte_aus_bestandszeile(auftrag.bestandszeile, auftrag.werte, stichtag)
    if akte is None:
        return None, fehler
    return _screen_fallakte(auftrag.bestandszeile, auftrag.werte, akte, berate)


def _screen_fallakte(z: Bestandszeile, werte: Portfoliowerte, akte: Fallakte, berate: Berate) -> Zeilenresultat:
    try:
        beratung = berate(akte)
    except IkzFehler as e:
        return None, [Zeilenproblem(z.quelle, z.zeile, None, _fehlertext(e))]
    p = _Posten(z.quelle, z.zeile, z.kennung, z.erbringer, akte, akte.leistungen[0].id, z, werte)
    return _screeningzeile(p, {id(akte): beratung}, berate), []


def _portfolioposten(z: Bestandszeile) -> Portfolioposten:
    return Portfolioposten(
        f"Zeile {z.zeile}",
        z.erbringer,
        z.aufgabenfeld,
        z.jahresbetrag,
        z.umsatz_gleichartige_taetigkeiten,
        z.anteil_leistungen_an_jpoer_prozent,
        _oeffentlich(z.empfaenger_arten),
        datei=z.quelle,
    )


def screen_inventory(
    tabellen: Sequence[Rohtabelle],
    fallakten: Sequence[Fallaktenquelle],
    vorgaben: Screeningvorgaben,
    berate: Berate,
    *,
    regelwerk_version: str = "",
    regelwerk_sha256: str = "",
    vorprobleme: Sequence[Zeilenproblem] = (),
    protokoll: Callable[[str], None] | None = None,
    fortschritt: Callable[[int, int], None] | None = None,
    abbilden: Abbilden | None = None,
    ablage: AblageFabrik = listenablage,
    speicher: Speicherpflege = KEINE_PFLEGE,
) -> Screening:
    """Screen an inventory. ``vorprobleme`` are problems the adapter found while reading files;
    ``speicher`` is the adapter's memory handling (``screening.speicher.GcPflege``).

    Inventory rows come first (in table order), then the services of Fallakte files. The tables'
    rows are consumed once, as a stream. Without ``abbilden`` the rows are screened here; with it,
    ``abbilden`` screens the stream of row jobs (e.g. in worker processes).
    """
    melde = protokoll or (lambda _phase: None)
    probleme: Ablage[Zeilenproblem] = ablage()
    for p in vorprobleme:
        probleme.append(p)
    bestand: Ablage[Bestandszeile] = ablage()
    zeilen: Ablage[Screeningzeile] = ablage()
    try:
        with speicher.pausiert():
            pruefung = Zeilenpruefung(vorgaben)
            portfolio = Portfolio(vorgaben.bagatellgrenze)
            quellen: set[str] = set()
            aufraeumen = speicher.zwischendurch
            for tabelle in tabellen:
                for gelesen, fehler in pruefung.tabelle(tabelle):
                    aufraeumen()
                    for f in fehler:
                        probleme.append(f)
                    if gelesen is not None:
                        bestand.append(gelesen)
                        portfolio.add(_portfolioposten(gelesen))
                        quellen.add(gelesen.quelle)
            abgelehnt = pruefung.abgelehnt + len({p.quelle for p in vorprobleme if p.zeile is None})
            portfolio.luecken, portfolio.mehrere_dateien = pruefung.luecken, len(quellen) > 1
            melde("pruefen")
            aktenposten, vorberatung, gescheitert = _akten_portfolio(fallakten, portfolio, berate, probleme)
            melde("portfolio")
            zaehler = Fortschritt(fortschritt, len(bestand) + len(aktenposten))
            bau = Zusammenfassungsbau()
            auftraege = (Zeilenauftrag(z, portfolio.werte(_portfolioposten(z))) for z in bestand)
            resultate = (
                _screen_rows_here(auftraege, berate, vorgaben, zaehler)
                if abbilden is None
                else abbilden(auftraege, zaehler)
            )
            for zeile, fehler in resultate:
                aufraeumen()
                for f in fehler:
                    probleme.append(f)
                if zeile is None:
                    abgelehnt += 1
                else:
                    zeilen.append(zeile)
                    bau.add(zeile)
            zaehler.basis = len(bestand)
            aus_akten, fehlgeschlagen = _bewerte_akten(aktenposten, berate, vorberatung, probleme, zaehler, gescheitert)
            for zeile in aus_akten:
                zeilen.append(zeile)
                bau.add(zeile)
            abgelehnt += fehlgeschlagen
            melde("bewerten")
        zusammenfassung = bau.ergebnis(abgelehnt)
        melde("zusammenfassen")
    except BaseException:
        zeilen.close()
        probleme.close()
        raise
    finally:
        bestand.close()
    return Screening(
        vorgaben.stichtag.isoformat(),
        regelwerk_version,
        regelwerk_sha256,
        cast(Sequence[Screeningzeile], zeilen),
        cast(Sequence[Zeilenproblem], probleme),
        zusammenfassung,
    )


def _screen_rows_here(
    auftraege: Iterable[Zeilenauftrag], berate: Berate, vorgaben: Screeningvorgaben, zaehler: Fortschritt
) -> Iterator[Zeilenresultat]:
    for n, auftrag in enumerate(auftraege, start=1):
        yield screen_row(auftrag, berate, vorgaben.stichtag)
        zaehler(n)


def _akten_portfolio(
    fallakten: Sequence[Fallaktenquelle], portfolio: Portfolio, berate: Berate, probleme: Ablage[Zeilenproblem]
) -> tuple[list[_Posten], dict[int, Any], set[str]]:
    """The services of Fallakte files in the portfolio; each file is calculated first for its amounts.

    Returns the services (with their portfolio values), the Beratungen already made, and the files
    whose calculation or assessment failed (reported as problems).
    """
    vorberatung: dict[int, Any] = {}
    betraege: dict[tuple[int, str], Any] = {}
    gescheitert: set[str] = set()
    for q in fallakten:
        try:
            beratung = berate(q.fallakte)
        except IkzFehler as e:
            probleme.append(Zeilenproblem(q.quelle, None, None, _fehlertext(e)))
            gescheitert.add(q.quelle)
            continue
        vorberatung[id(q.fallakte)] = beratung
        for leistung_id, k in _kennzahlen(beratung).items():
            betraege[(id(q.fallakte), leistung_id)] = k.erstattung_jahr
    posten: list[tuple[_Posten, Portfolioposten]] = []
    for q in fallakten:
        for leistung in q.fallakte.leistungen:
            erbringer = q.fallakte.beteiligter(leistung.erbringer).name
            p = _Posten(
                f"{q.quelle}, Leistung {leistung.id}", None, leistung.id, erbringer, q.fallakte, leistung.id, None
            )
            eintrag = Portfolioposten(
                p.quelle,
                erbringer,
                leistung.aufgabenfeld,
                betraege.get((id(q.fallakte), leistung.id)),
                leistung.umsatz_gleichartige_taetigkeiten,
                leistung.anteil_leistungen_an_jpoer_prozent,
                _oeffentlich([q.fallakte.beteiligter(e).art for e in leistung.empfaenger]),
            )
            portfolio.add(eintrag)
            posten.append((p, eintrag))
    for p, eintrag in posten:
        p.werte = portfolio.werte(eintrag)
    aktenposten = [p for p, _ in posten]
    _uebernimm_in_fallakten(aktenposten, vorberatung)
    return aktenposten, vorberatung, gescheitert


def _uebernimm_in_fallakten(posten: list[_Posten], vorberatung: dict[int, Any]) -> None:
    """Write portfolio values into the services of Fallakte files that leave them unknown."""
    nach_akte: dict[int, list[_Posten]] = {}
    for p in posten:
        if p.bestandszeile is None and p.fallakte is not None:
            nach_akte.setdefault(id(p.fallakte), []).append(p)
    for gruppe in nach_akte.values():
        akte = gruppe[0].fallakte
        assert akte is not None
        neu = []
        for leistung in akte.leistungen:
            p = next(x for x in gruppe if x.leistung_id == leistung.id)
            update = {
                f: getattr(p.werte, f).wert
                for f in PORTFOLIO_FAKTEN
                if getattr(leistung, f) is None and getattr(p.werte, f) is not None
            }
            neu.append(leistung.model_copy(update=update) if update else leistung)
        if any(a is not b for a, b in zip(neu, akte.leistungen, strict=True)):
            geaendert = akte.model_copy(update={"leistungen": neu})
            vorberatung.pop(id(akte), None)
            for p in gruppe:
                p.fallakte = geaendert


def _fehlertext(e: IkzFehler) -> str:
    if isinstance(e, UngueltigeEingabe):
        return "; ".join(str(p) for p in e.probleme) or e.titel
    return str(e)


def _bewerte_akten(
    posten: list[_Posten],
    berate: Berate,
    vorberatung: dict[int, Any],
    probleme: Ablage[Zeilenproblem],
    zaehler: Fortschritt,
    gescheitert: set[str],
) -> tuple[list[Screeningzeile], int]:
    """The services of Fallakte files (one ``berate`` per file, reused for its services)."""
    zeilen: list[Screeningzeile] = []
    beratungen: dict[int, Any] = dict(vorberatung)
    gescheitert = set(gescheitert)
    for n, p in enumerate(posten, start=1):
        datei = p.quelle.split(", Leistung ")[0]
        if datei not in gescheitert:
            try:
                zeilen.append(_screeningzeile(p, beratungen, berate))
            except IkzFehler as e:
                probleme.append(Zeilenproblem(datei, None, None, _fehlertext(e)))
                gescheitert.add(datei)
        zaehler(n)
    return zeilen, len(gescheitert)


def _screeningzeile(p: _Posten, beratungen: dict[int, Any], berate: Berate) -> Screeningzeile:
    akte = p.fallakte
    assert akte is not None and p.werte is not None
    if id(akte) not in beratungen:
        beratungen[id(akte)] = berate(akte)
    beratung = beratungen[id(akte)]
    leistung = next(lst for lst in akte.leistungen if lst.id == p.leistung_id)
    bewertung = next(b for b in beratung.bewertung.leistungen if b.leistung == p.leistung_id)
    aus_bestand: dict[str, Portfoliowert] = {}
    for fakt in PORTFOLIO_FAKTEN:
        wert = getattr(p.werte, fakt)
        if wert is not None and getattr(leistung, fakt) == wert.wert:
            aus_bestand[fakt] = wert
    hinweise: tuple[str, ...] = ()
    z = p.bestandszeile
    mit_belastung = bewertung.ergebnis in ("steuerpflichtig", "offen")  # no burden when no VAT is due
    if mit_belastung and z is not None and z.jahresbetrag is not None and z.vorsteuer is None:
        hinweise = (
            "Vorsteuer nicht angegeben: die Mehrbelastung ist eine Obergrenze (Umsatzsteuer auf den vollen "
            "Jahresbetrag, ohne Vorsteuerabzug).",
        )
    return screeningzeile(
        quelle=p.quelle if z is None else z.quelle,
        zeile=p.zeile,
        kennung=p.kennung,
        erbringer=p.erbringer,
        rechtsform=akte.rechtsform,
        bewertung=bewertung,
        aufgabenfeld=leistung.aufgabenfeld,
        kennzahlen=_kennzahlen(beratung).get(p.leistung_id),
        aus_bestand=aus_bestand,
        hinweise=hinweise,
    )
