"""Steuerlicher Prüfvermerk (internal): the tax assessment of the case as the Kämmerei, the
Rechtsamt and tax compliance review and sign it.

Contents: the result per service; every criterion with norm, status, reasoning, risk note and
sources; the risks; the open questions; the recommendations; the catalogue defaults the
assessment used instead of facts of the case; the VAT effect per partner; cooperation versus doing
the task alone; what the reviewers must check in the agreement; the rule set's version and
content hash; and the block for the tax officer's sign-off (USt-Freigabe).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from advisor.bezeichnungen import ARTEN, STATUS
from advisor.errors import UngueltigeEingabe
from contracts.entwurf import Block, Schriftstueck, Tabelle, Teil, Text, Zwischentitel
from contracts.feldnamen import feld_bezeichnung
from contracts.formatting import format_citation, format_date, format_money
from contracts.platzhalter import Sammler
from contracts.pruefhinweise import kalkulationshinweise

from .gemeinsam import (
    ERGEBNISSE,
    Fall,
    Leistungsfall,
    anteile_tabelle,
    anzuwendendes_recht,
    fall_aus,
    ja_nein,
    kopfdaten,
    kurzes_ergebnis,
)

ART = "Steuerlicher Prüfvermerk"


def _ergebnisse(fall: Fall) -> list[Block]:
    zeilen = tuple(
        (lf.leistung.bezeichnung, ERGEBNISSE[lf.bewertung.ergebnis], lf.bewertung.risiko, _entscheidend(lf))
        for lf in fall.leistungen
    )
    return [
        Tabelle(
            titel="Ergebnis je Leistung",
            spalten=("Leistung", "Ergebnis", "Risiko", "Entscheidende Regel"),
            zeilen=zeilen,
            breiten=(0.30, 0.18, 0.10, 0.42),
        )
    ]


def _entscheidend(lf: Leistungsfall) -> str:
    k = lf.entscheidend
    return format_citation(f"{k.norm} – {k.titel}") if k else "keine (Ergebnis offen)"


def _fragen(fall: Fall) -> dict[str, str]:
    return {name: frage.frage for name, frage in fall.regelwerk.fragen.items()}


def _wuerdigung(fall: Fall, lf: Leistungsfall, sammler: Sammler) -> list[Block]:
    lb = lf.bewertung
    bloecke: list[Block] = [Zwischentitel(f"{lf.index + 1}. {lf.leistung.bezeichnung}")]
    bloecke.append(Text(f"Ergebnis: {kurzes_ergebnis(lf)}.", tuple(format_citation(g) for g in lb.risikogruende)))
    bloecke.append(Text("Geprüfte Kriterien (Norm – Prüfpunkt: Status):"))
    for k in lb.kriterien:
        angaben = [format_citation(k.begruendung)]
        if k.risikohinweis:
            angaben.append(format_citation(f"Risiko: {k.risikohinweis}"))
        if k.quellen:
            angaben.append(format_citation("Quellen: " + "; ".join(k.quellen)))
        kopf = format_citation(f"{k.norm} – {k.titel}: {STATUS.get(k.status, k.status)}")
        bloecke.append(Text(kopf, tuple(angaben)))
    if lb.offene_fragen:
        bloecke.append(
            Text(
                "Offene Fragen (die Antwort kann das Ergebnis ändern):",
                tuple(f"{q.frage} (Angabe: {feld_bezeichnung(q.feld, fall.fallakte)})" for q in lb.offene_fragen),
            )
        )
    if lb.empfehlungen:
        bloecke.append(
            Text(
                "Empfehlungen (neu bewertet, nicht geschätzt):",
                tuple(_empfehlung(e) for e in lb.empfehlungen),
            )
        )
    if lb.katalogvorgaben:
        feld = fall.regelwerk.katalog.get(lf.leistung.aufgabenfeld)
        name = feld.bezeichnung if feld is not None else lf.leistung.aufgabenfeld
        fragen = _fragen(fall)
        bloecke.append(
            Text(
                f"Aus dem Aufgabenfeld-Katalog „{name}“ übernommene Annahmen (keine Angaben des Falls; vom Fachamt "
                "zu bestätigen):",
                tuple(
                    f"{fragen.get(k, k)} – angenommen: {ja_nein(v, k)}" for k, v in sorted(lb.katalogvorgaben.items())
                ),
            )
        )
    if lb.hinweise:
        bloecke.append(Text("Hinweise:", tuple(format_citation(h) for h in lb.hinweise)))
    return bloecke


def _empfehlung(e: Any) -> str:
    text = f"{e.massnahme} – danach: {ERGEBNISSE.get(e.ergebnis_danach, e.ergebnis_danach)}, Risiko {e.risiko_danach}"
    if e.mehrbelastung_vermieden_eur is not None:
        text += f"; vermeidet {format_money(e.mehrbelastung_vermieden_eur)} Mehrbelastung je Jahr"
    return format_citation(text + ".")


def _umsatzsteuerwirkung(fall: Fall, sammler: Sammler) -> list[Block]:
    bloecke: list[Block] = [
        Text(
            "Was jeder Beteiligte je Jahr trägt, wenn die Leistung nicht steuerbar ist, und was er bei Steuerpflicht "
            "trüge (netto nach Abzug der dann abziehbaren Vorsteuer, zuzüglich Umsatzsteuer); Mehrbelastung = brutto "
            "bei Steuerpflicht minus Anteil ohne Umsatzsteuer."
        )
    ]
    for lf in fall.leistungen:
        titel = f"{lf.index + 1}. {lf.leistung.bezeichnung}"
        tabelle = anteile_tabelle(lf, fall.namen, mit_steuer=True, titel=titel)
        if tabelle is None:
            bloecke.append(
                Text(sammler.pruefe(f"{titel}: [Kostenkalkulation ergänzen]", "Umsatzsteuerliche Auswirkung"))
            )
        else:
            bloecke.append(tabelle)
    return bloecke


def _eigenerstellung(fall: Fall, sammler: Sammler) -> list[Block]:
    bloecke: list[Block] = []
    for lf in fall.leistungen:
        kalk = lf.kalkulation or {}
        zeilen = tuple(
            (
                fall.namen.get(a["beteiligter"], a["beteiligter"]),
                format_money(a["eigenerstellung"]),
                format_money(a["remanenzkosten"]) if a.get("remanenzkosten") is not None else "—",
                format_money(a["ersparnis_nicht_steuerbar"]),
                format_money(a["ersparnis_steuerpflichtig"]),
            )
            for a in kalk.get("anteile", [])
            if a.get("eigenerstellung") not in (None, "")
        )
        titel = f"{lf.index + 1}. {lf.leistung.bezeichnung}"
        if not zeilen:
            platzhalter = "[Kosten der Eigenerstellung je Beteiligtem ergänzen]"
            text = sammler.pruefe(
                f"{titel}: {platzhalter}",
                "Eigenerstellung",
                {platzhalter: f"leistungen[{lf.index}].kosten.eigenerstellung"},
            )
            bloecke.append(Text(text))
            continue
        bloecke.append(
            Tabelle(
                titel=titel,
                spalten=(
                    "Beteiligter",
                    "Eigenerstellung je Jahr",
                    "Remanenzkosten",
                    "Ersparnis ohne USt",
                    "Ersparnis bei Steuerpflicht",
                ),
                zeilen=zeilen,
                rechts=(False, True, True, True, True),
                breiten=(0.28, 0.18, 0.16, 0.19, 0.19),
            )
        )
    return bloecke


def _zum_entwurf(fall: Fall) -> list[Block]:
    """What the reviewers must check in the agreement, or why there can be none."""
    from contracts.assembly import assemble

    try:
        entwurf = assemble(fall.beratung, final=fall.final, stand=fall.stand)
    except UngueltigeEingabe as e:
        ohne: list[Block] = [
            Text("Ein Vereinbarungsentwurf kann nicht erstellt werden:", tuple(p.meldung for p in e.probleme))
        ]
        # without an agreement the calculation's warnings and notes still need a reviewer
        kalkulation = tuple(
            format_citation(h)
            for lf in fall.leistungen
            for h in kalkulationshinweise(lf.leistung.bezeichnung, lf.kalkulation)
        )
        if kalkulation:
            ohne.append(Text("Hinweise und Warnungen der Kostenkalkulation – zu prüfen:", kalkulation))
        return ohne
    bloecke: list[Block] = [Text("Vor Unterzeichnung zu prüfen:", entwurf.pruefhinweise)]
    zugelassen_sekundaer = [
        b for b in fall.fallakte.beteiligte if fall.bib is not None and b.art in fall.bib.beteiligte.sekundaer_belegt
    ]
    if zugelassen_sekundaer:
        bloecke.append(
            Text(
                "Beteiligte, deren Zulassung zu einer Vereinbarung nur sekundär belegt ist:",
                tuple(f"{b.name} ({ARTEN.get(b.art, b.art)})" for b in zugelassen_sekundaer),
            )
        )
    if entwurf.platzhalter:
        bloecke.append(
            Text(
                f"Der Entwurf enthält {len(entwurf.platzhalter)} zu ergänzende Stellen:",
                tuple(
                    f"{p.fundstelle}: {p.text}" + (f" ({p.angabe})" if p.angabe else "") for p in entwurf.platzhalter
                ),
            )
        )
    return bloecke


def _regelwerk(fall: Fall) -> list[Block]:
    rw = fall.bewertung.regelwerk
    return [
        Text(
            "Die Würdigung ist mit diesem Regelwerk erstellt; mit derselben Fallakte und demselben Regelwerk ergibt "
            "sie sich byte-gleich erneut:",
            (
                f"Version: {rw.version}",
                f"Inhalts-Prüfsumme (SHA-256): {rw.sha256}",
                f"Stichtag: {format_date(date.fromisoformat(rw.stichtag))}",
                f"Anzuwendendes Recht: {anzuwendendes_recht(rw.regime)}",
            ),
        )
    ]


def _freigabe(sammler: Sammler) -> list[Block]:
    zeilen = (
        "Entscheidung: [freigegeben / nicht freigegeben / verbindliche Auskunft abwarten – ergänzen]",
        "Name und Funktion: [Name, Funktion der prüfenden Person ergänzen]",
        "Datum und Unterschrift: [Datum ergänzen], ____________________",
    )
    return [
        Text(
            "Die Freigabe ist die unterschriebene Entscheidung auf der Grundlage dieses Vermerks; ohne sie wird die "
            "Vereinbarung nicht unterzeichnet.",
            tuple(sammler.pruefe(z, "USt-Freigabe") for z in zeilen),
        )
    ]


def erstelle_pruefvermerk(
    beratung: Any, *, final: bool = False, stand: date | None = None, regelwerk: Any = None
) -> Schriftstueck:
    """The Steuerlicher Prüfvermerk of a case (any legal form and Land).

    Returns:
        A ``Schriftstueck`` with the parts listed in the module docstring; the Stand is today unless
        ``stand`` is given.
    """
    fall = fall_aus(beratung, regelwerk=regelwerk, stand=stand, final=final)
    sammler = fall.sammler()
    teile = [
        Teil("1. Ergebnis", tuple(_ergebnisse(fall))),
        Teil(
            "2. Würdigung je Leistung",
            tuple(b for lf in fall.leistungen for b in _wuerdigung(fall, lf, sammler)),
        ),
        Teil("3. Umsatzsteuerliche Auswirkung je Beteiligtem", tuple(_umsatzsteuerwirkung(fall, sammler))),
        Teil("4. Zusammenarbeit oder Eigenerstellung", tuple(_eigenerstellung(fall, sammler))),
        Teil("5. Prüfung des Vereinbarungsentwurfs", tuple(_zum_entwurf(fall))),
        Teil("6. Regelwerk", tuple(_regelwerk(fall))),
        Teil("7. USt-Freigabe", tuple(_freigabe(sammler))),
    ]
    return Schriftstueck(
        art=ART,
        kurzname="Prüfvermerk",
        titel=ART,
        untertitel=f"zu „{fall.fallakte.bezeichnung}“",
        kopfdaten=kopfdaten(fall),
        teile=tuple(teile),
        platzhalter=sammler.liste(),
        stand=fall.stand,
        final=final,
        bezeichnung=fall.fallakte.bezeichnung,
        autor="IKZ-Berater",
        schlagworte=(ART, fall.bewertung.titel or "§ 2b UStG", fall.fallakte.bezeichnung),
        hinweis="Interner Vermerk – nicht Bestandteil der Vereinbarung und nicht zur Veröffentlichung bestimmt",
    )
