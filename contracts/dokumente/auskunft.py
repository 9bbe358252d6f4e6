"""Antrag auf verbindliche Auskunft (§ 89 Abs. 2 AO) in the order of § 1 Abs. 1 StAuskV.

1. the applicant (the provider whose supplies are in question), 2. the facts — complete and
without assumptions: what the case file states is stated, what it leaves open or takes from the
catalogue becomes a visible placeholder for the applicant to fill, 3. the special tax interest,
4. the legal problem and the applicant's own reasoned view with sources (from the criteria of the
assessment that are open or carry a risk), 5. the precise legal questions, 6. and 7. the
declarations the ordinance requires; then the Gegenstandswert (§ 89 Abs. 4 AO) and the annexes.
One applicant per application: where several providers need a ruling, the paper says so.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from advisor.bewertung import Kriterium
from advisor.bezeichnungen import ABSCHLAEGE, ARTEN, ENTGELTE, SCHLUESSEL, VERFAHREN
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Beteiligter
from contracts.entwurf import Block, Schriftstueck, Tabelle, Teil, Text, Zwischentitel
from contracts.formatting import format_citation, format_date, format_money
from contracts.grammatik import Nominalphrase, parteien_im
from contracts.kostenbasis import kostenbasis
from contracts.merkmale import befreiungsnorm
from contracts.platzhalter import Sammler

from .gemeinsam import ERGEBNISSE, Fall, Leistungsfall, anzuwendendes_recht, fall_aus, ja_nein, rechtsform_text

ART = "Antrag auf verbindliche Auskunft"


def _antragsteller(fall: Fall, kennung: str | None) -> Beteiligter:
    erbringer = [lf.leistung.erbringer for lf in fall.leistungen]
    if kennung is None:
        noetig = [lf.leistung.erbringer for lf in fall.leistungen if lf.braucht_auskunft]
        kennung = (noetig or erbringer)[0]
    if kennung not in erbringer:
        raise UngueltigeEingabe(
            [
                Feldproblem(
                    "antragsteller",
                    f"„{kennung}“ erbringt keine Leistung dieser Fallakte und kann nicht Antragsteller sein.",
                )
            ],
            "Der Antrag kann nicht erstellt werden.",
        )
    return next(b for b in fall.fallakte.beteiligte if b.id == kennung)


def _leistungen(fall: Fall, antragsteller: Beteiligter) -> list[Leistungsfall]:
    eigene = [lf for lf in fall.leistungen if lf.leistung.erbringer == antragsteller.id]
    return [lf for lf in eigene if lf.braucht_auskunft] or eigene


def _fakt(lf: Leistungsfall, feld: str) -> Any:
    wert: Any = lf.leistung
    for teil in feld.split("."):
        wert = getattr(wert, teil, None)
        if wert is None:
            return None
    return wert


def _einzelangabe(feld: str) -> bool:
    """A fact answered by one value of the service (not the term or the cost model)."""
    from advisor.fallakte import Kostenteilungsgemeinschaft, Leistung

    teile = feld.split(".")
    if len(teile) == 1:
        return teile[0] in Leistung.model_fields and teile[0] not in ("laufzeit", "kosten")
    return (
        len(teile) == 2
        and teile[0] == "kostenteilungsgemeinschaft"
        and teile[1] in Kostenteilungsgemeinschaft.model_fields
    )


def _merkmale(fall: Fall, lf: Leistungsfall, sammler: Sammler) -> Tabelle:
    """The § 2b facts the criteria read: the case's answer, or a placeholder for the applicant."""
    gelesen = {name for k in lf.bewertung.kriterien for name in k.fakten}
    streitig = {name for k in streitige_kriterien(lf) for name in k.fakten} | set(lf.bewertung.katalogvorgaben)
    zeilen = []
    for name, frage in fall.regelwerk.fragen.items():
        # compound facts (term, costs) are stated in the narrative above
        if name not in gelesen or not _einzelangabe(frage.feld):
            continue
        wert = _fakt(lf, frage.feld)
        if wert is not None:
            zeilen.append((frage.frage, ja_nein(wert, name)))
            continue
        if name not in streitig:
            continue
        pfad = f"leistungen[{lf.index}].{frage.feld}"
        text = "[Angabe des Antragstellers ergänzen]"
        if name in lf.bewertung.katalogvorgaben:
            text = f"[Angabe des Antragstellers ergänzen; die Würdigung hat angenommen: {ja_nein(lf.bewertung.katalogvorgaben[name], name)}]"
        zeilen.append((frage.frage, sammler.pruefe(text, "2. Sachverhalt", {text: pfad})))
    return Tabelle(
        titel=f"Angaben zu den Merkmalen nach {anzuwendendes_recht(lf.bewertung.regime)} – „{lf.leistung.bezeichnung}“",
        spalten=("Merkmal", "Angabe"),
        zeilen=tuple(zeilen),
        breiten=(0.70, 0.30),
    )


def _sachverhalt(fall: Fall, leistungen: list[Leistungsfall], sammler: Sammler) -> list[Block]:
    fa = fall.fallakte
    bloecke: list[Block] = [
        Text(
            "Beteiligte der geplanten Zusammenarbeit:",
            tuple(f"{b.name} ({ARTEN.get(b.art, b.art)})" for b in fa.beteiligte),
        ),
        Text(
            f"Die Beteiligten beabsichtigen, ihre Zusammenarbeit „{fa.bezeichnung}“ durch {rechtsform_text(fall)} zu "
            f"regeln. Der vollständige Entwurf (Stand {format_date(fall.stand)}) ist als Anlage beigefügt. Der Sachverhalt "
            "ist zum Zeitpunkt dieses Antrags noch nicht verwirklicht."
        ),
    ]
    if fa.ziele:
        bloecke.append(Text(f"Ziele der Zusammenarbeit: {fa.ziele.strip()}"))
    for lf in leistungen:
        leistung = lf.leistung
        bloecke.append(Zwischentitel(f"Leistung „{leistung.bezeichnung}“"))
        beschreibung = (
            leistung.beschreibung.strip()
            if leistung.beschreibung
            else sammler.pruefe(
                "[Leistungsbeschreibung ergänzen]",
                "2. Sachverhalt",
                {"[Leistungsbeschreibung ergänzen]": f"leistungen[{lf.index}].beschreibung"},
            )
        )
        angaben = [
            f"Erbracht von: {fall.namen[leistung.erbringer]}",
            f"Empfänger: {', '.join(fall.namen[e] for e in leistung.empfaenger)}",
            f"Inhalt: {beschreibung}",
        ]
        if leistung.entgelt:
            angaben.append(f"Vergütung: {ENTGELTE.get(leistung.entgelt, leistung.entgelt)}")
        lz = leistung.laufzeit
        if lz is not None:
            dauer = "auf unbestimmte Zeit" if lz.letzter_tag is None else f"bis {format_date(lz.letzter_tag)}"
            angaben.append(f"Laufzeit: ab {format_date(max(lz.beginn, fa.stichtag))}, {dauer}")
            if lz.beginn < fa.stichtag:
                angaben.append(
                    f"Die Leistung wird seit dem {format_date(lz.beginn)} auf bisheriger Grundlage erbracht; Gegenstand des "
                    f"Antrags ist die Neuregelung ab dem {format_date(fa.stichtag)}."
                )
        kalk = lf.kalkulation
        if kalk is not None:
            basis = kostenbasis(kalk, lf.bewertung.ergebnis)
            angaben.append(
                f"Kostenerstattung {kalk.get('kalkulationsjahr')}: {format_money(basis.erstattungsfaehig)} "
                f"(Kosten {format_money(basis.kosten_netto)}, nicht abziehbare Vorsteuer "
                f"{format_money(basis.vorsteuer_nicht_abziehbar)}); Gewinn- und Wagniszuschläge: "
                f"{format_money(kalk['kennzahlen']['gewinnaufschlag'])} und {format_money(kalk['kennzahlen']['wagnis'])}"
            )
            kosten = leistung.kosten
            if kosten is not None and kosten.verteilung is not None:
                angaben.append(
                    f"Verteilung: {SCHLUESSEL.get(kosten.verteilung.schluessel, kosten.verteilung.schluessel)}"
                )
            if kosten is not None and kosten.abrechnung is not None:
                rhythmus = ABSCHLAEGE.get(kosten.abrechnung.abschlaege or "", "ohne Abschläge")
                angaben.append(f"Abrechnung: {VERFAHREN.get(kosten.abrechnung.verfahren)}; Abschläge: {rhythmus}")
        bloecke.append(Text("", tuple(format_citation(a) for a in angaben)))
        bloecke.append(_merkmale(fall, lf, sammler))
    return bloecke


def _interesse(fall: Fall, leistungen: list[Leistungsfall]) -> list[Block]:
    saetze = []
    for lf in leistungen:
        kalk = lf.kalkulation
        if kalk is None:
            continue
        stpfl = kalk["erstattung_steuerpflichtig"]
        saetze.append(
            f"Die Leistung „{lf.leistung.bezeichnung}“ hat ein Volumen von {format_money(kalk['erstattung_nicht_steuerbar'])} "
            f"jährlich. Im Fall der Steuerpflicht fiele Umsatzsteuer von voraussichtlich {format_money(stpfl['umsatzsteuer'])} "
            f"jährlich an; die Mehrbelastung der Beteiligten betrüge {format_money(kalk['kennzahlen']['mehrbelastung_bei_steuerpflicht'])} "
            "jährlich."
        )
    saetze.append(
        "Die Beteiligten binden sich auf Dauer; ohne Gewissheit über die umsatzsteuerliche Behandlung können sie weder "
        "die Haushaltsmittel zutreffend veranschlagen noch die Vereinbarung wirksam werden lassen."
    )
    return [Text(" ".join(saetze))]


def streitige_kriterien(lf: Leistungsfall) -> list[Kriterium]:
    """The criteria a ruling must settle. An open result: the criteria that wait for the open
    facts. A decided result: the deciding criterion and every met criterion whose reliance carries
    a risk."""
    lb = lf.bewertung
    if lb.ergebnis == "offen":
        regeln = {r for q in lb.offene_fragen for r in q.regeln}
        kandidaten = [k for k in lb.kriterien if k.regel in regeln or k.status == "offen" and not regeln]
    else:
        kandidaten = [
            k for k in lb.kriterien if k.regel == lb.entscheidende_regel or (k.status == "erfuellt" and k.risikohinweis)
        ]
    gewaehlt: list[Kriterium] = []
    for k in kandidaten:
        if all((g.norm, g.titel) != (k.norm, k.titel) for g in gewaehlt):
            gewaehlt.append(k)
    return gewaehlt


def _rechtsproblem(fall: Fall, leistungen: list[Leistungsfall], sammler: Sammler) -> list[Block]:
    bloecke: list[Block] = []
    for lf in leistungen:
        bloecke.append(Zwischentitel(f"Leistung „{lf.leistung.bezeichnung}“"))
        for k in streitige_kriterien(lf):
            titel = format_citation(f"{k.norm} – {k.titel}")
            if k.status == "offen":
                luecke = f"[Rechtsauffassung des Antragstellers zu „{k.titel}“ ergänzen]"
                absaetze = (f"Rechtsproblem: {k.begruendung}", sammler.pruefe(luecke, "4. Rechtsproblem"))
            else:
                absaetze = (
                    f"Rechtsproblem: {k.risikohinweis}" if k.risikohinweis else f"Rechtsproblem: {k.titel}",
                    f"Auffassung des Antragstellers: {k.begruendung}",
                )
            quellen = f"Quellen: {'; '.join(k.quellen)}" if k.quellen else ""
            bloecke.append(Text(titel, tuple(format_citation(a) for a in (*absaetze, quellen) if a)))
        if lf.bewertung.ergebnis == "offen":
            ergebnis = sammler.pruefe("[Ergebnis der eigenen Würdigung ergänzen]", "4. Rechtsproblem")
        else:
            ergebnis = f"Die Leistung ist danach {ERGEBNISSE[lf.bewertung.ergebnis]}."
        bloecke.append(Text(f"Ergebnis der Würdigung des Antragstellers: {ergebnis}"))
    return bloecke


def _befreiungsnorm(fall: Fall, lf: Leistungsfall) -> str:
    """The norm that exempts the service: the exempting rule's norm, § 4 Nr. 29 UStG by default."""
    return befreiungsnorm(lf.bewertung) or fall.norm("ustg_4_nr29")


def _fragen(fall: Fall, antragsteller: Beteiligter, leistungen: list[Leistungsfall]) -> list[Block]:
    fragen = []
    wer = Nominalphrase.aus_name(antragsteller.name).nom
    for lf in leistungen:
        leistung = f"„{lf.leistung.bezeichnung}“"
        for k in streitige_kriterien(lf):
            fragen.append(
                f"Liegt bei dem dargestellten Sachverhalt für die Leistung {leistung} das Merkmal „{k.titel}“ ({k.norm}) vor?"
            )
        empfaenger = parteien_im([fall.namen[e] for e in lf.leistung.empfaenger], "akk")
        grund = f"Ist die Leistung {leistung}, die {wer} auf der Grundlage der geplanten Regelung für {empfaenger} erbringt,"
        ergebnis = lf.bewertung.ergebnis
        if ergebnis == "steuerfrei":
            fragen.append(f"{grund} nach {_befreiungsnorm(fall, lf)} steuerfrei?")
        elif ergebnis == "steuerpflichtig":
            fragen.append(f"{grund} steuerbar und steuerpflichtig?")
        else:
            alt = lf.bewertung.regime == "altes_recht"
            fragen.append(f"{grund} nach {fall.norm('ustg_2_abs3_af' if alt else 'ustg_2b')} nicht steuerbar?")
    return [Text("", tuple(format_citation(f) for f in fragen), nummeriert=True)]


def _anlagen(fall: Fall, sammler: Sammler) -> tuple[str, ...]:
    if fall.nicht_zugelassen():
        text = "Entwurf des öffentlich-rechtlichen Vertrags [Vertragsentwurf beifügen – ergänzen]"
        return (sammler.pruefe(text, "Anlagen"), "Kostenkalkulation")
    art = "Verbandssatzung" if fall.fallakte.rechtsform == "zweckverband" else "Vereinbarung"
    return (
        f"Entwurf der {art} (Stand {format_date(fall.stand)})",
        f"Kostenkalkulation (Anlage 2 des Entwurfs der {art})",
    )


def erstelle_auskunft(
    beratung: Any,
    *,
    final: bool = False,
    stand: date | None = None,
    regelwerk: Any = None,
    antragsteller: str | None = None,
) -> Schriftstueck:
    """The draft application for a binding ruling of the provider ``antragsteller`` (default: the
    first provider whose service needs one, else the first provider).

    Raises:
        UngueltigeEingabe: ``antragsteller`` provides no service of the case (field ``antragsteller``).
    """
    fall = fall_aus(beratung, regelwerk=regelwerk, stand=stand, final=final)
    antrag = _antragsteller(fall, antragsteller)
    leistungen = _leistungen(fall, antrag)
    sammler = fall.sammler()
    norm = fall.norm("stauskv_antrag")
    hinweise = []
    if not any(lf.braucht_auskunft for lf in fall.leistungen):
        hinweise.append(
            "Nach der steuerlichen Würdigung ist ein Antrag nicht geboten (kein erhöhtes Risiko, keine offenen Fragen); "
            "der Entwurf dient der Vollständigkeit."
        )
    andere = sorted(
        {fall.namen[lf.leistung.erbringer] for lf in fall.leistungen if lf.braucht_auskunft} - {antrag.name}
    )
    if andere:
        hinweise.append(f"Für die Leistungen von {', '.join(andere)} ist ein eigener Antrag zu stellen.")
    anschrift = antrag.anschrift or sammler.pruefe(
        "[Sitz und Anschrift ergänzen]",
        "1. Antragsteller",
        {"[Sitz und Anschrift ergänzen]": f"beteiligte[{fall.fallakte.beteiligte.index(antrag)}].anschrift"},
    )
    teile = [
        Teil(
            "1. Antragsteller",
            (
                Text(
                    "",
                    (
                        f"Name: {antrag.name}",
                        f"Sitz und Anschrift: {anschrift}",
                        sammler.pruefe("Steuernummer: [Steuernummer ergänzen]", "1. Antragsteller"),
                        f"Vertreten durch: {antrag.vertreten_durch or sammler.pruefe('[Vertretung ergänzen]', '1. Antragsteller')}",
                    ),
                ),
            ),
        ),
        Teil("2. Sachverhalt", tuple(_sachverhalt(fall, leistungen, sammler))),
        Teil("3. Besonderes steuerliches Interesse", tuple(_interesse(fall, leistungen))),
        Teil(
            "4. Rechtsproblem und Rechtsauffassung des Antragstellers", tuple(_rechtsproblem(fall, leistungen, sammler))
        ),
        Teil("5. Rechtsfragen", tuple(_fragen(fall, antrag, leistungen))),
        Teil(
            "6. Erklärungen",
            (
                Text(
                    f"Der Antragsteller erklärt ({norm}):",
                    (
                        f"Über den zur Beurteilung gestellten Sachverhalt ist bei keiner anderen der in {fall.norm('ao_auskunft')} "
                        "genannten Finanzbehörden (Finanzämter oder Bundeszentralamt für Steuern) eine verbindliche Auskunft "
                        "beantragt worden.",
                        "Der Antragsteller versichert, dass alle für die Erteilung der Auskunft und für die Beurteilung "
                        "erforderlichen Angaben gemacht wurden und der Wahrheit entsprechen.",
                    ),
                    nummeriert=True,
                ),
            ),
        ),
        Teil(
            "7. Gegenstandswert",
            (
                Text(
                    format_citation(
                        f"Gegenstandswert ({fall.norm('ao_gegenstandswert')}): "
                        + sammler.pruefe("[Gegenstandswert ergänzen]", "7. Gegenstandswert")
                        + ". Zur Orientierung: die Umsatzsteuer im Fall der Steuerpflicht ist unter 3. genannt."
                    )
                ),
            ),
        ),
        Teil(
            "Anlagen und Unterschrift",
            (
                Text("Anlagen:", _anlagen(fall, sammler)),
                Text(sammler.pruefe("[Ort, Datum ergänzen]", "Unterschrift")),
                Text(sammler.pruefe("[Unterschrift, Name und Funktion ergänzen]", "Unterschrift")),
            ),
        ),
    ]
    finanzamt = sammler.pruefe("[zuständiges Finanzamt ergänzen]", "Kopf")
    return Schriftstueck(
        art=ART,
        kurzname="Antrag verbindliche Auskunft",
        titel=ART,
        untertitel=format_citation(f"nach {fall.norm('ao_auskunft')} in Verbindung mit {norm}"),
        kopfdaten=(
            ("An", f"Finanzamt {finanzamt}"),
            ("Antragsteller", antrag.name),
            ("Betreff", f"Umsatzsteuerliche Behandlung der Zusammenarbeit „{fall.fallakte.bezeichnung}“"),
            ("Stand", format_date(fall.stand)),
        ),
        teile=tuple(teile),
        platzhalter=sammler.liste(),
        stand=fall.stand,
        final=final,
        bezeichnung=fall.fallakte.bezeichnung,
        autor="IKZ-Berater",
        schlagworte=(ART, antrag.name, fall.fallakte.bezeichnung),
        hinweis=" ".join(hinweise) or None,
    )
