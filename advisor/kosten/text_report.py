"""The calculation as German plain-text tables for a terminal (``ikz calculate``). Pure: returns a
string. Every money column ends with its sum row, so the reader can check that it adds up. The
settlement's text is ``text_abrechnung``'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from advisor.bezeichnungen import ERGEBNISSE_KLEIN, KOSTENARTEN
from advisor.deutsch import betrag, euro, prozent, zahl
from advisor.fallakte import Fallakte
from advisor.kosten.kalkulation import Kalkulation, Leistungskalkulation
from advisor.kosten.rundung import NULL
from advisor.kosten.satztabellen_modell import EIGENE_KLR
from advisor.kosten.text_tabellen import kurz as _kurz
from advisor.kosten.text_tabellen import name as _name
from advisor.kosten.text_tabellen import tabelle as _tabelle


def _prozent_oder_strich(wert: Decimal | None) -> str:
    return "–" if wert is None else betrag(wert)


_MASSGEBLICH = {
    "nicht_steuerbar": "maßgeblich ist die Spalte „nicht steuerbar“",
    "steuerfrei": "keine Umsatzsteuer, kein Vorsteuerabzug – maßgeblich ist die Spalte „nicht steuerbar“",
    "steuerpflichtig": "maßgeblich sind die Spalten „stpfl.“ (netto + USt = brutto)",
    "offen": "die Spalten zeigen beide Möglichkeiten",
}


def _ohne_kennungen(text: str, titel: Mapping[str, str]) -> str:
    """A text with the keys of rate tables replaced by their titles (the reader knows the titles)."""
    for kennung, name in titel.items():
        text = text.replace(kennung, name)
    return text


def _leistung(
    k: Leistungskalkulation, fallakte: Fallakte | None, ergebnis: str | None, titel: Mapping[str, str]
) -> list[str]:
    grundlage = titel.get(k.satzgrundlage, k.satzgrundlage) if k.satzgrundlage else "keine (Beträge)"
    out = [
        f"Leistung „{k.leistung}“ – {k.bezeichnung}",
        f"Kalkulationsjahr {k.kalkulationsjahr} · Satzgrundlage {grundlage} · Beträge in EUR je Jahr",
    ]
    if ergebnis:
        wort = ERGEBNISSE_KLEIN.get(ergebnis, ergebnis)
        out.append(f"Ergebnis der § 2b-Bewertung: {wort} – {_MASSGEBLICH.get(ergebnis, '')}".rstrip(" –"))
    out += ["", "Kostenpositionen"]
    out += _tabelle(
        ["Art", "Bezeichnung", "Herkunft", "Betrag", "Vorsteuer"],
        [
            [
                KOSTENARTEN.get(p.art, p.art),
                _kurz(p.bezeichnung, 36),
                _kurz(_ohne_kennungen(str(p.herkunft), titel), 60),
                betrag(p.betrag),
                betrag(p.vorsteuer),
            ]
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
    if k.warnungen:
        out += ["", "Warnungen (bitte prüfen)"] + [f"  ! {_ohne_kennungen(w, titel)}" for w in k.warnungen]
    out += _anlagen(k)
    out += ["", f"Verteilung: {k.verteilung}"]
    out += _stueckpreis(k)
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
                f"{prozent(x.gewicht)} fest" if x.beteiligter in k.festanteile else zahl(x.gewicht),
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
    out += [f"  {k.restcent_regel}"]
    if k.restcent.nicht_steuerbar or k.restcent.netto:
        out.append(
            f"  Restcents beim Erbringer (nicht in Rechnung gestellt): {euro(k.restcent.nicht_steuerbar)} ohne "
            f"Umsatzsteuer, {euro(k.restcent.netto)} netto bei Steuerpflicht."
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
    out += _abschlaege(k, fallakte)
    hinweise = [*(p.hinweis for p in k.positionen if p.hinweis), *k.hinweise]
    if hinweise:
        out += ["", "Hinweise"] + [f"  - {_ohne_kennungen(h, titel)}" for h in dict.fromkeys(hinweise)]
    if k.quellenhinweise:
        out += ["", "Quellen der Sätze"] + [f"  - {h}" for h in k.quellenhinweise]
    return out


def _anlagen(k: Leistungskalkulation) -> list[str]:
    if not k.anlagen:
        return []
    out = ["", f"Anlagen (Abschreibung und Zinsen {k.kalkulationsjahr})"]
    out += _tabelle(
        ["Anlage", "Basis", "Jahre", "Abschreibung", "Restwert 1.1.", "Restwert 31.12.", "kalk. Zinsen", "FK-Zinsen"],
        [
            [
                _kurz(z.bezeichnung, 30),
                f"{betrag(z.abschreibungsbasis)} ({'WBW' if z.bewertung != 'Anschaffungskosten' else 'AK'})",
                str(z.nutzungsdauer_jahre),
                betrag(z.abschreibung),
                betrag(z.restwert_beginn),
                betrag(z.restwert_ende),
                betrag(z.kalkulatorische_zinsen),
                betrag(z.fremdkapitalzinsen),
            ]
            for z in k.anlagen
        ],
        {1, 2, 3, 4, 5, 6, 7},
    )
    return out


def _stueckpreis(k: Leistungskalkulation) -> list[str]:
    s = k.stueckpreis
    if s is None:
        return []
    art = "vereinbart" if s.vereinbart else "kalkuliert aus Kosten ÷ Menge"
    einheit = s.mengeneinheit or "Einheit"
    return [
        f"  Stückpreis ({art}): {euro(s.preis_nicht_steuerbar)} je {einheit} ohne Umsatzsteuer, {euro(s.preis_netto)} "
        f"netto bei Steuerpflicht; Menge gesamt {zahl(s.menge_gesamt)}.",
        f"  Kostendeckung (+ Überdeckung, − Unterdeckung): {euro(s.kostendeckung_nicht_steuerbar)} ohne Umsatzsteuer, "
        f"{euro(s.kostendeckung_steuerpflichtig)} bei Steuerpflicht.",
    ]


def _abschlaege(k: Leistungskalkulation, fallakte: Fallakte | None) -> list[str]:
    if not k.abschlaege:
        return []
    out = ["", f"Abschläge: {k.faelligkeitsregel}"]
    zeilen = []
    for x in k.anteile:
        if x.rolle != "empfaenger":
            continue
        eigene = [ab for ab in k.abschlaege if ab.beteiligter == x.beteiligter]

        def je(werte: list[Decimal]) -> str:
            return ", ".join(f"{werte.count(b)} × {betrag(b)}" for b in sorted(set(werte), reverse=True))

        zeilen.append(
            [
                _name(fallakte, x.beteiligter),
                je([ab.betrag for ab in eigene]),
                je([ab.steuerpflichtig.netto for ab in eigene]),
                je([ab.steuerpflichtig.umsatzsteuer for ab in eigene]),
            ]
        )
    out += _tabelle(["Beteiligter", "ohne USt", "stpfl. netto je Rechnung", "USt je Rechnung"], zeilen, set())
    out += [
        "",
        f"Schlussrechnung bei Steuerpflicht (§ 14 Abs. 5 Satz 2 UStG): ganze Jahresleistung abzüglich der Abschläge, "
        f"Entgelt und Steuer je für sich (Umsatzsteuer {prozent(k.umsatzsteuersatz)} je Abschlagsrechnung gerundet)",
    ]
    out += _tabelle(
        ["Beteiligter", "Leistung netto", "USt", "Abschläge netto", "USt", "verbleibt netto", "USt", "brutto"],
        [
            [
                _name(fallakte, r.beteiligter),
                betrag(r.leistung.netto),
                betrag(r.leistung.umsatzsteuer),
                betrag(r.abschlaege.netto),
                betrag(r.abschlaege.umsatzsteuer),
                betrag(r.verbleibend.netto),
                betrag(r.verbleibend.umsatzsteuer),
                betrag(r.verbleibend.brutto),
            ]
            for r in k.schlussrechnungen
        ],
        {1, 2, 3, 4, 5, 6, 7},
    )
    return out


def render_text(
    kalkulation: Kalkulation,
    fallakte: Fallakte | None = None,
    ergebnisse: Mapping[str, str] | None = None,
    tabellentitel: Mapping[str, str] | None = None,
) -> str:
    """The calculation as German text tables, one block per service; ``ergebnisse`` (service id →
    § 2b result) says which column applies; ``tabellentitel`` (rate-table id → title) names the rate
    tables by their titles instead of their keys."""
    titel = {EIGENE_KLR: "eigene Kosten- und Leistungsrechnung", **(tabellentitel or {})}
    out: list[str] = []
    if fallakte is not None:
        out += [f"Kostenkalkulation: {fallakte.bezeichnung}", ""]
    for k in kalkulation.leistungen:
        if isinstance(k, Leistungskalkulation):
            out += _leistung(k, fallakte, (ergebnisse or {}).get(k.leistung), titel)
        else:
            out += [f"Leistung „{k.leistung}“ – {k.bezeichnung}", f"  Nicht kalkulierbar: {k.grund}"]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
