"""Beschlussvorlage for the council (Rat, Kreistag, Verbandsversammlung) of one party.

Contents: the resolution text first, then purpose, legal form, costs per year and per partner, the
tax result in one paragraph with its risk, the timeline to approval and publication against the
planned start and the end of the VAT transition period, and the annexes. The paper is written for
one party (default: the one that carries the task); the other parties' bodies decide in the same
terms.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Beteiligter
from contracts.entwurf import Block, Schriftstueck, Tabelle, Teil, Text
from contracts.formatting import format_citation, format_date, format_money, parse_money
from contracts.grammatik import Nominalphrase, gross, parteien_im
from contracts.platzhalter import Sammler

from .gemeinsam import ERGEBNISSE, Fall, anteile_tabelle, fall_aus, kopfdaten, rechtsform_text
from .zeitplan import Verfahren, zeitplan

ART = "Beschlussvorlage"
GREMIEN = {
    "gemeinde": "Rat",
    "stadt": "Rat",
    "kreisfreie_stadt": "Rat",
    "kreis": "Kreistag",
    "zweckverband": "Verbandsversammlung",
    "landschaftsverband": "Landschaftsversammlung",
}


def _fuer(fall: Fall, kennung: str | None) -> Beteiligter:
    if kennung is None:
        return fall.traeger
    for b in fall.fallakte.beteiligte:
        if b.id == kennung:
            return b
    raise UngueltigeEingabe(
        [Feldproblem("fuer", f"„{kennung}“ ist kein Beteiligter dieser Fallakte.")],
        "Die Vorlage kann nicht erstellt werden.",
    )


def _verfahren(fall: Fall) -> Verfahren:
    if fall.nicht_zugelassen():
        return "vertrag"
    return {"oerv_delegierend": "oerv", "oerv_mandatierend": "oerv", "zweckverband": "zweckverband"}.get(
        fall.fallakte.rechtsform, "sonstige"
    )  # type: ignore[return-value]


def _beginn(fall: Fall) -> date:
    beginne = [lf.leistung.laufzeit.beginn for lf in fall.leistungen if lf.leistung.laufzeit is not None]
    return max(min(beginne), fall.fallakte.stichtag) if beginne else fall.fallakte.stichtag


def _vertretung(fall: Fall, b: Beteiligter, sammler: Sammler) -> str:
    amt = b.vertreten_durch or (fall.bib.bezeichnungen["amt"].get(b.art) if fall.bib else None)
    if amt:
        return amt
    return sammler.pruefe("[Vertretung ergänzen]", "Beschlussvorschlag")


def _jahresbetrag(fall: Fall, b: Beteiligter) -> tuple[Decimal, Decimal]:
    """(what ``b`` pays a year, what ``b`` receives a year) over all services, with VAT where taxable."""
    zahlt = erhaelt = Decimal("0.00")
    for lf in fall.leistungen:
        kalk = lf.kalkulation
        if kalk is None:
            continue
        steuer = lf.bewertung.ergebnis == "steuerpflichtig"
        for a in kalk.get("anteile", []):
            betrag = parse_money(a["steuerpflichtig"]["brutto"] if steuer else a["nicht_steuerbar"])
            if a["beteiligter"] == b.id:
                zahlt += betrag
            elif lf.leistung.erbringer == b.id:
                erhaelt += betrag
    return zahlt, erhaelt


def _beschlussvorschlag(fall: Fall, b: Beteiligter, gremium: str, sammler: Sammler) -> list[str]:
    andere = parteien_im([x.name for x in fall.fallakte.beteiligte if x.id != b.id], "dat")
    bez = fall.fallakte.bezeichnung
    entwurf = f"in der als Anlage beigefügten Fassung (Entwurf, Stand {format_date(fall.stand)})"
    verfahren = _verfahren(fall)
    vertretung = _vertretung(fall, b, sammler)
    punkte: list[str] = []
    if verfahren == "oerv":
        art = fall.benoetigte_bibliothek().bezeichnungen["art_der_vereinbarung"][fall.fallakte.rechtsform]
        punkte.append(
            f"Der {gremium} stimmt dem Abschluss der {art}n öffentlich-rechtlichen Vereinbarung über „{bez}“ mit {andere} {entwurf} zu."
        )
        punkte.append(
            f"{vertretung} wird ermächtigt, die Vereinbarung zu unterzeichnen, ihre Genehmigung bei der Aufsichtsbehörde "
            "zu beantragen und Änderungen vorzunehmen, die die Aufsichtsbehörde für die Genehmigung verlangt, soweit sie "
            "den wesentlichen Inhalt nicht berühren."
        )
    elif verfahren == "vertrag":
        punkte.append(
            f"Der {gremium} stimmt dem Abschluss eines {rechtsform_text(fall).replace('öffentlich-rechtlicher Vertrag', 'öffentlich-rechtlichen Vertrags')} über „{bez}“ mit {andere} {entwurf} zu."
        )
        punkte.append(f"{vertretung} wird ermächtigt, den Vertrag zu unterzeichnen.")
    elif verfahren == "zweckverband":
        zv = fall.traeger
        if b.id == zv.id:
            punkte.append(f"Die Verbandsversammlung beschließt die Neufassung der Verbandssatzung {entwurf}.")
        else:
            punkte.append(
                f"Der {gremium} weist die Vertreterinnen und Vertreter in der Verbandsversammlung des Zweckverbands "
                f"„{zv.name}“ an, der Neufassung der Verbandssatzung {entwurf} zuzustimmen."
            )
    else:
        punkte.append(
            sammler.pruefe(
                f"Der {gremium} stimmt der Zusammenarbeit „{bez}“ zu: [Vertragsgrundlage ergänzen].",
                "Beschlussvorschlag",
            )
        )
    auskunft = [lf for lf in fall.leistungen if lf.braucht_auskunft]
    if auskunft:
        norm = fall.norm("ao_auskunft")
        antragsteller = {lf.leistung.erbringer for lf in auskunft}
        if b.id in antragsteller:
            punkte.append(
                f"{vertretung} wird beauftragt, beim zuständigen Finanzamt eine verbindliche Auskunft ({norm}) zu beantragen."
            )
        else:
            namen = parteien_im([fall.namen[k] for k in sorted(antragsteller)], "nom")
            punkte.append(
                f"Der {gremium} nimmt zur Kenntnis, dass {namen} eine verbindliche Auskunft ({norm}) beantragt."
            )
    zahlt, erhaelt = _jahresbetrag(fall, b)
    haushalt = sammler.pruefe("[Produkt und Haushaltsstelle ergänzen]", "Beschlussvorschlag")
    if zahlt:
        punkte.append(
            f"Die Aufwendungen von {format_money(zahlt)} jährlich werden im Haushalt veranschlagt: {haushalt}."
        )
    if erhaelt:
        punkte.append(
            f"Die Erstattungen der übrigen Beteiligten von {format_money(erhaelt)} jährlich werden im Haushalt veranschlagt: {haushalt}."
        )
    return [format_citation(p) for p in punkte]


def _zweck(fall: Fall, sammler: Sammler) -> list[Block]:
    ziele = (
        fall.fallakte.ziele.strip()
        if fall.fallakte.ziele
        else sammler.pruefe(
            "[Ziele der Zusammenarbeit ergänzen]", "Zweck", {"[Ziele der Zusammenarbeit ergänzen]": "ziele"}
        )
    )
    leistungen = tuple(
        f"„{lf.leistung.bezeichnung}“: wahrgenommen von {Nominalphrase.aus_name(fall.namen[lf.leistung.erbringer]).dat} "
        f"für {parteien_im([fall.namen[e] for e in lf.leistung.empfaenger], 'akk')}"
        for lf in fall.leistungen
    )
    return [Text(ziele), Text("Gegenstand:", leistungen)]


def _rechtsform(fall: Fall) -> list[Block]:
    verfahren = _verfahren(fall)
    if verfahren == "vertrag":
        from contracts.assembly import meldung_nicht_zugelassen

        bib = fall.benoetigte_bibliothek()
        return [Text(meldung_nicht_zugelassen(bib, b)) for b in fall.nicht_zugelassen()]
    erbringer = {lf.leistung.erbringer for lf in fall.leistungen}
    traeger = parteien_im([fall.namen[e] for e in sorted(erbringer)], "nom")
    if fall.fallakte.rechtsform == "oerv_delegierend":
        text = (
            f"Mit der delegierenden Vereinbarung übernimmt {traeger} die Aufgabe in die eigene Zuständigkeit; Recht und "
            f"Pflicht zur Erfüllung gehen über ({fall.norm('gkg_delegierend')}). Die abgebenden Beteiligten sind für die "
            "Aufgabe nicht mehr zuständig."
        )
    elif fall.fallakte.rechtsform == "oerv_mandatierend":
        text = (
            f"Mit der mandatierenden Vereinbarung führt {traeger} die Aufgabe für die übrigen Beteiligten durch; deren "
            f"Zuständigkeit und Verantwortung bleiben bestehen ({fall.norm('gkg_mandatierend')})."
        )
    elif fall.fallakte.rechtsform == "zweckverband":
        text = (
            f"Der Zweckverband „{fall.traeger.name}“ nimmt die Aufgabe für seine Mitglieder wahr; die Verbandssatzung wird "
            f"neu gefasst ({fall.norm('gkg_zv_satzung')}, {fall.norm('gkg_zv_aenderung')}). Eine Änderung der Aufgaben "
            "bedarf eines einstimmigen Beschlusses der Verbandsversammlung."
        )
    else:
        text = f"Rechtsform: {rechtsform_text(fall)}."
    return [Text(gross(text))]


def _kosten(fall: Fall, b: Beteiligter, sammler: Sammler) -> list[Block]:
    bloecke: list[Block] = []
    for lf in fall.leistungen:
        titel = f"„{lf.leistung.bezeichnung}“ – Kosten je Jahr und Beteiligtem"
        mit_steuer = lf.bewertung.ergebnis in ("steuerpflichtig", "offen")
        tabelle = anteile_tabelle(lf, fall.namen, mit_steuer=mit_steuer, titel=titel)
        if tabelle is None:
            bloecke.append(Text(sammler.pruefe(f"{titel}: [Kostenkalkulation ergänzen]", "Kosten")))
            continue
        jahr = (lf.kalkulation or {}).get("kalkulationsjahr")
        bloecke.append(Text(f"Kalkulationsjahr {jahr}." if jahr else "Kalkulationsjahr: siehe Kalkulation."))
        bloecke.append(tabelle)
        for a in (lf.kalkulation or {}).get("anteile", []):
            if a["beteiligter"] == b.id and a.get("eigenerstellung") not in (None, ""):
                bloecke.append(
                    Text(
                        f"Gegenüber der Eigenerstellung ({format_money(a['eigenerstellung'])} je Jahr) spart {Nominalphrase.aus_name(b.name).nom} "
                        f"{format_money(a['ersparnis_nicht_steuerbar'])} je Jahr ohne Umsatzsteuer"
                        + (
                            f", {format_money(a['ersparnis_steuerpflichtig'])} bei Steuerpflicht."
                            if mit_steuer
                            else "."
                        )
                    )
                )
    return bloecke


def _steuer(fall: Fall) -> list[Block]:
    saetze = []
    for lf in fall.leistungen:
        lb = lf.bewertung
        k = lf.entscheidend
        satz = f"Die Leistung „{lf.leistung.bezeichnung}“ ist nach der steuerlichen Würdigung {ERGEBNISSE[lb.ergebnis]}"
        satz += f"; maßgeblich ist {k.norm} ({k.titel})." if k else "."
        satz += f" Das Risiko einer abweichenden Beurteilung durch die Finanzverwaltung ist {lb.risiko}"
        satz += (
            f": {' '.join(g if g.endswith('.') else g + '.' for g in lb.risikogruende)}" if lb.risikogruende else "."
        )
        if lb.offene_fragen:
            satz += " Offen ist: " + " ".join(q.frage for q in lb.offene_fragen)
        if lf.braucht_auskunft:
            satz += (
                f" Deshalb wird eine verbindliche Auskunft ({fall.norm('ao_auskunft')}) beantragt; die Vereinbarung wird "
                "hinsichtlich dieser Leistung erst mit ihr wirksam."
            )
        saetze.append(format_citation(satz))
    rw = fall.bewertung.regelwerk
    saetze.append(f"Grundlage ist der Steuerliche Prüfvermerk (Regelwerk Version {rw.version}).")
    return [Text(" ".join(saetze))]


def _zeitplan(fall: Fall) -> list[Block]:
    pflicht = fall.regelwerk.parameter["ende_optionszeitraum"]
    pflicht_ab = fall.regelwerk.parameterwert("ende_optionszeitraum", fall.fallakte.stichtag)
    verfahren = _verfahren(fall)
    normen = {
        "schriftform": "",
        "genehmigung": "",
        "bekanntmachung": "",
        "wirksamkeit": "",
        "zv_aenderung": "",
        "auskunft": "",
        "uebergang": format_citation(pflicht.norm),
    }
    if fall.bib is not None:
        for name, kennung in (
            ("schriftform", "gkg_schriftform"),
            ("genehmigung", "gkg_genehmigung"),
            ("bekanntmachung", "gkg_bekanntmachung"),
            ("wirksamkeit", "gkg_wirksamkeit"),
            ("zv_aenderung", "gkg_zv_aenderung"),
            ("auskunft", "ao_auskunft"),
        ):
            normen[name] = fall.norm(kennung)
    plan = zeitplan(
        stand=fall.stand,
        beginn=_beginn(fall),
        verfahren=verfahren,
        auskunft=any(lf.braucht_auskunft for lf in fall.leistungen),
        pflicht_ab=pflicht_ab,
        normen=normen,
    )
    return [
        Tabelle(
            titel="Schritte bis zum Wirksamwerden",
            spalten=("Schritt", "Termin", "Rechtsgrundlage"),
            zeilen=tuple((s.schritt, s.termin, s.grundlage or "—") for s in plan.schritte),
            breiten=(0.42, 0.36, 0.22),
        ),
        *(Text(f) for f in plan.fazit),
    ]


def erstelle_vorlage(
    beratung: Any, *, final: bool = False, stand: date | None = None, regelwerk: Any = None, fuer: str | None = None
) -> Schriftstueck:
    """The Beschlussvorlage of a case for the council of party ``fuer`` (default: the party that
    carries the task).

    Raises:
        UngueltigeEingabe: ``fuer`` is not a party of the case (field ``fuer``).
    """
    fall = fall_aus(beratung, regelwerk=regelwerk, stand=stand, final=final)
    b = _fuer(fall, fuer)
    sammler = fall.sammler()
    gremium = GREMIEN.get(b.art) or sammler.pruefe("[Gremium ergänzen]", "Kopf")
    verfahren = _verfahren(fall)
    if verfahren == "vertrag":
        anlagen = [
            sammler.pruefe(
                "Entwurf des öffentlich-rechtlichen Vertrags [Vertragsentwurf beifügen – ergänzen]", "Anlagen"
            )
        ]
    else:
        anlagen = ["Entwurf der Verbandssatzung" if verfahren == "zweckverband" else "Entwurf der Vereinbarung"]
    anlagen.append("Steuerlicher Prüfvermerk")
    if any(lf.braucht_auskunft for lf in fall.leistungen):
        anlagen.append("Entwurf des Antrags auf verbindliche Auskunft")
    teile = [
        Teil("Beschlussvorschlag", (Text("", tuple(_beschlussvorschlag(fall, b, gremium, sammler)), nummeriert=True),)),
        Teil("1. Zweck der Zusammenarbeit", tuple(_zweck(fall, sammler))),
        Teil("2. Rechtsform", tuple(_rechtsform(fall))),
        Teil("3. Kosten je Jahr und Beteiligtem", tuple(_kosten(fall, b, sammler))),
        Teil("4. Steuerliches Ergebnis", tuple(_steuer(fall))),
        Teil("5. Zeitplan", tuple(_zeitplan(fall))),
        Teil("6. Anlagen", (Text("", tuple(anlagen), nummeriert=True),)),
    ]
    return Schriftstueck(
        art=ART,
        kurzname=ART,
        titel=ART,
        untertitel=f"„{fall.fallakte.bezeichnung}“",
        kopfdaten=kopfdaten(
            fall,
            ("Vorlage für", f"{gremium} – {b.name}"),
            ("Beratungsfolge", sammler.pruefe("[Ausschüsse und Sitzungstermine ergänzen]", "Kopf")),
        ),
        teile=tuple(teile),
        platzhalter=sammler.liste(),
        stand=fall.stand,
        final=final,
        bezeichnung=fall.fallakte.bezeichnung,
        autor="IKZ-Berater",
        schlagworte=(ART, b.name, fall.fallakte.bezeichnung),
    )
