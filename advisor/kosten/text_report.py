"""The calculation and the settlement as German plain-text tables for a terminal (``ikz calculate``,
``ikz settle``). Pure: returns a string. Every money column ends with its sum row, so the reader
can check that it adds up.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from advisor.deutsch import betrag, datum, prozent, zahl
from advisor.fallakte import Fallakte
from advisor.kosten.abrechnung import Abrechnung
from advisor.kosten.kalkulation import Kalkulation, Leistungskalkulation
from advisor.kosten.rundung import NULL

_RHYTHMUS = {
    "monatlich": "monatlich",
    "vierteljaehrlich": "vierteljährlich",
    "halbjaehrlich": "halbjährlich",
    "jaehrlich": "jährlich",
}
_MAX_TEXT = 46


def _kurz(text: str, breite: int = _MAX_TEXT) -> str:
    return text if len(text) <= breite else text[: breite - 1] + "…"


def _tabelle(
    kopf: Sequence[str], zeilen: Sequence[Sequence[str]], rechts: set[int], summe: Sequence[str] | None = None
) -> list[str]:
    alle = [list(kopf), *[list(z) for z in zeilen], *([list(summe)] if summe else [])]
    breiten = [max(len(z[i]) for z in alle) for i in range(len(kopf))]

    def zeile(z: Sequence[str]) -> str:
        return (
            "  "
            + "  ".join(
                z[i].rjust(breiten[i]) if i in rechts else z[i].ljust(breiten[i]) for i in range(len(z))
            ).rstrip()
        )

    linie = "  " + "  ".join("-" * b for b in breiten)
    text = [zeile(kopf), linie, *(zeile(z) for z in zeilen)]
    if summe:
        text += [linie, zeile(summe)]
    return text


def _name(fallakte: Fallakte | None, kennung: str) -> str:
    if fallakte is None:
        return kennung
    try:
        return _kurz(f"{fallakte.beteiligter(kennung).name}", 30)
    except KeyError:
        return kennung


def _prozent_oder_strich(wert: Decimal | None) -> str:
    return "–" if wert is None else betrag(wert)


_MASSGEBLICH = {
    "nicht_steuerbar": "maßgeblich ist die Spalte „nicht steuerbar“",
    "steuerfrei": "keine Umsatzsteuer, kein Vorsteuerabzug – maßgeblich ist die Spalte „nicht steuerbar“",
    "steuerpflichtig": "maßgeblich sind die Spalten „stpfl.“ (netto + USt = brutto)",
    "offen": "die Spalten zeigen beide Möglichkeiten",
}


def _leistung(k: Leistungskalkulation, fallakte: Fallakte | None, ergebnis: str | None) -> list[str]:
    out = [
        f"Leistung „{k.leistung}“ – {k.bezeichnung}",
        f"Kalkulationsjahr {k.kalkulationsjahr} · Satzgrundlage {k.satzgrundlage or 'keine (Beträge)'} · "
        f"Beträge in EUR je Jahr",
    ]
    if ergebnis:
        out.append(f"Ergebnis der § 2b-Bewertung: {ergebnis} – {_MASSGEBLICH.get(ergebnis, '')}".rstrip(" –"))
    out += ["", "Kostenpositionen"]
    out += _tabelle(
        ["Art", "Bezeichnung", "Herkunft", "Betrag", "Vorsteuer"],
        [
            [p.art, _kurz(p.bezeichnung, 36), _kurz(p.herkunft, 60), betrag(p.betrag), betrag(p.vorsteuer)]
            for p in k.positionen
        ],
        {3, 4},
        ["Summe", "", "", betrag(k.kosten_netto), betrag(k.vorsteuer)],
    )
    st = k.erstattung_steuerpflichtig
    summen = [
        ("Erstattung, wenn nicht steuerbar (Kosten + Vorsteuer)", k.erstattung_nicht_steuerbar),
        ("Erstattung, wenn steuerpflichtig: netto", st.netto),
        (f"  + Umsatzsteuer {prozent(k.umsatzsteuersatz)} (je Zahler gerechnet)", st.umsatzsteuer),
        ("  = brutto", st.brutto),
        ("Abziehbare Vorsteuer des Erbringers bei Steuerpflicht", k.vorsteuerabzug_bei_steuerpflicht),
    ]
    breite = max(len(t) for t, _ in summen)
    out += ["", *(f"  {t.ljust(breite)}  {betrag(w).rjust(14)}" for t, w in summen)]
    out += ["", f"Verteilung: {k.verteilung}"]
    a = k.anteile
    out += _tabelle(
        [
            "Beteiligter",
            "Gewicht",
            "Quote %",
            "nicht steuerbar",
            "stpfl. netto",
            "USt",
            "stpfl. brutto",
            "Mehrbelastung",
        ],
        [
            [
                _name(fallakte, x.beteiligter) + (" (Erbringer)" if x.rolle == "erbringer" else ""),
                zahl(x.gewicht),
                betrag(x.quote_prozent),
                betrag(x.nicht_steuerbar),
                betrag(x.steuerpflichtig.netto),
                betrag(x.steuerpflichtig.umsatzsteuer),
                betrag(x.steuerpflichtig.brutto),
                betrag(x.mehrbelastung_bei_steuerpflicht),
            ]
            for x in a
        ],
        {1, 2, 3, 4, 5, 6, 7},
        [
            "Summe",
            "",
            betrag(sum((x.quote_prozent for x in a), NULL)),
            betrag(sum((x.nicht_steuerbar for x in a), NULL)),
            betrag(st.netto),
            betrag(st.umsatzsteuer),
            betrag(st.brutto),
            betrag(sum((x.mehrbelastung_bei_steuerpflicht for x in a), NULL)),
        ],
    )
    if k.wirtschaftlichkeit:
        out += ["", "Wirtschaftlichkeit je Empfänger (Ersparnis gegenüber Eigenerstellung; negativ = Mehrkosten)"]
        out += _tabelle(
            [
                "Beteiligter",
                "Eigenerstellung",
                "Remanenz",
                "Ersparnis o. USt",
                "%",
                "Ersparnis m. USt",
                "%",
                "tragbare USt-Last",
            ],
            [
                [
                    _name(fallakte, v.beteiligter),
                    betrag(v.eigenerstellung),
                    betrag(v.remanenzkosten) if v.remanenzkosten_angegeben else "–",
                    betrag(v.ersparnis_nicht_steuerbar),
                    _prozent_oder_strich(v.ersparnis_nicht_steuerbar_prozent),
                    betrag(v.ersparnis_steuerpflichtig),
                    _prozent_oder_strich(v.ersparnis_steuerpflichtig_prozent),
                    betrag(v.tragbare_mehrbelastung),
                ]
                for v in k.wirtschaftlichkeit.values()
            ],
            {1, 2, 3, 4, 5, 6, 7},
        )
        ohne = [x.beteiligter for x in a if x.rolle == "empfaenger" and x.beteiligter not in k.wirtschaftlichkeit]
        if ohne:
            out.append(
                f"  Ohne Angabe der Eigenerstellung kein Vergleich für: {', '.join(_name(fallakte, o) for o in ohne)}."
            )
    if k.abschlaege:
        termine = sorted({x.faellig for x in k.abschlaege})
        out += [
            "",
            f"Abschläge ({_RHYTHMUS.get(k.abschlagsrhythmus or '', k.abschlagsrhythmus)}, fällig am Ende jeder Periode: "
            + ", ".join(datum(t) for t in termine)
            + "; Beträge ohne Umsatzsteuer)",
        ]
        zeilen = []
        for x in a:
            if x.rolle != "empfaenger":
                continue
            eigene = [ab.betrag for ab in k.abschlaege if ab.beteiligter == x.beteiligter]
            verschieden = sorted(set(eigene), reverse=True)
            je = ", ".join(f"{eigene.count(b)} × {betrag(b)}" for b in verschieden)
            zeilen.append([_name(fallakte, x.beteiligter), je, betrag(sum(eigene, NULL))])
        out += _tabelle(["Beteiligter", "Abschläge", "Summe"], zeilen, {2})
    hinweise = [*(p.hinweis for p in k.positionen if p.hinweis), *k.hinweise]
    if hinweise:
        out += ["", "Hinweise"] + [f"  - {h}" for h in dict.fromkeys(hinweise)]
    if k.quellenhinweise:
        out += ["", "Quellen der Sätze"] + [f"  - {h}" for h in k.quellenhinweise]
    return out


def render_text(
    kalkulation: Kalkulation, fallakte: Fallakte | None = None, ergebnisse: dict[str, str] | None = None
) -> str:
    """The calculation as German text tables, one block per service; ``ergebnisse`` (service id →
    § 2b result) says which column applies."""
    out: list[str] = []
    if fallakte is not None:
        out += [f"Kostenkalkulation: {fallakte.bezeichnung}", ""]
    for k in kalkulation.leistungen:
        if isinstance(k, Leistungskalkulation):
            out += _leistung(k, fallakte, (ergebnisse or {}).get(k.leistung))
        else:
            out += [f"Leistung „{k.leistung}“ – {k.bezeichnung}", f"  Nicht kalkulierbar: {k.grund}"]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_settlement_text(abrechnung: Abrechnung, fallakte: Fallakte | None = None) -> str:
    """The settlement as German text tables: actual share, advances paid, Nachzahlung/Erstattung."""
    out: list[str] = []
    for leistung in abrechnung.leistungen:
        out += [
            f"Spitzabrechnung {leistung.jahr}: Leistung „{leistung.leistung}“ – {leistung.bezeichnung}",
            f"  Ist-Kosten netto {betrag(leistung.kosten_netto)} €, Vorsteuer {betrag(leistung.vorsteuer)} €; "
            + ("steuerpflichtig (Ist-Anteil brutto)" if leistung.steuerpflichtig else "nicht steuerbar"),
        ]
        if leistung.anteil_erbringer is not None:
            out.append(f"  Eigener Anteil des Erbringers: {betrag(leistung.anteil_erbringer)} € (keine Zahlung)")
        out += _tabelle(
            ["Beteiligter", "Ist netto", "USt", "Ist-Anteil", "Abschläge gezahlt", "Nachzahlung (−: Erstattung)"],
            [
                [
                    _name(fallakte, z.beteiligter),
                    betrag(z.ist_netto),
                    betrag(z.ist_umsatzsteuer),
                    betrag(z.ist_anteil),
                    betrag(z.abschlaege_gezahlt),
                    betrag(z.nachzahlung),
                ]
                for z in leistung.zeilen
            ],
            {1, 2, 3, 4, 5},
            [
                "Summe",
                betrag(sum((z.ist_netto for z in leistung.zeilen), NULL)),
                betrag(sum((z.ist_umsatzsteuer for z in leistung.zeilen), NULL)),
                betrag(leistung.summe_ist_anteil),
                betrag(leistung.summe_abschlaege_gezahlt),
                betrag(leistung.summe_nachzahlung),
            ],
        )
        out.append("")
    return "\n".join(out).rstrip() + "\n"
