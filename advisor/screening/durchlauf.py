"""One screening run: rows (and Fallakte files) in, screened rows, problems and summary out.

Phases: read the rows (``parse_rows``), portfolio facts per provider and Aufgabenfeld, one
validated Fallakte per row, ``berate`` (calculation + assessment) per Fallakte, summary. A row
that fails any phase is reported with its row number and column and left out; the others go on.

Pure: no file I/O. ``berate`` is passed in (the adapters pass ``advisor.beratung.berate`` with the
loaded rule set and rate tables), ``protokoll`` is told when each phase ends (for the benchmark),
``fortschritt`` how many services are done (for a progress bar).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from advisor.errors import IkzFehler, UngueltigeEingabe
from advisor.fallakte import Fallakte
from advisor.screening.bestandszeile import Bestandszeile, Rohtabelle, Zeilenproblem, parse_rows
from advisor.screening.bulk import Fortschritt, paused_cyclic_gc
from advisor.screening.ergebnis import Screeningzeile, screeningzeile
from advisor.screening.fallakte_bau import fallakte_aus_bestandszeile
from advisor.screening.portfolio import Portfolioposten, Portfoliowert, Portfoliowerte, portfolio_werte
from advisor.screening.vorgaben import Screeningvorgaben
from advisor.screening.zusammenfassung import Zusammenfassung, zusammenfassen

Berate = Callable[[Fallakte], Any]
PORTFOLIO_FAKTEN = ("umsatz_gleichartige_taetigkeiten", "anteil_leistungen_an_jpoer_prozent")


@dataclass(frozen=True, slots=True)
class Fallaktenquelle:
    """A Fallakte read from a file of a directory inventory."""

    quelle: str
    fallakte: Fallakte


@dataclass(frozen=True, slots=True)
class Screening:
    """The result of a run: the screened services in input order, every problem, the summary."""

    stichtag: str
    regelwerk_version: str
    regelwerk_sha256: str
    zeilen: tuple[Screeningzeile, ...]
    probleme: tuple[Zeilenproblem, ...]
    zusammenfassung: Zusammenfassung


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
#: Screens a batch of row jobs in order, reporting progress (done, total); e.g. a process pool.
Abbilden = Callable[[Sequence[Zeilenauftrag], Callable[[int, int], None] | None], Sequence[Zeilenresultat]]


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
) -> Screening:
    """Screen an inventory. ``vorprobleme`` are problems the adapter found while reading files.

    Inventory rows come first (in table order), then the services of Fallakte files. Without
    ``abbilden`` the rows are screened here, one phase after the other (``fallakten``, then
    ``bewerten``); with it, ``abbilden`` does both per row (e.g. in worker processes).
    """
    melde = protokoll or (lambda _phase: None)
    probleme = list(vorprobleme)
    with paused_cyclic_gc():
        gelesen = parse_rows(tabellen, vorgaben)
        probleme.extend(gelesen.probleme)
        abgelehnt = gelesen.abgelehnt + len({p.quelle for p in vorprobleme if p.zeile is None})
        melde("pruefen")
        posten = [_Posten(z.quelle, z.zeile, z.kennung, z.erbringer, None, "", z) for z in gelesen.zeilen]
        vorberatung: dict[int, Any] = {}
        for q in fallakten:
            for leistung in q.fallakte.leistungen:
                erbringer = q.fallakte.beteiligter(leistung.erbringer).name
                posten.append(
                    _Posten(
                        f"{q.quelle}, Leistung {leistung.id}",
                        None,
                        leistung.id,
                        erbringer,
                        q.fallakte,
                        leistung.id,
                        None,
                    )
                )
        gescheitert = _portfolio(posten, fallakten, vorgaben, berate, gelesen.luecken, vorberatung, probleme)
        melde("portfolio")
        zeilenposten = [p for p in posten if p.bestandszeile is not None]
        aktenposten = [p for p in posten if p.bestandszeile is None]
        gesamt = len(posten)
        zaehler = Fortschritt(fortschritt, gesamt)
        if abbilden is None:
            resultate = _screen_rows_here(zeilenposten, berate, vorgaben, zaehler, melde)
        else:
            auftraege = [Zeilenauftrag(p.bestandszeile, p.werte) for p in zeilenposten]  # type: ignore[arg-type]
            resultate = list(abbilden(auftraege, zaehler))
        zeilen: list[Screeningzeile] = []
        for zeile, fehler in resultate:
            probleme.extend(fehler)
            if zeile is None:
                abgelehnt += 1
            else:
                zeilen.append(zeile)
        zaehler.basis = len(zeilenposten)
        aus_akten, fehlgeschlagen = _bewerte_akten(aktenposten, berate, vorberatung, probleme, zaehler, gescheitert)
        zeilen.extend(aus_akten)
        abgelehnt += fehlgeschlagen
        melde("bewerten")
    zusammenfassung = zusammenfassen(zeilen, abgelehnt)
    melde("zusammenfassen")
    return Screening(
        vorgaben.stichtag.isoformat(),
        regelwerk_version,
        regelwerk_sha256,
        tuple(zeilen),
        tuple(probleme),
        zusammenfassung,
    )


def _screen_rows_here(
    zeilenposten: list[_Posten],
    berate: Berate,
    vorgaben: Screeningvorgaben,
    zaehler: Fortschritt,
    melde: Callable[[str], None],
) -> list[Zeilenresultat]:
    akten = [
        fallakte_aus_bestandszeile(p.bestandszeile, p.werte, vorgaben.stichtag)  # type: ignore[arg-type]
        for p in zeilenposten
    ]
    melde("fallakten")
    resultate: list[Zeilenresultat] = []
    for n, (p, (akte, fehler)) in enumerate(zip(zeilenposten, akten, strict=True), start=1):
        if akte is None:
            resultate.append((None, fehler))
        else:
            resultate.append(_screen_fallakte(p.bestandszeile, p.werte, akte, berate))  # type: ignore[arg-type]
        zaehler(n)
    return resultate


def _portfolio(
    posten: list[_Posten],
    fallakten: Sequence[Fallaktenquelle],
    vorgaben: Screeningvorgaben,
    berate: Berate,
    luecken: Any,
    vorberatung: dict[int, Any],
    probleme: list[Zeilenproblem],
) -> set[str]:
    """Set each service's portfolio values; Fallakte files are calculated first for their amounts.

    Returns the files whose calculation or assessment failed (reported as problems).
    """
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
    eintraege = []
    mehrere_dateien = len({p.bestandszeile.quelle for p in posten if p.bestandszeile is not None}) > 1
    for p in posten:
        if p.bestandszeile is not None:
            z = p.bestandszeile
            eintraege.append(
                Portfolioposten(
                    f"Zeile {z.zeile}" + (f" ({z.quelle})" if mehrere_dateien else ""),
                    z.erbringer,
                    z.aufgabenfeld,
                    z.jahresbetrag,
                    z.umsatz_gleichartige_taetigkeiten,
                    z.anteil_leistungen_an_jpoer_prozent,
                    _oeffentlich(z.empfaenger_arten),
                )
            )
        else:
            f = p.fallakte
            assert f is not None
            leistung = next(lst for lst in f.leistungen if lst.id == p.leistung_id)
            arten = [f.beteiligter(e).art for e in leistung.empfaenger]
            eintraege.append(
                Portfolioposten(
                    p.quelle,
                    p.erbringer,
                    leistung.aufgabenfeld,
                    betraege.get((id(f), leistung.id)),
                    leistung.umsatz_gleichartige_taetigkeiten,
                    leistung.anteil_leistungen_an_jpoer_prozent,
                    _oeffentlich(arten),
                )
            )
    for p, werte in zip(posten, portfolio_werte(eintraege, vorgaben.bagatellgrenze, luecken), strict=True):
        p.werte = werte
    _uebernimm_in_fallakten(posten, vorberatung)
    return gescheitert


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
    probleme: list[Zeilenproblem],
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
    if z is not None and z.jahresbetrag is not None and z.vorsteuer is None:
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
