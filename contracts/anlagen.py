"""The annexes of the draft: Leistungsbeschreibung, Kostenkalkulation und Verteilung, Steuerliche
Würdigung, and (mandating) the outline of the data-processing agreement.

Every figure is taken from the calculation's JSON view and every criterion from the assessment;
the totals rows show the calculation's own totals, never a recomputation. VAT appears only for a
service that is taxable — or, clearly labelled as a comparison, one whose assessment is still
open; for a non-taxable or exempt service no VAT is shown (§ 14c UStG).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.bewertung import Bewertung, Leistungsbewertung
from advisor.fallakte import Fallakte
from contracts.entwurf import Anlage, Block, Tabelle, Text, Zwischentitel
from contracts.formatting import (
    format_citation,
    format_date,
    format_money,
    format_number,
    format_percent,
    parse_money,
)
from contracts.klauselbibliothek import Klauselbibliothek
from contracts.merkmale import Leistungsdaten, aufzaehlung

Pruefe = Callable[..., str]
_MIT_UST = ("steuerpflichtig", "offen")


def _gilt(wenn: dict[str, list[Any]], merkmale: Mapping[str, Any]) -> bool:
    return all(merkmale[m] in werte for m, werte in wenn.items())


def _leistungsbeschreibung(
    bib: Klauselbibliothek, fallakte: Fallakte, daten: list[Leistungsdaten], pruefe: Pruefe
) -> list[Block]:
    namen = {b.id: b.name for b in fallakte.beteiligte}
    bloecke: list[Block] = []
    for d in daten:
        leistung = d.leistung
        bloecke.append(Zwischentitel(f"{d.index + 1}. {leistung.bezeichnung}"))
        angaben = [
            f"Erbringer: {namen[leistung.erbringer]}",
            f"Leistungsempfänger: {aufzaehlung([namen[e] for e in leistung.empfaenger])}",
            f"Aufgabenfeld: {leistung.aufgabenfeld}",
        ]
        if leistung.laufzeit is not None:
            lz = leistung.laufzeit
            ende = f"bis {format_date(date.fromordinal(lz.ende.toordinal() - 1))}" if lz.ende else "unbefristet"
            angaben.append(f"Laufzeit: ab {format_date(lz.beginn)}, {ende}")
        bloecke.append(Text("Eckdaten:", tuple(angaben)))
        beschreibung = leistung.beschreibung.strip() if leistung.beschreibung else bib.platzhalter["beschreibung"]
        bloecke.append(
            Text(
                pruefe(
                    beschreibung, "Anlage 1", {bib.platzhalter["beschreibung"]: f"leistungen[{d.index}].beschreibung"}
                )
            )
        )
    return bloecke


def _positionen(kalk: Mapping[str, Any], bib: Klauselbibliothek) -> Tabelle:
    arten = bib.bezeichnungen["kostenarten"]
    zeilen = tuple(
        (
            arten.get(p.get("art"), str(p.get("art"))),
            str(p.get("bezeichnung", "")),
            str(p.get("herkunft", "")),
            format_money(p["betrag"]),
            format_money(p.get("vorsteuer") or "0.00"),
        )
        for p in kalk.get("positionen", [])
    )
    return Tabelle(
        titel="Kostenpositionen (netto, je Jahr)",
        spalten=("Kostenart", "Bezeichnung", "Herkunft", "Betrag", "gezahlte Vorsteuer"),
        zeilen=zeilen,
        summe=("Summe", "", "", format_money(kalk["kosten_netto"]), format_money(kalk["vorsteuer"])),
        rechts=(False, False, False, True, True),
        breiten=(0.17, 0.25, 0.28, 0.15, 0.15),
    )


def _name(anteil: Mapping[str, Any], namen: Mapping[str, str]) -> str:
    name = namen.get(anteil["beteiligter"], anteil["beteiligter"])
    return f"{name} (Eigenanteil)" if anteil.get("rolle") == "erbringer" else name


def _verteilung(kalk: Mapping[str, Any], namen: Mapping[str, str], ergebnis: str) -> Tabelle:
    anteile = kalk.get("anteile", [])
    if ergebnis in _MIT_UST:
        zeilen = tuple(
            (
                _name(a, namen),
                format_percent(a["quote_prozent"]),
                format_money(a["nicht_steuerbar"]),
                format_money(a["steuerpflichtig"]["netto"]),
                format_money(a["steuerpflichtig"]["umsatzsteuer"]),
                format_money(a["steuerpflichtig"]["brutto"]),
                format_money(a["mehrbelastung_bei_steuerpflicht"]),
            )
            for a in anteile
        )
        stpfl = kalk["erstattung_steuerpflichtig"]
        mehr = sum((parse_money(a["mehrbelastung_bei_steuerpflicht"]) for a in anteile), Decimal("0.00"))
        return Tabelle(
            titel="Verteilung der Kosten je Beteiligtem (Jahresanteile)",
            spalten=(
                "Beteiligter",
                "Quote",
                "ohne USt\n(nicht steuerbar)",
                "netto bei\nSteuerpflicht",
                "USt",
                "brutto",
                "Mehr-\nbelastung",
            ),
            zeilen=zeilen,
            summe=(
                "Summe",
                "",
                format_money(kalk["erstattung_nicht_steuerbar"]),
                format_money(stpfl["netto"]),
                format_money(stpfl["umsatzsteuer"]),
                format_money(stpfl["brutto"]),
                format_money(mehr),
            ),
            rechts=(False, True, True, True, True, True, True),
            breiten=(0.21, 0.09, 0.15, 0.15, 0.13, 0.14, 0.13),
        )
    zeilen = tuple(
        (
            _name(a, namen),
            format_number(Decimal(str(a["gewicht"]))),
            format_percent(a["quote_prozent"]),
            format_money(a["nicht_steuerbar"]),
        )
        for a in anteile
    )
    return Tabelle(
        titel="Verteilung der Kosten je Beteiligtem (Jahresanteile, ohne Umsatzsteuer)",
        spalten=("Beteiligter", "Gewicht", "Quote", "Anteil"),
        zeilen=zeilen,
        summe=("Summe", "", "", format_money(kalk["erstattung_nicht_steuerbar"])),
        rechts=(False, True, True, True),
        breiten=(0.43, 0.17, 0.17, 0.23),
    )


def abschlagsbetrag(abschlag: Mapping[str, Any], ergebnis: str) -> Decimal:
    """The amount due per advance: gross for a taxable service, otherwise the non-taxable amount."""
    if ergebnis == "steuerpflichtig" and isinstance(abschlag.get("steuerpflichtig"), Mapping):
        return parse_money(abschlag["steuerpflichtig"]["brutto"])
    return parse_money(abschlag["betrag"])


def _abschlaege(kalk: Mapping[str, Any], namen: Mapping[str, str], ergebnis: str) -> Tabelle | None:
    je_zahler: dict[str, list[Mapping[str, Any]]] = {}
    for a in kalk.get("abschlaege", []) or []:
        je_zahler.setdefault(a["beteiligter"], []).append(a)
    if not je_zahler:
        return None
    zeilen = []
    gesamt = Decimal("0.00")
    for kennung, liste in je_zahler.items():
        betraege: dict[Decimal, int] = {}
        for a in liste:
            betrag = abschlagsbetrag(a, ergebnis)
            betraege[betrag] = betraege.get(betrag, 0) + 1
        summe = sum((abschlagsbetrag(a, ergebnis) for a in liste), Decimal("0.00"))
        gesamt += summe
        termine = ", ".join(format_date(date.fromisoformat(str(a["faellig"])))[:6] for a in liste)
        zeilen.append(
            (
                namen.get(kennung, kennung),
                termine,
                " + ".join(f"{n} × {format_money(b)}" for b, n in betraege.items()),
                format_money(summe),
            )
        )
    art = "brutto, einschließlich Umsatzsteuer" if ergebnis == "steuerpflichtig" else "ohne Umsatzsteuer"
    return Tabelle(
        titel=f"Abschläge ({art}): Fälligkeit, Betrag je Termin, Jahressumme",
        spalten=("Beteiligter", "fällig am", "Betrag je Termin", "Summe"),
        zeilen=tuple(zeilen),
        summe=("Summe", "", "", format_money(gesamt)),
        rechts=(False, False, True, True),
        breiten=(0.28, 0.30, 0.24, 0.18),
    )


def _wirtschaftlichkeit(kalk: Mapping[str, Any], namen: Mapping[str, str], ergebnis: str) -> Tabelle | None:
    zeilen = []
    mit_ust = ergebnis in _MIT_UST
    for a in kalk.get("anteile", []):
        if a.get("eigenerstellung") in (None, ""):
            continue
        zeile = [
            namen.get(a["beteiligter"], a["beteiligter"]),
            format_money(a["eigenerstellung"]),
            format_money(a["ersparnis_nicht_steuerbar"]),
        ]
        if mit_ust:
            zeile.append(format_money(a["ersparnis_steuerpflichtig"]))
        zeilen.append(tuple(zeile))
    if not zeilen:
        return None
    spalten = ["Beteiligter", "Eigenerstellung je Jahr", "Ersparnis ohne USt"]
    if mit_ust:
        spalten.append("Ersparnis bei Steuerpflicht")
    return Tabelle(
        titel="Wirtschaftlichkeitsvergleich (Ersparnis gegenüber Eigenerstellung, einschließlich Remanenzkosten)",
        spalten=tuple(spalten),
        zeilen=tuple(zeilen),
        rechts=(False,) + (True,) * (len(spalten) - 1),
    )


def _kalkulation(
    bib: Klauselbibliothek, fallakte: Fallakte, daten: list[Leistungsdaten], pruefe: Pruefe
) -> list[Block]:
    namen = {b.id: b.name for b in fallakte.beteiligte}
    bloecke: list[Block] = []
    for d in daten:
        bloecke.append(Zwischentitel(f"{d.index + 1}. {d.leistung.bezeichnung}"))
        kalk = d.kalkulation
        if kalk is None:
            bloecke.append(
                Text(
                    pruefe(
                        bib.platzhalter["kosten"],
                        "Anlage 2",
                        {bib.platzhalter["kosten"]: f"leistungen[{d.index}].kosten"},
                    )
                )
            )
            continue
        jahr = kalk.get("kalkulationsjahr")
        bloecke.append(
            Text(f"Kalkulationsjahr {jahr}." if jahr else pruefe(bib.platzhalter["kalkulationsjahr"], "Anlage 2"))
        )
        bloecke.append(_positionen(kalk, bib))
        hinweise = [f"{p['bezeichnung']}: {p['hinweis']}" for p in kalk.get("positionen", []) if p.get("hinweis")]
        hinweise += [h for h in [*kalk.get("hinweise", []), *kalk.get("quellenhinweise", [])] if isinstance(h, str)]
        if hinweise:
            bloecke.append(Text("Hinweise zur Kalkulation:", tuple(format_citation(h) for h in hinweise)))
        ergebnis = d.bewertung.ergebnis
        if ergebnis == "steuerpflichtig":
            hinweis = (
                "Die Leistung ist steuerpflichtig (Anlage 3): Die Leistungsempfänger erstatten ihren Nettoanteil "
                "zuzüglich Umsatzsteuer; der Erbringer zieht die Vorsteuer ab. Die Spalte „ohne USt“ zeigt zum "
                "Vergleich die Anteile bei fehlender Steuerbarkeit."
            )
        elif ergebnis == "offen":
            hinweis = (
                "Die umsatzsteuerliche Beurteilung ist offen (Anlage 3). Die Spalten zur Steuerpflicht sind eine "
                "Vergleichsrechnung für den Fall der Steuerpflicht, kein Steuerausweis."
            )
        else:
            hinweis = (
                f"Die Leistung ist {bib.bezeichnungen['ergebnis'][ergebnis]} (Anlage 3). Die gezahlte Vorsteuer "
                "ist Teil der erstattungsfähigen Kosten; Umsatzsteuer wird nicht ausgewiesen (§ 14c UStG)."
            )
        bloecke.append(Text(format_citation(hinweis)))
        bloecke.append(_verteilung(kalk, namen, ergebnis))
        for tabelle in (_abschlaege(kalk, namen, ergebnis), _wirtschaftlichkeit(kalk, namen, ergebnis)):
            if tabelle is not None:
                bloecke.append(tabelle)
    return bloecke


def _kriterien(lb: Leistungsbewertung, bib: Klauselbibliothek) -> Tabelle:
    status = bib.bezeichnungen["status"]
    return Tabelle(
        titel="Geprüfte Kriterien",
        spalten=("Norm", "Prüfpunkt", "Status", "Begründung", "Quellen"),
        zeilen=tuple(
            (
                format_citation(k.norm),
                k.titel,
                status.get(k.status, k.status),
                format_citation(k.begruendung + (f" Risiko: {k.risikohinweis}" if k.risikohinweis else "")),
                format_citation("; ".join(k.quellen)),
            )
            for k in lb.kriterien
        ),
        breiten=(0.14, 0.20, 0.10, 0.36, 0.20),
    )


def _wuerdigung(bib: Klauselbibliothek, bewertung: Bewertung, daten: list[Leistungsdaten], stand: date) -> list[Block]:
    rw = bewertung.regelwerk
    ergebnisse = bib.bezeichnungen["ergebnis"]
    bloecke: list[Block] = [
        Text(
            "Grundlage der Würdigung:",
            (
                f"Regelwerk Version {rw.version}",
                f"Inhalts-Prüfsumme (SHA-256) {rw.sha256}",
                f"Stichtag der Würdigung {format_date(date.fromisoformat(rw.stichtag))}",
                f"Stand des Entwurfs {format_date(stand)}",
            ),
        )
    ]
    for d in daten:
        lb = d.bewertung
        bloecke.append(Zwischentitel(f"{d.index + 1}. {d.leistung.bezeichnung}"))
        ergebnis = f"Ergebnis: {ergebnisse.get(lb.ergebnis, lb.ergebnis)}; Risiko: {lb.risiko}."
        if lb.entscheidende_regel:
            ergebnis += f" Entscheidend: {d.werte['entscheidende_norm']} – {d.werte['entscheidende_regel']}."
        bloecke.append(Text(format_citation(ergebnis), tuple(format_citation(g) for g in lb.risikogruende)))
        bloecke.append(_kriterien(lb, bib))
        if lb.offene_fragen:
            bloecke.append(Text("Offene Fragen:", tuple(f"{f.frage} (Feld: {f.feld})" for f in lb.offene_fragen)))
        if lb.empfehlungen:
            bloecke.append(
                Text(
                    "Empfehlungen:",
                    tuple(
                        format_citation(
                            f"{e.massnahme} – danach: {ergebnisse.get(e.ergebnis_danach, e.ergebnis_danach)}"
                            + (
                                f", vermeidet {format_money(e.mehrbelastung_vermieden_eur)} Mehrbelastung je Jahr"
                                if e.mehrbelastung_vermieden_eur is not None
                                else ""
                            )
                            + "."
                        )
                        for e in lb.empfehlungen
                    ),
                )
            )
        if lb.katalogvorgaben:
            bloecke.append(
                Text(
                    "Aus dem Aufgabenfeld-Katalog übernommene Annahmen:",
                    tuple(f"{k}: {_wert(v)}" for k, v in sorted(lb.katalogvorgaben.items())),
                )
            )
        if lb.hinweise:
            bloecke.append(Text("Hinweise:", tuple(format_citation(h) for h in lb.hinweise)))
    return bloecke


def _wert(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return str(value)


def build_annexes(
    bib: Klauselbibliothek,
    fallakte: Fallakte,
    bewertung: Bewertung,
    daten: list[Leistungsdaten],
    fall: Mapping[str, Any],
    stand: date,
    pruefe: Pruefe,
) -> list[Anlage]:
    """Annexes 1–3 always; annex 4 (data-processing agreement) where the library's condition holds."""
    anlagen = [
        Anlage(
            1,
            "leistungsbeschreibung",
            bib.anlagen["leistungsbeschreibung"].titel,
            tuple(_leistungsbeschreibung(bib, fallakte, daten, pruefe)),
        ),
        Anlage(2, "kalkulation", bib.anlagen["kalkulation"].titel, tuple(_kalkulation(bib, fallakte, daten, pruefe))),
        Anlage(3, "wuerdigung", bib.anlagen["wuerdigung"].titel, tuple(_wuerdigung(bib, bewertung, daten, stand))),
    ]
    av = bib.anlagen["auftragsverarbeitung"]
    if _gilt(av.wenn, fall):
        punkte = tuple(pruefe(format_citation(p), "Anlage 4") for p in av.punkte)
        anlagen.append(
            Anlage(
                4,
                "auftragsverarbeitung",
                av.titel,
                (Text("Der Vertrag über die Auftragsverarbeitung regelt mindestens:", punkte),),
            )
        )
    return anlagen
