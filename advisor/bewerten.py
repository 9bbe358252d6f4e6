"""``assess``: the § 2b UStG assessment of a case, service by service.

For each service: collect the facts (case, catalogue defaults, cost figures), decide with the rule
chains (advisor.entscheidung), report every rule that could be evaluated with its status, German
reasoning, facts and sources, rate the risk, list the open questions that could change the result
and — for a taxable or open result — the advice found by re-assessing changed cases.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from advisor import deutsch
from advisor.bewertung import (
    Bewertung,
    Empfehlung,
    Kriterienfolge,
    Kriterium,
    KriteriumTexte,
    Leistungsbewertung,
    OffeneFrage,
    Regelwerksstand,
    Status,
    gesamtergebnis,
)
from advisor.bezeichnungen import ERGEBNISSE_KLEIN
from advisor.bezeichnungen import FAKTEN as FAKTEN_BEZEICHNUNGEN
from advisor.empfehlungen import suche_hebel
from advisor.entscheidung import KEINE_UST, Entscheidung, entscheide
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Fallakte
from advisor.kosten.kennzahlen import Kostenkennzahlen
from advisor.regelwerk.modell import KompilierteRegel, Regelwerk
from advisor.risiko import bewerte_risiko
from advisor.sachverhalt import Sachverhalt, innenempfaenger, sachverhalt, umsatz_untergrenze_im_fall
from advisor.steuersatz import steuersatz_der_leistung
from advisor.texte import bewertungstitel, fuelle

#: Recalculates a (changed) case: {service id: its cost figures}.
Kalkulierer = Callable[[Fallakte], Mapping[str, Kostenkennzahlen]]

_STATUS: dict[bool | None, Status] = {True: "erfuellt", False: "nicht_erfuellt", None: "offen"}


def pruefe_katalog(fallakte: Fallakte, rw: Regelwerk) -> None:
    """Every service's Aufgabenfeld must be in the catalogue (a field-level error otherwise)."""
    probleme = [
        Feldproblem(
            f"leistungen[{i}].aufgabenfeld",
            f"Unbekanntes Aufgabenfeld „{leistung.aufgabenfeld}“; erlaubt: {', '.join(sorted(rw.katalog))}.",
        )
        for i, leistung in enumerate(fallakte.leistungen)
        if leistung.aufgabenfeld not in rw.katalog
    ]
    if probleme:
        raise UngueltigeEingabe(probleme)


def sachverhalt_der_leistung(
    fallakte: Fallakte,
    index: int,
    rw: Regelwerk,
    kennzahlen: Kostenkennzahlen | None,
    alle_kennzahlen: Mapping[str, Kostenkennzahlen] | None = None,
) -> Sachverhalt:
    """The facts of service ``index``; ``alle_kennzahlen`` (every service's figures) let the
    provider's similar services in the case count towards its turnover (§ 2b Abs. 2 Nr. 1)."""
    leistung = fallakte.leistungen[index]
    if alle_kennzahlen is None:
        alle_kennzahlen = {leistung.id: kennzahlen} if kennzahlen is not None else {}
    untergrenze = umsatz_untergrenze_im_fall(fallakte, leistung, alle_kennzahlen)
    return sachverhalt(fallakte, leistung, rw.katalogvorgaben(leistung.aufgabenfeld), kennzahlen, untergrenze)


def assess(
    fallakte: Fallakte,
    rw: Regelwerk,
    kostenkennzahlen: Mapping[str, Kostenkennzahlen] | None = None,
    *,
    mit_empfehlungen: bool = True,
    stichtag: date | None = None,
    kalkuliere: Kalkulierer | None = None,
) -> Bewertung:
    """The Bewertung of ``fallakte`` under ``rw``.

    ``kostenkennzahlen`` (per service id, from the cost calculation) settle facts only the
    calculation knows. ``stichtag`` overrides the case's date (to compare 2026 with 2027).
    ``kalkuliere`` recalculates a changed case: a lever that changes the costs (e.g. drops the
    mark-up) is re-assessed, and its avoided burden computed, on the changed calculation; without
    it such a lever's avoided burden stays unknown (``None``).
    """
    if stichtag is not None:
        fallakte = fallakte.model_copy(update={"stichtag": stichtag})
    pruefe_katalog(fallakte, rw)
    kennzahlen = kostenkennzahlen or {}
    leistungen = tuple(
        _bewerte_leistung(fallakte, i, rw, kennzahlen, mit_empfehlungen, kalkuliere)
        for i in range(len(fallakte.leistungen))
    )
    regime = {lb.regime for lb in leistungen}
    stand = Regelwerksstand(
        version=rw.version,
        sha256=rw.sha256,
        stichtag=fallakte.stichtag.isoformat(),
        regime=regime.pop() if len(regime) == 1 else "gemischt",
    )
    return Bewertung(
        stand,
        gesamtergebnis([lb.ergebnis for lb in leistungen]),  # type: ignore[arg-type]
        leistungen,
        titel=bewertungstitel(stand.regime),
    )


def _bewerte_leistung(
    fallakte: Fallakte,
    index: int,
    rw: Regelwerk,
    alle_kennzahlen: Mapping[str, Kostenkennzahlen],
    mit_empfehlungen: bool,
    kalkuliere: Kalkulierer | None = None,
) -> Leistungsbewertung:
    leistung = fallakte.leistungen[index]
    kennzahlen = alle_kennzahlen.get(leistung.id)
    sv = sachverhalt_der_leistung(fallakte, index, rw, kennzahlen, alle_kennzahlen)
    e = entscheide(rw, sv)
    risiko, gruende = bewerte_risiko(rw, e, sv)
    kriterien = Kriterienfolge(lambda: _kriterien(rw, e, sv))
    fragen = _offene_fragen(rw, e, fallakte, index) if e.ergebnis == "offen" else ()
    hinweise = _hinweise(rw, e, sv, fallakte, index)
    empfehlungen: tuple[Empfehlung, ...] = ()
    if mit_empfehlungen and e.ergebnis in ("steuerpflichtig", "offen"):
        empfehlungen = _empfehlungen(rw, fallakte, index, e, alle_kennzahlen, kalkuliere)
    vorgaben = {f: sv.fakten[f] for f in sorted(sv.aus_katalog)}
    return Leistungsbewertung(
        leistung=leistung.id,
        bezeichnung=leistung.bezeichnung,
        regime=e.regime,  # type: ignore[arg-type]
        ergebnis=e.ergebnis,  # type: ignore[arg-type]
        entscheidende_regel=e.entscheidende_regel,
        risiko=risiko,  # type: ignore[arg-type]
        risikogruende=gruende,
        kriterien=kriterien,
        offene_fragen=fragen,
        empfehlungen=empfehlungen,
        katalogvorgaben=vorgaben,
        hinweise=hinweise,
    )


def _berichtete_regeln(rw: Regelwerk, e: Entscheidung) -> tuple[str, ...]:
    """The rules to report, in chain order, each referenced criterion before the rule using it."""
    ketten = ["regime"]
    regime = {p.regime for p in e.pfade}
    if "ustg_2b" in regime:
        ketten.append("steuerbarkeit_ustg_2b")
    if "altes_recht" in regime:
        ketten.append("steuerbarkeit_altes_recht")
    if any(len(p.schritte) == 3 for p in e.pfade):
        ketten.append("steuerbefreiung")
    return rw.berichtete_regeln(e.kontext.fakten["stichtag"], tuple(ketten))


def _json_wert(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _kriterien(rw: Regelwerk, e: Entscheidung, sv: Sachverhalt) -> tuple[Kriterium, ...]:
    einheiten = rw.einheiten()
    parameter = e.kontext.parameter
    fakten = sv.fakten
    aus_katalog = sv.aus_katalog

    def texte(vorlage: str, regel: KompilierteRegel) -> KriteriumTexte:
        hinweis = regel.risikohinweis
        return KriteriumTexte(
            fuelle(vorlage, fakten, parameter, einheiten),
            {f: _json_wert(fakten[f]) for f in regel.fakten},
            tuple(f for f in regel.fakten if f in aus_katalog),
            fuelle(hinweis, fakten, parameter, einheiten) if hinweis else None,
        )

    status_von = e.kontext.regelstatus
    anwendbar = e.anwendbar
    ergebnis = []
    for kennung in _berichtete_regeln(rw, e):
        regel = e.regeln[kennung]
        status: Status
        if anwendbar.get(kennung) is False:
            status = "nicht_anwendbar"
            vorlage = regel.begruendung.nicht_anwendbar or regel.begruendung.nicht_erfuellt
        else:
            status = _STATUS[status_von(kennung)]
            vorlage = getattr(regel.begruendung, status)
        ergebnis.append(
            Kriterium.spaet(
                kennung, regel.norm, regel.titel, status, regel.quellen, regel.folge, partial(texte, vorlage, regel)
            )
        )
    return tuple(ergebnis)


def feldpfad(rw: Regelwerk, fakt: str, fallakte: Fallakte, index: int) -> str:
    """The case-file path where the answer to ``fakt`` goes: a field of service ``index``, or
    (``erbringer.…`` in fakten.yaml) a field of the service's provider among ``beteiligte``."""
    feld = rw.fragen[fakt].feld
    if feld.startswith("erbringer."):
        kennung = fallakte.leistungen[index].erbringer
        j = next(i for i, b in enumerate(fallakte.beteiligte) if b.id == kennung)
        return f"beteiligte[{j}].{feld.removeprefix('erbringer.')}"
    return f"leistungen[{index}].{feld}"


def _offene_fragen(rw: Regelwerk, e: Entscheidung, fallakte: Fallakte, index: int) -> tuple[OffeneFrage, ...]:
    return tuple(
        OffeneFrage(fakt=fakt, frage=rw.fragen[fakt].frage, feld=feldpfad(rw, fakt, fallakte, index), regeln=regeln)
        for fakt, regeln in e.offene_fakten.items()
        if fakt in rw.fragen
    )


def _hinweise(rw: Regelwerk, e: Entscheidung, sv: Sachverhalt, fallakte: Fallakte, index: int) -> tuple[str, ...]:
    hinweise = []
    feld = rw.katalog[sv.fakten["aufgabenfeld"]]
    if feld.hinweis:
        hinweise.append(f"Aufgabenfeld „{feld.bezeichnung}“: {feld.hinweis}")
    umsatz, untergrenze = sv.fakten["umsatz_gleichartige_taetigkeiten"], sv.fakten["umsatz_gleichartige_untergrenze"]
    if umsatz is not None and untergrenze is not None and untergrenze > umsatz:
        hinweise.append(
            fuelle(
                "Bitte Angaben prüfen: Der angegebene Umsatz aus gleichartigen Tätigkeiten "
                "({umsatz_gleichartige_taetigkeiten}) ist kleiner als das, was diese Fallakte an gleichartigen "
                "Leistungen des Erbringers allein schon zeigt ({umsatz_gleichartige_untergrenze}).",
                sv.fakten,
                {},
            )
        )
    intern = innenempfaenger(fallakte, fallakte.leistungen[index])
    if intern and not sv.fakten["innenumsatz"]:
        hinweise.append(
            "An "
            + ", ".join(f"„{b.name}“" for b in intern)
            + " erbringt der Erbringer innerhalb derselben juristischen Person: Dieser Anteil ist ein nicht "
            "steuerbarer Innenumsatz (§ 1 Abs. 1 Nr. 1 UStG); die Bewertung gilt für die übrigen Empfänger."
        )
    if e.ergebnis in ("steuerpflichtig", "offen"):
        satz = steuersatz_der_leistung(rw, fallakte.leistungen[index], sv.fakten["stichtag"])
        herkunft = " (Vorgabe des Katalogs)" if satz.aus_katalog and satz.art != "regelsatz" else ""
        vorspann = "Steuersatz" if e.ergebnis == "steuerpflichtig" else "Falls steuerpflichtig: Steuersatz"
        hinweise.append(f"{vorspann} {deutsch.wert(satz.prozent, 'Prozent')} nach {satz.norm}{herkunft}.")
    folgen = {p.folge for p in e.pfade}
    if e.ergebnis != "offen" and len(folgen) > 1 and folgen <= KEINE_UST:
        offen = "; ".join(FAKTEN_BEZEICHNUNGEN.get(f, f) for f in e.offene_fakten) or "weitere Angaben"
        hinweise.append(
            "Ob die Leistung statt „"
            + ERGEBNISSE_KLEIN.get(e.ergebnis, e.ergebnis)
            + "“ sogar „"
            + ERGEBNISSE_KLEIN.get(anders := next(iter(folgen - {e.ergebnis})), anders)
            + "“ ist, hängt von ungeklärten Angaben ab ("
            + offen
            + "). "
            "An der Umsatzsteuerfreiheit der Leistung ändert das nichts."
        )
    return tuple(hinweise)


def _empfehlungen(
    rw: Regelwerk,
    fallakte: Fallakte,
    index: int,
    e: Entscheidung,
    alle_kennzahlen: Mapping[str, Kostenkennzahlen],
    kalkuliere: Kalkulierer | None = None,
) -> tuple[Empfehlung, ...]:
    """The levers that, re-assessed, make the service non-taxable or exempt for certain.

    A lever's ``voraussetzungen`` (facts about motives or how others act) are never set by the
    lever: a case where one is false does not get it; where one is unknown, the lever is re-assessed
    as if it held and offered with that question as its stated condition. The VAT burden avoided is
    the calculation's ``mehrbelastung_bei_steuerpflicht``: what the recipients pay more if taxable
    than if not — for an exemption too, since the provider then loses its input-VAT deduction and
    the recipients carry that input VAT as a cost, exactly as when the service is not taxable. A
    lever that changes the service's costs (mark-up and general Wagnis dropped) is re-assessed with
    the figures of the changed calculation (``kalkuliere``), and its avoided burden is the changed
    calculation's: the VAT no longer due on the costs that remain (a proven Einzelwagnis among
    them). Without ``kalkuliere`` that figure stays unknown.
    """
    leistung = fallakte.leistungen[index]
    kennzahlen = alle_kennzahlen.get(leistung.id)
    fakten = e.kontext.fakten
    offen_je_hebel: dict[str, tuple[tuple[str, str], ...]] = {}

    def bewerte(geaendert: Fallakte) -> tuple[Entscheidung, Sachverhalt, Decimal | None]:
        alle, kz = alle_kennzahlen, kennzahlen
        if geaendert.leistungen[index].kosten != leistung.kosten:
            # a case without costs has no figures before or after the lever (a created cost block is
            # only the lever's settlement method, nothing to calculate)
            if kalkuliere is None or leistung.kosten is None:
                kz_danach = None
            else:
                alle = {**alle_kennzahlen, **kalkuliere(geaendert)}
                kz = kz_danach = alle.get(leistung.id)
        else:
            kz_danach = kennzahlen
        sv = sachverhalt_der_leistung(geaendert, index, rw, kz, alle)
        vermieden = kz_danach.mehrbelastung_bei_steuerpflicht if kz_danach else None
        return entscheide(rw, sv), sv, vermieden

    def erfolgreich(ergebnis: tuple[Entscheidung, Sachverhalt, Decimal | None]) -> bool:
        return ergebnis[0].ergebnis in KEINE_UST

    def anwendbar(hebel: Any) -> bool:
        if any(fakten[fakt] is False for fakt, _ in hebel.voraussetzungen):
            return False
        offen_je_hebel[hebel.id] = tuple((f, feld) for f, feld in hebel.voraussetzungen if fakten[f] is None)
        return hebel.nur_wenn is None or hebel.nur_wenn(e.kontext) is True

    def annahmen(hebel: Any) -> dict[str, Any]:
        return {feld: True for _, feld in offen_je_hebel.get(hebel.id, ())}

    treffer = suche_hebel(rw, fallakte, index, e.kontext.parameter, anwendbar, bewerte, erfolgreich, annahmen)
    empfehlungen = []
    for t in treffer:
        danach, sv, vermieden = t.ergebnis
        risiko, _ = bewerte_risiko(rw, danach, sv)
        bedingungen = tuple(
            OffeneFrage(fakt=f, frage=rw.fragen[f].frage, feld=feldpfad(rw, f, fallakte, index), regeln=())
            for h in t.hebel
            for f, _ in offen_je_hebel.get(h.id, ())
        )
        massnahme = " Zusätzlich: ".join(h.massnahme for h in t.hebel)
        if bedingungen:
            massnahme += " Voraussetzung (zu klären und wahrheitsgemäß festzuhalten, nicht zu wählen): " + " ".join(
                q.frage for q in bedingungen
            )
        empfehlungen.append(
            Empfehlung(
                hebel="+".join(h.id for h in t.hebel),
                massnahme=massnahme,
                aenderung={k: _json_wert(v) for k, v in t.aenderung.items()},
                ergebnis_danach=danach.ergebnis,
                risiko_danach=risiko,  # type: ignore[arg-type]
                entscheidende_regel_danach=danach.entscheidende_regel,
                mehrbelastung_vermieden_eur=vermieden,
                voraussetzungen=bedingungen,
            )
        )
    return tuple(empfehlungen)
